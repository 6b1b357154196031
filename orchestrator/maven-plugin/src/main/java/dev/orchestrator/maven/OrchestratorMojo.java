package dev.orchestrator.maven;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.result.Verdict;
import dev.orchestrator.core.workspace.RepositoryRoot;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the POM's or {@code -D} parameters, the repository root, and the one
 * translation of the core's verdicts and exceptions into Maven's: what the user's repository got
 * wrong fails the build (MojoFailureException); a missing engine or a bug in the orchestrator is an
 * execution problem (MojoExecutionException).
 */
abstract class OrchestratorMojo extends AbstractMojo {
  /** The repository root (default: the repository holding the top-level project). */
  @Parameter(property = "orchestrator.root")
  File root;

  /**
   * Build profile: built in ({@code local}, {@code ci-amd64}, {@code ci-arm64}, {@code ci}, {@code
   * release}) or from {@code buildx-profiles/} (default: the repository's, {@code local}).
   */
  @Parameter(property = "orchestrator.profile")
  String profile;

  /**
   * Registry for profiles that push or use a registry cache (default: {@code
   * ORCHESTRATOR_REGISTRY}, else the profile's).
   */
  @Parameter(property = "orchestrator.registry")
  String registry;

  /** Platforms, comma-separated, e.g. {@code linux/amd64,linux/arm64} (default: the profile's). */
  @Parameter(property = "orchestrator.platforms")
  String platforms;

  /** Services, comma-separated, with their dependencies (default: all). */
  @Parameter(property = "orchestrator.services")
  String services;

  /** Skips the goal. */
  @Parameter(property = "orchestrator.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("orchestrator: skipped (orchestrator.skip)");
      return;
    }
    checkParameters();
    Verdict verdict;
    try {
      Orchestrator orchestrator =
          Orchestrator.onThisMachine().withRegistry(Optional.ofNullable(registry));
      // Every goal, list and plan too, refuses a profile that does not exist; without one, the
      // default is built in.
      if (profile().isPresent()) {
        orchestrator.checkProfile(root(), profile());
      }
      verdict = run(orchestrator);
    } catch (ConfigurationException e) {
      throw new MojoFailureException(
          "bad configuration:\n"
              + e.problems().stream()
                  .map(Problem::toString)
                  .map(p -> "  " + p)
                  .collect(Collectors.joining("\n")),
          e);
    } catch (EnvironmentException e) {
      throw new MojoExecutionException(e.getMessage() + "\n  " + e.remedy(), e);
    } catch (Exception e) {
      // Anything else, a bug included: also a checked exception a library threw undeclared. Errors
      // (a LinkageError in the plugin's class realm, say) are left to Maven, which explains them.
      OrchestratorBug bug = OrchestratorBug.of(e);
      throw new MojoExecutionException(bug.report(), bug);
    }
    raise(verdict);
  }

  /**
   * Fails on a parameter the goal cannot take, before anything runs: the user's mistake, so a
   * failure, with the parameter named.
   */
  void checkParameters() throws MojoFailureException {
    for (String platform : split(platforms)) {
      if (!platform.equals(Platforms.HOST)) {
        Optional<String> why = Platforms.problem(platform);
        if (why.isPresent()) {
          throw new MojoFailureException(
              "orchestrator.platforms: '"
                  + platform
                  + "' is not a platform ("
                  + Platforms.GRAMMAR
                  + ", or host): "
                  + why.get());
        }
      }
    }
  }

  /** Fails on a {@code jobs} parameter below 1; none given is the profile's. */
  static void checkJobs(Integer jobs) throws MojoFailureException {
    if (jobs != null && jobs < 1) {
      throw new MojoFailureException(
          "orchestrator.jobs: "
              + jobs
              + " must be at least 1 (leave orchestrator.jobs out for the profile's)");
    }
  }

  /** The request's jobs: 0, the profile's, when none is given. */
  static int jobsOrProfiles(Integer jobs) {
    return jobs == null ? 0 : jobs;
  }

  /**
   * Runs the goal: one core call, its report logged.
   *
   * @return the core's verdict
   */
  abstract Verdict run(Orchestrator orchestrator);

  /** The one mapping from a verdict to Maven's exception kinds. */
  static void raise(Verdict verdict) throws MojoFailureException, MojoExecutionException {
    switch (verdict) {
      case OK -> {}
      case BUILD_FAILED -> throw new MojoFailureException("a service failed or was skipped");
      case OVER_BUDGET ->
          throw new MojoFailureException("every service built, but an image is over its budget");
      case VERIFY_FAILED -> throw new MojoFailureException("an image failed a verify check");
      case BAD_CONFIGURATION -> throw new MojoFailureException("bad configuration");
      case INTERRUPTED -> throw new MojoFailureException("interrupted");
      case NO_ENGINE -> throw new MojoExecutionException("no usable Docker engine");
      case INTERNAL_ERROR ->
          throw new MojoExecutionException(
              "internal error; please report it to " + OrchestratorBug.TRACKER);
    }
  }

  Path root() {
    if (root != null) {
      return root.toPath().toAbsolutePath().normalize();
    }
    // As the CLI does from the working folder: the nearest folder with a repository marker.
    File start =
        session.getTopLevelProject() != null
            ? session.getTopLevelProject().getBasedir()
            : new File(session.getExecutionRootDirectory());
    return RepositoryRoot.find(start.toPath());
  }

  Optional<String> profile() {
    return Optional.ofNullable(profile).filter(p -> !p.isBlank());
  }

  static List<String> split(String commaSeparated) {
    return commaSeparated == null
        ? List.of()
        : Arrays.stream(commaSeparated.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  /** Text from the core's renderer, a log line per line. */
  void info(String text) {
    text.lines().forEach(getLog()::info);
  }
}
