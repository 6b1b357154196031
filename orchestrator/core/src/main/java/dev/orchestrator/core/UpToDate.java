package dev.orchestrator.core;

import dev.orchestrator.core.build.BuildSettings;
import dev.orchestrator.core.build.Incremental;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.git.ChangedFiles;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.hash.Affected;
import dev.orchestrator.core.hash.BuildIndex;
import dev.orchestrator.core.hash.FileHashCache;
import dev.orchestrator.core.hash.InputHasher;
import dev.orchestrator.core.hash.InputHashes;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.registry.RegistryClient;
import dev.orchestrator.core.state.StateFolder;
import dev.orchestrator.core.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wires input hashing, the build index and change detection for {@link Orchestrator}. */
final class UpToDate {
  private UpToDate() {}

  /** Everything a build needs to skip up-to-date images; starts hashing the planned services. */
  static Incremental open(Workspace workspace, Plan plan, boolean force, RegistryClient registry) {
    StateFolder state = new StateFolder(workspace.root());
    InputHasher hasher =
        new InputHasher(
            workspace.root(),
            FileHashCache.load(state.fileHashes()),
            workspace::extraInputs,
            workspace::isMavenModule);
    Map<String, Service> services = workspace.repository().byName();
    InputHashes hashes = new InputHashes(hasher, workspace.graph(), services);
    // A preparation step writes its service's context, so such a service, and everything whose
    // hash includes its hash, is hashed only after that step ran. Maven writes only target/, which
    // a Maven module's hash leaves out: it is hashed at once, so Maven can be skipped.
    hashes.precompute(
        plan.services().stream()
            .filter(
                s ->
                    workspace.graph().withDependencies(List.of(s)).stream()
                        .map(services::get)
                        .noneMatch(d -> d.descriptor().prepare().isPresent()))
            .toList());
    return new Incremental(hashes, BuildIndex.load(state.buildIndex()), registry, force);
  }

  static BuildSettings withIncremental(BuildSettings settings, Incremental incremental) {
    return new BuildSettings(
        settings.root(),
        settings.profile(),
        settings.platforms(),
        settings.jobs(),
        settings.failFast(),
        Optional.of(incremental));
  }

  static List<Affected.Entry> affected(Workspace workspace, String ref, CommandRunner runner) {
    return Affected.of(
        workspace.root(),
        workspace.repository().services(),
        workspace.graph(),
        ChangedFiles.since(runner, workspace.root(), ref),
        workspace::extraInputs);
  }

  /**
   * The plan of a request: the services asked for, or with {@code --changed-since} those of them
   * (all when none were named) that the changes affect; with their dependencies, unless they come
   * from earlier jobs ({@link BuildRequest#dependenciesFrom()}).
   */
  static Plan plan(Workspace workspace, BuildRequest request, CommandRunner runner) {
    Plan plan = withDependencies(workspace, request, runner);
    // A staged CI job builds its own services only: earlier jobs built the others.
    return request.dependenciesFrom().isEmpty()
        ? plan
        : Planner.only(
            workspace.graph(),
            plan.services().stream()
                .filter(s -> request.services().isEmpty() || request.services().contains(s))
                .toList());
  }

  private static Plan withDependencies(
      Workspace workspace, BuildRequest request, CommandRunner runner) {
    Plan asked = Planner.plan(workspace.graph(), request.services());
    if (request.changedSince().isEmpty()) {
      return asked;
    }
    List<String> affected =
        affected(workspace, request.changedSince().get(), runner).stream()
            .map(Affected.Entry::service)
            .filter(s -> request.services().isEmpty() || request.services().contains(s))
            .toList();
    return affected.isEmpty()
        ? new Plan(List.of(), Map.of())
        : Planner.plan(workspace.graph(), affected);
  }
}
