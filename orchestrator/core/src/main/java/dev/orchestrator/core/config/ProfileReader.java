package dev.orchestrator.core.config;

import dev.orchestrator.core.config.Profile.Output;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads and validates build profiles, {@code <profilesDir>/<name>.yaml}. */
public final class ProfileReader {
  /** The keys a profile may have, in the order messages list them. */
  public static final List<String> KEYS =
      List.of(
          "description",
          "platforms",
          "output",
          "registry",
          "namespace",
          "tag",
          "cache",
          "jobs",
          "builder",
          "builders",
          "stagingTag",
          "mergeTags");

  private static final String SUFFIX = ".yaml";
  private static final Form OUTPUT = Form.oneOf("load", "push", "push-by-digest");
  private static final String BUILDERS =
      "a map of platform to builder name such as" + " {linux/arm64: arm-builder}";
  private static final String TEMPLATES = "a list of tag templates such as [latest, '{sha}']";
  private static final Form JOBS = Form.of("[0-9]{1,9}", "a whole number of at least 1", null);

  private ProfileReader() {}

  /**
   * Reads the profile called {@code name} from {@code profilesDir}.
   *
   * @throws ConfigurationException when there is no such profile (listing those there are) or it is
   *     invalid
   */
  public static Profile load(Path profilesDir, String name) {
    Path file = profilesDir.resolve(name + SUFFIX);
    // The name check also keeps a name such as ../x from reaching outside the folder.
    if (Form.PROFILE_NAME.accepts(name) && Files.isDirectory(file)) {
      throw new ConfigurationException(Problem.inFile(file, "is a folder, not a file"));
    }
    if (!Form.PROFILE_NAME.accepts(name) || !Files.isRegularFile(file)) {
      List<String> names = available(profilesDir);
      String choice = names.isEmpty() ? "none" : String.join(", ", names);
      throw new ConfigurationException(
          Problem.inFile(profilesDir, "unknown profile '" + name + "'; available: " + choice));
    }
    return read(file);
  }

  /** The names of the profiles in {@code profilesDir}, sorted; empty if it does not exist. */
  public static List<String> available(Path profilesDir) {
    if (!Files.isDirectory(profilesDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(profilesDir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX))
          .map(n -> n.substring(0, n.length() - SUFFIX.length()))
          .filter(Form.PROFILE_NAME::accepts)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigurationException(
          Problem.inFile(profilesDir, "cannot be listed: " + FileErrors.reasonAt(profilesDir, e)));
    } catch (UncheckedIOException e) {
      // Files.list reports a failure while listing this way.
      throw new ConfigurationException(
          Problem.inFile(
              profilesDir, "cannot be listed: " + FileErrors.reasonAt(profilesDir, e.getCause())));
    }
  }

  /**
   * Reads one profile file; its name is the file name without {@code .yaml}. An empty file is the
   * default profile: the host platform, loaded locally, with a local cache.
   *
   * @throws ConfigurationException listing every problem in the file, each with its line
   */
  public static Profile read(Path file) {
    YamlNodes yaml = new YamlNodes(file);
    YamlSection top = yaml.document(KEYS);
    yaml.string(top, "description", Form.of("(?s).*", "a sentence", null));
    Profile.Builder profile = Profile.builder(nameOf(file)).file(file);
    yaml.string(top, "output", OUTPUT)
        .map(o -> Output.valueOf(o.toUpperCase(Locale.ROOT).replace('-', '_')))
        .ifPresent(profile::output);
    Optional<String> registry = yaml.string(top, "registry", Form.REGISTRY);
    profile.registry(registry);
    List<String> platforms = yaml.strings(top, "platforms", Form.PROFILE_PLATFORM);
    if (top.has("platforms")) {
      profile.platforms(platforms);
    }
    yaml.string(top, "tag", Form.TAG).ifPresent(profile::tag);
    Map<String, String> builders = new TreeMap<>();
    yaml.map(top, "builders", Form.PLATFORM, BUILDERS)
        .ifPresent(
            section ->
                section
                    .entries()
                    .forEach(
                        (platform, node) ->
                            yaml.text(node, section.path(platform), Form.BUILDER)
                                .ifPresent(b -> builders.put(platform, b))));
    profile.builders(builders);
    List<String> mergeTags =
        yaml.list(
            top,
            "mergeTags",
            TEMPLATES,
            (node, path) ->
                yaml.checked(node, path, "a tag template such as '{sha}'", TagTemplate::complaint));
    if (top.has("mergeTags")) {
      profile.mergeTags(mergeTags);
    }
    if (top.has("mergeTags")
        && mergeTags.isEmpty()
        && top.node("mergeTags").orElseThrow() instanceof org.yaml.snakeyaml.nodes.SequenceNode seq
        && seq.getValue().isEmpty()) {
      yaml.report(top.lineOf("mergeTags"), "'mergeTags' must list at least one tag template");
    }
    yaml.string(top, "namespace", Form.NAMESPACE).ifPresent(profile::namespace);
    profile.cache(CacheReader.read(yaml, top, registry));
    yaml.optional(top, "jobs", (n, p) -> yaml.integer(n, p, JOBS, 1, Integer.MAX_VALUE))
        .ifPresent(profile::jobs);
    profile.builder(yaml.string(top, "builder", Form.BUILDER));
    profile.stagingTag(
        yaml.checked(
            top,
            "stagingTag",
            "a tag template with {arch}, such as ci-{arch}",
            ProfileReader::stagingTagComplaint));
    Profile read = profile.build();
    if (read.pushes() && registry.isEmpty() && !top.has("registry")) {
      yaml.report(
          top.lineOf("output"), "'registry' is required when output is push or push-by-digest");
    }
    yaml.throwIfAny();
    return read;
  }

  private static Optional<String> stagingTagComplaint(String template) {
    if (!template.contains("{arch}")) {
      return Optional.of("must hold {arch}, so that the architecture jobs never push to one tag");
    }
    return Form.TAG.accepts(template.replace("{arch}", "arm64"))
        ? Optional.empty()
        : Optional.of("is not a tag template such as ci-{arch}");
  }

  private static String nameOf(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
  }
}
