package dev.orchestrator.cli.e2e;

import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.ProcessResult;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.nio.file.Path;
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
}
