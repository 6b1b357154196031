package dev.orchestrator.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine API's read-only {@code GET} calls a build makes before it knows whether anything is to
 * be built (version, info, image inspect, the labelled-image listing), spoken directly: one
 * HTTP/1.0 request per connection over the engine's unix socket or plain tcp. docker-java, whose
 * classes take about half a second to load, is then loaded only when a build, an export or a
 * container needs it ({@link LazyEngine}).
 */
final class EngineApi {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  // An export streams every layer: a large image over a slow disk takes minutes, not seconds.
  private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(30);
  private static final int MAX_HEAD_BYTES = 64 << 10;

  /** One answer: the HTTP status and the body. */
  record Response(int status, byte[] body) {
    JsonNode json() throws IOException {
      return JsonTrees.read(body);
    }

    /** The engine's own words for a refusal ({@code {"message": …}}), else the body. */
    String message() {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      try {
        JsonNode m = JsonTrees.read(body).path("message");
        return m.isTextual() ? m.asText().strip() : text;
      } catch (IOException e) {
        return text.isEmpty() ? "HTTP " + status : text;
      }
    }
  }

  /** What answered is no HTTP server (so no engine), as opposed to nothing answering. */
  static final class NotHttp extends IOException {
    NotHttp(String message) {
      super(message);
    }
  }

  private final URI host;

  private EngineApi(URI host) {
    this.host = host;
  }

  /**
   * A direct client for {@code host}, when it is a unix socket, or tcp without TLS (TLS, named
   * pipes and docker-java's own configuration stay with docker-java).
   */
  static Optional<EngineApi> forHost(URI host, Map<String, String> environment) {
    String tls = environment.getOrDefault("DOCKER_TLS_VERIFY", "");
    boolean plain = tls.isEmpty() || tls.equals("0") || tls.equalsIgnoreCase("false");
    return switch (host.getScheme()) {
      case "unix" -> Optional.of(new EngineApi(host));
      case "tcp" -> plain ? Optional.of(new EngineApi(host)) : Optional.empty();
      default -> Optional.empty();
    };
  }

  URI host() {
    return host;
  }

  /**
   * @param pathAndQuery such as {@code /version}; the engine answers unversioned paths with its own
   *     API version
   * @throws IOException when no engine answers, or the answer is not HTTP
   */
  Response get(String pathAndQuery) throws IOException {
    return exchange(pathAndQuery, RESPONSE_TIMEOUT, EngineApi::read);
  }

  /**
   * A {@code GET} whose 200 body is streamed into a file (an image export is too big to hold in
   * memory); any other answer's body is read, for its message.
   *
   * @throws IOException when no engine answers, the answer is not HTTP, or it breaks off
   */
  Response download(String pathAndQuery, Path file) throws IOException {
    return exchange(
        pathAndQuery,
        DOWNLOAD_TIMEOUT,
        raw -> {
          InputStream in = new BufferedInputStream(raw, 1 << 16);
          Head head = Head.parse(readHead(in));
          InputStream body = head.body(in);
          if (head.status() != 200) {
            return new Response(head.status(), body.readAllBytes());
          }
          try (OutputStream out = Files.newOutputStream(file)) {
            head.requireWhole(body.transferTo(out));
          }
          return new Response(200, new byte[0]);
        });
  }

  private interface Reader {
    Response read(InputStream in) throws IOException;
  }

  private Response exchange(String pathAndQuery, Duration timeout, Reader reader)
      throws IOException {
    byte[] request =
        ("GET "
                + pathAndQuery
                + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: orchestrator\r\n"
                + "Accept: application/json\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    if (host.getScheme().equals("unix")) {
      try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        // A unix channel's streams have no read time-out: a stalled engine is cut off by closing.
        ScheduledFuture<?> limit =
            timer()
                .schedule(() -> closeQuietly(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
          channel.connect(UnixDomainSocketAddress.of(host.getPath()));
          return send(
              request, Channels.newOutputStream(channel), Channels.newInputStream(channel), reader);
        } finally {
          limit.cancel(false);
        }
      }
    }
    try (Socket socket = new Socket()) {
      int port = host.getPort() > 0 ? host.getPort() : 2375;
      socket.connect(new InetSocketAddress(host.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
      socket.setSoTimeout((int) RESPONSE_TIMEOUT.toMillis());
      return send(request, socket.getOutputStream(), socket.getInputStream(), reader);
    }
  }

  private static Response send(byte[] request, OutputStream out, InputStream in, Reader reader)
      throws IOException {
    out.write(request);
    out.flush();
    return reader.read(in);
  }

  /** The status line and headers, up to the blank line; the stream is left at the body. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0 || head.size() > MAX_HEAD_BYTES) {
        throw new NotHttp("the answer is not HTTP (no end of headers)");
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    byte[] bytes = head.toByteArray();
    return new String(bytes, 0, bytes.length - 4, StandardCharsets.ISO_8859_1);
  }

  /** What the status line and headers say: the code, and how the body is framed. */
  private record Head(int status, boolean chunked, long length) {
    static Head parse(String text) throws NotHttp {
      String[] head = text.split("\r\n");
      String[] status = head[0].split(" ", 3);
      if (status.length < 2 || !status[0].startsWith("HTTP/")) {
        throw new NotHttp("the answer is not HTTP: " + head[0]);
      }
      int code;
      try {
        code = Integer.parseInt(status[1]);
      } catch (NumberFormatException e) {
        throw new NotHttp("the answer is not HTTP: " + head[0]);
      }
      boolean chunked = false;
      long length = -1;
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = head[i].substring(colon + 1).strip();
        if (name.equals("transfer-encoding")
            && value.toLowerCase(Locale.ROOT).contains("chunked")) {
          chunked = true;
        } else if (name.equals("content-length")) {
          try {
            length = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new NotHttp("the answer's Content-Length is not a number: " + value);
          }
        }
      }
      return new Head(code, chunked, chunked ? -1 : length);
    }

    /** A body shorter than its {@code Content-Length} broke off (a chunked one says so itself). */
    void requireWhole(long read) throws IOException {
      if (length >= 0 && read < length) {
        throw new IOException("the answer broke off after " + read + " of " + length + " bytes");
      }
    }

    /** The body as it comes, unchunked and bounded by its length. */
    InputStream body(InputStream in) {
      if (chunked) {
        return new HttpBodies.Chunked(in);
      }
      return length < 0 ? in : new HttpBodies.Bounded(in, length);
    }
  }

  /** An HTTP/1.x response read to its end: status line, headers, then a plain or chunked body. */
  static Response parse(byte[] raw) throws IOException {
    return read(new java.io.ByteArrayInputStream(raw));
  }

  /** The answer on this stream, its body read whole (one decoder for both framings). */
  private static Response read(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    Head head = Head.parse(readHead(in));
    byte[] body = head.body(in).readAllBytes();
    head.requireWhole(body.length);
    return new Response(head.status(), body);
  }

  /** Percent-encodes what may not stand in a path segment or query; keeps {@code / : @}. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/:@".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append(String.format("%%%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static ScheduledExecutorService timer;

  private static synchronized ScheduledExecutorService timer() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "engine-api-timeout");
                t.setDaemon(true);
                return t;
              });
    }
    return timer;
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing is all that was wanted
    }
  }
}
