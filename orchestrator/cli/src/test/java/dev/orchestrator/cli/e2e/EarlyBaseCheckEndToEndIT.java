package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External base images are checked before Maven and every build: a base that is neither in the
 * local engine nor in its registry (a local registry on loopback that lacks it) fails the services
 * that need it at once, with image, Dockerfile and line, and their Maven module is not built;
 * services whose base is a local stand-in or in the registry build.
 */
class EarlyBaseCheckEndToEndIT {
  @TempDir Path root;
  @TempDir Path work;
  final String namespace = "e2e-base-" + UUID.randomUUID().toString().substring(0, 8);
  LocalRegistry registry;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @AfterEach
  void cleanUp() {
    Docker.removeNamespace(namespace);
    if (registry != null) {
      registry.close();
    }
  }

  private void file(String relative, String content) {
    try {
      Path path = root.resolve(relative);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aMissingBaseFailsItsServicesBeforeMavenAndTheOthersBuild() throws IOException {
    registry = LocalRegistry.start(work.resolve("registry"));
    // A stand-in for a public base, present only in the local engine.
    Path standIn = work.resolve("stand-in");
    Files.createDirectories(standIn);
    Files.writeString(standIn.resolve("Dockerfile"), "FROM scratch\nCOPY Dockerfile /stand-in\n");
    String local = namespace + "/stand-in:1";
    docker("buildx", "build", "--load", "-t", local, standIn.toString()).assertSucceeded();
    file(
        "buildx-profiles/local.yaml",
        "platforms: [host]\noutput: load\nnamespace: %s\ncache: {type: none}\n"
            .formatted(namespace));
    file(
        "pom.xml",
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>e2e</groupId><artifactId>reactor</artifactId><version>1.0</version>
          <packaging>pom</packaging>
          <modules><module>services/app</module></modules>
        </project>
        """);
    file(
        "services/app/pom.xml",
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>e2e</groupId><artifactId>app</artifactId><version>1.0</version>
          <packaging>jar</packaging>
        </project>
        """);
    String missing = registry.address + "/" + namespace + "/nowhere:1";
    file(
        "services/app/Dockerfile",
        "# the runtime\nFROM " + missing + "\nCOPY target/app-1.0.jar /app.jar\n");
    file("services/child/Dockerfile", "FROM app\nCOPY Dockerfile /child\n");
    file("services/local/Dockerfile", "FROM " + local + "\nCOPY Dockerfile /local\n");
    file("services/plain/Dockerfile", "FROM scratch\nCOPY Dockerfile /plain\n");

    Cli build = Cli.in(root, "build");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
    assertThat(build.out())
        .as(build.toString())
        .contains(
            "FAILED app: base image '"
                + missing
                + "' (services/app/Dockerfile:2) is neither in the local engine nor to be had from"
                + " its registry: HEAD http://"
                + registry.address
                + "/v2/"
                + namespace
                + "/nowhere/manifests/1 answered 404");
    assertThat(build.out()).containsPattern("child\\s+\\S+\\s+skipped");
    assertThat(build.out()).containsPattern("local\\s+linux/\\S+\\s+(built|cached)");
    assertThat(build.out()).containsPattern("plain\\s+linux/\\S+\\s+(built|cached)");
    // Maven never ran: the only Maven service cannot build.
    assertThat(root.resolve("services/app/target")).doesNotExist();
    assertThat(build.err()).doesNotContain("[maven]");
  }
}
