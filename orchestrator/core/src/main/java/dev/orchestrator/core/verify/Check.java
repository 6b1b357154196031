package dev.orchestrator.core.verify;

/** The checks verify makes, in the order reports list them. */
public enum Check {
  /** The image variant exists in the engine. */
  IMAGE("image"),
  /** The image declares a HEALTHCHECK. */
  HEALTHCHECK("healthcheck"),
  /** The image's USER is not root. */
  USER("user"),
  /** The image carries OCI labels, {@code org.opencontainers.image.title} at least. */
  LABELS("labels"),
  /** Uncompressed and compressed sizes within the service's budgets. */
  SIZE("size"),
  /** A container starts and becomes healthy within the start timeout. */
  HEALTHY("healthy"),
  /** The container's main process runs with a non-zero uid. */
  PROCESS_USER("process-user"),
  /** It also becomes healthy with a read-only root, tmpfs /tmp and no capabilities. */
  READ_ONLY("read-only"),
  /** The declared port answers the health path with HTTP 200. */
  HTTP("http");

  private final String label;

  Check(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
