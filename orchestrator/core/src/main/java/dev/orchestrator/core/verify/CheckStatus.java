package dev.orchestrator.core.verify;

/** A check's outcome; {@code NOT_APPLICABLE} is neither a pass nor a failure. */
public enum CheckStatus {
  PASS("pass"),
  FAIL("fail"),
  NOT_APPLICABLE("n/a");

  private final String label;

  CheckStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
