package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs commands the tests use to look at what a build produced (docker run, inspect, rmi). */
final class Docker {
  private Docker() {}

  record Ran(ProcessResult result) {
    Ran assertSucceeded() {
      assertThat(result.exitCode())
          .as("%s%n%s", result.command(), String.join("\n", result.output()))
          .isZero();
      return this;
    }

    String output() {
      return String.join("\n", result.output()).trim();
    }
  }

  static Ran run(List<String> command) {
    return new Ran(TestProcesses.run(command, null, Map.of()));
  }

  static Ran docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return run(command);
  }

  /** End-to-end tests fail, never skip, without an engine; `make test` provisions one first. */
  static void requireEngine() {
    if (docker("info").result().exitCode() != 0) {
      org.assertj.core.api.Assertions.fail(
          "no Docker engine answers: run `make engine` (the README's `make test` does)");
    }
  }

  static void removeNamespace(String namespace) {
    String images = docker("image", "ls", "--format", "{{.Repository}}:{{.Tag}}").output();
    for (String image : images.split("\n")) {
      if (image.startsWith(namespace + "/")) {
        docker("image", "rm", "-f", image);
      }
    }
  }

  /** Every image the engine holds of one registry, by tag and by digest (pulled by digest). */
  static void removeImagesOfRegistry(String address) {
    String prefix = address + "/";
    for (String format : List.of("{{.Repository}}:{{.Tag}}", "{{.Repository}}@{{.Digest}}")) {
      String images = docker("image", "ls", "--digests", "--format", format).output();
      for (String image : images.split("\n")) {
        if (image.startsWith(prefix)) {
          docker("image", "rm", "-f", image);
        }
      }
    }
  }
}
