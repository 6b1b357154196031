package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BakeCommandTest {
  private final Path def = Path.of("/repo/.cache/orchestrator/bake/batch-1.json");
  private final Path meta = Path.of("/repo/.cache/orchestrator/bake/batch-1.metadata.json");

  @Test
  void theCurrentBuilder() {
    assertThat(BakeCommand.argv(Optional.empty(), def, meta))
        .containsExactly(
            "docker",
            "buildx",
            "bake",
            "--file",
            def.toString(),
            "--progress=rawjson",
            "--metadata-file",
            meta.toString());
  }

  @Test
  void aNamedBuilder() {
    assertThat(BakeCommand.argv(Optional.of("arm"), def, meta))
        .containsExactly(
            "docker",
            "buildx",
            "bake",
            "--builder",
            "arm",
            "--file",
            def.toString(),
            "--progress=rawjson",
            "--metadata-file",
            meta.toString());
  }
}
