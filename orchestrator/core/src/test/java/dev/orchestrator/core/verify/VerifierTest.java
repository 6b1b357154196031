package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.TestServices;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.ContainerSpec;
import dev.orchestrator.core.engine.ContainerState;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.engine.StubEngine;
import dev.orchestrator.core.size.ImageSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How verify tells what an image can run, on an engine that holds one image without command. */
class VerifierTest {
  private static final String AMD = "linux/amd64";
  private static final Map<String, ImageSizes> SIZES = Map.of(AMD, new ImageSizes(AMD, 1, 2));
  private final Service base = TestServices.from("base", "scratch");
  private final List<String> created = new ArrayList<>();
  private final List<String> removed = new ArrayList<>();
  private final List<String> started = new ArrayList<>();

  /** Refuses a container of the image as it is, as an engine does for an image without CMD. */
  private final Engine engine =
      new StubEngine() {
        @Override
        public Map<String, ImageSizes> imageSizes(String imageRef) {
          return SIZES;
        }

        @Override
        public boolean imageExists(String imageRef) {
          return true;
        }

        @Override
        public String createContainer(ContainerSpec spec) {
          if (spec.command().isEmpty()) {
            throw new IllegalStateException("Docker engine refused create: no command specified");
          }
          created.add("c" + created.size());
          return created.get(created.size() - 1);
        }

        @Override
        public void startContainer(String containerId) {
          started.add(containerId);
        }

        @Override
        public ContainerState inspectContainer(String containerId) {
          return new ContainerState(
              containerId,
              "created",
              false,
              0,
              0,
              Optional.empty(),
              "",
              "",
              Map.of("org.opencontainers.image.title", "base"),
              List.of(),
              Map.of(),
              List.of(),
              List.of("/verify-never-started"),
              List.of());
        }

        @Override
        public void removeContainer(String containerId) {
          removed.add(containerId);
        }
      };

  private VerifyRow verify(Set<String> builtFrom) throws InterruptedException {
    return new Verifier(engine, "run", AMD, new Lineage(builtFrom, Map.of()))
        .verify(base, "m/base", AMD, SIZES);
  }

  @Test
  void anImageWithoutCommandThatOthersBuildFromIsABaseAndNothingIsStarted() throws Exception {
    VerifyRow row = verify(Set.of("base"));

    assertThat(row.run()).isEqualTo(VerifyRow.Run.BASE);
    assertThat(row.result()).isEqualTo(VerifyRow.Result.NOT_RUN);
    assertThat(row.checks())
        .filteredOn(c -> c.check() == Check.HEALTHY)
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.NOT_APPLICABLE))
        .satisfies(c -> assertThat(c.detail()).contains("other services build FROM it"));
    assertThat(started).isEmpty();
    assertThat(removed).isEqualTo(created);
  }

  @Test
  void anImageWithoutCommandThatNobodyBuildsFromIsNotRunnableAndSaysSo() throws Exception {
    VerifyRow row = verify(Set.of());

    assertThat(row.run()).isEqualTo(VerifyRow.Run.NOT_RUNNABLE);
    assertThat(row.result()).isEqualTo(VerifyRow.Result.NOT_RUN);
    assertThat(row.checks())
        .filteredOn(c -> c.status() == CheckStatus.PASS)
        .extracting(CheckResult::check)
        .containsExactly(Check.IMAGE, Check.LABELS);
    assertThat(row.checks())
        .filteredOn(c -> c.check() == Check.READ_ONLY)
        .extracting(CheckResult::detail)
        .containsExactly(
            "not a runnable service: the image has no CMD or ENTRYPOINT (say base: true in"
                + " service.yaml if it is a base)");
    assertThat(started).isEmpty();
  }
}
