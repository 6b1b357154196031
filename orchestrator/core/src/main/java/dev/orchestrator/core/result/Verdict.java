package dev.orchestrator.core.result;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;

/**
 * How a verb ended, decided once in the core. Each front end maps it in one place: the CLI to its
 * exit codes, the Maven plugin to its two exception kinds.
 */
public enum Verdict {
  /** Everything asked for was done, within budget and verified where asked. */
  OK,
  /** A service failed, or was skipped because a dependency failed; a merge command failed. */
  BUILD_FAILED,
  /** A Dockerfile, descriptor, profile, argument or the graph is wrong. */
  BAD_CONFIGURATION,
  /** Every service built, but an image is larger than its budget. */
  OVER_BUDGET,
  /**
   * No engine answers, or it lacks buildx, the containerd store or a platform; no git, no Maven.
   */
  NO_ENGINE,
  /** An image failed a verify check. */
  VERIFY_FAILED,
  /** Stopped by Ctrl-C; children and containers were stopped with it. */
  INTERRUPTED,
  /** The orchestrator itself went wrong: a bug to report. */
  INTERNAL_ERROR;

  public boolean ok() {
    return this == OK;
  }

  /** The verdict of a verb that ended with an exception instead of an outcome. */
  public static Verdict of(Throwable failure) {
    if (failure instanceof ConfigurationException) {
      return BAD_CONFIGURATION;
    }
    if (failure instanceof EnvironmentException) {
      return NO_ENGINE;
    }
    return INTERNAL_ERROR;
  }
}
