package dev.orchestrator.core.build;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import dev.orchestrator.core.state.StateFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A service's host-side preparation: its command runs from the service folder, unless a stamp shows
 * that the command and its declared input files are unchanged since its last success. With no
 * inputs declared it always runs, since nothing tells whether it is up to date.
 */
public final class PrepareStep {
  /** The exit code shells give a command they cannot find, for a command that never started. */
  static final int NOT_STARTED = 127;

  /** Stamps live in the state folder, which holds nothing that cannot be rebuilt. */
  private static final String STATE_ADVICE =
      "Everything under " + StateFolder.RELATIVE + " may be deleted (`orchestrator clean` does).";

  private final Path stampDirectory;
  private final CommandRunner runner;

  /**
   * @param stampDirectory where the input hash of each last successful run is kept
   */
  public PrepareStep(Path stampDirectory, CommandRunner runner) {
    this.stampDirectory = stampDirectory;
    this.runner = runner;
  }

  /** The outcome: ran (with its result) or skipped because its inputs had not changed. */
  public record Outcome(boolean skipped, Optional<ProcessResult> result) {
    public boolean succeeded() {
      return skipped || result.map(ProcessResult::succeeded).orElse(true);
    }
  }

  public Outcome run(Service service, Consumer<String> onLine) {
    Optional<ServiceDescriptor.PrepareStep> step = service.descriptor().prepare();
    if (step.isEmpty()) {
      return new Outcome(true, Optional.empty());
    }
    Path stamp = stampDirectory.resolve(service.name() + ".sha256");
    String hash = step.get().inputs().isEmpty() ? null : inputHash(service.directory(), step.get());
    if (hash != null && hash.equals(readStamp(stamp))) {
      return new Outcome(true, Optional.empty());
    }
    List<String> command = new ArrayList<>(step.get().command());
    if (command.get(0).contains("/") && !Path.of(command.get(0)).isAbsolute()) {
      // Relative to the service folder, which is where the user wrote it from.
      command.set(0, service.directory().resolve(command.get(0)).normalize().toString());
    }
    ProcessResult result;
    try {
      result = runner.run(Command.of(command, service.directory()), onLine);
    } catch (EnvironmentException notStarted) {
      // The service fails (its dependents are skipped); the others still build.
      result =
          new ProcessResult(
              command, NOT_STARTED, List.of(notStarted.getMessage()), java.time.Duration.ZERO);
    }
    if (result.succeeded() && hash != null) {
      writeStamp(stamp, inputHash(service.directory(), step.get()));
    } else if (!result.succeeded()) {
      deleteStamp(stamp);
    }
    return new Outcome(false, Optional.of(result));
  }

  /**
   * SHA-256 over the command and the sorted paths and contents of the matching input files. A glob
   * may reach outside the service folder ({@code ../shared.sh}); the reader has already held it to
   * the repository.
   */
  static String inputHash(Path directory, ServiceDescriptor.PrepareStep step) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.join("\0", step.command()).getBytes(StandardCharsets.UTF_8));
      for (Path file : inputFiles(directory, step.inputs())) {
        digest.update(("\0" + directory.relativize(file) + "\0").getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw inputsUnreadable(directory, e);
    } catch (UncheckedIOException e) {
      // Files.walk reports a folder it cannot list this way.
      throw inputsUnreadable(directory, e.getCause());
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide SHA-256.
      throw new OrchestratorBug("this Java runtime offers no SHA-256", e);
    }
  }

  private static EnvironmentException inputsUnreadable(Path directory, IOException e) {
    return FileErrors.environment(
        "read the preparation inputs",
        directory,
        e,
        "Or narrow 'prepare.inputs' in " + directory.resolve("service.yaml") + " to leave it out.");
  }

  /** The files matching any of the globs, sorted; each glob is walked from its fixed prefix. */
  static java.util.SortedSet<Path> inputFiles(Path directory, List<String> globs)
      throws IOException {
    java.util.SortedSet<Path> files = new java.util.TreeSet<>();
    for (String glob : globs) {
      Path pattern = directory.resolve(glob).normalize();
      Path base = pattern;
      while (base != null && base.toString().matches(".*[*?\\[{].*")) {
        base = base.getParent();
      }
      if (base == null || !Files.exists(base)) {
        continue;
      }
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      try (Stream<Path> walk = Files.walk(base)) {
        walk.filter(Files::isRegularFile).filter(matcher::matches).forEach(files::add);
      }
    }
    return files;
  }

  private static String readStamp(Path stamp) {
    try {
      return Files.isRegularFile(stamp) ? Files.readString(stamp).trim() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void writeStamp(Path stamp, String hash) {
    try {
      Files.createDirectories(stamp.getParent());
      Files.writeString(stamp, hash + "\n");
    } catch (IOException e) {
      throw FileErrors.environment("write the preparation stamp", stamp, e, STATE_ADVICE);
    }
  }

  private static void deleteStamp(Path stamp) {
    try {
      Files.deleteIfExists(stamp);
    } catch (IOException e) {
      throw FileErrors.environment("delete the preparation stamp", stamp, e, STATE_ADVICE);
    }
  }
}
