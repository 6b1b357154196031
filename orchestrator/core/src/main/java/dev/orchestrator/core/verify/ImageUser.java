package dev.orchestrator.core.verify;

/** Reads an image's {@code USER} ({@code user[:group]}, by name or number). */
final class ImageUser {
  private ImageUser() {}

  /**
   * Whether the user is root: no USER at all, {@code 0} or {@code root}, whatever the group. A user
   * named otherwise is taken as not root; the process check sees the real uid.
   */
  static boolean isRoot(String user) {
    String name = user == null ? "" : user.strip();
    int colon = name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name.isEmpty() || name.equals("root") || name.matches("0+");
  }

  static CheckResult check(String user) {
    if (user == null || user.isBlank()) {
      return CheckResult.fail(Check.USER, "no USER (runs as root)");
    }
    return isRoot(user)
        ? CheckResult.fail(Check.USER, "USER " + user + " is root")
        : CheckResult.pass(Check.USER, "USER " + user);
  }
}
