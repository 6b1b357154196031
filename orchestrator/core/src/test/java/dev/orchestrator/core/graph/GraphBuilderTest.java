package dev.orchestrator.core.graph;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static dev.orchestrator.core.TestServices.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

  @Test
  void anImageNamedLikeAServiceIsAnEdgeAndOtherImagesAreExternal() {
    ServiceGraph graph =
        GraphBuilder.build(
            repository(from("base", "scratch"), from("app", "base"), from("tool", "debian:12")));

    assertThat(graph.dependenciesOf("app")).containsExactly("base");
    assertThat(graph.dependenciesOf("tool")).isEmpty();
    assertThat(graph.edges())
        .containsExactly(
            new Edge(
                "app",
                "base",
                Edge.Reason.DOCKERFILE_FROM,
                "Dockerfile:1, service name, not a public image"));
  }

  @Test
  void aStageOfTheSameNameShadowsTheService() {
    ServiceGraph graph =
        GraphBuilder.build(
            repository(
                from("base", "scratch"),
                service("app", List.of("base"), List.of("base"), List.of())));

    assertThat(graph.dependenciesOf("app")).isEmpty();
  }

  @Test
  void aDependencyFromABuildDefinitionNamesThatFileNotServiceYaml() {
    Service declared = service("api", List.of("scratch"), List.of(), List.of("db"));
    Service fromCompose =
        new Service(
            declared.name(),
            declared.directory(),
            declared.relativeDirectory(),
            declared.dockerfile(),
            declared.context(),
            declared.descriptor().toBuilder().lines(java.util.Map.of()).build(),
            declared.dockerfileInfo(),
            "docker-compose.yml:6",
            java.util.Optional.empty());

    ServiceGraph graph = GraphBuilder.build(repository(from("db", "scratch"), fromCompose));

    assertThat(graph.edges())
        .containsExactly(new Edge("api", "db", Edge.Reason.DEPENDS_ON, "docker-compose.yml:6"));
  }

  @Test
  void dependsOnAddsAnEdge() {
    ServiceGraph graph =
        GraphBuilder.build(
            repository(
                from("db", "scratch"),
                service("api", List.of("scratch"), List.of(), List.of("db"))));

    assertThat(graph.edges())
        .containsExactly(new Edge("api", "db", Edge.Reason.DEPENDS_ON, "service.yaml"));
  }

  @Test
  void anUnknownDependsOnNamesTheFileLineAndKnownServices() {
    assertThatThrownBy(
            () ->
                GraphBuilder.build(
                    repository(
                        from("db", "scratch"),
                        service("api", List.of("scratch"), List.of(), List.of("dbb")))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "/repo/services/api/service.yaml:3: dependsOn names unknown service 'dbb';"
                + " known services: api, db");
  }

  @Test
  void aCycleIsAnErrorThatPrintsTheCycle() {
    assertThatThrownBy(
            () ->
                GraphBuilder.build(
                    repository(from("a", "b"), from("b", "c"), from("c", "a"), from("d", "a"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("dependency cycle: a -> b -> c -> a")
        .hasMessageContaining(
            "c -> a (Dockerfile FROM, Dockerfile:1, service name, not a public image)");
  }

  @Test
  void aServiceBuildingFromItselfIsACycle() {
    assertThatThrownBy(() -> GraphBuilder.build(repository(from("a", "a"))))
        .hasMessageStartingWith("dependency cycle: a -> a");
  }

  @Test
  void closuresFollowEdgesBothWays() {
    ServiceGraph graph =
        GraphBuilder.build(
            repository(
                from("base", "scratch"),
                from("jre", "base"),
                from("app", "jre"),
                from("other", "base")));

    assertThat(graph.withDependencies(List.of("app"))).containsExactly("app", "base", "jre");
    assertThat(graph.withDependents(List.of("jre"))).containsExactly("app", "jre");
  }
}
