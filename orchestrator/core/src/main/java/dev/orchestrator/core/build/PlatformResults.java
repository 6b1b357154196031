package dev.orchestrator.core.build;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.size.BudgetCheck;
import dev.orchestrator.core.size.ByteSize;
import dev.orchestrator.core.size.ImageSizes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Makes {@link PlatformResult}s: the one place budgets are looked up and checked. */
final class PlatformResults {
  private PlatformResults() {}

  /**
   * A service's result on one platform, with its budgets for that platform looked up and checked
   * against the measured sizes (no sizes, no violations).
   */
  static PlatformResult of(
      Service service,
      String platform,
      BuildStatus status,
      Duration duration,
      String image,
      Optional<ImageSizes> sizes,
      BuildOutput.StepCounts steps,
      Optional<String> digest) {
    ServiceDescriptor d = service.descriptor();
    List<String> violations =
        sizes
            .map(
                s ->
                    BudgetCheck.violations(
                        service.name(),
                        platform,
                        s.uncompressedBytes(),
                        s.compressedBytes(),
                        d.budget(),
                        d.compressedBudget()))
            .orElseGet(() -> status.succeeded() ? notMeasured(service, platform) : List.of());
    return new PlatformResult(
        platform,
        status,
        duration,
        image,
        sizes,
        d.budget().flatMap(b -> b.forPlatform(platform)).map(ByteSize::bytes),
        d.compressedBudget().flatMap(b -> b.forPlatform(platform)).map(ByteSize::bytes),
        steps.cached(),
        steps.total(),
        violations,
        digest);
  }

  /**
   * A budget on a size that could not be measured fails: "not measured" is never "within budget".
   */
  private static List<String> notMeasured(Service service, String platform) {
    ServiceDescriptor d = service.descriptor();
    List<String> found = new java.util.ArrayList<>();
    d.budget()
        .flatMap(b -> b.forPlatform(platform))
        .ifPresent(
            limit ->
                found.add(
                    service.name()
                        + " "
                        + platform
                        + ": size not measured, so its budget of "
                        + limit
                        + " cannot be checked"));
    d.compressedBudget()
        .flatMap(b -> b.forPlatform(platform))
        .filter(limit -> d.budget().flatMap(b -> b.forPlatform(platform)).isEmpty())
        .ifPresent(
            limit ->
                found.add(
                    service.name()
                        + " "
                        + platform
                        + ": size not measured, so its compressedBudget of "
                        + limit
                        + " cannot be checked"));
    return found;
  }

  /**
   * A service that did not get as far as measuring (failed, skipped): every one of its platforms
   * with that status and no sizes.
   */
  static ServiceResult unmeasured(
      Service service,
      List<String> platforms,
      String image,
      BuildStatus status,
      Duration took,
      String message,
      List<String> tail) {
    List<PlatformResult> results =
        platforms.stream()
            .map(
                p ->
                    of(
                        service,
                        p,
                        status,
                        took,
                        image,
                        Optional.empty(),
                        new BuildOutput.StepCounts(0, 0),
                        Optional.empty()))
            .toList();
    return new ServiceResult(service.name(), image, status, took, results, message, tail);
  }
}
