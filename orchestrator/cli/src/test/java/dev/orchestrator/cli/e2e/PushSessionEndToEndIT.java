package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push-by-digest CI job ({@code ci-amd64}) in BuildKit sessions, against a local registry: bases
 * reach dependents in-solve, each target's digest comes from bake's metadata file, and every pushed
 * image gets its hash tag.
 */
class PushSessionEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  @TempDir Path work;
  FixtureMonorepo repo;
  LocalRegistry registry;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void createRepoAndRegistry() {
    repo = FixtureMonorepo.create(root);
    registry = LocalRegistry.start(work.resolve("registry"));
    repo.file("buildx-profiles/ci-amd64.yaml", "namespace: " + repo.namespace + "\n");
  }

  @AfterEach
  void removeImagesAndRegistry() {
    registry.close();
    Docker.removeImagesOfRegistry(registry.address);
  }

  private Cli job(Path digests) {
    return Cli.in(
        root,
        "build",
        "--profile",
        "ci-amd64",
        "--registry",
        registry.address,
        "--json",
        "--digests-file",
        digests.toString());
  }

  private List<String> sessions() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(".cache/orchestrator/bake"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".metadata.json"))
          .sorted()
          .toList();
    }
  }

  private String definition(int batch) throws IOException {
    return Files.readString(root.resolve(".cache/orchestrator/bake/batch-" + batch + ".json"));
  }

  private String repository(String service) {
    return registry.address + "/" + repo.namespace + "/" + service;
  }

  private static JsonNode digests(Path file) throws IOException {
    return JSON.readTree(file.toFile()).path("services");
  }

  private static String digest(JsonNode digests, String service) {
    return digests.path(service).path("digests").path("linux/amd64").asText();
  }

  private List<String> tags(String service) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://"
                                + registry.address
                                + "/v2/"
                                + repo.namespace
                                + "/"
                                + service
                                + "/tags/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> tags = new java.util.ArrayList<>();
    JSON.readTree(r.body()).path("tags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  private String catByDigest(String service, String digest, String file) {
    String ref = repository(service) + "@" + digest;
    docker("pull", "--quiet", "--platform", "linux/amd64", ref).assertSucceeded();
    return docker("run", "--rm", "--platform", "linux/amd64", "--entrypoint", "/bin/cat", ref, file)
        .output();
  }

  @Test
  void aChainOfInRepoBasesIsPushedFromOneSessionAndTheDependentHoldsTheFreshBase()
      throws Exception {
    Path first = work.resolve("digests-1.json");
    Cli one = job(first);

    assertThat(one.exitCode()).as(one.toString()).isZero();
    assertThat(sessions()).containsExactly("batch-1.json");
    assertThat(definition(1))
        .contains("\"base\" : \"target:base\"", "\"mid\" : \"target:mid\"")
        .contains("name=" + repository("leaf") + ":ci-amd64,oci-mediatypes=true,push=true");
    JsonNode pushed = digests(first);
    for (String service : List.of("base", "mid", "leaf", "lone")) {
      String digest = digest(pushed, service);
      assertThat(digest).as(service).matches("sha256:[0-9a-f]{64}");
      // The registry hash tag written after the push, so the next job of this arch finds it.
      assertThat(tags(service)).as(service).anyMatch(t -> t.matches("hash-[0-9a-f]{12}-amd64"));
    }

    // A changed base: base, mid and leaf are pushed again from one session, lone is up to date,
    // and the leaf pushed (by the digest the job recorded) holds the new base content.
    repo.file(
        "services/base/Dockerfile",
        Files.readString(root.resolve("services/base/Dockerfile"))
            + "RUN echo fresh-base >> /base.txt\n");
    Path second = work.resolve("digests-2.json");
    Cli two = job(second);

    assertThat(two.exitCode()).as(two.toString()).isZero();
    assertThat(two.out())
        .containsPattern("\"name\": \"lone\",[^}]*\"status\": \"up-to-date\"")
        .containsPattern("\"name\": \"leaf\",[^}]*\"status\": \"built\"");
    assertThat(sessions()).containsExactly("batch-1.json");
    assertThat(definition(1)).contains("\"targets\" : [ \"base\", \"mid\", \"leaf\" ]");
    JsonNode again = digests(second);
    assertThat(digest(again, "lone")).isEqualTo(digest(pushed, "lone"));
    assertThat(digest(again, "leaf")).isNotEqualTo(digest(pushed, "leaf"));
    assertThat(catByDigest("leaf", digest(again, "leaf"), "/from-mid.txt"))
        .isEqualTo("mid\nbase for x86_64\nfresh-base");
  }

  @Test
  void aFailingMemberOfAPushSessionFailsAloneAndTheOthersArePushedWithTheirDigests()
      throws Exception {
    repo.file("services/broken/Dockerfile", "FROM base\nRUN echo about to fail && exit 3\n");
    repo.file("services/child/Dockerfile", "FROM broken\n");
    repo.file("services/sibling/Dockerfile", "FROM base\nRUN sleep 2 && echo sibling > /s\n");
    Path file = work.resolve("digests.json");

    Cli build = job(file);

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
    assertThat(build.out())
        .containsPattern("\"name\": \"broken\",[^}]*\"status\": \"failed\"")
        .containsPattern("\"name\": \"child\",[^}]*\"status\": \"skipped\"")
        .contains("docker buildx bake exited with 1: process \\\"/bin/sh -c echo about to fail");
    JsonNode pushed = digests(file);
    for (String service : List.of("base", "mid", "leaf", "lone", "sibling")) {
      assertThat(digest(pushed, service)).as(service + "\n" + build).matches("sha256:[0-9a-f]{64}");
      assertThat(tags(service)).as(service).anyMatch(t -> t.matches("hash-[0-9a-f]{12}-amd64"));
    }
    assertThat(pushed.has("broken")).isFalse();
    assertThat(pushed.has("child")).isFalse();
    assertThat(catByDigest("sibling", digest(pushed, "sibling"), "/s")).isEqualTo("sibling");
    // The first session held every service; the retries are smaller.
    assertThat(sessions().size()).isGreaterThan(1);
    assertThat(definition(1)).contains("\"broken\"", "\"child\"", "\"sibling\"", "\"lone\"");
  }
}
