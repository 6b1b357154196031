package dev.orchestrator.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.RecordingCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image a service's final stage builds FROM: where its inherited labels come from. */
class FinalBaseImageTest {
  @TempDir Path root;

  private Optional<String> finalBase(String service) throws IOException {
    RecordingCommandRunner runner = new RecordingCommandRunner();
    runner.answer(List.of("git"), 128);
    Workspace workspace = Workspace.load(root, runner);
    return workspace.finalBaseImage(
        workspace.repository().byName().get(service), name -> "ns/" + name + ":latest");
  }

  private void dockerfile(String service, String text) throws IOException {
    Path file = root.resolve("services/" + service + "/Dockerfile");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void anInRepoBaseIsNamedByItsImageReference() throws IOException {
    dockerfile("base", "FROM scratch\n");
    dockerfile("app", "FROM base\nCMD [\"x\"]\n");

    assertThat(finalBase("app")).contains("ns/base:latest");
    assertThat(finalBase("base")).isEmpty();
  }

  @Test
  void aMultiStageBuildFollowsItsFinalStageToTheImageBehindIt() throws IOException {
    dockerfile("base", "FROM scratch\n");
    dockerfile(
        "app",
        "FROM java:8-jre AS build\nFROM base AS runtime\nFROM runtime\nCOPY --from=build / /\n");

    assertThat(finalBase("app")).contains("ns/base:latest");
  }

  @Test
  void anExternalImageIsNamedAsWritten() throws IOException {
    dockerfile("app", "FROM java:8-jre AS build\nFROM build\n");

    assertThat(finalBase("app")).contains("java:8-jre");
  }
}
