package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orchestrator layers} on the real engine, both platforms: a service FROM scratch and one
 * FROM it (whose first layers are the base's). The table's sizes add up to the sizes the build
 * reported and to a full gunzip of the export, to the byte; after one file changes, the layers
 * before it are cached and its own is built. One service per BuildKit session ({@code sessionWidth:
 * 1}): in a session with a service built FROM it, BuildKit names some of a base's steps after the
 * dependent, and the table then says unknown rather than guess (README).
 */
class LayersEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64");

  @TempDir Path root;
  @TempDir Path work;
  final String namespace = "e2e-layers-" + UUID.randomUUID().toString().substring(0, 8);
  FixtureMonorepo files;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @AfterEach
  void removeImages() {
    Docker.removeNamespace(namespace);
  }

  private void writeFixture() throws IOException {
    Path busybox = Busybox.binaries();
    Files.createDirectories(root.resolve("buildx-profiles"));
    Files.writeString(
        root.resolve("buildx-profiles/local.yaml"),
        """
        platforms: [linux/amd64, linux/arm64]
        output: load
        namespace: %s
        cache: {type: local, dir: .cache/buildx, mode: max}
        jobs: 2
        sessionWidth: 1
        """
            .formatted(namespace));
    Path app = Files.createDirectories(root.resolve("services/app"));
    for (String arch : new String[] {"amd64", "arm64"}) {
      Files.copy(busybox.resolve("busybox-" + arch), app.resolve("busybox-" + arch));
    }
    Files.writeString(app.resolve("a.txt"), "a\n");
    Files.writeString(app.resolve("b.txt"), "b, first\n");
    Files.writeString(
        app.resolve("Dockerfile"),
        """
        FROM scratch
        ARG TARGETARCH
        COPY busybox-${TARGETARCH} /bin/busybox
        ENV MODE=test
        RUN ["/bin/busybox", "sh", "-c", "echo %s > /id"]
        COPY a.txt /a.txt
        COPY b.txt /b.txt
        CMD ["/bin/busybox", "cat", "/b.txt"]
        """
            .formatted(namespace));
    Path top = Files.createDirectories(root.resolve("services/top"));
    Files.writeString(top.resolve("c.txt"), "c\n");
    Files.writeString(top.resolve("Dockerfile"), "FROM app\nCOPY c.txt /c.txt\n");
  }

  private JsonNode build() throws IOException {
    Cli build = Cli.in(root, "build", "--json");
    assertThat(build.exitCode()).as(build.toString()).isZero();
    return JSON.readTree(build.out());
  }

  private JsonNode layers(String service) throws IOException {
    Cli layers = Cli.in(root, "layers", service, "--format", "json");
    assertThat(layers.exitCode()).as(layers.toString()).isZero();
    return JSON.readTree(layers.out());
  }

  private static List<String> caches(JsonNode platform) {
    List<String> caches = new ArrayList<>();
    platform.path("layers").forEach(l -> caches.add(l.path("cache").asText()));
    return caches;
  }

  private static JsonNode platformOf(JsonNode report, String service, String platform) {
    for (JsonNode s : report.path("services")) {
      if (s.path("name").asText().equals(service)) {
        for (JsonNode p : s.path("platforms")) {
          if (p.path("platform").asText().equals(platform)) {
            return p;
          }
        }
      }
    }
    throw new AssertionError("no " + service + " " + platform + " in " + report);
  }

  @Test
  void theTablesSizesAddUpToTheImagesAndASecondBuildTakesTheUnchangedLayersFromTheCache()
      throws IOException {
    writeFixture();
    JsonNode first = build();

    for (String service : List.of("app", "top")) {
      JsonNode table = layers(service);
      assertThat(table.path("platforms")).hasSize(2);
      for (JsonNode p : table.path("platforms")) {
        String platform = p.path("platform").asText();
        long compressed = 0;
        long uncompressed = 0;
        for (JsonNode layer : p.path("layers")) {
          compressed += layer.path("compressedBytes").asLong();
          uncompressed += layer.path("uncompressedBytes").asLong();
        }
        JsonNode reported = platformOf(first, service, platform);
        assertThat(compressed)
            .as(service + " " + platform)
            .isEqualTo(p.path("compressedBytes").asLong())
            .isEqualTo(reported.path("compressedSizeBytes").asLong());
        assertThat(uncompressed)
            .as(service + " " + platform)
            .isEqualTo(p.path("uncompressedBytes").asLong())
            .isEqualTo(reported.path("sizeBytes").asLong())
            .isEqualTo(UnpackedExport.uncompressedBytes(work, namespace + "/" + service, platform));
      }
    }
    JsonNode app = layers("app").path("platforms").get(0);
    assertThat(app.path("layers"))
        .extracting(l -> l.path("instruction").asText())
        .containsExactly(
            "COPY busybox-amd64 /bin/busybox",
            "RUN |1 TARGETARCH=amd64 /bin/busybox sh -c echo " + namespace + " > /id",
            "COPY a.txt /a.txt",
            "COPY b.txt /b.txt");
    // The RUN writes this fixture's own id: built, never cached, on the first build.
    assertThat(caches(app).get(1)).isEqualTo("built");
    assertThat(caches(layers("top").path("platforms").get(1)))
        .containsExactly("base", "base", "base", "base", "built");

    Files.writeString(root.resolve("services/app/b.txt"), "b, changed\n");
    build();

    for (JsonNode p : layers("app").path("platforms")) {
      assertThat(caches(p))
          .as(p.path("platform").asText())
          .containsExactly("cached", "cached", "cached", "built");
    }
    Cli text = Cli.in(root, "layers", "top", "--platform", "linux/arm64");
    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out())
        .startsWith("top linux/arm64  " + namespace + "/top:latest  sha256:")
        .containsPattern("\\n\\s+5  COPY c.txt /c.txt\\s+.*  built\\n")
        .doesNotContain("cache unknown");

    // A third build finds both up to date; the summary's tables keep the record of the build that
    // made each image.
    Path summary = work.resolve("summary.md");
    Cli third = Cli.in(root, "build", "--summary", summary.toString(), "--layers");
    assertThat(third.exitCode()).as(third.toString()).isZero();
    assertThat(Files.readString(summary))
        .contains("#### app linux/arm64 layers", "#### top linux/amd64 layers")
        .containsPattern("\\| 4 \\| `COPY b.txt /b.txt` \\| [^|]+ \\| [^|]+ \\| built \\|")
        .containsPattern("\\| 5 \\| `COPY c.txt /c.txt` \\| [^|]+ \\| [^|]+ \\| built \\|")
        .doesNotContain("cache unknown", "not read");
  }

  @Test
  void anUnknownServiceAnImageNeverBuiltAndAPlatformNotBuiltAreClearErrors() throws IOException {
    writeFixture();
    Cli unknown = Cli.in(root, "layers", "nope");
    assertThat(unknown.exitCode()).isEqualTo(3);
    assertThat(unknown.err()).contains("unknown service 'nope'; the services are: app, top");

    Cli never = Cli.in(root, "layers", "app");
    assertThat(never.exitCode()).as(never.toString()).isEqualTo(5);
    assertThat(never.err())
        .contains("no image of app to read", "build it first: orchestrator build app")
        .doesNotContain("Exception", "\tat ");

    Cli built = Cli.in(root, "build", "app", "--platform", "linux/amd64");
    assertThat(built.exitCode()).as(built.toString()).isZero();
    Cli arm = Cli.in(root, "layers", "app", "--platform", "linux/arm64");
    assertThat(arm.exitCode()).as(arm.toString()).isEqualTo(5);
    assertThat(arm.err())
        .contains("the image of app has no linux/arm64 platform; it holds linux/amd64")
        .doesNotContain("\tat ");
  }
}
