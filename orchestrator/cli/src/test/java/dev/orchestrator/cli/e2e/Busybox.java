package dev.orchestrator.cli.e2e;

import java.nio.file.Path;
import java.util.List;

/**
 * Debian's static busybox for both architectures, fetched once per checkout by the project's
 * script.
 */
final class Busybox {
  private Busybox() {}

  static synchronized Path binaries() {
    Path repo = Checkout.root();
    Path dest = repo.resolve(".cache/fixtures/busybox");
    Docker.run(
            List.of(
                "bash",
                repo.resolve("orchestrator/scripts/fetch-busybox.sh").toString(),
                dest.toString()))
        .assertSucceeded();
    return dest;
  }
}
