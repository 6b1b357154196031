package dev.orchestrator.core.engine;

import dev.orchestrator.core.error.EnvironmentException;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges what preflight found. Pure, so every failure can be tested without an engine that lacks
 * the feature; all problems found together are reported in one exception.
 */
final class PreflightChecks {
  /** Docker 24 (API 1.43) is the first whose containerd store loads multi-platform images. */
  static final int MIN_API_MAJOR = 1;

  static final int MIN_API_MINOR = 43;
  static final String CONTAINERD_SNAPSHOTTER = "io.containerd.snapshotter.v1";

  private PreflightChecks() {}

  /** Throws when the engine's API is older than Docker 24's. */
  static void requireApi(String apiVersion) {
    if (!atLeastMinimumApi(apiVersion)) {
      throw new EnvironmentException(
          "The Docker engine speaks API " + apiVersion + "; 1.43 (Docker 24) or later is needed.",
          "Install Docker 24 or later (`make engine` installs 26.1).");
    }
  }

  /**
   * What preflight found, once the features are checked: the same judgement whichever client asked
   * the engine.
   */
  static EngineInfo judge(
      String serverVersion,
      String apiVersion,
      String hostPlatform,
      boolean containerdStore,
      BuildxProbe.Result buildx,
      List<String> platforms) {
    requireFeatures(containerdStore, buildx, platforms);
    return new EngineInfo(
        serverVersion, apiVersion, containerdStore, buildx.platforms(), hostPlatform);
  }

  /** Throws naming every missing piece: the containerd store, buildx, requested platforms. */
  static void requireFeatures(
      boolean containerdStore, BuildxProbe.Result buildx, List<String> wantedPlatforms) {
    List<String> messages = new ArrayList<>();
    List<String> remedies = new ArrayList<>();
    if (!containerdStore) {
      messages.add(
          "The engine does not use the containerd image store;"
              + " multi-platform --load and cache export need it.");
      remedies.add(
          "Set {\"features\":{\"containerd-snapshotter\":true}} in"
              + " /etc/docker/daemon.json and restart dockerd (or run `make engine`).");
    }
    if (!buildx.ok()) {
      messages.add("docker buildx is not available: " + buildx.failure());
      remedies.add("Install the docker CLI and its buildx plugin (`make engine`).");
    } else {
      List<String> missing = missingPlatforms(wantedPlatforms, buildx.platforms());
      if (!missing.isEmpty()) {
        messages.add(
            "The buildx builder lacks "
                + String.join(", ", missing)
                + "; it offers "
                + String.join(", ", buildx.platforms())
                + ".");
        remedies.add(
            "Register the QEMU emulators with binfmt_misc (qemu-user-static and"
                + " binfmt-support, then `update-binfmts --enable`), or run `make engine`.");
      }
    }
    if (!messages.isEmpty()) {
      throw new EnvironmentException(String.join(" ", messages), String.join(" ", remedies));
    }
  }

  /** {@code info}'s DriverStatus pairs include {@code driver-type io.containerd.snapshotter.v1}. */
  static boolean hasContainerdStore(List<List<String>> driverStatuses) {
    return driverStatuses != null
        && driverStatuses.stream()
            .anyMatch(
                pair ->
                    pair.size() == 2
                        && "driver-type".equals(pair.get(0))
                        && CONTAINERD_SNAPSHOTTER.equals(pair.get(1)));
  }

  /** Requested platforms the builder does not list; {@code linux/arm64/v8} counts as arm64. */
  static List<String> missingPlatforms(List<String> wanted, List<String> offered) {
    List<String> normalized = offered.stream().map(PreflightChecks::normalize).toList();
    return wanted.stream().filter(p -> !normalized.contains(normalize(p))).toList();
  }

  static boolean atLeastMinimumApi(String apiVersion) {
    String[] parts = apiVersion == null ? new String[0] : apiVersion.split("\\.");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > MIN_API_MAJOR || (major == MIN_API_MAJOR && minor >= MIN_API_MINOR);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String normalize(String platform) {
    return platform.equals("linux/arm64/v8") ? "linux/arm64" : platform;
  }
}
