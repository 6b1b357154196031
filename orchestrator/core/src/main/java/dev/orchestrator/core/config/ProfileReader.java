package dev.orchestrator.core.config;

import dev.orchestrator.core.config.Profile.Cache;
import dev.orchestrator.core.config.Profile.Output;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
          "sessionWidth",
          "builder",
          "builders",
          "stagingTag",
          "mergeTags",
          "lint",
          "sourceDateEpoch",
          "provenance",
          "sbom",
          "verify",
          "inherit");

  private static final String SUFFIX = ".yaml";
  private static final Form OUTPUT = Form.oneOf("load", "push", "push-by-digest");
  private static final String BUILDERS =
      "a map of platform to builder name such as" + " {linux/arm64: arm-builder}";
  private static final String TEMPLATES = "a list of tag templates such as [latest, '{sha}']";
  private static final List<String> LINT_KEYS = List.of("warnings-as-errors");
  private static final String LINT = "a map such as {warnings-as-errors: true}";
  private static final List<String> VERIFY_KEYS = List.of("reproducible");
  private static final String VERIFY = "a map such as {reproducible: true}";
  private static final Form BOOLEAN = Form.oneOf("true", "false");
  private static final Form EPOCH =
      Form.of(
          "none|[0-9]{1,12}", "a number of seconds since 1970 (such as 1700000000) or none", null);
  private static final Form PROVENANCE = Form.oneOf("false", "min", "max");
  private static final Form JOBS = Form.of("[0-9]{1,9}", "a whole number of at least 1", null);

  private ProfileReader() {}

  /**
   * The profile called {@code name}: a file in {@code profilesDir} over the built-in profile of
   * that name, if there is one (see {@link Profiles}); no registry given on the command line.
   *
   * @throws ConfigurationException when there is no such profile (listing those there are) or it is
   *     invalid
   */
  public static Profile load(Path profilesDir, String name) {
    return Profiles.in(profilesDir).resolve(name, Optional.empty());
  }

  /** The names of the built-in profiles and of those in {@code profilesDir}, sorted. */
  public static List<String> available(Path profilesDir) {
    return Profiles.in(profilesDir).names();
  }

  /** The names of the profile files in {@code profilesDir}, sorted; empty if it does not exist. */
  static List<String> fileNames(Path profilesDir) {
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
   * Reads one profile file on its own, over no built-in profile; its name is the file name without
   * {@code .yaml}. An empty file gives the defaults of the keys: the host platform, loaded locally,
   * with a local cache.
   *
   * @throws ConfigurationException listing every problem in the file, each with its line
   */
  public static Profile read(Path file) {
    return complete(
        layer(file, nameOf(file), Optional.empty(), Optional.empty()), Optional.empty());
  }

  /**
   * One profile file (or built-in text) read over {@code base}: each key it sets replaces the
   * base's; {@code inherit: false} drops the base. Registry requirements are left to {@link
   * #complete}, since the registry may still come from the command line.
   *
   * @param text the YAML when it is not read from {@code file} (a built-in profile)
   */
  static Layer layer(Path file, String name, Optional<String> text, Optional<Profile> base) {
    YamlNodes yaml = new YamlNodes(file, text);
    YamlSection top = yaml.document(KEYS);
    Optional<String> description =
        yaml.string(top, "description", Form.of("(?s).*", "a sentence", null));
    boolean inherit = yaml.string(top, "inherit", BOOLEAN).map(Boolean::parseBoolean).orElse(true);
    Profile.Builder profile =
        base.filter(b -> inherit)
            .map(Profile::toBuilder)
            .orElseGet(() -> Profile.builder(name))
            .file(file);
    yaml.string(top, "output", OUTPUT)
        .map(o -> Output.valueOf(o.toUpperCase(Locale.ROOT).replace('-', '_')))
        .ifPresent(profile::output);
    Optional<String> registry = yaml.string(top, "registry", Form.REGISTRY);
    if (top.has("registry")) {
      profile.registry(registry);
    }
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
    if (top.has("builders")) {
      profile.builders(builders);
    }
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
    Profile.Cache baseCache = base.filter(b -> inherit).map(Profile::cache).orElse(Cache.DEFAULT);
    Map<String, Integer> lines = new TreeMap<>();
    profile.cache(CacheReader.read(yaml, top, baseCache, lines));
    yaml.optional(top, "jobs", (n, p) -> yaml.integer(n, p, JOBS, 1, Integer.MAX_VALUE))
        .ifPresent(profile::jobs);
    yaml.optional(top, "sessionWidth", (n, p) -> yaml.integer(n, p, JOBS, 1, Integer.MAX_VALUE))
        .ifPresent(profile::sessionWidth);
    Optional<String> builder = yaml.string(top, "builder", Form.BUILDER);
    if (top.has("builder")) {
      profile.builder(builder);
    }
    Optional<String> stagingTag =
        yaml.checked(
            top,
            "stagingTag",
            "a tag template with {arch}, such as ci-{arch}",
            ProfileReader::stagingTagComplaint);
    if (top.has("stagingTag")) {
      profile.stagingTag(stagingTag);
    }
    yaml.section(top, "lint", LINT_KEYS, LINT)
        .flatMap(lint -> yaml.string(lint, "warnings-as-errors", BOOLEAN))
        .ifPresent(strict -> profile.lint(new Profile.Lint(Boolean.parseBoolean(strict))));
    yaml.section(top, "verify", VERIFY_KEYS, VERIFY)
        .flatMap(verify -> yaml.string(verify, "reproducible", BOOLEAN))
        .ifPresent(r -> profile.verify(new Profile.Verify(Boolean.parseBoolean(r))));
    yaml.string(top, "sourceDateEpoch", EPOCH)
        .map(
            e ->
                e.equals("none")
                    ? Profile.EpochSetting.NONE
                    : Profile.EpochSetting.fixed(Long.parseLong(e)))
        .ifPresent(profile::sourceDateEpoch);
    yaml.string(top, "provenance", PROVENANCE)
        .map(p -> Profile.ProvenanceMode.valueOf(p.toUpperCase(Locale.ROOT)))
        .ifPresent(profile::provenance);
    yaml.string(top, "sbom", BOOLEAN).map(Boolean::parseBoolean).ifPresent(profile::sbom);
    yaml.throwIfAny();
    top.entries().keySet().forEach(k -> lines.put(k, top.lineOf(k)));
    return new Layer(profile.build(), description, lines, inherit && base.isPresent());
  }

  /**
   * What one file (or built-in text) gave.
   *
   * @param lines the line of each key the file set, and of {@code cache.type}
   * @param overBuiltIn whether it was read over a built-in profile
   */
  record Layer(
      Profile profile,
      Optional<String> description,
      Map<String, Integer> lines,
      boolean overBuiltIn) {
    int line(String key) {
      return lines.getOrDefault(key, 0);
    }
  }

  /**
   * The profile a layer gives once the registry is known: {@code registry} (the command line's or
   * the environment's) replaces the profile's for a profile whose images or cache go to a registry;
   * a registry cache without {@code cache.ref} goes under the registry.
   *
   * @throws ConfigurationException when a pushing profile or a registry cache has no registry
   */
  static Profile complete(Layer layer, Optional<String> registry) {
    Profile p = layer.profile();
    boolean usesRegistry = p.pushes() || p.cache().type() == Cache.Type.REGISTRY;
    Optional<String> chosen = usesRegistry ? registry.or(p::registry) : p.registry();
    String hint =
        " (give it with --registry HOST[/PATH] or the ORCHESTRATOR_REGISTRY variable, or set"
            + " 'registry' in the profile)";
    List<Problem> problems = new ArrayList<>();
    registry
        .filter(r -> !Form.REGISTRY.accepts(r))
        .ifPresent(
            r ->
                problems.add(
                    new Problem(
                        null,
                        0,
                        "the registry '"
                            + r
                            + "' (--registry or ORCHESTRATOR_REGISTRY) is not "
                            + Form.REGISTRY.one())));
    if (p.pushes() && chosen.isEmpty()) {
      problems.add(
          new Problem(
              p.file(),
              layer.line("output"),
              "'registry' is required when output is push or push-by-digest" + hint));
    }
    Cache cache = p.cache();
    if (cache.type() == Cache.Type.REGISTRY && cache.location().isEmpty()) {
      // A pushing profile without a registry was told already, with the same remedy.
      if (chosen.isEmpty() && !p.pushes()) {
        problems.add(
            new Problem(
                p.file(),
                layer.line("cache.type"),
                "'cache.ref' or 'registry' is required when the cache type is registry" + hint));
      } else if (chosen.isPresent()) {
        cache = new Cache(Cache.Type.REGISTRY, chosen.get() + "/cache", cache.mode());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return p.toBuilder().registry(chosen).cache(cache).build();
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
