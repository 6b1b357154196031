package dev.orchestrator.core.state;

import java.nio.file.Path;

/**
 * The orchestrator's own state inside a repository, {@code .cache/orchestrator}: the one place that
 * knows its name and layout. Everything in it can be deleted ({@code orchestrator clean}); builds
 * then start cold.
 */
public record StateFolder(Path repositoryRoot) {
  /** The folder, relative to the repository root. */
  public static final String RELATIVE = ".cache/orchestrator";

  public Path path() {
    return repositoryRoot.resolve(RELATIVE);
  }

  /**
   * Before the first write here: keeps {@code .cache/} out of the repository's {@code git status}
   * through {@code .git/info/exclude} (see {@link GitExclude}); idempotent, and nothing outside
   * git.
   */
  public void beforeWriting() {
    GitExclude.ensure(repositoryRoot);
  }

  /** Held by the one build (or clean) of the repository running; names its pid and start. */
  public Path buildLock() {
    return path().resolve("build.lock");
  }

  /** What was built with which input hash (and its sizes). */
  public Path buildIndex() {
    return path().resolve("index.tsv");
  }

  /** File hashes by path, size and modification time, so unchanged files are not read again. */
  public Path fileHashes() {
    return path().resolve("file-hashes.tsv");
  }

  /** The stamps of preparation steps, one per service. */
  public Path prepareStamps() {
    return path().resolve("prepare");
  }

  /** The {@code --metadata-file} buildx writes for a service. */
  public Path buildMetadata(String service) {
    return path().resolve("metadata").resolve(service + ".json");
  }

  /** Which layers the last build of a service took from the cache, per platform. */
  public Path layerSteps(String service) {
    return path().resolve("layers").resolve(service + ".json");
  }

  /** Where a push-by-digest job writes its digests unless told otherwise. */
  public Path digestsFile(String archTag) {
    return path().resolve(digestsFileName(archTag));
  }

  /** {@link #digestsFile}, relative to the repository root: for CI job definitions. */
  public static String relativeDigestsFile(String archTag) {
    return RELATIVE + "/" + digestsFileName(archTag);
  }

  private static String digestsFileName(String archTag) {
    return "digests-" + archTag + ".json";
  }
}
