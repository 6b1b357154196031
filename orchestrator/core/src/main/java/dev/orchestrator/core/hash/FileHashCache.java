package dev.orchestrator.core.hash;

import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.OrchestratorBug;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files, remembered by path, size and modification time across runs (as git's index
 * does), so that an unchanged file is not read again. A file modified within the last two seconds
 * is never remembered: a second change within the clock's resolution could go unseen.
 */
public final class FileHashCache {
  private static final long RACY_NANOS = 2_000_000_000L;

  private final Path store;
  private final Map<String, Stamp> known = new ConcurrentHashMap<>();
  private volatile boolean changed;

  private record Stamp(long size, long modified, String sha256) {}

  private FileHashCache(Path store) {
    this.store = store;
  }

  /** A cache that is kept in {@code store} (null: in memory only). */
  public static FileHashCache load(Path store) {
    FileHashCache cache = new FileHashCache(store);
    if (store != null && Files.isRegularFile(store)) {
      try {
        for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (f.length == 4) {
            cache.known.put(f[3], new Stamp(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]));
          }
        }
      } catch (IOException | NumberFormatException e) {
        cache.known.clear(); // a damaged cache only costs re-reading
      }
    }
    return cache;
  }

  /**
   * The SHA-256 of a regular file whose size and modification time the caller just read.
   *
   * @throws dev.orchestrator.core.error.EnvironmentException when it cannot be read
   */
  public String sha256(Path file, long size, long modifiedNanos) {
    String key = file.toString();
    Stamp stamp = known.get(key);
    if (stamp != null && stamp.size == size && stamp.modified == modifiedNanos) {
      return stamp.sha256;
    }
    String sha = read(file);
    if (System.currentTimeMillis() * 1_000_000L - modifiedNanos > RACY_NANOS) {
      known.put(key, new Stamp(size, modifiedNanos, sha));
      changed = true;
    }
    return sha;
  }

  /** Writes the cache back if it learned anything; best effort. */
  public void save() {
    if (store == null || !changed) {
      return;
    }
    try {
      Files.createDirectories(store.getParent());
      Path tmp = Files.createTempFile(store.getParent(), "file-hashes", ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, Stamp> e : known.entrySet()) {
          if (Files.exists(Path.of(e.getKey()))) {
            Stamp s = e.getValue();
            w.write(s.size + "\t" + s.modified + "\t" + s.sha256 + "\t" + e.getKey() + "\n");
          }
        }
      }
      Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      changed = false;
    } catch (IOException e) {
      // Only a lost optimisation.
    }
  }

  static String read(Path file) {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw FileErrors.environment(
          "read",
          file,
          e,
          "If no image needs it (a socket, a pipe), exclude it in the service's .dockerignore.");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide SHA-256.
      throw new OrchestratorBug("this Java runtime offers no SHA-256", e);
    }
  }

  static String sha256(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
