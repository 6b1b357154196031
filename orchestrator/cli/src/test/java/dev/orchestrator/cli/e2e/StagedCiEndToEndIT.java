package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.process.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged CI matrix (issue 11) for real: {@code matrix --stages 2 --shards 2} gives six jobs,
 * each run as its own CLI process, the amd64 jobs on this engine in one checkout and the arm64 jobs
 * on a second engine in another, each handing its digests file forward as a CI artifact would.
 * Every {@code docker} a job runs goes through a logging shim (one log per job), so "builds only
 * its own services" is counted, not inferred.
 *
 * <pre>
 *   stage 1: [base] [lone]       (one job each, per architecture)
 *   stage 2: [mid leaf]          (base taken by digest from stage 1's digests files)
 * </pre>
 */
class StagedCiEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SERVICES = List.of("base", "leaf", "lone", "mid");

  @TempDir Path amdRoot;
  @TempDir Path work;
  Path armRoot;
  FixtureMonorepo repo;
  LocalRegistry registry;
  Path shim;
  SecondEngine secondEngine;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void fixture() throws IOException {
    repo = FixtureMonorepo.create(amdRoot);
    shim = DockerShim.create(work.resolve("shim"), work.resolve("docker-other.log"));
  }

  @AfterEach
  void stopEverything() {
    if (secondEngine != null) {
      secondEngine.close();
    }
    if (registry != null) {
      registry.close();
      Docker.removeImagesOfRegistry(registry.address);
    }
  }

  @Test
  void sixJobsOnTwoEnginesBuildEachServiceOnceTakeBasesByDigestAndMergeTheSet() throws Exception {
    registry = LocalRegistry.start(work.resolve("registry"));
    profiles();
    armRoot = copyOf(amdRoot, work.resolve("arm-checkout"));
    startSecondEngine();

    ProcessResult matrix =
        cli(amdRoot, Map.of(), "matrix", "--stages", "2", "--shards", "2", "--json");
    assertThat(matrix.exitCode()).as(text(matrix)).isZero();
    List<JobSpec> specs = specs(json(matrix));
    assertThat(specs).hasSize(6);
    assertThat(specs)
        .filteredOn(s -> s.arch.equals("amd64"))
        .extracting(s -> s.stage + " " + s.services)
        .containsExactlyInAnyOrder("1 [base]", "1 [lone]", "2 [mid, leaf]");

    Round one = round(specs, "round1");
    for (Ran job : one.jobs) {
      assertThat(job.reported()).as(job.spec.name).containsExactlyElementsOf(job.spec.services);
      assertThat(job.buildxServices())
          .as(job.spec.name + " buildx builds")
          .isEqualTo(job.spec.services.size());
      assertThat(job.calls())
          .as(job.spec.name + " pulls nothing")
          .noneMatch(l -> l.startsWith("pull"));
      for (String service : job.spec.services) {
        assertThat(job.status(service)).as(job.spec.name + " " + service).isIn("built", "cached");
      }
    }
    for (String arch : List.of("amd64", "arm64")) {
      Ran stage2 = one.job(2, arch);
      String base = one.digest("base", arch);
      String byDigest = "base=docker-image://" + image("base") + "@" + base;
      // mid and leaf both refer to base: both get the stage-1 image by digest, never a tag.
      assertThat(stage2.wiring())
          .containsOnlyKeys("mid", "leaf")
          .allSatisfy(
              (service, wiring) ->
                  assertThat(wiring).contains(byDigest).doesNotContain(image("base") + ":"));
      String platform = "linux/" + arch;
      String leaf = image("leaf") + "@" + one.digest("leaf", arch);
      String uname = arch.equals("amd64") ? "x86_64" : "aarch64";
      assertThat(fileIn(leaf, platform, "/from-mid.txt"))
          .isEqualTo("mid\nbase for " + uname + "\n");
      assertThat(fileIn(leaf, platform, "/fixture-id")).isEqualTo(repo.namespace + "\n");
    }

    // Handed only the amd64 artifacts, the arm64 stage-2 job refuses before building anything.
    Path amdOnly = one.artifacts.resolve("stage1/digests-amd64-stage1-shard1.json");
    ProcessResult missing =
        cli(
            armRoot,
            Map.of("DOCKER_HOST", secondEngine.host),
            "build",
            "--profile",
            "ci-arm64",
            "--dependencies-from",
            amdOnly.toString(),
            "mid",
            "leaf");
    assertThat(missing.exitCode()).as(text(missing)).isEqualTo(3);
    assertThat(text(missing))
        .contains("mid needs the linux/arm64 image of base (Dockerfile FROM, Dockerfile:2")
        .contains("which this job does not build, but no digests file read has one (" + amdOnly)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");

    ProcessResult merge1 = merge(one.artifacts);
    assertThat(merge1.exitCode()).as(text(merge1)).isZero();
    Map<String, String> published1 = publishedDigests();
    assertThat(published1).isEqualTo(one.digests());

    // One leaf changed: only leaf's stage-2 jobs build, once; the merge publishes it with the rest.
    for (Path root : List.of(amdRoot, armRoot)) {
      Files.writeString(
          root.resolve("services/leaf/Dockerfile"),
          Files.readString(root.resolve("services/leaf/Dockerfile")) + "LABEL round=two\n");
    }
    Round two = round(specs, "round2");
    for (Ran job : two.jobs) {
      assertThat(job.reported()).as(job.spec.name).containsExactlyElementsOf(job.spec.services);
      boolean hasLeaf = job.spec.services.contains("leaf");
      assertThat(job.buildxServices())
          .as(job.spec.name + " buildx builds")
          .isEqualTo(hasLeaf ? 1 : 0);
      for (String service : job.spec.services) {
        if (service.equals("leaf")) {
          // Only a label changed: its steps come from the cache, yet it is a new image.
          assertThat(job.status(service)).as(job.spec.name + " leaf").isIn("built", "cached");
        } else {
          assertThat(job.status(service)).as(job.spec.name + " " + service).isEqualTo("up-to-date");
        }
      }
    }
    for (String arch : List.of("amd64", "arm64")) {
      // The summary says why leaf was rebuilt: its new input hash is not in the registry.
      assertThat(Files.readString(two.job(2, arch).summary))
          .containsPattern(
              "\\| leaf \\| linux/"
                  + arch
                  + " \\| (built|cached) \\|.*\\| registry: no "
                  + java.util.regex.Pattern.quote(image("leaf") + ":hash-"));
    }
    ProcessResult merge2 = merge(two.artifacts);
    assertThat(merge2.exitCode()).as(text(merge2)).isZero();
    Map<String, String> published2 = publishedDigests();
    assertThat(published2).isEqualTo(two.digests());
    for (String key : published1.keySet()) {
      if (key.startsWith("leaf ")) {
        assertThat(published2.get(key)).as(key).isNotEqualTo(published1.get(key));
      } else {
        assertThat(published2.get(key)).as(key).isEqualTo(published1.get(key));
      }
    }

    System.out.printf(
        "staged CI: round 1 %s (%d ms in all); round 2, leaf changed, %s (%d ms in all)%n",
        one.times(), one.millis, two.times(), two.millis);
  }

  // --- the jobs ---

  /** One job of the matrix, as its JSON entry gives it. */
  private record JobSpec(
      String name,
      int stage,
      String arch,
      String profile,
      List<String> services,
      String digestsFile) {}

  private static List<JobSpec> specs(JsonNode matrix) {
    List<JobSpec> specs = new ArrayList<>();
    for (JsonNode stage : matrix.path("stages")) {
      for (JsonNode j : stage.path("jobs")) {
        specs.add(
            new JobSpec(
                j.path("name").asText(),
                j.path("stage").asInt(),
                j.path("arch").asText(),
                j.path("profile").asText(),
                List.of(j.path("services").asText().split(" ")),
                j.path("digestsFile").asText()));
      }
    }
    return specs;
  }

  /** A round of every job, stage by stage; a stage's two architectures run at once. */
  private Round round(List<JobSpec> specs, String name) throws Exception {
    Path artifacts = work.resolve(name);
    long start = System.nanoTime();
    List<Ran> ran = new ArrayList<>();
    int stages = specs.stream().mapToInt(JobSpec::stage).max().orElse(0);
    for (int stage = 1; stage <= stages; stage++) {
      Path into = artifacts.resolve("stage" + stage);
      Files.createDirectories(into);
      List<Path> earlier = new ArrayList<>();
      for (int s = 1; s < stage; s++) {
        earlier.add(artifacts.resolve("stage" + s));
      }
      for (JobSpec amd : specs.stream().filter(j -> j.arch.equals("amd64")).toList()) {
        if (amd.stage != stage) {
          continue;
        }
        JobSpec arm =
            specs.stream()
                .filter(
                    j ->
                        j.arch.equals("arm64") && j.name.equals(amd.name.replace("amd64", "arm64")))
                .findFirst()
                .orElseThrow();
        CompletableFuture<Ran> a =
            CompletableFuture.supplyAsync(() -> job(amd, amdRoot, null, into, earlier));
        CompletableFuture<Ran> b =
            CompletableFuture.supplyAsync(
                () -> job(arm, armRoot, secondEngine.host, into, earlier));
        ran.add(a.get());
        ran.add(b.get());
      }
    }
    return new Round(ran, artifacts, (System.nanoTime() - start) / 1_000_000);
  }

  private Ran job(JobSpec spec, Path root, String dockerHost, Path into, List<Path> earlier) {
    Path digests = into.resolve(Path.of(spec.digestsFile).getFileName());
    Path log = work.resolve("docker-" + into.getParent().getFileName() + "-" + spec.name + ".log");
    Map<String, String> env = new HashMap<>();
    env.put("DOCKER_LOG", log.toString());
    if (dockerHost != null) {
      env.put("DOCKER_HOST", dockerHost);
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "build",
                "--profile",
                spec.profile,
                "--json",
                "--digests-file",
                digests.toString()));
    for (Path e : earlier) {
      args.addAll(List.of("--dependencies-from", e.toString()));
    }
    Path summary =
        work.resolve("summary-" + into.getParent().getFileName() + "-" + spec.name + ".md");
    args.addAll(List.of("--summary", summary.toString()));
    args.addAll(spec.services);
    long start = System.nanoTime();
    ProcessResult r = cli(root, env, args.toArray(String[]::new));
    Ran ran = new Ran(spec, r, digests, log, summary, (System.nanoTime() - start) / 1_000_000);
    assertThat(r.exitCode()).as(spec.name + ":\n" + text(r)).isZero();
    // The job report beside the digests file: what the merge's barrier reads.
    assertThat(digests.resolveSibling("report-" + digests.getFileName())).exists();
    return ran;
  }

  private record Ran(
      JobSpec spec, ProcessResult result, Path digests, Path log, Path summary, long millis) {
    List<String> reported() {
      List<String> names = new ArrayList<>();
      json(result).path("services").forEach(s -> names.add(s.path("name").asText()));
      return names;
    }

    String status(String service) {
      for (JsonNode s : json(result).path("services")) {
        if (s.path("name").asText().equals(service)) {
          return s.path("status").asText();
        }
      }
      throw new AssertionError("no " + service + " in " + text(result));
    }

    List<String> calls() {
      try {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Services sent to BuildKit: one per {@code buildx build}, one per bake target. */
    long buildxServices() {
      return calls().stream().filter(l -> l.startsWith("buildx build")).count()
          + bakeTargets().size();
    }

    /**
     * What each service sent to BuildKit was wired to: its {@code buildx build} line, or its bake
     * target's contexts as {@code NAME=SOURCE}.
     */
    Map<String, String> wiring() {
      Map<String, String> wiring = new TreeMap<>();
      calls().stream()
          .filter(l -> l.startsWith("buildx build"))
          .forEach(l -> wiring.put(l.substring(l.lastIndexOf('/') + 1), l));
      bakeTargets()
          .forEach(
              (target, definition) -> {
                StringBuilder contexts = new StringBuilder();
                definition
                    .path("contexts")
                    .fields()
                    .forEachRemaining(
                        c ->
                            contexts
                                .append(c.getKey())
                                .append('=')
                                .append(c.getValue().asText())
                                .append(' '));
                wiring.put(target, contexts.toString());
              });
      return wiring;
    }

    private Map<String, JsonNode> bakeTargets() {
      Map<String, JsonNode> targets = new TreeMap<>();
      for (String line : calls()) {
        if (line.startsWith("bake-definition {")) {
          try {
            new ObjectMapper()
                .readTree(line.substring("bake-definition ".length()))
                .path("target")
                .fields()
                .forEachRemaining(t -> targets.put(t.getKey(), t.getValue()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return targets;
    }
  }

  private record Round(List<Ran> jobs, Path artifacts, long millis) {
    Ran job(int stage, String arch) {
      return jobs.stream()
          .filter(j -> j.spec.stage == stage && j.spec.arch.equals(arch))
          .findFirst()
          .orElseThrow();
    }

    /** Every job's digests: "service platform" to digest. */
    Map<String, String> digests() {
      Map<String, String> all = new TreeMap<>();
      for (Ran j : jobs) {
        try {
          JSON.readTree(Files.readString(j.digests))
              .path("services")
              .fields()
              .forEachRemaining(
                  e ->
                      e.getValue()
                          .path("digests")
                          .fields()
                          .forEachRemaining(
                              d -> all.put(e.getKey() + " " + d.getKey(), d.getValue().asText())));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return all;
    }

    String digest(String service, String arch) {
      return digests().get(service + " linux/" + arch);
    }

    String times() {
      List<String> t = new ArrayList<>();
      jobs.forEach(j -> t.add(j.spec.name + " " + j.millis + " ms"));
      return String.join(", ", t);
    }
  }

  // --- helpers ---

  private void profiles() {
    for (String arch : new String[] {"amd64", "arm64"}) {
      repo.file(
          "buildx-profiles/ci-" + arch + ".yaml",
          """
          platforms: [linux/%s]
          output: push-by-digest
          registry: %s
          namespace: %s
          stagingTag: "ci-{arch}"
          """
              .formatted(arch, registry.address, repo.namespace));
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

  /** A second checkout, as a second CI runner has. */
  private static Path copyOf(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private String image(String service) {
    return registry.address + "/" + repo.namespace + "/" + service;
  }

  /** A file of the image, pulled by digest into this engine: created, never run. */
  private String fileIn(String ref, String platform, String file) throws IOException {
    docker("pull", "--quiet", "--platform", platform, ref).assertSucceeded();
    String container = docker("create", "--platform", platform, ref).assertSucceeded().output();
    try {
      Path out = work.resolve("copied-" + System.nanoTime());
      docker("cp", container + ":" + file, out.toString()).assertSucceeded();
      return Files.readString(out);
    } finally {
      docker("rm", "-f", container);
    }
  }

  private Map<String, String> publishedDigests() {
    Map<String, String> out = new TreeMap<>();
    for (String service : SERVICES) {
      String raw =
          docker("buildx", "imagetools", "inspect", "--raw", image(service) + ":main")
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

  private ProcessResult merge(Path artifacts) {
    return cli(
        amdRoot,
        Map.of(
            "GITHUB_SHA",
            "0123456789abcdef0123456789abcdef01234567",
            "GITHUB_REF",
            "refs/heads/main",
            "DOCKER_LOG",
            work.resolve("docker-merge.log").toString()),
        "merge",
        "--profile",
        "ci",
        artifacts.toString());
  }

  private ProcessResult cli(Path root, Map<String, String> env, String... args) {
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

  private static JsonNode json(ProcessResult r) {
    return CiPromisesEndToEndIT.json(r);
  }
}
