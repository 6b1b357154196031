package dev.orchestrator.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.config.Profile.Cache;
import dev.orchestrator.core.config.Profile.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The profiles this repository ships in {@code buildx-profiles/} are valid. */
class RepositoryProfilesTest {

  @Test
  void everyShippedProfileValidates() throws IOException {
    Path dir = profilesDir();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }

    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(ProfileReader.read(file).name())
          .isEqualTo(file.getFileName().toString().replace(".yaml", ""));
    }
  }

  @Test
  void shippedProfilesSayWhatTheirNamesPromise() {
    Path dir = profilesDir();

    assertThat(ProfileReader.available(dir))
        .containsExactly("ci", "ci-amd64", "ci-arm64", "local", "release");
    Profile local = ProfileReader.load(dir, "local");
    assertThat(local.platforms()).containsExactly("host");
    assertThat(local.output()).isEqualTo(Output.LOAD);
    assertThat(local.cache()).isEqualTo(new Cache(Cache.Type.LOCAL, ".cache/buildx", "max"));
    assertThat(ProfileReader.load(dir, "ci-arm64").platforms()).containsExactly("linux/arm64");
    assertThat(ProfileReader.load(dir, "ci-arm64").output()).isEqualTo(Output.PUSH_BY_DIGEST);
    assertThat(ProfileReader.load(dir, "ci").platforms())
        .containsExactly("linux/amd64", "linux/arm64");
    Profile release = ProfileReader.load(dir, "release");
    assertThat(release.platforms()).containsExactly("linux/amd64", "linux/arm64");
    assertThat(release.output()).isEqualTo(Output.PUSH);
    assertThat(release.cache().type()).isEqualTo(Cache.Type.REGISTRY);
  }

  /** Walks up from the working folder (a module, under Maven) to the repository root. */
  private static Path profilesDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("buildx-profiles"))) {
        return dir.resolve("buildx-profiles");
      }
    }
    throw new IllegalStateException("no buildx-profiles above " + Path.of("").toAbsolutePath());
  }
}
