package dev.orchestrator.core.build;

import dev.orchestrator.core.process.ProcessResult;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build failure that means "try again", in buildx's words; buildx gives up at the first one, so a
 * build that failed with one is run once more (BuildKit's cache makes that cheap) before it counts
 * as failed:
 *
 * <ul>
 *   <li>a registry's 500, 502, 503, 504 or 429 ({@code unexpected status from HEAD request to URL:
 *       500 Internal Server Error}), which registries return under load or while restarting;
 *   <li>the engine's image store losing a layer's snapshot while it unpacks a freshly exported
 *       image ({@code failed to prepare extraction snapshot "…": parent snapshot sha256:… does not
 *       exist: not found}): a race in containerd's snapshotter, reported open upstream
 *       (moby/buildkit#6521, containerd/containerd#10835), seen here once in a full test run right
 *       after an earlier test removed its images.
 * </ul>
 */
final class TransientFailure {
  private static final Pattern REGISTRY_STATUS =
      Pattern.compile(
          "unexpected status(?: code)?(?: from [A-Z]+ request to \\S+)?:? (50[0234]|429)\\b[^\"]*");
  private static final Pattern LOST_SNAPSHOT =
      Pattern.compile("parent snapshot (sha256:[0-9a-f]+) does not exist: not found");

  private TransientFailure() {}

  /**
   * Runs the build; when it failed in such a way, says so and runs it once more, and the second
   * result stands whatever it is.
   *
   * @param announce told why the build runs again
   */
  static ProcessResult runOnceMoreIfNeeded(
      Supplier<ProcessResult> build, Consumer<String> announce) {
    ProcessResult first = build.get();
    Optional<String> why = in(first);
    if (why.isEmpty()) {
      return first;
    }
    announce.accept(why.get() + ": once more");
    return build.get();
  }

  /** What went wrong, in a few words, when the build failed in such a way. */
  static Optional<String> in(ProcessResult result) {
    if (result.succeeded()) {
      return Optional.empty();
    }
    for (String line : result.output()) {
      Matcher registry = REGISTRY_STATUS.matcher(line);
      if (registry.find()) {
        return Optional.of("the registry answered " + registry.group().strip());
      }
      Matcher snapshot = LOST_SNAPSHOT.matcher(line);
      if (line.contains("failed to prepare extraction snapshot") && snapshot.find()) {
        return Optional.of(
            "the engine lost snapshot "
                + snapshot.group(1)
                + " while unpacking the image (moby/buildkit#6521)");
      }
    }
    return Optional.empty();
  }
}
