package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own repository, out of the box: a git clone with no {@code buildx-profiles/} folder and
 * Dockerfiles without a single LABEL. The built-in {@code local} profile builds both platforms into
 * the engine; every image carries the tool's OCI labels (the remote without its token); the state
 * folder stays out of {@code git status}; a second build is up to date.
 */
class BuiltInProfilesEndToEndIT {
  private static final String BOTH = "linux/amd64,linux/arm64";
  private static final Map<String, String> GIT_IDENTITY =
      Map.of(
          "GIT_AUTHOR_NAME",
          "t",
          "GIT_AUTHOR_EMAIL",
          "t@example.com",
          "GIT_COMMITTER_NAME",
          "t",
          "GIT_COMMITTER_EMAIL",
          "t@example.com");

  @TempDir Path root;
  // The built-in profile names images monorepo/<service>: unique service names keep them apart.
  final String prefix = "i12a-" + UUID.randomUUID().toString().substring(0, 8);
  final String base = prefix + "-base";
  final String app = prefix + "-app";

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @AfterEach
  void removeImages() {
    for (String service : List.of(base, app)) {
      docker("image", "rm", "-f", "monorepo/" + service + ":latest");
    }
  }

  @Test
  void buildsBothPlatformsWithTheBuiltInLocalProfileAndLabelsEveryImage() {
    Path busybox = Busybox.binaries();
    for (String arch : List.of("amd64", "arm64")) {
      copy(busybox.resolve("busybox-" + arch), "services/" + base + "/busybox-" + arch);
    }
    file(
        "services/" + base + "/Dockerfile",
        """
        FROM scratch
        ARG TARGETARCH
        COPY busybox-${TARGETARCH} /bin/busybox
        RUN ["/bin/busybox", "--install", "-s", "/bin"]
        RUN echo %s > /fixture-id
        """
            .formatted(prefix));
    file("services/" + app + "/Dockerfile", "FROM " + base + "\nCMD [\"uname\", \"-m\"]\n");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "first");
    git("remote", "add", "origin", "https://deploy:s3cr3t-token@git.example.com/acme/shop.git");
    String sha = git("rev-parse", "HEAD").strip();
    assertThat(root.resolve("buildx-profiles")).doesNotExist();

    ProcessResult profiles = cli(Map.of(), "profiles");
    assertThat(String.join("\n", profiles.output())).contains("local        built-in");

    ProcessResult build =
        cli(Map.of("SOURCE_DATE_EPOCH", "1700000000"), "build", "--platform", BOTH);
    assertThat(build.exitCode()).as(String.join("\n", build.output())).isZero();

    String image = "monorepo/" + app + ":latest";
    assertThat(labels(image))
        .contains(
            "org.opencontainers.image.title=" + app,
            "org.opencontainers.image.revision=" + sha,
            "org.opencontainers.image.source=https://git.example.com/acme/shop",
            "org.opencontainers.image.created=2023-11-14T22:13:20Z",
            "org.opencontainers.image.version=" + sha.substring(0, 7))
        .noneMatch(l -> l.contains("s3cr3t"));
    // The base's own title, not inherited by the app.
    assertThat(labels("monorepo/" + base + ":latest"))
        .contains("org.opencontainers.image.title=" + base);
    for (String[] platform :
        new String[][] {{"linux/amd64", "x86_64"}, {"linux/arm64", "aarch64"}}) {
      assertThat(docker("run", "--rm", "--platform", platform[0], image).output())
          .as(platform[0])
          .isEqualTo(platform[1]);
    }
    // The engine's own cache: nothing exported to a folder.
    assertThat(root.resolve(".cache/buildx")).doesNotExist();
    assertThat(root.resolve(".cache/orchestrator")).isDirectory();
    assertThat(git("status", "--porcelain")).isEmpty();
    assertThat(readString(root.resolve(".git/info/exclude"))).contains("/.cache/\n");

    ProcessResult again = cli(Map.of(), "build", "--platform", BOTH);
    assertThat(again.exitCode()).as(String.join("\n", again.output())).isZero();
    assertThat(String.join("\n", again.output())).contains("2 up to date");
  }

  private List<String> labels(String image) {
    return List.of(
        docker(
                "image",
                "inspect",
                "--format",
                "{{range $k, $v := .Config.Labels}}{{$k}}={{$v}}\n{{end}}",
                image)
            .output()
            .split("\n"));
  }

  /** The CLI as its own process, so that it sees {@code env} as its environment. */
  private ProcessResult cli(Map<String, String> env, String... args) {
    return TestProcesses.cli(root, env, args);
  }

  private String git(String... args) {
    List<String> argv = new ArrayList<>(List.of("git", "-C", root.toString()));
    argv.addAll(List.of(args));
    ProcessResult r = TestProcesses.run(argv, root, GIT_IDENTITY);
    assertThat(r.exitCode()).as("git %s: %s", List.of(args), r.output()).isZero();
    return String.join("\n", r.output());
  }

  private void file(String relative, String content) {
    try {
      Path path = root.resolve(relative);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void copy(Path from, String relative) {
    try {
      Path path = root.resolve(relative);
      Files.createDirectories(path.getParent());
      Files.copy(from, path);
      path.toFile().setExecutable(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
