package dev.orchestrator.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.result.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * Every way a goal can end reaches Maven as one of its two exception kinds, with the core's words.
 */
class OrchestratorMojoTest {

  /** A goal whose core call ends as {@code outcome} says. */
  private static OrchestratorMojo goal(Supplier<Verdict> outcome) {
    return new OrchestratorMojo() {
      @Override
      Verdict run(Orchestrator orchestrator) {
        return outcome.get();
      }
    };
  }

  private static OrchestratorMojo throwing(Throwable t) {
    return goal(() -> sneakyThrow(t));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> Verdict sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void aJobsParameterBelowOneFailsTheBuildNamingItBeforeAnythingRuns() {
    for (OrchestratorMojo mojo : new OrchestratorMojo[] {new BuildMojo(), new VerifyMojo()}) {
      if (mojo instanceof BuildMojo build) {
        build.jobs = 0;
      } else if (mojo instanceof VerifyMojo verify) {
        verify.jobs = -1;
      }

      MojoFailureException e = catchThrowableOfType(MojoFailureException.class, mojo::execute);

      assertThat(e)
          .hasMessageStartingWith("orchestrator.jobs: ")
          .hasMessageContaining("at least 1");
    }
  }

  @Test
  void anUnknownPlatformFailsTheBuildNamingTheParameterAndThePart() {
    OrchestratorMojo mojo =
        goal(
            () -> {
              throw new AssertionError("the core must not be called");
            });
    mojo.platforms = "linux/amd64, linux/amd65";

    MojoFailureException e = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    assertThat(e)
        .hasMessageStartingWith(
            "orchestrator.platforms: 'linux/amd65' is not a platform (os/arch[/variant], or host):"
                + " unknown architecture 'amd65'");
  }

  @Test
  void hostAndKnownPlatformsAreAccepted() throws Exception {
    OrchestratorMojo mojo = goal(() -> Verdict.OK);
    mojo.platforms = "host,linux/arm/v7,linux/s390x";

    mojo.execute();
  }

  @Test
  void aConfigurationErrorFailsTheBuildListingEveryProblem() {
    ConfigurationException bad =
        new ConfigurationException(
            Problem.inFile(Path.of("services/app/.dockerignore"), "is not UTF-8 text"));

    MojoFailureException e =
        catchThrowableOfType(MojoFailureException.class, () -> throwing(bad).execute());

    assertThat(e)
        .hasMessage("bad configuration:\n  services/app/.dockerignore: is not UTF-8 text")
        .hasCause(bad);
  }

  @Test
  void anEnvironmentErrorSaysWhatTheUserCanDo() {
    EnvironmentException missing =
        new EnvironmentException(
            "DOCKER_HOST=bogus://x is not a Docker engine address", "Set DOCKER_HOST to ...");

    MojoExecutionException e =
        catchThrowableOfType(MojoExecutionException.class, () -> throwing(missing).execute());

    assertThat(e)
        .hasMessage(
            "DOCKER_HOST=bogus://x is not a Docker engine address\n  Set DOCKER_HOST to ...")
        .hasCause(missing);
  }

  @Test
  void aBugIsReportedWithTheTracker() {
    OrchestratorBug bug = new OrchestratorBug("the build of base crashed: x");

    MojoExecutionException e =
        catchThrowableOfType(MojoExecutionException.class, () -> throwing(bug).execute());

    assertThat(e).hasMessage(bug.report()).hasCause(bug);
    assertThat(e.getMessage()).contains(OrchestratorBug.TRACKER);
  }

  @Test
  void anyOtherExceptionIsShownAsABugToo() {
    for (Exception unexpected :
        new Exception[] {new IllegalStateException("raw"), new IOException("undeclared")}) {
      MojoExecutionException e =
          catchThrowableOfType(MojoExecutionException.class, () -> throwing(unexpected).execute());

      assertThat(e.getMessage()).startsWith("internal error: ").contains(OrchestratorBug.TRACKER);
      assertThat(e.getCause()).isInstanceOf(OrchestratorBug.class).hasCause(unexpected);
    }
  }

  @Test
  void aVerdictMapsToItsKind() {
    assertThat(
            catchThrowableOfType(
                MojoFailureException.class, () -> goal(() -> Verdict.BUILD_FAILED).execute()))
        .hasMessage("a service failed or was skipped");
    assertThat(
            catchThrowableOfType(
                MojoExecutionException.class, () -> goal(() -> Verdict.NO_ENGINE).execute()))
        .hasMessage("no usable Docker engine");
  }
}
