package dev.orchestrator.core.dockerfile;

import java.util.Objects;

/**
 * An image a Dockerfile pulls in that is not one of its own stages: a candidate for an in-repo
 * service or an external image.
 *
 * @param image the reference after ARG substitution, in its original case
 * @param kind the instruction form that mentions it
 * @param line 1-based line where that instruction starts
 */
public record ImageReference(String image, Kind kind, int line) {

  /** Where the reference appears. */
  public enum Kind {
    /** {@code FROM image}. */
    FROM,
    /** {@code COPY --from=image} (or {@code ADD --from=image}). */
    COPY_FROM,
    /** {@code RUN --mount=...,from=image}. */
    MOUNT_FROM
  }

  public ImageReference {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(kind, "kind");
  }
}
