package dev.orchestrator.core;

import dev.orchestrator.core.config.Profiles;
import dev.orchestrator.core.config.RepositoryConfig;
import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.discovery.ServiceDiscovery;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.state.InsideRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code orchestrator init}: writes down what is otherwise implicit in a repository, the service
 * roots discovery found, and on request the profiles and a Makefile include. It never overwrites a
 * file: one that exists is reported and left, so a second init writes nothing.
 */
final class RepositoryInit {
  static final String MAKEFILE_INCLUDE = "orchestrator.mk";

  private RepositoryInit() {}

  static List<InitFile> run(Path root, boolean profiles, boolean makefile, CommandRunner runner) {
    List<InitFile> files = new ArrayList<>();
    files.add(settings(root, runner));
    if (profiles) {
      for (String name : Profiles.builtInNames()) {
        String relative = RepositoryConfig.DEFAULT_PROFILES_DIR + "/" + name + ".yaml";
        files.add(
            write(
                root,
                relative,
                "# Written by `orchestrator init`: the built-in profile "
                    + name
                    + " as shipped. This file overrides it key by key:\n"
                    + "# keep only the keys you change (see buildx-profiles/README.md).\n"
                    + Profiles.builtInText(name).orElseThrow(),
                "the built-in profile " + name + ", to edit"));
      }
    }
    if (makefile) {
      files.add(
          write(
              root,
              MAKEFILE_INCLUDE,
              makefileInclude(),
              "the container-* targets; add `include " + MAKEFILE_INCLUDE + "` to your Makefile"));
    }
    return files;
  }

  /** {@code orchestrator.yaml} with the roots the services were found under. */
  private static InitFile settings(Path root, CommandRunner runner) {
    Path file = root.resolve(RepositoryConfig.FILE_NAME);
    if (Files.exists(file)) {
      return kept(RepositoryConfig.FILE_NAME);
    }
    Repository found = ServiceDiscovery.discover(root, runner);
    Set<String> roots = new TreeSet<>();
    boolean atTop = false;
    for (Service s : found.services()) {
      Path relative = s.relativeDirectory();
      if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
        atTop = true;
      } else {
        roots.add(relative.getName(0).toString());
      }
    }
    String header =
        "# Written by `orchestrator init` (see the README, \"Discovery\").\n"
            + "# Found "
            + found.services().size()
            + " service(s): "
            + String.join(", ", found.services().stream().map(Service::name).toList())
            + "\n";
    String rest =
        "defaultProfile: "
            + found.config().defaultProfile()
            + "   # built in: local, ci-amd64, ci-arm64, ci, release\n";
    boolean explicit = !roots.isEmpty() && !atTop;
    String content =
        header
            + (explicit
                ? "roots: [" + String.join(", ", roots) + "]   # folders searched for Dockerfiles\n"
                : "# roots: left out, so the whole repository is searched\n")
            + rest;
    InitFile written =
        write(
            root,
            RepositoryConfig.FILE_NAME,
            content,
            explicit ? "roots: " + String.join(", ", roots) : "no roots: the whole repository");
    if (explicit && !sameServices(found, ServiceDiscovery.discover(root, runner))) {
      // Roots would lose a service (one a build definition places elsewhere): say nothing instead.
      overwriteOwn(
          file, header + "# roots: left out, so the whole repository is searched\n" + rest);
      return new InitFile(RepositoryConfig.FILE_NAME, true, "no roots: the whole repository");
    }
    return written;
  }

  private static boolean sameServices(Repository before, Repository after) {
    return before.byName().keySet().equals(after.byName().keySet());
  }

  private static InitFile write(Path root, String relative, String content, String detail) {
    Path file = root.resolve(relative);
    InsideRepository.require(file, root, relative);
    try {
      Files.createDirectories(file.getParent());
      // CREATE_NEW: a file that appeared meanwhile is still never overwritten.
      Files.writeString(
          file,
          content,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return new InitFile(relative, true, detail);
    } catch (FileAlreadyExistsException e) {
      return kept(relative);
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot write " + file + ": " + e.getMessage(), "Check the folder's permissions.");
    }
  }

  /** Rewrites a file this init has just created. */
  private static void overwriteOwn(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot write " + file + ": " + e.getMessage(), "Check the folder's permissions.");
    }
  }

  private static InitFile kept(String relative) {
    return new InitFile(relative, false, "exists: left as it is");
  }

  private static String makefileInclude() {
    return """
        # Written by `orchestrator init`: the container-* targets, driving the orchestrator CLI.
        # Include it from your Makefile with:  include orchestrator.mk
        # Variables (all optional): ORCHESTRATOR_PROFILE, ORCHESTRATOR_PLATFORMS, ORCHESTRATOR_JOBS,
        # ORCHESTRATOR_REGISTRY (pushing profiles), ORCHESTRATOR_ARGS, ARCH, DIGESTS.
        ORCHESTRATOR ?= orchestrator
        ORCHESTRATOR_PROFILE ?= local
        ORCHESTRATOR_PLATFORMS ?=
        ORCHESTRATOR_JOBS ?=
        ORCHESTRATOR_ARGS ?=
        ARCH ?= amd64
        DIGESTS ?= .cache/orchestrator
        ORCHESTRATOR_OPTS = --profile $(ORCHESTRATOR_PROFILE) \\
          $(if $(ORCHESTRATOR_PLATFORMS),--platform $(ORCHESTRATOR_PLATFORMS)) \\
          $(if $(ORCHESTRATOR_JOBS),--jobs $(ORCHESTRATOR_JOBS)) $(ORCHESTRATOR_ARGS)

        .PHONY: container-build container-build-amd64 container-build-arm64 container-plan \\
          container-list container-graph container-verify container-reproducible container-clean \\
          container-push container-merge container-matrix

        container-build:
        \t$(ORCHESTRATOR) build $(ORCHESTRATOR_OPTS)

        container-build-amd64:
        \t$(ORCHESTRATOR) build $(ORCHESTRATOR_OPTS) --platform linux/amd64

        container-build-arm64:
        \t$(ORCHESTRATOR) build $(ORCHESTRATOR_OPTS) --platform linux/arm64

        container-plan:
        \t$(ORCHESTRATOR) build --dry-run $(ORCHESTRATOR_OPTS)

        container-list:
        \t$(ORCHESTRATOR) list

        container-graph:
        \t$(ORCHESTRATOR) graph

        container-verify:
        \t$(ORCHESTRATOR) verify $(ORCHESTRATOR_OPTS)

        container-reproducible:
        \t$(ORCHESTRATOR) verify --reproducible $(ORCHESTRATOR_OPTS)

        container-clean:
        \t$(ORCHESTRATOR) clean --profile $(ORCHESTRATOR_PROFILE)

        # A CI architecture job: push by digest (the registry from ORCHESTRATOR_REGISTRY).
        container-push:
        \t$(ORCHESTRATOR) build --profile ci-$(ARCH) --platform linux/$(ARCH) $(ORCHESTRATOR_ARGS)

        # The CI merge job: the architecture jobs' digests into multi-platform images.
        container-merge:
        \t$(ORCHESTRATOR) merge --profile ci $(DIGESTS) $(ORCHESTRATOR_ARGS)

        container-matrix:
        \t@$(ORCHESTRATOR) matrix --format github
        """;
  }
}
