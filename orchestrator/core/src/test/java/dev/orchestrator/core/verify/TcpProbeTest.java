package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpProbeTest {
  private static ServerSocket server() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @Test
  void aServerThatWaitsForTheClientAccepts() throws IOException {
    try (ServerSocket server = server()) {
      // The backlog completes the handshake; nobody reads or closes: a server waiting for a
      // request.
      assertThat(TcpProbe.accepts(server.getLocalPort())).isTrue();
    }
  }

  @Test
  void aConnectionClosedAtOnceAsDockersPortProxyDoesWithoutAListenerIsNotAccepted()
      throws Exception {
    try (ServerSocket server = server()) {
      Thread closer =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  // closed at once
                } catch (IOException ignored) {
                  // the test fails on its assertion instead
                }
              });
      closer.start();
      assertThat(TcpProbe.accepts(server.getLocalPort())).isFalse();
      closer.join();
    }
  }

  @Test
  void aPortNobodyListensOnIsNotAccepted() throws IOException {
    int port;
    try (ServerSocket server = server()) {
      port = server.getLocalPort();
    }
    assertThat(TcpProbe.accepts(port)).isFalse();
  }
}
