package dev.orchestrator.core.graph;

/**
 * {@code from} needs {@code to}'s image (or artifacts) before it can build.
 *
 * @param detail where the edge comes from, for example {@code Dockerfile:3}
 */
public record Edge(String from, String to, Reason reason, String detail) {

  /** Why one service depends on another. */
  public enum Reason {
    DOCKERFILE_FROM("Dockerfile FROM"),
    DOCKERFILE_COPY_FROM("Dockerfile COPY --from"),
    DOCKERFILE_MOUNT_FROM("Dockerfile RUN --mount from"),
    DEPENDS_ON("dependsOn"),
    MAVEN_DEPENDENCY("Maven dependency");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Only references inside a Dockerfile are wired as buildx named contexts. */
    public boolean isImageReference() {
      return this != DEPENDS_ON && this != MAVEN_DEPENDENCY;
    }
  }
}
