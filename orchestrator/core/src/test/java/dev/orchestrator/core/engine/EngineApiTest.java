package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @TempDir Path dir;

  /** Answers one connection with these bytes, then closes it, as an engine that is done. */
  private static URI serving(byte[] answer) throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread thread =
        new Thread(
            () -> {
              try (server;
                  Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                int last4 = 0;
                while (last4 != 0x0d0a0d0a) {
                  last4 = (last4 << 8) | in.read();
                }
                s.getOutputStream().write(answer);
              } catch (IOException e) {
                // the test sees what the client made of it
              }
            });
    thread.setDaemon(true);
    thread.start();
    return URI.create("tcp://127.0.0.1:" + server.getLocalPort());
  }

  private static byte[] concat(String head, byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] noise(int n) {
    byte[] bytes = new byte[n];
    new Random(n).nextBytes(bytes);
    return bytes;
  }

  private EngineApi.Response download(byte[] answer, Path file) throws IOException {
    return EngineApi.forHost(serving(answer), Map.of()).orElseThrow().download("/x/get", file);
  }

  @Test
  void aChunkedExportIsStreamedToTheFileWhole() throws IOException {
    byte[] first = noise(70_000);
    byte[] second = noise(3);
    byte[] answer =
        concat(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(first.length)
                + ";ext=1\r\n",
            first,
            ("\r\n" + Integer.toHexString(second.length) + "\r\n").getBytes(),
            second,
            "\r\n0\r\n\r\n".getBytes());

    EngineApi.Response r = download(answer, dir.resolve("export.tar"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(Files.readAllBytes(dir.resolve("export.tar"))).isEqualTo(concat("", first, second));
  }

  @Test
  void aPlainExportEndsAtItsLengthAndOneCutShortIsAnError() throws IOException {
    byte[] body = noise(5_000);
    byte[] answer = concat("HTTP/1.0 200 OK\r\nContent-Length: 5000\r\n\r\n", body, noise(9));

    download(answer, dir.resolve("a.tar"));

    assertThat(Files.readAllBytes(dir.resolve("a.tar"))).isEqualTo(body);
    byte[] cut = concat("HTTP/1.0 200 OK\r\nContent-Length: 6000\r\n\r\n", body);
    assertThat(catchThrowableOfType(IOException.class, () -> download(cut, dir.resolve("b.tar"))))
        .hasMessage("the answer broke off after 5000 of 6000 bytes");
    byte[] chunkCut =
        concat("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\n", noise(10));
    assertThat(
            catchThrowableOfType(IOException.class, () -> download(chunkCut, dir.resolve("c.tar"))))
        .hasMessage("the chunked answer broke off");
  }

  @Test
  void aRefusedExportCarriesTheEnginesMessageAndWritesNothingToRead() throws IOException {
    byte[] answer =
        concat(
            "HTTP/1.0 404 Not Found\r\nContent-Length: 28\r\n\r\n",
            "{\"message\":\"No such image\"}".getBytes());

    EngineApi.Response r = download(answer, dir.resolve("gone.tar"));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.message()).isEqualTo("No such image");
  }
}
