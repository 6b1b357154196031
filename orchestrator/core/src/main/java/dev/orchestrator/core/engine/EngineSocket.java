package dev.orchestrator.core.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A few read-only engine API calls straight over the engine's unix socket (HTTP/1.0, one
 * connection per call), for the paths that must start fast: loading docker-java and Jackson
 * costs about a second, an inspect over the socket a millisecond.
 */
final class EngineSocket {
  private final Path socket;

  private EngineSocket(Path socket) {
    this.socket = socket;
  }

  /** For {@code unix://} hosts only; other transports go through docker-java. */
  static Optional<EngineSocket> forHost(URI host) {
    return "unix".equals(host.getScheme())
        ? Optional.of(new EngineSocket(Path.of(host.getPath()))) : Optional.empty();
  }

  /** A response: status code and body. */
  record Response(int status, String body) {}

  Response get(String path) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      String request = "GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n";
      ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) {
        channel.write(out);
      }
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      ByteBuffer in = ByteBuffer.allocate(16 * 1024);
      while (channel.read(in) >= 0) {
        in.flip();
        received.write(in.array(), 0, in.limit());
        in.clear();
      }
      String text = received.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/") || end < 0) {
        throw new IOException("not an HTTP answer from " + socket);
      }
      int status = Integer.parseInt(text.substring(9, 12));
      return new Response(status, text.substring(end + 4));
    }
  }

  /**
   * Streams a response body into a file (an image export can be large).
   *
   * @return the status code; the file holds the body only when it is 200
   */
  int download(String path, Path file) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        java.io.OutputStream body = java.nio.file.Files.newOutputStream(file)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer out = ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) {
        channel.write(out);
      }
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      ByteBuffer in = ByteBuffer.allocate(64 * 1024);
      int status = -1;
      while (channel.read(in) >= 0) {
        in.flip();
        if (status < 0) {
          head.write(in.array(), 0, in.limit());
          byte[] bytes = head.toByteArray();
          int end = indexOf(bytes, new byte[] {'\r', '\n', '\r', '\n'});
          if (end >= 0) {
            status = Integer.parseInt(new String(bytes, 9, 3, StandardCharsets.US_ASCII));
            body.write(bytes, end + 4, bytes.length - end - 4);
          }
        } else {
          body.write(in.array(), 0, in.limit());
        }
        in.clear();
      }
      if (status < 0) {
        throw new IOException("not an HTTP answer from " + socket);
      }
      return status;
    }
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Percent-encodes what a path segment of an image reference may not hold as is. */
  static String encode(String ref) {
    StringBuilder out = new StringBuilder();
    for (byte b : ref.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (Character.isLetterOrDigit(c) && c < 128 || "/:._-@".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
