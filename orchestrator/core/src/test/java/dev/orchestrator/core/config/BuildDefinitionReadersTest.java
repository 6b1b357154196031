package dev.orchestrator.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildDefinitionReadersTest {
  @TempDir Path root;

  private Path write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private List<Problem> problems(Runnable read) {
    try {
      read.run();
    } catch (ConfigurationException e) {
      return e.problems();
    }
    throw new AssertionError("no problem reported");
  }

  @Test
  void composeBuildSectionsGiveNameImageContextDockerfileTargetArgsAndServiceContexts()
      throws IOException {
    write("config/Dockerfile", "FROM scratch\n");
    write("api/docker/api.Dockerfile", "FROM scratch\n");
    Path file =
        write(
            "compose.yaml",
            """
            services:
              db:
                image: postgres:16
              config:
                image: org/project-config
                build: ./config
              api:
                image: org/api:1.0
                build:
                  context: api
                  dockerfile: docker/api.Dockerfile
                  target: runtime
                  args:
                    - VERSION=1.4
                    - FROM_ENV
                  additional_contexts:
                    config: service:config
                  platforms: [linux/amd64, linux/arm64]
                depends_on: [db]
            """);

    List<BuildDefinition> definitions = ComposeReader.read(file, root);

    assertThat(definitions)
        .containsExactly(
            new BuildDefinition(
                "config",
                Optional.of("org/project-config"),
                file,
                4,
                root.resolve("config"),
                root.resolve("config/Dockerfile"),
                Optional.empty(),
                Map.of(),
                List.of(),
                List.of()),
            new BuildDefinition(
                "api",
                Optional.of("org/api:1.0"),
                file,
                7,
                root.resolve("api"),
                root.resolve("api/docker/api.Dockerfile"),
                Optional.of("runtime"),
                Map.of("VERSION", "1.4"),
                List.of("linux/amd64", "linux/arm64"),
                List.of("config")));
    assertThat(definitions.get(1).origin(root)).isEqualTo("compose.yaml:7");
  }

  @Test
  void composeDefinitionsContradictingTheFilesystemFailWithFileAndLine() throws IOException {
    write("web/Dockerfile", "FROM scratch\n");
    Path file =
        write(
            "docker-compose.yml",
            """
            services:
              gone:
                build: ./missing
              web:
                build:
                  context: web
                  dockerfile: Dockerfile.prod
                  additional_contexts: {base: ./base}
                  platforms: [linux/amd65]
            """);

    assertThat(problems(() -> ComposeReader.read(file, root)))
        .containsExactly(
            new Problem(file, 3, "service 'gone': context './missing' does not exist"),
            new Problem(file, 7, "service 'web': Dockerfile web/Dockerfile.prod not found"),
            new Problem(
                file,
                8,
                "service 'web': additional context 'base' is './base'; only 'service:base' (a"
                    + " context named like the service it builds from) is supported"),
            new Problem(
                file,
                9,
                "'services.web.build.platforms': 'linux/amd65' "
                    + dev.orchestrator.core.image.Platforms.problem("linux/amd65").orElseThrow()));
  }

  @Test
  void composeContextOutsideTheRepositoryIsRefused() throws IOException {
    Path file = write("compose.yaml", "services:\n  x:\n    build: ../elsewhere\n");

    assertThat(problems(() -> ComposeReader.read(file, root)))
        .containsExactly(
            new Problem(file, 3, "service 'x': context '../elsewhere' is outside the repository"));
  }

  @Test
  void skaffoldArtifactsInEveryDocumentWithRequiresAliasAndPlatforms() throws IOException {
    write("src/base/Dockerfile", "FROM scratch\n");
    write("src/cartservice/src/Dockerfile", "ARG BASE\nFROM $BASE\n");
    Path file =
        write(
            "skaffold.yaml",
            """
            apiVersion: skaffold/v4beta6
            kind: Config
            build:
              platforms: [linux/amd64, linux/arm64]
              artifacts:
              - image: base
                context: src/base
              - image: gcr.io/demo/cartservice
                context: src/cartservice/src
                docker:
                  dockerfile: Dockerfile
                  target: final
                  buildArgs: {MODE: release}
                requires:
                - image: base
                  alias: BASE
                platforms: [linux/amd64]
              - image: jibbed
                jib: {}
            ---
            apiVersion: skaffold/v4beta6
            kind: Config
            """);

    assertThat(SkaffoldReader.read(file, root))
        .containsExactly(
            new BuildDefinition(
                "base",
                Optional.of("base"),
                file,
                6,
                root.resolve("src/base"),
                root.resolve("src/base/Dockerfile"),
                Optional.empty(),
                Map.of(),
                List.of("linux/amd64", "linux/arm64"),
                List.of()),
            new BuildDefinition(
                "cartservice",
                Optional.of("gcr.io/demo/cartservice"),
                file,
                8,
                root.resolve("src/cartservice/src"),
                root.resolve("src/cartservice/src/Dockerfile"),
                Optional.of("final"),
                Map.of("MODE", "release", "BASE", "base"),
                List.of("linux/amd64"),
                List.of("base")));
  }

  @Test
  void skaffoldProblemsNameTheirLine() throws IOException {
    write("a/Dockerfile", "FROM scratch\n");
    Path file =
        write(
            "skaffold.yaml",
            """
            build:
              artifacts:
              - context: a
              - image: b
                context: a
                docker:
                  dockerfile: nope/Dockerfile
            """);

    assertThat(problems(() -> SkaffoldReader.read(file, root)))
        .containsExactly(
            new Problem(file, 3, "an artifact needs 'image'"),
            new Problem(file, 7, "service 'b': Dockerfile a/nope/Dockerfile not found"));
  }

  @Test
  void bakeJsonTargetsWithTargetContextsAsDependencies() throws IOException {
    write("base/Dockerfile", "FROM scratch\n");
    write("app/Dockerfile", "FROM base\n");
    Path file =
        write(
            "docker-bake.json",
            """
            {
              "group": {"default": {"targets": ["base", "app"]}},
              "target": {
                "base": {"context": "base", "platforms": ["linux/amd64", "linux/arm64"]},
                "app": {
                  "context": "app",
                  "contexts": {"base": "target:base"},
                  "args": {"V": "2"},
                  "tags": ["org/app:2", "org/app:latest"],
                  "target": "run"
                }
              }
            }
            """);

    assertThat(BakeReader.readJson(file, root))
        .containsExactly(
            new BuildDefinition(
                "base",
                Optional.empty(),
                file,
                4,
                root.resolve("base"),
                root.resolve("base/Dockerfile"),
                Optional.empty(),
                Map.of(),
                List.of("linux/amd64", "linux/arm64"),
                List.of()),
            new BuildDefinition(
                "app",
                Optional.of("org/app:2"),
                file,
                5,
                root.resolve("app"),
                root.resolve("app/Dockerfile"),
                Optional.of("run"),
                Map.of("V", "2"),
                List.of(),
                List.of("base")));
  }

  @Test
  void bakePrintedFromHclTakesItsLinesFromTheTargetBlocks() throws IOException {
    write("base/Dockerfile", "FROM scratch\n");
    Path hcl =
        write(
            "docker-bake.hcl",
            """
            group "default" {
              targets = ["base", "gone"]
            }

            target "base" {
              context = "base"
            }
              target "gone" {
              context = "missing"
            }
            """);
    String printed =
        """
        {"target": {"base": {"context": "base", "dockerfile": "Dockerfile"},
                    "gone": {"context": "missing", "dockerfile": "Dockerfile"}}}
        """;

    assertThat(problems(() -> BakeReader.readPrinted(hcl, printed, root)))
        .containsExactly(new Problem(hcl, 8, "service 'gone': context 'missing' does not exist"));
    write("missing/Dockerfile", "FROM scratch\n");
    assertThat(BakeReader.readPrinted(hcl, printed, root))
        .extracting(BuildDefinition::name, BuildDefinition::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("base", 5),
            org.assertj.core.groups.Tuple.tuple("gone", 8));
  }

  @Test
  void bakeContextsOtherThanTargetsAreRefused() throws IOException {
    write("app/Dockerfile", "FROM scratch\n");
    Path file =
        write(
            "docker-bake.json",
            "{\"target\": {\"app\": {\"context\": \"app\",\n"
                + "  \"contexts\": {\"base\": \"docker-image://alpine\"}}}}\n");

    assertThatThrownBy(() -> BakeReader.readJson(file, root))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("docker-bake.json:2")
        .hasMessageContaining(
            "target 'app': context 'base' is 'docker-image://alpine'; only 'target:base'");
  }

  @Test
  void imageNamesGiveTheirLastPathComponent() {
    assertThat(BuildDefinition.nameOf("gcr.io/k8s-skaffold/leeroy-web:v1")).isEqualTo("leeroy-web");
    assertThat(BuildDefinition.nameOf("127.0.0.1:5000/app")).isEqualTo("app");
    assertThat(BuildDefinition.nameOf("base@sha256:abc")).isEqualTo("base");
    assertThat(BuildDefinition.nameOf("plain")).isEqualTo("plain");
  }
}
