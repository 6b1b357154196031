package dev.orchestrator.core.error;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The words for a file operation that failed on the machine: why, as the system says it but without
 * Java's class names, and what to check. Sites that read the user's repository or write the
 * orchestrator's state folder build their {@link EnvironmentException} from these.
 */
public final class FileErrors {
  private FileErrors() {}

  /**
   * A failure to {@code verb} a file or folder: "cannot {@code verb} {@code path}: why", with what
   * to check about the path the system names (a file deep inside a walked folder, say) and then
   * {@code advice} (may be empty) as the remedy.
   */
  public static EnvironmentException environment(
      String verb, Path path, IOException e, String advice) {
    String remedy = check(path(e, path), e) + (advice.isEmpty() ? "" : " " + advice);
    return new EnvironmentException(
        "cannot " + verb + " " + path + ": " + reasonAt(path, e), remedy, e);
  }

  /** Why, preceded by the path the system names when that is not {@code path} itself. */
  public static String reasonAt(Path path, IOException e) {
    Path where = path(e, path);
    return (where.equals(path) ? "" : where + ": ") + reason(e);
  }

  /** The path the system names in the failure, else {@code fallback}. */
  public static Path path(IOException e, Path fallback) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      try {
        return Path.of(f.getFile());
      } catch (RuntimeException notAPath) {
        return fallback;
      }
    }
    return fallback;
  }

  /** Why the operation failed, such as "permission denied" or "no space left on device". */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof FileSystemException f) {
      // Its message is the path; only the reason says why.
      return f.getReason() == null ? withoutMessage(e) : lowerFirst(f.getReason());
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? withoutMessage(e) : lowerFirst(message);
  }

  /** The words for a failure that says nothing itself: never its Java class name. */
  private static String withoutMessage(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
      return "timed out";
    }
    if (e instanceof EOFException) {
      return "the data ended too early";
    }
    return "an input/output error";
  }

  /** What to look at, given how an operation on {@code path} failed: one sentence. */
  public static String check(Path path, IOException e) {
    String why = reason(e).toLowerCase(Locale.ROOT);
    if (e instanceof AccessDeniedException
        || why.contains("permission denied")
        || why.contains("operation not permitted")) {
      return "Check the permissions of "
          + path
          + " and of the folders above it (ls -ld "
          + path
          + "); the orchestrator runs as "
          + System.getProperty("user.name")
          + ".";
    }
    if (why.contains("no space left") || why.contains("quota")) {
      return "Free disk space on the file system that holds " + path + " (df -h).";
    }
    if (why.contains("read-only file system")) {
      return path + " is on a read-only file system: make it writable.";
    }
    if (e instanceof NoSuchFileException) {
      return path + " disappeared meanwhile: run again once nothing else is changing it.";
    }
    if (e instanceof NotDirectoryException || why.contains("not a directory")) {
      return "A file stands where a folder is expected, at "
          + path
          + " or a folder above it: move it away.";
    }
    if (e instanceof FileAlreadyExistsException) {
      return path + " is in the way (a file where a folder is expected): move it away.";
    }
    if (why.contains("is a directory")) {
      return path + " is a folder where a file is expected: move it away.";
    }
    if (e instanceof CharacterCodingException) {
      return "Save " + path + " as UTF-8 text.";
    }
    return "Check that "
        + path
        + " is a readable file or folder (ls -ld "
        + path
        + ") and that its disk is healthy (dmesg).";
  }

  private static String lowerFirst(String text) {
    return text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !isAcronym(text)
        ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
        : text;
  }

  private static boolean isAcronym(String text) {
    return Character.isUpperCase(text.charAt(1));
  }
}
