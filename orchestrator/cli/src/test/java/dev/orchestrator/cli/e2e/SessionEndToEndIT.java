package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many services per BuildKit session ({@code docker buildx bake}), on the real engine. */
class SessionEndToEndIT {
  private static final String BOTH = "linux/amd64,linux/arm64";

  @TempDir Path root;
  FixtureMonorepo repo;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void createRepo() {
    repo = FixtureMonorepo.create(root);
  }

  @AfterEach
  void removeImages() {
    Docker.removeNamespace(repo.namespace);
  }

  private List<String> sessions() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(".cache/orchestrator/bake"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".metadata.json"))
          .sorted()
          .toList();
    }
  }

  private String cat(String image, String platform, String file) {
    return docker("run", "--rm", "--platform", platform, "--entrypoint", "/bin/cat", image, file)
        .output();
  }

  @Test
  void aChainOfInRepoBasesBuildsInOneSessionAndDependentsHoldTheFreshBase() throws IOException {
    Cli first = Cli.in(root, "build", "--platform", BOTH);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(sessions()).containsExactly("batch-1.json");
    String definition = Files.readString(root.resolve(".cache/orchestrator/bake/batch-1.json"));
    assertThat(definition).contains("\"base\" : \"target:base\"", "\"mid\" : \"target:mid\"");

    // A changed base: base, mid and leaf are rebuilt together, in one session again, and both
    // dependents carry the new base content on both platforms (lone is up to date).
    repo.file(
        "services/base/Dockerfile",
        Files.readString(root.resolve("services/base/Dockerfile"))
            + "RUN echo fresh-base >> /base.txt\n");
    Cli second = Cli.in(root, "build", "--platform", BOTH, "--json");

    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out())
        .containsPattern("\"name\": \"lone\",[^}]*\"status\": \"up-to-date\"")
        .containsPattern("\"name\": \"leaf\",[^}]*\"status\": \"built\"");
    assertThat(sessions()).containsExactly("batch-1.json");
    String rebuilt = Files.readString(root.resolve(".cache/orchestrator/bake/batch-1.json"));
    assertThat(rebuilt).contains("\"targets\" : [ \"base\", \"mid\", \"leaf\" ]");
    // mid's and leaf's solves hold base's steps too (bake shows them once, often under a
    // dependent's name in plain progress): base's new RUN is still base's, and it ran.
    assertThat(second.out())
        .containsPattern("\"name\": \"base\",[^}]*\"status\": \"built\"")
        .containsPattern("\"name\": \"mid\",[^}]*\"status\": \"built\"");
    for (String platform : BOTH.split(",")) {
      Cli layers = Cli.in(root, "layers", "base", "--platform", platform);
      assertThat(layers.out())
          .as(layers.toString())
          .containsPattern("echo fresh-base >> /base.* built\n")
          .doesNotContain("cache unknown");
    }
    for (String platform : BOTH.split(",")) {
      assertThat(cat(repo.image("mid"), platform, "/mid.txt")).endsWith("fresh-base");
      assertThat(cat(repo.image("leaf"), platform, "/from-mid.txt")).endsWith("fresh-base");
    }
  }

  @Test
  void aBaseCopiedFromInTheSameSessionKeepsItsOwnStepsAndTheirCacheUse() throws IOException {
    repo.file(
        "services/app/Dockerfile",
        "FROM base\nRUN echo stable > /stable\nCOPY main.sh /app/main.sh\n");
    repo.file("services/app/main.sh", "echo one\n");
    repo.file(
        "services/pack/Dockerfile",
        "FROM base\nCOPY --from=app /app/main.sh /app.sh\nRUN echo pack > /pack\n");
    // base first, so that app's RUN stays cached (a step after base built in the same session
    // has another cache key than after base's image).
    for (String[] services : List.of(new String[] {"base"}, new String[] {"app", "pack"})) {
      Cli first =
          Cli.in(
              root, Stream.concat(Stream.of("build"), Stream.of(services)).toArray(String[]::new));
      assertThat(first.exitCode()).as(first.toString()).isZero();
    }

    // app's RUN is cached and its COPY runs again. pack's solve holds both of app's steps (app
    // is its target: context); plain progress showed them once, under pack's name.
    repo.file("services/app/main.sh", "echo two\n");
    Cli second = Cli.in(root, "build", "app", "pack", "--json");

    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(sessions()).containsExactly("batch-1.json");
    assertThat(Files.readString(root.resolve(".cache/orchestrator/bake/batch-1.json")))
        .contains("\"app\" : \"target:app\"");
    assertThat(second.out())
        .containsPattern(
            "\"name\": \"app\",[^}]*\"status\": \"built\"[^]]*"
                + "\"cachedSteps\": 1,\\s*\"totalSteps\": 2,")
        .containsPattern(
            "\"name\": \"pack\",[^}]*\"status\": \"built\"[^]]*"
                + "\"cachedSteps\": 0,\\s*\"totalSteps\": 2,");
    Cli layers = Cli.in(root, "layers", "app");
    assertThat(layers.out())
        .as(layers.toString())
        .containsPattern("RUN /bin/sh -c echo stable > /stable .* cached\\n")
        .containsPattern("COPY main.sh /app/main.sh .* built\\n")
        .doesNotContain("cache unknown");
    assertThat(cat(repo.image("pack"), "linux/amd64", "/app.sh")).isEqualTo("echo two");
  }

  @Test
  void aSessionWithOneFailingMemberFailsOnlyItSkipsItsDependentsAndBuildsTheOthers()
      throws IOException {
    repo.file("services/broken/Dockerfile", "FROM base\nRUN echo about to fail && exit 3\n");
    repo.file("services/child/Dockerfile", "FROM broken\n");
    repo.file("services/sibling/Dockerfile", "FROM base\nRUN sleep 2 && echo sibling > /s\n");

    Cli build = Cli.in(root, "build");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
    assertThat(build.out())
        .contains("FAILED broken: docker buildx bake exited with 1: process \"/bin/sh -c echo")
        .contains("about to fail")
        .contains("SKIPPED child: dependency broken failed")
        .doesNotContain("FAILED sibling", "FAILED lone", "FAILED base", "FAILED mid");
    for (String built : List.of("base", "mid", "leaf", "lone", "sibling")) {
      assertThat(docker("image", "inspect", repo.image(built)).result().exitCode())
          .as(built)
          .isZero();
    }
    assertThat(docker("image", "inspect", repo.image("child")).result().exitCode()).isNotZero();
    assertThat(docker("image", "inspect", repo.image("broken")).result().exitCode()).isNotZero();
    assertThat(cat(repo.image("sibling"), "linux/amd64", "/s")).isEqualTo("sibling");
    // The first session held every service; the retries are smaller.
    assertThat(sessions().size()).isGreaterThan(1);
    assertThat(Files.readString(root.resolve(".cache/orchestrator/bake/batch-1.json")))
        .contains("\"broken\"", "\"child\"", "\"sibling\"", "\"lone\"");
  }
}
