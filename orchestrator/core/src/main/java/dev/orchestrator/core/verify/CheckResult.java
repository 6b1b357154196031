package dev.orchestrator.core.verify;

/**
 * One check on one service and platform.
 *
 * @param detail a short reason for people, such as {@code healthy after 4.6s} or {@code uid 0}
 * @param output what the container printed last, for a check whose container failed; else empty
 */
public record CheckResult(Check check, CheckStatus status, String detail, String output) {

  public CheckResult(Check check, CheckStatus status, String detail) {
    this(check, status, detail, "");
  }

  public static CheckResult pass(Check check, String detail) {
    return new CheckResult(check, CheckStatus.PASS, detail);
  }

  public static CheckResult fail(Check check, String detail) {
    return new CheckResult(check, CheckStatus.FAIL, detail);
  }

  public static CheckResult notApplicable(Check check, String detail) {
    return new CheckResult(check, CheckStatus.NOT_APPLICABLE, detail);
  }

  /** The same result with the container's last output attached. */
  public CheckResult withOutput(String output) {
    return new CheckResult(check, status, detail, output.strip());
  }

  public String name() {
    return check.label();
  }

  public boolean failed() {
    return status == CheckStatus.FAIL;
  }
}
