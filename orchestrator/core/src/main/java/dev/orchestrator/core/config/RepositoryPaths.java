package dev.orchestrator.core.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/** Checks that paths written in configuration stay inside the repository. */
final class RepositoryPaths {
  private RepositoryPaths() {}

  /**
   * What is wrong with {@code relative}, resolved against {@code base}, as a path inside {@code
   * root}; empty when nothing is. The path, or its nearest existing folder, is also checked after
   * following symbolic links, since a link inside the repository may point anywhere.
   */
  static Optional<String> complaint(String relative, Path base, Path root) {
    Optional<String> form = syntaxComplaint(relative);
    if (form.isPresent()) {
      return form;
    }
    Path rootPath = root.toAbsolutePath().normalize();
    Path resolved = base.toAbsolutePath().resolve(relative).normalize();
    if (!resolved.startsWith(rootPath)) {
      return Optional.of("leads outside the repository");
    }
    // What does not exist yet is judged by its nearest existing folder: a missing file under a
    // linked folder would be created, or looked for, wherever the link leads.
    Path existing = resolved;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null) {
      try {
        if (!existing.toRealPath().startsWith(rootPath.toRealPath())) {
          return Optional.of("leads outside the repository through a symbolic link");
        }
      } catch (IOException e) {
        return Optional.of("cannot be resolved: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  /**
   * What is wrong with {@code relative} as a relative path that does not climb out of the folder it
   * is resolved against, judged from the text alone (for paths whose base is not known here).
   */
  static Optional<String> formComplaint(String relative) {
    Optional<String> form = syntaxComplaint(relative);
    if (form.isPresent()) {
      return form;
    }
    return Path.of(relative).normalize().startsWith("..")
        ? Optional.of("leads outside the folder it is relative to")
        : Optional.empty();
  }

  /**
   * What is wrong with a glob such as {@code src/**}: its fixed leading folders are checked like a
   * path, and the rest must be valid glob syntax.
   */
  static Optional<String> globComplaint(String glob, Path base, Path root) {
    int wildcard = glob.replaceAll("[*?\\[{].*", "").lastIndexOf('/');
    String folders = wildcard < 0 ? "." : glob.substring(0, Math.max(wildcard, 1));
    Optional<String> where = complaint(glob.startsWith("/") ? glob : folders, base, root);
    if (where.isPresent()) {
      return where;
    }
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of("is not a valid glob: " + e.getDescription());
    }
  }

  private static Optional<String> syntaxComplaint(String relative) {
    if (relative.isBlank()) {
      return Optional.of("is empty; expected a relative path");
    }
    try {
      // Checking the leading slash too keeps a Unix-absolute path wrong on every OS.
      return Path.of(relative).isAbsolute() || relative.startsWith("/")
          ? Optional.of("is absolute; expected a relative path")
          : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.of("is not a valid path: " + e.getReason());
    }
  }
}
