package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarReaderTest {
  @TempDir Path dir;

  @Test
  void opensEntriesInAnyOrder() throws IOException {
    Path tar =
        new TestTar()
            .directory("blobs/")
            .file("a", "first")
            .file("./b", "second")
            .writeTo(dir.resolve("t.tar"));

    try (TarReader reader = new TarReader(tar)) {
      assertThat(reader.entries()).containsOnlyKeys("a", "b");
      assertThat(text(reader, "b")).isEqualTo("second");
      assertThat(text(reader, "a")).isEqualTo("first");
    }
  }

  @Test
  void readsPaxAndGnuLongNames() throws IOException {
    String pax = "blobs/sha256/" + "p".repeat(120);
    String gnu = "blobs/sha256/" + "g".repeat(120);
    Path tar =
        new TestTar()
            .paxFile(pax, bytes("pax"))
            .gnuLongFile(gnu, bytes("gnu"))
            .file("after", "plain")
            .writeTo(dir.resolve("t.tar"));

    try (TarReader reader = new TarReader(tar)) {
      assertThat(reader.entries()).containsOnlyKeys(pax, gnu, "after");
      assertThat(text(reader, pax)).isEqualTo("pax");
      assertThat(text(reader, gnu)).isEqualTo("gnu");
    }
  }

  @Test
  void streamsContentCrossingBlocks() throws IOException {
    byte[] big = new byte[70_000];
    Arrays.fill(big, (byte) 7);
    Path tar = new TestTar().file("big", big).file("next", "n").writeTo(dir.resolve("t.tar"));

    try (TarReader reader = new TarReader(tar);
        InputStream in = reader.open("big")) {
      assertThat(in.readAllBytes()).isEqualTo(big);
      assertThat(text(reader, "next")).isEqualTo("n");
    }
  }

  @Test
  void missingEntryIsAnError() throws IOException {
    Path tar = new TestTar().file("a", "x").writeTo(dir.resolve("t.tar"));

    try (TarReader reader = new TarReader(tar)) {
      assertThatThrownBy(() -> reader.open("b")).isInstanceOf(IOException.class);
    }
  }

  private static String text(TarReader reader, String name) throws IOException {
    try (InputStream in = reader.open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
