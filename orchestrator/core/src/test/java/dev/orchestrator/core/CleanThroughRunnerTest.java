package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.process.RecordingCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clean}: the cache and state folders and the profile's images; no program is started. */
class CleanThroughRunnerTest {
  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();
  private final FakeEngine engine = new FakeEngine();
  private Orchestrator orchestrator;

  @BeforeEach
  void repository() {
    new TestRepository(root)
        .service("api", "FROM scratch\n")
        .service("web", "FROM scratch\n")
        .profile(
            "local",
            "platforms: [linux/amd64]\noutput: load\ncache: {type: local, dir: .cache/buildx}\n")
        .profile("escape", "platforms: [linux/amd64]\noutput: push\nregistry: r:5000\n")
        .write(".cache/buildx/index.json", "{}")
        .write(".cache/orchestrator/index.tsv", "x\n");
    runner.answer(List.of("git", "-C", root.toString(), "ls-files"), 0);
    engine.images.add("monorepo/api:latest");
    engine.images.add("other/image:latest");
    orchestrator = new Orchestrator(runner, () -> engine);
  }

  @Test
  void removesTheCacheTheStateAndTheProfilesImagesOnly() {
    List<String> removed = orchestrator.clean(root, Optional.of("local"));

    assertThat(removed)
        .containsExactly(
            "folder .cache/buildx", "folder .cache/orchestrator", "image monorepo/api:latest");
    assertThat(root.resolve(".cache/buildx")).doesNotExist();
    assertThat(root.resolve(".cache/orchestrator")).doesNotExist();
    assertThat(engine.images).containsExactly("other/image:latest");
    assertThat(runner.argvs()).allMatch(argv -> argv.get(0).equals("git"));
  }

  @Test
  void aPushingProfileLeavesTheEngineAlone() {
    orchestrator =
        new Orchestrator(
            runner,
            () -> {
              throw new AssertionError("a pushing profile has no local images to remove");
            });

    assertThat(orchestrator.clean(root, Optional.of("escape")))
        .contains("folder .cache/orchestrator")
        .noneMatch(line -> line.startsWith("image"));
  }

  @Test
  void aCacheFolderOutsideTheRepositoryIsRefusedAndNothingIsDeleted() throws Exception {
    new TestRepository(root)
        .profile(
            "local",
            "platforms: [linux/amd64]\noutput: load\ncache: {type: local, dir: ../elsewhere}\n");

    assertThatThrownBy(() -> orchestrator.clean(root, Optional.of("local")))
        .isInstanceOf(ConfigurationException.class);
    assertThat(Files.exists(root.resolve(".cache/orchestrator/index.tsv"))).isTrue();
  }

  @Test
  void aSymbolicallyLinkedCacheRootIsRefusedNamingTheLinkAndNothingOutsideIsDeleted(
      @TempDir Path outside) throws Exception {
    Path elsewhere = Files.move(root.resolve(".cache"), outside.resolve("cache"));
    Files.createSymbolicLink(root.resolve(".cache"), elsewhere);

    assertThatThrownBy(() -> orchestrator.clean(root, Optional.of("local")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(".cache is a symbolic link to " + elsewhere.toRealPath());
    assertThat(elsewhere.resolve("buildx/index.json")).exists();
    assertThat(elsewhere.resolve("orchestrator/index.tsv")).exists();
    assertThat(engine.removed).isEmpty();
  }

  @Test
  void aSymbolicallyLinkedCacheFolderIsRefusedBeforeTheStateIsDeleted(@TempDir Path outside)
      throws Exception {
    Path elsewhere = Files.move(root.resolve(".cache/buildx"), outside.resolve("buildx"));
    Files.createSymbolicLink(root.resolve(".cache/buildx"), elsewhere);

    assertThatThrownBy(() -> orchestrator.clean(root, Optional.of("local")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the cache folder (profile 'cache.dir')")
        .hasMessageContaining(".cache/buildx is a symbolic link to " + elsewhere.toRealPath());
    assertThat(elsewhere.resolve("index.json")).exists();
    assertThat(root.resolve(".cache/orchestrator/index.tsv")).exists();
  }

  @Test
  void aLinkInsideTheStateFolderIsRemovedNotFollowed(@TempDir Path outside) throws Exception {
    Path kept = Files.writeString(outside.resolve("kept.txt"), "not ours\n");
    Files.createSymbolicLink(root.resolve(".cache/orchestrator/link"), outside);

    orchestrator.clean(root, Optional.of("local"));

    assertThat(root.resolve(".cache/orchestrator")).doesNotExist();
    assertThat(kept).exists();
  }
}
