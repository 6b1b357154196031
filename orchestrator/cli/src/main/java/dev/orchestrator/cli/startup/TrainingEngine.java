package dev.orchestrator.cli.startup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the engine API, for the start-up archive's training run only: on a unix socket of
 * its own, it answers the questions a build with nothing to do asks (version, info, image inspect)
 * the way dockerd 26 does, with the input hashes it is told. So that run passes through the engine
 * client, the up-to-date check and the report, and their classes and call sites go into the
 * archive, without an engine on the machine and without touching one that is there.
 */
final class TrainingEngine implements AutoCloseable {
  private final Path socket;
  private final ServerSocketChannel server;
  private final Map<String, String> hashes = new ConcurrentHashMap<>();
  private final Thread acceptor;
  private final String imageId;

  /**
   * Listens at {@code socket} (a path that does not exist yet) until closed; its images are one
   * small image in a content store beside the socket, so that sizes are read as from dockerd's.
   */
  TrainingEngine(Path socket) throws IOException {
    this.socket = socket;
    this.imageId = ContentStoreImage.write(contentStore(socket), arch());
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    acceptor = new Thread(this::acceptAll, "training-engine");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** For {@code DOCKER_HOST}. */
  String host() {
    return "unix://" + socket.toAbsolutePath();
  }

  /** From now on, the image of {@code service} carries {@code inputHash}. */
  void imageOf(String service, String inputHash) {
    hashes.put(service, inputHash);
  }

  private void acceptAll() {
    while (server.isOpen()) {
      try {
        SocketChannel connection = server.accept();
        Thread t = new Thread(() -> answer(connection), "training-engine-call");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void answer(SocketChannel connection) {
    try (connection) {
      InputStream in = Channels.newInputStream(connection);
      OutputStream out = Channels.newOutputStream(connection);
      String path = requestPath(in);
      String body = answerTo(path);
      int status = body == null ? 404 : 200;
      if (body == null) {
        body = "{\"message\":\"No such image: " + path + "\"}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      out.write(
          ("HTTP/1.0 "
                  + status
                  + (status == 200 ? " OK" : " Not Found")
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + bytes.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
    } catch (IOException ignored) {
      // the client went away: nothing to answer
    }
  }

  /** The request line's path; the headers are read up to the blank line and dropped. */
  private static String requestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    String[] line = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0].split(" ");
    return line.length > 1 ? line[1] : "/";
  }

  private String answerTo(String path) {
    String unversioned = path.replaceFirst("^/v[0-9.]+/", "/");
    if (unversioned.equals("/_ping")) {
      return "OK";
    }
    if (unversioned.equals("/version")) {
      return recorded("version.json").replace("@ARCH@", arch());
    }
    if (unversioned.equals("/info")) {
      return recorded("info.json")
          .replace("@ROOT@", socket.getParent().resolve("engine-root").toString())
          .replace("@UNAME_ARCH@", arch().equals("arm64") ? "aarch64" : "x86_64");
    }
    if (unversioned.startsWith("/images/") && unversioned.endsWith("/json")) {
      String ref =
          URLDecoder.decode(
              unversioned.substring("/images/".length(), unversioned.length() - "/json".length()),
              StandardCharsets.UTF_8);
      String name = ref.substring(ref.lastIndexOf('/') + 1).replaceFirst(":[^:]*$", "");
      String hash = hashes.get(name);
      return hash == null ? null : inspect(ref, hash);
    }
    return null;
  }

  private static Path contentStore(Path socket) {
    return socket
        .getParent()
        .resolve("engine-root/containerd/daemon/io.containerd.content.v1.content");
  }

  private String inspect(String ref, String hash) {
    return recorded("inspect.json")
        .replace("@ID@", imageId)
        .replace("@REF@", ref)
        .replace("@HASH@", hash)
        .replace("@ARCH@", arch());
  }

  /**
   * An answer as dockerd 26.1.5 gave it on a Debian 12 machine (its shape and size, which decide
   * what the client's parsing runs through), with {@code @NAME@} where this engine's own values go.
   */
  private static String recorded(String name) {
    try (InputStream in = TrainingEngine.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String arch() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
  }

  @Override
  public void close() throws IOException {
    server.close();
    java.nio.file.Files.deleteIfExists(socket);
  }
}
