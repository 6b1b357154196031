package dev.orchestrator.core;

import dev.orchestrator.core.build.BuildExecutor;
import dev.orchestrator.core.build.BuildSettings;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.reproduce.Difference;
import dev.orchestrator.core.reproduce.ImageComparison;
import dev.orchestrator.core.reproduce.OciLayout;
import dev.orchestrator.core.reproduce.ReproducibleCheck;
import dev.orchestrator.core.reproduce.ReproducibleReport;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.state.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reproducibility gate: each service is built twice without BuildKit's cache for its own steps,
 * both times the same way (its normal build options and wiring, exported to an OCI layout folder,
 * {@code rewrite-timestamp=true} where the builder takes it), and the two builds' per-platform
 * manifest digests are compared. Attestations are never made ({@code --provenance=false}) and would
 * be left out anyway: they differ by design.
 */
final class ReproducibleGate {
  private static final String REFUSED = "rewrite-timestamp";

  private final BuildSettings settings;
  private final BuildExecutor executor;
  private final ServiceGraph graph;
  private final Map<String, ServiceResult> built;
  private final CommandRunner runner;
  private final BuildListener listener;

  ReproducibleGate(
      BuildSettings settings,
      BuildExecutor executor,
      ServiceGraph graph,
      Map<String, ServiceResult> built,
      CommandRunner runner,
      BuildListener listener) {
    this.settings = settings;
    this.executor = executor;
    this.graph = graph;
    this.built = Map.copyOf(built);
    this.runner = runner;
    this.listener = listener;
  }

  /**
   * @param cannotRun why a service cannot be rebuilt at all (its Maven module failed): it is not
   *     run, with that reason
   */
  ReproducibleReport run(List<Service> services, Map<String, String> cannotRun) {
    long start = System.nanoTime();
    List<ReproducibleCheck> checks = new ArrayList<>();
    for (Service service : services) {
      String why = cannotRun.get(service.name());
      checks.addAll(
          why == null ? check(service) : notRun(service, settings.platformsOf(service), why));
    }
    return new ReproducibleReport(checks, Duration.ofNanos(System.nanoTime() - start));
  }

  private List<ReproducibleCheck> check(Service service) {
    List<String> platforms = settings.platformsOf(service);
    if (platforms.isEmpty()) {
      return List.of();
    }
    String name = service.name();
    Path folder = settings.state().path().resolve("reproducible").resolve(name);
    reset(folder);
    boolean rewrite = true;
    String how = "";
    Build first = build(service, folder.resolve("first"), rewrite, 1);
    if (!first.result().succeeded() && mentions(first.result(), REFUSED)) {
      // An older BuildKit refuses the option: build both without it, and say so.
      how = "the builder refused rewrite-timestamp (" + lineWith(first.result(), REFUSED) + "); ";
      rewrite = false;
      first = build(service, folder.resolve("first"), false, 1);
    }
    if (!first.result().succeeded()) {
      return notRun(service, platforms, "the first rebuild failed: " + failure(first.result()));
    }
    Build second = build(service, folder.resolve("second"), rewrite, 2);
    if (!second.result().succeeded()) {
      return notRun(service, platforms, "the second rebuild failed: " + failure(second.result()));
    }
    boolean rewritten = first.argv().stream().anyMatch(a -> a.contains(",rewrite-timestamp=true"));
    how +=
        rewritten
            ? "two builds without cache to OCI layouts, file times rewritten to SOURCE_DATE_EPOCH"
            : "two builds without cache to OCI layouts, file times as built (no rewrite-timestamp)";
    List<ReproducibleCheck> checks = new ArrayList<>();
    try {
      OciLayout a = OciLayout.read(first.dir());
      OciLayout b = OciLayout.read(second.dir());
      for (String platform : platforms) {
        OciLayout.PlatformImage ia = a.images().get(platform);
        OciLayout.PlatformImage ib = b.images().get(platform);
        if (ia == null || ib == null) {
          checks.add(
              ReproducibleCheck.notRun(
                  name,
                  platform,
                  "the "
                      + (ia == null ? "first" : "second")
                      + " build has no "
                      + platform
                      + " image (it has "
                      + (ia == null ? a : b).images().keySet()
                      + ")"));
          continue;
        }
        Optional<Difference> difference = ImageComparison.compare(a, ia, b, ib);
        checks.add(
            new ReproducibleCheck(
                name,
                platform,
                difference.isEmpty()
                    ? ReproducibleCheck.Status.REPRODUCIBLE
                    : ReproducibleCheck.Status.DIFFERENT,
                Optional.of(ia.digest()),
                Optional.of(ib.digest()),
                difference,
                rewritten,
                difference.isEmpty()
                    ? how
                    : how + "; both layouts are kept in " + settings.root().relativize(folder)));
      }
    } catch (IOException e) {
      return notRun(
          service, platforms, "reading the builds' OCI layouts failed: " + e.getMessage());
    }
    if (checks.stream().allMatch(c -> c.status() == ReproducibleCheck.Status.REPRODUCIBLE)) {
      FileTrees.delete(folder, settings.root());
    }
    checks.forEach(
        c ->
            listener.on(
                new BuildEvent.Phase(
                    name, c.platform() + " " + c.status().name().toLowerCase().replace('_', ' '))));
    return checks;
  }

  private record Build(Path dir, List<String> argv, ProcessResult result) {}

  private Build build(Service service, Path dir, boolean rewrite, int round) {
    List<String> argv = executor.reproducibleArgv(service, graph, built, dir, rewrite);
    listener.on(new BuildEvent.Phase(service.name(), "rebuilding without cache (" + round + "/2)"));
    listener.on(new BuildEvent.Started(service.name(), argv));
    ProcessResult result =
        runner.run(
            settings.buildxCommand(argv),
            line -> listener.on(new BuildEvent.Output(service.name(), line)));
    return new Build(dir, argv, result);
  }

  private static List<ReproducibleCheck> notRun(
      Service service, List<String> platforms, String why) {
    return platforms.stream().map(p -> ReproducibleCheck.notRun(service.name(), p, why)).toList();
  }

  private static String failure(ProcessResult result) {
    List<String> tail = result.tail(1);
    return "docker buildx build exited with "
        + result.exitCode()
        + (tail.isEmpty() ? "" : ": " + tail.get(0).strip());
  }

  private static boolean mentions(ProcessResult result, String text) {
    return result.output().stream().anyMatch(l -> l.contains(text));
  }

  private static String lineWith(ProcessResult result, String text) {
    return result.output().stream()
        .filter(l -> l.contains(text))
        .reduce((x, y) -> y)
        .orElse("")
        .strip();
  }

  private void reset(Path folder) {
    if (Files.exists(folder)) {
      FileTrees.delete(folder, settings.root());
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw FileErrors.environment(
          "create", folder, e, "The reproducibility gate's two builds are exported there.");
    }
  }
}
