package dev.orchestrator.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code docker buildx inspect} printed when it succeeded, kept in the user's cache folder by
 * {@link BuilderFingerprint}, for at most {@link #MAX_AGE}: the probe took 0.11 to 0.16 s of every
 * build that builds anything, and its answer changes only with what the fingerprint covers. Only an
 * answer that succeeded is kept, and one that lacks a platform a build needs is asked again ({@link
 * BuilderState}), so a kept answer can only save time, never refuse a build. A file that cannot be
 * read or written is skipped: buildx is asked.
 */
final class RememberedProbes {
  private static final Logger LOG = LoggerFactory.getLogger(RememberedProbes.class);
  static final Duration MAX_AGE = Duration.ofHours(1);

  private final Path folder;
  private final Map<String, String> environment;

  RememberedProbes(Path folder, Map<String, String> environment) {
    this.folder = folder;
    this.environment = environment;
  }

  /**
   * In {@code $XDG_CACHE_HOME/orchestrator/buildx-inspect}, else {@code ~/.cache/…}; none when
   * {@code ORCHESTRATOR_REMEMBER_BUILDX=0}, or when the environment has no {@code PATH} (the docker
   * CLI it would run cannot be told apart from another).
   */
  static Optional<RememberedProbes> inUserCache(Map<String, String> environment) {
    if ("0".equals(environment.get("ORCHESTRATOR_REMEMBER_BUILDX"))
        || environment.getOrDefault("PATH", "").isBlank()) {
      return Optional.empty();
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    Path cache =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
    return Optional.of(
        new RememberedProbes(cache.resolve("orchestrator/buildx-inspect"), environment));
  }

  /** The fingerprint of the builder now, on the engine of this ID and version. */
  String fingerprint(String engine) {
    return BuilderFingerprint.of(environment, engine);
  }

  Optional<String> recall(String fingerprint) {
    Path file = folder.resolve(fingerprint + ".txt");
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      Instant written = Files.getLastModifiedTime(file).toInstant();
      if (written.isBefore(Instant.now().minus(MAX_AGE))) {
        return Optional.empty();
      }
      LOG.debug("docker buildx inspect's answer of {} kept in {}", written, file);
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.debug("could not read {}", file, e);
      return Optional.empty();
    }
  }

  /** Keeps this answer, and removes those past {@link #MAX_AGE}, so that the folder stays small. */
  void remember(String fingerprint, String inspectOutput) {
    Path file = folder.resolve(fingerprint + ".txt");
    Path part = null;
    try {
      Files.createDirectories(folder);
      forgetOld();
      part = Files.createTempFile(folder, fingerprint, ".part");
      Files.writeString(part, inspectOutput, StandardCharsets.UTF_8);
      try {
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.debug("could not keep docker buildx inspect's answer in {}", file, e);
    } finally {
      BuildxProbe.deleteQuietly(part);
    }
  }

  private void forgetOld() throws IOException {
    Instant oldest = Instant.now().minus(MAX_AGE);
    try (var files = Files.list(folder)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        try {
          if (Files.getLastModifiedTime(f).toInstant().isBefore(oldest)) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          LOG.debug("could not remove {}", f, e);
        }
      }
    }
  }
}
