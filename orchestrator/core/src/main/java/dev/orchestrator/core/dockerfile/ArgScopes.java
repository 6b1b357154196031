package dev.orchestrator.core.dockerfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables visible at each point, with BuildKit's scoping: ARGs before the first FROM are
 * global and only visible to FROM lines; inside a stage only its own ARGs (which may inherit a
 * global value by name) and ENVs are visible. Build args override ARG defaults but define nothing
 * by themselves, except the predefined platform ARGs.
 */
final class ArgScopes {
  private static final List<String> PREDEFINED =
      List.of(
          "BUILDPLATFORM",
          "BUILDOS",
          "BUILDARCH",
          "BUILDVARIANT",
          "TARGETPLATFORM",
          "TARGETOS",
          "TARGETARCH",
          "TARGETVARIANT");

  private final Map<String, String> buildArgs;
  private final char escape;
  private final Map<String, String> global = new HashMap<>();
  private Map<String, String> stage = new HashMap<>();

  ArgScopes(Map<String, String> buildArgs, char escape) {
    this.buildArgs = buildArgs;
    this.escape = escape;
    for (String name : PREDEFINED) {
      if (buildArgs.get(name) != null) {
        global.put(name, buildArgs.get(name));
      }
    }
  }

  void globalArg(KeyValueWords.KeyValue arg, int line) {
    declare(global, arg, line);
  }

  void stageArg(KeyValueWords.KeyValue arg, int line) {
    declare(stage, arg, line);
  }

  void env(KeyValueWords.KeyValue env, int line) {
    stage.put(env.key(), expandInStage(env.rawValue().orElse(""), line));
  }

  /** Each FROM starts with a clean scope. */
  void enterStage() {
    stage = new HashMap<>();
  }

  String expandGlobal(String word, int line) {
    return WordExpander.expand(word, escape, global, line);
  }

  String expandInStage(String word, int line) {
    return WordExpander.expand(word, escape, stage, line);
  }

  private void declare(Map<String, String> scope, KeyValueWords.KeyValue arg, int line) {
    String name = arg.key();
    String value;
    if (buildArgs.get(name) != null) {
      value = buildArgs.get(name);
    } else if (arg.rawValue().isPresent()) {
      value = WordExpander.expand(arg.rawValue().get(), escape, scope, line);
    } else {
      // "ARG NAME" in a stage re-exposes a global ARG of that name.
      value = global.get(name);
    }
    if (value == null) {
      scope.remove(name);
    } else {
      scope.put(name, value);
    }
  }
}
