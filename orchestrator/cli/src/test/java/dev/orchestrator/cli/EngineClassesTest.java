package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Verbs that need no engine load no docker-java class at all (it costs about half a second of class
 * loading): each runs in a JVM of its own with the class-load log on. No engine is needed, and none
 * is contacted.
 */
class EngineClassesTest {
  @TempDir Path root;

  @ParameterizedTest
  @ValueSource(strings = {"plan", "graph", "list", "lint", "build --dry-run"})
  void loadsNoDockerJava(String verb) throws IOException {
    Files.createDirectories(root.resolve("services/base"));
    Files.createDirectories(root.resolve("services/app"));
    Files.writeString(
        root.resolve("services/base/Dockerfile"),
        "FROM scratch\nCOPY Dockerfile /x\nUSER 1000\nHEALTHCHECK NONE\n");
    Files.writeString(
        root.resolve("services/app/Dockerfile"),
        "FROM base\nCOPY Dockerfile /y\nUSER 1000\nHEALTHCHECK NONE\n");
    List<String> args = new java.util.ArrayList<>(List.of(verb.split(" ")));
    args.addAll(List.of("--root", root.toString()));

    FreshJvm.Run run = FreshJvm.run(root, args);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    // The probe sees the classes the verb did load: the core's own are there.
    assertThat(run.loadedFrom("dev.orchestrator.core.graph.")).isNotEmpty();
    assertThat(run.loadedFrom("com.github.dockerjava.")).as(run.toString()).isEmpty();
  }

  @Test
  void slf4jSaysNothingAboutTheProviderItIsGiven() throws IOException {
    Files.createDirectories(root.resolve("services/app"));
    Files.writeString(
        root.resolve("services/app/Dockerfile"), "FROM scratch\nUSER 1000\nHEALTHCHECK NONE\n");

    FreshJvm.Run run = FreshJvm.run(root, List.of("plan", "--root", root.toString()));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).doesNotContain("SLF4J").isEmpty();
    assertThat(run.loadedFrom("ch.qos.logback.classic.spi.LogbackServiceProvider")).isNotEmpty();
  }
}
