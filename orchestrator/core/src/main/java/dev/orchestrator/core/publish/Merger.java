package dev.orchestrator.core.publish;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.config.DigestsFileReader;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.git.GitRevision;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code orchestrator merge}: reads and checks every digests file first, then creates one
 * multi-platform index per service. Nothing is pushed unless every check passed.
 */
public final class Merger {
  private final CommandRunner runner;

  /**
   * @param runner runs {@code docker buildx imagetools create} and git
   */
  public Merger(CommandRunner runner) {
    this.runner = runner;
  }

  /**
   * @param root the repository root (git is asked there for the revision)
   * @param profile the profile naming the registry, the platforms and the merge tags
   * @param all the repository's services by name
   */
  public MergeOutcome merge(
      Path root, Profile profile, Map<String, Service> all, MergeRequest request) {
    List<DigestsFile> read = DigestsFileReader.readAll(expand(request.digests()));
    List<PublishBarrier.Blocked> blocked =
        PublishBarrier.check(read, f -> JobReport.read(JobReport.beside(f.file())));
    List<DigestsFile> files = barrier(read, blocked, request);
    List<String> unknown = request.services().stream().filter(s -> !all.containsKey(s)).toList();
    if (!unknown.isEmpty()) {
      throw new ConfigurationException("unknown service(s): " + String.join(", ", unknown));
    }
    Map<String, List<String>> services = new LinkedHashMap<>();
    all.values().stream()
        .filter(s -> request.services().isEmpty() || request.services().contains(s.name()))
        .forEach(s -> services.put(s.name(), s.descriptor().platforms()));
    // Services outside the selection are left out of the digests too, rather than unknown.
    List<DigestsFile> selected =
        files.stream()
            .map(
                f ->
                    new DigestsFile(
                        f.file(),
                        f.services().entrySet().stream()
                            .filter(
                                e ->
                                    services.containsKey(e.getKey())
                                        || !all.containsKey(e.getKey()))
                            .collect(
                                java.util.stream.Collectors.toMap(
                                    Map.Entry::getKey, Map.Entry::getValue))))
            .toList();
    GitRevision revision = GitRevision.detect(request.environment(), root, runner);
    MergePlanner.MergePlan planned =
        MergePlanner.plan(
            profile, services, selected, revision, request.environment(), request.allowPartial());
    // What the barrier left out comes first: it is why a digest below may be missing.
    List<String> omitted =
        new ArrayList<>(blocked.stream().map(b -> b.problem().toString()).toList());
    omitted.addAll(planned.omitted());
    MergePlanner.MergePlan plan = new MergePlanner.MergePlan(planned.merges(), omitted);
    if (request.dryRun()) {
      return new MergeOutcome(plan, List.of());
    }
    List<MergeOutcome.Result> results = new ArrayList<>();
    for (MergePlanner.Merge merge : plan.merges()) {
      ProcessResult r = runner.run(merge.argv(), root);
      results.add(
          new MergeOutcome.Result(
              merge.service(),
              merge.tags(),
              r.exitCode(),
              r.succeeded() ? List.of() : r.tail(20),
              r.duration()));
    }
    return new MergeOutcome(plan, results);
  }

  /**
   * Refuses, naming service, platform and reason, what any job reported failed, over budget or
   * failing verify; with {@code --allow-partial}, leaves those out and publishes the rest.
   */
  private static List<DigestsFile> barrier(
      List<DigestsFile> files, List<PublishBarrier.Blocked> blocked, MergeRequest request) {
    if (blocked.isEmpty()) {
      return files;
    }
    if (request.allowPartial()) {
      return PublishBarrier.without(files, blocked);
    }
    List<Problem> problems =
        new ArrayList<>(blocked.stream().map(PublishBarrier.Blocked::problem).toList());
    problems.add(
        new Problem(
            null,
            0,
            "nothing was published; --allow-partial publishes the others without what is named"
                + " above"));
    throw new ConfigurationException(problems);
  }

  private static boolean isDigestsFileName(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("digests") && name.endsWith(".json");
  }

  /** Files as given; a folder gives the {@code digests*.json} files in it and below, sorted. */
  static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> found = Files.walk(p)) {
          List<Path> json =
              found.filter(f -> isDigestsFileName(f) && Files.isRegularFile(f)).sorted().toList();
          if (json.isEmpty()) {
            problems.add(Problem.inFile(p, "holds no digests files (digests*.json)"));
          }
          files.addAll(json);
        } catch (IOException e) {
          problems.add(Problem.inFile(p, "cannot be listed: " + FileErrors.reasonAt(p, e)));
        } catch (UncheckedIOException e) {
          // Files.walk reports a folder below it that it cannot list this way.
          problems.add(
              Problem.inFile(p, "cannot be listed: " + FileErrors.reasonAt(p, e.getCause())));
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        problems.add(Problem.inFile(p, "no such digests file or folder"));
      }
    }
    if (files.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(null, 0, "no digests files given"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return files;
  }
}
