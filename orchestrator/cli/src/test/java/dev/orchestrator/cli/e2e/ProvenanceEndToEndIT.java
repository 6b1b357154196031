package dev.orchestrator.cli.e2e;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provenance by profile against a local registry: the release profile's pushed index carries an
 * attestation manifest per platform while sizes and budgets come from the platform manifests; CI
 * jobs with provenance record the platform manifests, and {@code merge} publishes exactly the two
 * platforms. A {@code FROM scratch} image without RUN steps, so arm64 needs no emulation.
 */
class ProvenanceEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";

  @TempDir Path root;
  @TempDir Path work;
  final String namespace = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
  LocalRegistry registry;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void createRepoAndRegistry() throws IOException {
    registry = LocalRegistry.start(work.resolve("registry"));
    // Unique content, so that the first build is cold whatever the engine built before.
    write("services/app/hello.txt", "hello from " + namespace + "\n");
    write("services/app/Dockerfile", "FROM scratch\nCOPY hello.txt /hello.txt\n");
    write("services/app/service.yaml", "budget: 1MB\n");
    // The built-in profiles, in this test's namespace; everything else is theirs.
    for (String profile : List.of("release", "ci-amd64", "ci-arm64")) {
      write("buildx-profiles/" + profile + ".yaml", "namespace: " + namespace + "\n");
    }
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
    Docker.removeImagesOfRegistry(registry.address);
  }

  @Test
  void theReleaseIndexHasAnAttestationPerPlatformAndSizesComeFromThePlatformManifests()
      throws Exception {
    Cli dry =
        Cli.in(root, "build", "--profile", "release", "--registry", registry.address, "--dry-run");
    assertThat(dry.out())
        .as(dry.toString())
        .contains("\"attest\" : [ \"type=provenance,mode=max\" ]");

    Cli build =
        Cli.in(root, "build", "--profile", "release", "--registry", registry.address, "--json");

    assertThat(build.exitCode())
        .as(build + "\nthe registry's log:\n" + registry.logTail())
        .isZero();
    JsonNode index = manifest("latest");
    assertThat(platforms(index)).containsExactly("linux/amd64", "linux/arm64");
    List<JsonNode> attestations = attestations(index);
    assertThat(attestations).hasSize(2);
    Map<String, String> platformDigests = platformDigests(index);
    assertThat(attestations)
        .extracting(a -> a.path("annotations").path("vnd.docker.reference.digest").asText())
        .containsExactlyInAnyOrderElementsOf(platformDigests.values());
    JsonNode app = JSON.readTree(build.out()).path("services").get(0);
    assertThat(app.path("platforms")).hasSize(2);
    for (JsonNode p : app.path("platforms")) {
      String platform = p.path("platform").asText();
      long layers = 0;
      for (JsonNode layer : manifest(platformDigests.get(platform)).path("layers")) {
        layers += layer.path("size").asLong();
      }
      assertThat(p.path("compressedSizeBytes").asLong()).as(platform).isEqualTo(layers);
      assertThat(p.path("sizeBytes").asLong()).as(platform).isPositive();
      assertThat(p.path("budgetBytes").asLong()).as(platform).isEqualTo(1_000_000L);
      assertThat(p.path("overBudget").asBoolean()).as(platform).isFalse();
    }
    Cli explain =
        Cli.in(
            root,
            "build",
            "--profile",
            "release",
            "--registry",
            registry.address,
            "--explain",
            "app");
    assertThat(explain.out())
        .as(explain.toString())
        .contains(
            "  attestations (the profile's provenance and sbom):\n"
                + "    --provenance=mode=max: an attestation manifest (platform unknown/unknown)"
                + " beside each platform's; digests, sizes, budgets and merge read only the"
                + " platform manifests\n");
  }

  @Test
  void ciJobsWithProvenanceRecordThePlatformManifestsAndMergePublishesExactlyTwoPlatforms()
      throws Exception {
    Map<String, String> recorded = new TreeMap<>();
    List<String> digestsFiles = new ArrayList<>();
    for (String arch : List.of("amd64", "arm64")) {
      write(
          "buildx-profiles/ci-" + arch + ".yaml",
          "namespace: " + namespace + "\nprovenance: max\n");
      Path digests = work.resolve("digests-" + arch + ".json");
      Cli job = job(arch, digests);
      assertThat(job.exitCode()).as(job.toString()).isZero();
      String digest = recordedDigest(digests, "linux/" + arch);
      // The staging tag holds the index buildx pushed: the platform manifest and its attestation.
      JsonNode staged = manifest("ci-" + arch);
      assertThat(staged.path("manifests")).hasSize(2);
      assertThat(attestations(staged)).hasSize(1);
      assertThat(platformDigests(staged)).containsExactly(Map.entry("linux/" + arch, digest));
      recorded.put("linux/" + arch, digest);
      digestsFiles.add(digests.toString());
    }
    // Up to date: found by its hash tag, the same platform manifest recorded.
    Path again = work.resolve("digests-amd64-again.json");
    Cli second = job("amd64", again);
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).contains("\"status\": \"up-to-date\"");
    assertThat(recordedDigest(again, "linux/amd64")).isEqualTo(recorded.get("linux/amd64"));

    write("buildx-profiles/ci.yaml", "namespace: " + namespace + "\nmergeTags: [merged]\n");
    List<String> merge =
        new ArrayList<>(List.of("merge", "--profile", "ci", "--registry", registry.address));
    merge.addAll(digestsFiles);
    merge.addAll(List.of("--root", root.toString()));
    Cli merged = Cli.run(merge);

    assertThat(merged.exitCode()).as(merged.toString()).isZero();
    JsonNode published = manifest("merged");
    assertThat(published.path("manifests")).hasSize(2);
    assertThat(attestations(published)).isEmpty();
    assertThat(platformDigests(published)).isEqualTo(recorded);
  }

  @Test
  void anSbomBuildFailsNamingTheScannerImageItCannotPull() throws IOException {
    write(
        "buildx-profiles/sbom.yaml",
        "platforms: [linux/amd64]\noutput: load\nnamespace: "
            + namespace
            + "\ncache: {type: none}\nsbom: true\n");

    Cli build = Cli.in(root, "build", "--profile", "sbom");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
    assertThat(build.out())
        .contains(
            "FAILED app: docker buildx bake exited with 1: sbom: true needs BuildKit's SBOM"
                + " scanner image docker.io/docker/buildkit-syft-scanner, which the builder could"
                + " not get (ERROR: failed to solve: failed to resolve source metadata for"
                + " docker.io/docker/buildkit-syft-scanner");
  }

  private Cli job(String arch, Path digests) {
    return Cli.in(
        root,
        "build",
        "--profile",
        "ci-" + arch,
        "--registry",
        registry.address,
        "--json",
        "--digests-file",
        digests.toString());
  }

  private static String recordedDigest(Path digests, String platform) throws IOException {
    return JSON.readTree(digests.toFile())
        .path("services")
        .path("app")
        .path("digests")
        .path(platform)
        .asText();
  }

  /** The manifest or index under a tag or digest, read from the registry's API. */
  private JsonNode manifest(String reference) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://"
                                + registry.address
                                + "/v2/"
                                + namespace
                                + "/app/manifests/"
                                + reference))
                    .header("Accept", INDEX + ", application/vnd.oci.image.manifest.v1+json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(reference + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static boolean isAttestation(JsonNode entry) {
    return entry
        .path("annotations")
        .path("vnd.docker.reference.type")
        .asText()
        .equals("attestation-manifest");
  }

  private static List<JsonNode> attestations(JsonNode index) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : index.path("manifests")) {
      if (isAttestation(m)) {
        assertThat(m.path("platform").path("os").asText()).isEqualTo("unknown");
        out.add(m);
      }
    }
    return out;
  }

  private static Map<String, String> platformDigests(JsonNode index) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode m : index.path("manifests")) {
      if (!isAttestation(m)) {
        JsonNode p = m.path("platform");
        out.put(
            p.path("os").asText() + "/" + p.path("architecture").asText(),
            m.path("digest").asText());
      }
    }
    return out;
  }

  private static List<String> platforms(JsonNode index) {
    return List.copyOf(platformDigests(index).keySet());
  }

  private void write(String relative, String content) throws IOException {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }
}
