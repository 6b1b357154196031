package dev.orchestrator.core.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry speaking the distribution HTTP API on 127.0.0.1, in memory: manifests by tag and
 * digest, blobs with range requests, and optionally Basic auth or the Bearer token flow. Records
 * every request line (with its Range header) so tests can check what was read.
 */
final class HttpRegistry implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

  final HttpServer server;
  final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
  final Map<String, String> manifestTypes = new ConcurrentHashMap<>();
  final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  String basicUser;
  String basicPassword;
  boolean bearer;
  boolean honourRange = true;

  HttpRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::token);
    server.createContext("/v2/", this::v2);
    server.start();
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String basicHeader() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8));
  }

  private void token(HttpExchange ex) throws IOException {
    requests.add("TOKEN " + ex.getRequestURI());
    if (!basicHeader().equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      reply(ex, 401, new byte[0], Map.of());
      return;
    }
    reply(ex, 200, "{\"token\":\"tok-123\"}".getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private void v2(HttpExchange ex) throws IOException {
    String range = ex.getRequestHeaders().getFirst("Range");
    requests.add(
        ex.getRequestMethod()
            + " "
            + ex.getRequestURI().getPath()
            + (range == null ? "" : " " + range));
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (bearer && !"Bearer tok-123".equals(auth)) {
      reply(
          ex,
          401,
          new byte[0],
          Map.of(
              "WWW-Authenticate",
              "Bearer realm=\"http://" + address() + "/token\",service=\"test\""));
      return;
    }
    if (basicUser != null && !bearer && !basicHeader().equals(auth)) {
      reply(ex, 401, new byte[0], Map.of("WWW-Authenticate", "Basic realm=\"test\""));
      return;
    }
    String path = ex.getRequestURI().getPath();
    int m = path.indexOf("/manifests/");
    int b = path.indexOf("/blobs/");
    if (m >= 0) {
      String key = path.substring(m + "/manifests/".length());
      if (ex.getRequestMethod().equals("PUT")) {
        byte[] body = ex.getRequestBody().readAllBytes();
        manifests.put(key, body);
        manifestTypes.put(key, ex.getRequestHeaders().getFirst("Content-Type"));
        reply(ex, 201, new byte[0], Map.of());
        return;
      }
      byte[] body = manifests.get(key);
      if (body == null) {
        reply(ex, 404, new byte[0], Map.of());
        return;
      }
      reply(
          ex,
          200,
          ex.getRequestMethod().equals("HEAD") ? null : body,
          Map.of(
              "Docker-Content-Digest",
              Digests.sha256(body),
              "Content-Type",
              manifestTypes.getOrDefault(key, "application/vnd.oci.image.manifest.v1+json")));
      return;
    }
    if (b >= 0) {
      byte[] blob = blobs.get(path.substring(b + "/blobs/".length()));
      if (blob == null) {
        reply(ex, 404, new byte[0], Map.of());
        return;
      }
      Matcher r = range == null ? null : RANGE.matcher(range);
      if (honourRange && r != null && r.matches()) {
        int from = Integer.parseInt(r.group(1));
        int to = Integer.parseInt(r.group(2));
        byte[] part = java.util.Arrays.copyOfRange(blob, from, to + 1);
        reply(ex, 206, part, Map.of());
        return;
      }
      reply(ex, 200, blob, Map.of());
      return;
    }
    reply(ex, 200, new byte[0], Map.of());
  }

  /** Stores a manifest under its digest and under {@code tag}; returns its digest. */
  String manifest(String name, String tag, String json, String mediaType) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String digest = Digests.sha256(body);
    for (String key : new String[] {digest, tag}) {
      if (key != null) {
        manifests.put(key, body);
        manifestTypes.put(key, mediaType);
      }
    }
    return digest;
  }

  String blob(byte[] content) {
    String digest = Digests.sha256(content);
    blobs.put(digest, content);
    return digest;
  }

  private static void reply(HttpExchange ex, int code, byte[] body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    if (body == null) {
      ex.sendResponseHeaders(code, -1);
    } else {
      ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
