package dev.orchestrator.core.verify;

import dev.orchestrator.core.error.FileErrors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One {@code GET} of a container's health path through its published port on 127.0.0.1. */
final class HttpProbe {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private HttpProbe() {}

  /**
   * @return the status code, or -1 when no HTTP response came (the message in {@code error})
   */
  record Answer(int status, String error) {
    boolean ok() {
      return status == 200;
    }
  }

  static Answer get(int hostPort, String path) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    try {
      return new Answer(
          CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), "");
    } catch (IOException e) {
      return new Answer(-1, FileErrors.reason(e));
    }
  }

  /** The check: a 200 passes, anything else fails naming what came back. */
  static CheckResult check(int containerPort, Integer hostPort, String path)
      throws InterruptedException {
    if (hostPort == null) {
      return CheckResult.fail(Check.HTTP, "port " + containerPort + " was not published");
    }
    Answer answer = get(hostPort, path);
    String request = "GET " + path + " on port " + containerPort + " → ";
    if (answer.ok()) {
      return CheckResult.pass(Check.HTTP, request + "200");
    }
    return CheckResult.fail(
        Check.HTTP,
        request + (answer.status() < 0 ? "no answer (" + answer.error() + ")" : answer.status()));
  }
}
