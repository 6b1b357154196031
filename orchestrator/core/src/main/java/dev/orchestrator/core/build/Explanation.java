package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.hash.ServiceInputs;
import dev.orchestrator.core.process.CommandRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Why a service will or will not be rebuilt ({@code build --explain}): its input hashes, what they
 * were computed from, and where an image with them was or was not found.
 *
 * @param platformHashes the input hash per platform
 * @param imageHash the value the image's label carries (over all the build's platforms)
 * @param inputs one line per input of the service itself
 * @param dependencies each dependency's input hash per platform, as {@code name platform hash}
 * @param upToDate whether a build would skip it
 * @param where where the image was looked for and what was found
 * @param timestamps what {@code SOURCE_DATE_EPOCH} the build would use and whether the exporter
 *     rewrites file times to it, one line each
 * @param attestations what buildx attaches besides the platform manifests (the profile's {@code
 *     provenance} and {@code sbom}), one line each
 */
public record Explanation(
    String service,
    Map<String, String> platformHashes,
    String imageHash,
    List<String> inputs,
    List<String> dependencies,
    boolean upToDate,
    boolean force,
    String where,
    List<String> timestamps,
    List<String> attestations) {

  public Explanation {
    platformHashes = Map.copyOf(platformHashes);
    timestamps = List.copyOf(timestamps);
    attestations = List.copyOf(attestations);
    inputs = List.copyOf(inputs);
    dependencies = List.copyOf(dependencies);
  }

  /** Looks, changing nothing. {@code settings} must carry an {@link Incremental}. */
  public static Explanation of(
      BuildSettings settings,
      Engine engine,
      CommandRunner runner,
      Service service,
      java.util.Set<String> dependencies,
      List<String> timestamps) {
    Incremental incremental = settings.incremental().orElseThrow();
    UpToDateCheck check =
        new UpToDateCheck(settings, engine, settings.profile().imageNames(), runner);
    UpToDateCheck.Hashes hashes = check.hashes(service).orElseThrow();
    ServiceInputs inputs = incremental.hashes().inputs(service.name());
    List<String> deps = new java.util.ArrayList<>();
    for (String d : new TreeSet<>(dependencies)) {
      for (String p : settings.platforms()) {
        deps.add(d + " " + p + " " + incremental.hashes().platformHash(d, p));
      }
    }
    dev.orchestrator.core.uptodate.Lookup lookup = check.lookup(service, hashes);
    return new Explanation(
        service.name(),
        new LinkedHashMap<>(hashes.perPlatform()),
        hashes.image(),
        inputs.describe(),
        deps,
        lookup.found() && !incremental.force(),
        incremental.force(),
        lookup.where(),
        timestamps,
        attestations(settings.profile().attestations()));
  }

  /** In words, with the flags buildx gets ({@link BuildxCommand#attestations}). */
  static List<String> attestations(Profile.Attestations a) {
    String flags = String.join(" ", BuildxCommand.attestations(a));
    if (!a.any()) {
      return List.of("none (" + flags + "): the image index holds only the platform manifests");
    }
    List<String> lines = new java.util.ArrayList<>();
    lines.add(
        flags
            + ": an attestation manifest (platform unknown/unknown) beside each platform's;"
            + " digests, sizes, budgets and merge read only the platform manifests");
    if (a.sbom()) {
      lines.add(
          "sbom: true: BuildKit runs the scanner image docker.io/docker/buildkit-syft-scanner,"
              + " which the builder must be able to pull");
    }
    return lines;
  }
}
