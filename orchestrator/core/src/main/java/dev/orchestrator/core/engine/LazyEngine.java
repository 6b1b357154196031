package dev.orchestrator.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.size.ImageSizes;
import dev.orchestrator.core.size.LayerSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of a build: what a build asks before it knows whether anything is to be built
 * (preflight, image inspect) and the export that measures a built image go over {@link EngineApi};
 * docker-java is connected, and its classes loaded, only on the first call that needs it (removing
 * an image, containers). So a build loads no docker-java; verify does.
 */
final class LazyEngine implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(LazyEngine.class);

  private final EngineApi api;
  private final BuilderState builder;
  private final Supplier<Engine> connect;
  // Layers measured once per build, whichever image they belong to.
  private final LayerSizes layers = new LayerSizes();
  private Engine dockerJava;

  /** The engine's containerd content stores this process can read, known after preflight. */
  private volatile List<Path> contentStores = List.of();

  /**
   * @param connect opens the docker-java connection; called at most once, when first needed
   */
  LazyEngine(EngineApi api, BuildxProbe probe, Supplier<Engine> connect) {
    this.api = api;
    this.builder = new BuilderState(probe);
    this.connect = connect;
  }

  private synchronized Engine dockerJava() {
    if (dockerJava == null) {
      LOG.debug("connecting docker-java to {}", api.host());
      dockerJava = connect.get();
    }
    return dockerJava;
  }

  /** Whether images are measured from the engine's content store: for tests. */
  boolean readsContentStore() {
    return !contentStores.isEmpty();
  }

  /** Whether docker-java was connected: for tests that prove it was not. */
  synchronized boolean connected() {
    return dockerJava != null;
  }

  @Override
  public EngineInfo preflight(List<String> platforms) {
    return preflight(platforms, true);
  }

  @Override
  public EngineInfo preflightWithoutBuilder(List<String> platforms) {
    return preflight(platforms, false);
  }

  @Override
  public void requireBuilder(List<String> platforms) {
    builder.require(platforms);
  }

  @Override
  public TimestampRewrite timestampRewrite() {
    return builder.timestampRewrite();
  }

  private EngineInfo preflight(List<String> platforms, boolean askBuildx) {
    JsonNode version = json("version", "docker version", "/version");
    String apiVersion = version.path("ApiVersion").asText("");
    PreflightChecks.requireApi(apiVersion);
    JsonNode info = json("info", "docker info", "/info");
    builder.engineIs(
        info.path("ID").asText("").isEmpty()
            ? ""
            : info.path("ID").asText() + " " + version.path("Version").asText(""));
    List<List<String>> statuses = new ArrayList<>();
    info.path("DriverStatus").forEach(pair -> statuses.add(texts(pair)));
    contentStores =
        PreflightChecks.hasContainerdStore(statuses)
            ? readableContentStores(info.path("DockerRootDir").asText(""))
            : List.of();
    EngineInfo found =
        PreflightChecks.judge(
            version.path("Version").asText(""),
            apiVersion,
            version.path("Os").asText("") + "/" + version.path("Arch").asText(""),
            PreflightChecks.hasContainerdStore(statuses),
            builder.forPreflight(askBuildx, platforms),
            platforms);
    LOG.debug("engine at {}: {}", api.host(), found);
    return found;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Override
  public boolean imageExists(String imageRef) {
    return inspect(imageRef).isPresent();
  }

  @Override
  public Optional<String> imageLabel(String imageRef, String key) {
    return inspect(imageRef)
        .map(i -> i.path("Config").path("Labels").path(key))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText);
  }

  /** The image's inspect document, or empty when the engine has no such image. */
  private Optional<JsonNode> inspect(String imageRef) {
    String what = "inspect " + imageRef;
    EngineApi.Response r = call(what, "/images/" + EngineApi.encode(imageRef) + "/json");
    if (r.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(parse(what, "docker image inspect " + imageRef, r));
  }

  @Override
  public Map<String, ImageSizes> imageSizes(String imageRef) {
    Map<String, ImageSizes> sizes = new TreeMap<>();
    imageLayers(imageRef).forEach((platform, image) -> sizes.put(platform, image.sizes()));
    return sizes;
  }

  /**
   * Where the engine keeps its images' blobs under the containerd image store, when it is on this
   * machine (a unix socket) and this process may read them: in the containerd that dockerd starts
   * itself ({@code DockerRootDir/containerd/daemon}), else in the system's containerd.
   */
  private List<Path> readableContentStores(String dockerRootDir) {
    if (!"unix".equals(api.host().getScheme())) {
      return List.of();
    }
    List<Path> candidates = new ArrayList<>();
    if (!dockerRootDir.isBlank()) {
      candidates.add(Path.of(dockerRootDir, "containerd/daemon/io.containerd.content.v1.content"));
    }
    candidates.add(Path.of("/var/lib/containerd/io.containerd.content.v1.content"));
    return candidates.stream().filter(ContentStoreBlobs::readable).toList();
  }

  /**
   * The image's layers and sizes: from the engine's content store where this process can read it
   * ({@link OciLayoutSizes#readStored}: one inspect for the image's digest, then its manifests,
   * configs and layer trailers), else from the export ({@code GET /images/NAME/get}: 30 to 65 ms of
   * the engine's time for an image of a few layers, most of it spent adding every blob to a lease).
   * Both give the same layers and sizes, to the byte (EngineIT).
   */
  @Override
  public Map<String, PlatformImage> imageLayers(String imageRef) {
    List<Path> stores = contentStores;
    Optional<JsonNode> image = stores.isEmpty() ? Optional.empty() : inspect(imageRef);
    if (!stores.isEmpty() && image.isEmpty()) {
      return Map.of(); // no such image, as the export's 404 says
    }
    for (Path store : stores) {
      try {
        Optional<Map<String, PlatformImage>> stored =
            OciLayoutSizes.readStored(store, image.get().path("Id").asText(""), layers);
        if (stored.isPresent()) {
          LOG.debug("layers of {} read from the content store {}", imageRef, store);
          return stored.get();
        }
      } catch (IOException e) {
        LOG.debug("layers of {} not read from {}: {}", imageRef, store, e.toString());
      }
    }
    return exportedLayers(imageRef);
  }

  /**
   * The image's export ({@code GET /images/NAME/get}, an OCI layout under the containerd store),
   * spooled to a temporary file and read there: blobs come before {@code index.json}. Direct, so
   * that measuring a freshly built image does not load docker-java.
   */
  Map<String, PlatformImage> exportedLayers(String imageRef) {
    String what = "save " + imageRef;
    Path spool = null;
    try {
      spool = Files.createTempFile("image-export", ".tar");
      EngineApi.Response r;
      try {
        r = api.download("/images/" + EngineApi.encode(imageRef) + "/get", spool);
      } catch (EngineApi.NotHttp e) {
        throw notAnEngine(what, e.getMessage(), e);
      }
      if (r.status() == 404) {
        return Map.of();
      }
      if (r.status() != 200) {
        throw new EnvironmentException(
            "The Docker engine at " + api.host() + " refused " + what + ": " + r.message(),
            EngineWords.reproduce("docker image save " + imageRef + " -o /dev/null"));
      }
      return OciLayoutSizes.read(spool, layers);
    } catch (IOException e) {
      throw EngineWords.exportFailed(imageRef, api.host(), spool, e);
    } finally {
      BuildxProbe.deleteQuietly(spool);
    }
  }

  @Override
  public void removeImage(String imageRef) {
    dockerJava().removeImage(imageRef);
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    return dockerJava().createContainer(spec);
  }

  @Override
  public void startContainer(String containerId) {
    dockerJava().startContainer(containerId);
  }

  @Override
  public ContainerState inspectContainer(String containerId) {
    return dockerJava().inspectContainer(containerId);
  }

  @Override
  public String containerLogs(String containerId, int lines) {
    return dockerJava().containerLogs(containerId, lines);
  }

  @Override
  public void removeContainer(String containerId) {
    dockerJava().removeContainer(containerId);
  }

  @Override
  public synchronized void close() {
    if (dockerJava != null) {
      dockerJava.close();
    }
  }

  /** A 200 answer's JSON; any other answer is a refusal nothing can go on from. */
  private JsonNode json(String what, String command, String path) {
    return parse(what, command, call(what, path));
  }

  private JsonNode parse(String what, String command, EngineApi.Response r) {
    if (r.status() != 200) {
      throw new EnvironmentException(
          "The Docker engine at " + api.host() + " refused " + what + ": " + r.message(),
          EngineWords.reproduce(command));
    }
    try {
      return r.json();
    } catch (IOException e) {
      throw notAnEngine(what, "its answer is not JSON: " + FileErrors.reason(e), e);
    }
  }

  private EngineApi.Response call(String what, String path) {
    try {
      return api.get(path);
    } catch (EngineApi.NotHttp e) {
      throw notAnEngine(what, e.getMessage(), e);
    } catch (IOException e) {
      throw new EnvironmentException(
          "No Docker engine answers at "
              + api.host()
              + " ("
              + what
              + " failed: "
              + FileErrors.reason(e)
              + ").",
          EngineWords.NO_ENGINE_REMEDY,
          e);
    }
  }

  /** Something may answer at the address without being a Docker engine (a proxy, say). */
  private EnvironmentException notAnEngine(String what, String why, Exception cause) {
    return new EnvironmentException(
        "What answers at " + api.host() + " is not a Docker engine (" + what + ": " + why + ").",
        EngineWords.NO_ENGINE_REMEDY,
        cause);
  }
}
