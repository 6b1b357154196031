package dev.orchestrator.core.maven;

import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the jars of the Maven modules that images need, in one reactor run for all of them: {@code
 * -pl <modules> -am package} with {@code --fail-at-end}, so that one module's failure leaves the
 * modules that do not depend on it built, and the reactor summary says which module failed. The
 * repository's wrapper runs when it has one ({@code ./mvnw}), else {@code mvn} from {@code PATH};
 * the output is plain text ({@code -Dstyle.color=never}, and escapes removed anyway).
 */
public final class MavenBuild {
  private MavenBuild() {}

  /**
   * What Maven did: its exit code and output (a failure is data, not an exception).
   *
   * @param statuses how each module ended ({@code groupId:artifactId}), from the reactor summary;
   *     empty when Maven stopped before printing one (a POM error)
   * @param tails the last lines of each failed module's own output, where its error is
   */
  public record Result(
      List<String> modules,
      int exitCode,
      List<String> output,
      Duration duration,
      Map<String, MavenOutput.Status> statuses,
      Map<String, List<String>> tails) {
    public Result {
      output = List.copyOf(output);
      statuses = Map.copyOf(statuses);
      tails = Map.copyOf(tails);
    }

    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  private static final int TAIL = 40;

  /**
   * The exact command {@link #packageModules} runs for these modules (paths relative to the root):
   * what a dry run shows.
   */
  public static List<String> command(Path root, List<String> modules) {
    List<String> argv = new ArrayList<>();
    argv.add(Files.isExecutable(root.resolve("mvnw")) ? "./mvnw" : "mvn");
    argv.addAll(
        List.of(
            "-B",
            "-Dstyle.color=never",
            "--fail-at-end",
            "-pl",
            String.join(",", modules),
            "-am",
            "package",
            "-DskipTests"));
    return List.copyOf(argv);
  }

  /**
   * Runs {@link #command} in {@code root}.
   *
   * @param coordinates {@code groupId:artifactId} of every reactor module, whose status the result
   *     gives
   * @param onLine each output line, escapes removed, as it comes
   * @param onProgress each time Maven starts a module: modules done out of the total
   * @throws dev.orchestrator.core.error.EnvironmentException when Maven cannot be started
   */
  public static Result packageModules(
      CommandRunner runner,
      Path root,
      List<String> modules,
      java.util.Collection<String> coordinates,
      Consumer<String> onLine,
      Consumer<MavenOutput.Progress> onProgress) {
    MavenOutput parsed = new MavenOutput(onProgress);
    ProcessResult result =
        runner.run(
            Command.of(command(root, modules), root),
            line -> {
              parsed.accept(line);
              onLine.accept(MavenOutput.plain(line));
            });
    Map<String, List<String>> tails = new java.util.HashMap<>();
    Map<String, MavenOutput.Status> statuses = new java.util.HashMap<>();
    for (String module : coordinates) {
      parsed.status(module).ifPresent(status -> statuses.put(module, status));
      if (statuses.get(module) == MavenOutput.Status.FAILURE) {
        tails.put(module, parsed.tailOf(module, TAIL));
      }
    }
    return new Result(
        modules, result.exitCode(), parsed.lines(), result.duration(), statuses, tails);
  }
}
