package dev.orchestrator.core.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.graph.Edge;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.process.SystemCommandRunner;
import dev.orchestrator.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reactor as the graph sees it:
 *
 * <pre>
 *   services/a -> libs/kit -> services/b      (a needs b through a library)
 *   services/c -> services/b                  (directly)
 *   services/base: a Dockerfile, no POM; services/d: a POM not listed as a module
 * </pre>
 */
class MavenGraphTest {
  @TempDir Path root;
  Poms poms;

  @BeforeEach
  void writeRepository() {
    poms =
        new Poms(root)
            .aggregator("", "libs/kit", "services")
            .module("libs/kit", "", "kit", "b")
            .aggregator("services", "a", "b", "c")
            .module("services/a", "services", "a", "kit")
            .module("services/b", "services", "b")
            .module("services/c", "services", "c", "b")
            .module("services/d", "services", "d", "b");
    for (String service : List.of("a", "b", "c", "d", "base")) {
      poms.file("services/" + service + "/Dockerfile", "FROM scratch\n");
    }
  }

  @Test
  void aServiceDependsOnAnotherThroughALibraryModule() {
    List<Edge> edges =
        Workspace.load(root, SystemCommandRunner.inheritingEnvironment()).graph().edgesFrom("a");

    assertThat(edges)
        .containsExactly(new Edge("a", "b", Edge.Reason.MAVEN_DEPENDENCY, "pom.xml: g:b via kit"));
  }

  @Test
  void aDirectModuleDependencyNamesNoLibrary() {
    assertThat(
            Workspace.load(root, SystemCommandRunner.inheritingEnvironment())
                .graph()
                .edgesFrom("c"))
        .containsExactly(new Edge("c", "b", Edge.Reason.MAVEN_DEPENDENCY, "pom.xml: g:b"));
  }

  @Test
  void onlyReactorModulesAreMavenServicesAndOnlyTheyCarryMavenEdges() {
    Workspace workspace = Workspace.load(root, SystemCommandRunner.inheritingEnvironment());

    assertThat(workspace.repository().services())
        .filteredOn(workspace::isMavenModule)
        .extracting(s -> s.name())
        .containsExactly("a", "b", "c");
    assertThat(workspace.graph().edgesFrom("d")).isEmpty();
    assertThat(workspace.graph().edgesFrom("base")).isEmpty();
  }

  @Test
  void buildingOneServicePlansTheServicesItsModuleNeeds() {
    Workspace workspace = Workspace.load(root, SystemCommandRunner.inheritingEnvironment());

    assertThat(Planner.plan(workspace.graph(), List.of("a")).waves())
        .containsExactly(List.of("b"), List.of("a"));
    assertThat(workspace.mavenProjects(List.of("base", "b", "a", "d")))
        .containsExactly("services/a", "services/b");
  }

  @Test
  void libraryInputsOfAServiceAreItsTransitiveModuleFolders() {
    MavenReactor reactor =
        Workspace.load(root, SystemCommandRunner.inheritingEnvironment()).maven();

    assertThat(reactor.moduleDirectoriesNeededBy(root.resolve("services/a")))
        .containsExactly(root.resolve("libs/kit"), root.resolve("services/b"));
  }
}
