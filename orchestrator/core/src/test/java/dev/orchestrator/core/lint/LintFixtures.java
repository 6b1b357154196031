package dev.orchestrator.core.lint;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.RepositoryConfig;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.DockerfileParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A repository of services built in memory from Dockerfile text, for the lint rules' tests. */
final class LintFixtures {
  static final Path ROOT = Path.of("/repo");
  private final List<Service> services = new ArrayList<>();

  LintFixtures service(String name, String dockerfile) {
    return service(name, dockerfile, d -> d);
  }

  LintFixtures service(
      String name, String dockerfile, UnaryOperator<ServiceDescriptor.Builder> descriptor) {
    Path dir = ROOT.resolve("services").resolve(name);
    Path file = dir.resolve("Dockerfile");
    services.add(
        new Service(
            name,
            dir,
            ROOT.relativize(dir),
            file,
            dir,
            descriptor.apply(ServiceDescriptor.builder().file(dir.resolve("service.yaml"))).build(),
            DockerfileParser.parse(file, dockerfile, Map.of())));
    return this;
  }

  Repository repository() {
    return new Repository(ROOT, RepositoryConfig.defaults(ROOT), services);
  }

  LintReport lint(String... names) {
    return lint(Profile.Lint.DEFAULT, names);
  }

  LintReport lint(Profile.Lint settings, String... names) {
    return Linter.lint(repository(), List.of(names), settings);
  }

  /** The ids of the rules a service breaks, in report order. */
  List<String> rules(String name) {
    return lint(name).findings().stream().map(f -> f.rule().id()).toList();
  }
}
