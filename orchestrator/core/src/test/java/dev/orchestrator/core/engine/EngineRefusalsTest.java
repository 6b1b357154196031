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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An engine that answers but refuses, played by a local HTTP server: a refusal no caller can go on
 * from is the machine's state (an EnvironmentException naming the command that shows it); the
 * container calls verify turns into failed checks keep their IllegalStateException.
 */
class EngineRefusalsTest {
  private HttpServer server;
  private Engine engine;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    engine =
        Engines.connect(
            URI.create("tcp://127.0.0.1:" + server.getAddress().getPort()),
            new SystemCommandRunner(Map.of()));
  }

  @AfterEach
  void stop() {
    engine.close();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.endsWith("/_ping")) {
      reply(exchange, 200, "text/plain", "OK");
    } else if (path.endsWith("/version") || path.endsWith("/info")) {
      reply(exchange, 500, "application/json", "{\"message\":\"the engine is starting\"}");
    } else if (path.endsWith("/images/monorepo/base:latest/get")) {
      reply(exchange, 200, "application/x-tar", "this is not a tar");
    } else if (path.endsWith("/images/monorepo/base:latest/json")) {
      reply(exchange, 500, "application/json", "{\"message\":\"metadata store is corrupt\"}");
    } else if (method.equals("DELETE") && path.endsWith("/images/monorepo/base:latest")) {
      reply(
          exchange,
          409,
          "application/json",
          "{\"message\":\"conflict: image is being used by running container 0123abcd\"}");
    } else {
      reply(exchange, 404, "application/json", "{\"message\":\"No such image: monorepo/x\"}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void aRefusedPreflightIsTheEnginesStateWithTheCommandThatShowsIt() {
    EnvironmentException e =
        catchThrowableOfType(EnvironmentException.class, () -> engine.preflight(List.of()));

    assertThat(e.getMessage())
        .startsWith("The Docker engine at tcp://127.0.0.1:")
        .contains("refused version", "the engine is starting");
    assertThat(e.remedy()).startsWith("`docker version` shows the same refusal");
  }

  @Test
  void aRefusedImageInspectionIsTheEnginesState() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class, () -> engine.imageExists("monorepo/base:latest"));

    assertThat(e.getMessage())
        .contains("refused inspect monorepo/base:latest", "metadata store is corrupt");
    assertThat(e.remedy()).contains("docker image inspect monorepo/base:latest");
  }

  @Test
  void anImageInUseSaysWhichContainersToRemove() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class, () -> engine.removeImage("monorepo/base:latest"));

    assertThat(e.getMessage()).contains("refused remove monorepo/base:latest", "0123abcd");
    assertThat(e.remedy()).contains("docker ps -a --filter ancestor=monorepo/base:latest");
  }

  @Test
  void anExportThatIsNoOciLayoutNamesTheImageAndTheEngine() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class, () -> engine.imageSizes("monorepo/base:latest"));

    assertThat(e.getMessage())
        .startsWith("could not read the export of monorepo/base:latest from the engine at tcp://");
    assertThat(e.remedy()).contains("docker image save monorepo/base:latest | tar -t");
  }

  @Test
  void aRefusedContainerKeepsTheContractVerifyReliesOn() {
    ContainerSpec spec =
        new ContainerSpec(
            "monorepo/x", "linux/amd64", Map.of(), List.of(), false, Map.of(), false, List.of());

    IllegalStateException e =
        catchThrowableOfType(IllegalStateException.class, () -> engine.createContainer(spec));

    assertThat(e).hasMessageContaining("Docker engine refused create a container of monorepo/x");
  }
}
