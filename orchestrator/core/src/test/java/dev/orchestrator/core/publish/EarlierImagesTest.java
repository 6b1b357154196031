package dev.orchestrator.core.publish;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.graph.GraphBuilder;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.graph.ServiceGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlierImagesTest {
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String C = "sha256:" + "c".repeat(64);

  private final Repository repo =
      repository(
          from("base", "scratch"),
          from("mid", "base"),
          from("leaf", "mid", "base"),
          from("lone", "scratch"));
  private final ServiceGraph graph = GraphBuilder.build(repo);
  private final Plan midAndLeaf = Planner.only(graph, List.of("mid", "leaf"));

  @TempDir Path dir;

  private Path digests(String name, String service, String platform, String digest)
      throws IOException {
    return Files.writeString(
        dir.resolve(name),
        """
        {"format": "orchestrator-digests/1",
         "services": {"%s": {"repository": "127.0.0.1:5000/ns/%s", "digests": {"%s": "%s"}}}}
        """
            .formatted(service, service, platform, digest));
  }

  private java.util.Map<String, String> resolve(String platform, List<Path> inputs) {
    return EarlierImages.resolve(
        midAndLeaf,
        graph,
        repo.byName(),
        List.of(platform),
        inputs,
        dir.resolve("digests-own.json"));
  }

  @Test
  void aDependencyOutsideTheJobIsTakenByTheDigestOfItsPlatform() throws IOException {
    digests("digests-amd64-stage1-shard1.json", "base", "linux/amd64", A);
    digests("digests-arm64-stage1-shard1.json", "base", "linux/arm64", B);

    assertThat(resolve("linux/arm64", List.of(dir)))
        .containsExactly(java.util.Map.entry("base", "127.0.0.1:5000/ns/base@" + B));
    assertThat(resolve("linux/amd64", List.of(dir)))
        .containsExactly(java.util.Map.entry("base", "127.0.0.1:5000/ns/base@" + A));
  }

  @Test
  void aMissingDependencyDigestNamesServiceDependencyPlatformAndTheFilesRead() throws IOException {
    Path amd = digests("digests-amd64-stage1-shard1.json", "base", "linux/amd64", A);

    assertThatThrownBy(() -> resolve("linux/arm64", List.of(amd)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "mid needs the linux/arm64 image of base (Dockerfile FROM, Dockerfile:1")
        .hasMessageContaining("leaf needs the linux/arm64 image of base")
        .hasMessageContaining(amd.toString());
  }

  @Test
  void theJobsOwnDigestsFileIsNotAnInput() throws IOException {
    digests("digests-own.json", "base", "linux/amd64", A);
    digests("digests-other.json", "lone", "linux/amd64", A);

    assertThatThrownBy(() -> resolve("linux/amd64", List.of(dir)))
        .hasMessageContaining("no digests file read has one (" + dir.resolve("digests-other.json"));
  }

  @Test
  void twoFilesDisagreeingOnADigestIsAProblemInTheLaterOne() throws IOException {
    digests("digests-1.json", "base", "linux/amd64", A);
    Path second = digests("digests-2.json", "base", "linux/amd64", C);

    assertThatThrownBy(() -> resolve("linux/amd64", List.of(dir)))
        .hasMessageContaining(second + ":2: base linux/amd64 is 127.0.0.1:5000/ns/base@" + C);
  }

  @Test
  void severalPlatformsAtOnceAreRefused() {
    assertThatThrownBy(
            () ->
                EarlierImages.resolve(
                    midAndLeaf,
                    graph,
                    repo.byName(),
                    List.of("linux/amd64", "linux/arm64"),
                    List.of(dir),
                    dir.resolve("digests-own.json")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("build one platform per job (--platform)");
  }
}
