package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.process.RecordingCommandRunner;
import dev.orchestrator.core.progress.BuildListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCI labels the orchestrator adds to every image, as the dry run shows them. */
class ToolLabelsThroughRunnerTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();

  @BeforeEach
  void repository() throws IOException {
    new TestRepository(root)
        .service("api", "FROM scratch\nCOPY app.txt /\n")
        .write("services/api/app.txt", "app\n")
        .service(
            "web",
            "FROM scratch AS base\nLABEL org.opencontainers.image.title=storefront\nFROM base\n")
        .write("services/web/service.yaml", "labels: {org.opencontainers.image.version: 9.9}\n");
    Files.createDirectories(root.resolve(".git"));
    git("rev-parse", "HEAD").answer(0, SHA);
    git("symbolic-ref").answer(0, "main");
    git("describe", "--tags", "--exact-match").answer(128, "fatal: no tag exactly matches");
    git("config", "--get", "remote.origin.url")
        .answer(0, "https://x-access-token:ghp_secret@github.com/acme/shop.git");
    git("describe", "--tags", "--always").answer(0, "v1.3.0-4-g0123456");
    git("ls-files").answer(0);
    git("log").answer(0);
    runner.answer(List.of("git", "-C", root.toString(), "check-ignore"), 1);
  }

  private record Git(RecordingCommandRunner runner, List<String> prefix) {
    void answer(int exit, String... output) {
      runner.answer(prefix, exit, output);
    }
  }

  private Git git(String... args) {
    List<String> prefix = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
    prefix.addAll(List.of(args));
    return new Git(runner, prefix);
  }

  private Map<String, List<String>> dryRun(Map<String, String> env) {
    Orchestrator orchestrator = new Orchestrator(runner, FakeEngine::new, env);
    return orchestrator
        .build(BuildRequest.builder(root).dryRun(true).build(), BuildListener.NONE)
        .commands();
  }

  @Test
  void everyImageIsLabelledWithItsServiceCommitSourceAndVersion() {
    String definition = definition(dryRun(Map.of("SOURCE_DATE_EPOCH", "1700000000")));

    assertThat(labels(definition, "api"))
        .containsExactlyInAnyOrder(
            "org.opencontainers.image.title=api",
            "org.opencontainers.image.revision=" + SHA,
            "org.opencontainers.image.source=https://github.com/acme/shop",
            "org.opencontainers.image.created=2023-11-14T22:13:20Z",
            "org.opencontainers.image.version=1.3.0-4-g0123456");
    assertThat(definition).doesNotContain("ghp_secret");
    assertThat(target(definition, "api").path("context").asText())
        .isEqualTo(root.resolve("services/api").toString());
  }

  @Test
  void whatTheDockerfileOrServiceYamlSetsIsNotReplaced() {
    assertThat(labels(definition(dryRun(Map.of())), "web"))
        .containsExactlyInAnyOrder(
            "org.opencontainers.image.version=9.9",
            "org.opencontainers.image.revision=" + SHA,
            "org.opencontainers.image.source=https://github.com/acme/shop");
  }

  @Test
  void onCiTheSourceIsTheRepositoryItNames() {
    String definition =
        definition(
            dryRun(
                Map.of(
                    "GITHUB_SHA", SHA,
                    "GITHUB_REF", "refs/tags/v2.0.1",
                    "GITHUB_SERVER_URL", "https://github.com",
                    "GITHUB_REPOSITORY", "acme/shop")));

    assertThat(labels(definition, "api"))
        .containsExactlyInAnyOrder(
            "org.opencontainers.image.title=api",
            "org.opencontainers.image.revision=" + SHA,
            "org.opencontainers.image.source=https://github.com/acme/shop",
            "org.opencontainers.image.version=2.0.1");
  }

  @Test
  void createdIsTheCommitTimeOfTheLastChangeToTheServicesInputs() {
    git("log", "-1", "--format=%ct", "--", root.resolve("services/api").toString())
        .answer(0, "1700000000");

    String definition = definition(dryRun(Map.of()));

    assertThat(labels(definition, "api"))
        .contains("org.opencontainers.image.created=2023-11-14T22:13:20Z");
    assertThat(target(definition, "api").path("args").path("SOURCE_DATE_EPOCH").asText())
        .isEqualTo("1700000000");
    // web's inputs have no commit, and HEAD's time is not known either (git log gives nothing).
    assertThat(target(definition, "web").path("args").has("SOURCE_DATE_EPOCH")).isFalse();
    assertThat(labels(definition, "web")).noneMatch(l -> l.contains("created"));
  }

  @Test
  void withoutACommitChangingTheInputsTheEpochIsHeads() {
    git("log", "-1", "--format=%ct", "HEAD").answer(0, "1600000000");

    String definition = definition(dryRun(Map.of()));

    assertThat(target(definition, "web").path("args").path("SOURCE_DATE_EPOCH").asText())
        .isEqualTo("1600000000");
  }

  @Test
  void theVariableWinsOverGit() {
    git("log", "-1", "--format=%ct", "--").answer(0, "1600000000");

    String definition = definition(dryRun(Map.of("SOURCE_DATE_EPOCH", "1700000000")));

    assertThat(target(definition, "api").path("args").path("SOURCE_DATE_EPOCH").asText())
        .isEqualTo("1700000000");
  }

  @Test
  void aProfileWithSourceDateEpochNoneGivesNoEpochAndNoCreatedLabel() throws IOException {
    git("log", "-1", "--format=%ct", "--").answer(0, "1600000000");
    new TestRepository(root).write("buildx-profiles/plain.yaml", "sourceDateEpoch: none\n");
    Orchestrator orchestrator = new Orchestrator(runner, FakeEngine::new, Map.of());

    String definition =
        definition(
            orchestrator
                .build(
                    BuildRequest.builder(root)
                        .dryRun(true)
                        .profile(java.util.Optional.of("plain"))
                        .build(),
                    BuildListener.NONE)
                .commands());

    assertThat(target(definition, "api").path("args").has("SOURCE_DATE_EPOCH")).isFalse();
    assertThat(labels(definition, "api")).noneMatch(l -> l.contains("created"));
  }

  @Test
  void aSourceDateEpochThatIsNotSecondsIsABadConfiguration() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> dryRun(Map.of("SOURCE_DATE_EPOCH", "yesterday")));

    assertThat(e.getMessage()).contains("SOURCE_DATE_EPOCH 'yesterday' is not a number of seconds");
  }

  /** Loading profiles build in bake sessions: the labels are in the batch's definition. */
  private static String definition(Map<String, List<String>> commands) {
    return commands.get("bake batch 1 definition").get(0);
  }

  private static com.fasterxml.jackson.databind.JsonNode target(String definition, String name) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(definition)
          .path("target")
          .path(name);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> labels(String definition, String service) {
    List<String> labels = new java.util.ArrayList<>();
    target(definition, service)
        .path("labels")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("org.opencontainers.")) {
                labels.add(e.getKey() + "=" + e.getValue().asText());
              }
            });
    return labels;
  }
}
