package dev.orchestrator.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Platform names: {@code host} resolution and the architecture part used in cache refs. */
public final class Platforms {
  public static final String HOST = "host";

  private Platforms() {}

  /** The platform of this machine in Docker's terms, e.g. {@code linux/amd64}. */
  public static String host() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return "linux/"
        + switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
  }

  /** The platforms a request names, else the profile's; {@code host} resolved either way. */
  public static List<String> chosen(List<String> requested, List<String> profilePlatforms) {
    return resolve(requested.isEmpty() ? profilePlatforms : requested);
  }

  /** Replaces {@code host} by the host platform and drops duplicates, keeping order. */
  public static List<String> resolve(List<String> platforms) {
    List<String> resolved = new ArrayList<>();
    for (String p : platforms) {
      String r = HOST.equals(p) ? host() : p;
      if (!resolved.contains(r)) {
        resolved.add(r);
      }
    }
    return List.copyOf(resolved);
  }

  /**
   * The requested platforms narrowed to those a service's descriptor lists ({@code supported}),
   * when it lists any: a service that only runs on amd64 is neither built nor verified for arm64.
   */
  public static List<String> supportedBy(List<String> supported, List<String> requested) {
    return supported.isEmpty()
        ? requested
        : requested.stream().filter(supported::contains).toList();
  }

  /** {@code linux/arm64/v8} gives {@code arm64-v8}: safe in a tag. */
  public static String archTag(String platform) {
    int slash = platform.indexOf('/');
    return (slash < 0 ? platform : platform.substring(slash + 1)).replace('/', '-');
  }
}
