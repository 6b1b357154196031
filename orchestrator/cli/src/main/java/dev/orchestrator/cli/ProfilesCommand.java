package dev.orchestrator.cli;

import dev.orchestrator.core.config.ProfileOrigin;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "profiles",
    description =
        "List the build profiles: built in, from buildx-profiles/, or built in with keys a file"
            + " overrides.")
final class ProfilesCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  ProfilesCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path root = shared.root();
    shared.orchestrator(context).checkProfile(shared.root(), shared.profile());
    List<ProfileOrigin> origins = shared.orchestrator(context).profiles(root);
    if (shared.json) {
      context
          .out()
          .println(
              Json.write(Map.of("profiles", origins.stream().map(o -> json(root, o)).toList())));
      return ExitCodes.OK;
    }
    for (ProfileOrigin o : origins) {
      context.out().printf(Locale.ROOT, "%-12s %s%n", o.name(), where(root, o));
    }
    return ExitCodes.OK;
  }

  /** In words: {@code built-in}, a file, or a built-in one with the keys a file sets. */
  static String where(Path root, ProfileOrigin o) {
    String file = o.file().map(f -> root.relativize(f).toString()).orElse("");
    return switch (o.kind()) {
      case BUILT_IN -> "built-in";
      case FILE -> file;
      case REPLACED -> file + " (replaces the built-in one: inherit: false)";
      case OVERRIDDEN ->
          "built-in, overridden by "
              + file
              + (o.overriddenKeys().isEmpty()
                  ? " (no keys)"
                  : ": " + String.join(", ", o.overriddenKeys()));
    };
  }

  private static Map<String, Object> json(Path root, ProfileOrigin o) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", o.name());
    json.put("origin", o.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("file", o.file().map(f -> root.relativize(f).toString()).orElse(null));
    json.put("overriddenKeys", o.overriddenKeys());
    json.put("description", o.description());
    return json;
  }
}
