package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acts like CI: a registry on 127.0.0.1, the amd64 job and the arm64 job as two separate CLI
 * processes, each on its own Docker engine (this machine's, and a second dockerd started by {@code
 * orchestrator/scripts/second-engine.sh}), then the merge job. A second round on a pruned engine
 * must take its steps from the registry cache.
 */
class CiEndToEndIT {
  private static final List<String> SERVICES = List.of("base", "mid", "leaf", "lone");
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final Pattern STEPS =
      Pattern.compile("\"cachedSteps\": (\\d+),\\s*\"totalSteps\": (\\d+)");

  @TempDir Path root;
  @TempDir Path work;
  FixtureMonorepo repo;
  LocalRegistry registry;
  SecondEngine secondEngine;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void startRegistryAndSecondEngine() {
    repo = FixtureMonorepo.create(root);
    registry = LocalRegistry.start(work.resolve("registry"));
    secondEngine = SecondEngine.start(work.resolve("engine2"));
    // The built-in ci-amd64, ci-arm64 and ci profiles, with this test's namespace only; the
    // registry comes from ORCHESTRATOR_REGISTRY (the jobs) and --registry (the merge), as in CI.
    for (String profile : List.of("ci-amd64", "ci-arm64", "ci")) {
      repo.file("buildx-profiles/" + profile + ".yaml", "namespace: " + repo.namespace + "\n");
    }
  }

  @AfterEach
  void stopEverything() {
    secondEngine.close();
    registry.close();
    Docker.removeImagesOfRegistry(registry.address);
  }

  @Test
  void archJobsOnTwoEnginesMergeIntoMultiPlatformImagesThenReuseTheRegistryCache() {
    CompletableFuture<Job> armJob =
        CompletableFuture.supplyAsync(() -> job("arm64", secondEngine.host));
    Job amd = job("amd64", null);
    Job arm = armJob.join();
    amd.assertSucceeded();
    arm.assertSucceeded();

    ProcessResult merge =
        cli(
            Map.of("GITHUB_SHA", SHA, "GITHUB_REF", "refs/heads/main"),
            "merge",
            "--profile",
            "ci",
            "--registry",
            registry.address,
            amd.digests.toString(),
            arm.digests.toString());

    assertThat(merge.exitCode()).as(String.join("\n", merge.output())).isZero();
    for (String service : SERVICES) {
      String raw =
          docker("buildx", "imagetools", "inspect", "--raw", tagged(service, "main"))
              .assertSucceeded()
              .output();
      assertThat(platformsIn(raw))
          .as(service)
          .containsExactlyInAnyOrder("linux/amd64", "linux/arm64");
      assertThat(raw).contains("\"org.opencontainers.image.revision\": \"" + SHA + "\"");
      docker("buildx", "imagetools", "inspect", tagged(service, "sha-0123456")).assertSucceeded();
    }
    String leaf = tagged("leaf", "sha-0123456");
    docker("pull", "--quiet", "--platform", "linux/arm64", leaf).assertSucceeded();
    assertThat(docker("run", "--rm", "--platform", "linux/arm64", leaf).assertSucceeded().output())
        .isEqualTo("aarch64");
    assertThat(
            docker(
                    "run",
                    "--rm",
                    "--platform",
                    "linux/arm64",
                    "--entrypoint",
                    "/bin/cat",
                    leaf,
                    "/from-mid.txt")
                .assertSucceeded()
                .output())
        .isEqualTo("mid\nbase for aarch64");

    // Round two: a fresh engine state for each architecture, so only the registry cache can hit.
    List<Job> second = new ArrayList<>();
    for (String arch : new String[] {"arm64", "amd64"}) {
      pruneSecondEngine();
      // --force: the registry holds every image's hash tag now, so without it nothing would
      // build at all (CiPromisesEndToEndIT checks that); here the registry cache is the subject.
      Job again = job(arch, secondEngine.host, "--force");
      again.assertSucceeded();
      second.add(again);
      // Nothing is left on the pruned engine: every cached step came from the registry.
      assertThat(again.total()[0]).as(arch + " steps from the registry cache").isPositive();
      for (String service : SERVICES) {
        int[] steps = again.steps(service);
        System.out.printf("round 2 %s %s: %d/%d cached%n", arch, service, steps[0], steps[1]);
      }
    }
    int cached = second.stream().mapToInt(j -> j.total()[0]).sum();
    int total = second.stream().mapToInt(j -> j.total()[1]).sum();
    System.out.printf(
        "CI round 1: amd64 job %d ms (first engine), arm64 job %d ms (second engine,"
            + " started alongside, waiting for the checkout's build lock); merge %d ms%n",
        amd.millis, arm.millis, merge.duration().toMillis());
    System.out.printf(
        "CI round 2 (pruned engine): arm64 job %d ms, amd64 job %d ms; cache hits"
            + " %d/%d steps (%.0f%%)%n",
        second.get(0).millis, second.get(1).millis, cached, total, 100.0 * cached / total);
  }

  @Test
  void mergeRefusesNamingTheMissingPlatformAndPushesNothing() {
    Job amd = job("amd64", null);
    amd.assertSucceeded();

    ProcessResult merge =
        cli(
            Map.of("GITHUB_SHA", SHA, "GITHUB_REF", "refs/heads/main"),
            "merge",
            "--profile",
            "ci",
            "--registry",
            registry.address,
            amd.digests.toString());

    assertThat(merge.exitCode()).isEqualTo(3);
    assertThat(String.join("\n", merge.output()))
        .contains("base: no linux/arm64 digest in " + amd.digests)
        .contains("--allow-partial");
    assertThat(
            docker("buildx", "imagetools", "inspect", tagged("base", "main")).result().exitCode())
        .isNotZero();
  }

  private String tagged(String service, String tag) {
    return registry.address + "/" + repo.namespace + "/" + service + ":" + tag;
  }

  private static List<String> platformsIn(String rawIndex) {
    List<String> platforms = new ArrayList<>();
    Matcher m =
        Pattern.compile("\"architecture\": \"([^\"]+)\",\\s*\"os\": \"([^\"]+)\"")
            .matcher(rawIndex);
    while (m.find()) {
      platforms.add(m.group(2) + "/" + m.group(1));
    }
    return platforms;
  }

  /**
   * One architecture job, as its own process, on the engine at {@code dockerHost} (null: this one).
   */
  private Job job(String arch, String dockerHost, String... extra) {
    Path digests = work.resolve("digests-" + arch + "-" + System.nanoTime() + ".json");
    Map<String, String> env = new HashMap<>();
    env.put("ORCHESTRATOR_REGISTRY", registry.address);
    if (dockerHost != null) {
      env.put("DOCKER_HOST", dockerHost);
    }
    long start = System.nanoTime();
    List<String> args =
        new ArrayList<>(
            List.of(
                "build",
                "--profile",
                "ci-" + arch,
                "--json",
                // Round one starts both jobs at once in this one checkout; they share its state
                // folder, so the second waits for the first (separate CI runners do not).
                "--wait",
                "--digests-file",
                digests.toString()));
    args.addAll(List.of(extra));
    ProcessResult r = cli(env, args.toArray(String[]::new));
    return new Job(arch, r, digests, (System.nanoTime() - start) / 1_000_000);
  }

  private void pruneSecondEngine() {
    // Only the engine this test started is ever pruned; never the shared one.
    Map<String, String> env = Map.of("DOCKER_HOST", secondEngine.host);
    TestProcesses.run(List.of("docker", "buildx", "prune", "-af"), null, env);
    String images =
        String.join(
                "\n",
                TestProcesses.run(List.of("docker", "image", "ls", "-aq"), null, env).output())
            .strip();
    if (!images.isEmpty()) {
      List<String> rm = new ArrayList<>(List.of("docker", "image", "rm", "-f"));
      rm.addAll(List.of(images.split("\\s+")));
      TestProcesses.run(rm, null, env);
    }
  }

  private ProcessResult cli(Map<String, String> env, String... args) {
    return TestProcesses.cli(root, env, args);
  }

  private record Job(String arch, ProcessResult result, Path digests, long millis) {
    void assertSucceeded() {
      assertThat(result.exitCode())
          .as(arch + " job:\n" + String.join("\n", result.output()))
          .isZero();
      assertThat(digests).exists();
    }

    /** cached and total steps of one service, from the job's --json report. */
    int[] steps(String service) {
      String out = String.join("\n", result.output());
      Matcher m =
          Pattern.compile(
                  "\"name\": \""
                      + service
                      + "\",.*?\"cachedSteps\": (\\d+),"
                      + "\\s*\"totalSteps\": (\\d+)",
                  Pattern.DOTALL)
              .matcher(out);
      assertThat(m.find()).as(service + " in\n" + out).isTrue();
      return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    int[] total() {
      Matcher m = STEPS.matcher(String.join("\n", result.output()));
      int[] sum = new int[2];
      while (m.find()) {
        sum[0] += Integer.parseInt(m.group(1));
        sum[1] += Integer.parseInt(m.group(2));
      }
      return sum;
    }
  }
}
