package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds skip what is already built: base <- mid <- leaf, and lone, on the real engine. After the
 * first build every image carries its input hash; a service is rebuilt only when its inputs (or a
 * dependency's) changed, or its image is gone.
 */
class UpToDateEndToEndIT {
  private static final Pattern SERVICE =
      Pattern.compile(
          "\"name\": \"([a-z]+)\",\\s*\"image\": \"[^\"]*\",\\s*\"status\": \"([a-z-]+)\"");

  @TempDir Path root;
  FixtureMonorepo repo;

  @BeforeAll
  static void engineAnswers() {
    if (docker("info").result().exitCode() != 0) {
      fail("no Docker engine answers: run `make engine` (the README's `make test` does)");
    }
  }

  @BeforeEach
  void createRepoAndBuildOnce() {
    repo = FixtureMonorepo.create(root);
    Cli first = orchestrator("build", "--json");
    assertThat(statuses(first))
        .as(first.toString())
        .containsOnlyKeys("base", "mid", "leaf", "lone")
        .doesNotContainValue("up-to-date");
  }

  @AfterEach
  void removeImages() {
    Docker.removeNamespace(repo.namespace);
  }

  @Test
  void aSecondBuildSkipsEveryServiceWithoutRunningBuildx() {
    Cli again = orchestrator("build", "--json");

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(statuses(again))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "base",
                "up-to-date",
                "mid",
                "up-to-date",
                "leaf",
                "up-to-date",
                "lone",
                "up-to-date"));
    // ProgressPrinter prints "building" for every BuildEvent.Started, i.e. every buildx run.
    assertThat(again.err()).doesNotContain("building");
    assertThat(again.out()).contains("has input hash", "(local engine)", "\"sizeBytes\": 2");
    String label =
        docker(
                "image",
                "inspect",
                "--format",
                "{{index .Config.Labels \"dev.orchestrator.input-hash\"}}",
                repo.image("leaf"))
            .output();
    assertThat(label).matches("[0-9a-f]{64}");
  }

  /**
   * A preparation writes its service's context: what is built on it is hashed after it ran, or a
   * fresh checkout's first build labels the dependents with a hash the second never finds.
   */
  @Test
  void whatAPreparationWroteOnTheFirstBuildLeavesItsDependentsUpToDateOnTheSecond() {
    repo.file("services/gen/make.sh", "#!/bin/sh\necho generated > generated.txt\n");
    repo.file(
        "services/gen/service.yaml", "prepare:\n  command: [sh, make.sh]\n  inputs: [make.sh]\n");
    repo.file("services/gen/Dockerfile", "FROM base\nCOPY generated.txt /generated.txt\n");
    repo.file("services/genleaf/Dockerfile", "FROM gen\nRUN cat /generated.txt\n");

    Cli first = orchestrator("build", "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(statuses(first).get("genleaf")).isIn("built", "cached");

    Cli again = orchestrator("build", "--json");

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(statuses(again).values()).as(again.toString()).hasSize(6).containsOnly("up-to-date");
    assertThat(again.err()).contains("[gen] preparation up to date");
  }

  @Test
  void changingOneLeafRebuildsOnlyThatLeaf() {
    repo.file("services/lone/note.txt", "changed\n");

    Cli again = orchestrator("build", "--json");

    Map<String, String> statuses = statuses(again);
    assertThat(statuses)
        .as(again.toString())
        .containsAllEntriesOf(
            Map.of("base", "up-to-date", "mid", "up-to-date", "leaf", "up-to-date"));
    assertThat(statuses.get("lone")).isIn("built", "cached");
    assertThat(again.err()).contains("[lone] building").doesNotContain("[leaf] building");
  }

  @Test
  void changingABaseRebuildsExactlyItAndItsDependents() {
    repo.file("services/base/extra.txt", "changed\n");

    Cli again = orchestrator("build", "--json");

    Map<String, String> statuses = statuses(again);
    assertThat(statuses).as(again.toString()).containsEntry("lone", "up-to-date");
    assertThat(statuses.get("base")).isIn("built", "cached");
    assertThat(statuses.get("mid")).isIn("built", "cached");
    assertThat(statuses.get("leaf")).isIn("built", "cached");
  }

  @Test
  void aChmodOnAContextFileRebuildsAndTheImageHasTheNewMode() throws IOException {
    repo.file(
        "services/lone/Dockerfile",
        """
        FROM scratch
        ARG TARGETARCH
        COPY busybox-${TARGETARCH} /bin/busybox
        COPY note.txt /note.txt
        LABEL fixture=%s
        CMD ["/bin/busybox", "echo", "lone"]
        """
            .formatted(repo.namespace));
    repo.file("services/lone/note.txt", "note\n");
    Path note = root.resolve("services/lone/note.txt");
    Files.setPosixFilePermissions(note, PosixFilePermissions.fromString("rw-r--r--"));
    // Old enough for the file hash cache to remember it: chmod changes neither size nor mtime.
    Files.setLastModifiedTime(note, FileTime.fromMillis(1_000_000));
    Cli copied = orchestrator("build", "--json");
    assertThat(statuses(copied).get("lone")).as(copied.toString()).isIn("built", "cached");
    assertThat(modeIn(repo.image("lone"), "/note.txt")).isEqualTo("644");

    Files.setPosixFilePermissions(note, PosixFilePermissions.fromString("rw-------"));
    Cli again = orchestrator("build", "--json");

    assertThat(statuses(again).get("lone")).as(again.toString()).isIn("built", "cached");
    assertThat(again.err()).contains("[lone] building");
    assertThat(modeIn(repo.image("lone"), "/note.txt")).isEqualTo("600");
  }

  private static String modeIn(String image, String file) {
    return docker("run", "--rm", image, "/bin/busybox", "stat", "-c", "%a", file)
        .assertSucceeded()
        .output();
  }

  @Test
  void anIgnoredFileChangesNothing() {
    repo.file("services/mid/.dockerignore", "*.log\n");
    assertThat(statuses(orchestrator("build", "--json")).get("mid")).isIn("built", "cached");

    repo.file("services/mid/debug.log", "noise\n");

    assertThat(statuses(orchestrator("build", "--json")))
        .doesNotContainValue("built")
        .doesNotContainValue("cached");
  }

  @Test
  void deletingAnImageLocallyRebuildsItAndExplainSaysWhy() {
    Cli current = orchestrator("build", "--explain", "leaf");
    assertThat(current.out())
        .as(current.toString())
        .contains("leaf is up to date", "(local engine)", "dependencies", "mid linux/");

    docker("image", "rm", repo.image("leaf")).assertSucceeded();
    Cli missing = orchestrator("build", "--explain", "leaf");
    assertThat(missing.out()).contains("leaf will be rebuilt", "no image " + repo.image("leaf"));

    Cli again = orchestrator("build", "--json");
    // Built, not from the cache: the first build solved leaf in one session with mid (a target:
    // context); alone, mid is an image (docker-image://), whose steps have other cache keys.
    assertThat(statuses(again))
        .as(again.toString())
        .containsEntry("leaf", "built")
        .containsEntry("mid", "up-to-date")
        .containsEntry("base", "up-to-date");
  }

  @Test
  void forceRunsBuildxForEveryService() {
    Cli forced = orchestrator("build", "--json", "--force");

    assertThat(statuses(forced)).as(forced.toString()).doesNotContainValue("up-to-date");
  }

  @Test
  void inAGitCloneEachImageIsDatedByTheLastCommitToItsInputsAndStaysUpToDate() throws Exception {
    git(1600000000L, "init", "-q");
    git(1600000000L, "add", "-A");
    git(1600000000L, "commit", "-q", "-m", "first");

    // The epoch is not part of the input hash: committing what was built changes nothing.
    Cli committed = orchestrator("build", "--json");
    assertThat(statuses(committed).values())
        .as(committed.toString())
        .hasSize(4)
        .containsOnly("up-to-date");

    Cli forced = orchestrator("build", "--json", "--force");
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(created("lone")).isEqualTo("2020-09-13T12:26:40Z 2020-09-13T12:26:40Z");

    repo.file("services/lone/note.txt", "changed\n");
    git(1700000000L, "add", "-A");
    git(1700000000L, "commit", "-q", "-m", "lone changes");
    Cli changed = orchestrator("build", "--json");
    assertThat(statuses(changed))
        .as(changed.toString())
        .containsAllEntriesOf(
            Map.of("base", "up-to-date", "mid", "up-to-date", "leaf", "up-to-date"));
    assertThat(created("lone")).isEqualTo("2023-11-14T22:13:20Z 2023-11-14T22:13:20Z");
    assertThat(created("base")).isEqualTo("2020-09-13T12:26:40Z 2020-09-13T12:26:40Z");
    assertThat(orchestrator("build", "--explain", "lone").out())
        .contains(
            "SOURCE_DATE_EPOCH: 1700000000 (2023-11-14T22:13:20Z, the last commit changing its"
                + " inputs)",
            "rewrite-timestamp: not used, file times in the layers stay as built: the buildx"
                + " docker driver");

    Cli again = orchestrator("build", "--json");
    assertThat(statuses(again).values()).as(again.toString()).hasSize(4).containsOnly("up-to-date");
  }

  /** The image's created date (BuildKit's, from SOURCE_DATE_EPOCH) and its created label. */
  private String created(String service) {
    return docker(
            "image",
            "inspect",
            "--format",
            "{{.Created}} {{index .Config.Labels \"org.opencontainers.image.created\"}}",
            repo.image(service))
        .output()
        .strip();
  }

  private void git(long date, String... args) throws Exception {
    java.util.List<String> argv =
        new java.util.ArrayList<>(
            java.util.List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
    argv.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile()).inheritIO();
    pb.environment().put("GIT_COMMITTER_DATE", "@" + date + " +0000");
    pb.environment().put("GIT_AUTHOR_DATE", "@" + date + " +0000");
    assertThat(pb.start().waitFor()).as(String.join(" ", argv)).isZero();
  }

  @Test
  void aBuildWithEverythingUpToDateLoadsNoDockerJava() {
    // A JVM of its own, as the launcher runs it: the look-ups are image inspects over the engine
    // API, and sizes come from the index, so no docker-java class is needed.
    dev.orchestrator.cli.FreshJvm.Run again =
        dev.orchestrator.cli.FreshJvm.run(
            root, java.util.List.of("build", "--json", "--root", root.toString()));

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(statuses(new Cli(0, again.out(), again.err())))
        .containsOnlyKeys("base", "mid", "leaf", "lone")
        .containsValues("up-to-date")
        .doesNotContainValue("built");
    assertThat(again.loadedFrom("dev.orchestrator.core.engine.LazyEngine")).isNotEmpty();
    assertThat(again.loadedFrom("com.github.dockerjava.")).isEmpty();
  }

  /** Measuring what it built is an export over the engine API too: still no docker-java. */
  @Test
  void aBuildThatBuildsAndMeasuresALeafLoadsNoDockerJava() {
    repo.file("services/lone/note.txt", "changed again\n");

    dev.orchestrator.cli.FreshJvm.Run again =
        dev.orchestrator.cli.FreshJvm.run(
            root, java.util.List.of("build", "--json", "--root", root.toString()));

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(statuses(new Cli(0, again.out(), again.err())).get("lone")).isIn("built", "cached");
    assertThat(again.out())
        .containsPattern("\"name\": \"lone\"[^]]*\"compressedSizeBytes\": [1-9]");
    assertThat(again.loadedFrom("com.github.dockerjava.")).isEmpty();
  }

  private static Map<String, String> statuses(Cli cli) {
    Map<String, String> statuses = new TreeMap<>();
    Matcher m = SERVICE.matcher(cli.out());
    while (m.find()) {
      statuses.put(m.group(1), m.group(2));
    }
    return statuses;
  }

  private Cli orchestrator(String... args) {
    String[] withRoot = new String[args.length + 2];
    System.arraycopy(args, 0, withRoot, 0, args.length);
    withRoot[args.length] = "--root";
    withRoot[args.length + 1] = root.toString();
    return Cli.run(withRoot);
  }
}
