package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven reactor inside the fixture monorepo, on the real Maven and engine:
 *
 * <pre>
 *   services/app    -> libs/kit                 (a shared library, not a service)
 *   services/worker -> libs/kit, services/app   (a Maven edge between two services)
 *   services/solo   (a Maven service using no library)
 * </pre>
 *
 * Each image copies its module's jar and target/lib, so a library change reaches the image only
 * through the Maven step.
 */
class MavenLibraryEndToEndIT {
  @TempDir Path root;
  FixtureMonorepo repo;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void createRepo() {
    repo = FixtureMonorepo.create(root);
    repo.file(
        "pom.xml",
        pom(
            "reactor",
            "pom",
            "",
            """
        <modules><module>libs/kit</module><module>services/app</module>
          <module>services/worker</module><module>services/solo</module></modules>
        <build><pluginManagement><plugins>
          <plugin><artifactId>maven-clean-plugin</artifactId><version>3.4.0</version></plugin>
          <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
          <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
          <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
          <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
          <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.3</version></plugin>
          <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>
            <executions><execution><phase>package</phase><goals><goal>copy-dependencies</goal></goals>
              <configuration><includeScope>runtime</includeScope></configuration></execution></executions>
          </plugin>
        </plugins></pluginManagement></build>"""));
    repo.file("libs/kit/pom.xml", module("kit", ""));
    // the namespace makes the jars unique per test, so that no earlier run's layers are cached
    repo.file("libs/kit/src/main/resources/kit.txt", "kit v1 " + repo.namespace);
    service("app", dependency("kit"));
    service("worker", dependency("kit") + dependency("app"));
    service("solo", "");
  }

  @AfterEach
  void removeImages() {
    Docker.removeNamespace(repo.namespace);
  }

  private Cli orchestrator(String... args) {
    return Cli.in(root, args);
  }

  @Test
  void theGraphAndThePlanFollowTheModuleDependencies() {
    Cli graph = orchestrator("graph");
    Cli plan = orchestrator("plan", "worker");
    Cli dryRun = orchestrator("build", "worker", "--dry-run");

    assertThat(graph.out()).contains("worker\n  -> app (Maven dependency, pom.xml: e2e:app)");
    assertThat(orchestrator("graph", "--format", "mermaid").out())
        .contains("worker -->|\"Maven dependency\"| app");
    assertThat(plan.out()).isEqualTo("wave 1: app\nwave 2: worker\n2 services in 2 waves\n");
    // The fixture has no wrapper: the exact command that runs is mvn's.
    assertThat(dryRun.out())
        .contains(
            "mvn -B -Dstyle.color=never --fail-at-end -pl services/app,services/worker -am package"
                + " -DskipTests");
  }

  @Test
  void changingTheSharedLibraryRebuildsTheJarsAndImagesOfEveryServiceUsingIt() {
    Cli first = orchestrator("build", "app", "worker", "solo", "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(kitText("services/app")).isEqualTo("kit v1 " + repo.namespace);

    repo.file("libs/kit/src/main/resources/kit.txt", "kit v2 " + repo.namespace);
    Cli second = orchestrator("build", "app", "worker", "solo", "--json");

    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(kitText("services/app")).isEqualTo("kit v2 " + repo.namespace);
    assertThat(kitText("services/worker")).isEqualTo("kit v2 " + repo.namespace);
    assertThat(second.out())
        .containsPattern("\"name\": \"app\",[^}]*\"status\": \"built\"")
        .containsPattern("\"name\": \"worker\",[^}]*\"status\": \"built\"")
        .containsPattern("\"name\": \"solo\",[^}]*\"status\": \"up-to-date\"");
  }

  @Test
  void jarsRebuiltFromUnchangedSourcesLeaveTheImagesUpToDate() {
    Cli first = orchestrator("build", "worker", "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    repo.delete("services/app/target");
    repo.delete("services/worker/target");

    Cli second = orchestrator("build", "worker", "--json");

    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out())
        .containsPattern("\"name\": \"app\",[^}]*\"status\": \"up-to-date\"")
        .containsPattern("\"name\": \"worker\",[^}]*\"status\": \"up-to-date\"");
  }

  @Test
  void withNothingChangedTheImagesAreUpToDateAndNoMavenProcessStarts() throws IOException {
    Cli first = orchestrator("build", "worker", "solo", "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    // From now on, "Maven" is a wrapper that leaves a mark and fails: any Maven run shows.
    Path marker = root.resolve("maven-ran");
    repo.file("mvnw", "#!/bin/sh\necho \"$@\" > " + marker + "\nexit 1\n");
    Files.setPosixFilePermissions(
        root.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));

    Cli second = orchestrator("build", "worker", "solo", "--json");

    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(marker).doesNotExist();
    assertThat(second.out())
        .containsPattern("\"name\": \"app\",[^}]*\"status\": \"up-to-date\"")
        .containsPattern("\"name\": \"worker\",[^}]*\"status\": \"up-to-date\"")
        .containsPattern("\"name\": \"solo\",[^}]*\"status\": \"up-to-date\"");

    // A source change makes Maven run (and here fail) for that module's images only.
    repo.file(
        "services/solo/src/main/java/e2e/Solo.java",
        "package e2e;\npublic class Solo { int v2; }\n");
    Cli third = orchestrator("build", "worker", "solo");
    assertThat(third.exitCode()).as(third.toString()).isEqualTo(1);
    assertThat(Files.readString(marker)).contains("services/solo").doesNotContain("services/app");
    assertThat(third.out())
        .contains("FAILED solo: Maven build failed before building its module (exit 1)");
  }

  /**
   * A CI runner whose engine kept the images has a fresh clone with no jars: every image is up to
   * date, so the build runs no Maven, and the gate must build the jars it rebuilds from.
   */
  @Test
  void theReproducibilityGateBuildsTheJarsOfImagesThatWereUpToDate() throws IOException {
    // Not a git checkout: without an epoch, file times are as built and never reproducible.
    Path profile = root.resolve("buildx-profiles/local.yaml");
    Files.writeString(profile, Files.readString(profile) + "sourceDateEpoch: 1700000000\n");
    Cli first = orchestrator("build", "worker", "solo", "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    repo.delete("services/app/target");
    repo.delete("services/worker/target");
    repo.delete("services/solo/target");
    Files.writeString(profile, Files.readString(profile) + "verify: {reproducible: true}\n");

    Cli gated = orchestrator("build", "worker", "--json");

    assertThat(gated.exitCode()).as(gated.toString()).isZero();
    assertThat(gated.out()).containsPattern("\"name\": \"worker\",[^}]*\"status\": \"up-to-date\"");
    assertThat(root.resolve("services/worker/target/worker-1.0.jar")).exists();
    assertThat(gated.out()).doesNotContain("not-run").contains("\"reproducible\"");

    // A module Maven cannot build is not run, with Maven's reason; the gate never passes it.
    repo.file("services/solo/src/main/java/e2e/Solo.java", "class Solo { broken }\n");
    Cli broken = orchestrator("verify", "--reproducible", "solo", "--json");

    assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
    assertThat(broken.out())
        .contains("\"result\": \"not-run\"")
        .contains("Maven build of its module services/solo failed");
  }

  @Test
  void aCompileErrorInOneModuleFailsOnlyItAndWhatNeedsItTheOtherModulesServicesBuild() {
    // A reactor of three service modules (and the library): app breaks, worker needs app,
    // solo needs neither.
    repo.file("services/app/src/main/java/e2e/App.java", "class App { broken }\n");

    Cli build = orchestrator("build", "app", "worker", "solo", "--json");
    Cli text = orchestrator("build", "app", "worker", "solo");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
    assertThat(build.out())
        .containsPattern("\"name\": \"solo\",[^}]*\"status\": \"(built|cached|up-to-date)\"")
        .containsPattern("\"name\": \"app\",[^}]*\"status\": \"failed\"")
        .doesNotContain("\u001B[");
    assertThat(text.out())
        .contains("FAILED app: Maven build of its module services/app failed (exit 1)")
        .contains(
            "FAILED worker: Maven skipped its module services/worker: a module it needs failed"
                + " (app)")
        .contains("App.java")
        .contains("COMPILATION ERROR")
        .doesNotContain("\u001B[");
    // Progress is visible as Maven goes: modules done out of the total.
    assertThat(build.err()).contains("[maven] mvn -B -Dstyle.color=never --fail-at-end");
    assertThat(build.err()).containsPattern("\\[maven\\] \\d/\\d modules built, building ");
    assertThat(root.resolve("services/solo/target/solo-1.0.jar")).exists();
  }

  @Test
  void aCompileErrorInTheLibraryIsShownUnderTheServicesThatNeedIt() {
    // kit is no service, so no result of its own would show its error.
    repo.file("libs/kit/src/main/java/e2e/Kit.java", "package e2e;\nclass Kit { broken }\n");

    Cli build = orchestrator("build", "app", "solo");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
    assertThat(build.out())
        .contains(
            "FAILED app: Maven skipped its module services/app: a module it needs failed (kit)")
        .contains("Kit.java")
        .contains("COMPILATION ERROR")
        .doesNotContain("FAILED solo");
  }

  private void service(String name, String dependencies) {
    repo.file("services/" + name + "/pom.xml", module(name, dependencies));
    repo.file(
        "services/" + name + "/src/main/java/e2e/" + cap(name) + ".java",
        "package e2e;\npublic class " + cap(name) + " {}\n");
    repo.file(
        "services/" + name + "/Dockerfile",
        "FROM scratch\nCOPY target/"
            + name
            + "-1.0.jar /app/\n"
            + (dependencies.isEmpty() ? "" : "COPY target/dependency/ /app/lib/\n"));
  }

  private static String cap(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private String kitText(String module) {
    try (JarFile jar =
        new JarFile(root.resolve(module).resolve("target/dependency/kit-1.0.jar").toFile())) {
      return new String(
          jar.getInputStream(jar.getEntry("kit.txt")).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dependency(String artifactId) {
    return "<dependency><groupId>${project.groupId}</groupId><artifactId>"
        + artifactId
        + "</artifactId><version>${project.version}</version></dependency>";
  }

  private static String module(String artifactId, String dependencies) {
    return pom(
        artifactId,
        "jar",
        "<parent><groupId>e2e</groupId><artifactId>reactor</artifactId>"
            + "<version>1.0</version><relativePath>../../pom.xml</relativePath></parent>",
        "<dependencies>"
            + dependencies
            + "</dependencies>"
            + "<build><plugins><plugin><artifactId>maven-dependency-plugin</artifactId></plugin></plugins></build>");
  }

  private static String pom(String artifactId, String packaging, String parent, String body) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          %s
          <groupId>e2e</groupId><artifactId>%s</artifactId><version>1.0</version>
          <packaging>%s</packaging>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
          </properties>
          %s
        </project>
        """
        .formatted(parent, artifactId, packaging, body);
  }
}
