package dev.orchestrator.core.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Whether a container port accepts TCP connections, through its published port on 127.0.0.1 (as
 * {@link HttpProbe} reaches it). Docker's port proxy accepts every connection on the host side and
 * closes it at once when nothing listens in the container, so a connection only counts when it
 * stays open: the server sends something, or waits for the client to speak first.
 */
final class TcpProbe {
  private static final int CONNECT_MILLIS = 2_000;
  private static final int STAYS_OPEN_MILLIS = 500;

  private TcpProbe() {}

  static boolean accepts(int hostPort) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", hostPort), CONNECT_MILLIS);
      socket.setSoTimeout(STAYS_OPEN_MILLIS);
      return staysOpen(socket.getInputStream());
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean staysOpen(InputStream in) throws IOException {
    try {
      return in.read() >= 0;
    } catch (SocketTimeoutException e) {
      return true;
    }
  }
}
