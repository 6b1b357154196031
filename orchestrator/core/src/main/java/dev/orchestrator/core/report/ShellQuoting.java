package dev.orchestrator.core.report;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Shows an argument list the way a shell user would type it. For display only: the orchestrator
 * itself never runs anything through a shell.
 */
public final class ShellQuoting {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  private ShellQuoting() {}

  public static String display(List<String> argv) {
    return argv.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
  }

  public static String quote(String arg) {
    return SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
