package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A second Docker engine beside the first (orchestrator/scripts/second-engine.sh), for tests that
 * act as two CI runners: its own data root, socket and containerd store.
 */
final class SecondEngine implements AutoCloseable {
  private final Path dir;

  /** The engine's {@code DOCKER_HOST}. */
  final String host;

  private SecondEngine(Path dir, String host) {
    this.dir = dir;
    this.host = host;
  }

  static SecondEngine start(Path dir) {
    ProcessResult started = script("start", dir);
    assertThat(started.exitCode()).as(String.join("\n", started.output())).isZero();
    return new SecondEngine(dir, started.output().get(started.output().size() - 1).strip());
  }

  @Override
  public void close() {
    script("stop", dir);
  }

  private static ProcessResult script(String action, Path dir) {
    Path repoRoot = Checkout.root();
    return TestProcesses.run(
        List.of(
            "bash",
            repoRoot.resolve("orchestrator/scripts/second-engine.sh").toString(),
            action,
            dir.toString()),
        null,
        Map.of());
  }
}
