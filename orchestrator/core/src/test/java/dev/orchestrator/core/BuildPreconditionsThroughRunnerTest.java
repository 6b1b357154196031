package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.process.RecordingCommandRunner;
import dev.orchestrator.core.progress.BuildListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build checks before anything builds, dry runs included: secrets that are there, and
 * folders and inputs that stay inside the repository once symbolic links are followed.
 */
class BuildPreconditionsThroughRunnerTest {
  @TempDir Path root;
  @TempDir Path outside;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();
  private Path descriptor;

  @BeforeEach
  void repository() {
    new TestRepository(root)
        .service("api", "FROM scratch\n")
        .profile("local", "platforms: [linux/amd64]\noutput: load\ncache: {type: local}\n");
    descriptor = root.resolve("services/api/service.yaml");
    runner.answer(
        List.of("git", "-C", root.toString(), "ls-files"), 128, "fatal: not a git repository");
  }

  private BuildOutcome dryRun(Map<String, String> environment) {
    Orchestrator orchestrator =
        new Orchestrator(
            runner,
            () -> {
              throw new AssertionError("a dry run needs no engine");
            },
            environment);
    return orchestrator.build(
        BuildRequest.builder(root).profile(Optional.of("local")).dryRun(true).build(),
        BuildListener.NONE);
  }

  private List<Problem> problems(Map<String, String> environment) {
    return catchThrowableOfType(() -> dryRun(environment), ConfigurationException.class).problems();
  }

  private void secrets(String yaml) {
    new TestRepository(root).write("services/api/service.yaml", yaml);
  }

  @Test
  void aSecretWhoseVariableIsUnsetIsAConfigurationErrorNamingItsServiceAndLine() {
    secrets("name: api\nsecrets:\n  - {id: tls, src: tls.pem}\n  - {id: npm, env: NPM_TOKEN}\n");
    new TestRepository(root).write("services/api/tls.pem", "pem\n");

    assertThat(problems(Map.of()))
        .containsExactly(
            new Problem(
                descriptor,
                4,
                "service 'api': secret 'npm' reads the environment variable NPM_TOKEN, which is"
                    + " not set; set it, or mark the secret `optional: true` to build without it"));
  }

  @Test
  void aSecretWhoseFileIsMissingIsAConfigurationErrorNamingItsServiceAndLine() {
    secrets("secrets:\n  - id: netrc\n    src: /nonexistent/.netrc\n");

    assertThat(problems(Map.of()))
        .containsExactly(
            new Problem(
                descriptor,
                2,
                "service 'api': secret 'netrc' reads the file /nonexistent/.netrc, which does not"
                    + " exist; create it, or mark the secret `optional: true` to build without"
                    + " it"));
  }

  @Test
  void secretsThatAreThereArePassed() {
    secrets("secrets:\n  - {id: npm, env: NPM_TOKEN}\n");

    assertThat(dryRun(Map.of("NPM_TOKEN", "t")).commands().get("bake batch 1 definition").get(0))
        .contains("\"secret\" : [ \"id=npm,env=NPM_TOKEN\" ]");
  }

  @Test
  void anOptionalSecretThatIsMissingIsSimplyNotPassed() {
    secrets(
        "secrets:\n"
            + "  - {id: npm, env: NPM_TOKEN, optional: true}\n"
            + "  - {id: netrc, src: /nonexistent/.netrc, optional: true}\n"
            + "  - {id: pip, env: PIP_TOKEN, optional: true}\n");

    assertThat(dryRun(Map.of("PIP_TOKEN", "t")).commands().get("bake batch 1 definition").get(0))
        .contains("\"secret\" : [ \"id=pip,env=PIP_TOKEN\" ]")
        .doesNotContain("id=npm", "id=netrc");
  }

  @Test
  void aBuildThroughASymbolicallyLinkedCacheFolderIsRefusedNamingTheLink() throws Exception {
    Files.createSymbolicLink(root.resolve(".cache"), outside);

    ConfigurationException e =
        catchThrowableOfType(() -> dryRun(Map.of()), ConfigurationException.class);

    assertThat(e.getMessage())
        .contains("the cache folder (profile 'cache.dir')")
        .contains(".cache is a symbolic link to " + outside.toRealPath());
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void aBuildThroughASymbolicallyLinkedStateFolderIsRefusedNamingTheLink() throws Exception {
    Files.createDirectories(root.resolve(".cache"));
    Files.createSymbolicLink(root.resolve(".cache/orchestrator"), outside);

    ConfigurationException e =
        catchThrowableOfType(() -> dryRun(Map.of()), ConfigurationException.class);

    assertThat(e.getMessage())
        .contains("the state folder")
        .contains(".cache/orchestrator is a symbolic link to " + outside.toRealPath());
  }

  @Test
  void aPreparationInputThatIsASymbolicLinkLeadingOutsideIsRefused() throws Exception {
    Files.writeString(outside.resolve("secret.txt"), "not ours\n");
    Files.createSymbolicLink(root.resolve("services/api/input.txt"), outside.resolve("secret.txt"));
    secrets("prepare:\n  command: [make]\n  inputs: ['*.txt']\n");

    assertThat(problems(Map.of()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(descriptor);
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.message())
                  .startsWith("service 'api': preparation input services/api/input.txt")
                  .contains("is a symbolic link to " + outside.resolve("secret.txt").toRealPath());
            });
  }
}
