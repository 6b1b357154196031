package dev.orchestrator.core.discovery;

import java.util.regex.Pattern;

/** The one rule for service names, shared by discovery, descriptors and command lines. */
public final class ServiceNames {
  /** Lower-case so that a name is also a valid image repository path component. */
  public static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

  public static final String EXPECTED = "a name matching [a-z0-9][a-z0-9._-]*";

  private ServiceNames() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }
}
