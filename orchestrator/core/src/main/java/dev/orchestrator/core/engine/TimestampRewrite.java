package dev.orchestrator.core.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the builder's image exporter takes {@code rewrite-timestamp=true} (file times in layers
 * set to {@code SOURCE_DATE_EPOCH}), and why not.
 *
 * <p>BuildKit has the option from 0.13. buildx's {@code docker} driver still cannot use it: the
 * engine's exporter always unpacks the image into its store, and BuildKit refuses the pair ({@code
 * exporter option "rewrite-timestamp" conflicts with "unpack"}, seen with Docker 26.1.5 and buildx
 * 0.13.1 for {@code --load}, {@code --push} and {@code type=registry} alike).
 */
public record TimestampRewrite(boolean supported, String reason) {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\..*");

  /** A builder not asked (dry runs, the offline engine): assume nothing. */
  public static final TimestampRewrite NOT_ASKED =
      new TimestampRewrite(false, "the builder was not asked which BuildKit it runs");

  /**
   * @param driver the buildx driver ({@code Driver:} of {@code docker buildx inspect})
   * @param buildkit its BuildKit version ({@code BuildKit version:}), as reported
   */
  public static TimestampRewrite of(String driver, String buildkit) {
    if (driver.equals("docker")) {
      return new TimestampRewrite(
          false,
          "the buildx docker driver unpacks every image into the engine's store, and BuildKit"
              + " refuses rewrite-timestamp with unpack");
    }
    Matcher m = VERSION.matcher(buildkit);
    if (!m.matches() || (m.group(1).equals("0") && m.group(2).equals("0"))) {
      return new TimestampRewrite(
          false, "the builder reports no BuildKit version ('" + buildkit + "'); 0.13 is needed");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 0 || minor >= 13
        ? new TimestampRewrite(true, "BuildKit " + buildkit + " (0.13 or newer)")
        : new TimestampRewrite(false, "BuildKit " + buildkit + " is older than 0.13");
  }
}
