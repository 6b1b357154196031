package dev.orchestrator.core.verify;

import dev.orchestrator.core.config.ServiceDescriptor;
import java.util.Optional;

/**
 * Which checks make sense for an image. One that declares no way to tell it is up (no HEALTHCHECK,
 * no {@code ports}, no {@code health}), such as a base image, is not run: it gets the size and
 * label checks, and the rest are "n/a".
 */
final class Applicability {
  static final String NOT_RUNNABLE =
      "not a runnable service: no HEALTHCHECK in the image, no ports or health in service.yaml";

  private Applicability() {}

  static boolean runnable(ServiceDescriptor descriptor, boolean imageHasHealthcheck) {
    return imageHasHealthcheck || !descriptor.ports().isEmpty() || descriptor.health().isPresent();
  }

  /** The port the health endpoint is checked on: the first declared one. */
  static Optional<Integer> httpPort(ServiceDescriptor descriptor) {
    return descriptor.ports().stream().findFirst();
  }

  static String healthPath(ServiceDescriptor descriptor) {
    return descriptor.health().orElse(ServiceDescriptor.HealthCheck.DEFAULT).path();
  }

  /**
   * HEALTHCHECK and USER matter for what runs; an image nobody runs as is (a base) gets n/a, with
   * what was found in the detail.
   */
  static CheckResult healthcheck(boolean runnable, java.util.List<String> test) {
    if (!test.isEmpty()) {
      return CheckResult.pass(Check.HEALTHCHECK, String.join(" ", test));
    }
    return runnable
        ? CheckResult.fail(Check.HEALTHCHECK, "no HEALTHCHECK")
        : CheckResult.notApplicable(Check.HEALTHCHECK, "no HEALTHCHECK; " + NOT_RUNNABLE);
  }

  static CheckResult user(boolean runnable, String user) {
    CheckResult found = ImageUser.check(user);
    return runnable
        ? found
        : CheckResult.notApplicable(Check.USER, found.detail() + "; not a runnable service");
  }
}
