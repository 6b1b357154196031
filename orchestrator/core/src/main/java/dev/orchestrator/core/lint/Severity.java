package dev.orchestrator.core.lint;

import java.util.Locale;

/** How much a lint finding counts: an error fails the build (exit 3), a warning is printed. */
public enum Severity {
  ERROR,
  WARNING;

  /** {@code error} or {@code warning}, as output and SARIF's {@code level} write it. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
