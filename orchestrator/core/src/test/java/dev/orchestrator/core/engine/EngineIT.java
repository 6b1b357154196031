package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.process.SystemCommandRunner;
import dev.orchestrator.core.size.ImageSizes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the engine at DOCKER_HOST or /var/run/docker.sock; builds its own image. */
class EngineIT {
  private static final String IMAGE =
      "enginetest/busybox:" + UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64");

  @TempDir static Path work;
  static Engine engine;

  @BeforeAll
  static void buildTwoPlatformBusybox() throws Exception {
    engine = Engines.connect(SystemCommandRunner.inheritingEnvironment(), System.getenv());
    Path context = Files.createDirectories(work.resolve("context"));
    // The project's own script: it also adds the arm64 dpkg architecture a fresh machine lacks.
    Path repo = Path.of("").toAbsolutePath();
    while (!Files.exists(repo.resolve("orchestrator/scripts/fetch-busybox.sh"))) {
      repo = repo.getParent();
    }
    Path busybox = repo.resolve(".cache/fixtures/busybox");
    run(repo, "bash", "orchestrator/scripts/fetch-busybox.sh", busybox.toString());
    for (String arch : List.of("amd64", "arm64")) {
      Files.createDirectories(context.resolve(arch));
      Files.copy(busybox.resolve("busybox-" + arch), context.resolve(arch + "/busybox"));
    }
    Files.writeString(
        context.resolve("Dockerfile"),
        """
        FROM scratch
        ARG TARGETARCH
        COPY ${TARGETARCH}/busybox /bin/busybox
        RUN ["/bin/busybox", "--install", "-s", "/bin"]
        LABEL dev.orchestrator.engine-it=labelled
        ENTRYPOINT ["/bin/busybox"]
        """);
    run(
        context,
        "docker",
        "buildx",
        "build",
        "--platform",
        String.join(",", PLATFORMS),
        "--load",
        "-t",
        IMAGE,
        ".");
  }

  @AfterAll
  static void cleanUp() {
    if (engine != null) {
      engine.removeImage(IMAGE);
      engine.close();
    }
  }

  @Test
  void preflightFindsContainerdStoreAndBothPlatforms() {
    EngineInfo info = engine.preflight(PLATFORMS);

    assertThat(info.containerdStore()).isTrue();
    assertThat(info.builderPlatforms()).contains("linux/amd64", "linux/arm64");
    assertThat(info.apiVersion()).matches("1\\.\\d+");
    assertThat(info.serverVersion()).isNotBlank();
    assertThat(info.hostPlatform()).isEqualTo("linux/amd64");
  }

  @Test
  void sizesEveryPlatformOfALoadedImage() {
    Map<String, ImageSizes> sizes = engine.imageSizes(IMAGE);

    assertThat(sizes).containsOnlyKeys("linux/amd64", "linux/arm64");
    sizes
        .values()
        .forEach(
            s -> {
              assertThat(s.compressedBytes()).isPositive();
              assertThat(s.uncompressedBytes()).isGreaterThan(s.compressedBytes());
            });
    // busybox 1.35 static: about 1.07 MB / 2.12 MB on amd64 and 1.03 MB / 1.99 MB on arm64
    assertThat(sizes.get("linux/amd64").compressedBytes()).isBetween(900_000L, 1_300_000L);
    assertThat(sizes.get("linux/amd64").uncompressedBytes()).isBetween(1_900_000L, 2_400_000L);
    assertThat(sizes.get("linux/arm64").compressedBytes()).isBetween(850_000L, 1_250_000L);
    assertThat(sizes.get("linux/arm64").uncompressedBytes()).isBetween(1_750_000L, 2_250_000L);
  }

  @Test
  void imageReadsNeedNoDockerJava() {
    try (Engine fresh =
        Engines.connect(SystemCommandRunner.inheritingEnvironment(), System.getenv())) {
      fresh.preflightWithoutBuilder(PLATFORMS);
      assertThat(fresh.imageLabel(IMAGE, "dev.orchestrator.engine-it")).contains("labelled");
      assertThat(fresh.imageLabel(IMAGE, "no.such.label")).isEmpty();
      assertThat(fresh.imageLabel("enginetest/never-built:1", "x")).isEmpty();
      // Everything above went over the engine API directly: docker-java was never connected.
      assertThat(fresh).isInstanceOf(LazyEngine.class);
      assertThat(((LazyEngine) fresh).connected()).isFalse();
      assertThat(fresh.imageSizes(IMAGE)).containsOnlyKeys(PLATFORMS);
      // The export for sizes too: a build that measures what it built loads no docker-java.
      assertThat(((LazyEngine) fresh).connected()).isFalse();
    }
  }

  /** The direct export gives, to the byte, what docker-java's export gives: layers and history. */
  @Test
  void theDirectExportMeasuresAsDockerJavaDoes() {
    String named = System.getenv().getOrDefault("DOCKER_HOST", "");
    URI host = Engines.dockerHost(named.isBlank() ? Engines.DEFAULT_HOST : named);
    try (Engine direct =
            Engines.connect(SystemCommandRunner.inheritingEnvironment(), System.getenv());
        Engine dockerJava =
            DockerJavaConnections.connect(host, SystemCommandRunner.inheritingEnvironment())) {
      Map<String, PlatformImage> viaApi = direct.imageLayers(IMAGE);
      Map<String, PlatformImage> viaDockerJava = dockerJava.imageLayers(IMAGE);

      assertThat(viaApi).containsOnlyKeys(PLATFORMS).isEqualTo(viaDockerJava);
      assertThat(((LazyEngine) direct).connected()).isFalse();
    }
  }

  /**
   * Read from the engine's content store, an image measures to the byte as its export does, and as
   * its export with every layer inflated (the reference method): layers, sizes and history.
   */
  @Test
  void theContentStoreMeasuresAsTheExportDoes() throws Exception {
    try (Engine direct =
        Engines.connect(SystemCommandRunner.inheritingEnvironment(), System.getenv())) {
      direct.preflightWithoutBuilder(PLATFORMS);
      LazyEngine lazy = (LazyEngine) direct;
      assertThat(lazy.readsContentStore())
          .as("the engine's content store is readable here (the tests run as root, on its machine)")
          .isTrue();

      Map<String, PlatformImage> stored = direct.imageLayers(IMAGE);
      Map<String, PlatformImage> exported = lazy.exportedLayers(IMAGE);
      Path tar = work.resolve("reference.tar");
      run(work, "docker", "image", "save", IMAGE, "-o", tar.toString());
      Map<String, PlatformImage> inflated = OciLayoutSizes.read(tar, null);

      assertThat(stored).containsOnlyKeys(PLATFORMS).isEqualTo(exported).isEqualTo(inflated);
      assertThat(direct.imageLayers("enginetest/never-built:1")).isEmpty();
    }
  }

  @Test
  void sizesOfAMissingImageAreEmpty() {
    assertThat(engine.imageSizes("enginetest/never-built:1")).isEmpty();
  }

  @Test
  void existsUntilRemoved() throws Exception {
    String copy = IMAGE + "-copy";
    run(work, "docker", "tag", IMAGE, copy);

    assertThat(engine.imageExists(copy)).isTrue();
    engine.removeImage(copy);
    assertThat(engine.imageExists(copy)).isFalse();
    assertThat(engine.imageExists(IMAGE)).isTrue();
    engine.removeImage(copy); // already gone: no error
  }

  @Test
  void preflightWithoutAnEngineNamesTheRemedy() {
    URI nowhere = URI.create("unix://" + work.resolve("no-engine.sock"));
    try (Engine absent = Engines.connect(nowhere, SystemCommandRunner.inheritingEnvironment())) {
      EnvironmentException e =
          catchThrowableOfType(EnvironmentException.class, () -> absent.preflight(PLATFORMS));

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("No Docker engine answers at " + nowhere);
      assertThat(e.remedy()).contains("make engine");
    }
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(work, "run", ".log");
    Process process =
        new ProcessBuilder(new ArrayList<>(List.of(command)))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = process.waitFor(5, TimeUnit.MINUTES);
    if (!done || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
  }
}
