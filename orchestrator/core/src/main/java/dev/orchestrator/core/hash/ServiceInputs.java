package dev.orchestrator.core.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a service's image is made from, platform aside: its build context (as sent, after the ignore
 * file), Dockerfile, ignore file, build arguments, target and any extra input folders.
 *
 * @param contentHash SHA-256 over all of the above; the per-platform input hash adds the platform
 *     and the dependencies' input hashes
 */
public record ServiceInputs(
    String service,
    int contextEntries,
    String contextHash,
    String dockerfile,
    String dockerfileHash,
    Optional<String> ignoreFile,
    String ignoreHash,
    Map<String, String> args,
    Optional<String> target,
    Map<String, String> extraFolders,
    String contentHash) {

  public ServiceInputs {
    args = Map.copyOf(args);
    extraFolders = Map.copyOf(extraFolders);
  }

  /** One line per input, for {@code build --explain}. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("context: " + contextEntries + " entries sent, sha256 " + shortHash(contextHash));
    lines.add("dockerfile: " + dockerfile + " sha256 " + shortHash(dockerfileHash));
    lines.add(
        "ignore file: "
            + ignoreFile.map(f -> f + " sha256 " + shortHash(ignoreHash)).orElse("none"));
    lines.add("build args: " + (args.isEmpty() ? "none" : new java.util.TreeMap<>(args)));
    lines.add("target: " + target.orElse("none (last stage)"));
    extraFolders.forEach((f, h) -> lines.add("extra input: " + f + " sha256 " + shortHash(h)));
    return lines;
  }

  public static String shortHash(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }
}
