package dev.orchestrator.core.reproduce;

/** What differs in one path between two builds' layers. */
public enum Aspect {
  /** The path is in one layer and not in the other. */
  PRESENCE("presence"),
  /** The bytes of a file, the target of a link, or the kind of entry. */
  CONTENT("content"),
  /** The permission bits. */
  MODE("mode"),
  /** The uid, gid or their names. */
  OWNER("owner"),
  /** The modification time. */
  MTIME("mtime");

  private final String label;

  Aspect(String label) {
    this.label = label;
  }

  /** The word the report uses. */
  public String label() {
    return label;
  }
}
