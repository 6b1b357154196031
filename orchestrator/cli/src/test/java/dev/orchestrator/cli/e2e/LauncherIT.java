package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orchestrator/bin/orchestrator}, the launcher the Makefile and users run: it starts the JVM
 * with its class-data-sharing archive, and picocli's model classes (compiled for Java 5, which a
 * dynamic archive leaves out) come from that archive, not from the jar.
 */
class LauncherIT {
  @TempDir Path root;

  @Test
  void classesComeFromTheArchiveAndNotWhenItIsTurnedOff() throws Exception {
    Files.createDirectories(root.resolve("services/app"));
    Files.writeString(root.resolve("services/app/Dockerfile"), "FROM scratch\n");

    List<String> archived = classLoadsOfPlan(Map.of());
    assertThat(sourceOf(archived, "picocli.CommandLine$Model$CommandSpec"))
        .isEqualTo("shared objects file");
    assertThat(sourceOf(archived, "dev.orchestrator.cli.Main")).isEqualTo("shared objects file");
    assertThat(
            sourceOf(
                classLoadsOfPlan(Map.of("ORCHESTRATOR_CDS", "0")),
                "picocli.CommandLine$Model$CommandSpec"))
        .as("ORCHESTRATOR_CDS=0 turns the archive off")
        .endsWith("orchestrator.jar");
  }

  /** The class-load log of the launcher's JVM running {@code plan}. */
  private List<String> classLoadsOfPlan(Map<String, String> extra) throws Exception {
    Path log = Files.createTempFile(root, "classes", ".log");
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
    ProcessResult plan =
        TestProcesses.run(
            List.of(
                Checkout.root().resolve("orchestrator/bin/orchestrator").toString(),
                "plan",
                "--root",
                root.toString()),
            root,
            env);
    assertThat(plan.succeeded()).as(String.join("\n", plan.output())).isTrue();
    return Files.readAllLines(log);
  }

  /** Where that log says {@code className} was loaded from. */
  private static String sourceOf(List<String> classLoads, String className) {
    String prefix = " " + className + " source: ";
    return classLoads.stream()
        .filter(line -> line.contains(prefix))
        .map(line -> line.substring(line.indexOf(prefix) + prefix.length()).trim())
        .findFirst()
        .orElse("not loaded");
  }
}
