package dev.orchestrator.cli.e2e;

import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.ProcessResult;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a helper program for a test: this JVM's environment plus {@code extra}. */
final class TestProcesses {
  private TestProcesses() {}

  static ProcessResult run(List<String> argv, Path directory, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(extra);
    return new SystemCommandRunner(env)
        .run(new Command(argv, directory, Map.of(), Optional.empty()), line -> {});
  }

  /**
   * The CLI as its own process on {@code root} (this JVM, its class path), so that it sees {@code
   * extra} in its environment, as a CI job's process would.
   */
  static ProcessResult cli(Path root, Map<String, String> extra, String... args) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.orchestrator.cli.Main"));
    argv.addAll(List.of(args));
    argv.addAll(List.of("--root", root.toString()));
    return run(argv, root, extra);
  }
}
