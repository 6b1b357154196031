package dev.orchestrator.cli.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** This repository's checkout: the tests run in a module folder below it. */
final class Checkout {
  private Checkout() {}

  /** The nearest folder at or above the working directory that holds the launcher. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("orchestrator/bin/orchestrator"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
