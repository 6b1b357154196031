package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orchestrator/bin/orchestrator}, the launcher the Makefile and users run: it starts the JVM
 * with its class-data-sharing archive, and picocli's model classes (compiled for Java 5, which a
 * dynamic archive leaves out) come from that archive, not from the jar.
 */
class LauncherIT {
  static Path repository;
  @TempDir Path root;

  @BeforeAll
  static void findRepository() {
    repository = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(repository.resolve("orchestrator/bin/orchestrator"))) {
      repository = repository.getParent();
    }
  }

  @Test
  void classesComeFromTheArchiveAndNotWhenItIsTurnedOff() throws Exception {
    Files.createDirectories(root.resolve("services/app"));
    Files.writeString(root.resolve("services/app/Dockerfile"), "FROM scratch\n");

    assertThat(sourceOf("picocli.CommandLine$Model$CommandSpec", Map.of()))
        .isEqualTo("shared objects file");
    assertThat(sourceOf("dev.orchestrator.cli.Main", Map.of())).isEqualTo("shared objects file");
    assertThat(sourceOf("picocli.CommandLine$Model$CommandSpec", Map.of("ORCHESTRATOR_CDS", "0")))
        .as("ORCHESTRATOR_CDS=0 turns the archive off")
        .endsWith("orchestrator.jar");
  }

  /** Where the launcher's JVM loaded {@code className} from, running {@code plan}. */
  private String sourceOf(String className, Map<String, String> extra) throws Exception {
    Path log = Files.createTempFile(root, "classes", ".log");
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
    ProcessResult plan =
        TestProcesses.run(
            List.of(
                repository.resolve("orchestrator/bin/orchestrator").toString(),
                "plan",
                "--root",
                root.toString()),
            root,
            env);
    assertThat(plan.succeeded()).as(String.join("\n", plan.output())).isTrue();
    String prefix = " " + className + " source: ";
    return Files.readAllLines(log).stream()
        .filter(line -> line.contains(prefix))
        .map(line -> line.substring(line.indexOf(prefix) + prefix.length()).trim())
        .findFirst()
        .orElse("not loaded");
  }
}
