package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The direct engine client's HTTP: answers as the engine sends them, and what is no HTTP. */
class EngineApiTest {

  private static EngineApi.Response parse(String raw) throws IOException {
    return EngineApi.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aPlainAnswerEndsAtItsContentLength() throws IOException {
    EngineApi.Response r =
        parse("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]");

    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
  }

  @Test
  void aChunkedAnswerIsJoined() throws IOException {
    EngineApi.Response r =
        parse(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\n{\"a\r\n5;ext=1\r\n\":1}\n\r\n0\r\n\r\n");

    assertThat(r.json().path("a").asInt()).isEqualTo(1);
  }

  @Test
  void aRefusalCarriesTheEnginesMessage() throws IOException {
    EngineApi.Response r =
        parse(
            "HTTP/1.0 404 Not Found\r\nContent-Length: 36\r\n\r\n"
                + "{\"message\":\"No such image: x:1\"}\n   ");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.message()).isEqualTo("No such image: x:1");
  }

  @Test
  void whatIsNoHttpIsSaidSo() {
    assertThat(catchThrowableOfType(EngineApi.NotHttp.class, () -> parse("SSH-2.0-OpenSSH\r\n")))
        .hasMessageContaining("not HTTP");
    assertThat(catchThrowableOfType(EngineApi.NotHttp.class, () -> parse("hello\r\n\r\n")))
        .hasMessageContaining("not HTTP: hello");
  }

  @Test
  void aBrokenOffAnswerIsAnError() {
    assertThat(
            catchThrowableOfType(
                IOException.class, () -> parse("HTTP/1.0 200 OK\r\nContent-Length: 10\r\n\r\n[]")))
        .hasMessageContaining("broke off after 2 of 10 bytes");
  }

  @Test
  void queriesAndReferencesAreEncodedForTheRequestLine() {
    assertThat(EngineApi.encode("{\"label\":[\"a.b\"]}"))
        .isEqualTo("%7B%22label%22:%5B%22a.b%22%5D%7D");
    assertThat(EngineApi.encode("127.0.0.1:5000/ns/app:1@sha256:ab"))
        .isEqualTo("127.0.0.1:5000/ns/app:1@sha256:ab");
  }

  @Test
  void tlsAndNamedPipesStayWithDockerJava() {
    assertThat(EngineApi.forHost(URI.create("unix:///var/run/docker.sock"), Map.of())).isPresent();
    assertThat(EngineApi.forHost(URI.create("tcp://h:2375"), Map.of())).isPresent();
    assertThat(EngineApi.forHost(URI.create("tcp://h:2376"), Map.of("DOCKER_TLS_VERIFY", "1")))
        .isEmpty();
    assertThat(EngineApi.forHost(URI.create("npipe:////./pipe/docker_engine"), Map.of())).isEmpty();
  }
}
