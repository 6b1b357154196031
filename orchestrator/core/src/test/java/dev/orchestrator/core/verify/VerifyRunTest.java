package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.TestServices;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.ContainerSpec;
import dev.orchestrator.core.engine.ContainerState;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.engine.StubEngine;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.size.ImageSizes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What verifying a service throws keeps its kind; an engine's refusal is a failed check. */
class VerifyRunTest {
  private static final String AMD = "linux/amd64";
  private final Service base = TestServices.from("base", "scratch");

  /** Measures images with {@code sizes}; refuses every container. */
  private static Engine engine(Function<String, Map<String, ImageSizes>> sizes) {
    return new StubEngine() {
      @Override
      public Map<String, ImageSizes> imageSizes(String imageRef) {
        return sizes.apply(imageRef);
      }

      @Override
      public boolean imageExists(String imageRef) {
        return true;
      }

      @Override
      public String createContainer(ContainerSpec spec) {
        throw new IllegalStateException("Docker engine refused create a container: no such image");
      }

      @Override
      public void startContainer(String containerId) {}

      @Override
      public ContainerState inspectContainer(String containerId) {
        throw new IllegalStateException("never created");
      }

      @Override
      public void removeContainer(String containerId) {}
    };
  }

  private VerifyReport verify(Engine engine) {
    return new VerifyRun(engine, AMD, 2, BuildListener.NONE)
        .run(Map.of(base, "monorepo/base:latest"), List.of(AMD));
  }

  @Test
  void anEnvironmentErrorKeepsItsKind() {
    EnvironmentException gone = new EnvironmentException("No Docker engine answers", "Start one.");

    assertThat(
            catchThrowable(
                () ->
                    verify(
                        engine(
                            ref -> {
                              throw gone;
                            }))))
        .isSameAs(gone);
  }

  @Test
  void anyOtherCrashIsABugNamingTheService() {
    IllegalArgumentException unexpected = new IllegalArgumentException("bad platform key");

    OrchestratorBug bug =
        catchThrowableOfType(
            OrchestratorBug.class,
            () ->
                verify(
                    engine(
                        ref -> {
                          throw unexpected;
                        })));

    assertThat(bug).hasMessageStartingWith("verifying base crashed: ").hasCause(unexpected);
  }

  @Test
  void aRefusedContainerIsAFailedCheckNotACrash() {
    VerifyReport report = verify(engine(ref -> Map.of(AMD, new ImageSizes(AMD, 1_000, 2_000))));

    assertThat(report.rows()).hasSize(1);
    assertThat(report.rows().get(0).failures())
        .extracting(CheckResult::detail)
        .containsExactly("Docker engine refused create a container: no such image");
  }
}
