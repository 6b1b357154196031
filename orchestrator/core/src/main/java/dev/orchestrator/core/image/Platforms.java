package dev.orchestrator.core.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Platform names: their grammar ({@code os/arch[/variant]}, the one place that knows it), {@code
 * host} resolution and the architecture part used in cache refs.
 */
public final class Platforms {
  public static final String HOST = "host";

  /** The grammar, in the words messages use. */
  public static final String GRAMMAR = "os/arch[/variant]";

  /** The operating systems buildx builds for. */
  public static final List<String> OPERATING_SYSTEMS =
      List.of("linux", "windows", "darwin", "freebsd");

  /** The architectures buildx knows, each with the variants it takes (most take none). */
  public static final Map<String, List<String>> ARCHITECTURES = architectures();

  /** A platform, in full: a known os, a known architecture and one of its variants if any. */
  public static final Pattern PATTERN =
      Pattern.compile(
          "("
              + String.join("|", OPERATING_SYSTEMS)
              + ")/("
              + ARCHITECTURES.entrySet().stream()
                  .map(
                      a ->
                          a.getValue().isEmpty()
                              ? a.getKey()
                              : a.getKey() + "(/(" + String.join("|", a.getValue()) + "))?")
                  .collect(Collectors.joining("|"))
              + ")");

  private static Map<String, List<String>> architectures() {
    Map<String, List<String>> known = new LinkedHashMap<>();
    known.put("amd64", List.of("v1", "v2", "v3", "v4"));
    known.put("arm64", List.of("v8"));
    known.put("arm", List.of("v5", "v6", "v7", "v8"));
    for (String plain : List.of("386", "ppc64le", "s390x", "riscv64", "mips64le", "loong64")) {
      known.put(plain, List.of());
    }
    return Collections.unmodifiableMap(known);
  }

  /** Whether {@code text} is a platform such as {@code linux/amd64} ({@code host} is not). */
  public static boolean isPlatform(String text) {
    return PATTERN.matcher(text).matches();
  }

  /**
   * Why {@code text} is not a platform, in a phrase naming the part that is wrong and what is
   * known; empty when it is one.
   */
  public static Optional<String> problem(String text) {
    if (isPlatform(text)) {
      return Optional.empty();
    }
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      return Optional.of("expected " + GRAMMAR + ", such as linux/amd64 or linux/arm/v7");
    }
    if (!OPERATING_SYSTEMS.contains(parts[0])) {
      return Optional.of(
          "unknown os '" + parts[0] + "' (known: " + String.join(", ", OPERATING_SYSTEMS) + ")");
    }
    List<String> variants = ARCHITECTURES.get(parts[1]);
    if (variants == null) {
      return Optional.of(
          "unknown architecture '"
              + parts[1]
              + "' (known: "
              + String.join(", ", ARCHITECTURES.keySet())
              + ")");
    }
    return Optional.of(
        variants.isEmpty()
            ? parts[1] + " takes no variant"
            : "unknown variant '"
                + parts[2]
                + "' of "
                + parts[1]
                + " (known: "
                + String.join(", ", variants)
                + ")");
  }

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
