package dev.orchestrator.core.build;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.config.ServiceDescriptor.Secret;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.state.InsideRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the planned services need from the host, checked before anything builds, so that a missing
 * secret fails the run at once instead of a build that silently lacks it (BuildKit mounts nothing
 * for an unset variable and builds on): every secret's variable set or file there unless it is
 * {@code optional: true}, and every preparation input inside the repository after following
 * symbolic links.
 */
public final class BuildPreconditions {
  private BuildPreconditions() {}

  /**
   * The services to build: {@code services}, each without the optional secrets that are absent,
   * which are then not passed to buildx.
   *
   * @param environment the variables buildx will run with: the runner's
   * @throws ConfigurationException listing every missing secret and escaping input, with its line
   */
  public static Map<String, Service> check(
      Path root,
      Collection<String> planned,
      Map<String, Service> services,
      Map<String, String> environment) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Service> checked = new LinkedHashMap<>(services);
    for (String name : planned) {
      Service service = services.get(name);
      List<Secret> passed = new ArrayList<>();
      for (Secret secret : service.descriptor().secrets()) {
        String missing = missing(secret, environment);
        if (missing == null) {
          passed.add(secret);
        } else if (!secret.optional()) {
          problems.add(
              problem(
                  service,
                  Secret.lineKey(secret.id()),
                  "service '"
                      + name
                      + "': secret '"
                      + secret.id()
                      + "' "
                      + missing
                      + "; "
                      + (secret.kind() == Secret.Kind.ENV ? "set it" : "create it")
                      + ", or mark the secret `optional: true` to build without it"));
        }
      }
      outsideInputs(root, service).forEach(why -> problems.add(problem(service, "prepare", why)));
      if (passed.size() != service.descriptor().secrets().size()) {
        ServiceDescriptor without = service.descriptor().toBuilder().secrets(passed).build();
        checked.put(
            name,
            new Service(
                service.name(),
                service.directory(),
                service.relativeDirectory(),
                service.dockerfile(),
                service.context(),
                without,
                service.dockerfileInfo()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return checked;
  }

  /** Why {@code secret} cannot be passed, or null when it can. */
  private static String missing(Secret secret, Map<String, String> environment) {
    if (secret.kind() == Secret.Kind.ENV) {
      return environment.containsKey(secret.source())
          ? null
          : "reads the environment variable " + secret.source() + ", which is not set";
    }
    return Files.isRegularFile(Path.of(secret.source()))
        ? null
        : "reads the file " + secret.source() + ", which does not exist";
  }

  /** The preparation inputs that lead outside the repository through a symbolic link. */
  private static List<String> outsideInputs(Path root, Service service) {
    if (service.descriptor().prepare().isEmpty()) {
      return List.of();
    }
    List<String> why = new ArrayList<>();
    try {
      for (Path file :
          PrepareStep.inputFiles(
              service.directory(), service.descriptor().prepare().get().inputs())) {
        InsideRepository.complaint(file, root)
            .ifPresent(
                c ->
                    why.add(
                        "service '"
                            + service.name()
                            + "': preparation input "
                            + root.toAbsolutePath().normalize().relativize(file)
                            + " "
                            + c));
      }
    } catch (IOException | UncheckedIOException e) {
      // Hashing the inputs reads them again and reports what cannot be read, with its remedy.
    }
    return why;
  }

  private static Problem problem(Service service, String key, String message) {
    ServiceDescriptor d = service.descriptor();
    return new Problem(d.file(), d.file() == null ? 0 : d.lineOf(key), message);
  }
}
