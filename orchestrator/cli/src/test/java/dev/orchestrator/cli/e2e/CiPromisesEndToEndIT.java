package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.process.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CI jobs promise (issue 11), against a real registry and real engines: budgets checked on
 * pushed images, a second round of both architecture jobs that builds nothing yet writes complete
 * digests, the merge's barrier, credentials from the test's own Docker config, and registry sizes
 * equal to the byte to the sizes of the same image unpacked from an engine export.
 *
 * <p>Every {@code docker} the CLI runs goes through a logging shim first on PATH, so "builds
 * nothing" is counted, not inferred.
 */
class CiPromisesEndToEndIT {
  private static final List<String> SERVICES = List.of("base", "leaf", "lone", "mid");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  @TempDir Path work;
  FixtureMonorepo repo;
  LocalRegistry registry;
  Path dockerLog;
  Path shim;
  SecondEngine secondEngine;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void fixture() throws IOException {
    repo = FixtureMonorepo.create(root);
    dockerLog = work.resolve("docker-calls.log");
    shim = DockerShim.create(work.resolve("shim"), dockerLog);
  }

  @AfterEach
  void stopEverything() {
    if (secondEngine != null) {
      secondEngine.close();
    }
    if (registry != null) {
      registry.close();
      Docker.removeImagesOfRegistry(registry.address);
      Docker.removeNamespace(repo.namespace);
    }
  }

  private void profiles(String stagingTag) {
    for (String arch : new String[] {"amd64", "arm64"}) {
      repo.file(
          "buildx-profiles/ci-" + arch + ".yaml",
          """
          platforms: [linux/%s]
          output: push-by-digest
          registry: %s
          namespace: %s
          %s
          cache: {type: registry, mode: max}
          """
              .formatted(arch, registry.address, repo.namespace, stagingTag));
    }
    repo.file(
        "buildx-profiles/ci.yaml",
        """
        platforms: [linux/amd64, linux/arm64]
        output: push
        registry: %s
        namespace: %s
        mergeTags: ["{branch}"]
        """
            .formatted(registry.address, repo.namespace));
  }

  @Test
  void aSecondRoundOfBothArchJobsBuildsNothingWritesCompleteDigestsAndMergesTheSameImages()
      throws Exception {
    registry = LocalRegistry.start(work.resolve("registry"));
    profiles("stagingTag: \"ci-{arch}\"");
    startSecondEngine();

    Job amd = job("amd64", null, Map.of());
    Job arm = job("arm64", secondEngine.host, Map.of());
    amd.assertExit(0);
    arm.assertExit(0);
    ProcessResult merge1 = merge(amd.digests, arm.digests);
    assertThat(merge1.exitCode()).as(text(merge1)).isZero();
    Map<String, String> published1 = publishedDigests();
    int buildsRoundOne = buildxBuilds();
    assertThat(buildsRoundOne).isPositive();

    // verify in the amd64 job: its images are pulled by digest into the job's own engine.
    ProcessResult verified =
        cli(
            Map.of(),
            "verify",
            "--profile",
            "ci-amd64",
            "--digests-file",
            amd.digests.toString(),
            "lone");
    String lone = registry.address + "/" + repo.namespace + "/lone@" + amd.digest("lone");
    assertThat(Files.readAllLines(dockerLog))
        .contains("pull --quiet --platform linux/amd64 " + lone);
    assertThat(text(verified)).contains(lone);

    Files.deleteIfExists(dockerLog);
    Path junit = work.resolve("junit-amd64.xml");
    Path summary = work.resolve("summary-amd64.md");
    Job amd2 =
        job("amd64", null, Map.of(), "--junit", junit.toString(), "--summary", summary.toString());
    Job arm2 = job("arm64", secondEngine.host, Map.of());
    amd2.assertExit(0);
    arm2.assertExit(0);

    assertThat(buildxBuilds()).as("docker buildx build/bake in round two").isZero();
    for (Job j : List.of(amd2, arm2)) {
      for (String service : SERVICES) {
        assertThat(j.status(service)).as(j.arch + " " + service).isEqualTo("up-to-date");
        assertThat(j.platform(service).path("sizeBytes").isNumber())
            .as(j.arch + " " + service + " sized from the registry")
            .isTrue();
      }
    }
    org.w3c.dom.Document xml =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(junit.toFile());
    org.w3c.dom.NodeList cases = xml.getElementsByTagName("testcase");
    List<String> caseNames = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      org.w3c.dom.Element c = (org.w3c.dom.Element) cases.item(i);
      caseNames.add(c.getAttribute("classname") + " " + c.getAttribute("name"));
      assertThat(c.getElementsByTagName("failure").getLength()).isZero();
    }
    assertThat(caseNames)
        .containsExactlyInAnyOrder(
            "base linux/amd64", "mid linux/amd64", "leaf linux/amd64", "lone linux/amd64");
    String md = Files.readString(summary);
    for (String service : SERVICES) {
      assertThat(md).containsPattern("\\| " + service + " \\| linux/amd64 \\| up-to-date \\|");
    }
    assertThat(digestsIn(amd2.digests)).isEqualTo(digestsIn(amd.digests)).hasSize(4);
    assertThat(digestsIn(arm2.digests)).isEqualTo(digestsIn(arm.digests)).hasSize(4);
    ProcessResult merge2 = merge(amd2.digests, arm2.digests);
    assertThat(merge2.exitCode()).as(text(merge2)).isZero();
    assertThat(publishedDigests()).isEqualTo(published1);

    ProcessResult explain = cli(Map.of(), "build", "--profile", "ci-amd64", "--explain", "leaf");
    assertThat(text(explain))
        .contains(registry.address + "/" + repo.namespace + "/leaf:hash-")
        .contains("-amd64")
        .contains("(registry");

    System.out.printf(
        "CI promises: round 1 amd64 %d ms, arm64 %d ms (%d buildx builds); round 2 amd64 %d ms,"
            + " arm64 %d ms, 0 buildx builds, %d/%d services up to date%n",
        amd.millis,
        arm.millis,
        buildsRoundOne,
        amd2.millis,
        arm2.millis,
        SERVICES.size() * 2,
        SERVICES.size() * 2);

    // Registry sizes against the same image unpacked from an engine export, to the byte.
    for (String service : SERVICES) {
      String ref =
          registry.address + "/" + repo.namespace + "/" + service + "@" + amd.digest(service);
      docker("pull", "--quiet", "--platform", "linux/amd64", ref).assertSucceeded();
      long exported = UnpackedExport.uncompressedBytes(work, ref, "linux/amd64");
      assertThat(amd.platform(service).path("sizeBytes").asLong())
          .as(service + " registry size vs export")
          .isEqualTo(exported);
      System.out.printf(
          "size %s linux/amd64: registry %d, export %d%n",
          service, amd.platform(service).path("sizeBytes").asLong(), exported);
    }
  }

  @Test
  void aLoadBuildsSizesEqualTheFullyUnpackedExportToTheByte() throws IOException {
    ProcessResult built = cli(Map.of(), "build", "--profile", "local", "--json");
    assertThat(built.exitCode()).as(text(built)).isZero();
    JsonNode report = json(built);
    for (String service : SERVICES) {
      JsonNode p = service(report, service).path("platforms").get(0);
      String ref = repo.namespace + "/" + service + ":latest";
      long exported = UnpackedExport.uncompressedBytes(work, ref, p.path("platform").asText());
      assertThat(p.path("sizeBytes").asLong()).as(service).isEqualTo(exported);
    }
  }

  @Test
  void aTooSmallBudgetFailsThePushByDigestJobNamingItAndTheMergeRefuses() {
    registry = LocalRegistry.start(work.resolve("registry"));
    profiles("stagingTag: \"ci-{arch}\"");
    repo.file("services/lone/service.yaml", "budget: 10KB\n");

    Job amd = job("amd64", null, Map.of());
    Job arm = job("arm64", null, Map.of());

    amd.assertExit(4);
    assertThat(text(amd.result))
        .containsPattern(
            "lone linux/amd64: uncompressed size [0-9.]+ [kM]B is over its budget of 10.0 kB");
    ProcessResult merge = merge(amd.digests, arm.digests);
    assertThat(merge.exitCode()).isEqualTo(3);
    assertThat(text(merge))
        .contains("report-" + amd.digests.getFileName())
        .contains("lone linux/amd64: over budget")
        .contains("lone linux/arm64: over budget")
        .contains("--allow-partial");
    assertThat(
            docker("buildx", "imagetools", "inspect", tagged("base", "main")).result().exitCode())
        .isNotZero();
  }

  @Test
  void credentialsComeFromTheJobsDockerConfigAndAWrongPasswordIsAClearError() throws IOException {
    registry = LocalRegistry.startWithBasicAuth(work.resolve("registry"), "ci", "right-pw");
    profiles("stagingTag: \"ci-{arch}\"");
    Path config = work.resolve("docker-config");
    Files.createDirectories(config);
    writeAuth(config, "ci", "right-pw");
    Map<String, String> env = Map.of("DOCKER_CONFIG", config.toString());

    Job first = job("amd64", null, env, "lone");
    first.assertExit(0);
    Files.deleteIfExists(dockerLog);
    Job second = job("amd64", null, env, "lone");
    second.assertExit(0);
    assertThat(second.status("lone")).isEqualTo("up-to-date");
    assertThat(buildxBuilds()).isZero();

    writeAuth(config, "ci", "wrong-pw");
    Job wrong = job("amd64", null, env, "lone");

    assertThat(wrong.result.exitCode()).isNotZero();
    assertThat(text(wrong.result))
        .contains("registry " + registry.address + " refused the credentials of user 'ci'")
        .contains(config.resolve("config.json").toString())
        .doesNotContain("wrong-pw");
    assertThat(buildxBuilds()).as("no rebuild on a wrong password").isZero();
  }

  // --- helpers ---

  private void writeAuth(Path config, String user, String password) throws IOException {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        config.resolve("config.json"),
        "{\"auths\":{\"" + registry.address + "\":{\"auth\":\"" + auth + "\"}}}");
  }

  private int buildxBuilds() {
    try {
      if (!Files.exists(dockerLog)) {
        return 0;
      }
      return (int)
          Files.readAllLines(dockerLog).stream()
              .filter(l -> l.startsWith("buildx build") || l.startsWith("buildx bake"))
              .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> publishedDigests() {
    Map<String, String> out = new TreeMap<>();
    for (String service : SERVICES) {
      String raw =
          docker("buildx", "imagetools", "inspect", "--raw", tagged(service, "main"))
              .assertSucceeded()
              .output();
      try {
        for (JsonNode m : JSON.readTree(raw).path("manifests")) {
          JsonNode p = m.path("platform");
          out.put(
              service + " " + p.path("os").asText() + "/" + p.path("architecture").asText(),
              m.path("digest").asText());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static Map<String, String> digestsIn(Path file) {
    try {
      Map<String, String> out = new TreeMap<>();
      JSON.readTree(Files.readString(file))
          .path("services")
          .fields()
          .forEachRemaining(
              e ->
                  e.getValue()
                      .path("digests")
                      .fields()
                      .forEachRemaining(
                          d -> out.put(e.getKey() + " " + d.getKey(), d.getValue().asText())));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Today's reference method, written again here: {@code docker save}, then every layer of the
   * platform's manifest gunzipped and counted.
   */
  private String tagged(String service, String tag) {
    return registry.address + "/" + repo.namespace + "/" + service + ":" + tag;
  }

  private ProcessResult merge(Path... digests) {
    List<String> args = new ArrayList<>(List.of("merge", "--profile", "ci"));
    for (Path d : digests) {
      args.add(d.toString());
    }
    return cli(
        Map.of(
            "GITHUB_SHA",
            "0123456789abcdef0123456789abcdef01234567",
            "GITHUB_REF",
            "refs/heads/main"),
        args.toArray(String[]::new));
  }

  private Job job(String arch, String dockerHost, Map<String, String> extra, String... services) {
    Path digests = work.resolve("digests-" + arch + "-" + System.nanoTime() + ".json");
    Map<String, String> env = new HashMap<>(extra);
    if (dockerHost != null) {
      env.put("DOCKER_HOST", dockerHost);
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "build",
                "--profile",
                "ci-" + arch,
                "--json",
                "--digests-file",
                digests.toString()));
    args.addAll(List.of(services));
    long start = System.nanoTime();
    ProcessResult r = cli(env, args.toArray(String[]::new));
    return new Job(arch, r, digests, (System.nanoTime() - start) / 1_000_000);
  }

  private ProcessResult cli(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("PATH", shim + ":" + System.getenv("PATH"));
    return TestProcesses.cli(root, all, args);
  }

  private void startSecondEngine() {
    secondEngine = SecondEngine.start(work.resolve("engine2"));
  }

  private static String text(ProcessResult r) {
    return String.join("\n", r.output());
  }

  /** The {@code --json} report: the output from its first line that opens an object. */
  static JsonNode json(ProcessResult r) {
    List<String> lines = r.output();
    int start = lines.indexOf("{");
    assertThat(start).as("a JSON report in\n" + String.join("\n", lines)).isNotNegative();
    try {
      return JSON.readTree(String.join("\n", lines.subList(start, lines.size())));
    } catch (IOException e) {
      throw new UncheckedIOException(String.join("\n", lines), e);
    }
  }

  static JsonNode service(JsonNode report, String name) {
    for (JsonNode s : report.path("services")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no " + name + " in " + report);
  }

  private record Job(String arch, ProcessResult result, Path digests, long millis) {
    void assertExit(int code) {
      assertThat(result.exitCode()).as(arch + " job:\n" + text(result)).isEqualTo(code);
      assertThat(digests).exists();
      assertThat(digests.resolveSibling("report-" + digests.getFileName())).exists();
    }

    String status(String service) {
      return service(json(result), service).path("status").asText();
    }

    JsonNode platform(String service) {
      return service(json(result), service).path("platforms").get(0);
    }

    String digest(String service) {
      return platform(service).path("digest").asText();
    }
  }
}
