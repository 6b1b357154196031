package dev.orchestrator.core.config;

import dev.orchestrator.core.config.ServiceDescriptor.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code secrets:}, a list of {@code {id: npm, env: NPM_TOKEN}} or {@code {id, src}}, each
 * optionally with {@code optional: true}. Whether the variable is set or the file is there is
 * checked before a build, not here: listing and graphing need neither.
 */
final class Secrets {
  private static final String EXPECTED =
      "a list of secrets such as [{id: npm, env: NPM_TOKEN}, {id: netrc, src: /root/.netrc}]";
  private static final String ONE = "a secret such as {id: npm, env: NPM_TOKEN}";
  private static final List<String> KEYS = List.of("id", "env", "src", "optional");
  private static final Form ID =
      Form.of("[A-Za-z0-9_][A-Za-z0-9_.-]*", "a secret id such as npm_token", null);
  private static final Form ENV =
      Form.of("[A-Za-z_][A-Za-z0-9_]*", "an environment variable name such as NPM_TOKEN", null);

  private static final Form OPTIONAL = Form.of("true|false", "true or false", null);

  private Secrets() {}

  /**
   * @param lines gets the line of each secret, under {@link Secret#lineKey}, for later messages
   */
  static List<Secret> read(
      YamlNodes yaml, YamlSection top, Path folder, Path root, Map<String, Integer> lines) {
    return yaml.list(
        top,
        "secrets",
        EXPECTED,
        (node, path) ->
            yaml.section(node, path, KEYS, ONE)
                .flatMap(s -> one(yaml, s, top.lineOf("secrets"), folder, root))
                .map(
                    secret -> {
                      lines.put(Secret.lineKey(secret.id()), node.getStartMark().getLine() + 1);
                      return secret;
                    }));
  }

  private static Optional<Secret> one(
      YamlNodes yaml, YamlSection s, int line, Path folder, Path root) {
    Optional<String> id = yaml.string(s, "id", ID);
    Optional<String> env = yaml.string(s, "env", ENV);
    // A file outside the repository is the usual case for credentials (~/.netrc), so only a
    // relative path is held to the repository.
    Optional<String> src =
        yaml.checked(
            s,
            "src",
            "a file path such as /root/.netrc",
            v ->
                Path.of(v).isAbsolute()
                    ? Optional.empty()
                    : RepositoryPaths.complaint(v, folder, root));
    if (id.isEmpty() || env.isPresent() == src.isPresent()) {
      if (!s.has("id") || s.has("env") == s.has("src")) {
        yaml.report(line, "each secret needs 'id' and exactly one of 'env' or 'src': " + ONE);
      }
      return Optional.empty();
    }
    boolean optional =
        yaml.string(s, "optional", OPTIONAL).map(Boolean::parseBoolean).orElse(false);
    return Optional.of(
        env.isPresent()
            ? new Secret(id.get(), Secret.Kind.ENV, env.get(), optional)
            : new Secret(
                id.get(),
                Secret.Kind.FILE,
                folder.resolve(src.get()).normalize().toString(),
                optional));
  }
}
