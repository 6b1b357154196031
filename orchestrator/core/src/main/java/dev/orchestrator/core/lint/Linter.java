package dev.orchestrator.core.lint;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.ImageReference;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.graph.GraphBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks services' Dockerfiles against the {@link Rule}s: pure, from what the Dockerfile reader and
 * {@code service.yaml} give, before anything builds.
 */
public final class Linter {
  private Linter() {}

  /**
   * Lints the named services (dependencies are not added).
   *
   * @param settings the profile's {@code lint} section
   * @throws ConfigurationException when a service's {@code lint.ignore} names an unknown rule,
   *     listing every one with its file and line
   */
  public static LintReport lint(
      Repository repository, Collection<String> names, Profile.Lint settings) {
    Map<String, Service> all = repository.byName();
    List<Service> services = names.stream().sorted().distinct().map(all::get).toList();
    checkIgnores(services);
    Set<String> builtFrom = builtFrom(repository.services(), all);
    List<Finding> findings = new ArrayList<>();
    List<Finding> ignored = new ArrayList<>();
    for (Service service : services) {
      Path file = repository.root().relativize(service.dockerfile());
      Set<String> ignores = Set.copyOf(service.descriptor().lintIgnore());
      for (Finding.Draft draft : drafts(service, all, builtFrom.contains(service.name()))) {
        Severity severity = settings.warningsAsErrors() ? Severity.ERROR : draft.rule().severity();
        Finding finding =
            new Finding(
                service.name(), draft.rule(), severity, file, draft.line(), draft.message());
        (ignores.contains(draft.rule().id()) ? ignored : findings).add(finding);
      }
    }
    Comparator<Finding> order =
        Comparator.comparing(Finding::service)
            .thenComparingInt(Finding::line)
            .thenComparing(f -> f.rule().ordinal());
    findings.sort(order);
    ignored.sort(order);
    return new LintReport(
        services.stream().map(Service::name).toList(),
        findings,
        ignored,
        settings.warningsAsErrors());
  }

  private static List<Finding.Draft> drafts(
      Service service, Map<String, Service> all, boolean builtFrom) {
    List<Finding.Draft> drafts = new ArrayList<>(ExternalImages.check(service, all));
    drafts.addAll(InstructionChecks.check(service));
    ImageChain chain = ImageChain.of(service, all);
    if (!RuntimeSettings.isBase(service, chain, builtFrom)) {
      drafts.addAll(RuntimeSettings.check(service, chain));
    }
    return drafts;
  }

  /** The services other services' Dockerfiles name in FROM. */
  private static Set<String> builtFrom(List<Service> services, Map<String, Service> all) {
    Set<String> bases = new HashSet<>();
    for (Service service : services) {
      for (ImageReference ref : service.dockerfileInfo().references()) {
        if (ref.kind() == ImageReference.Kind.FROM
            && GraphBuilder.isInRepo(service, ref.image(), all)) {
          bases.add(ref.image());
        }
      }
    }
    return bases;
  }

  private static void checkIgnores(List<Service> services) {
    List<Problem> problems = new ArrayList<>();
    String known = Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", "));
    for (Service service : services) {
      ServiceDescriptor descriptor = service.descriptor();
      for (String id : descriptor.lintIgnore()) {
        if (Rule.byId(id).isEmpty()) {
          problems.add(
              new Problem(
                  descriptor.file(),
                  descriptor.lineOf(ServiceDescriptor.lintIgnoreLineKey(id)),
                  "service '"
                      + service.name()
                      + "': 'lint.ignore' names the unknown rule '"
                      + id
                      + "'; known rules: "
                      + known));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }
}
