package dev.orchestrator.core.build;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.ImageReference;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.graph.Wiring;
import dev.orchestrator.core.registry.RegistryClient;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks, before Maven or any build starts, that every external image the planned Dockerfiles build
 * from or copy from can be had: present in the local engine, or its registry answers a manifest
 * {@code HEAD}. A service that needs a missing one cannot build, and says so at once (image,
 * Dockerfile, line) instead of after minutes of Maven with BuildKit's DNS error.
 */
public final class ExternalBases {
  private final Engine engine;
  private final Function<String, RegistryClient.Answer> head;
  private final Map<String, Optional<String>> checked = new HashMap<>();

  /**
   * @param head asks the image's registry for its manifest ({@link RegistryClient#head})
   */
  public ExternalBases(Engine engine, Function<String, RegistryClient.Answer> head) {
    this.engine = engine;
    this.head = head;
  }

  /**
   * The services among {@code planned} that need an external image that can be had neither locally
   * nor from its registry, each with why (the first such image).
   */
  public Map<String, String> missing(Collection<Service> planned, Map<String, Service> all) {
    Map<String, String> missing = new LinkedHashMap<>();
    for (Service service : planned) {
      for (ImageReference ref : service.dockerfileInfo().references()) {
        String image = ref.image();
        // Unresolved ARGs are BuildKit's to expand; in-repo services are built here.
        if (image.contains("$")
            || image.equalsIgnoreCase("scratch")
            || Wiring.decide(service, image, all).inRepo()) {
          continue;
        }
        Optional<String> why = checked.computeIfAbsent(image, this::whyMissing);
        if (why.isPresent()) {
          Path dockerfile =
              service
                  .relativeDirectory()
                  .resolve(service.directory().relativize(service.dockerfile()))
                  .normalize();
          missing.put(
              service.name(),
              "base image '"
                  + image
                  + "' ("
                  + dockerfile
                  + ":"
                  + ref.line()
                  + ") is neither in the local engine nor to be had from its registry: "
                  + why.get());
          break;
        }
      }
    }
    return missing;
  }

  private Optional<String> whyMissing(String image) {
    if (engine.imageExists(image)) {
      return Optional.empty();
    }
    try {
      RegistryClient.Answer answer = head.apply(registryReference(image));
      return answer.found() ? Optional.empty() : Optional.of(answer.detail());
    } catch (EnvironmentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The reference as a registry names it, Docker's way: no registry part means Docker Hub ({@code
   * registry-1.docker.io}), a one-part name there is under {@code library/}, and no tag or digest
   * means {@code latest}.
   */
  static String registryReference(String image) {
    String name = image;
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry =
        slash > 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
    if (!hasRegistry) {
      name = "registry-1.docker.io/" + (slash < 0 ? "library/" : "") + name;
    }
    int lastSlash = name.lastIndexOf('/');
    boolean tagged = name.indexOf('@') >= 0 || name.lastIndexOf(':') > lastSlash;
    return tagged ? name : name + ":latest";
  }
}
