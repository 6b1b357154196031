package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.RecordingCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrator init}: writes what is implicit, never overwrites, and says what it did. */
class InitThroughRunnerTest {
  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();
  private Orchestrator orchestrator;

  @BeforeEach
  void notGit() {
    runner.answer(List.of("git"), 128, "fatal: not a git repository");
    orchestrator = new Orchestrator(runner, FakeEngine::new, Map.of());
  }

  private void dockerfile(String folder) throws IOException {
    Files.createDirectories(root.resolve(folder));
    Files.writeString(root.resolve(folder).resolve("Dockerfile"), "FROM scratch\n");
  }

  @Test
  void writesTheRootsItFoundThenASecondInitChangesNothing() throws IOException {
    dockerfile("apps/web");
    dockerfile("images/base");
    dockerfile("images/jre");

    List<InitFile> first = orchestrator.init(root, false, false);

    assertThat(first)
        .containsExactly(new InitFile("orchestrator.yaml", true, "roots: apps, images"));
    String written = Files.readString(root.resolve("orchestrator.yaml"));
    assertThat(written)
        .contains(
            "# Found 3 service(s): base, jre, web\n",
            "roots: [apps, images]   # folders searched for Dockerfiles\n",
            "defaultProfile: local");
    assertThat(orchestrator.list(root)).extracting(s -> s.name()).contains("web", "base", "jre");

    assertThat(orchestrator.init(root, false, false))
        .containsExactly(new InitFile("orchestrator.yaml", false, "exists: left as it is"));
    assertThat(Files.readString(root.resolve("orchestrator.yaml"))).isEqualTo(written);
  }

  @Test
  void aDockerfileAtTheTopLeavesTheRootsOut() throws IOException {
    dockerfile(".");
    dockerfile("tools/lint");

    assertThat(orchestrator.init(root, false, false))
        .containsExactly(new InitFile("orchestrator.yaml", true, "no roots: the whole repository"));
    assertThat(Files.readString(root.resolve("orchestrator.yaml")))
        .contains("# roots: left out, so the whole repository is searched")
        .doesNotContain("\nroots:");
  }

  @Test
  void profilesAndTheMakefileIncludeOnRequestNeverOverwritingAnExistingFile() throws IOException {
    dockerfile("services/api");
    Files.createDirectories(root.resolve("buildx-profiles"));
    Files.writeString(root.resolve("buildx-profiles/local.yaml"), "jobs: 4\n");

    List<InitFile> files = orchestrator.init(root, true, true);

    assertThat(files)
        .extracting(InitFile::path, InitFile::written)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("orchestrator.yaml", true),
            org.assertj.core.groups.Tuple.tuple("buildx-profiles/ci.yaml", true),
            org.assertj.core.groups.Tuple.tuple("buildx-profiles/ci-amd64.yaml", true),
            org.assertj.core.groups.Tuple.tuple("buildx-profiles/ci-arm64.yaml", true),
            org.assertj.core.groups.Tuple.tuple("buildx-profiles/local.yaml", false),
            org.assertj.core.groups.Tuple.tuple("buildx-profiles/release.yaml", true),
            org.assertj.core.groups.Tuple.tuple("orchestrator.mk", true));
    assertThat(Files.readString(root.resolve("buildx-profiles/local.yaml"))).isEqualTo("jobs: 4\n");
    assertThat(Files.readString(root.resolve("buildx-profiles/ci-amd64.yaml")))
        .startsWith("# Written by `orchestrator init`: the built-in profile ci-amd64 as shipped.")
        .contains("output: push-by-digest\n");
    String mk = Files.readString(root.resolve("orchestrator.mk"));
    assertThat(mk)
        .contains(
            "container-build:\n\t$(ORCHESTRATOR) build $(ORCHESTRATOR_OPTS)\n",
            "container-push:\n\t$(ORCHESTRATOR) build --profile ci-$(ARCH) --platform"
                + " linux/$(ARCH) $(ORCHESTRATOR_ARGS)\n",
            "container-matrix:\n\t@$(ORCHESTRATOR) matrix --format github\n");
    // The profiles written are the built-in ones: overriding with them changes nothing.
    assertThat(orchestrator.profiles(root))
        .filteredOn(o -> o.name().equals("ci-amd64"))
        .singleElement()
        .satisfies(o -> assertThat(o.overriddenKeys()).contains("output", "platforms"));

    assertThat(orchestrator.init(root, true, true)).noneMatch(InitFile::written);
  }
}
