package dev.orchestrator.core.publish;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.state.StateFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CI jobs of a large monorepo: the plan's waves grouped into at most {@code stages} stages run
 * one after the other ({@code needs:} on GitHub, which wants a fixed chain), each split into at
 * most {@code shards} jobs per architecture. A job holds whole connected components of its stage's
 * subgraph, so no job needs another job of its own stage; what a job needs from earlier stages it
 * takes by digest from their digests files. Pure.
 */
public final class StagedMatrix {
  private StagedMatrix() {}

  /**
   * @param archJobs the per-architecture jobs ({@link JobMatrix#jobs}) each stage's jobs run as
   * @param servicePlatforms each service's {@code platforms} (empty: every platform); a service is
   *     left out of the jobs of an architecture it does not build for
   * @param stages at most this many stages: the first ones take a wave each, the last the rest
   * @param shards at most this many jobs per stage and architecture, balanced largest component
   *     first
   */
  public static List<Stage> of(
      Plan plan,
      ServiceGraph graph,
      Map<String, List<String>> servicePlatforms,
      List<JobMatrix.Job> archJobs,
      int stages,
      int shards) {
    if (stages < 1 || shards < 1) {
      throw new ConfigurationException(
          "stages and shards must each be at least 1: "
              + stages
              + " stages, "
              + shards
              + " shards");
    }
    List<List<List<String>>> grouped = new ArrayList<>();
    for (int i = 0; i < stages; i++) {
      grouped.add(new ArrayList<>());
    }
    for (int w = 0; w < plan.waves().size(); w++) {
      grouped.get(Math.min(w, stages - 1)).add(plan.waves().get(w));
    }
    List<Stage> out = new ArrayList<>();
    for (int i = 0; i < stages; i++) {
      List<String> members = grouped.get(i).stream().flatMap(List::stream).toList();
      List<List<String>> split = shards(members, graph, shards);
      List<StagedJob> jobs = new ArrayList<>();
      for (JobMatrix.Job arch : archJobs) {
        for (int s = 0; s < split.size(); s++) {
          List<String> services =
              split.get(s).stream()
                  .filter(
                      svc -> {
                        List<String> only = servicePlatforms.getOrDefault(svc, List.of());
                        return only.isEmpty() || only.contains(arch.platform());
                      })
                  .toList();
          if (!services.isEmpty()) {
            jobs.add(staged(arch, i + 1, s + 1, services));
          }
        }
      }
      out.add(new Stage(i + 1, grouped.get(i), jobs));
    }
    return out;
  }

  private static StagedJob staged(JobMatrix.Job arch, int stage, int shard, List<String> services) {
    String suffix = arch.arch() + "-stage" + stage + "-shard" + shard;
    return new StagedJob(
        "stage" + stage + "-shard" + shard + "-" + arch.arch(),
        stage,
        shard,
        services,
        new JobMatrix.Job(
            arch.arch(),
            arch.platform(),
            arch.profile(),
            arch.runner(),
            StateFolder.relativeDigestsFile(suffix),
            "digests-" + suffix));
  }

  /**
   * The stage's members in at most {@code max} groups of whole connected components, each group in
   * plan order: the largest component goes to the least loaded group first.
   */
  static List<List<String>> shards(List<String> members, ServiceGraph graph, int max) {
    Map<String, Integer> order = new HashMap<>();
    members.forEach(m -> order.put(m, order.size()));
    List<Set<String>> components = components(members, graph);
    components.sort(
        Comparator.<Set<String>>comparingInt(Set::size)
            .reversed()
            .thenComparing(c -> c.stream().mapToInt(order::get).min().orElse(0)));
    int n = Math.min(max, components.size());
    List<List<String>> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
    }
    for (Set<String> c : components) {
      List<String> lightest =
          groups.stream().min(Comparator.comparingInt(List::size)).orElseThrow();
      lightest.addAll(c);
    }
    groups.forEach(g -> g.sort(Comparator.comparingInt(order::get)));
    return groups;
  }

  /** Services linked by any edge between two of them, both in the stage. */
  private static List<Set<String>> components(List<String> members, ServiceGraph graph) {
    Set<String> in = Set.copyOf(members);
    Set<String> seen = new java.util.HashSet<>();
    List<Set<String>> components = new ArrayList<>();
    for (String start : members) {
      if (!seen.add(start)) {
        continue;
      }
      Set<String> component = new TreeSet<>();
      List<String> todo = new ArrayList<>(List.of(start));
      while (!todo.isEmpty()) {
        String s = todo.remove(todo.size() - 1);
        component.add(s);
        List<String> next = new ArrayList<>(graph.dependenciesOf(s));
        next.addAll(graph.dependentsOf(s));
        for (String n : next) {
          if (in.contains(n) && seen.add(n)) {
            todo.add(n);
          }
        }
      }
      components.add(component);
    }
    return components;
  }

  /**
   * One stage: its jobs run at once, after every job of the stage before.
   *
   * @param waves the plan's waves it covers (empty when the plan has fewer waves than stages)
   */
  public record Stage(int number, List<List<String>> waves, List<StagedJob> jobs) {
    public Stage {
      waves = waves.stream().map(List::copyOf).toList();
      jobs = List.copyOf(jobs);
    }
  }

  /**
   * One job: the services it builds (in plan order) on one architecture.
   *
   * @param job its architecture, profile, runner, and its own digests file and artifact name
   */
  public record StagedJob(
      String name, int stage, int shard, List<String> services, JobMatrix.Job job) {
    public StagedJob {
      services = List.copyOf(services);
    }
  }
}
