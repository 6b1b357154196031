package dev.orchestrator.cli;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.process.ExitCleanup;
import dev.orchestrator.core.result.Verdict;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Wires the CLI, for {@code main} and tests alike: one exception handler, one exit-code mapping, no
 * stack trace for a user mistake unless {@code -v}.
 */
public final class CliFactory {
  /** The orchestrator's version, for {@code --version} and SARIF's tool. */
  static final String VERSION = "0.1.0";

  private CliFactory() {}

  // Inherited: every subcommand takes --help and --version, and lists the exit codes.
  @Command(
      name = "orchestrator",
      scope = CommandLine.ScopeType.INHERIT,
      mixinStandardHelpOptions = true,
      version = "orchestrator " + VERSION,
      description = "Builds a monorepo's container images with docker buildx, in dependency order.",
      footer = ExitCodes.HELP)
  static final class Root {}

  /**
   * Each subcommand by its name, as its {@code @Command} says (CliFactoryTest checks that they
   * agree), so that picking the one to model reads no annotation: reading all fourteen took about
   * 15 ms of every run. {@code completion} is not here: it describes every subcommand.
   */
  static final Map<String, Class<?>> BY_NAME = byName();

  /** Every subcommand, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      Stream.concat(BY_NAME.values().stream(), Stream.of(CompletionCommand.class)).toList();

  private static Map<String, Class<?>> byName() {
    Map<String, Class<?>> named = new LinkedHashMap<>();
    named.put("list", ListCommand.class);
    named.put("graph", GraphCommand.class);
    named.put("plan", PlanCommand.class);
    named.put("build", BuildCommand.class);
    named.put("lint", LintCommand.class);
    named.put("layers", LayersCommand.class);
    named.put("verify", VerifyCommand.class);
    named.put("affected", AffectedCommand.class);
    named.put("clean", CleanCommand.class);
    named.put("matrix", MatrixCommand.class);
    named.put("merge", MergeCommand.class);
    named.put("profiles", ProfilesCommand.class);
    named.put("init", InitCommand.class);
    return Collections.unmodifiableMap(named);
  }

  /**
   * @param interactive draw live progress (a terminal) rather than plain prefixed lines
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, boolean interactive) {
    return create(out, err, interactive, Orchestrator.onThisMachine());
  }

  /**
   * For {@code main}: only the subcommand the arguments name is modelled, since picocli's model of
   * all fourteen took about 0.15 s of every run; with no known subcommand first (help, a typo,
   * {@code completion}, which describes them all), every one is.
   */
  public static CommandLine forArguments(
      PrintWriter out, PrintWriter err, boolean interactive, String[] args) {
    Class<?> named = args.length == 0 ? null : BY_NAME.get(args[0]);
    return create(
        out,
        err,
        interactive,
        Orchestrator.onThisMachine(),
        named == null ? SUBCOMMANDS : List.of(named));
  }

  /** As above, with the core wired to another engine connection (tests of the no-engine path). */
  public static CommandLine create(
      PrintWriter out, PrintWriter err, boolean interactive, Orchestrator orchestrator) {
    return create(out, err, interactive, orchestrator, SUBCOMMANDS);
  }

  private static CommandLine create(
      PrintWriter out,
      PrintWriter err,
      boolean interactive,
      Orchestrator orchestrator,
      List<Class<?>> subcommands) {
    Context context = new Context(out, err, interactive, orchestrator);
    CommandLine cli = new CommandLine(new Root(), new ContextFactory(context));
    subcommands.forEach(cli::addSubcommand);
    cli.setOut(out).setErr(err);
    cli.setExitCodeExceptionMapper(CliFactory::exitCode);
    cli.setParameterExceptionHandler(
        (e, args) -> {
          err.println("error: " + e.getMessage());
          e.getCommandLine().usage(err);
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean verbose =
              parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("-v");
          if (ExitCleanup.jvmExiting() && !verbose) {
            // Ctrl-C: what failed meanwhile failed because its children were stopped.
            sayInterrupted(err);
            return ExitCodes.of(Verdict.INTERRUPTED);
          }
          report(e, err, verbose);
          return exitCode(e);
        });
    return cli;
  }

  /**
   * Says "interrupted" once per JVM, whoever notices first: the command that failed under Ctrl-C,
   * or {@link Main}'s shutdown hook when the command was still running.
   */
  static void sayInterrupted(PrintWriter err) {
    if (SAID_INTERRUPTED.compareAndSet(false, true)) {
      err.println("interrupted");
      err.flush();
    }
  }

  private static final AtomicBoolean SAID_INTERRUPTED = new AtomicBoolean();

  static int exitCode(Throwable e) {
    return ExitCodes.of(Verdict.of(e));
  }

  private static void report(Exception e, PrintWriter err, boolean verbose) {
    if (e instanceof ConfigurationException config) {
      err.println("error: bad configuration:");
      config.problems().forEach(p -> err.println("  " + p));
    } else if (e instanceof EnvironmentException env) {
      err.println("error: " + env.getMessage());
      err.println("  " + env.remedy());
    } else {
      err.println("error: " + OrchestratorBug.of(e).report());
      if (!verbose) {
        err.println("  (run with -v for the stack trace)");
      }
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** What every command needs: writers, terminal or not, and the core. */
  record Context(
      PrintWriter out, PrintWriter err, boolean interactive, Orchestrator orchestrator) {}

  /** Gives commands the shared context through their constructor. */
  private record ContextFactory(Context context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(Context.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
