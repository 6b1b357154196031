package dev.orchestrator.core.git;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commit being published: its sha, and the branch or tag it was built from. CI's environment
 * wins ({@code GITHUB_SHA}, {@code GITHUB_REF}, {@code GITHUB_HEAD_REF}), since CI checks out a
 * detached HEAD; otherwise git is asked.
 */
public record GitRevision(Optional<String> sha, Optional<String> branch, Optional<String> tag) {
  private static final Pattern SEMVER =
      Pattern.compile("v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

  /** From CI's environment variables if they name a commit, else from git in {@code root}. */
  public static GitRevision detect(Map<String, String> env, Path root, CommandRunner runner) {
    Optional<GitRevision> ci = fromEnvironment(env);
    return ci.isPresent() ? ci.get() : fromGit(root, runner);
  }

  /** GitHub Actions' variables; empty when {@code GITHUB_SHA} is not set. */
  public static Optional<GitRevision> fromEnvironment(Map<String, String> env) {
    String sha = env.getOrDefault("GITHUB_SHA", "");
    if (!SHA.matcher(sha).matches()) {
      return Optional.empty();
    }
    String ref = env.getOrDefault("GITHUB_REF", "");
    Optional<String> branch = Optional.empty();
    Optional<String> tag = Optional.empty();
    if (ref.startsWith("refs/heads/")) {
      branch = Optional.of(ref.substring("refs/heads/".length()));
    } else if (ref.startsWith("refs/tags/")) {
      tag = Optional.of(ref.substring("refs/tags/".length()));
    } else if (ref.startsWith("refs/pull/")) {
      // A pull request builds a merge commit; name it after the pull request's branch.
      branch = Optional.ofNullable(env.get("GITHUB_HEAD_REF")).filter(b -> !b.isEmpty());
    }
    return Optional.of(new GitRevision(Optional.of(sha), branch, tag));
  }

  /** Asks git; every part is empty where git has no answer (no repository, detached HEAD). */
  public static GitRevision fromGit(Path root, CommandRunner runner) {
    return new GitRevision(
        git(runner, root, "rev-parse", "HEAD").filter(s -> SHA.matcher(s).matches()),
        git(runner, root, "symbolic-ref", "-q", "--short", "HEAD"),
        git(runner, root, "describe", "--tags", "--exact-match", "HEAD"));
  }

  /** The values of {@link dev.orchestrator.core.config.TagTemplate}'s placeholders. */
  public Map<String, String> placeholders(String profileTag) {
    Map<String, String> values = new TreeMap<>();
    values.put("tag", profileTag);
    sha.ifPresent(
        s -> {
          values.put("sha", s);
          values.put("shortSha", s.substring(0, 7));
        });
    branch
        .map(GitRevision::tagSafe)
        .filter(b -> !b.isEmpty())
        .ifPresent(b -> values.put("branch", b));
    version()
        .ifPresent(
            v -> {
              Matcher m = SEMVER.matcher(tag.orElseThrow());
              m.matches();
              values.put("version", v);
              values.put("major", m.group(1));
              values.put("minor", m.group(2));
              values.put("patch", m.group(3));
            });
    return values;
  }

  /** {@code 1.4.2} when built from a tag such as {@code v1.4.2}. */
  public Optional<String> version() {
    return tag.filter(t -> SEMVER.matcher(t).matches())
        .map(t -> t.startsWith("v") ? t.substring(1) : t);
  }

  /** {@code feature/Login} gives {@code feature-Login}: what a docker tag may hold. */
  static String tagSafe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^[.-]+", "");
    return safe.length() > 128 ? safe.substring(0, 128) : safe;
  }

  private static Optional<String> git(CommandRunner runner, Path root, String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
    argv.addAll(List.of(args));
    try {
      ProcessResult r = runner.run(argv, root);
      String out = String.join("\n", r.output()).strip();
      return r.succeeded() && !out.isEmpty() && !out.contains("\n")
          ? Optional.of(out)
          : Optional.empty();
    } catch (EnvironmentException noGit) {
      return Optional.empty();
    }
  }
}
