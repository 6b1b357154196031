package dev.orchestrator.core.verify;

import dev.orchestrator.core.config.ServiceDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * Which checks make sense for an image. An image with a CMD or ENTRYPOINT is run unless it is a
 * base: {@code base: true} in service.yaml, or no command of its own while other services build
 * FROM it. One without a command cannot be run at all: it is reported not run, with that reason,
 * never passed. How a running container counts as up: its HEALTHCHECK; without one, the health path
 * over HTTP when service.yaml declares {@code ports} or {@code health}; otherwise it must still run
 * after the settle time, and each port it has must accept a TCP connection.
 */
final class Applicability {
  static final String NOT_RUNNABLE = "not a runnable service";

  private Applicability() {}

  /**
   * What verify does with an image.
   *
   * @param run whether its containers are run
   * @param reason why not, for every check that did not run; empty when it is run
   * @param fails a contradiction (service.yaml asks for a probe of an image without a command): the
   *     checks that could not run fail
   */
  record Decision(VerifyRow.Run run, String reason, boolean fails) {
    boolean runs() {
      return run == VerifyRow.Run.RAN;
    }

    /** Whether the image is meant to be run: its HEALTHCHECK and USER matter. */
    boolean service() {
      return runs() || fails;
    }
  }

  /**
   * @param hasCommand the image has a CMD or an ENTRYPOINT
   * @param builtFrom other services' Dockerfiles name it in FROM
   */
  static Decision decide(ServiceDescriptor descriptor, boolean hasCommand, boolean builtFrom) {
    if (descriptor.base()) {
      return new Decision(VerifyRow.Run.BASE, "a base (base: true in service.yaml)", false);
    }
    if (hasCommand) {
      return new Decision(VerifyRow.Run.RAN, "", false);
    }
    if (declaresProbe(descriptor)) {
      return new Decision(
          VerifyRow.Run.NOT_RUNNABLE,
          "service.yaml declares ports or health, but the image has no CMD or ENTRYPOINT",
          true);
    }
    if (builtFrom) {
      return new Decision(
          VerifyRow.Run.BASE,
          "a base: other services build FROM it and it has no CMD or ENTRYPOINT",
          false);
    }
    return new Decision(
        VerifyRow.Run.NOT_RUNNABLE,
        NOT_RUNNABLE
            + ": the image has no CMD or ENTRYPOINT (say base: true in service.yaml if it is a"
            + " base)",
        false);
  }

  /** service.yaml asks for the health path over HTTP. */
  static boolean declaresProbe(ServiceDescriptor descriptor) {
    return !descriptor.ports().isEmpty() || descriptor.health().isPresent();
  }

  /** The container ports verify publishes: service.yaml's {@code ports}, else the EXPOSEd ones. */
  static List<Integer> ports(ServiceDescriptor descriptor, List<Integer> exposed) {
    return descriptor.ports().isEmpty() ? exposed : descriptor.ports();
  }

  /**
   * The port the health endpoint is checked on: the first one, when service.yaml asks for the
   * check.
   */
  static Optional<Integer> httpPort(ServiceDescriptor descriptor, List<Integer> exposed) {
    return declaresProbe(descriptor)
        ? ports(descriptor, exposed).stream().findFirst()
        : Optional.empty();
  }

  static String healthPath(ServiceDescriptor descriptor) {
    return descriptor.health().orElse(ServiceDescriptor.HealthCheck.DEFAULT).path();
  }

  /**
   * HEALTHCHECK and USER matter for what runs; an image nobody runs as is (a base) gets n/a, with
   * what was found in the detail. Without service.yaml's ports or health, running and accepting
   * connections stands in for a missing HEALTHCHECK.
   */
  static CheckResult healthcheck(
      Decision decision, ServiceDescriptor descriptor, List<String> test) {
    if (!test.isEmpty()) {
      return CheckResult.pass(Check.HEALTHCHECK, String.join(" ", test));
    }
    if (!decision.service()) {
      return CheckResult.notApplicable(Check.HEALTHCHECK, "no HEALTHCHECK; " + decision.reason());
    }
    return declaresProbe(descriptor)
        ? CheckResult.fail(Check.HEALTHCHECK, "no HEALTHCHECK")
        : CheckResult.notApplicable(
            Check.HEALTHCHECK,
            "no HEALTHCHECK: it must keep running for the settle time and its ports accept"
                + " connections");
  }

  static CheckResult user(Decision decision, String user) {
    CheckResult found = ImageUser.check(user);
    return decision.service()
        ? found
        : CheckResult.notApplicable(Check.USER, found.detail() + "; " + decision.reason());
  }
}
