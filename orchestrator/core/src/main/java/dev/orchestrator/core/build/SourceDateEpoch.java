package dev.orchestrator.core.build;

import java.time.Instant;

/**
 * The {@code SOURCE_DATE_EPOCH} one service's image is built with: BuildKit dates the image config
 * and its history with it, and the tool's {@code created} label says the same time.
 *
 * @param seconds seconds since 1970
 * @param origin what the time is, for {@code build --explain} ("the last commit changing its
 *     inputs", "the profile's sourceDateEpoch")
 */
public record SourceDateEpoch(long seconds, String origin) {
  /** The build argument buildx and BuildKit read. */
  public static final String ARG = "SOURCE_DATE_EPOCH";

  /** RFC 3339 in UTC, as BuildKit writes the image's {@code created}. */
  public String rfc3339() {
    return Instant.ofEpochSecond(seconds).toString();
  }
}
