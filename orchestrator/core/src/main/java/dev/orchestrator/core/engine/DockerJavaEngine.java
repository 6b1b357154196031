package dev.orchestrator.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Version;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.size.ImageSizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Engine} over docker-java; the only class that sees docker-java's types. */
final class DockerJavaEngine implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(DockerJavaEngine.class);
  private static final String NO_ENGINE_REMEDY =
      "Start one with `make engine`, or point DOCKER_HOST at a running engine.";

  private final DockerClient client;
  private final URI host;
  private final BuildxProbe probe;

  DockerJavaEngine(DockerClient client, URI host, BuildxProbe probe) {
    this.client = client;
    this.host = host;
    this.probe = probe;
  }

  @Override
  public EngineInfo preflight(List<String> platforms) {
    ping();
    Version version = call("version", () -> client.versionCmd().exec());
    PreflightChecks.requireApi(version.getApiVersion());
    Info info = call("info", () -> client.infoCmd().exec());
    boolean containerd = PreflightChecks.hasContainerdStore(info.getDriverStatuses());
    BuildxProbe.Result buildx = probe.probe();
    PreflightChecks.requireFeatures(containerd, buildx, platforms);
    EngineInfo found =
        new EngineInfo(
            version.getVersion(),
            version.getApiVersion(),
            containerd,
            buildx.platforms(),
            version.getOperatingSystem() + "/" + version.getArch());
    LOG.debug("engine at {}: {}", host, found);
    return found;
  }

  @Override
  public Map<String, ImageSizes> imageSizes(String imageRef) {
    Path spool = null;
    try {
      // Blobs come before index.json in the export, so spool it and read it in any order.
      spool = Files.createTempFile("image-export", ".tar");
      try (InputStream export =
          call(
              "save " + imageRef,
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
      Map<String, ImageSizes> sizes = OciLayoutSizes.read(spool);
      LOG.debug("sizes of {}: {}", imageRef, sizes);
      return sizes;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the export of " + imageRef, e);
    } finally {
      BuildxProbe.deleteQuietly(spool);
    }
  }

  @Override
  public boolean imageExists(String imageRef) {
    return call(
        "inspect " + imageRef,
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
    return call(
        "inspect " + imageRef,
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
    call(
        "remove " + imageRef,
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
        hostPorts);
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
   * Runs one engine call. Not reaching the engine becomes an {@link EnvironmentException}; an
   * engine's refusal becomes an {@link IllegalStateException}, so no docker-java type leaves this
   * class except as a cause. Callers that expect "not found" catch it inside {@code request}.
   */
  private <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (DockerException e) {
      throw new IllegalStateException("Docker engine refused " + what + ": " + e.getMessage(), e);
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
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
