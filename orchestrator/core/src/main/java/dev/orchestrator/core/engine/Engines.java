package dev.orchestrator.core.engine;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.CommandRunner;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Opens connections to Docker engines: the engine API spoken directly for the calls a build makes
 * before building, docker-java for the rest (and for everything over TLS).
 */
public final class Engines {
  static final String EXPECTED = "unix:///path/to/docker.sock or tcp://host:port";
  static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private Engines() {}

  /**
   * The engine named by {@code DOCKER_HOST} in {@code environment} (the runner's, so that builds
   * and the engine API reach the same engine), else docker-java's default ({@code
   * unix:///var/run/docker.sock}). Does not contact it: call {@link Engine#preflight} for that.
   *
   * @param runner runs the docker CLI where the engine API is not enough (the buildx probe)
   * @throws EnvironmentException when {@code DOCKER_HOST} is not an address the engine API can use
   */
  public static Engine connect(CommandRunner runner, Map<String, String> environment) {
    Optional<String> host =
        Optional.ofNullable(environment.get("DOCKER_HOST")).filter(h -> !h.isBlank());
    if (host.isEmpty() && !dockerJavaConfiguredElsewhere()) {
      return connect(URI.create(DEFAULT_HOST), runner, environment);
    }
    if (host.isEmpty()) {
      try {
        return DockerJavaConnections.defaultEngine(runner);
      } catch (IllegalArgumentException e) {
        // docker-java's defaults also read DOCKER_HOST from system properties and
        // ~/.docker-java.properties.
        throw new EnvironmentException(
            "docker-java's default Docker host is not usable: " + e.getMessage() + ".",
            "Set DOCKER_HOST to " + EXPECTED + ".",
            e);
      }
    }
    URI uri = dockerHost(host.get());
    try {
      return connect(uri, runner, environment);
    } catch (IllegalArgumentException e) {
      throw badHost(host.get(), e.getMessage(), e);
    }
  }

  /**
   * Whether docker-java's defaults would not be {@code unix:///var/run/docker.sock}: its {@code
   * DOCKER_HOST} system property or {@code ~/.docker-java.properties} say otherwise. Reads no
   * docker-java class.
   */
  private static boolean dockerJavaConfiguredElsewhere() {
    return System.getProperty("DOCKER_HOST") != null
        || java.nio.file.Files.exists(
            java.nio.file.Path.of(System.getProperty("user.home"), ".docker-java.properties"));
  }

  /** The engine at {@code host}, such as {@code unix:///run/other.sock} or a tcp address. */
  static Engine connect(URI host, CommandRunner runner) {
    return connect(host, runner, Map.of());
  }

  /**
   * A {@link LazyEngine} where the engine API can be spoken directly, so docker-java loads only
   * when a call needs it; else (TLS, named pipes) docker-java at once.
   */
  private static Engine connect(URI host, CommandRunner runner, Map<String, String> environment) {
    Optional<EngineApi> direct = EngineApi.forHost(host, environment);
    if (direct.isEmpty()) {
      return DockerJavaConnections.connect(host, runner);
    }
    return new LazyEngine(
        direct.get(),
        new BuildxProbe(runner, RememberedProbes.inUserCache(environment)),
        () -> DockerJavaConnections.connect(host, runner));
  }

  /**
   * The value of {@code DOCKER_HOST} as an address docker-java can connect to; what it cannot (it
   * would throw as it connects, some with a bare NullPointerException) is refused here, naming the
   * value and the form expected.
   */
  static URI dockerHost(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw badHost(value, "not an address (" + e.getMessage() + ")", e);
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw badHost(value, "it has no scheme", null);
    }
    switch (scheme) {
      case "unix" -> {
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
          throw badHost(value, "a unix address needs the socket's absolute path", null);
        }
      }
      case "tcp" -> {
        if (uri.getHost() == null) {
          throw badHost(value, "a tcp address needs a host", null);
        }
        if (uri.getPort() > 65535) {
          throw badHost(value, "port " + uri.getPort() + " is out of range", null);
        }
      }
      case "npipe" -> {
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
          throw badHost(value, "named pipes exist only on Windows", null);
        }
      }
      case "ssh" ->
          throw badHost(
              value,
              "docker-java, the engine client, has no ssh transport; forward the socket"
                  + " (ssh -nNL /tmp/docker.sock:/var/run/docker.sock host) and use"
                  + " unix:///tmp/docker.sock",
              null);
      default -> throw badHost(value, "scheme '" + scheme + "' is not supported", null);
    }
    return uri;
  }

  private static EnvironmentException badHost(String value, String why, Throwable cause) {
    return new EnvironmentException(
        "DOCKER_HOST=" + value + " is not a Docker engine address: " + why + ".",
        "Set DOCKER_HOST to " + EXPECTED + ", or unset it for unix:///var/run/docker.sock.",
        cause);
  }
}
