package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real output of buildx 0.13 bake: base b, and ok, bad, leaf FROM b; bad's RUN exits 3. */
class BakeProgressTest {
  private final BakeProgress progress =
      new BakeProgress(Map.of("b", "b", "ok", "ok", "bad", "bad", "leaf", "leaf"));

  private void read() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/build/bake-one-member-failing.txt")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      long t = 0;
      for (String line : lines) {
        progress.accept(line, t += 1_000_000);
      }
    }
  }

  @Test
  void aRegistryCacheNotThereYetIsNoErrorOfTheTarget() throws IOException {
    // Real output of buildx 0.13.1: ok imports a cache the registry does not have (BuildKit goes
    // on without it) and is pushed; bad's RUN fails.
    BakeProgress pushed = new BakeProgress(Map.of("ok", "ok", "bad", "bad"));
    try (InputStream in =
        getClass().getResourceAsStream("/build/bake-push-cache-missing-one-failing.txt")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .forEach(line -> pushed.accept(line, 0));
    }

    assertThat(pushed.of("ok").errors()).isEmpty();
    assertThat(pushed.of("ok").lines())
        .contains(
            "#4 ERROR: failed to configure registry cache importer:"
                + " 127.0.0.1:5000/monorepo/cache/none:amd64: not found");
    assertThat(pushed.of("bad").errors())
        .containsExactly(
            "process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 1");
  }

  @Test
  void theFailingTargetsOwnErrorIsItsOnly() throws IOException {
    read();

    assertThat(progress.of("bad").errors())
        .containsExactly(
            "process \"/bin/sh -c echo failing-now && exit 3\" did not complete successfully:"
                + " exit code: 3");
    assertThat(progress.of("ok").errors()).isEmpty();
    assertThat(progress.of("leaf").errors()).isEmpty();
    assertThat(progress.of("b").errors()).isEmpty();
  }

  @Test
  void linesGoToTheTargetTheVertexIsNamedFor() throws IOException {
    read();

    assertThat(progress.of("bad").lines())
        .contains(
            "#17 [bad 1/2] RUN echo failing-now && exit 3",
            "#17 0.742 failing-now",
            "#17 ERROR: process \"/bin/sh -c echo failing-now && exit 3\" did not complete"
                + " successfully: exit code: 3")
        .noneMatch(l -> l.contains("leaf-582"));
    assertThat(progress.of("leaf").lines()).contains("#15 0.521 leaf-582", "#16 CANCELED");
  }

  @Test
  void stepsAndCacheHitsAreCountedPerTarget() throws IOException {
    read();

    assertThat(progress.of("b").steps()).isEqualTo(new BuildOutput.StepCounts(1, 2));
    assertThat(progress.of("leaf").steps()).isEqualTo(new BuildOutput.StepCounts(0, 1));
  }

  @Test
  void theSessionsOwnVerticesBelongToNoTarget() {
    assertThat(progress.accept("#1 [internal] load local bake definitions", 1)).isEmpty();
    assertThat(progress.accept("#1 reading def.json 959B / 959B done", 2)).isEmpty();
    assertThat(progress.accept("ERROR: failed to solve: process did not complete", 3)).isEmpty();
  }

  @Test
  void withOneTargetBakeNamesNoTargetAndEveryVertexIsItsOwn() {
    BakeProgress one = new BakeProgress(Map.of("leaf", "leaf"));
    one.accept("#1 [internal] load local bake definitions", 1);
    one.accept("#5 [build 1/1] RUN uname -m > /arch.txt", 2);
    one.accept("#5 CACHED", 3);
    one.accept("#6 [stage-1 1/2] COPY --from=build /arch.txt /arch.txt", 4);
    one.accept("#6 ERROR: failed to compute cache key", 5);

    assertThat(one.of("leaf").steps()).isEqualTo(new BuildOutput.StepCounts(1, 2));
    assertThat(one.of("leaf").errors()).containsExactly("failed to compute cache key");
  }

  @Test
  void aMultiPlatformStepIsAStep() {
    progress.accept("#9 [ok linux/arm64 build 2/3] RUN make", 1);
    progress.accept("#9 CACHED", 2);

    assertThat(progress.of("ok").steps()).isEqualTo(new BuildOutput.StepCounts(1, 1));
  }
}
