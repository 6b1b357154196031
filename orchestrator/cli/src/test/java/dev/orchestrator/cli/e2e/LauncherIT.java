package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orchestrator/bin/orchestrator}, the launcher the Makefile and users run: it starts the JVM
 * it chose with a start-up archive (an ahead-of-time cache on JDK 25 and later, a static class-data
 * archive before), and the CLI's classes come from that archive, not from the jar.
 */
class LauncherIT {
  @TempDir Path root;

  @BeforeEach
  void oneService() throws Exception {
    Files.createDirectories(root.resolve("services/app"));
    Files.writeString(root.resolve("services/app/Dockerfile"), "FROM scratch\n");
  }

  @Test
  void theClassesComeFromTheArchiveOfTheJvmItChose() throws Exception {
    // The launcher's own choice: JDK 25's ahead-of-time cache where that JDK is installed. It
    // holds picocli's classes only because orchestrator/picocli compiles them for Java 17: the
    // cache skips classes compiled for Java 5, as picocli's published jar is.
    List<String> chosen = classLoadsOfPlan(Map.of());
    assertThat(sourceOf(chosen, "dev.orchestrator.cli.Main")).isEqualTo("shared objects file");
    assertThat(sourceOf(chosen, "picocli.CommandLine$Model$CommandSpec"))
        .isEqualTo("shared objects file");
    // The ahead-of-time cache loads every class it holds at start-up, so even plan shows that the
    // training run's build with nothing to do (StartupTraining) put the engine client and the
    // up-to-date check into it; the static archive loads classes only when asked for.
    if (aheadOfTimeCacheMade()) {
      assertThat(sourceOf(chosen, "dev.orchestrator.core.engine.JsonTrees"))
          .isEqualTo("shared objects file");
      assertThat(sourceOf(chosen, "dev.orchestrator.core.build.UpToDateCheck"))
          .isEqualTo("shared objects file");
    }

    // The JVM running this test, named: JDK 17 under Maven here, so the static archive.
    List<String> named = classLoadsOfPlan(Map.of("ORCHESTRATOR_JAVA", thisJava()));
    assertThat(sourceOf(named, "dev.orchestrator.cli.Main")).isEqualTo("shared objects file");
    assertThat(sourceOf(named, "picocli.CommandLine$Model$CommandSpec"))
        .isEqualTo("shared objects file");
    assertThat(
            sourceOf(
                classLoadsOfPlan(Map.of("ORCHESTRATOR_CDS", "0")), "dev.orchestrator.cli.Main"))
        .as("ORCHESTRATOR_CDS=0 turns the archive off")
        .endsWith("orchestrator.jar");
  }

  @Test
  void orchestratorJavaNamesTheJvm() throws Exception {
    Path called = root.resolve("called");
    Path java = root.resolve("java");
    Files.writeString(
        java, "#!/bin/sh\necho \"$@\" >> '" + called + "'\nexec '" + thisJava() + "' \"$@\"\n");
    java.toFile().setExecutable(true);

    ProcessResult plan = launcher(Map.of("ORCHESTRATOR_JAVA", java.toString()));
    assertThat(plan.succeeded()).as(String.join("\n", plan.output())).isTrue();
    assertThat(Files.readAllLines(called)).last().asString().endsWith("plan --root " + root);
  }

  private static boolean aheadOfTimeCacheMade() throws IOException {
    try (var files = Files.list(Checkout.root().resolve("orchestrator/cli/target"))) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".aot"));
    }
  }

  private static String thisJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The class-load log of the launcher's JVM running {@code plan}. */
  private List<String> classLoadsOfPlan(Map<String, String> extra) throws Exception {
    Path log = Files.createTempFile(root, "classes", ".log");
    Map<String, String> env = new HashMap<>(extra);
    env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
    ProcessResult plan = launcher(env);
    assertThat(plan.succeeded()).as(String.join("\n", plan.output())).isTrue();
    return Files.readAllLines(log);
  }

  private ProcessResult launcher(Map<String, String> env) {
    return TestProcesses.run(
        List.of(
            Checkout.root().resolve("orchestrator/bin/orchestrator").toString(),
            "plan",
            "--root",
            root.toString()),
        root,
        env);
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
