package dev.orchestrator.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code affected --since REF} on a scratch git repository: base <- mid <- leaf, and lone. */
class AffectedTest {
  @TempDir Path root;
  private final Orchestrator orchestrator =
      new Orchestrator(
          SystemCommandRunner.inheritingEnvironment(),
          () -> {
            throw new AssertionError("affected needs no engine");
          });

  @BeforeEach
  void commitRepository() {
    write("services/base/Dockerfile", "FROM scratch\nCOPY . /\n");
    write("services/base/base.txt", "base\n");
    write("services/mid/Dockerfile", "FROM base\n");
    write("services/leaf/Dockerfile", "FROM mid\nCOPY app.txt /\n");
    write("services/leaf/.dockerignore", "*.log\n");
    write("services/leaf/app.txt", "app\n");
    write("services/lone/Dockerfile", "FROM scratch\n");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "init");
  }

  private Map<String, String> affected() {
    Map<String, String> out = new java.util.TreeMap<>();
    orchestrator.affected(root, "HEAD").forEach(e -> out.put(e.service(), e.reason()));
    return out;
  }

  @Test
  void nothingChangedAffectsNothing() {
    assertThat(affected()).isEmpty();
  }

  @Test
  void aLeafFileAffectsOnlyTheLeaf() {
    write("services/leaf/app.txt", "app v2\n");
    assertThat(affected())
        .containsExactly(Map.entry("leaf", "context file services/leaf/app.txt changed"));
  }

  @Test
  void aBaseFileAffectsTheBaseAndEveryDependentWithTheDependencyAsReason() {
    write("services/base/base.txt", "base v2\n");
    assertThat(affected())
        .containsExactly(
            Map.entry("base", "context file services/base/base.txt changed"),
            Map.entry("leaf", "depends on mid"),
            Map.entry("mid", "depends on base"));
  }

  @Test
  void untrackedFilesCountButIgnoredOnesDoNot() {
    write("services/leaf/debug.log", "noise\n");
    assertThat(affected()).isEmpty();
    write("services/lone/new.txt", "new\n");
    assertThat(affected()).containsOnlyKeys("lone");
  }

  @Test
  void theDockerfileTheIgnoreFileAndServiceYamlCount() {
    write("services/lone/service.yaml", "budget: 10MB\n");
    write("services/leaf/.dockerignore", "*.log\n*.tmp\n");
    write("services/mid/Dockerfile", "FROM base\nLABEL a=b\n");
    assertThat(affected())
        .containsExactly(
            Map.entry("leaf", "ignore file services/leaf/.dockerignore changed"),
            Map.entry("lone", "service.yaml services/lone/service.yaml changed"),
            Map.entry("mid", "Dockerfile services/mid/Dockerfile changed"));
  }

  @Test
  void aDeletedFileCounts() throws IOException {
    Files.delete(root.resolve("services/base/base.txt"));
    assertThat(affected()).containsKeys("base", "mid", "leaf").doesNotContainKey("lone");
  }

  @Test
  void anUnknownRevisionIsAConfigurationError() {
    assertThatThrownBy(() -> orchestrator.affected(root, "no-such-ref"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no-such-ref");
  }

  private void git(String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    assertThat(SystemCommandRunner.inheritingEnvironment().run(argv, root).exitCode()).isZero();
  }

  private void write(String relative, String content) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
