package dev.orchestrator.core.state;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One build of a repository at a time: two builds writing the same state folder, cache and image
 * tags fail at random. The lock is an operating-system lock on {@code build.lock} in the state
 * folder, which the system releases when its process ends however it ends; so a file left behind by
 * a dead process is free, and its leftover content only tells who held it last.
 */
public final class BuildLock implements AutoCloseable {
  /** How often a waiting build tries again. */
  static final Duration POLL = Duration.ofMillis(200);

  /**
   * The locks this JVM holds, by file, with their holder. On Linux, closing any channel on a file
   * drops every lock the process holds on it, so a second attempt from the same JVM (a Maven
   * daemon, a test) must not even open the file while the first holds it.
   */
  private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private BuildLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the repository of {@code state} for {@code verb}.
   *
   * @param wait whether to wait for another holder to finish, else refuse at once
   * @param onNotice told once when waiting starts, and when a dead holder's file is taken over
   * @throws EnvironmentException when another build holds it and {@code wait} is false
   */
  public static BuildLock acquire(
      StateFolder state, String verb, boolean wait, Consumer<String> onNotice) {
    Path file = state.buildLock().toAbsolutePath().normalize();
    state.beforeWriting();
    boolean told = false;
    while (true) {
      BuildLock taken = tryOnce(file, verb, onNotice);
      if (taken != null) {
        return taken;
      }
      String holder = holder(file);
      if (!wait) {
        throw new EnvironmentException(
            "another build of this repository is running: " + holder + " (lock " + file + ")",
            "Wait for it to finish, or pass --wait (Maven: -Dorchestrator.wait) to wait for it.");
      }
      if (!told) {
        onNotice.accept("waiting for the " + holder);
        told = true;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EnvironmentException(
            "interrupted while waiting for the " + holder, "Run again once it has finished.");
      }
    }
  }

  /** The lock, or null when someone holds it. */
  private static BuildLock tryOnce(Path file, String verb, Consumer<String> onNotice) {
    if (HELD.containsKey(file)) {
      return null;
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Object opened = fileKey(file);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      // A clean that deleted the file between the open and the lock leaves this lock on a file no
      // one else will see: try again on the new one.
      if (lock == null || opened == null || !Objects.equals(opened, fileKey(file))) {
        channel.close();
        return null;
      }
      String leftover = read(channel);
      String me =
          ProcessHandle.current().pid() + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((me + " " + verb + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
      HELD.put(file, describe(me + " " + verb));
      if (!leftover.isBlank()) {
        onNotice.accept("took over the lock left by the " + describe(leftover) + ", which ended");
      }
      return new BuildLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw FileErrors.environment(
          "lock",
          file,
          e,
          "The state folder must be writable; everything under "
              + StateFolder.RELATIVE
              + " may be deleted.");
    }
  }

  /** Who holds the lock, from this JVM's table or the file. */
  private static String holder(Path file) {
    String here = HELD.get(file);
    if (here != null) {
      return here + " (in this process)";
    }
    try {
      return describe(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return describe("");
    }
  }

  /**
   * "build of pid 4711 started at 2026-01-01T10:00:00Z" from the file's {@code pid start verb}; a
   * holder that has not written it yet, or a file that holds something else, gives a vaguer text.
   */
  static String describe(String content) {
    String[] words = content.trim().split("\\s+");
    if (words.length >= 2 && words[0].matches("[0-9]+")) {
      String verb = words.length >= 3 ? words[2] : "build";
      return verb + " of pid " + words[0] + " started at " + words[1];
    }
    return "build whose process has not written its pid yet";
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closing is all that is left to do; the lock goes with the channel either way.
      }
    }
  }

  /** Empties the file, so that it names no one, and releases the lock. */
  @Override
  public void close() {
    try {
      if (channel.isOpen()) {
        channel.truncate(0);
        lock.release();
        channel.close();
      }
    } catch (IOException e) {
      // The lock goes with the channel, and with the process at the latest.
      closeQuietly(channel);
    } finally {
      HELD.remove(file);
    }
  }
}
