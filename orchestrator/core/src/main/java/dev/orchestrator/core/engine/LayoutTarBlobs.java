package dev.orchestrator.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The blobs of an OCI layout tar ({@code docker save}'s export). The tar is read once for its table
 * of entries, and then each entry is opened where it lies, in any order: {@code docker save} writes
 * {@code index.json} after the blobs.
 */
final class LayoutTarBlobs implements BlobSource, AutoCloseable {
  private final TarFile tar;
  private final Path file;

  /** Regular files by name, with any leading {@code ./} removed. */
  private final Map<String, TarArchiveEntry> files = new HashMap<>();

  LayoutTarBlobs(Path file) throws IOException {
    this.file = file;
    this.tar = new TarFile(file);
    for (TarArchiveEntry entry : tar.getEntries()) {
      // Not isFile(): that also holds for symbolic and hard links, which have no content here.
      byte type = entry.getLinkFlag();
      if (type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM) {
        String name = entry.getName();
        files.put(name.startsWith("./") ? name.substring(2) : name, entry);
      }
    }
  }

  @Override
  public long size(String path) {
    TarArchiveEntry entry = files.get(path);
    return entry == null ? -1 : entry.getSize();
  }

  @Override
  public InputStream open(String path) throws IOException {
    return tar.getInputStream(files.get(path));
  }

  @Override
  public byte[] readAll(String path) throws IOException {
    try (InputStream in = open(path)) {
      return in.readAllBytes();
    }
  }

  @Override
  public byte[] lastBytes(String path, int n) throws IOException {
    TarArchiveEntry entry = files.get(path);
    if (entry.getSize() < n) {
      return new byte[0];
    }
    ByteBuffer buffer = ByteBuffer.allocate(n);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long at = entry.getDataOffset() + entry.getSize() - n;
      while (buffer.hasRemaining() && channel.read(buffer, at + buffer.position()) >= 0) {
        // read until full
      }
    }
    return buffer.array();
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
