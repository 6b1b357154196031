package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories whose images are described by a compose file, a skaffold.yaml or a bake HCL file,
 * with no service.yaml: discovery takes names, contexts, targets, args, platforms and dependencies
 * from them, and every image builds for both platforms, then is up to date.
 */
class DefinitionsEndToEndIT {
  private static final Pattern SERVICE_STATUS =
      Pattern.compile(
          "\"name\": \"([a-z-]+)\",\\s*\"image\": \"[^\"]*\",\\s*\"status\": \"([a-z-]+)\"");
  private static final String BOTH = "linux/amd64,linux/arm64";

  @TempDir Path root;
  final String namespace = "e2e-def-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @AfterEach
  void removeImages() {
    Docker.removeNamespace(namespace);
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

  private Cli orchestrator(String... args) {
    return Cli.in(root, args);
  }

  private static Map<String, String> statuses(Cli build) {
    Map<String, String> statuses = new TreeMap<>();
    Matcher m = SERVICE_STATUS.matcher(build.out());
    while (m.find()) {
      statuses.put(m.group(1), m.group(2));
    }
    return statuses;
  }

  /**
   * With no {@code buildx-profiles/} (the built-in local profile), the images are named by the
   * definitions, all in this test's namespace. Builds both platforms, checks every service built,
   * builds again: all up to date; then {@code init} writes the repository's files, and a second
   * {@code init} writes nothing.
   */
  private void buildsTwice(String... services) {
    assertThat(root.resolve("buildx-profiles")).doesNotExist();
    Cli first = orchestrator("build", "--platform", BOTH, "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(statuses(first)).as(first.toString()).containsOnlyKeys(services);
    // "cached": every step came from BuildKit's cache, which other fixtures may have filled.
    assertThat(statuses(first).values())
        .as(first.toString())
        .allMatch(s -> s.equals("built") || s.equals("cached"));
    assertThat(first.out())
        .contains("\"platform\": \"linux/arm64\"", "\"platform\": \"linux/amd64\"");

    Cli again = orchestrator("build", "--platform", BOTH, "--json");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(statuses(again).values())
        .as(again.toString())
        .hasSize(services.length)
        .allMatch(s -> s.equals("up-to-date"));

    Cli init = orchestrator("init", "--profiles", "--makefile");
    assertThat(init.exitCode()).as(init.toString()).isZero();
    assertThat(init.out()).contains("wrote orchestrator.yaml", "wrote orchestrator.mk");
    assertThat(root.resolve("buildx-profiles/local.yaml")).exists();
    Cli secondInit = orchestrator("init", "--profiles", "--makefile");
    assertThat(secondInit.exitCode()).as(secondInit.toString()).isZero();
    assertThat(secondInit.out()).contains("nothing written").doesNotContain("wrote ");
    Cli listAfter = orchestrator("list", "--names");
    assertThat(listAfter.exitCode()).as(listAfter.toString()).isZero();
    assertThat(listAfter.out().lines().toList()).containsExactlyInAnyOrder(services);
  }

  /** A label of the image {@code namespace/name:latest}. */
  private String label(String name, String key) {
    return docker(
            "image",
            "inspect",
            "--format",
            "{{index .Config.Labels \"" + key + "\"}}",
            namespace + "/" + name + ":latest")
        .output()
        .strip();
  }

  @Test
  void composeBuildSectionsWithImageNamesATargetAndArgs() {
    file(
        "compose.yaml",
        """
        services:
          db:
            image: postgres:16
          config:
            image: NS/project-config
            build: ./config-server
          api:
            image: NS/api-image:1.0
            build:
              context: ./api-service
              dockerfile: docker/Dockerfile
              target: runtime
              args:
                MODE: release
              additional_contexts:
                config: service:config
            depends_on: [db, config]
        """
            .replace("NS/", namespace + "/"));
    file("config-server/Dockerfile", "FROM scratch\nCOPY config.txt /config.txt\n");
    file("config-server/config.txt", "config\n");
    file(
        "api-service/docker/Dockerfile",
        """
        FROM scratch AS runtime
        ARG MODE=debug
        COPY --from=config /config.txt /config.txt
        COPY app.txt /app.txt
        LABEL mode=$MODE
        FROM runtime AS debug
        LABEL mode=debug-build
        """);
    file("api-service/app.txt", "api\n");

    Cli list = orchestrator("list", "--json");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out().replaceAll("\\s", ""))
        .contains(
            "\"name\":\"api\",\"directory\":\"api-service\",\"dockerfile\":\"api-service/docker/Dockerfile\",\"dependsOn\":[\"config\"]",
            "\"origin\":\"compose.yaml:7\",\"image\":\"" + namespace + "/api-image:1.0\"",
            "\"name\":\"config\",\"directory\":\"config-server\"",
            "\"origin\":\"compose.yaml:4\",\"image\":\"" + namespace + "/project-config\"")
        .doesNotContain("\"name\":\"db\"");
    Cli text = orchestrator("list");
    assertThat(text.out()).contains("from compose.yaml:7, image " + namespace + "/api-image:1.0");
    Cli graph = orchestrator("graph");
    assertThat(graph.out())
        .contains("-> config (Dockerfile COPY --from, Dockerfile:3, declared dependency)");

    buildsTwice("api", "config");
    // The compose file's image names name the images, not namespace/service.
    assertThat(label("api-image", "mode")).isEqualTo("release");
    assertThat(docker("image", "inspect", namespace + "/project-config:latest").result().exitCode())
        .isZero();
    assertThat(docker("image", "inspect", namespace + "/config:latest").result().exitCode())
        .isNotZero();
  }

  @Test
  void skaffoldArtifactsInNestedSrcFoldersWithRequiresAndPlatforms() {
    file(
        "skaffold.yaml",
        """
        apiVersion: skaffold/v4beta6
        kind: Config
        metadata:
          name: shop
        build:
          platforms: [linux/amd64, linux/arm64]
          artifacts:
          - image: example.com/NS/base
            context: src/base
          - image: example.com/NS/cartservice
            context: src/cartservice/src
            requires:
            - image: example.com/NS/base
              alias: BASE
          - image: example.com/NS/frontend
            context: src/frontend
            docker:
              dockerfile: Dockerfile
              buildArgs:
                FLAVOUR: plain
        """
            .replace("NS/", namespace + "/"));
    file("src/base/Dockerfile", "FROM scratch\nCOPY base.txt /base.txt\n");
    file("src/base/base.txt", "base\n");
    file(
        "src/cartservice/src/Dockerfile",
        "ARG BASE\nFROM $BASE\nCOPY cart.txt /cart.txt\nLABEL from-base=yes\n");
    file("src/cartservice/src/cart.txt", "cart\n");
    // buildx 0.13 crashes exporting an image without any layer, so every fixture copies a file.
    file(
        "src/frontend/Dockerfile",
        "FROM scratch\nARG FLAVOUR\nCOPY index.html /\nLABEL flavour=$FLAVOUR\n");
    file("src/frontend/index.html", "<p>shop</p>\n");

    Cli list = orchestrator("list", "--json");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out().replaceAll("\\s", ""))
        .contains(
            "\"name\":\"cartservice\",\"directory\":\"src/cartservice/src\","
                + "\"dockerfile\":\"src/cartservice/src/Dockerfile\",\"dependsOn\":[\"base\"],"
                + "\"externalImages\":[],\"platforms\":[\"linux/amd64\",\"linux/arm64\"]",
            "\"origin\":\"skaffold.yaml:10\",\"image\":\"example.com/"
                + namespace
                + "/cartservice\"",
            "\"name\":\"frontend\"",
            "\"origin\":\"skaffold.yaml:8\",\"image\":\"example.com/" + namespace + "/base\"");
    Cli graph = orchestrator("graph");
    assertThat(graph.out())
        .contains("cartservice\n  -> base (Dockerfile FROM, Dockerfile:2, declared dependency)");

    buildsTwice("base", "cartservice", "frontend");
    assertThat(label("frontend", "flavour")).isEqualTo("plain");
    assertThat(label("cartservice", "from-base")).isEqualTo("yes");
  }

  @Test
  void bakeHclWithTargetContexts() {
    file(
        "docker-bake.hcl",
        """
        variable "TAG" {
          default = "dev"
        }

        group "default" {
          targets = ["base", "app"]
        }

        target "base" {
          context = "images/base"
          tags = ["NS/bake-base"]
          platforms = ["linux/amd64", "linux/arm64"]
        }

        target "app" {
          context = "app"
          contexts = { base = "target:base" }
          args = { GREETING = "hello-${TAG}" }
          tags = ["NS/bake-app:${TAG}"]
        }
        """
            .replace("NS/", namespace + "/"));
    file("images/base/Dockerfile", "FROM scratch\nCOPY base.txt /base.txt\n");
    file("images/base/base.txt", "base\n");
    file("app/Dockerfile", "FROM base\nARG GREETING\nCOPY app.txt /\nLABEL greeting=$GREETING\n");
    file("app/app.txt", "app\n");

    Cli list = orchestrator("list", "--json");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out().replaceAll("\\s", ""))
        .contains(
            "\"name\":\"app\",\"directory\":\"app\",\"dockerfile\":\"app/Dockerfile\","
                + "\"dependsOn\":[\"base\"]",
            "\"origin\":\"docker-bake.hcl:15\",\"image\":\"" + namespace + "/bake-app:dev\"",
            "\"origin\":\"docker-bake.hcl:9\"");
    Cli graph = orchestrator("graph");
    assertThat(graph.out())
        .contains("app\n  -> base (Dockerfile FROM, Dockerfile:1, declared dependency)");

    buildsTwice("app", "base");
    assertThat(label("bake-app", "greeting")).isEqualTo("hello-dev");
  }
}
