package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.registry.PlatformManifests;
import dev.orchestrator.core.registry.RegistryClient;
import dev.orchestrator.core.registry.RegistrySizes;
import dev.orchestrator.core.size.ImageSizes;
import dev.orchestrator.core.size.LayerSizes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes of a service's image in every output mode: from the local engine for {@code load}, from the
 * registry for {@code push} and {@code push-by-digest} (manifests and gzip trailers, no pull).
 * Layers measured once per build, whichever image they belong to. A size that cannot be measured is
 * left out; {@link PlatformResults} then fails a budget on it instead of passing it.
 */
final class ImageMeasure {
  private static final Logger LOG = LoggerFactory.getLogger(ImageMeasure.class);

  private final BuildSettings settings;
  private final Engine engine;
  private final ImageNames names;
  private final RegistryClient client;
  private final RegistrySizes registry;

  ImageMeasure(BuildSettings settings, Engine engine) {
    this.settings = settings;
    this.engine = engine;
    this.names = settings.profile().imageNames();
    this.client = settings.incremental().map(Incremental::registry).orElseGet(RegistryClient::new);
    this.registry = new RegistrySizes(client, new LayerSizes());
  }

  /**
   * @param digest the pushed image's digest when known (push-by-digest)
   * @param pushedReference what to measure in the registry when there is no digest
   * @return sizes by platform; a platform left out was not measured
   */
  Map<String, ImageSizes> sizes(Service service, Optional<String> digest, String pushedReference) {
    Map<String, PlatformImage> images = images(service, digest, pushedReference);
    if (images.isEmpty() && settings.profile().output() == Profile.Output.LOAD && engine.online()) {
      // An engine that reads no layers (a test double) may still give sizes.
      return engine.imageSizes(names.reference(service.name()));
    }
    Map<String, ImageSizes> sizes = new TreeMap<>();
    images.forEach((platform, image) -> sizes.put(platform, image.sizes()));
    return sizes;
  }

  /**
   * Each platform's manifest digest, layers and history, in one read (the sizes are theirs).
   *
   * @see #sizes
   */
  Map<String, PlatformImage> images(
      Service service, Optional<String> digest, String pushedReference) {
    if (settings.profile().output() == Profile.Output.LOAD) {
      return engine.online() ? engine.imageLayers(names.reference(service.name())) : Map.of();
    }
    String reference =
        digest.map(d -> names.repository(service.name()) + "@" + d).orElse(pushedReference);
    try {
      return registry.images(reference);
    } catch (EnvironmentException | IllegalArgumentException e) {
      LOG.warn("sizes of {} not measured: {}", reference, e.getMessage());
      return Map.of();
    }
  }

  /**
   * The platform manifest a one-platform push made, when buildx reported the digest of an index
   * holding it and its attestations (see {@link PlatformManifests}).
   *
   * @throws EnvironmentException when the registry cannot be read
   */
  String platformManifest(Service service, String digest) {
    return PlatformManifests.of(client, names.repository(service.name()), digest);
  }
}
