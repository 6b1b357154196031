package dev.orchestrator.core.build;

import dev.orchestrator.core.process.ProcessResult;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's answer that means "try again" (500, 502, 503, 504 or 429), in buildx's words: {@code
 * unexpected status from HEAD request to URL: 500 Internal Server Error}. Registries return these
 * under load or while restarting; buildx gives up at the first one, so a build that failed with one
 * is run once more (BuildKit's cache makes that cheap) before it counts as failed.
 */
final class RegistryHiccup {
  private static final Pattern STATUS =
      Pattern.compile(
          "unexpected status(?: code)?(?: from [A-Z]+ request to \\S+)?:? (50[0234]|429)\\b[^\"]*");

  private RegistryHiccup() {}

  /**
   * Runs the build; when it failed on such an answer, says so and runs it once more, and the second
   * result stands whatever it is.
   *
   * @param announce told why the build runs again
   */
  static ProcessResult runOnceMoreIfNeeded(
      Supplier<ProcessResult> build, Consumer<String> announce) {
    ProcessResult first = build.get();
    Optional<String> hiccup = in(first);
    if (hiccup.isEmpty()) {
      return first;
    }
    announce.accept("the registry answered " + hiccup.get() + ": once more");
    return build.get();
  }

  /** The words of the failure's answer, when it failed on such an answer. */
  static Optional<String> in(ProcessResult result) {
    if (result.succeeded()) {
      return Optional.empty();
    }
    for (String line : result.output()) {
      Matcher m = STATUS.matcher(line);
      if (m.find()) {
        return Optional.of(m.group().strip());
      }
    }
    return Optional.empty();
  }
}
