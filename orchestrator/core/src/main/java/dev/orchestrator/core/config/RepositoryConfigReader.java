package dev.orchestrator.core.config;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the optional {@code orchestrator.yaml} at the repository root. */
public final class RepositoryConfigReader {
  /** The keys the file may have, in the order messages list them. */
  public static final List<String> KEYS = List.of("roots", "profilesDir", "defaultProfile");

  private static final String ROOTS = "a list of folders such as [services, apps]";
  private static final String FOLDER =
      "a folder relative to the repository such as buildx-profiles";

  private RepositoryConfigReader() {}

  /**
   * Reads {@code root/orchestrator.yaml}, or gives the defaults when it does not exist.
   *
   * @throws ConfigurationException listing every problem in the file, each with its line
   */
  public static RepositoryConfig read(Path root) {
    RepositoryConfig defaults = RepositoryConfig.defaults(root);
    Path base = defaults.root();
    Path file = base.resolve(RepositoryConfig.FILE_NAME);
    if (Files.isDirectory(file)) {
      // Not "no configuration": the user meant one.
      throw new ConfigurationException(Problem.inFile(file, "is a folder, not a file"));
    }
    if (!Files.isRegularFile(file)) {
      return defaults;
    }
    YamlNodes yaml = new YamlNodes(file);
    YamlSection top = yaml.document(KEYS);
    List<String> roots =
        yaml.list(top, "roots", ROOTS, (n, p) -> yaml.checked(n, p, ROOTS, v -> folder(v, base)));
    if (top.node("roots").orElse(null) instanceof SequenceNode seq && seq.getValue().isEmpty()) {
      // An empty list would silently mean "not configured"; leaving the key out says that.
      yaml.report(seq, "'roots' must be " + ROOTS + " (leave it out to search everywhere)");
    }
    Optional<String> profilesDir = yaml.checked(top, "profilesDir", FOLDER, v -> inside(v, base));
    String defaultProfile =
        yaml.string(top, "defaultProfile", Form.PROFILE_NAME).orElse(defaults.defaultProfile());
    yaml.throwIfAny();
    return new RepositoryConfig(
        base,
        Optional.of(file),
        roots.stream().map(r -> base.resolve(r).normalize()).toList(),
        profilesDir.map(d -> base.resolve(d).normalize()).orElse(defaults.profilesDir()),
        defaultProfile);
  }

  private static Optional<String> inside(String relative, Path root) {
    return RepositoryPaths.complaint(relative, root, root);
  }

  private static Optional<String> folder(String relative, Path root) {
    Optional<String> outside = inside(relative, root);
    if (outside.isPresent() || Files.isDirectory(root.resolve(relative))) {
      return outside;
    }
    return Optional.of("is not a folder in the repository");
  }
}
