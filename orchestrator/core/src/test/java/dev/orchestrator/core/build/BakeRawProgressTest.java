package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Real output of buildx 0.13.1 bake, one session of api ({@code FROM base}, an unchanged {@code
 * RUN}, then {@code COPY main.sh} with main.sh just changed) and worker ({@code COPY --from=api},
 * so api is its {@code target:} context), once with {@code --progress=rawjson} and once with {@code
 * --progress=plain}.
 */
class BakeRawProgressTest {
  private static final Map<String, String> TARGETS = Map.of("api", "api", "worker", "worker");

  private static List<String> resource(String name) throws IOException {
    try (InputStream in = BakeRawProgressTest.class.getResourceAsStream("/build/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static List<String> translated(List<String> raw) {
    List<String> plain = new ArrayList<>();
    BakeRawProgress progress = new BakeRawProgress(plain::add, (number, digest) -> {});
    raw.forEach(progress::accept);
    progress.finish();
    return plain;
  }

  /** As a session reads it: worker's solve holds api's steps. */
  private static BakeProgress readRaw(List<String> raw) {
    BakeProgress progress = new BakeProgress(TARGETS, Map.of("worker", Set.of("api")));
    long[] t = {0};
    BakeRawProgress plain =
        new BakeRawProgress(
            line -> progress.accept(line, t[0] += 1_000_000), progress::vertexDigest);
    raw.forEach(plain::accept);
    plain.finish();
    return progress;
  }

  private static BakeProgress readPlain(List<String> lines) {
    BakeProgress progress = new BakeProgress(TARGETS, Map.of("worker", Set.of("api")));
    long t = 0;
    for (String line : lines) {
      progress.accept(line, t += 1_000_000);
    }
    return progress;
  }

  @Test
  void aBaseBuiltInsideItsDependentsSolveKeepsItsOwnSteps() throws IOException {
    BakeProgress progress = readRaw(resource("bake-rawjson-changed-base-in-session.txt"));

    // api's RUN came from the cache, its COPY of the changed main.sh ran: api was built.
    assertThat(progress.of("api").steps()).isEqualTo(new BuildOutput.StepCounts(1, 2));
    assertThat(progress.of("api").lines())
        .anySatisfy(l -> assertThat(l).endsWith("[api 2/3] COPY main.sh /app/main.sh"))
        .anySatisfy(l -> assertThat(l).endsWith("[api 1/3] RUN echo stable > /stable"));
    // worker's solve holds api's two steps too (api is its target: context): they are api's.
    assertThat(progress.of("worker").steps()).isEqualTo(new BuildOutput.StepCounts(0, 2));
    assertThat(progress.of("worker").lines())
        .anySatisfy(l -> assertThat(l).endsWith("[worker stage-0 2/3] RUN echo worker > /app/w"))
        .noneSatisfy(l -> assertThat(l).contains("RUN echo stable"));
  }

  @Test
  void plainShowsTheSharedStepsUnderTheDependentOnly() throws IOException {
    // Why rawjson: the same session in plain form leaves api with no step of its own, and
    // counts api's steps as worker's.
    BakeProgress progress = readPlain(resource("bake-plain-changed-base-in-session.txt"));

    assertThat(progress.of("api").steps().total()).isZero();
    assertThat(progress.of("worker").steps()).isEqualTo(new BuildOutput.StepCounts(1, 4));
  }

  @Test
  void eachTargetNamingADigestGetsItsOwnNumberAndItsOwnStatus() throws IOException {
    List<String> plain = translated(resource("bake-rawjson-changed-base-in-session.txt"));

    String apiRun = number(plain, "[api 1/3] RUN echo stable > /stable");
    String workerRun = number(plain, "[worker 1/3] RUN echo stable > /stable");
    assertThat(apiRun).isNotEqualTo(workerRun);
    assertThat(plain).contains(apiRun + " CACHED", workerRun + " CACHED");
    String apiCopy = number(plain, "[api 2/3] COPY main.sh /app/main.sh");
    assertThat(plain).anySatisfy(l -> assertThat(l).startsWith(apiCopy + " DONE "));
    assertThat(plain).doesNotContain(apiCopy + " CACHED");
    // Each header once, however often its vertex was reported.
    assertThat(
            plain.stream().filter(l -> l.equals(apiRun + " [api 1/3] RUN echo stable > /stable")))
        .hasSize(1);
  }

  private static String number(List<String> plain, String name) {
    return plain.stream()
        .filter(l -> l.endsWith(" " + name))
        .map(l -> l.substring(0, l.indexOf(' ')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vertex " + name + " in " + plain));
  }

  @Test
  void errorsLogsAndTextLinesComeThrough() {
    List<String> raw =
        List.of(
            "{",
            "  \"vertexes\": [",
            "    {",
            "      \"digest\": \"sha256:aa\",",
            "      \"name\": \"[bad 1/2] RUN exit 3\",",
            "      \"started\": \"2026-12-04T18:37:12.000000000Z\"",
            "    }",
            "  ],",
            "  \"logs\": [",
            "    {",
            "      \"vertex\": \"sha256:aa\",",
            "      \"stream\": 1,",
            // "hello {\n" base64: braces inside data never upset the object's end
            "      \"data\": \"aGVsbG8gewo=\",",
            "      \"timestamp\": \"2026-12-04T18:37:12.250000000Z\"",
            "    }",
            "  ]",
            "}",
            "{",
            "  \"vertexes\": [",
            "    {",
            "      \"digest\": \"sha256:aa\",",
            "      \"name\": \"[bad 1/2] RUN exit 3\",",
            "      \"started\": \"2026-12-04T18:37:12.000000000Z\",",
            "      \"completed\": \"2026-12-04T18:37:12.500000000Z\",",
            "      \"error\": \"process \\\"/bin/sh -c exit 3\\\" did not complete: exit code: 3 }\"",
            "    }",
            "  ]",
            "}",
            "Dockerfile:2",
            "ERROR: failed to solve: process \"/bin/sh -c exit 3\" did not complete: exit code: 3");

    assertThat(translated(raw))
        .containsExactly(
            "#1 [bad 1/2] RUN exit 3",
            "#1 0.250 hello {",
            "#1 ERROR: process \"/bin/sh -c exit 3\" did not complete: exit code: 3 }",
            "Dockerfile:2",
            "ERROR: failed to solve: process \"/bin/sh -c exit 3\" did not complete: exit code: 3");
  }

  @Test
  void aMessageCutOffByTheProcessEndIsShownAsItCame() {
    List<String> plain = new ArrayList<>();
    BakeRawProgress progress = new BakeRawProgress(plain::add, (number, digest) -> {});
    progress.accept("{");
    progress.accept("  \"vertexes\": [");
    progress.finish();

    assertThat(plain).containsExactly("{", "  \"vertexes\": [");
  }
}
