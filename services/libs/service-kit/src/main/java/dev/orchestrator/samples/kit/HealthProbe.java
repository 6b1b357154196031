package dev.orchestrator.samples.kit;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The client side of {@code /health}, for the image's HEALTHCHECK. HttpURLConnection rather than
 * java.net.http: it lives in java.base, so the jlink'd runtime needs no extra module.
 */
final class HealthProbe {

  private HealthProbe() {}

  static boolean probe(int port) {
    try {
      var connection =
          (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/health").openConnection();
      connection.setConnectTimeout(3_000);
      connection.setReadTimeout(5_000);
      try (InputStream body = connection.getInputStream()) {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        return connection.getResponseCode() == 200 && text.contains("\"status\":\"ok\"");
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      System.err.println("unhealthy: " + e);
      return false;
    }
  }
}
