package dev.orchestrator.core.discovery;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The one rule for service names, shared by discovery, descriptors and command lines. */
public final class ServiceNames {
  /** Lower-case so that a name is also a valid image repository path component. */
  public static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

  public static final String EXPECTED = "a name matching [a-z0-9][a-z0-9._-]*";

  /**
   * Folder names that say how a project is laid out, not what it is: a Dockerfile in one of them is
   * named after the nearest parent folder that is not generic ({@code
   * src/cartservice/src/Dockerfile} is {@code cartservice}). Compared without case.
   */
  public static final Set<String> GENERIC_FOLDERS =
      Set.of(
          "src",
          "source",
          "sources",
          "app",
          "application",
          "docker",
          "dockerfiles",
          ".docker",
          "container",
          "containers",
          "image",
          "images",
          "build",
          "deploy",
          "deployment",
          "main",
          "server",
          "service");

  private ServiceNames() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * The folder that names a service found in {@code folder} under the scanned folder {@code
   * scanRoot}: the folder itself unless its name is generic, else the nearest parent strictly below
   * {@code scanRoot} whose name is not; the folder itself when there is none ({@code services/app}
   * stays {@code app}: the scanned folder's own name never names a service).
   */
  public static Path namingFolder(Path folder, Path scanRoot) {
    for (Path at = folder; at != null && !at.equals(scanRoot) && at.startsWith(scanRoot); ) {
      if (!isGeneric(at)) {
        return at;
      }
      at = at.getParent();
    }
    return folder;
  }

  static boolean isGeneric(Path folder) {
    return folder.getFileName() != null
        && GENERIC_FOLDERS.contains(folder.getFileName().toString().toLowerCase(Locale.ROOT));
  }
}
