package dev.orchestrator.core;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.config.DigestsFileReader;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.layers.LayerTable;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.layers.StepRecord;
import dev.orchestrator.core.layers.StepRecordFile;
import dev.orchestrator.core.publish.DigestsOutput;
import dev.orchestrator.core.registry.RegistryClient;
import dev.orchestrator.core.registry.RegistrySizes;
import dev.orchestrator.core.size.LayerSizes;
import dev.orchestrator.core.state.StateFolder;
import dev.orchestrator.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code orchestrator layers}: reads a service's image where its profile puts it (the local engine
 * for {@code load}, the registry for {@code push}, the digests file's digests for {@code
 * push-by-digest}), and joins each platform with the step record of the build that made it.
 */
final class ServiceLayers {
  private final Workspace workspace;
  private final Profile profile;
  private final Supplier<Engine> engines;
  private final Supplier<RegistryClient> registry;

  ServiceLayers(
      Workspace workspace,
      Profile profile,
      Supplier<Engine> engines,
      Supplier<RegistryClient> registry) {
    this.workspace = workspace;
    this.profile = profile;
    this.engines = engines;
    this.registry = registry;
  }

  /**
   * @throws ConfigurationException for an unknown service
   * @throws EnvironmentException when the image was never built (or pushed), or not for a platform
   *     asked for
   */
  List<LayerTable> tables(LayersRequest request) {
    Service service = workspace.repository().byName().get(request.service());
    if (service == null) {
      throw new ConfigurationException(
          "unknown service '"
              + request.service()
              + "'; the services are: "
              + String.join(
                  ", ", new java.util.TreeSet<>(workspace.repository().byName().keySet())));
    }
    ImageNames names = profile.imageNames();
    String reference = names.reference(service.name());
    Map<String, PlatformImage> images = new TreeMap<>();
    Map<String, String> readFrom = new TreeMap<>();
    switch (profile.output()) {
      case LOAD -> {
        try (Engine engine = engines.get()) {
          engine.imageLayers(reference).forEach((p, i) -> put(images, readFrom, p, i, reference));
        }
      }
      case PUSH -> registryImages(reference, images, readFrom);
      case PUSH_BY_DIGEST -> {
        Path file =
            request
                .digestsFile()
                .orElse(
                    DigestsOutput.defaultFile(
                        new StateFolder(workspace.root()), profile.platforms()));
        // Pushed by digest, the image has no tag to look for: only its build's digests file
        // names it, so a missing file or entry is said as such.
        if (!Files.isRegularFile(file)) {
          throw new EnvironmentException(
              "no image of "
                  + service.name()
                  + " to read: profile "
                  + profile.name()
                  + " pushes by digest, and there is no digests file at "
                  + file,
              "pass the file its build wrote with --digests-file, or build it first: orchestrator"
                  + " build "
                  + service.name()
                  + " --profile "
                  + profile.name());
        }
        DigestsFile.Images pushed = DigestsFileReader.read(file).services().get(service.name());
        if (pushed == null) {
          throw new EnvironmentException(
              "no image of " + service.name() + " to read: " + file + " has no digest of it",
              "build it first: orchestrator build "
                  + service.name()
                  + " --profile "
                  + profile.name()
                  + " --digests-file "
                  + file);
        }
        pushed
            .digests()
            .values()
            .forEach(d -> registryImages(pushed.repository() + "@" + d, images, readFrom));
      }
    }
    if (images.isEmpty()) {
      throw new EnvironmentException(
          "no image of "
              + service.name()
              + " to read: "
              + where(reference)
              + " has none (never built with profile "
              + profile.name()
              + "?)",
          "build it first: orchestrator build "
              + service.name()
              + (profile.name().equals("local") ? "" : " --profile " + profile.name()));
    }
    List<String> wanted = wanted(request.platforms(), images.keySet());
    Map<String, StepRecord> records =
        StepRecordFile.read(new StateFolder(workspace.root()).layerSteps(service.name()));
    List<LayerTable> tables = new ArrayList<>();
    for (String platform : wanted) {
      PlatformImage image = images.get(platform);
      if (image == null) {
        throw new EnvironmentException(
            "the image of "
                + service.name()
                + " has no "
                + platform
                + " platform; it holds "
                + String.join(", ", images.keySet()),
            "build that platform first: orchestrator build "
                + service.name()
                + " --platform "
                + platform);
      }
      tables.add(
          LayerTable.of(
              service.name(),
              readFrom.get(platform),
              image,
              Optional.ofNullable(records.get(platform))));
    }
    return tables;
  }

  private static List<String> wanted(List<String> asked, java.util.Set<String> held) {
    if (asked.isEmpty()) {
      return List.copyOf(held);
    }
    return asked.stream()
        .map(p -> p.equals(Platforms.HOST) ? Platforms.host() : p)
        .distinct()
        .toList();
  }

  private void registryImages(
      String reference, Map<String, PlatformImage> images, Map<String, String> readFrom) {
    new RegistrySizes(registry.get(), new LayerSizes())
        .images(reference)
        .forEach((p, i) -> put(images, readFrom, p, i, reference));
  }

  private static void put(
      Map<String, PlatformImage> images,
      Map<String, String> readFrom,
      String platform,
      PlatformImage image,
      String reference) {
    images.putIfAbsent(platform, image);
    readFrom.putIfAbsent(platform, reference);
  }

  private String where(String reference) {
    return profile.output() == Profile.Output.LOAD
        ? "the engine's " + reference
        : "the registry's " + reference;
  }
}
