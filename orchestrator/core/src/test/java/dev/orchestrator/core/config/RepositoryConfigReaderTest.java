package dev.orchestrator.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryConfigReaderTest {
  @TempDir Path root;

  @Test
  void withoutTheFileEverythingIsDefault() {
    RepositoryConfig config = RepositoryConfigReader.read(root);

    assertThat(config)
        .isEqualTo(
            new RepositoryConfig(
                root, Optional.empty(), List.of(), root.resolve("buildx-profiles"), "local"));
  }

  @Test
  void aConfigurationFileThatIsAFolderIsAnErrorNamingIt() throws IOException {
    Path folder = Files.createDirectories(root.resolve(RepositoryConfig.FILE_NAME));

    ConfigurationException e =
        catchThrowableOfType(ConfigurationException.class, () -> RepositoryConfigReader.read(root));

    assertThat(e.problems()).containsExactly(Problem.inFile(folder, "is a folder, not a file"));
  }

  @Test
  void aConfigurationFileThatIsNotUtf8SaysSo() throws IOException {
    Path file = root.resolve(RepositoryConfig.FILE_NAME);
    Files.write(file, new byte[] {'r', 'o', 'o', 't', 's', ':', ' ', (byte) 0xff, '\n'});

    ConfigurationException e =
        catchThrowableOfType(ConfigurationException.class, () -> RepositoryConfigReader.read(root));

    assertThat(e.problems()).containsExactly(Problem.inFile(file, "is not UTF-8 text"));
  }

  @Test
  void emptyFileIsDefaultToo() throws IOException {
    Path file = write("");

    assertThat(RepositoryConfigReader.read(root))
        .isEqualTo(
            new RepositoryConfig(
                root, Optional.of(file), List.of(), root.resolve("buildx-profiles"), "local"));
  }

  @Test
  void readsEveryKey() throws IOException {
    Files.createDirectories(root.resolve("services"));
    Files.createDirectories(root.resolve("apps/web"));
    Path file =
        write(
            "roots: [services, apps/web]\nprofilesDir: build/profiles\ndefaultProfile: ci-amd64\n");

    assertThat(RepositoryConfigReader.read(root))
        .isEqualTo(
            new RepositoryConfig(
                root,
                Optional.of(file),
                List.of(root.resolve("services"), root.resolve("apps/web")),
                root.resolve("build/profiles"),
                "ci-amd64"));
  }

  @Test
  void rootsMustBeFoldersInsideTheRepository() throws IOException {
    Files.writeString(root.resolve("notes.txt"), "");

    assertThat(problems("roots:\n  - ../elsewhere\n  - missing\n  - notes.txt\n  - /srv\n"))
        .containsExactly(
            at(2, "'roots': '../elsewhere' leads outside the repository"),
            at(3, "'roots': 'missing' is not a folder in the repository"),
            at(4, "'roots': 'notes.txt' is not a folder in the repository"),
            at(5, "'roots': '/srv' is absolute; expected a relative path"));
  }

  @Test
  void emptyRootsAreAMistake() throws IOException {
    assertThat(problems("roots: []\n"))
        .containsExactly(
            at(
                1,
                "'roots' must be a list of folders such as [services, apps] (leave it out to"
                    + " search everywhere)"));
  }

  @Test
  void badProfileSettings() throws IOException {
    assertThat(problems("profilesDir: ../profiles\ndefaultProfile: Local Build\nprofiles: x\n"))
        .containsExactly(
            at(1, "'profilesDir': '../profiles' leads outside the repository"),
            at(
                2,
                "'defaultProfile': 'Local Build' is not a profile name such as local or ci-amd64"),
            at(3, "unknown key 'profiles'; expected one of: roots, profilesDir, defaultProfile"));
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(root.resolve("orchestrator.yaml"), yaml);
  }

  private List<String> problems(String yaml) throws IOException {
    write(yaml);
    ConfigurationException e =
        catchThrowableOfType(ConfigurationException.class, () -> RepositoryConfigReader.read(root));
    assertThat(e).as("problems in %s", yaml).isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private String at(int line, String message) {
    return root.resolve("orchestrator.yaml") + ":" + line + ": " + message;
  }
}
