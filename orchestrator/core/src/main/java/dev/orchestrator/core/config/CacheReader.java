package dev.orchestrator.core.config;

import dev.orchestrator.core.config.Profile.Cache;
import java.util.List;
import java.util.Locale;
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

  static Cache read(YamlNodes yaml, YamlSection top, Optional<String> registry) {
    YamlSection cache =
        yaml.section(top, "cache", KEYS, EXPECTED).orElse(YamlSection.empty("cache"));
    Cache.Type type =
        yaml.string(cache, "type", TYPE)
            .map(t -> Cache.Type.valueOf(t.toUpperCase(Locale.ROOT)))
            .orElse(Cache.DEFAULT.type());
    String mode = yaml.string(cache, "mode", MODE).orElse(Cache.DEFAULT.mode());
    // The repository root is not known here, so the folder is checked by its text alone.
    Optional<String> dir = yaml.checked(cache, "dir", DIR, RepositoryPaths::formComplaint);
    Optional<String> ref = yaml.string(cache, "ref", REF);
    onlyFor(yaml, cache, "dir", type, Cache.Type.LOCAL);
    onlyFor(yaml, cache, "ref", type, Cache.Type.REGISTRY);
    if (type == Cache.Type.REGISTRY && !cache.has("ref") && !top.has("registry")) {
      yaml.report(
          cache.lineOf("type"),
          "'cache.ref' or 'registry' is required when the cache type is registry");
    }
    String location =
        switch (type) {
          case NONE -> "";
          case LOCAL -> dir.orElse(Cache.DEFAULT_DIR);
          case REGISTRY -> ref.or(() -> registry.map(r -> r + "/cache")).orElse("");
        };
    return new Cache(type, location, mode);
  }

  private static void onlyFor(
      YamlNodes yaml, YamlSection cache, String key, Cache.Type type, Cache.Type owner) {
    if (cache.has(key) && type != owner) {
      String word = owner.name().toLowerCase(Locale.ROOT);
      yaml.report(cache.lineOf(key), "'cache." + key + "' only applies to cache type " + word);
    }
  }
}
