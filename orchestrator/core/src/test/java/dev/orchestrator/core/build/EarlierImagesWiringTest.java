package dev.orchestrator.core.build;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.engine.OfflineEngine;
import dev.orchestrator.core.graph.GraphBuilder;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.process.SystemCommandRunner;
import dev.orchestrator.core.progress.BuildListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staged CI job's dependencies built by earlier jobs: wired by digest, in both executors, and
 * never built.
 */
class EarlierImagesWiringTest {
  private static final String BASE = "127.0.0.1:5000/ns/base@sha256:" + "a".repeat(64);
  private final Repository repo =
      repository(from("base", "scratch"), from("mid", "base"), from("leaf", "mid", "base"));
  private final ServiceGraph graph = GraphBuilder.build(repo);
  private final Plan job = Planner.only(graph, List.of("mid", "leaf"));
  @TempDir Path root;

  private Map<String, List<String>> dryRun(Profile profile) {
    BuildSettings settings =
        new BuildSettings(root, profile, List.of("linux/arm64"), 1, false)
            .withEarlierImages(Map.of("base", BASE));
    try (OfflineEngine engine = new OfflineEngine("tests")) {
      return new BuildExecutor(
              settings, engine, SystemCommandRunner.inheritingEnvironment(), BuildListener.NONE)
          .dryRun(job, graph, repo.byName());
    }
  }

  @Test
  void aPushByDigestJobWiresTheEarlierImageByDigestAndBuildsOnlyItsOwnServices() {
    Profile profile =
        Profile.builder("ci-arm64")
            .output(Profile.Output.PUSH_BY_DIGEST)
            .registry(Optional.of("127.0.0.1:5000"))
            .namespace("ns")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();

    Map<String, List<String>> commands = dryRun(profile);

    // One session: mid reaches leaf in-solve; base, built by an earlier job, by its digest.
    assertThat(commands).containsOnlyKeys("bake batch 1", "bake batch 1 definition");
    String definition = String.join("\n", commands.get("bake batch 1 definition"));
    assertThat(definition)
        .contains("\"targets\" : [ \"mid\", \"leaf\" ]")
        .contains("\"base\" : \"docker-image://" + BASE + "\"")
        .contains("\"mid\" : \"target:mid\"")
        .doesNotContain("\"base\" : {");
  }

  @Test
  void aLoadJobInABakeSessionWiresTheEarlierImageByDigestAndItsOwnBaseInSolve() {
    Profile profile =
        Profile.builder("local")
            .namespace("ns")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();

    Map<String, List<String>> commands = dryRun(profile);

    String definition = String.join("\n", commands.get("bake batch 1 definition"));
    assertThat(definition)
        .contains("\"base\" : \"docker-image://" + BASE + "\"")
        .contains("\"mid\" : \"target:mid\"")
        .doesNotContain("ns/base:");
    assertThat(commands).doesNotContainKey("bake batch 2");
  }
}
