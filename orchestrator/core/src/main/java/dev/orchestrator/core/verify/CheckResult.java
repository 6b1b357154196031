package dev.orchestrator.core.verify;

/**
 * One check on one service and platform.
 *
 * @param detail a short reason for people, such as {@code healthy after 4.6s} or {@code uid 0}
 */
public record CheckResult(Check check, CheckStatus status, String detail) {

  public static CheckResult pass(Check check, String detail) {
    return new CheckResult(check, CheckStatus.PASS, detail);
  }

  public static CheckResult fail(Check check, String detail) {
    return new CheckResult(check, CheckStatus.FAIL, detail);
  }

  public static CheckResult notApplicable(Check check, String detail) {
    return new CheckResult(check, CheckStatus.NOT_APPLICABLE, detail);
  }

  public String name() {
    return check.label();
  }

  public boolean failed() {
    return status == CheckStatus.FAIL;
  }
}
