package dev.orchestrator.core.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerDiffTest {
  private static Map<String, FileEntry> entries(TestLayer layer) throws IOException {
    return LayerEntries.read(new ByteArrayInputStream(layer.bytes()));
  }

  private static List<FileDifference> diff(TestLayer a, TestLayer b) throws IOException {
    return LayerDiff.of(entries(a), entries(b));
  }

  @Test
  void theSameEntriesDifferInNothing() throws IOException {
    assertThat(
            diff(
                new TestLayer().folder("app").file("app/x", "1").link("app/y", "x"),
                new TestLayer().folder("app").file("app/x", "1").link("app/y", "x")))
        .isEmpty();
  }

  @Test
  void differentBytesOfTheSameLengthAreContent() throws IOException {
    assertThat(
            diff(
                new TestLayer().file("built-at", "13:01"),
                new TestLayer().file("built-at", "13:02")))
        .containsExactly(
            new FileDifference("built-at", java.util.Set.of(Aspect.CONTENT), "5 bytes in both"));
  }

  @Test
  void modeOwnerAndMtimeAreEachNamed() throws IOException {
    var later = TestLayer.EPOCH.plusSeconds(9);
    assertThat(
            diff(
                new TestLayer()
                    .file("m", "x", 0644, 0, TestLayer.EPOCH)
                    .file("o", "x", 0644, 0, TestLayer.EPOCH)
                    .file("t", "x", 0644, 0, TestLayer.EPOCH),
                new TestLayer()
                    .file("m", "x", 0755, 0, TestLayer.EPOCH)
                    .file("o", "x", 0644, 1000, TestLayer.EPOCH)
                    .file("t", "x", 0644, 0, later)))
        .extracting(FileDifference::path, FileDifference::aspects, FileDifference::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("m", java.util.Set.of(Aspect.MODE), "0644 ≠ 0755"),
            org.assertj.core.groups.Tuple.tuple(
                "o", java.util.Set.of(Aspect.OWNER), "0:0 ≠ 1000:1000"),
            org.assertj.core.groups.Tuple.tuple(
                "t",
                java.util.Set.of(Aspect.MTIME),
                "2023-11-14T22:13:20Z ≠ 2023-11-14T22:13:29Z"));
  }

  @Test
  void severalAspectsOfOnePathAreOneDifference() throws IOException {
    var later = TestLayer.EPOCH.plusSeconds(1);
    assertThat(
            diff(
                new TestLayer().file("f", "a", 0644, 0, TestLayer.EPOCH),
                new TestLayer().file("f", "bb", 0600, 0, later)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.aspects()).containsExactly(Aspect.CONTENT, Aspect.MODE, Aspect.MTIME);
              assertThat(d.detail())
                  .isEqualTo(
                      "1 bytes ≠ 2 bytes; 0644 ≠ 0600; 2023-11-14T22:13:20Z ≠ 2023-11-14T22:13:21Z");
            });
  }

  @Test
  void aPathInOneLayerOnlyIsPresence() throws IOException {
    assertThat(
            diff(
                new TestLayer().file("a", "1"),
                new TestLayer().file("a", "1").file("tmp/cache", "")))
        .containsExactly(
            new FileDifference(
                "tmp/cache", java.util.Set.of(Aspect.PRESENCE), "only in the second build"));
  }

  @Test
  void aFileTurnedIntoALinkIsContent() throws IOException {
    assertThat(diff(new TestLayer().file("bin/sh", "x"), new TestLayer().link("bin/sh", "busybox")))
        .singleElement()
        .satisfies(d -> assertThat(d.aspects()).contains(Aspect.CONTENT));
  }

  @Test
  void aLinkToAnotherTargetIsContent() throws IOException {
    assertThat(diff(new TestLayer().link("l", "a"), new TestLayer().link("l", "b")))
        .extracting(FileDifference::aspects)
        .containsExactly(java.util.Set.of(Aspect.CONTENT));
  }

  @Test
  void pathsAreReadWithoutLeadingDotSlashOrTrailingSlash() throws IOException {
    assertThat(entries(new TestLayer().folder("./app/").file("./app/x", "1")))
        .containsOnlyKeys("app", "app/x");
  }
}
