package dev.orchestrator.core.verify;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.ContainerSpec;
import dev.orchestrator.core.engine.ContainerState;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.image.ImageLabels;
import dev.orchestrator.core.size.ImageSizes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies one service on one platform: the image configuration and size, then a container as the
 * image is, then one with a read-only root, tmpfs {@code /tmp} and every capability dropped. A
 * base, or an image without CMD or ENTRYPOINT, is not run ({@link Applicability}). Every container
 * it creates is removed before it returns, whatever happened.
 */
final class Verifier {
  /** Label on every container verify creates; its value is the run's id. */
  static final String RUN_LABEL = "dev.orchestrator.verify";

  static final String SERVICE_LABEL = "dev.orchestrator.verify.service";

  /** arm64 under QEMU starts several times slower than native. */
  static final int EMULATION_FACTOR = 3;

  /** How much of a failed container's output a check shows. */
  static final int OUTPUT_LINES = 20;

  private final Engine engine;
  private final String runId;
  private final String hostPlatform;
  private final Lineage lineage;
  private final LiveContainers live = new LiveContainers();

  /**
   * @param lineage which services are bases, and the image each one builds FROM
   */
  Verifier(Engine engine, String runId, String hostPlatform, Lineage lineage) {
    this.engine = engine;
    this.runId = runId;
    this.hostPlatform = hostPlatform;
    this.lineage = lineage;
  }

  /**
   * @param sizes the image's sizes per platform; no entry means the variant is missing
   */
  VerifyRow verify(Service service, String image, String platform, Map<String, ImageSizes> sizes)
      throws InterruptedException {
    Map<Check, CheckResult> results = new EnumMap<>(Check.class);
    ImageSizes size = sizes.get(platform);
    if (size == null) {
      results.put(
          Check.IMAGE,
          CheckResult.fail(
              Check.IMAGE,
              sizes.isEmpty()
                  ? image + " is not in the engine"
                  : "no " + platform + " variant of " + image));
      return row(
          service, image, platform, results, Optional.empty(), Optional.empty(), VerifyRow.Run.RAN);
    }
    results.put(Check.IMAGE, CheckResult.pass(Check.IMAGE, image));
    ServiceDescriptor descriptor = service.descriptor();
    results.put(Check.SIZE, SizeCheck.check(service.name(), descriptor, size));
    ImageConfig config = configOf(service, image, platform);
    ContainerState configured = config.state();
    Applicability.Decision decision =
        Applicability.decide(
            descriptor, config.hasCommand(), lineage.builtFrom().contains(service.name()));
    results.put(
        Check.HEALTHCHECK,
        Applicability.healthcheck(decision, descriptor, configured.healthcheck()));
    results.put(Check.USER, Applicability.user(decision, configured.user()));
    results.put(
        Check.LABELS, OciLabels.check(configured.labels(), inheritedLabels(service, configured)));
    if (!decision.runs()) {
      for (Check c : List.of(Check.HEALTHY, Check.PROCESS_USER, Check.READ_ONLY, Check.HTTP)) {
        results.put(
            c,
            decision.fails() && c == Check.HEALTHY
                ? CheckResult.fail(c, decision.reason())
                : CheckResult.notApplicable(c, decision.reason()));
      }
      return row(
          service, image, platform, results, Optional.empty(), Optional.empty(), decision.run());
    }
    List<Integer> ports = Applicability.ports(descriptor, configured.exposedPorts());
    Optional<Integer> httpPort = Applicability.httpPort(descriptor, configured.exposedPorts());
    String path = Applicability.healthPath(descriptor);
    HealthWait.Probe probe =
        new HealthWait.Probe(
            timeout(descriptor, platform), httpPort, path, settle(descriptor, platform), ports);
    Optional<Duration> toHealthy;
    try (ContainerRun run =
        ContainerRun.create(engine, live, spec(service, image, platform, ports, false))) {
      long start = System.nanoTime();
      run.start();
      HealthWait.Readiness ready = HealthWait.await(run, start, probe);
      toHealthy = ready.healthyAfter();
      results.put(Check.HEALTHY, outcome(Check.HEALTHY, ready, ready.detail(), run));
      ContainerState state = ready.state();
      String notRunning = "not running: " + state.status();
      results.put(
          Check.PROCESS_USER,
          state.running()
              ? ProcStatus.check(state.pid())
              : CheckResult.notApplicable(Check.PROCESS_USER, notRunning));
      if (httpPort.isEmpty()) {
        results.put(Check.HTTP, CheckResult.notApplicable(Check.HTTP, noHttp(ports)));
      } else if (!state.running()) {
        results.put(Check.HTTP, CheckResult.notApplicable(Check.HTTP, notRunning));
      } else {
        results.put(
            Check.HTTP,
            HttpProbe.check(httpPort.get(), state.hostPorts().get(httpPort.get()), path));
      }
    }
    Optional<Duration> toHealthyReadOnly = Optional.empty();
    if (toHealthy.isEmpty()) {
      results.put(
          Check.READ_ONLY,
          CheckResult.notApplicable(
              Check.READ_ONLY, "not tried: the container did not become healthy as it is"));
    } else {
      try (ContainerRun run =
          ContainerRun.create(engine, live, spec(service, image, platform, ports, true))) {
        long start = System.nanoTime();
        run.start();
        HealthWait.Readiness ready = HealthWait.await(run, start, probe);
        toHealthyReadOnly = ready.healthyAfter();
        String detail = ready.detail() + " (read-only root, tmpfs /tmp, all capabilities dropped)";
        results.put(Check.READ_ONLY, outcome(Check.READ_ONLY, ready, detail, run));
      }
    }
    return row(service, image, platform, results, toHealthy, toHealthyReadOnly, VerifyRow.Run.RAN);
  }

  /** A pass, or a failure with the container's last lines of output (read before it is removed). */
  private static CheckResult outcome(
      Check check, HealthWait.Readiness ready, String detail, ContainerRun run) {
    if (ready.healthyAfter().isPresent()) {
      return CheckResult.pass(check, detail);
    }
    return CheckResult.fail(check, detail).withOutput(run.lastOutput(OUTPUT_LINES));
  }

  private static String noHttp(List<Integer> ports) {
    return ports.isEmpty()
        ? "no ports in service.yaml and none EXPOSEd"
        : "no ports or health in service.yaml: only TCP connections to the EXPOSEd ports are"
            + " checked";
  }

  /**
   * The image variant's configuration, from a container that is created and never started (under
   * the containerd store {@code image inspect} shows the host platform's only). An image without
   * CMD or ENTRYPOINT, such as a base, cannot be created as is: when the engine refuses it, a
   * container with a stand-in command shows the rest of its configuration.
   */
  private ImageConfig configOf(Service service, String image, String platform) {
    try (ContainerRun probe =
        ContainerRun.create(engine, live, configSpec(service, image, platform, List.of()))) {
      return new ImageConfig(probe.inspect(), true);
    } catch (IllegalStateException asIs) {
      try (ContainerRun probe =
          ContainerRun.create(
              engine,
              live,
              configSpec(service, image, platform, List.of("/verify-never-started")))) {
        ContainerState state = probe.inspect();
        // Refused as is, created with a command: it has none of its own, unless an ENTRYPOINT.
        return new ImageConfig(state, !state.entrypoint().isEmpty());
      }
    }
  }

  /** What the image's configuration says, and whether it has a command to run. */
  private record ImageConfig(ContainerState state, boolean hasCommand) {}

  private ContainerSpec configSpec(
      Service service, String image, String platform, List<String> command) {
    return new ContainerSpec(
        image, platform, labels(service), List.of(), false, Map.of(), false, command);
  }

  /** How long a container without HEALTHCHECK must keep running; longer when emulated. */
  Duration settle(ServiceDescriptor descriptor, String platform) {
    Duration base = descriptor.settle().orElse(ServiceDescriptor.DEFAULT_SETTLE);
    return platform.equals(hostPlatform) ? base : base.multipliedBy(EMULATION_FACTOR);
  }

  /** The service's start timeout, longer for a platform the engine emulates. */
  Duration timeout(ServiceDescriptor descriptor, String platform) {
    Duration base =
        descriptor.health().orElse(ServiceDescriptor.HealthCheck.DEFAULT).startTimeout();
    return platform.equals(hostPlatform) ? base : base.multipliedBy(EMULATION_FACTOR);
  }

  private ContainerSpec spec(
      Service service, String image, String platform, List<Integer> ports, boolean hardened) {
    return new ContainerSpec(
        image,
        platform,
        labels(service),
        ports,
        hardened,
        hardened ? Map.of("/tmp", "rw,nosuid,nodev,size=64m") : Map.of(),
        hardened,
        List.of());
  }

  /**
   * The image's OCI labels that its final stage's base image carries with the same value:
   * inherited, not the service's own. A base the engine does not have passes nothing on.
   */
  private Map<String, String> inheritedLabels(Service service, ContainerState configured) {
    Optional<String> base = lineage.baseImageOf(service.name());
    Map<String, String> inherited = new TreeMap<>();
    if (base.isEmpty()) {
      return inherited;
    }
    // The orchestrator gave the image these itself (a revision equal to the base's is still its
    // own), unless the service sets them, when the Dockerfile's or service.yaml's value stands.
    Set<String> byTheTool = new java.util.HashSet<>(ImageLabels.KEYS);
    byTheTool.removeAll(service.ownLabelKeys());
    configured
        .labels()
        .forEach(
            (key, value) -> {
              if (key.startsWith(OciLabels.PREFIX)
                  && !byTheTool.contains(key)
                  && engine.imageLabel(base.get(), key).filter(value::equals).isPresent()) {
                inherited.put(key, base.get());
              }
            });
    return inherited;
  }

  private Map<String, String> labels(Service service) {
    return Map.of(RUN_LABEL, runId, SERVICE_LABEL, service.name());
  }

  private static VerifyRow row(
      Service service,
      String image,
      String platform,
      Map<Check, CheckResult> results,
      Optional<Duration> toHealthy,
      Optional<Duration> toHealthyReadOnly,
      VerifyRow.Run run) {
    return new VerifyRow(
        service.name(),
        platform,
        image,
        List.copyOf(results.values()),
        toHealthy,
        toHealthyReadOnly,
        run);
  }
}
