package dev.orchestrator.core.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenReactorTest {
  @TempDir Path root;

  @Test
  void modulesOfNestedAggregatorsAreReadInReactorOrder() {
    new Poms(root)
        .aggregator("", "libs", "services")
        .aggregator("libs", "kit")
        .module("libs/kit", "libs", "kit")
        .aggregator("services", "a", "deeper")
        .module("services/a", "services", "a", "kit")
        .aggregator("services/deeper", "b")
        .module("services/deeper/b", "services/deeper", "b");

    MavenReactor reactor = MavenReactor.read(root);

    assertThat(reactor.modules())
        .extracting(ReactorModule::relativeDirectory)
        .containsExactly(
            ".",
            "libs",
            "libs/kit",
            "services",
            "services/a",
            "services/deeper",
            "services/deeper/b");
    assertThat(reactor.isModule(root.resolve("services/deeper/b"))).isTrue();
    assertThat(reactor.isModule(root.resolve("services/unlisted"))).isFalse();
  }

  @Test
  void groupIdAndVersionComeFromTheParentAndDependenciesAreInterpolated() {
    new Poms(root)
        .aggregator("", "kit", "a")
        .module("kit", "", "kit")
        .write(
            "a",
            """
            <project><modelVersion>4.0.0</modelVersion>
              <parent><groupId>g</groupId><artifactId>root</artifactId><version>1.0</version></parent>
              <artifactId>a</artifactId>
              <dependencies>
                <dependency><groupId>${libs.group}</groupId><artifactId>kit</artifactId></dependency>
                <dependency><groupId>g</groupId><artifactId>only-for-tests</artifactId><scope>test</scope></dependency>
                <dependency><groupId>org.example</groupId><artifactId>outside</artifactId><version>1</version></dependency>
              </dependencies>
            </project>
            """);

    MavenReactor reactor = MavenReactor.read(root);
    ReactorModule a = reactor.module(root.resolve("a")).orElseThrow();

    assertThat(a.coordinates()).isEqualTo("g:a");
    assertThat(a.dependencies()).containsExactly("g:kit", "org.example:outside");
    assertThat(reactor.dependenciesOf(a))
        .extracting(ReactorModule::artifactId)
        .containsExactly("kit");
  }

  @Test
  void aServiceNeedsEveryLibraryItReachesTransitively() {
    new Poms(root)
        .aggregator("", "base", "api", "kit", "a", "b")
        .module("base", "", "base")
        .module("api", "", "api", "base")
        .module("kit", "", "kit", "api")
        .module("a", "", "a", "kit")
        .module("b", "", "b");

    MavenReactor reactor = MavenReactor.read(root);

    assertThat(reactor.moduleDirectoriesNeededBy(root.resolve("a")))
        .containsExactly(root.resolve("kit"), root.resolve("api"), root.resolve("base"));
    assertThat(reactor.moduleDirectoriesNeededBy(root.resolve("b"))).isEmpty();
    assertThat(reactor.moduleDirectoriesNeededBy(root.resolve("not-a-module"))).isEmpty();
  }

  @Test
  void theProjectListHoldsOnlyModulesRelativeToTheReactorInReactorOrder() {
    new Poms(root)
        .aggregator("", "libs/kit", "services")
        .module("libs/kit", "", "kit")
        .aggregator("services", "b", "a")
        .module("services/a", "services", "a", "kit")
        .module("services/b", "services", "b");

    MavenReactor reactor = MavenReactor.read(root);

    assertThat(
            reactor.projectList(
                java.util.List.of(
                    root.resolve("services/a"),
                    root.resolve("services/base-image"),
                    root.resolve("services/b"))))
        .containsExactly("services/b", "services/a");
    assertThat(MavenBuild.command(root, java.util.List.of("services/b", "services/a")))
        .containsExactly(
            "mvn",
            "-B",
            "-Dstyle.color=never",
            "--fail-at-end",
            "-pl",
            "services/b,services/a",
            "-am",
            "package",
            "-DskipTests");
  }

  @Test
  void theWrapperRunsWhenTheRepositoryHasAnExecutableOne() throws java.io.IOException {
    java.nio.file.Path wrapper = root.resolve("mvnw");
    java.nio.file.Files.writeString(wrapper, "#!/bin/sh\n");
    assertThat(MavenBuild.command(root, java.util.List.of("a")).get(0)).isEqualTo("mvn");

    wrapper.toFile().setExecutable(true);

    assertThat(MavenBuild.command(root, java.util.List.of("a")).get(0)).isEqualTo("./mvnw");
  }

  @Test
  void aRepositoryWithoutARootPomHasNoModules() {
    assertThat(MavenReactor.read(root).modules()).isEmpty();
  }

  @Test
  void aBrokenPomNamesTheFileAndLine() {
    new Poms(root)
        .aggregator("", "a")
        .file(
            "a/pom.xml", "<project>\n  <artifactId>a</artifactId>\n  <dependencies>\n</project>\n");

    assertThatThrownBy(() -> MavenReactor.read(root))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(root.resolve("a/pom.xml") + ":4: not a readable POM (column")
        .hasMessageNotContaining("position:");
  }

  @Test
  void aModuleWithoutAPomIsAConfigurationErrorNamingTheAggregator() {
    new Poms(root).aggregator("", "missing");

    assertThatThrownBy(() -> MavenReactor.read(root))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(root.resolve("pom.xml") + ": <module>missing</module> names no POM");
  }
}
