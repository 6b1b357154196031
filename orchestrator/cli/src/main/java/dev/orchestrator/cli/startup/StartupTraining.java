package dev.orchestrator.cli.startup;

import dev.orchestrator.cli.CliFactory;
import dev.orchestrator.cli.Main;
import dev.orchestrator.core.BuildRequest;
import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.engine.Engines;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the launcher's start-up archive ({@code orchestrator/bin/orchestrator}): what
 * it loads and links goes into the archive. First a dry run of the checkout's own services (the
 * configuration, the Maven modules, the graph, hashing, bake definitions: what a build that builds
 * something runs through); then, in a generated repository of three services, the build a user runs
 * most, one with nothing to do, against a {@link TrainingEngine} (preflight, look-ups, sizes from a
 * content store, the up-to-date results and both reports), as in a terminal and as in CI.
 *
 * <p>Measured on a generated repository of 24 services, Temurin 25, medians of eleven (seven)
 * alternating runs: with nothing to do, 0.350 s trained on the dry run alone, 0.316 s trained on
 * both, 0.302 s on the stand-in's build alone (an archive with fewer classes starts faster), 0.287
 * s on a real build of that same repository; with one service changed, 1.18 s, 1.15 s and 1.24 s
 * for the first three (without the dry run, the definition and process classes load from the jar).
 */
public final class StartupTraining {
  private static final String IMAGE =
      "COPY %s.txt /srv/%s.txt\nUSER 10001:10001\nHEALTHCHECK CMD [\"true\"]\n";

  private StartupTraining() {}

  /** {@code StartupTraining CHECKOUT}: exits with the first non-zero exit code of its runs. */
  public static void main(String[] args) {
    // What main does before a command: the logging provider, and the console (its provider's
    // classes load on the first System.console()).
    Main.nameTheLoggingProvider();
    Main.interactive();
    Path checkout = Path.of(args.length > 0 ? args[0] : ".");
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    int exit = train(checkout, discard).stream().filter(c -> c != 0).findFirst().orElse(0);
    System.exit(exit);
  }

  /** Runs the training; {@code out} gets what the runs print. Returns their exit codes. */
  static List<Integer> train(Path checkout, PrintWriter out) {
    List<Integer> exits = new ArrayList<>();
    String[] dryRun = {"build", "--dry-run", "--root", checkout.toString()};
    exits.add(CliFactory.forArguments(out, out, false, dryRun).execute(dryRun));
    Path work = null;
    try {
      work = Files.createTempDirectory("orchestrator-training");
      Path repository = repository(work.resolve("repository"));
      try (TrainingEngine engine = new TrainingEngine(work.resolve("engine.sock"))) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        List.of("DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_CONFIG")
            .forEach(environment::remove);
        environment.remove(Orchestrator.REGISTRY_VARIABLE);
        environment.put("DOCKER_HOST", engine.host());
        environment.put("DOCKER_CONFIG", work.resolve("docker-config").toString());
        SystemCommandRunner runner = new SystemCommandRunner(environment);
        Orchestrator orchestrator =
            new Orchestrator(runner, () -> Engines.connect(runner, environment), environment);
        for (String service : List.of("base", "api", "web")) {
          engine.imageOf(
              service,
              orchestrator.explain(BuildRequest.builder(repository).build(), service).imageHash());
        }
        // As in a terminal (live progress), then as in CI (plain lines, a JSON report).
        String root = repository.toString();
        exits.add(CliFactory.create(out, out, true, orchestrator).execute("build", "--root", root));
        exits.add(
            CliFactory.create(out, out, false, orchestrator)
                .execute("build", "--root", root, "--json"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (work != null) {
        delete(work);
      }
    }
    out.flush();
    return exits;
  }

  /** A base and two services built from it, one of which copies from the other. */
  private static Path repository(Path root) throws IOException {
    write(
        root.resolve("services/base/Dockerfile"),
        "FROM scratch\n" + IMAGE.formatted("base", "base"));
    // No HEALTHCHECK: a lint warning, told as builds tell them.
    write(
        root.resolve("services/api/Dockerfile"),
        "FROM base\nCOPY api.txt /srv/api.txt\nUSER 10001:10001\n");
    write(
        root.resolve("services/web/Dockerfile"),
        "FROM base\nCOPY --from=api /srv/api.txt /srv/api.txt\n" + IMAGE.formatted("web", "web"));
    for (String service : List.of("base", "api", "web")) {
      write(root.resolve("services/" + service + "/" + service + ".txt"), service + "\n");
    }
    write(root.resolve("services/web/service.yaml"), "budget: 8MB\n");
    return root;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder: the system cleans it eventually
    }
  }
}
