package dev.orchestrator.core;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry on loopback that answers manifest {@code HEAD}s from a table: a tag with a digest is
 * there (200), an unknown one is not (404), and with {@link #requireCredentials} everything is 401.
 * A {@code GET} of a known one answers {@link #MANIFEST}; a {@code PUT} makes its tag known.
 */
final class FakeRegistry implements AutoCloseable {
  static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

  /** The body of every manifest {@code GET}: an image with no layers and no config. */
  static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"layers\":[]}";

  private final HttpServer server;
  private final Map<String, String> digests = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean credentials;

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v2/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(exchange.getRequestMethod() + " " + path);
          String digest = digests.get(path);
          if (digest == null && path.contains("/manifests/hash-")) {
            digest = digests.get(path.substring(0, path.indexOf("/manifests/")) + "/hash-*");
          }
          if (credentials) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"x\"");
            exchange.sendResponseHeaders(401, -1);
          } else if (exchange.getRequestMethod().equals("PUT")) {
            // A tag written registry-side: it now names the manifest it was given.
            exchange.getRequestBody().readAllBytes();
            digests.put(path, "sha256:" + "e".repeat(64));
            exchange.sendResponseHeaders(201, -1);
          } else if (digest != null && exchange.getRequestMethod().equals("GET")) {
            byte[] body = MANIFEST.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
            exchange.getResponseHeaders().add("Content-Type", MANIFEST_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          } else if (digest != null) {
            exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
            exchange.sendResponseHeaders(200, -1);
          } else {
            exchange.sendResponseHeaders(404, -1);
          }
          exchange.close();
        });
    server.start();
  }

  /** {@code 127.0.0.1:PORT}, as a profile's {@code registry}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Makes {@code repository:tag} (without the registry part) exist with this digest. */
  void has(String repository, String tag, String digest) {
    digests.put("/v2/" + repository + "/manifests/" + tag, digest);
  }

  /** Makes every {@code hash-…} tag of {@code repository} exist with this digest. */
  void hasEveryHashTag(String repository, String digest) {
    digests.put("/v2/" + repository + "/hash-*", digest);
  }

  void requireCredentials() {
    credentials = true;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
