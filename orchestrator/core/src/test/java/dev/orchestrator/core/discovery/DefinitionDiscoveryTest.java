package dev.orchestrator.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.process.RecordingCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionDiscoveryTest {
  @TempDir Path root;
  private final RecordingCommandRunner runner =
      new RecordingCommandRunner().answer(List.of("git"), 128, "not a git repository");

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private Repository discover() {
    return ServiceDiscovery.discover(root, runner);
  }

  @Test
  void composeServicesAreServicesWithTheirOriginAndOtherFoldersStillCount() throws IOException {
    write("config/Dockerfile", "FROM scratch\n");
    write("api/Dockerfile", "FROM scratch\n");
    write("tools/lint/Dockerfile", "FROM scratch\n");
    write(
        "compose.yaml",
        """
        services:
          config-server:
            image: org/project-config
            build: ./config
          api:
            build:
              context: api
              target: run
              args: {VERSION: "2"}
        """);

    Repository repository = discover();

    assertThat(repository.services())
        .extracting(Service::name, Service::origin, Service::image)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api", "compose.yaml:5", Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(
                "config-server", "compose.yaml:2", Optional.of("org/project-config")),
            org.assertj.core.groups.Tuple.tuple("lint", "folder tools/lint", Optional.empty()));
    Service api = repository.service("api").orElseThrow();
    assertThat(api.descriptor().target()).contains("run");
    assertThat(api.descriptor().args()).isEqualTo(Map.of("VERSION", "2"));
    assertThat(api.context()).isEqualTo(root.resolve("api"));
  }

  @Test
  void serviceYamlWinsKeyByKeyOverTheDefinition() throws IOException {
    write("api/Dockerfile", "FROM scratch\n");
    write("api/service.yaml", "name: gateway\nargs: {VERSION: \"3\"}\ntarget: debug\n");
    write(
        "compose.yaml",
        """
        services:
          api:
            build:
              context: api
              target: run
              args: {VERSION: "2", MODE: fast}
        """);

    Service service = discover().services().get(0);

    assertThat(service.name()).isEqualTo("gateway");
    assertThat(service.origin()).isEqualTo("compose.yaml:2, named by api/service.yaml");
    assertThat(service.descriptor().target()).contains("debug");
    assertThat(service.descriptor().args()).isEqualTo(Map.of("VERSION", "3", "MODE", "fast"));
  }

  @Test
  void aRequiredServiceNoDefinitionBuildsIsAnErrorAtTheDefinition() throws IOException {
    write("a/Dockerfile", "FROM scratch\n");
    write(
        "skaffold.yaml",
        "build:\n  artifacts:\n  - image: a\n    context: a\n    requires:\n    - image: base\n");

    assertThatThrownBy(this::discover)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            root.resolve("skaffold.yaml")
                + ":3: service 'a' needs 'base', which no definition or folder builds; known"
                + " services: a");
  }

  @Test
  void bakeHclIsReadThroughBakePrint() throws IOException {
    write("base/Dockerfile", "FROM scratch\n");
    write("app/Dockerfile", "FROM base\n");
    write(
        "docker-bake.hcl",
        "target \"base\" {\n  context = \"base\"\n}\ntarget \"app\" {\n  context = \"app\"\n"
            + "  contexts = { base = \"target:base\" }\n}\n");
    List<String> print =
        List.of(
            "docker",
            "buildx",
            "bake",
            "--print",
            "--progress=quiet",
            "-f",
            root.resolve("docker-bake.hcl").toString());
    runner.answer(
        print,
        0,
        "{\"target\": {\"app\": {\"context\": \"app\", \"contexts\": {\"base\": \"target:base\"}},",
        "  \"base\": {\"context\": \"base\"}}}");

    Repository repository = discover();

    assertThat(runner.argvs()).contains(print);
    assertThat(repository.services())
        .extracting(Service::name, Service::origin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app", "docker-bake.hcl:4"),
            org.assertj.core.groups.Tuple.tuple("base", "docker-bake.hcl:1"));
    assertThat(repository.service("app").orElseThrow().descriptor().dependsOn())
        .containsExactly("base");
  }

  @Test
  void aFailingBakePrintIsAConfigurationErrorWithItsOutput() throws IOException {
    write("docker-bake.hcl", "target \"x\" {\n");
    runner.answer(
        List.of("docker", "buildx", "bake"), 1, "ERROR: docker-bake.hcl:2,1: Unclosed brace");

    assertThatThrownBy(this::discover)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("docker-bake.hcl: docker buildx bake --print failed:")
        .hasMessageContaining("Unclosed brace");
  }

  @Test
  void aDockerfileInAGenericFolderIsNamedAfterTheNearestMeaningfulParent() throws IOException {
    write("src/cartservice/src/Dockerfile", "FROM scratch\n");
    write("src/frontend/Dockerfile", "FROM scratch\n");
    write("emailservice/docker/app/Dockerfile", "FROM scratch\n");

    assertThat(discover().services())
        .extracting(Service::name, Service::origin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "cartservice",
                "folder src/cartservice/src (named after cartservice: src is generic)"),
            org.assertj.core.groups.Tuple.tuple(
                "emailservice",
                "folder emailservice/docker/app (named after emailservice: docker/app is"
                    + " generic)"),
            org.assertj.core.groups.Tuple.tuple("frontend", "folder src/frontend"));
  }

  @Test
  void aGenericFolderRightUnderTheScannedFolderKeepsItsName() throws IOException {
    write("services/app/Dockerfile", "FROM scratch\n");
    write("services/app/src/Dockerfile", "FROM scratch\n");
    write("services/app/src/service.yaml", "name: app-src\n");

    assertThat(discover().services())
        .extracting(Service::name, Service::origin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app", "folder services/app"),
            org.assertj.core.groups.Tuple.tuple("app-src", "services/app/src/service.yaml"));
  }
}
