package dev.orchestrator.core.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks the instructions in order and records stages and image mentions. Each instruction that is
 * wrong is recorded as a failure and the walk goes on, so the user sees every problem at once.
 */
final class StageCollector {
  private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");
  private static final Set<String> KNOWN =
      Set.of(
          "add",
          "arg",
          "cmd",
          "copy",
          "entrypoint",
          "env",
          "expose",
          "from",
          "healthcheck",
          "label",
          "maintainer",
          "onbuild",
          "run",
          "shell",
          "stopsignal",
          "user",
          "volume",
          "workdir");

  private final ArgScopes scopes;
  private final char escape;
  private final List<Stage> stages = new ArrayList<>();
  private final List<Mention> mentions = new ArrayList<>();
  private final List<ParseFailure> failures = new ArrayList<>();
  private final List<Setting> settings = new ArrayList<>();
  private boolean inStage;

  /** An image-like word seen at a line; resolved against stage names once all are known. */
  record Mention(String image, ImageReference.Kind kind, int line, int stagesBefore) {}

  StageCollector(ArgScopes scopes, char escape) {
    this.scopes = scopes;
    this.escape = escape;
  }

  void accept(Instruction instruction) {
    try {
      dispatch(instruction);
    } catch (ParseFailure failure) {
      failures.add(failure);
    }
  }

  List<Stage> stages() {
    return stages;
  }

  List<Mention> mentions() {
    return mentions;
  }

  List<ParseFailure> failures() {
    return failures;
  }

  List<Setting> settings() {
    return settings;
  }

  /** Whether any FROM was seen, even a malformed one. */
  boolean sawFrom() {
    return inStage;
  }

  private void dispatch(Instruction instruction) {
    String keyword = instruction.keyword();
    int line = instruction.line();
    if (!KNOWN.contains(keyword)) {
      throw new ParseFailure(
          line,
          "unknown instruction '"
              + keyword
              + "'; expected FROM, RUN, "
              + "COPY, ARG or another Dockerfile instruction");
    }
    BuilderFlags flags = BuilderFlags.parse(instruction);
    if (!inStage && !keyword.equals("from") && !keyword.equals("arg")) {
      throw new ParseFailure(
          line,
          "expected FROM before " + upper(keyword) + " (only ARG may come before the first FROM)");
    }
    switch (keyword) {
      case "from" -> from(instruction, flags);
      case "arg" -> arg(instruction);
      case "env" -> env(instruction);
      case "copy" -> copy(instruction, flags);
      case "add" -> add(instruction, flags);
      case "run" -> run(instruction, flags);
      case "onbuild" -> onbuild(instruction);
      case "label" -> label(instruction);
      case "user" -> user(instruction);
      case "healthcheck" -> healthcheck(instruction);
      case "cmd" -> setting(Setting.Kind.CMD, "", Optional.empty(), line);
      case "entrypoint" -> setting(Setting.Kind.ENTRYPOINT, "", Optional.empty(), line);
      default -> {} // no bearing on dependencies or policy
    }
  }

  private void setting(Setting.Kind kind, String name, Optional<String> value, int line) {
    settings.add(new Setting(stages.size() - 1, kind, name, value, line));
  }

  private void env(Instruction instruction) {
    for (KeyValueWords.KeyValue env : KeyValueWords.env(instruction, escape)) {
      scopes.env(env, instruction.line());
      setting(Setting.Kind.ENV, env.key(), env.rawValue(), instruction.line());
    }
  }

  /**
   * Policy only reads USER, so a value that cannot be substituted is kept as written rather than
   * made a problem the build never had.
   */
  private void user(Instruction instruction) {
    String raw = instruction.args().strip();
    String user;
    try {
      user = scopes.expandInStage(raw, instruction.line());
    } catch (ParseFailure unexpandable) {
      user = raw;
    }
    setting(Setting.Kind.USER, user, Optional.empty(), instruction.line());
  }

  private void healthcheck(Instruction instruction) {
    List<String> args = instruction.whitespaceArgs();
    String first = args.isEmpty() ? "" : args.get(0).toUpperCase(Locale.ROOT);
    setting(Setting.Kind.HEALTHCHECK, first, Optional.empty(), instruction.line());
  }

  /** ADD is COPY that may also fetch a URL; each source is kept for the checksum policy. */
  private void add(Instruction instruction, BuilderFlags flags) {
    List<String> args = copy(instruction, flags);
    Optional<String> checksum = flags.single("checksum");
    args.subList(0, args.size() - 1)
        .forEach(source -> setting(Setting.Kind.ADD, source, checksum, instruction.line()));
  }

  /**
   * Records the keys a stage's LABEL sets, so the labels the orchestrator adds never replace them.
   * BuildKit judges the syntax; a LABEL this cannot split simply records nothing.
   */
  private void label(Instruction instruction) {
    Set<String> keys = new java.util.TreeSet<>();
    try {
      KeyValueWords.env(instruction, escape).forEach(pair -> keys.add(unquoted(pair.key())));
    } catch (ParseFailure unreadable) {
      return;
    }
    int last = stages.size() - 1;
    stages.set(last, stages.get(last).withLabelKeys(keys));
  }

  private static String unquoted(String key) {
    boolean quoted =
        key.length() >= 2
            && (key.startsWith("\"") && key.endsWith("\"")
                || key.startsWith("'") && key.endsWith("'"));
    return quoted ? key.substring(1, key.length() - 1) : key;
  }

  /** ARGs before the first FROM are global: only FROM lines see them. */
  private void arg(Instruction instruction) {
    for (KeyValueWords.KeyValue arg : KeyValueWords.arg(instruction, escape)) {
      if (inStage) {
        scopes.stageArg(arg, instruction.line());
      } else {
        scopes.globalArg(arg, instruction.line());
      }
      setting(Setting.Kind.ARG, arg.key(), arg.rawValue(), instruction.line());
    }
  }

  private void from(Instruction instruction, BuilderFlags flags) {
    int line = instruction.line();
    inStage = true;
    List<String> args = instruction.whitespaceArgs();
    boolean named = args.size() == 3 && args.get(1).equalsIgnoreCase("as");
    if (args.size() != 1 && !named) {
      throw new ParseFailure(
          line,
          "FROM expects an image, optionally followed by AS <name>; got '"
              + instruction.args().strip()
              + "'");
    }
    Optional<String> name =
        named ? Optional.of(args.get(2).toLowerCase(Locale.ROOT)) : Optional.empty();
    String image = scopes.expandGlobal(args.get(0), line);
    Optional<String> platform =
        flags.single("platform").map(p -> scopes.expandGlobal(p, line)).filter(p -> !p.isEmpty());
    int index = stages.size();
    // Registered before validating, so that later lines see the stage even when this one is wrong.
    stages.add(new Stage(index, image, name, platform, line));
    scopes.enterStage();
    if (name.isPresent() && !STAGE_NAME.matcher(name.get()).matches()) {
      throw new ParseFailure(
          line,
          "invalid stage name '"
              + args.get(2)
              + "': expected a letter followed by letters, digits, '-', '_' or '.'");
    }
    if (name.isPresent() && stages.stream().filter(s -> s.name().equals(name)).count() > 1) {
      throw new ParseFailure(line, "duplicate stage name '" + name.get() + "'");
    }
    if (image.isEmpty()) {
      throw new ParseFailure(
          line,
          "FROM image is empty after substituting ARGs in '"
              + args.get(0)
              + "'; expected a default value for the ARG or a --build-arg");
    }
    mentions.add(new Mention(image, ImageReference.Kind.FROM, line, index));
  }

  /** Returns the sources and the destination. */
  private List<String> copy(Instruction instruction, BuilderFlags flags) {
    List<String> args =
        JsonStringArray.parse(instruction.args()).orElseGet(instruction::whitespaceArgs);
    if (args.size() < 2) {
      throw new ParseFailure(
          instruction.line(),
          upper(instruction.keyword()) + " expects at least a source and a destination");
    }
    Optional<String> from = flags.single("from");
    if (from.isPresent()) {
      mention(from.get(), ImageReference.Kind.COPY_FROM, instruction, "--from");
    }
    return args;
  }

  private void run(Instruction instruction, BuilderFlags flags) {
    if (instruction.args().isBlank()) {
      throw new ParseFailure(instruction.line(), "RUN expects a command");
    }
    for (String mount : flags.all("mount")) {
      Optional<String> from = MountFrom.of(mount, instruction.line());
      if (from.isPresent()) {
        mention(from.get(), ImageReference.Kind.MOUNT_FROM, instruction, "--mount from=");
      }
    }
  }

  private void mention(String raw, ImageReference.Kind kind, Instruction instruction, String what) {
    String image = scopes.expandInStage(raw, instruction.line());
    if (image.isEmpty() && !raw.isEmpty()) {
      throw new ParseFailure(
          instruction.line(),
          upper(instruction.keyword())
              + " "
              + what
              + " is empty after substituting ARGs in '"
              + raw
              + "'; expected an ARG with a value");
    }
    if (!image.isEmpty()) {
      mentions.add(new Mention(image, kind, instruction.line(), stages.size()));
    }
  }

  /** Triggers run in a child image's build, so only their shape is checked here. */
  private void onbuild(Instruction instruction) {
    String inner =
        Instruction.split(new LogicalLine(instruction.args(), instruction.line())).keyword();
    if (inner.isEmpty() || Set.of("onbuild", "from", "maintainer").contains(inner)) {
      throw new ParseFailure(
          instruction.line(),
          "ONBUILD expects an instruction other than ONBUILD, FROM or MAINTAINER");
    }
  }

  private static String upper(String keyword) {
    return keyword.toUpperCase(Locale.ROOT);
  }
}
