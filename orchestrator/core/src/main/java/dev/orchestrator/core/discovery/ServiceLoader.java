package dev.orchestrator.core.discovery;

import dev.orchestrator.core.config.BuildDefinition;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.config.ServiceDescriptorReader;
import dev.orchestrator.core.dockerfile.DockerfileInfo;
import dev.orchestrator.core.dockerfile.DockerfileParser;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns service folders into services: reads each descriptor and Dockerfile, checks names, and
 * collects every problem of every service before failing once.
 */
final class ServiceLoader {
  static final String DESCRIPTOR = "service.yaml";

  private final Path root;
  private final List<Path> scanRoots;
  private final List<Problem> problems = new ArrayList<>();
  // Once, not per service: the root is where every Dockerfile's real path must stay.
  private final Path realRoot;

  ServiceLoader(Path root) {
    this(root, List.of(root));
  }

  /**
   * @param scanRoots the folders scanned for services, which bound the generic-name rule
   */
  ServiceLoader(Path root, List<Path> scanRoots) {
    this.root = root;
    this.scanRoots = List.copyOf(scanRoots);
    this.realRoot = realPathOf(root);
  }

  private static Path realPathOf(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      // Discovery checked it is a folder; a root that vanished since has no services to read.
      return root;
    }
  }

  /**
   * @param plain the folders among them known to hold a Dockerfile that is a regular file, not a
   *     link, inside the repository, and no descriptor: nothing more is asked of the file system
   *     about either
   * @param definitions the images existing build definitions describe; a scanned folder that one of
   *     them covers (its Dockerfile's folder or its context) is not loaded a second time
   */
  List<Service> load(List<Path> folders, Set<Path> plain, List<BuildDefinition> definitions) {
    List<Service> services = new ArrayList<>();
    Map<String, Service> byName = new HashMap<>();
    Set<Path> covered = new HashSet<>();
    List<Candidate> candidates = new ArrayList<>();
    for (BuildDefinition definition : definitions) {
      covered.add(definition.dockerfile().getParent());
      covered.add(Definitions.directory(definition));
      candidates.add(
          new Candidate(Definitions.directory(definition), Optional.of(definition), false));
    }
    for (Path folder : folders) {
      if (!covered.contains(folder)) {
        candidates.add(new Candidate(folder, Optional.empty(), plain.contains(folder)));
      }
    }
    // Reading a service is file system calls and a parse, independent of every other service:
    // on thousands of services that is most of a plan's time, so they are read side by side. The
    // results keep the candidates' order, so problems and duplicates come out as they would one by
    // one.
    List<Loaded> loaded = candidates.parallelStream().map(this::loadOne).toList();
    for (Loaded one : loaded) {
      problems.addAll(one.problems());
    }
    for (Loaded one : loaded) {
      Service service = one.service();
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
    checkRequires(definitions, byName);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    services.sort(Comparator.comparing(Service::name));
    return services;
  }

  /**
   * A folder to read as a service, with the build definition that describes it, if any; {@code
   * plain}: known to hold a regular Dockerfile inside the repository and no descriptor.
   */
  private record Candidate(Path folder, Optional<BuildDefinition> definition, boolean plain) {}

  /** A service read from its folder, or (null) none, with the problems that kept it out. */
  private record Loaded(Service service, List<Problem> problems) {
    static Loaded rejected(Problem problem) {
      return new Loaded(null, List.of(problem));
    }
  }

  private void checkRequires(List<BuildDefinition> definitions, Map<String, Service> byName) {
    for (BuildDefinition definition : definitions) {
      for (String required : definition.requires()) {
        if (!byName.containsKey(required)) {
          problems.add(
              new Problem(
                  definition.file(),
                  definition.line(),
                  "service '"
                      + definition.name()
                      + "' needs '"
                      + required
                      + "', which no definition or folder builds; known services: "
                      + String.join(", ", new TreeSet<>(byName.keySet()))));
        }
      }
    }
  }

  private Loaded loadOne(Candidate candidate) {
    Path folder = candidate.folder();
    Optional<BuildDefinition> definition = candidate.definition();
    try {
      Path descriptorFile = folder.resolve(DESCRIPTOR);
      FileKind descriptorKind = candidate.plain() ? FileKind.ABSENT : FileKind.of(descriptorFile);
      if (descriptorKind == FileKind.BROKEN_LINK) {
        return Loaded.rejected(Problem.inFile(descriptorFile, "is a broken symbolic link"));
      }
      if (descriptorKind == FileKind.FOLDER || descriptorKind == FileKind.OTHER) {
        return Loaded.rejected(
            Problem.inFile(
                descriptorFile,
                descriptorKind == FileKind.FOLDER
                    ? "is a folder, not a file: a service's descriptor is a file named "
                        + DESCRIPTOR
                    : "is not a regular file"));
      }
      ServiceDescriptor own =
          descriptorKind == FileKind.FILE
              ? ServiceDescriptorReader.read(descriptorFile, root)
              : ServiceDescriptor.none();
      ServiceDescriptor descriptor =
          definition.map(d -> Definitions.merge(d, folder, own)).orElse(own);
      Path namingFolder = ServiceNames.namingFolder(folder, scanRoot(folder));
      String name =
          own.name()
              .or(() -> definition.map(BuildDefinition::name))
              .orElse(namingFolder.getFileName().toString());
      if (!ServiceNames.isValid(name)) {
        Path where =
            own.name().isPresent()
                ? descriptorFile
                : definition.map(BuildDefinition::file).orElse(folder);
        return Loaded.rejected(
            new Problem(
                where,
                own.name().isPresent()
                    ? own.lineOf("name")
                    : definition.map(BuildDefinition::line).orElse(0),
                "service name '"
                    + name
                    + "' is not "
                    + ServiceNames.EXPECTED
                    + (own.name().isEmpty() ? " (set `name:` in service.yaml)" : "")));
      }
      String origin =
          origin(definition, own.name().isPresent() ? descriptorFile : null, folder, namingFolder);
      Path dockerfile = folder.resolve(descriptor.dockerfile().orElse("Dockerfile")).normalize();
      Path context = folder.resolve(descriptor.context().orElse(".")).normalize();
      // A plain candidate has no descriptor, so its Dockerfile is the one the walk saw.
      FileKind dockerfileKind = candidate.plain() ? FileKind.FILE : FileKind.of(dockerfile);
      String missing =
          switch (dockerfileKind) {
            case FILE -> null;
            case FOLDER -> "is a folder, not a file";
            default -> "not found";
          };
      Optional<Path> outside =
          missing == null && !candidate.plain() ? outside(dockerfile) : Optional.empty();
      if (outside.isPresent()) {
        // Its changes would escape the input hashes and git, so the image could go stale.
        missing =
            "leads outside the repository through a symbolic link, to "
                + outside.get()
                + "; copy the file into the repository instead";
      }
      if (missing != null) {
        return Loaded.rejected(
            new Problem(
                descriptor.file() != null ? descriptor.file() : descriptorFile,
                descriptor.lineOf("dockerfile"),
                "service '"
                    + name
                    + "': Dockerfile "
                    + root.relativize(dockerfile)
                    + " "
                    + missing));
      }
      DockerfileInfo info = DockerfileParser.parse(dockerfile, descriptor.args());
      Service service =
          new Service(
              name,
              folder,
              root.relativize(folder),
              dockerfile,
              context,
              descriptor,
              info,
              origin,
              definition.flatMap(BuildDefinition::image));
      return new Loaded(service, List.of());
    } catch (ConfigurationException e) {
      return new Loaded(null, e.problems());
    }
  }

  private Path scanRoot(Path folder) {
    return scanRoots.stream()
        .filter(folder::startsWith)
        .max(java.util.Comparator.comparingInt(Path::getNameCount))
        .orElse(root);
  }

  /** Where the service's definition and name came from, as {@code list} shows it. */
  private String origin(
      Optional<BuildDefinition> definition, Path namedBy, Path folder, Path namingFolder) {
    if (definition.isPresent()) {
      String where = definition.get().origin(root);
      return namedBy == null ? where : where + ", named by " + root.relativize(namedBy);
    }
    if (namedBy != null) {
      return root.relativize(namedBy).toString();
    }
    return namingFolder.equals(folder)
        ? "folder " + root.relativize(folder)
        : "folder "
            + root.relativize(folder)
            + " (named after "
            + namingFolder.getFileName()
            + ": "
            + namingFolder.relativize(folder)
            + " is generic)";
  }

  /** Where {@code file} really is when that is outside the repository; empty when inside. */
  private Optional<Path> outside(Path file) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(realRoot) ? Optional.empty() : Optional.of(real);
    } catch (IOException e) {
      // It was just found to be a regular file; reading it reports what is wrong.
      return Optional.empty();
    }
  }
}
