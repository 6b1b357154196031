package dev.orchestrator.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials as the docker CLI resolves them from {@code $DOCKER_CONFIG/config.json}
 * (else {@code ~/.docker/config.json}): a {@code credHelpers} entry for the registry, else the
 * {@code credsStore}, both asked with {@code docker-credential-<name> get}; else the {@code auths}
 * entry's base64 {@code user:password} (or {@code username}/{@code password}, {@code
 * identitytoken}). No file, no credentials: anonymous.
 */
public final class DockerConfig {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final JsonNode root;
  private final CommandRunner runner;

  private DockerConfig(Path file, JsonNode root, CommandRunner runner) {
    this.file = file;
    this.root = root;
    this.runner = runner;
  }

  /**
   * @param environment where {@code DOCKER_CONFIG} and {@code HOME} are read
   * @throws ConfigurationException when the file exists but is not a JSON object
   */
  public static DockerConfig load(Map<String, String> environment, CommandRunner runner) {
    String dir = environment.get("DOCKER_CONFIG");
    Path file =
        dir != null && !dir.isBlank()
            ? Path.of(dir, "config.json")
            : Path.of(
                environment.getOrDefault("HOME", System.getProperty("user.home")),
                ".docker",
                "config.json");
    if (!Files.isRegularFile(file)) {
      return new DockerConfig(file, JSON.createObjectNode(), runner);
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      if (root == null || !root.isObject()) {
        throw new ConfigurationException(
            Problem.inFile(file, "expected a JSON object (the docker CLI's config file)"));
      }
      return new DockerConfig(file, root, runner);
    } catch (IOException e) {
      throw new ConfigurationException(
          Problem.inFile(
              file,
              "cannot read it as the docker CLI's config file: "
                  + e.getMessage().lines().findFirst().orElse("")));
    }
  }

  /** No file: every registry is asked anonymously. */
  public static DockerConfig none(CommandRunner runner) {
    return new DockerConfig(Path.of("config.json"), JSON.createObjectNode(), runner);
  }

  public Path file() {
    return file;
  }

  /**
   * @param registry {@code host[:port]} as in an image reference
   * @throws EnvironmentException when the credential helper cannot be run or fails
   */
  public Optional<Credentials> credentials(String registry) {
    String helper = root.path("credHelpers").path(registry).asText("");
    if (helper.isEmpty()) {
      helper = root.path("credsStore").asText("");
    }
    if (!helper.isEmpty()) {
      Optional<Credentials> fromHelper = fromHelper(helper, registry);
      if (fromHelper.isPresent() || root.path("credHelpers").has(registry)) {
        return fromHelper;
      }
    }
    return fromAuths(registry);
  }

  private Optional<Credentials> fromAuths(String registry) {
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("auths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!host(entry.getKey()).equals(registry)) {
        continue;
      }
      JsonNode auth = entry.getValue();
      String source = file + " (auths." + entry.getKey() + ")";
      if (!auth.path("identitytoken").asText("").isEmpty()) {
        return Optional.of(new Credentials("<token>", auth.path("identitytoken").asText(), source));
      }
      if (!auth.path("auth").asText("").isEmpty()) {
        String decoded;
        try {
          decoded =
              new String(
                  Base64.getDecoder().decode(auth.path("auth").asText().strip()),
                  StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException(
              Problem.inFile(
                  file, "auths." + entry.getKey() + ".auth is not base64 of user:password"));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
          throw new ConfigurationException(
              Problem.inFile(
                  file, "auths." + entry.getKey() + ".auth is not base64 of user:password"));
        }
        return Optional.of(
            new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1), source));
      }
      if (!auth.path("username").asText("").isEmpty()) {
        return Optional.of(
            new Credentials(
                auth.path("username").asText(), auth.path("password").asText(""), source));
      }
    }
    return Optional.empty();
  }

  /** {@code docker-credential-<helper> get}, the registry on standard input, JSON out. */
  private Optional<Credentials> fromHelper(String helper, String registry) {
    String program = "docker-credential-" + helper;
    ProcessResult r =
        runner.run(
            Command.of(List.of(program, "get"), null)
                .withTimeLimit(Duration.ofSeconds(30))
                .withInput(registry),
            line -> {});
    String out = String.join("\n", r.output()).strip();
    if (!r.succeeded()) {
      if (out.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
        return Optional.empty();
      }
      // Its output may echo what it was given, never a secret: helpers print errors only.
      throw new EnvironmentException(
          program + " get (named by " + file + ") exited with " + r.exitCode() + " for " + registry,
          "check that the helper works: echo " + registry + " | " + program + " get");
    }
    try {
      JsonNode answer = JSON.readTree(out);
      String secret = answer.path("Secret").asText("");
      if (secret.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Credentials(answer.path("Username").asText(""), secret, file + " via " + program));
    } catch (IOException e) {
      throw new EnvironmentException(
          program + " get (named by " + file + ") did not answer JSON for " + registry,
          "check that the helper works: echo " + registry + " | " + program + " get");
    }
  }

  /** {@code https://host:port/v1/} → {@code host:port}, as the docker CLI matches auths keys. */
  static String host(String key) {
    String h = key.replaceFirst("^[a-zA-Z]+://", "");
    int slash = h.indexOf('/');
    h = slash < 0 ? h : h.substring(0, slash);
    return h.equals("index.docker.io") || h.equals("registry-1.docker.io") ? "docker.io" : h;
  }
}
