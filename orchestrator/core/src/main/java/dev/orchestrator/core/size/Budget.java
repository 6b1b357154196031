package dev.orchestrator.core.size;

import java.util.Map;
import java.util.Optional;

/**
 * A size limit: one size for every platform, or a size per platform (a platform missing from the
 * map has no limit).
 */
public record Budget(ByteSize everyPlatform, Map<String, ByteSize> perPlatform) {

  public Budget {
    perPlatform = Map.copyOf(perPlatform);
  }

  public static Budget of(ByteSize size) {
    return new Budget(size, Map.of());
  }

  public Optional<ByteSize> forPlatform(String platform) {
    ByteSize specific = perPlatform.get(platform);
    return Optional.ofNullable(specific != null ? specific : everyPlatform);
  }
}
