package dev.orchestrator.core.verify;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.ContainerSpec;
import dev.orchestrator.core.engine.ContainerState;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.size.ImageSizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies one service on one platform: the image configuration and size, then a container as the
 * image is, then one with a read-only root, tmpfs {@code /tmp} and every capability dropped. Every
 * container it creates is removed before it returns, whatever happened.
 */
final class Verifier {
  /** Label on every container verify creates; its value is the run's id. */
  static final String RUN_LABEL = "dev.orchestrator.verify";

  static final String SERVICE_LABEL = "dev.orchestrator.verify.service";

  /** arm64 under QEMU starts several times slower than native. */
  static final int EMULATION_FACTOR = 3;

  private final Engine engine;
  private final String runId;
  private final String hostPlatform;
  private final LiveContainers live = new LiveContainers();

  Verifier(Engine engine, String runId, String hostPlatform) {
    this.engine = engine;
    this.runId = runId;
    this.hostPlatform = hostPlatform;
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
      return row(service, image, platform, results, Optional.empty(), Optional.empty());
    }
    results.put(Check.IMAGE, CheckResult.pass(Check.IMAGE, image));
    ServiceDescriptor descriptor = service.descriptor();
    results.put(Check.SIZE, SizeCheck.check(service.name(), descriptor, size));
    Optional<Integer> port = Applicability.httpPort(descriptor);
    String path = Applicability.healthPath(descriptor);
    Duration timeout = timeout(descriptor, platform);
    Optional<Duration> toHealthy = Optional.empty();
    ContainerState config = configOf(service, image, platform);
    boolean runnable = Applicability.runnable(descriptor, !config.healthcheck().isEmpty());
    results.put(Check.HEALTHCHECK, Applicability.healthcheck(runnable, config.healthcheck()));
    results.put(Check.USER, Applicability.user(runnable, config.user()));
    results.put(Check.LABELS, OciLabels.check(config.labels()));
    if (!runnable) {
      for (Check c : List.of(Check.HEALTHY, Check.PROCESS_USER, Check.READ_ONLY, Check.HTTP)) {
        results.put(c, CheckResult.notApplicable(c, Applicability.NOT_RUNNABLE));
      }
      return row(service, image, platform, results, Optional.empty(), Optional.empty());
    }
    try (ContainerRun run =
        ContainerRun.create(engine, live, spec(service, image, platform, false))) {
      long start = System.nanoTime();
      run.start();
      HealthWait.Readiness ready = HealthWait.await(run, start, timeout, port, path);
      toHealthy = ready.healthyAfter();
      results.put(
          Check.HEALTHY,
          toHealthy.isPresent()
              ? CheckResult.pass(Check.HEALTHY, ready.detail())
              : CheckResult.fail(Check.HEALTHY, ready.detail()));
      ContainerState state = ready.state();
      String notRunning = "not running: " + state.status();
      results.put(
          Check.PROCESS_USER,
          state.running()
              ? ProcStatus.check(state.pid())
              : CheckResult.notApplicable(Check.PROCESS_USER, notRunning));
      if (port.isEmpty()) {
        results.put(Check.HTTP, CheckResult.notApplicable(Check.HTTP, "no ports in service.yaml"));
      } else if (!state.running()) {
        results.put(Check.HTTP, CheckResult.notApplicable(Check.HTTP, notRunning));
      } else {
        results.put(
            Check.HTTP, HttpProbe.check(port.get(), state.hostPorts().get(port.get()), path));
      }
    }
    Optional<Duration> toHealthyReadOnly = Optional.empty();
    if (toHealthy.isEmpty()) {
      results.put(
          Check.READ_ONLY,
          CheckResult.notApplicable(
              Check.READ_ONLY, "not tried: the container did not become healthy as it is"));
    } else {
      HealthWait.Readiness ready = runReadOnly(service, image, platform, timeout, port, path);
      toHealthyReadOnly = ready.healthyAfter();
      String detail = ready.detail() + " (read-only root, tmpfs /tmp, all capabilities dropped)";
      results.put(
          Check.READ_ONLY,
          toHealthyReadOnly.isPresent()
              ? CheckResult.pass(Check.READ_ONLY, detail)
              : CheckResult.fail(Check.READ_ONLY, detail));
    }
    return row(service, image, platform, results, toHealthy, toHealthyReadOnly);
  }

  private HealthWait.Readiness runReadOnly(
      Service service,
      String image,
      String platform,
      Duration timeout,
      Optional<Integer> port,
      String path)
      throws InterruptedException {
    try (ContainerRun run =
        ContainerRun.create(engine, live, spec(service, image, platform, true))) {
      long start = System.nanoTime();
      run.start();
      return HealthWait.await(run, start, timeout, port, path);
    }
  }

  /**
   * The image variant's configuration, from a container that is created and never started (under
   * the containerd store {@code image inspect} shows the host platform's only). Its command is
   * replaced, since an image without CMD, such as a base, cannot be created as is.
   */
  private ContainerState configOf(Service service, String image, String platform) {
    ContainerSpec spec =
        new ContainerSpec(
            image,
            platform,
            labels(service),
            List.of(),
            false,
            Map.of(),
            false,
            List.of("/verify-never-started"));
    try (ContainerRun probe = ContainerRun.create(engine, live, spec)) {
      return probe.inspect();
    }
  }

  /** The service's start timeout, longer for a platform the engine emulates. */
  Duration timeout(ServiceDescriptor descriptor, String platform) {
    Duration base =
        descriptor.health().orElse(ServiceDescriptor.HealthCheck.DEFAULT).startTimeout();
    return platform.equals(hostPlatform) ? base : base.multipliedBy(EMULATION_FACTOR);
  }

  private ContainerSpec spec(Service service, String image, String platform, boolean hardened) {
    List<Integer> ports = new ArrayList<>(service.descriptor().ports());
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

  private Map<String, String> labels(Service service) {
    return Map.of(RUN_LABEL, runId, SERVICE_LABEL, service.name());
  }

  private static VerifyRow row(
      Service service,
      String image,
      String platform,
      Map<Check, CheckResult> results,
      Optional<Duration> toHealthy,
      Optional<Duration> toHealthyReadOnly) {
    return new VerifyRow(
        service.name(),
        platform,
        image,
        List.copyOf(results.values()),
        toHealthy,
        toHealthyReadOnly);
  }
}
