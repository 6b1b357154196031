package dev.orchestrator.core.graph;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static dev.orchestrator.core.TestServices.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiringTest {

  private static Service base(String name) {
    Service s = from(name, "scratch");
    return new Service(
        s.name(),
        s.directory(),
        s.relativeDirectory(),
        s.dockerfile(),
        s.context(),
        s.descriptor().toBuilder().base(true).build(),
        s.dockerfileInfo());
  }

  @Test
  void aBarePublicNameThatIsAlsoAServiceStaysExternalWithAWarning() {
    Repository repo = repository(from("registry", "scratch"), from("app", "registry"));

    ServiceGraph graph = GraphBuilder.build(repo);

    assertThat(graph.dependenciesOf("app")).isEmpty();
    assertThat(Wiring.warnings(repo.service("app").orElseThrow(), repo.byName()))
        .containsExactly(
            "services/app/Dockerfile:1: 'registry' is both the public image and the in-repo"
                + " service registry (services/registry); it stays the public image. To build FROM"
                + " the service, add 'dependsOn: [registry]' to app's service.yaml or 'base: true'"
                + " to registry's; to keep the public image and silence this, write a tag"
                + " (registry:latest).");
  }

  @Test
  void aPublicNameWiresWhenTheReferringServiceDeclaresTheDependency() {
    Repository repo =
        repository(
            from("nginx", "scratch"),
            service("web", List.of("nginx"), List.of(), List.of("nginx")));

    ServiceGraph graph = GraphBuilder.build(repo);

    assertThat(graph.edges())
        .containsExactly(
            new Edge(
                "web", "nginx", Edge.Reason.DOCKERFILE_FROM, "Dockerfile:1, declared dependency"),
            new Edge("web", "nginx", Edge.Reason.DEPENDS_ON, "service.yaml"));
    assertThat(Wiring.warnings(repo.service("web").orElseThrow(), repo.byName())).isEmpty();
  }

  @Test
  void aPublicNameWiresWhenTheServiceDeclaresItselfABase() {
    Repository repo = repository(base("redis"), from("cache", "redis"));

    assertThat(GraphBuilder.build(repo).edges())
        .containsExactly(
            new Edge("cache", "redis", Edge.Reason.DOCKERFILE_FROM, "Dockerfile:1, declared base"));
  }

  @Test
  void aTaggedDigestedOrPathedReferenceIsNeverTheService() {
    Repository repo =
        repository(
            from("base", "scratch"),
            from("a", "base:latest"),
            from("b", "base@sha256:" + "0".repeat(64)),
            from("c", "library/base"),
            from("d", "registry:2"),
            from("registry", "scratch"));

    ServiceGraph graph = GraphBuilder.build(repo);

    assertThat(graph.edges()).isEmpty();
    for (String name : List.of("a", "b", "c", "d")) {
      assertThat(Wiring.warnings(repo.service(name).orElseThrow(), repo.byName())).isEmpty();
    }
  }

  @Test
  void aStageOfTheSameNameWinsOverEveryDeclaration() {
    Repository repo =
        repository(base("base"), service("app", List.of("base"), List.of("base"), List.of()));

    assertThat(Wiring.decide(repo.service("app").orElseThrow(), "base", repo.byName()))
        .isEqualTo(
            new Wiring.Decision(false, "a stage of the same name", java.util.Optional.empty()));
  }
}
