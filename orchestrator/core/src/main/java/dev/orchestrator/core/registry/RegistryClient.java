package dev.orchestrator.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.error.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry calls the orchestrator makes itself (buildx makes its own): a manifest {@code HEAD}
 * to find a tag, a manifest {@code GET} and {@code PUT} (to tag an image without pulling it), and
 * blob range reads for sizes. Credentials come from the Docker config ({@link DockerConfig}), and a
 * {@code 401} is answered as the registry asks: {@code Basic}, or the {@code Bearer} token flow. A
 * registry that refuses the configured credentials is an {@link EnvironmentException} naming the
 * registry, the user and the file, never the secret.
 */
public final class RegistryClient {
  static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  /**
   * Made when a registry first answers: every build makes a client, most never call one, and {@code
   * ObjectMapper}'s class initialisation took about 13 ms.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final java.util.function.Supplier<DockerConfig> configs;
  private DockerConfig config;
  private final Map<String, Optional<Credentials>> credentials = new ConcurrentHashMap<>();

  /** {@code Authorization} header values that worked, by registry and scope. */
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();

  private HttpClient http;

  public RegistryClient(DockerConfig config) {
    this(() -> config);
  }

  /**
   * @param configs read on the first call that needs credentials: a build that asks no registry
   *     never reads the Docker config
   */
  public RegistryClient(java.util.function.Supplier<DockerConfig> configs) {
    this.configs = configs;
  }

  private synchronized DockerConfig config() {
    if (config == null) {
      config = configs.get();
    }
    return config;
  }

  /** Anonymous: for tests and dry runs. */
  public RegistryClient() {
    this(DockerConfig.none(null));
  }

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

  /** A manifest or index as the registry stores it: its exact bytes, type and digest. */
  public record Manifest(byte[] body, String mediaType, String digest) {}

  /**
   * @param reference {@code registry[:port]/path/name:tag} or {@code …@sha256:…}
   * @throws EnvironmentException when the registry refuses the configured credentials
   */
  public Answer head(String reference) {
    Optional<ImageReference> parsed = ImageReference.parse(reference);
    if (parsed.isEmpty()) {
      return new Answer(false, Optional.empty(), "not a registry reference: " + reference);
    }
    ImageReference ref = parsed.get();
    URI uri = URI.create(ref.base() + "/manifests/" + ref.reference());
    try {
      HttpResponse<Void> response =
          send(
              ref,
              false,
              HttpRequest.newBuilder(uri)
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .header("Accept", ACCEPT),
              HttpResponse.BodyHandlers.discarding());
      int code = response.statusCode();
      if (code == 200) {
        return new Answer(
            true, response.headers().firstValue("Docker-Content-Digest"), "HEAD " + uri + " 200");
      }
      return new Answer(
          false, Optional.empty(), "HEAD " + uri + " answered " + code + why(ref, code));
    } catch (IOException e) {
      return new Answer(
          false,
          Optional.empty(),
          "HEAD " + uri + " failed: " + (e.getMessage() == null ? "no answer" : e.getMessage()));
    }
  }

  /**
   * The manifest or index by tag or digest; empty when the registry has none (404).
   *
   * @throws EnvironmentException when it cannot be read for another reason
   */
  public Optional<Manifest> manifest(ImageReference ref) {
    URI uri = URI.create(ref.base() + "/manifests/" + ref.reference());
    try {
      HttpResponse<byte[]> response =
          send(
              ref,
              false,
              HttpRequest.newBuilder(uri).GET().header("Accept", ACCEPT),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw failure(
            "GET " + uri + " answered " + response.statusCode() + why(ref, response.statusCode()));
      }
      String digest =
          response
              .headers()
              .firstValue("Docker-Content-Digest")
              .orElseGet(() -> Digests.sha256(response.body()));
      String type =
          response
              .headers()
              .firstValue("Content-Type")
              .orElseGet(() -> mediaTypeOf(response.body()));
      return Optional.of(new Manifest(response.body(), type, digest));
    } catch (IOException e) {
      throw failure("GET " + uri + " failed: " + e.getMessage());
    }
  }

  /**
   * Stores {@code manifest} under {@code target}'s tag: the same bytes, so the same digest (a tag
   * without a pull or a push of layers, which the manifest's repository already holds).
   *
   * @throws EnvironmentException when the registry refuses
   */
  public void putManifest(ImageReference target, Manifest manifest) {
    URI uri = URI.create(target.base() + "/manifests/" + target.reference());
    try {
      HttpResponse<String> response =
          send(
              target,
              true,
              HttpRequest.newBuilder(uri)
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.body()))
                  .header("Content-Type", manifest.mediaType()),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201 && response.statusCode() != 200) {
        throw failure(
            "PUT "
                + uri
                + " answered "
                + response.statusCode()
                + why(target, response.statusCode())
                + ": "
                + response.body().strip());
      }
    } catch (IOException e) {
      throw failure("PUT " + uri + " failed: " + e.getMessage());
    }
  }

  /**
   * Bytes {@code from} to the end of a blob, by an HTTP range request; a registry that ignores the
   * range sends the whole blob, which is then streamed to the same place.
   *
   * @return exactly {@code size - from} bytes
   */
  public byte[] blobTail(ImageReference repository, String digest, long from, long size) {
    URI uri = URI.create(repository.base() + "/blobs/" + digest);
    try {
      HttpResponse<InputStream> response =
          send(
              repository,
              false,
              HttpRequest.newBuilder(uri).GET().header("Range", "bytes=" + from + "-" + (size - 1)),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() == 206) {
          return in.readNBytes((int) (size - from));
        }
        if (response.statusCode() == 200) {
          in.skipNBytes(from);
          return in.readNBytes((int) (size - from));
        }
        throw failure("GET " + uri + " (last bytes) answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw failure("GET " + uri + " failed: " + e.getMessage());
    }
  }

  /** The whole blob, streamed; the caller closes it. */
  public InputStream blob(ImageReference repository, String digest) {
    URI uri = URI.create(repository.base() + "/blobs/" + digest);
    try {
      HttpResponse<InputStream> response =
          send(
              repository,
              false,
              HttpRequest.newBuilder(uri).GET(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw failure("GET " + uri + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw failure("GET " + uri + " failed: " + e.getMessage());
    }
  }

  private String why(ImageReference ref, int code) {
    if (code != 401) {
      return "";
    }
    return credentials(ref.registry()).isPresent()
        ? ""
        : " (credentials needed: " + config().file() + " has none for " + ref.registry() + ")";
  }

  /**
   * Sends with the authorization that last worked for this registry and scope; on a {@code 401},
   * answers its challenge once and sends again.
   */
  private <T> HttpResponse<T> send(
      ImageReference ref,
      boolean push,
      HttpRequest.Builder request,
      HttpResponse.BodyHandler<T> handler)
      throws IOException {
    String scope = "repository:" + ref.name() + ":" + (push ? "pull,push" : "pull");
    String key = ref.registry() + " " + scope;
    request.timeout(Duration.ofSeconds(30));
    String known = authorizations.get(key);
    HttpResponse<T> response =
        exchange(
            known == null ? request : request.copy().setHeader("Authorization", known), handler);
    if (response.statusCode() != 401) {
      return response;
    }
    Optional<Challenge> challenge =
        response.headers().firstValue("WWW-Authenticate").flatMap(Challenge::parse);
    Optional<Credentials> creds = credentials(ref.registry());
    Optional<String> authorization = challenge.flatMap(c -> answer(c, creds, scope, ref));
    if (authorization.isEmpty()) {
      return response;
    }
    closeBody(response);
    HttpResponse<T> again =
        exchange(request.copy().setHeader("Authorization", authorization.get()), handler);
    if (again.statusCode() == 401 && creds.isPresent()) {
      closeBody(again);
      throw refused(ref.registry(), creds.get());
    }
    if (again.statusCode() != 401) {
      authorizations.put(key, authorization.get());
    }
    return again;
  }

  private Optional<String> answer(
      Challenge challenge, Optional<Credentials> creds, String scope, ImageReference ref) {
    if (challenge.basic()) {
      return creds.filter(c -> !c.identityToken()).map(RegistryClient::basic);
    }
    if (!challenge.bearer() || challenge.parameter("realm").isEmpty()) {
      return Optional.empty();
    }
    StringBuilder url = new StringBuilder(challenge.parameter("realm").get());
    url.append(url.indexOf("?") < 0 ? '?' : '&');
    challenge
        .parameter("service")
        .ifPresent(
            s ->
                url.append("service=")
                    .append(URLEncoder.encode(s, StandardCharsets.UTF_8))
                    .append('&'));
    url.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
    URI realm;
    try {
      realm = URI.create(url.toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (realm.getScheme() == null || !realm.getScheme().startsWith("http")) {
      return Optional.empty(); // not a token endpoint this client can ask
    }
    HttpRequest.Builder token = HttpRequest.newBuilder(realm).GET().timeout(Duration.ofSeconds(30));
    creds.filter(c -> !c.identityToken()).ifPresent(c -> token.header("Authorization", basic(c)));
    try {
      HttpResponse<String> answer = exchange(token, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 401 || answer.statusCode() == 403) {
        if (creds.isPresent()) {
          throw refused(ref.registry(), creds.get());
        }
        return Optional.empty();
      }
      if (answer.statusCode() != 200) {
        throw failure(
            "the token endpoint of " + ref.registry() + " answered " + answer.statusCode());
      }
      var json = Json.MAPPER.readTree(answer.body());
      String value = json.path("token").asText(json.path("access_token").asText(""));
      return value.isEmpty() ? Optional.empty() : Optional.of("Bearer " + value);
    } catch (IOException e) {
      throw failure("the token endpoint of " + ref.registry() + " failed: " + e.getMessage());
    }
  }

  private Optional<Credentials> credentials(String registry) {
    return credentials.computeIfAbsent(registry, r -> config().credentials(r));
  }

  private <T> HttpResponse<T> exchange(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException {
    try {
      return http().send(request.build(), handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void closeBody(HttpResponse<?> response) {
    if (response.body() instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException e) {
        // nothing left to read from it
      }
    }
  }

  private static String basic(Credentials c) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((c.username() + ":" + c.secret()).getBytes(StandardCharsets.UTF_8));
  }

  private EnvironmentException refused(String registry, Credentials creds) {
    return new EnvironmentException(
        "registry " + registry + " refused the credentials of " + creds.describe() + " (401)",
        "check the user and password: `docker login "
            + registry
            + "` writes the file the orchestrator reads (DOCKER_CONFIG, else ~/.docker)");
  }

  private static EnvironmentException failure(String message) {
    return new EnvironmentException(
        message, "check that the registry answers and the image exists");
  }

  private static String mediaTypeOf(byte[] body) {
    try {
      return Json.MAPPER
          .readTree(body)
          .path("mediaType")
          .asText("application/vnd.oci.image.manifest.v1+json");
    } catch (IOException e) {
      return "application/vnd.oci.image.manifest.v1+json";
    }
  }
}
