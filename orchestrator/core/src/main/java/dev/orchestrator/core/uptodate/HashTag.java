package dev.orchestrator.core.uptodate;

import dev.orchestrator.core.hash.ServiceInputs;

/**
 * The registry tag that records an image's input hash: {@code hash-<12 hex>} for an image of every
 * platform of a {@code push} build, {@code hash-<12 hex>-<arch>} for the one-platform image a
 * {@code push-by-digest} job pushes (so each architecture job finds its own image, and the merge
 * joins them by digest). The hash is the image hash over the build's platforms, so a tag can only
 * name an image built from those inputs.
 */
public final class HashTag {
  private HashTag() {}

  public static String of(String repository, String imageHash) {
    return repository + ":hash-" + ServiceInputs.shortHash(imageHash);
  }

  public static String of(String repository, String imageHash, String arch) {
    return of(repository, imageHash) + "-" + arch;
  }
}
