package dev.orchestrator.core.publish;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.TagTemplate;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.git.GitRevision;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.image.Platforms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides, before anything is pushed, what {@code orchestrator merge} will publish: per service,
 * the tags and the per-platform digests that make up its multi-platform image. Pure. Every problem
 * in every digests file, and every platform missing, is reported together.
 */
public final class MergePlanner {
  private MergePlanner() {}

  /**
   * @param servicePlatforms every service to publish, with the platforms its {@code service.yaml}
   *     limits it to (empty: all of the profile's)
   * @param environment CI's variables, for the source annotation
   */
  public static MergePlan plan(
      Profile profile,
      Map<String, List<String>> servicePlatforms,
      List<DigestsFile> files,
      GitRevision revision,
      Map<String, String> environment,
      boolean allowPartial) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Map<String, String>> digests = new TreeMap<>();
    Map<String, String> repositories = new TreeMap<>();
    Map<String, Path> seenIn = new LinkedHashMap<>();
    List<String> profilePlatforms = Platforms.resolve(profile.platforms());
    for (DigestsFile file : files) {
      file.services()
          .forEach(
              (service, images) -> {
                if (!servicePlatforms.containsKey(service)) {
                  problems.add(
                      new Problem(
                          file.file(),
                          images.line(),
                          "unknown service '"
                              + service
                              + "': the repository has no such service (a digests file from another commit?)"));
                  return;
                }
                String repo = repositories.putIfAbsent(service, images.repository());
                if (repo != null && !repo.equals(images.repository())) {
                  problems.add(
                      new Problem(
                          file.file(),
                          images.line(),
                          service
                              + " was pushed to "
                              + images.repository()
                              + " here but to "
                              + repo
                              + " in "
                              + seenIn.get(service)));
                }
                seenIn.putIfAbsent(service, file.file());
                images
                    .digests()
                    .forEach(
                        (platform, digest) -> {
                          if (!profilePlatforms.contains(platform)) {
                            problems.add(
                                new Problem(
                                    file.file(),
                                    images.line(),
                                    service
                                        + " has a "
                                        + platform
                                        + " image, but profile "
                                        + profile.name()
                                        + " publishes only "
                                        + String.join(", ", profilePlatforms)));
                            return;
                          }
                          String before =
                              digests
                                  .computeIfAbsent(service, s -> new TreeMap<>())
                                  .putIfAbsent(platform, digest);
                          if (before != null && !before.equals(digest)) {
                            problems.add(
                                conflict(
                                    file,
                                    images,
                                    service + " " + platform,
                                    digest,
                                    before,
                                    "an earlier digests file"));
                          }
                        });
              });
    }
    Map<String, String> values = revision.placeholders(profile.tag());
    List<String> tags =
        profile.mergeTags().stream()
            .map(t -> TagTemplate.expand(t, values))
            .flatMap(Optional::stream)
            .distinct()
            .toList();
    if (tags.isEmpty()) {
      problems.add(
          Problem.inFile(
              profile.file(),
              "no merge tag applies to this commit: 'mergeTags' "
                  + profile.mergeTags()
                  + " with "
                  + values));
    }
    List<String> read = files.stream().map(f -> String.valueOf(f.file())).toList();
    List<Merge> merges = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    ImageNames names = profile.imageNames();
    servicePlatforms.forEach(
        (service, declared) -> {
          List<String> required =
              profilePlatforms.stream()
                  .filter(p -> declared.isEmpty() || declared.contains(p))
                  .toList();
          Map<String, String> found = digests.getOrDefault(service, Map.of());
          List<String> missing = required.stream().filter(p -> !found.containsKey(p)).toList();
          if (!missing.isEmpty()) {
            String what =
                service
                    + ": no "
                    + String.join(", ", missing)
                    + " digest in "
                    + (read.isEmpty() ? "any digests file" : String.join(", ", read))
                    + " (profile "
                    + profile.name()
                    + " publishes "
                    + String.join(", ", required)
                    + ")";
            if (!allowPartial) {
              problems.add(
                  new Problem(null, 0, what + "; --allow-partial publishes what there is"));
              return;
            }
            omitted.add(what);
          }
          List<String> sources =
              required.stream()
                  .filter(found::containsKey)
                  .map(p -> repositories.get(service) + "@" + found.get(p))
                  .toList();
          if (sources.isEmpty() || tags.isEmpty()) {
            return;
          }
          List<String> refs = tags.stream().map(t -> names.repository(service) + ":" + t).toList();
          merges.add(
              new Merge(
                  service,
                  refs,
                  sources,
                  ImagetoolsCommand.argv(refs, annotations(revision, environment), sources)));
        });
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new MergePlan(merges, omitted);
  }

  /** Two digests files that disagree: the problem is on the later one's line. */
  static Problem conflict(
      DigestsFile file,
      DigestsFile.Images images,
      String what,
      String here,
      String before,
      String where) {
    return new Problem(
        file.file(), images.line(), what + " is " + here + " here but " + before + " in " + where);
  }

  /** OCI annotations on each index: the commit, the version when released, the source. */
  static Map<String, String> annotations(GitRevision revision, Map<String, String> environment) {
    Map<String, String> annotations = new TreeMap<>();
    revision.sha().ifPresent(s -> annotations.put("org.opencontainers.image.revision", s));
    revision.version().ifPresent(v -> annotations.put("org.opencontainers.image.version", v));
    String server = environment.getOrDefault("GITHUB_SERVER_URL", "");
    String repository = environment.getOrDefault("GITHUB_REPOSITORY", "");
    if (!server.isEmpty() && !repository.isEmpty()) {
      annotations.put("org.opencontainers.image.source", server + "/" + repository);
    }
    return annotations;
  }

  /** What merge will publish; {@code omitted} says what an allowed partial run leaves out. */
  public record MergePlan(List<Merge> merges, List<String> omitted) {
    public MergePlan {
      merges = List.copyOf(merges);
      omitted = List.copyOf(omitted);
    }
  }

  /** One service's multi-platform image: its tags, per-platform sources and the command. */
  public record Merge(String service, List<String> tags, List<String> sources, List<String> argv) {
    public Merge {
      tags = List.copyOf(tags);
      sources = List.copyOf(sources);
      argv = List.copyOf(argv);
    }
  }
}
