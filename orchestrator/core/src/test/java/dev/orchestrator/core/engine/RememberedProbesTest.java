package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.RecordingCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedProbesTest {
  private static final List<String> AMD64 = List.of("linux/amd64");
  private static final List<String> BOTH = List.of("linux/amd64", "linux/arm64");
  private static final String ENGINE = "ID-1 26.1.5";

  @TempDir Path home;
  private Path cache;
  private Map<String, String> environment;

  @BeforeEach
  void folders() throws Exception {
    cache = home.resolve("cache");
    Files.createDirectories(home.resolve("bin"));
    Path docker = home.resolve("bin/docker");
    Files.writeString(docker, "#!/bin/sh\n");
    docker.toFile().setExecutable(true);
    environment = Map.of("HOME", home.toString(), "PATH", home.resolve("bin").toString());
  }

  private static String inspect(String platforms) {
    return String.join(
        "\n",
        "Name:          default",
        "Driver:        docker",
        "Nodes:",
        "Name:             default",
        "Status:           running",
        "BuildKit version: v0.13.2",
        "Platforms:        " + platforms);
  }

  private RecordingCommandRunner buildxSays(String platforms) {
    return new RecordingCommandRunner().answer(BuildxProbe.command(), 0, inspect(platforms));
  }

  private BuildxProbe probe(RecordingCommandRunner runner) {
    return new BuildxProbe(runner, Optional.of(new RememberedProbes(cache, environment)));
  }

  @Test
  void aSuccessfulAnswerIsKeptAndTheNextRunAsksNobody() {
    RecordingCommandRunner first = buildxSays("linux/amd64, linux/arm64");
    assertThat(probe(first).probe(BOTH, ENGINE).platforms()).isEqualTo(BOTH);
    assertThat(first.commands()).hasSize(1);

    RecordingCommandRunner second = buildxSays("linux/amd64, linux/arm64");
    BuildxProbe.Result kept = probe(second).probe(BOTH, ENGINE);

    assertThat(second.commands()).isEmpty();
    assertThat(kept.ok()).isTrue();
    assertThat(kept.platforms()).isEqualTo(BOTH);
    assertThat(kept.rewrite()).isEqualTo(TimestampRewrite.of("docker", "v0.13.2"));
  }

  @Test
  void aKeptAnswerLackingAWantedPlatformIsAskedAgain() {
    probe(buildxSays("linux/amd64")).probe(AMD64, ENGINE);

    // QEMU registered since, say: a kept answer never refuses a build.
    RecordingCommandRunner again = buildxSays("linux/amd64, linux/arm64");
    assertThat(probe(again).probe(BOTH, ENGINE).platforms()).isEqualTo(BOTH);
    assertThat(again.commands()).hasSize(1);
  }

  @Test
  void aFailedAnswerIsNotKept() {
    RecordingCommandRunner broken =
        new RecordingCommandRunner()
            .answer(BuildxProbe.command(), 1, "docker: 'buildx' is not a docker command.");
    assertThat(probe(broken).probe(AMD64, ENGINE).ok()).isFalse();

    RecordingCommandRunner fixed = buildxSays("linux/amd64");
    assertThat(probe(fixed).probe(AMD64, ENGINE).ok()).isTrue();
    assertThat(fixed.commands()).hasSize(1);
  }

  @Test
  void anotherEngineOrAnOldAnswerIsAskedAgain() throws Exception {
    probe(buildxSays("linux/amd64")).probe(AMD64, ENGINE);

    RecordingCommandRunner otherEngine = buildxSays("linux/amd64");
    probe(otherEngine).probe(AMD64, "ID-2 26.1.5");
    assertThat(otherEngine.commands()).hasSize(1);

    try (var files = Files.list(cache)) {
      for (Path f : files.toList()) {
        Files.setLastModifiedTime(
            f, FileTime.from(Instant.now().minus(RememberedProbes.MAX_AGE).minusSeconds(1)));
      }
    }
    RecordingCommandRunner later = buildxSays("linux/amd64");
    probe(later).probe(AMD64, ENGINE);
    assertThat(later.commands()).hasSize(1);
    try (var files = Files.list(cache)) {
      assertThat(files.filter(f -> f.toString().endsWith(".txt")).count())
          .as("answers past their age are removed when another is kept")
          .isEqualTo(1);
    }
  }

  @Test
  void withoutTheEnginesIdentityBuildxIsAsked() {
    probe(buildxSays("linux/amd64")).probe(AMD64, "");
    RecordingCommandRunner second = buildxSays("linux/amd64");
    probe(second).probe(AMD64, "");
    assertThat(second.commands()).hasSize(1);
  }

  @Test
  void turnedOffOrWithoutPathNothingIsKept() {
    assertThat(RememberedProbes.inUserCache(Map.of("HOME", home.toString()))).isEmpty();
    assertThat(
            RememberedProbes.inUserCache(
                Map.of("PATH", "/usr/bin", "ORCHESTRATOR_REMEMBER_BUILDX", "0")))
        .isEmpty();
    assertThat(
            RememberedProbes.inUserCache(
                Map.of("PATH", "/usr/bin", "XDG_CACHE_HOME", home.toString())))
        .isPresent();
  }
}
