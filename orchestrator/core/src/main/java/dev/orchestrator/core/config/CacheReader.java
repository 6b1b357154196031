package dev.orchestrator.core.config;

import dev.orchestrator.core.config.Profile.Cache;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a profile's {@code cache} section; without one, builds share a local cache. */
final class CacheReader {
  private static final List<String> KEYS = List.of("type", "dir", "ref", "mode");
  private static final String EXPECTED =
      "a map such as {type: local, dir: .cache/buildx, mode: max}";
  private static final Form TYPE = Form.oneOf("none", "local", "registry");
  private static final Form MODE = Form.oneOf("min", "max");
  private static final Form REF =
      new Form(Form.REGISTRY.pattern(), "a registry path such as 127.0.0.1:5000/cache", null);
  private static final String DIR = "a folder relative to the repository such as .cache/buildx";

  private CacheReader() {}

  /**
   * The cache a profile's {@code cache} section gives over {@code base} (the built-in profile's, or
   * the default): without {@code type}, the keys it sets replace the base's; with one, the section
   * stands alone. A registry cache without {@code ref} keeps an empty location, filled in from the
   * registry once that is known (it may come from the command line).
   *
   * @param lines receives the line of {@code cache.type}, where registry problems are reported
   */
  static Cache read(YamlNodes yaml, YamlSection top, Cache base, Map<String, Integer> lines) {
    if (!top.has("cache")) {
      return base;
    }
    YamlSection cache =
        yaml.section(top, "cache", KEYS, EXPECTED).orElse(YamlSection.empty("cache"));
    lines.put("cache.type", cache.has("type") ? cache.lineOf("type") : top.lineOf("cache"));
    Optional<Cache.Type> type =
        yaml.string(cache, "type", TYPE).map(t -> Cache.Type.valueOf(t.toUpperCase(Locale.ROOT)));
    Cache from =
        type.map(t -> new Cache(t, t == Cache.Type.LOCAL ? Cache.DEFAULT_DIR : "", "max"))
            .orElse(base);
    String mode = yaml.string(cache, "mode", MODE).orElse(from.mode());
    // The repository root is not known here, so the folder is checked by its text alone.
    Optional<String> dir = yaml.checked(cache, "dir", DIR, RepositoryPaths::formComplaint);
    Optional<String> ref = yaml.string(cache, "ref", REF);
    onlyFor(yaml, cache, "dir", from.type(), Cache.Type.LOCAL);
    onlyFor(yaml, cache, "ref", from.type(), Cache.Type.REGISTRY);
    String location =
        switch (from.type()) {
          case NONE -> "";
          case LOCAL -> dir.orElse(from.location());
          case REGISTRY -> ref.orElse(from.location());
        };
    return new Cache(from.type(), location, mode);
  }

  private static void onlyFor(
      YamlNodes yaml, YamlSection cache, String key, Cache.Type type, Cache.Type owner) {
    if (cache.has(key) && type != owner) {
      String word = owner.name().toLowerCase(Locale.ROOT);
      yaml.report(cache.lineOf(key), "'cache." + key + "' only applies to cache type " + word);
    }
  }
}
