package dev.orchestrator.core.config;

import dev.orchestrator.core.size.Budget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional {@code service.yaml} beside a Dockerfile. Every field is optional; paths are
 * relative to the service folder and already checked not to escape the repository.
 *
 * @param base {@code base: true}: an image only built FROM, which verify does not run
 * @param settle {@code settle: 5s}: how long verify lets a container without HEALTHCHECK run before
 *     it counts as started (see {@link #DEFAULT_SETTLE})
 * @param labels {@code labels: {org.opencontainers.image.version: 1.4}}: image labels; the
 *     orchestrator's own (title, revision, ...) are not added for a key set here
 * @param lintIgnore {@code lint: {ignore: [no-healthcheck]}}: the lint rules not applied to it
 * @param file the descriptor file itself, for error messages (null when there is none)
 * @param lines the 1-based line of each top-level key and of each secret ({@link Secret#lineKey}),
 *     so later checks (an unknown dependsOn, an unset secret) can point at it
 */
public record ServiceDescriptor(
    Path file,
    Optional<String> name,
    Optional<String> dockerfile,
    Optional<String> context,
    Optional<String> target,
    Map<String, String> args,
    List<String> platforms,
    List<String> dependsOn,
    Optional<Budget> budget,
    Optional<Budget> compressedBudget,
    List<String> tags,
    Optional<PrepareStep> prepare,
    List<Integer> ports,
    Optional<HealthCheck> health,
    List<Secret> secrets,
    boolean base,
    Optional<Duration> settle,
    Map<String, String> labels,
    List<String> lintIgnore,
    Map<String, Integer> lines) {

  public ServiceDescriptor {
    args = Map.copyOf(args);
    labels = Map.copyOf(labels);
    platforms = List.copyOf(platforms);
    dependsOn = List.copyOf(dependsOn);
    tags = List.copyOf(tags);
    ports = List.copyOf(ports);
    secrets = List.copyOf(secrets);
    lintIgnore = List.copyOf(lintIgnore);
    lines = Map.copyOf(lines);
  }

  /** Where the line of an id in {@code lint.ignore} is kept in {@link #lineOf}. */
  public static String lintIgnoreLineKey(String id) {
    return "lint.ignore." + id;
  }

  /** How long a container without HEALTHCHECK must keep running, where {@code settle} is unset. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(3);

  /** The descriptor of a service without {@code service.yaml}. */
  public static ServiceDescriptor none() {
    return builder().build();
  }

  /**
   * A descriptor with what an absent key gives: no file, nothing overridden, no arguments, budgets,
   * tags, preparation, ports, health check or secrets. The reader and the tests set only what
   * differs.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this descriptor, to change some of it. */
  public Builder toBuilder() {
    return builder()
        .file(file)
        .name(name)
        .dockerfile(dockerfile)
        .context(context)
        .target(target)
        .args(args)
        .platforms(platforms)
        .dependsOn(dependsOn)
        .budget(budget)
        .compressedBudget(compressedBudget)
        .tags(tags)
        .prepare(prepare)
        .ports(ports)
        .health(health)
        .secrets(secrets)
        .base(base)
        .settle(settle)
        .labels(labels)
        .lintIgnore(lintIgnore)
        .lines(lines);
  }

  public int lineOf(String key) {
    return lines.getOrDefault(key, 0);
  }

  /**
   * A host-side command run from the service folder before its image build (as an argument list,
   * never through a shell). It is skipped when the files matching {@code inputs} have not changed
   * since its last successful run.
   */
  public record PrepareStep(List<String> command, List<String> inputs) {
    public PrepareStep {
      command = List.copyOf(command);
      inputs = List.copyOf(inputs);
    }
  }

  /** How verify checks the running container: the HTTP path on the first port, and patience. */
  public record HealthCheck(String path, Duration startTimeout) {
    /**
     * The path and patience verify uses where {@code health} leaves a key out, and for a service
     * without {@code health}: {@code /health}, within 60 seconds.
     */
    public static final HealthCheck DEFAULT = new HealthCheck("/health", Duration.ofSeconds(60));
  }

  /**
   * A BuildKit secret the build may mount ({@code RUN --mount=type=secret,id=...}): its value comes
   * from an environment variable or a file on the host, and never enters an image layer, the build
   * cache or any output of the orchestrator.
   *
   * @param source the environment variable name ({@code env}) or the file path ({@code src})
   * @param optional {@code optional: true}: an unset variable or a missing file is not an error,
   *     the secret is then not passed
   */
  public record Secret(String id, Kind kind, String source, boolean optional) {
    public Secret(String id, Kind kind, String source) {
      this(id, kind, source, false);
    }

    /** Where a secret's line is kept in {@link ServiceDescriptor#lineOf}. */
    public static String lineKey(String id) {
      return "secrets." + id;
    }

    public enum Kind {
      ENV,
      FILE
    }
  }

  /** Sets what differs from a service without {@code service.yaml}; see {@link #builder}. */
  public static final class Builder {
    private Path file;
    private Optional<String> name = Optional.empty();
    private Optional<String> dockerfile = Optional.empty();
    private Optional<String> context = Optional.empty();
    private Optional<String> target = Optional.empty();
    private Map<String, String> args = Map.of();
    private Map<String, String> labels = Map.of();
    private List<String> platforms = List.of();
    private List<String> dependsOn = List.of();
    private Optional<Budget> budget = Optional.empty();
    private Optional<Budget> compressedBudget = Optional.empty();
    private List<String> tags = List.of();
    private Optional<PrepareStep> prepare = Optional.empty();
    private List<Integer> ports = List.of();
    private Optional<HealthCheck> health = Optional.empty();
    private List<Secret> secrets = List.of();
    private boolean base;
    private Optional<Duration> settle = Optional.empty();
    private List<String> lintIgnore = List.of();
    private Map<String, Integer> lines = Map.of();

    private Builder() {}

    public Builder file(Path file) {
      this.file = file;
      return this;
    }

    public Builder name(Optional<String> name) {
      this.name = name;
      return this;
    }

    public Builder dockerfile(Optional<String> dockerfile) {
      this.dockerfile = dockerfile;
      return this;
    }

    public Builder context(Optional<String> context) {
      this.context = context;
      return this;
    }

    public Builder target(Optional<String> target) {
      this.target = target;
      return this;
    }

    /** {@code --label}s; a key set here is one the orchestrator does not add. */
    public Builder labels(Map<String, String> labels) {
      this.labels = labels;
      return this;
    }

    public Builder args(Map<String, String> args) {
      this.args = args;
      return this;
    }

    public Builder platforms(List<String> platforms) {
      this.platforms = platforms;
      return this;
    }

    public Builder dependsOn(List<String> dependsOn) {
      this.dependsOn = dependsOn;
      return this;
    }

    public Builder budget(Optional<Budget> budget) {
      this.budget = budget;
      return this;
    }

    public Builder compressedBudget(Optional<Budget> compressedBudget) {
      this.compressedBudget = compressedBudget;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder prepare(Optional<PrepareStep> prepare) {
      this.prepare = prepare;
      return this;
    }

    public Builder ports(List<Integer> ports) {
      this.ports = ports;
      return this;
    }

    public Builder health(Optional<HealthCheck> health) {
      this.health = health;
      return this;
    }

    public Builder secrets(List<Secret> secrets) {
      this.secrets = secrets;
      return this;
    }

    public Builder base(boolean base) {
      this.base = base;
      return this;
    }

    public Builder settle(Optional<Duration> settle) {
      this.settle = settle;
      return this;
    }

    public Builder lintIgnore(List<String> lintIgnore) {
      this.lintIgnore = lintIgnore;
      return this;
    }

    public Builder lines(Map<String, Integer> lines) {
      this.lines = lines;
      return this;
    }

    public ServiceDescriptor build() {
      return new ServiceDescriptor(
          file,
          name,
          dockerfile,
          context,
          target,
          args,
          platforms,
          dependsOn,
          budget,
          compressedBudget,
          tags,
          prepare,
          ports,
          health,
          secrets,
          base,
          settle,
          labels,
          lintIgnore,
          lines);
    }
  }
}
