package dev.orchestrator.core.config;

import dev.orchestrator.core.config.ServiceDescriptor.HealthCheck;
import dev.orchestrator.core.config.ServiceDescriptor.PrepareStep;
import dev.orchestrator.core.error.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads and validates a service's {@code service.yaml}. */
public final class ServiceDescriptorReader {
  /** The keys a descriptor may have, in the order messages list them. */
  public static final List<String> KEYS =
      List.of(
          "name",
          "dockerfile",
          "context",
          "target",
          "args",
          "platforms",
          "dependsOn",
          "budget",
          "compressedBudget",
          "tags",
          "prepare",
          "ports",
          "health",
          "secrets",
          "base",
          "settle",
          "labels",
          "lint");

  private static final Form PORT =
      Form.of(
          "[0-9]{1,5}", "a port number from 1 to 65535", "a list of ports such as [8000, 9090]");
  private static final String RELATIVE = "a relative path such as docker/Dockerfile";
  private static final String ARGS = "a map of build arguments such as {VERSION: 1.4.2}";
  private static final String ARG_VALUE = "a string, number or boolean (\"\" for an empty value)";
  private static final String ARGV = "an argument list such as [./assemble.sh, amd64]";
  private static final String PREPARE =
      "a map such as {command: [./assemble.sh], inputs: [src/**]}";
  private static final String GLOBS = "a list of globs such as [src/**, package.json]";
  private static final List<String> PREPARE_KEYS = List.of("command", "inputs");
  private static final List<String> HEALTH_KEYS = List.of("path", "startTimeout");
  private static final String HEALTH = "a map such as {path: /health, startTimeout: 60s}";

  private static final String BOOLEAN = "true or false";
  private static final List<String> LINT_KEYS = List.of("ignore");
  private static final String LINT = "a map such as {ignore: [no-healthcheck]}";
  private static final Form RULE_ID =
      Form.of(
          "[a-z][a-z0-9-]*",
          "a lint rule id such as no-healthcheck",
          "a list of lint rule ids such as [no-healthcheck, base-not-pinned]");
  private static final String LABELS =
      "a map of image labels such as {org.opencontainers.image.version: 1.4.2}";
  private static final Form LABEL_KEY =
      Form.of(
          "[A-Za-z0-9][A-Za-z0-9._/-]*",
          "a label key such as org.opencontainers.image.version",
          null);

  private ServiceDescriptorReader() {}

  /**
   * Reads {@code file}, which must exist. Relative paths in it are resolved against its folder and
   * must stay inside {@code repositoryRoot}. An empty file gives an empty descriptor.
   *
   * @throws ConfigurationException listing every problem in the file, each with its line
   */
  public static ServiceDescriptor read(Path file, Path repositoryRoot) {
    YamlNodes yaml = new YamlNodes(file);
    YamlSection top = yaml.document(KEYS);
    Path folder = file.toAbsolutePath().getParent();
    Map<String, Integer> lines = new LinkedHashMap<>(top.lines());
    ServiceDescriptor descriptor =
        ServiceDescriptor.builder()
            .file(file)
            .name(yaml.string(top, "name", Form.SERVICE_NAME))
            .dockerfile(path(yaml, top, "dockerfile", folder, repositoryRoot))
            .context(path(yaml, top, "context", folder, repositoryRoot))
            .target(yaml.string(top, "target", Form.STAGE))
            .args(args(yaml, top))
            .platforms(yaml.strings(top, "platforms", Form.PLATFORM))
            .dependsOn(yaml.strings(top, "dependsOn", Form.SERVICE_NAME))
            .budget(Budgets.read(yaml, top, "budget"))
            .compressedBudget(Budgets.read(yaml, top, "compressedBudget"))
            .tags(yaml.strings(top, "tags", Form.TAG))
            .prepare(prepare(yaml, top, folder, repositoryRoot))
            .ports(
                yaml.list(top, "ports", PORT.many(), (n, p) -> yaml.integer(n, p, PORT, 1, 65535)))
            .health(health(yaml, top))
            .secrets(Secrets.read(yaml, top, folder, repositoryRoot, lines))
            .base(yaml.optional(top, "base", (n, p) -> bool(yaml, n, p)).orElse(false))
            .settle(yaml.optional(top, "settle", (n, p) -> duration(yaml, n, p)))
            .labels(labels(yaml, top))
            .lintIgnore(lintIgnore(yaml, top, lines))
            .lines(lines)
            .build();
    yaml.throwIfAny();
    return descriptor;
  }

  private static Optional<String> path(
      YamlNodes yaml, YamlSection top, String key, Path folder, Path root) {
    return yaml.checked(top, key, RELATIVE, v -> RepositoryPaths.complaint(v, folder, root));
  }

  private static Map<String, String> args(YamlNodes yaml, YamlSection top) {
    YamlSection s = yaml.map(top, "args", Form.ARG_NAME, ARGS).orElse(YamlSection.empty("args"));
    Map<String, String> args = new LinkedHashMap<>();
    for (String name : s.entries().keySet()) {
      yaml.scalar(s.entries().get(name), s.path(name), ARG_VALUE).ifPresent(v -> args.put(name, v));
    }
    return args;
  }

  private static Map<String, String> labels(YamlNodes yaml, YamlSection top) {
    YamlSection s = yaml.map(top, "labels", LABEL_KEY, LABELS).orElse(YamlSection.empty("labels"));
    Map<String, String> labels = new LinkedHashMap<>();
    for (String key : s.entries().keySet()) {
      yaml.scalar(s.entries().get(key), s.path(key), ARG_VALUE).ifPresent(v -> labels.put(key, v));
    }
    return labels;
  }

  /**
   * The lint rules the service ignores. Only their form is checked here: the rules are lint's,
   * which reports an unknown id at the line this keeps under {@link
   * ServiceDescriptor#lintIgnoreLineKey}.
   */
  private static List<String> lintIgnore(
      YamlNodes yaml, YamlSection top, Map<String, Integer> lines) {
    Optional<YamlSection> section = yaml.section(top, "lint", LINT_KEYS, LINT);
    if (section.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    return yaml.list(
        section.get(),
        "ignore",
        RULE_ID.many(),
        (node, path) ->
            yaml.text(node, path, RULE_ID)
                .filter(
                    id ->
                        seen.add(id)
                            || yaml.report(node, "'" + path + "': '" + id + "' is listed twice"))
                .map(
                    id -> {
                      lines.put(
                          ServiceDescriptor.lintIgnoreLineKey(id),
                          node.getStartMark().getLine() + 1);
                      return id;
                    }));
  }

  private static Optional<PrepareStep> prepare(
      YamlNodes yaml, YamlSection top, Path folder, Path root) {
    Optional<YamlSection> section = yaml.section(top, "prepare", PREPARE_KEYS, PREPARE);
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlSection s = section.get();
    // A shell string would need a shell and its quoting rules; an argv runs the same everywhere.
    List<String> command = yaml.list(s, "command", ARGV, (n, p) -> yaml.scalar(n, p, ARGV));
    if (!s.has("command")) {
      yaml.report(top.lineOf("prepare"), "'prepare' needs 'command', " + ARGV);
    } else if (s.node("command").get() instanceof SequenceNode seq && seq.getValue().isEmpty()) {
      yaml.report(seq, "'prepare.command' must be " + ARGV);
    }
    List<String> inputs = yaml.list(s, "inputs", GLOBS, (n, p) -> glob(yaml, n, p, folder, root));
    return command.isEmpty() ? Optional.empty() : Optional.of(new PrepareStep(command, inputs));
  }

  private static Optional<String> glob(
      YamlNodes yaml, Node node, String path, Path folder, Path root) {
    return yaml.checked(node, path, GLOBS, v -> RepositoryPaths.globComplaint(v, folder, root));
  }

  private static Optional<HealthCheck> health(YamlNodes yaml, YamlSection top) {
    Optional<YamlSection> section = yaml.section(top, "health", HEALTH_KEYS, HEALTH);
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlSection s = section.get();
    String path = yaml.string(s, "path", Form.HTTP_PATH).orElse(HealthCheck.DEFAULT.path());
    Optional<Duration> timeout = yaml.optional(s, "startTimeout", (n, p) -> duration(yaml, n, p));
    return Optional.of(new HealthCheck(path, timeout.orElse(HealthCheck.DEFAULT.startTimeout())));
  }

  private static Optional<Boolean> bool(YamlNodes yaml, Node node, String path) {
    return yaml.scalar(node, path, BOOLEAN)
        .filter(v -> v.equals("true") || v.equals("false") || yaml.report(node, bad(path, v)))
        .map(Boolean::valueOf);
  }

  private static String bad(String path, String value) {
    return "'" + path + "': '" + value + "' is not " + BOOLEAN;
  }

  private static Optional<Duration> duration(YamlNodes yaml, Node node, String path) {
    return yaml.converted(node, path, Durations.EXPECTED, Durations::parse);
  }
}
