package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a build asks before building goes over the engine API directly, played by a local HTTP
 * server with the engine's answers: docker-java is connected only for a call that needs it.
 */
class LazyEngineTest {
  private HttpServer server;
  private LazyEngine engine;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requests = new ArrayList<>();
  private String driverType = "io.containerd.snapshotter.v1";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    URI host = URI.create("tcp://127.0.0.1:" + server.getAddress().getPort());
    engine =
        new LazyEngine(
            EngineApi.forHost(host, Map.of()).orElseThrow(),
            new BuildxProbe(new SystemCommandRunner(Map.of())),
            () -> {
              connections.incrementAndGet();
              return DockerJavaConnections.connect(host, new SystemCommandRunner(Map.of()));
            });
  }

  @AfterEach
  void stop() {
    engine.close();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getQuery();
    synchronized (requests) {
      requests.add(path + (query == null ? "" : "?" + query));
    }
    switch (path) {
      case "/version" ->
          reply(
              exchange,
              200,
              "{\"Version\":\"26.1.5\",\"ApiVersion\":\"1.45\",\"Os\":\"linux\",\"Arch\":\"amd64\"}");
      case "/info" ->
          reply(exchange, 200, "{\"DriverStatus\":[[\"driver-type\",\"" + driverType + "\"]]}");
      case "/images/ns/a:latest/json" ->
          reply(exchange, 200, "{\"Config\":{\"Labels\":{\"k\":\"v1\"}}}");
      case "/images/ns/broken:latest/get" ->
          reply(exchange, 500, "{\"message\":\"export is broken\"}");
      case "/images/ns/broken:latest/json" ->
          reply(exchange, 500, "{\"message\":\"metadata store is corrupt\"}");
      default -> reply(exchange, 404, "{\"message\":\"No such image\"}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void preflightAndImageReadsNeedNoDockerJava() {
    EngineInfo info = engine.preflightWithoutBuilder(List.of("linux/amd64"));

    assertThat(info)
        .isEqualTo(new EngineInfo("26.1.5", "1.45", true, List.of("linux/amd64"), "linux/amd64"));
    assertThat(engine.imageLabel("ns/a:latest", "k")).contains("v1");
    assertThat(engine.imageExists("ns/a:latest")).isTrue();
    assertThat(engine.imageExists("ns/gone:latest")).isFalse();
    assertThat(requests)
        .containsExactly(
            "/version",
            "/info",
            "/images/ns/a:latest/json",
            "/images/ns/a:latest/json",
            "/images/ns/gone:latest/json");
    assertThat(connections).hasValue(0);
    assertThat(engine.connected()).isFalse();
  }

  @Test
  void anExportGoesOverTheApiToo() {
    assertThat(engine.imageSizes("ns/gone:latest")).isEmpty();
    assertThat(engine.imageLayers("ns/gone:latest")).isEmpty();

    assertThat(requests)
        .containsExactly("/images/ns/gone:latest/get", "/images/ns/gone:latest/get");
    assertThat(connections).hasValue(0);
  }

  @Test
  void aRefusedExportIsTheEnginesStateWithTheCommandThatShowsIt() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class, () -> engine.imageSizes("ns/broken:latest"));

    assertThat(e.getMessage()).endsWith("refused save ns/broken:latest: export is broken");
    assertThat(e.remedy()).startsWith("`docker image save ns/broken:latest -o /dev/null`");
  }

  @Test
  void aContainerConnectsDockerJavaOnce() {
    catchThrowableOfType(Exception.class, () -> engine.removeContainer("gone"));
    catchThrowableOfType(Exception.class, () -> engine.removeContainer("gone"));

    assertThat(connections).hasValue(1);
  }

  @Test
  void noContainerdStoreFailsPreflightAsBefore() {
    driverType = "overlay2";

    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class, () -> engine.preflightWithoutBuilder(List.of()));

    assertThat(e.getMessage()).contains("does not use the containerd image store");
  }

  @Test
  void aRefusedInspectionIsTheEnginesStateWithTheCommandThatShowsIt() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class, () -> engine.imageExists("ns/broken:latest"));

    assertThat(e.getMessage())
        .startsWith("The Docker engine at tcp://127.0.0.1:")
        .endsWith("refused inspect ns/broken:latest: metadata store is corrupt");
    assertThat(e.remedy()).startsWith("`docker image inspect ns/broken:latest` shows the same");
  }

  @Test
  void somethingThatIsNoEngineIsSaidSo() throws IOException {
    try (java.net.ServerSocket notHttp =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (var s = notHttp.accept()) {
                  s.getOutputStream()
                      .write("SSH-2.0-OpenSSH_9\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                  // the test reads what it got
                }
              });
      t.start();
      URI host = URI.create("tcp://127.0.0.1:" + notHttp.getLocalPort());
      try (Engine other = Engines.connect(host, new SystemCommandRunner(Map.of()))) {
        EnvironmentException e =
            catchThrowableOfType(EnvironmentException.class, () -> other.preflight(List.of()));

        assertThat(e.getMessage())
            .startsWith("What answers at " + host + " is not a Docker engine");
      }
    }
  }
}
