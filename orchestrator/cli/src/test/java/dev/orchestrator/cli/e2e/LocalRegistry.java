package dev.orchestrator.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's {@code docker-registry} (distribution 2.8) on 127.0.0.1 and a free port, storing in a
 * folder of the test's. dockerd and BuildKit treat 127.0.0.0/8 registries as insecure (plain HTTP)
 * by default, so no TLS is needed.
 */
final class LocalRegistry implements AutoCloseable {
  private final Process process;
  private final Path log;
  final String address;

  private LocalRegistry(Process process, Path log, String address) {
    this.process = process;
    this.log = log;
    this.address = address;
  }

  /** The registry's own log, its last lines: what it made of the requests (for a failure). */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no registry log: " + e + ")";
    }
  }

  static LocalRegistry start(Path dir) {
    return start(dir, "");
  }

  /**
   * A registry that wants {@code user} and {@code password} (htpasswd, bcrypt, made with Apache's
   * {@code htpasswd} from apache2-utils, which {@code make engine} installs).
   */
  static LocalRegistry startWithBasicAuth(Path dir, String user, String password) {
    try {
      Files.createDirectories(dir);
      Process p =
          new ProcessBuilder("htpasswd", "-nbB", user, password).redirectErrorStream(true).start();
      String entry = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("htpasswd failed: " + entry);
      }
      Path file = Files.writeString(dir.resolve("htpasswd"), entry + "\n");
      return start(dir, "auth:\n  htpasswd: {realm: orchestrator-test, path: " + file + "}\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run htpasswd (run `make engine`): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static LocalRegistry start(Path dir, String extraConfig) {
    try {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      Files.createDirectories(dir.resolve("storage"));
      Path config =
          Files.writeString(
              dir.resolve("config.yml"),
              """
          version: 0.1
          log: {level: info}
          storage:
            filesystem: {rootdirectory: %s}
            delete: {enabled: true}
          http: {addr: "127.0.0.1:%d"}
          """
                      .formatted(dir.resolve("storage"), port)
                  + extraConfig);
      Process process =
          new ProcessBuilder("docker-registry", "serve", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("registry.log").toFile())
              .start();
      LocalRegistry registry =
          new LocalRegistry(process, dir.resolve("registry.log"), "127.0.0.1:" + port);
      registry.awaitUp(Duration.ofSeconds(30));
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start docker-registry (run `make engine`): " + e, e);
    }
  }

  private void awaitUp(Duration limit) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create("http://" + address + "/v2/"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        int code = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (code == 200 || code == 401) { // 401: up, and wanting credentials
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new IllegalStateException("the registry at " + address + " did not answer GET /v2/ 200");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
