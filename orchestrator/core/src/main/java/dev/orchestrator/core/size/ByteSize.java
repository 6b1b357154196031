package dev.orchestrator.core.size;

/**
 * A size in bytes. Parsed from the forms users write in budgets: {@code 150MB} (decimal, 10^6),
 * {@code 120MiB} (binary, 2^20), {@code 1.2GB}, {@code 512KB}, {@code 900B} or a plain number of
 * bytes.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative size: " + bytes);
    }
  }

  /**
   * Parses a size; throws {@link IllegalArgumentException} with the expected form on bad input.
   * (Implemented in the config helper's change.)
   */
  public static ByteSize parse(String text) {
    return ByteSizeParser.parse(text);
  }

  /** Human form with decimal units, as {@code docker images} shows: {@code 54.2 MB}. */
  public String human() {
    return ByteSizeParser.format(bytes);
  }

  @Override
  public int compareTo(ByteSize other) {
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return human();
  }
}
