package dev.orchestrator.core.image;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OCI labels the orchestrator gives every image it builds, so that any image says what it is
 * and where it came from without its Dockerfile saying so. A key the Dockerfile's final stage or
 * {@code service.yaml} sets is left to them. Pure: a map, for whichever build definition (buildx
 * argv, a bake file) carries it.
 */
public final class ImageLabels {
  public static final String PREFIX = "org.opencontainers.image.";
  public static final String TITLE = PREFIX + "title";
  public static final String REVISION = PREFIX + "revision";
  public static final String SOURCE = PREFIX + "source";
  public static final String CREATED = PREFIX + "created";
  public static final String VERSION = PREFIX + "version";

  /** Every key this may add, in the order it adds them. */
  public static final List<String> KEYS = List.of(TITLE, REVISION, SOURCE, CREATED, VERSION);

  private ImageLabels() {}

  /**
   * Where the build's sources come from; each part is left out when unknown.
   *
   * @param revision the commit sha
   * @param source the repository's URL, credentials already removed
   * @param created when the image was made, RFC 3339, from {@code SOURCE_DATE_EPOCH} (absent
   *     otherwise, so that rebuilding the same sources gives the same image)
   * @param version the release version ({@code 1.4.2} from a tag {@code v1.4.2}), else what {@code
   *     git describe} says
   */
  public record Provenance(
      Optional<String> revision,
      Optional<String> source,
      Optional<String> created,
      Optional<String> version) {
    public static final Provenance NONE =
        new Provenance(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The labels for {@code service}'s image, in {@link #KEYS} order.
   *
   * @param setByService label keys its Dockerfile's final stage or its {@code service.yaml} sets
   */
  public static Map<String, String> of(
      String service, Provenance provenance, Set<String> setByService) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(TITLE, service);
    provenance.revision().ifPresent(v -> labels.put(REVISION, v));
    provenance.source().ifPresent(v -> labels.put(SOURCE, v));
    provenance.created().ifPresent(v -> labels.put(CREATED, v));
    provenance.version().ifPresent(v -> labels.put(VERSION, v));
    labels.keySet().removeAll(setByService);
    return labels;
  }

  /**
   * A git remote as a public source URL: {@code https://user:token@host/org/repo.git} loses its
   * user and token, {@code git@host:org/repo.git} (scp form) becomes {@code https://host/org/repo};
   * a local path is no source. Empty when nothing public is left.
   */
  public static Optional<String> sourceUrl(String remote) {
    String url = remote.strip();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    java.util.regex.Matcher scp =
        java.util.regex.Pattern.compile("(?:[^@/:]+@)?([^/:]+\\.[^/:]+):(?!//)(.+)").matcher(url);
    if (!url.contains("://") && scp.matches()) {
      return Optional.of("https://" + scp.group(1) + "/" + withoutGitSuffix(scp.group(2)));
    }
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null || uri.getScheme() == null || uri.getScheme().equals("file")) {
        return Optional.empty();
      }
      String scheme =
          uri.getScheme().equals("ssh") || uri.getScheme().equals("git")
              ? "https"
              : uri.getScheme();
      // The port of an ssh remote is not the web server's.
      String port = uri.getPort() < 0 || !scheme.equals(uri.getScheme()) ? "" : ":" + uri.getPort();
      String path = uri.getRawPath() == null ? "" : withoutGitSuffix(uri.getRawPath());
      return Optional.of(scheme + "://" + uri.getHost() + port + path);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String withoutGitSuffix(String path) {
    return path.endsWith(".git") ? path.substring(0, path.length() - 4) : path;
  }
}
