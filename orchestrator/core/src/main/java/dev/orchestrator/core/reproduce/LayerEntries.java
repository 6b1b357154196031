package dev.orchestrator.core.reproduce;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The entries of one uncompressed layer tar, by path, each with a digest of what it holds. */
public final class LayerEntries {
  private LayerEntries() {}

  /**
   * Reads {@code tar} to its end (it is not closed).
   *
   * @return entries by path; a path written twice keeps the later entry, as unpacking would
   */
  public static Map<String, FileEntry> read(InputStream tar) throws IOException {
    Map<String, FileEntry> entries = new TreeMap<>();
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
      String path = normalize(e.getName());
      MessageDigest digest = sha256();
      char type = (char) e.getLinkFlag();
      digest.update((byte) type);
      if (e.isSymbolicLink() || e.isLink()) {
        digest.update(e.getLinkName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else if (e.isFile()) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      } else if (e.isCharacterDevice() || e.isBlockDevice()) {
        digest.update((e.getDevMajor() + ":" + e.getDevMinor()).getBytes());
      }
      entries.put(
          path,
          new FileEntry(
              path,
              type,
              e.getMode() & 07777,
              e.getLongUserId(),
              e.getLongGroupId(),
              e.getUserName(),
              e.getGroupName(),
              e.getLastModifiedTime(),
              e.getSize(),
              HexFormat.of().formatHex(digest.digest())));
    }
    return entries;
  }

  static String normalize(String name) {
    String path = name;
    while (path.startsWith("./") || path.startsWith("/")) {
      path = path.substring(path.startsWith("/") ? 1 : 2);
    }
    while (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
