package dev.orchestrator.core.build;

import dev.orchestrator.core.process.ProcessResult;
import java.util.Optional;
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
