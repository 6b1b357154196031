package dev.orchestrator.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Version;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.size.ImageSizes;
import dev.orchestrator.core.size.LayerSizes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Engine} over docker-java; the only class that sees docker-java's types. */
final class DockerJavaEngine implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(DockerJavaEngine.class);
  private static final String NO_ENGINE_REMEDY = EngineWords.NO_ENGINE_REMEDY;

  private final DockerClient client;
  private final URI host;
  private final BuilderState builder;

  /** Layers measured by this connection: a base layer shared by many images is measured once. */
  private final LayerSizes layers = new LayerSizes();

  DockerJavaEngine(DockerClient client, URI host, BuildxProbe probe) {
    this.client = client;
    this.host = host;
    this.builder = new BuilderState(probe);
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
    ping();
    Version version =
        require("version", reproduce("docker version"), () -> client.versionCmd().exec());
    PreflightChecks.requireApi(version.getApiVersion());
    Info info = require("info", reproduce("docker info"), () -> client.infoCmd().exec());
    EngineInfo found =
        PreflightChecks.judge(
            version.getVersion(),
            version.getApiVersion(),
            version.getOperatingSystem() + "/" + version.getArch(),
            PreflightChecks.hasContainerdStore(info.getDriverStatuses()),
            builder.forPreflight(askBuildx, platforms),
            platforms);
    LOG.debug("engine at {}: {}", host, found);
    return found;
  }

  @Override
  public Map<String, ImageSizes> imageSizes(String imageRef) {
    Map<String, ImageSizes> sizes = new java.util.TreeMap<>();
    imageLayers(imageRef).forEach((platform, image) -> sizes.put(platform, image.sizes()));
    LOG.debug("sizes of {}: {}", imageRef, sizes);
    return sizes;
  }

  @Override
  public Map<String, PlatformImage> imageLayers(String imageRef) {
    Path spool = null;
    try {
      // Blobs come before index.json in the export, so spool it and read it in any order.
      spool = Files.createTempFile("image-export", ".tar");
      try (InputStream export =
          require(
              "save " + imageRef,
              reproduce("docker image save " + imageRef + " -o /dev/null"),
              () -> {
                try {
                  return client.saveImageCmd(imageRef).exec();
                } catch (NotFoundException e) {
                  return null;
                }
              })) {
        if (export == null) {
          return Map.of();
        }
        Files.copy(export, spool, StandardCopyOption.REPLACE_EXISTING);
      }
      return OciLayoutSizes.read(spool, layers);
    } catch (IOException e) {
      throw EngineWords.exportFailed(imageRef, host, spool, e);
    } finally {
      BuildxProbe.deleteQuietly(spool);
    }
  }

  @Override
  public boolean imageExists(String imageRef) {
    return require(
        "inspect " + imageRef,
        reproduce("docker image inspect " + imageRef),
        () -> {
          try {
            client.inspectImageCmd(imageRef).exec();
            return true;
          } catch (NotFoundException e) {
            return false;
          }
        });
  }

  @Override
  public Optional<String> imageLabel(String imageRef, String key) {
    return require(
        "inspect " + imageRef,
        reproduce("docker image inspect " + imageRef),
        () -> {
          try {
            var config = client.inspectImageCmd(imageRef).exec().getConfig();
            return Optional.ofNullable(
                config == null || config.getLabels() == null ? null : config.getLabels().get(key));
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public void removeImage(String imageRef) {
    require(
        "remove " + imageRef,
        "If a container uses it, `docker ps -a --filter ancestor="
            + imageRef
            + "` lists them: remove those (docker rm -f), then run again. "
            + reproduce("docker image rm " + imageRef),
        () -> {
          try {
            return client.removeImageCmd(imageRef).exec();
          } catch (NotFoundException e) {
            LOG.debug("{} was already gone", imageRef);
            return null;
          }
        });
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    List<ExposedPort> ports = spec.publishedPorts().stream().map(ExposedPort::tcp).toList();
    HostConfig host =
        HostConfig.newHostConfig()
            .withPortBindings(
                ports.stream()
                    .map(p -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"), p))
                    .toList())
            .withReadonlyRootfs(spec.readOnlyRootfs())
            .withTmpFs(spec.tmpfs().isEmpty() ? null : spec.tmpfs());
    if (spec.dropAllCapabilities()) {
      host.withCapDrop(Capability.ALL);
    }
    return call(
        "create a container of " + spec.image() + " for " + spec.platform(),
        () -> {
          try (CreateContainerCmd create = client.createContainerCmd(spec.image())) {
            if (!spec.command().isEmpty()) {
              create.withCmd(spec.command());
            }
            return create
                .withPlatform(spec.platform())
                .withLabels(spec.labels())
                .withExposedPorts(ports)
                .withHostConfig(host)
                .exec()
                .getId();
          }
        });
  }

  @Override
  public void startContainer(String containerId) {
    call("start " + containerId, () -> client.startContainerCmd(containerId).exec());
  }

  @Override
  public ContainerState inspectContainer(String containerId) {
    InspectContainerResponse c =
        call("inspect " + containerId, () -> client.inspectContainerCmd(containerId).exec());
    InspectContainerResponse.ContainerState state = c.getState();
    ContainerConfig config = c.getConfig();
    HealthState health = state.getHealth();
    List<HealthStateLog> probes =
        health == null || health.getLog() == null ? List.of() : health.getLog();
    String lastProbe =
        probes.isEmpty() || probes.get(probes.size() - 1).getOutput() == null
            ? ""
            : probes.get(probes.size() - 1).getOutput().trim();
    List<String> test =
        config.getHealthcheck() == null || config.getHealthcheck().getTest() == null
            ? List.of()
            : config.getHealthcheck().getTest();
    if (!test.isEmpty() && "NONE".equals(test.get(0))) {
      test = List.of();
    }
    Map<Integer, Integer> hostPorts = new LinkedHashMap<>();
    if (c.getNetworkSettings() != null && c.getNetworkSettings().getPorts() != null) {
      c.getNetworkSettings()
          .getPorts()
          .getBindings()
          .forEach(
              (port, bindings) -> {
                if (bindings != null
                    && bindings.length > 0
                    && bindings[0].getHostPortSpec() != null) {
                  hostPorts.put(port.getPort(), Integer.parseInt(bindings[0].getHostPortSpec()));
                }
              });
    }
    Long pid = state.getPidLong();
    Long exit = state.getExitCodeLong();
    return new ContainerState(
        c.getId(),
        String.valueOf(state.getStatus()),
        Boolean.TRUE.equals(state.getRunning()),
        exit == null ? 0 : exit.intValue(),
        pid == null ? 0 : pid,
        Optional.ofNullable(health).map(HealthState::getStatus).filter(h -> !h.isEmpty()),
        lastProbe,
        config.getUser() == null ? "" : config.getUser(),
        config.getLabels() == null ? Map.of() : config.getLabels(),
        test,
        hostPorts,
        strings(config.getEntrypoint()),
        strings(config.getCmd()),
        config.getExposedPorts() == null
            ? List.of()
            : Arrays.stream(config.getExposedPorts())
                .filter(p -> p.getProtocol() == InternetProtocol.TCP)
                .map(ExposedPort::getPort)
                .sorted()
                .toList());
  }

  private static List<String> strings(String[] values) {
    return values == null ? List.of() : List.of(values);
  }

  @Override
  public String containerLogs(String containerId, int lines) {
    StringBuilder out = new StringBuilder();
    ResultCallback.Adapter<Frame> collect =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            synchronized (out) {
              out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
          }
        };
    call(
        "read the output of " + containerId,
        () ->
            client
                .logContainerCmd(containerId)
                .withStdOut(true)
                .withStdErr(true)
                .withTail(lines)
                .exec(collect));
    try {
      collect.awaitCompletion(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (out) {
      return out.toString();
    }
  }

  @Override
  public void removeContainer(String containerId) {
    call(
        "remove container " + containerId,
        () -> {
          try {
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
          } catch (NotFoundException e) {
            LOG.debug("container {} was already gone", containerId);
          }
          return null;
        });
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      LOG.debug("closing the engine client failed", e);
    }
  }

  /** Something may answer at the address without being a Docker engine (a proxy, say). */
  private void ping() {
    try {
      call("ping", () -> client.pingCmd().exec());
    } catch (IllegalStateException e) {
      throw new EnvironmentException(
          "What answers at " + host + " is not a Docker engine (" + e.getMessage() + ").",
          NO_ENGINE_REMEDY,
          e);
    }
  }

  /**
   * Runs one engine call whose refusal the caller handles (verify makes a failed check of it). Not
   * reaching the engine becomes an {@link EnvironmentException}; an engine's refusal becomes an
   * {@link IllegalStateException}, so no docker-java type leaves this class except as a cause.
   * Callers that expect "not found" catch it inside {@code request}.
   */
  private <T> T call(String what, Supplier<T> request) {
    return call(
        what,
        request,
        e -> new IllegalStateException("Docker engine refused " + what + ": " + e.getMessage(), e));
  }

  /**
   * Runs one engine call that nothing can go on from if refused: the refusal, like not reaching the
   * engine, is an {@link EnvironmentException} with {@code remedy}.
   */
  private <T> T require(String what, String remedy, Supplier<T> request) {
    return call(
        what,
        request,
        e ->
            new EnvironmentException(
                "The Docker engine at "
                    + host
                    + " refused "
                    + what
                    + ": "
                    + String.valueOf(e.getMessage()).strip(),
                remedy,
                e));
  }

  private static String reproduce(String command) {
    return EngineWords.reproduce(command);
  }

  private <T> T call(
      String what, Supplier<T> request, Function<DockerException, RuntimeException> refusal) {
    try {
      return request.get();
    } catch (DockerException e) {
      throw refusal.apply(e);
    } catch (RuntimeException e) {
      if (!causedByIo(e)) {
        throw e;
      }
      throw new EnvironmentException(
          "No Docker engine answers at " + host + " (" + what + " failed: " + rootMessage(e) + ").",
          NO_ENGINE_REMEDY,
          e);
    }
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root instanceof IOException io ? FileErrors.reason(io) : OrchestratorBug.describe(root);
  }
}
