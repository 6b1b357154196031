package dev.orchestrator.core.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageComparisonTest {
  private static final String CREATED = "2023-11-14T22:13:20Z";
  private static final List<String> HISTORY =
      List.of(
          "(empty) ARG TARGETARCH",
          "COPY busybox-amd64 /bin/busybox # buildkit",
          "(empty) ENV PORT=8080",
          "RUN /bin/sh -c date > /built-at # buildkit",
          "(empty) USER 1000");

  @TempDir Path dir;

  private static byte[] base() {
    return new TestLayer()
        .folder("bin")
        .file("bin/busybox", "elf", 0755, 0, TestLayer.EPOCH)
        .bytes();
  }

  private static byte[] stamp(String time) {
    return new TestLayer().file("built-at", time).folder("proc").bytes();
  }

  private OciLayout layout(String name, byte[] second, String created, boolean attestation)
      throws IOException {
    TestLayout layout =
        new TestLayout(dir.resolve(name))
            .platform("amd64", List.of(base(), second), HISTORY, created);
    if (attestation) {
      layout.attestation("{\"built\": \"" + name + "\"}");
    }
    return OciLayout.read(layout.write());
  }

  private static Optional<Difference> compare(OciLayout a, OciLayout b) throws IOException {
    return ImageComparison.compare(
        a, a.images().get("linux/amd64"), b, b.images().get("linux/amd64"));
  }

  @Test
  void equalManifestsAreReproducibleWhateverTheAttestationsSay() throws IOException {
    OciLayout a = layout("a", stamp("13:01"), CREATED, true);
    OciLayout b = layout("b", stamp("13:01"), CREATED, true);

    assertThat(a.images()).containsOnlyKeys("linux/amd64");
    assertThat(a.images().get("linux/amd64").digest())
        .isEqualTo(b.images().get("linux/amd64").digest());
    assertThat(compare(a, b)).isEmpty();
  }

  @Test
  void theFirstDifferingLayerIsNamedWithItsInstructionAndFiles() throws IOException {
    OciLayout a = layout("a", stamp("13:01"), CREATED, false);
    OciLayout b = layout("b", stamp("13:02"), CREATED, false);

    Difference d = compare(a, b).orElseThrow();

    assertThat(d.layer()).contains(2);
    assertThat(d.layers()).isEqualTo(2);
    // Empty-layer history entries are skipped: layer 2 is the RUN, not the ENV before it.
    assertThat(d.instruction()).isEqualTo("RUN /bin/sh -c date > /built-at # buildkit");
    assertThat(d.files())
        .containsExactly(new FileDifference("built-at", Set.of(Aspect.CONTENT), "5 bytes in both"));
    assertThat(d.firstLayerDigest()).isNotEqualTo(d.secondLayerDigest());
    assertThat(d.configKeys()).isEmpty();
  }

  @Test
  void equalLayersWithADifferentConfigNameTheConfigKeys() throws IOException {
    OciLayout a = layout("a", stamp("13:01"), CREATED, false);
    OciLayout b = layout("b", stamp("13:01"), "2026-12-02T13:00:00Z", false);

    Difference d = compare(a, b).orElseThrow();

    assertThat(d.layer()).isEmpty();
    assertThat(d.files()).isEmpty();
    assertThat(d.configKeys()).containsExactly("created", "history");
    assertThat(d.instruction()).contains("every layer is equal");
  }

  @Test
  void anExtraLayerIsTheFirstDifferenceAndItsFilesAreOnlyInOneBuild() throws IOException {
    OciLayout a =
        OciLayout.read(
            new TestLayout(dir.resolve("a"))
                .platform("amd64", List.of(base()), List.of("COPY busybox /bin/busybox"), CREATED)
                .write());
    OciLayout b =
        OciLayout.read(
            new TestLayout(dir.resolve("b"))
                .platform(
                    "amd64",
                    List.of(base(), stamp("x")),
                    List.of("COPY busybox /bin/busybox", "RUN date > /built-at"),
                    CREATED)
                .write());

    Difference d = compare(a, b).orElseThrow();

    assertThat(d.layer()).contains(2);
    assertThat(d.firstLayerDigest()).isEmpty();
    assertThat(d.instruction()).isEqualTo("RUN date > /built-at");
    assertThat(d.files()).extracting(FileDifference::path).containsExactly("built-at", "proc");
    assertThat(d.files()).allSatisfy(f -> assertThat(f.aspects()).containsExactly(Aspect.PRESENCE));
  }

  @Test
  void aHistoryThatDoesNotMatchTheLayersSaysSoInsteadOfNamingAWrongInstruction()
      throws IOException {
    OciLayout.PlatformImage image =
        new OciLayout.PlatformImage(
            "linux/amd64",
            "sha256:x",
            List.of(
                new OciLayout.Layer("sha256:a", "t", 1), new OciLayout.Layer("sha256:b", "t", 1)),
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
            List.of("RUN only one"));

    assertThat(ImageComparison.instruction(image, 1))
        .isEqualTo("not known: the image config's history has 1 entries with a layer for 2 layers");
  }

  @Test
  void bothPlatformsOfAnIndexAreRead() throws IOException {
    OciLayout layout =
        OciLayout.read(
            new TestLayout(dir.resolve("two"))
                .platform("amd64", List.of(base()), List.of("COPY a /"), CREATED)
                .platform("arm64", List.of(stamp("y")), List.of("COPY b /"), CREATED)
                .attestation("{}")
                .write());

    assertThat(layout.images()).containsOnlyKeys("linux/amd64", "linux/arm64");
    assertThat(layout.entries(layout.images().get("linux/arm64").layers().get(0)))
        .containsOnlyKeys("built-at", "proc");
  }
}
