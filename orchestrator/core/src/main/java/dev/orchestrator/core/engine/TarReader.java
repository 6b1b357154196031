package dev.orchestrator.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the table of a tar file on disk and opens its entries by name, in any order. Enough of
 * ustar for image exports: regular files, long names from PAX ({@code path=}) or GNU ({@code L})
 * headers, and base-256 sizes. Links, devices and directories are skipped.
 */
final class TarReader implements AutoCloseable {
  private static final int BLOCK = 512;

  private final FileChannel channel;
  private final Map<String, Entry> entries = new HashMap<>();

  /** Where an entry's content lies in the file. */
  record Entry(long offset, long size) {}

  TarReader(Path tar) throws IOException {
    channel = FileChannel.open(tar, StandardOpenOption.READ);
    readTable();
  }

  /** Regular files by name, with any leading {@code ./} removed. */
  Map<String, Entry> entries() {
    return entries;
  }

  boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** The content of an entry; the stream reads the file directly and holds no buffer. */
  InputStream open(String name) throws IOException {
    Entry entry = entries.get(name);
    if (entry == null) {
      throw new IOException("no entry " + name + " in tar");
    }
    return new RangeInputStream(channel, entry.offset(), entry.size());
  }

  private void readTable() throws IOException {
    long position = 0;
    String longName = null;
    ByteBuffer header = ByteBuffer.allocate(BLOCK);
    while (position + BLOCK <= channel.size()) {
      header.clear();
      channel.read(header, position);
      byte[] h = header.array();
      if (isZero(h)) {
        break;
      }
      long size = size(h);
      long content = position + BLOCK;
      char type = (char) h[156];
      if (type == 'x' || type == 'L') {
        byte[] data = read(content, size);
        longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data, longName);
      } else {
        if (type == '0' || type == '\0') {
          String name = longName != null ? longName : headerName(h);
          entries.put(name.startsWith("./") ? name.substring(2) : name, new Entry(content, size));
        }
        longName = null;
      }
      position = content + (size + BLOCK - 1) / BLOCK * BLOCK;
    }
  }

  private byte[] read(long offset, long size) throws IOException {
    try (InputStream in = new RangeInputStream(channel, offset, size)) {
      return in.readAllBytes();
    }
  }

  private static String headerName(byte[] h) {
    String name = cString(h, 0, 100);
    boolean ustar = cString(h, 257, 5).equals("ustar");
    String prefix = ustar ? cString(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** PAX records are "LEN key=value\n"; only the path matters here. */
  private static String paxPath(byte[] data, String current) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return current;
  }

  private static long size(byte[] h) {
    if ((h[124] & 0x80) != 0) { // base-256, for entries of 8 GiB and more
      long value = 0;
      for (int i = 125; i < 136; i++) {
        value = (value << 8) | (h[i] & 0xff);
      }
      return value;
    }
    String octal = cString(h, 124, 12).trim();
    return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
  }

  private static String cString(byte[] bytes, int from, int length) {
    int end = from;
    while (end < from + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, from, end - from, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Positional reads, so several entries may be open at once on one channel. */
  private static final class RangeInputStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    RangeInputStream(FileChannel channel, long offset, long size) {
      this.channel = channel;
      this.position = offset;
      this.end = offset + size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position >= end) {
        return -1;
      }
      int wanted = (int) Math.min(length, end - position);
      int n = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
      if (n < 0) {
        throw new IOException("tar truncated: entry ends past the end of the file");
      }
      position += n;
      return n;
    }
  }
}
