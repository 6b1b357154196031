package dev.orchestrator.core.uptodate;

import java.util.Optional;

/**
 * What one look-up found.
 *
 * @param where where it looked and what it saw, for {@code --explain} and the report
 * @param digest the manifest digest of the image found, when the place knows it (a registry)
 */
public record Lookup(boolean found, String where, Optional<String> digest) {

  public static Lookup found(String where, Optional<String> digest) {
    return new Lookup(true, where, digest);
  }

  public static Lookup missing(String where) {
    return new Lookup(false, where, Optional.empty());
  }
}
