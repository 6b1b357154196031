package dev.orchestrator.core.discovery;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.config.ServiceDescriptorReader;
import dev.orchestrator.core.dockerfile.DockerfileInfo;
import dev.orchestrator.core.dockerfile.DockerfileParser;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns service folders into services: reads each descriptor and Dockerfile, checks names, and
 * collects every problem of every service before failing once.
 */
final class ServiceLoader {
  static final String DESCRIPTOR = "service.yaml";

  private final Path root;
  private final List<Problem> problems = new ArrayList<>();

  ServiceLoader(Path root) {
    this.root = root;
  }

  List<Service> load(List<Path> folders) {
    List<Service> services = new ArrayList<>();
    Map<String, Service> byName = new HashMap<>();
    for (Path folder : folders) {
      Service service = loadOne(folder);
      if (service == null) {
        continue;
      }
      Service twin = byName.putIfAbsent(service.name(), service);
      if (twin != null) {
        problems.add(
            Problem.inFile(
                service.relativeDirectory(),
                "duplicate service name '"
                    + service.name()
                    + "': also used by "
                    + twin.relativeDirectory()));
        continue;
      }
      services.add(service);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    services.sort(Comparator.comparing(Service::name));
    return services;
  }

  private Service loadOne(Path folder) {
    try {
      Path descriptorFile = folder.resolve(DESCRIPTOR);
      if (Files.exists(descriptorFile) && !Files.isRegularFile(descriptorFile)) {
        problems.add(
            Problem.inFile(
                descriptorFile,
                Files.isDirectory(descriptorFile)
                    ? "is a folder, not a file: a service's descriptor is a file named "
                        + DESCRIPTOR
                    : "is not a regular file"));
        return null;
      }
      if (Files.isSymbolicLink(descriptorFile) && !Files.exists(descriptorFile)) {
        problems.add(Problem.inFile(descriptorFile, "is a broken symbolic link"));
        return null;
      }
      ServiceDescriptor descriptor =
          Files.isRegularFile(descriptorFile)
              ? ServiceDescriptorReader.read(descriptorFile, root)
              : ServiceDescriptor.none();
      String name = descriptor.name().orElse(folder.getFileName().toString());
      if (!ServiceNames.isValid(name)) {
        Path where = descriptor.name().isPresent() ? descriptorFile : folder;
        problems.add(
            new Problem(
                where,
                descriptor.lineOf("name"),
                "service name '"
                    + name
                    + "' is not "
                    + ServiceNames.EXPECTED
                    + (descriptor.name().isEmpty() ? " (set `name:` in service.yaml)" : "")));
        return null;
      }
      Path dockerfile = folder.resolve(descriptor.dockerfile().orElse("Dockerfile")).normalize();
      Path context = folder.resolve(descriptor.context().orElse(".")).normalize();
      String missing =
          Files.isDirectory(dockerfile)
              ? "is a folder, not a file"
              : Files.isRegularFile(dockerfile) ? null : "not found";
      Optional<Path> outside = missing == null ? outside(dockerfile) : Optional.empty();
      if (outside.isPresent()) {
        // Its changes would escape the input hashes and git, so the image could go stale.
        missing =
            "leads outside the repository through a symbolic link, to "
                + outside.get()
                + "; copy the file into the repository instead";
      }
      if (missing != null) {
        problems.add(
            new Problem(
                descriptorFile,
                descriptor.lineOf("dockerfile"),
                "service '"
                    + name
                    + "': Dockerfile "
                    + root.relativize(dockerfile)
                    + " "
                    + missing));
        return null;
      }
      DockerfileInfo info = DockerfileParser.parse(dockerfile, descriptor.args());
      return new Service(
          name, folder, root.relativize(folder), dockerfile, context, descriptor, info);
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** Where {@code file} really is when that is outside the repository; empty when inside. */
  private Optional<Path> outside(Path file) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(root.toRealPath()) ? Optional.empty() : Optional.of(real);
    } catch (IOException e) {
      // It was just found to be a regular file; reading it reports what is wrong.
      return Optional.empty();
    }
  }
}
