package dev.orchestrator.core.size;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and formats sizes; decimal units are powers of 1000, binary ("iB") of 1024. */
final class ByteSizeParser {
  static final String EXPECTED = "a size such as 150MB, 120MiB, 1.2GB or 900B";

  private static final Pattern FORM =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|B)?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Map<String, Long> UNITS =
      Map.of(
          "B", 1L,
          "KB", 1_000L,
          "MB", 1_000_000L,
          "GB", 1_000_000_000L,
          "TB", 1_000_000_000_000L,
          "KIB", 1L << 10,
          "MIB", 1L << 20,
          "GIB", 1L << 30,
          "TIB", 1L << 40);

  private ByteSizeParser() {}

  static ByteSize parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not " + EXPECTED);
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNITS.get(unit)));
    return new ByteSize(bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
  }

  static String format(long bytes) {
    if (bytes < 1_000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1_000 && unit < units.length - 1) {
      value /= 1_000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
