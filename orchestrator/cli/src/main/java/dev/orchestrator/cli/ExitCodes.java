package dev.orchestrator.cli;

import dev.orchestrator.core.result.Verdict;

/** The orchestrator's exit codes; listed in {@code --help} and the README. */
public final class ExitCodes {
  public static final int OK = 0;

  /** A service failed to build (or was skipped because a dependency failed). */
  public static final int BUILD_FAILED = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /**
   * A Dockerfile, service.yaml, profile or the graph is wrong (cycle, unknown dependency), or a
   * Dockerfile breaks a lint rule of severity error.
   */
  public static final int CONFIGURATION = 3;

  /** Every service built, but an image is over its size budget. */
  public static final int OVER_BUDGET = 4;

  /** No Docker engine answers, or it lacks buildx, the containerd store or a platform. */
  public static final int NO_ENGINE = 5;

  /** An image failed a verify check, or two builds of it differ ({@code verify --reproducible}). */
  public static final int VERIFY_FAILED = 6;

  /** The orchestrator itself went wrong (a bug to report); {@code EX_SOFTWARE} of sysexits.h. */
  public static final int INTERNAL_ERROR = 70;

  /** Stopped by Ctrl-C. */
  public static final int INTERRUPTED = 130;

  static final String HELP =
      "%nExit codes:%n"
          + "  0    ok%n"
          + "  1    build failed (a service failed or was skipped)%n"
          + "  2    usage error%n"
          + "  3    bad configuration (Dockerfile, service.yaml, profile, cycle, a lint error)%n"
          + "  4    over budget (an image is larger than its budget)%n"
          + "  5    no engine (or no buildx, containerd store or platform): run `make engine`%n"
          + "  6    verify failed (a check failed, or verify --reproducible found two builds differ)%n"
          + "  70   internal error (a bug: please report it)%n"
          + "  130  interrupted%n";

  private ExitCodes() {}

  /** The one mapping from the core's verdict to an exit code. */
  public static int of(Verdict verdict) {
    return switch (verdict) {
      case OK -> OK;
      case BUILD_FAILED -> BUILD_FAILED;
      case BAD_CONFIGURATION -> CONFIGURATION;
      case OVER_BUDGET -> OVER_BUDGET;
      case NO_ENGINE -> NO_ENGINE;
      case VERIFY_FAILED -> VERIFY_FAILED;
      case INTERRUPTED -> INTERRUPTED;
      case INTERNAL_ERROR -> INTERNAL_ERROR;
    };
  }
}
