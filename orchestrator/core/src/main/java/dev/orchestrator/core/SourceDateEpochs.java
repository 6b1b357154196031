package dev.orchestrator.core;

import dev.orchestrator.core.build.SourceDateEpoch;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.TimestampRewrite;
import dev.orchestrator.core.git.CommitTime;
import dev.orchestrator.core.process.CommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each service's {@code SOURCE_DATE_EPOCH}. The profile's {@code sourceDateEpoch} wins (a number,
 * or {@code none}); else the {@code SOURCE_DATE_EPOCH} variable, for the whole build; else the
 * commit time of the last change to the service's inputs, else of HEAD; outside git, none.
 *
 * <p>The epoch never enters the input hash. Taken from git, it is a function of the inputs'
 * history, so an unchanged service keeps both its hash and its epoch; one set by hand applies to
 * whatever is rebuilt, and an image that is up to date stays as it is. git runs only for the
 * services that are built, once each.
 */
final class SourceDateEpochs implements Function<Service, Optional<SourceDateEpoch>> {
  private final Profile.EpochSetting setting;
  private final Optional<Long> fromEnvironment;
  private final Path root;
  private final CommandRunner runner;
  private final Function<Service, List<Path>> inputs;
  private final Map<String, Optional<SourceDateEpoch>> found = new ConcurrentHashMap<>();

  /**
   * @param inputs the files and folders a service's image is made from
   * @throws dev.orchestrator.core.error.ConfigurationException when the variable is not seconds
   */
  SourceDateEpochs(
      Profile.EpochSetting setting,
      Map<String, String> env,
      Path root,
      CommandRunner runner,
      Function<Service, List<Path>> inputs) {
    this.setting = setting;
    this.fromEnvironment = BuildProvenance.epochSeconds(env);
    this.root = root;
    this.runner = runner;
    this.inputs = inputs;
  }

  @Override
  public Optional<SourceDateEpoch> apply(Service service) {
    return switch (setting.kind()) {
      case NONE -> Optional.empty();
      case FIXED ->
          Optional.of(new SourceDateEpoch(setting.seconds(), "the profile's sourceDateEpoch"));
      case FROM_GIT ->
          fromEnvironment.isPresent()
              ? Optional.of(
                  new SourceDateEpoch(fromEnvironment.get(), "the SOURCE_DATE_EPOCH variable"))
              : found.computeIfAbsent(service.name(), n -> fromGit(service));
    };
  }

  private Optional<SourceDateEpoch> fromGit(Service service) {
    if (!BuildProvenance.insideGit(root)) {
      return Optional.empty();
    }
    return CommitTime.lastChange(runner, root, inputs.apply(service))
        .map(t -> new SourceDateEpoch(t.seconds(), t.of()));
  }

  /** For {@code build --explain}: the service's epoch and what the exporter does with it. */
  List<String> describe(Service service, TimestampRewrite rewrite) {
    Optional<SourceDateEpoch> epoch = apply(service);
    if (epoch.isEmpty()) {
      return List.of("SOURCE_DATE_EPOCH: none: " + whyNone());
    }
    SourceDateEpoch e = epoch.get();
    return List.of(
        "SOURCE_DATE_EPOCH: "
            + e.seconds()
            + " ("
            + e.rfc3339()
            + ", "
            + e.origin()
            + "): the image's created date and its created label",
        rewrite.supported()
            ? "rewrite-timestamp: on, file times in the layers are set to it ("
                + rewrite.reason()
                + ")"
            : "rewrite-timestamp: not used, file times in the layers stay as built: "
                + rewrite.reason());
  }

  private String whyNone() {
    return setting.kind() == Profile.EpochSetting.Kind.NONE
        ? "the profile sets sourceDateEpoch: none"
        : BuildProvenance.insideGit(root)
            ? "git gave no commit time (no commit yet, or git is missing)"
            : "not inside a git work tree, and neither the profile nor SOURCE_DATE_EPOCH sets one";
  }
}
