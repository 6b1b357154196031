package dev.orchestrator.core.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a registry whether a tag exists, with a manifest {@code HEAD} (no pull): {@code HEAD
 * /v2/<name>/manifests/<tag>} accepting OCI indexes and manifests and Docker manifest lists. {@code
 * localhost} and {@code 127.0.0.1} are spoken to over plain HTTP, as Docker does by default; every
 * other registry over HTTPS. Anonymous only: a registry that wants credentials answers "not found"
 * here, with the reason.
 */
public final class RegistryClient {
  static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  private HttpClient http;

  /** Made on first use: setting up TLS loads a few hundred classes that most builds never need. */
  private synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(3))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return http;
  }

  /** The answer: found (with the digest the registry gave), or not, and why. */
  public record Answer(boolean found, Optional<String> digest, String detail) {}

  /**
   * @param reference {@code registry[:port]/path/name:tag}
   */
  public Answer head(String reference) {
    int slash = reference.indexOf('/');
    int colon = reference.lastIndexOf(':');
    if (slash < 0 || colon < slash) {
      return new Answer(false, Optional.empty(), "not a registry reference: " + reference);
    }
    String registry = reference.substring(0, slash);
    String name = reference.substring(slash + 1, colon);
    String tag = reference.substring(colon + 1);
    String scheme =
        registry.startsWith("localhost") || registry.startsWith("127.0.0.1") ? "http" : "https";
    URI uri = URI.create(scheme + "://" + registry + "/v2/" + name + "/manifests/" + tag);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .header("Accept", ACCEPT)
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<Void> response = http().send(request, HttpResponse.BodyHandlers.discarding());
      int code = response.statusCode();
      if (code == 200) {
        return new Answer(
            true, response.headers().firstValue("Docker-Content-Digest"), "HEAD " + uri + " 200");
      }
      return new Answer(
          false,
          Optional.empty(),
          "HEAD "
              + uri
              + " answered "
              + code
              + (code == 401 ? " (credentials needed; only anonymous look-ups are made)" : ""));
    } catch (IOException e) {
      return new Answer(
          false,
          Optional.empty(),
          "HEAD " + uri + " failed: " + (e.getMessage() == null ? "no answer" : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(false, Optional.empty(), "interrupted");
    }
  }
}
