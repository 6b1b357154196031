package dev.orchestrator.core.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small ustar files for tests, including PAX and GNU long-name headers. */
final class TestTar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  TestTar directory(String name) {
    header(name, 0, '5');
    return this;
  }

  TestTar file(String name, byte[] content) {
    header(name, content.length, '0');
    data(content);
    return this;
  }

  TestTar file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A PAX extended header carrying the path, then the file under a truncated name. */
  TestTar paxFile(String name, byte[] content) {
    String record = "path=" + name + "\n";
    int length = record.length() + 3;
    length = record.length() + String.valueOf(length).length() + 1;
    byte[] pax = (length + " " + record).getBytes(StandardCharsets.UTF_8);
    header("PaxHeaders/x", pax.length, 'x');
    data(pax);
    return file(name.substring(0, Math.min(99, name.length())), content);
  }

  /** A GNU long-name entry, then the file under a truncated name. */
  TestTar gnuLongFile(String name, byte[] content) {
    byte[] longName = (name + "\0").getBytes(StandardCharsets.UTF_8);
    header("././@LongLink", longName.length, 'L');
    data(longName);
    return file(name.substring(0, Math.min(99, name.length())), content);
  }

  Path writeTo(Path file) throws IOException {
    out.writeBytes(new byte[1024]);
    Files.write(file, out.toByteArray());
    return file;
  }

  private void header(String name, long size, char type) {
    byte[] h = new byte[512];
    put(h, 0, name, 100);
    put(h, 100, "0000644", 8);
    put(h, 108, "0000000", 8);
    put(h, 116, "0000000", 8);
    put(h, 124, String.format("%011o", size), 12);
    put(h, 136, "00000000000", 12);
    h[156] = (byte) type;
    put(h, 257, "ustar", 6);
    put(h, 263, "00", 2);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum), 7);
    out.writeBytes(h);
  }

  private void data(byte[] content) {
    out.writeBytes(content);
    int pad = (512 - content.length % 512) % 512;
    out.writeBytes(new byte[pad]);
  }

  private static void put(byte[] header, int offset, String value, int max) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, max));
  }
}
