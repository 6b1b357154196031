package dev.orchestrator.core.config;

import dev.orchestrator.core.image.Platforms;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The accepted form of a text value, with the words error messages use to describe it.
 *
 * @param pattern what a valid value matches, in full
 * @param one how to describe one value ("a platform such as linux/amd64")
 * @param many how to describe a list of them, or null where a list is never expected
 * @param why what is wrong with a value it does not accept, when there is more to say than {@code
 *     one} ("unknown architecture 'amd65' (known: ...)")
 */
record Form(Pattern pattern, String one, String many, Function<String, Optional<String>> why) {

  Form(Pattern pattern, String one, String many) {
    this(pattern, one, many, value -> Optional.empty());
  }

  static final Form SERVICE_NAME =
      of(
          "[a-z0-9][a-z0-9._-]{0,127}",
          "a service name such as billing-api (lowercase letters, digits, '.', '_' and '-',"
              + " at most 128 characters)",
          "a list of service names such as [billing-api, users]");
  // The grammar is Platforms'; a value shaped like os/arch gets told which part is unknown.
  static final Form PLATFORM =
      new Form(
          Platforms.PATTERN,
          "a platform such as linux/amd64 or linux/arm/v7",
          "a list of platforms such as [linux/amd64, linux/arm64]",
          Form::platformProblem);
  static final Form PROFILE_PLATFORM =
      new Form(
          Pattern.compile(Platforms.HOST + "|" + Platforms.PATTERN.pattern()),
          "a platform such as linux/amd64, or the word host",
          "a list of platforms such as [linux/amd64, linux/arm64] or [host]",
          Form::platformProblem);
  static final Form TAG =
      of(
          "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}",
          "a docker tag such as 1.4.2 or latest",
          "a list of docker tags such as [1.4.2, stable]");
  static final Form ARG_NAME =
      of("[A-Za-z_][A-Za-z0-9_]*", "a build argument name such as VERSION", null);
  static final Form STAGE =
      of("[A-Za-z0-9][A-Za-z0-9._-]*", "a build stage name such as runtime", null);
  static final Form BUILDER =
      of("[A-Za-z0-9][A-Za-z0-9._-]*", "a buildx builder name such as orchestrator", null);
  static final Form HTTP_PATH = of("/\\S*", "an HTTP path starting with /, such as /health", null);
  static final Form PROFILE_NAME =
      of("[a-z0-9][a-z0-9._-]*", "a profile name such as local or ci-amd64", null);
  // A registry host (name or IP, optional port) and optional repository path, as docker accepts.
  static final Form REGISTRY =
      of(
          "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*",
          "a registry such as 127.0.0.1:5000 or ghcr.io/org",
          null);
  static final Form NAMESPACE =
      of(
          "[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*",
          "a repository path such as monorepo or team/apps",
          null);

  static Form of(String regex, String one, String many) {
    return new Form(Pattern.compile(regex), one, many);
  }

  /** A closed set of words, such as {@code load|push}. */
  static Form oneOf(String... words) {
    String list = String.join(", ", words);
    return of(String.join("|", words), "one of: " + list, null);
  }

  boolean accepts(String value) {
    return pattern.matcher(value).matches();
  }

  private static Optional<String> platformProblem(String value) {
    return value.contains("/") ? Platforms.problem(value) : Optional.empty();
  }
}
