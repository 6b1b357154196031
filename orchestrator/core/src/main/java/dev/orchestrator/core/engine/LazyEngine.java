package dev.orchestrator.core.engine;

import dev.orchestrator.core.EnvironmentException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Connects docker-java only when a call needs it. Label look-ups, which a build where nothing
 * changed makes for every service, go straight over the unix socket: such a build then never
 * loads docker-java or Jackson.
 */
final class LazyEngine implements Engine {
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
  public EngineInfo preflight(List<String> platforms) {
    return engine().preflight(platforms);
  }

  @Override
  public Map<String, ImageSizes> imageSizes(String imageRef) {
    return engine().imageSizes(imageRef);
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
