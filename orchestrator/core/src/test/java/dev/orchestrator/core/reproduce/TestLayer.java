package dev.orchestrator.core.reproduce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes small layer tars for tests: files with a mode, owner and mtime, folders and links. */
final class TestLayer {
  static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  TestLayer() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  TestLayer file(String name, String content) {
    return file(name, content, 0644, 0, EPOCH);
  }

  TestLayer file(String name, String content, int mode, int uid, Instant mtime) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    e.setMode(0100000 | mode);
    e.setIds(uid, uid);
    e.setLastModifiedTime(FileTime.from(mtime));
    return put(e, data);
  }

  TestLayer folder(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    e.setMode(040755);
    e.setLastModifiedTime(FileTime.from(EPOCH));
    return put(e, new byte[0]);
  }

  TestLayer link(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    e.setMode(0120777);
    e.setLastModifiedTime(FileTime.from(EPOCH));
    return put(e, new byte[0]);
  }

  byte[] bytes() {
    try {
      tar.finish();
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private TestLayer put(TarArchiveEntry e, byte[] data) {
    try {
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return this;
  }
}
