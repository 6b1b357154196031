package dev.orchestrator.core.config;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates digests files ({@link DigestsFile}), reporting every problem as {@code
 * file:line: message}. JSON is YAML, so the YAML reader gives lines for free.
 */
public final class DigestsFileReader {
  private static final List<String> TOP = List.of("format", "services");
  private static final List<String> SERVICE = List.of("repository", "digests");
  private static final Form FORMAT = Form.oneOf(DigestsFile.FORMAT);
  private static final Form DIGEST =
      Form.of("sha256:[0-9a-f]{64}", "a digest such as sha256:<64 hex digits>", null);
  private static final Form REPOSITORY =
      new Form(
          Form.REGISTRY.pattern(),
          "an image repository such as 127.0.0.1:5000/monorepo/base",
          null);
  private static final String SERVICES =
      "a map of service name to"
          + " {repository: REGISTRY/NAMESPACE/SERVICE, digests: {PLATFORM: sha256:…}}";
  private static final String IMAGES =
      "a map such as {repository: 127.0.0.1:5000/monorepo/base,"
          + " digests: {linux/amd64: 'sha256:…'}}";
  private static final String DIGESTS =
      "a map of platform to digest such as" + " {linux/amd64: 'sha256:…'}";

  private DigestsFileReader() {}

  /** Reads every file, and fails once with every problem in all of them. */
  public static List<DigestsFile> readAll(List<Path> files) {
    List<DigestsFile> read = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        read.add(read(file));
      } catch (ConfigurationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return read;
  }

  public static DigestsFile read(Path file) {
    YamlNodes yaml = new YamlNodes(file);
    YamlSection top = yaml.document(TOP);
    yaml.string(top, "format", FORMAT);
    Map<String, DigestsFile.Images> services = new LinkedHashMap<>();
    Optional<YamlSection> section = yaml.map(top, "services", Form.SERVICE_NAME, SERVICES);
    if (!top.has("services")) {
      yaml.report(0, "is not a digests file: 'services' is missing; expected " + SERVICES);
    }
    section.ifPresent(
        s ->
            s.entries()
                .forEach(
                    (name, node) ->
                        images(yaml, s, name, node).ifPresent(i -> services.put(name, i))));
    yaml.throwIfAny();
    return new DigestsFile(file, services);
  }

  private static Optional<DigestsFile.Images> images(
      YamlNodes yaml, YamlSection services, String name, Node node) {
    YamlSection wrapper =
        new YamlSection(services.prefix(), Map.of(name, node), Map.of(name, services.lineOf(name)));
    Optional<YamlSection> images = yaml.section(wrapper, name, SERVICE, IMAGES);
    if (images.isEmpty()) {
      return Optional.empty();
    }
    YamlSection s = images.get();
    Optional<String> repository = yaml.string(s, "repository", REPOSITORY);
    Map<String, String> digests = new LinkedHashMap<>();
    yaml.map(s, "digests", Form.PLATFORM, DIGESTS)
        .ifPresent(
            d ->
                d.entries()
                    .forEach(
                        (p, n) ->
                            yaml.text(n, d.path(p), DIGEST).ifPresent(v -> digests.put(p, v))));
    for (String key : SERVICE) {
      if (!s.has(key)) {
        yaml.report(services.lineOf(name), "'" + s.path(key) + "' is missing; expected " + IMAGES);
      }
    }
    return repository
        .filter(r -> s.has("digests"))
        .map(r -> new DigestsFile.Images(r, digests, services.lineOf(name)));
  }
}
