package dev.orchestrator.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one build needs to know, as every front end gives it. Made with {@link #builder}, so
 * that a caller sets only what differs from a plain build.
 *
 * @param profile the profile name; empty for the repository's default
 * @param platforms overrides the profile's platforms when not empty
 * @param services the services asked for (with their dependencies); empty for all
 * @param jobs overrides the profile's concurrency when positive; 0 for the profile's (never
 *     negative: front ends check it, with their own words, before making a request)
 * @param failFast start nothing new after the first failure
 * @param dryRun plan and return the exact commands; build nothing
 * @param force build even services whose image is up to date (same input hash)
 * @param changedSince build only the services whose inputs changed since this git revision, and
 *     their dependents (with whatever they need)
 * @param digestsFile where a push-by-digest build writes its digests (default: {@code
 *     .cache/orchestrator/digests-<arch>.json})
 * @param verifyAfter when every service built, verify what was built (as {@code verify} does)
 * @param waitForLock when another build of the repository is running, wait for it to end instead of
 *     refusing
 * @param dependenciesFrom digests files (or folders of them) of earlier CI jobs: when given, only
 *     the services asked for are built, and the in-repo images they refer to that are not among
 *     them are taken by digest from these files, never built or pulled by a tag
 */
public record BuildRequest(
    Path root,
    Optional<String> profile,
    List<String> platforms,
    List<String> services,
    int jobs,
    boolean failFast,
    boolean dryRun,
    boolean force,
    Optional<String> changedSince,
    Optional<Path> digestsFile,
    boolean verifyAfter,
    boolean waitForLock,
    List<Path> dependenciesFrom) {

  public BuildRequest {
    Objects.requireNonNull(root, "root");
    checkJobs(jobs);
    platforms = List.copyOf(platforms);
    services = List.copyOf(services);
    dependenciesFrom = List.copyOf(dependenciesFrom);
  }

  /** A negative count reaching the core is a front end that did not check: not "the profile's". */
  static void checkJobs(int jobs) {
    if (jobs < 0) {
      throw new IllegalArgumentException(
          "jobs must be at least 1, or 0 for the profile's: " + jobs);
    }
  }

  /** A plain build of every service of the repository at {@code root}. */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** Sets what differs from a plain build: incremental, everything, the profile's settings. */
  public static final class Builder {
    private final Path root;
    private Optional<String> profile = Optional.empty();
    private List<String> platforms = List.of();
    private List<String> services = List.of();
    private int jobs;
    private boolean failFast;
    private boolean dryRun;
    private boolean force;
    private Optional<String> changedSince = Optional.empty();
    private Optional<Path> digestsFile = Optional.empty();
    private boolean verifyAfter;
    private boolean waitForLock;
    private List<Path> dependenciesFrom = List.of();

    private Builder(Path root) {
      this.root = root;
    }

    public Builder profile(Optional<String> name) {
      this.profile = name;
      return this;
    }

    public Builder platforms(List<String> platforms) {
      this.platforms = platforms;
      return this;
    }

    public Builder services(List<String> services) {
      this.services = services;
      return this;
    }

    public Builder jobs(int jobs) {
      this.jobs = jobs;
      return this;
    }

    public Builder failFast(boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    public Builder changedSince(Optional<String> ref) {
      this.changedSince = ref;
      return this;
    }

    public Builder digestsFile(Optional<Path> file) {
      this.digestsFile = file;
      return this;
    }

    public Builder verifyAfter(boolean verifyAfter) {
      this.verifyAfter = verifyAfter;
      return this;
    }

    public Builder waitForLock(boolean waitForLock) {
      this.waitForLock = waitForLock;
      return this;
    }

    public Builder dependenciesFrom(List<Path> digests) {
      this.dependenciesFrom = digests;
      return this;
    }

    public BuildRequest build() {
      return new BuildRequest(
          root,
          profile,
          platforms,
          services,
          jobs,
          failFast,
          dryRun,
          force,
          changedSince,
          digestsFile,
          verifyAfter,
          waitForLock,
          dependenciesFrom);
    }
  }
}
