package dev.orchestrator.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the short durations configuration uses: {@code 500ms}, {@code 60s}, {@code 2m}, {@code
 * 1h}.
 */
final class Durations {
  static final String EXPECTED = "a duration such as 60s, 2m or 500ms";

  private static final Pattern FORM = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");
  private static final Map<String, Duration> UNITS =
      Map.of(
          "ms", Duration.ofMillis(1),
          "s", Duration.ofSeconds(1),
          "m", Duration.ofMinutes(1),
          "h", Duration.ofHours(1));

  private Durations() {}

  /** The duration, or an IllegalArgumentException saying what was expected. */
  static Duration parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException("'" + text + "' is not " + EXPECTED);
    }
    return UNITS.get(m.group(2)).multipliedBy(Long.parseLong(m.group(1)));
  }
}
