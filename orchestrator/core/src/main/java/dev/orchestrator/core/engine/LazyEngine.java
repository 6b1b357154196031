package dev.orchestrator.core.engine;

import dev.orchestrator.core.EnvironmentException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Connects docker-java only when a call needs it. On a unix socket, preflight, label look-ups
 * and image exports go straight over the socket, so that builds never pay for loading
 * docker-java (about a second of start-up); other transports and the rarer calls use it.
 */
final class LazyEngine implements Engine {
  private static final String NO_ENGINE_REMEDY =
      "Start one with `make engine`, or point DOCKER_HOST at a running engine.";
  private final URI host;
  private final Supplier<Engine> connect;
  private final Optional<EngineSocket> socket;
  private Engine engine;

  LazyEngine(URI host, Supplier<Engine> connect) {
    this.host = host;
    this.connect = connect;
    this.socket = EngineSocket.forHost(host);
  }

  private synchronized Engine engine() {
    if (engine == null) {
      engine = connect.get();
    }
    return engine;
  }

  @Override
  @SuppressWarnings("unchecked")
  public EngineInfo preflight(List<String> platforms) {
    if (socket.isEmpty()) {
      return engine().preflight(platforms);
    }
    // The same checks as DockerJavaEngine's, over the socket: no client library to load.
    EngineSocket.Response ping = call("ping", "/_ping");
    if (ping.status() != 200 || !ping.body().strip().equals("OK")) {
      throw new EnvironmentException("What answers at " + host + " is not a Docker engine ("
          + ping.status() + " " + ping.body().strip() + ").", NO_ENGINE_REMEDY);
    }
    Map<String, Object> version = (Map<String, Object>) MiniJson.parse(call("version", "/version").body());
    String api = String.valueOf(version.get("ApiVersion"));
    PreflightChecks.requireApi(api);
    Map<String, Object> info = (Map<String, Object>) MiniJson.parse(call("info", "/info").body());
    List<List<String>> driverStatus = new java.util.ArrayList<>();
    if (info.get("DriverStatus") instanceof List<?> rows) {
      for (Object row : rows) {
        if (row instanceof List<?> pair) {
          driverStatus.add(pair.stream().map(String::valueOf).toList());
        }
      }
    }
    boolean containerd = PreflightChecks.hasContainerdStore(driverStatus);
    BuildxProbe.Result buildx = new BuildxProbe(host).probe();
    PreflightChecks.requireFeatures(containerd, buildx, platforms);
    return new EngineInfo(String.valueOf(version.get("Version")), api, containerd,
        buildx.platforms(), version.get("Os") + "/" + version.get("Arch"));
  }

  @Override
  public Map<String, ImageSizes> imageSizes(String imageRef) {
    if (socket.isEmpty()) {
      return engine().imageSizes(imageRef);
    }
    java.nio.file.Path spool = null;
    try {
      spool = java.nio.file.Files.createTempFile("image-export", ".tar");
      int status = socket.get().download("/images/" + EngineSocket.encode(imageRef) + "/get", spool);
      if (status == 404) {
        return Map.of();
      }
      if (status != 200) {
        throw new IllegalStateException("Docker engine refused save " + imageRef + ": " + status);
      }
      return OciLayoutSizes.read(spool);
    } catch (IOException e) {
      throw new EnvironmentException("No Docker engine answers at " + host + " (save " + imageRef
          + " failed: " + e.getMessage() + ").", NO_ENGINE_REMEDY, e);
    } finally {
      if (spool != null) {
        try {
          java.nio.file.Files.deleteIfExists(spool);
        } catch (IOException e) {
          // a temporary file left behind
        }
      }
    }
  }

  private EngineSocket.Response call(String what, String path) {
    try {
      return socket.orElseThrow().get(path);
    } catch (IOException e) {
      throw new EnvironmentException("No Docker engine answers at " + host + " (" + what
          + " failed: " + e.getMessage() + ").", NO_ENGINE_REMEDY, e);
    }
  }

  @Override
  public boolean imageExists(String imageRef) {
    return engine().imageExists(imageRef);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<String> imageLabel(String imageRef, String key) {
    if (socket.isEmpty()) {
      return engine().imageLabel(imageRef, key);
    }
    EngineSocket.Response response;
    try {
      response = socket.get().get("/images/" + EngineSocket.encode(imageRef) + "/json");
    } catch (IOException e) {
      throw new EnvironmentException("No Docker engine answers at " + host + " (inspect "
          + imageRef + " failed: " + e.getMessage() + ").",
          "Start one with `make engine`, or point DOCKER_HOST at a running engine.", e);
    }
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (response.status() != 200) {
      throw new IllegalStateException("Docker engine refused inspect " + imageRef + ": "
          + response.status() + " " + response.body().strip());
    }
    Object json = MiniJson.parse(response.body());
    Object config = json instanceof Map<?, ?> m ? m.get("Config") : null;
    Object labels = config instanceof Map<?, ?> c ? c.get("Labels") : null;
    Object value = labels instanceof Map<?, ?> l ? ((Map<String, Object>) l).get(key) : null;
    return Optional.ofNullable(value instanceof String v ? v : null);
  }

  @Override
  public void removeImage(String imageRef) {
    engine().removeImage(imageRef);
  }

  @Override
  public synchronized void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
