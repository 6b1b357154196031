package dev.orchestrator.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDiscoveryTest {
  @TempDir Path root;

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void dockerfile(String folder) throws IOException {
    write(folder + "/Dockerfile", "FROM scratch\n");
  }

  private List<String> names() {
    return ServiceDiscovery.discover(root, SystemCommandRunner.inheritingEnvironment())
        .services()
        .stream()
        .map(Service::name)
        .toList();
  }

  @Test
  void servicesAreFoldersWithADockerfileAtAnyDepthUnderServices() throws IOException {
    dockerfile("services/api");
    dockerfile("services/base/jre");
    write("services/api/Dockerfile.debug", "FROM scratch\n");
    write("services/tools/Dockerfile.debug", "FROM scratch\n");
    dockerfile("elsewhere/ignored");

    assertThat(names()).containsExactly("api", "jre");
  }

  @Test
  void theRepositoryConfigNamesOtherRoots() throws IOException {
    write("orchestrator.yaml", "roots: [apps, images]\n");
    dockerfile("apps/web");
    dockerfile("images/base");
    dockerfile("services/not-a-root");

    assertThat(names()).containsExactly("base", "web");
  }

  @Test
  void withoutRootsTheWholeRepositoryIsScannedSkippingBuildOutputsAndIgnoredPaths()
      throws IOException {
    dockerfile("src/api");
    dockerfile("worker");
    dockerfile("api/target/classes");
    dockerfile("web/node_modules/some-package");
    dockerfile(".git/hooks");
    dockerfile("generated/out");
    write(".gitignore", "generated/\n");
    assertThat(
            SystemCommandRunner.inheritingEnvironment()
                .run(List.of("git", "init", "-q", root.toString()), null)
                .succeeded())
        .isTrue();

    assertThat(names()).containsExactly("api", "worker");
  }

  @Test
  void theDescriptorCanRenameAService() throws IOException {
    dockerfile("services/base/runtime");
    write("services/base/runtime/service.yaml", "name: base-runtime\n");

    assertThat(names()).containsExactly("base-runtime");
  }

  @Test
  void aDuplicateNameNamesBothPaths() throws IOException {
    dockerfile("services/a/api");
    dockerfile("services/b/api");

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("duplicate service name 'api'")
        .hasMessageContaining("services/a/api")
        .hasMessageContaining("services/b/api");
  }

  @Test
  void aFolderNameThatIsNotAValidServiceNameSaysHowToFixIt() throws IOException {
    dockerfile("services/My_Service");

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("service name 'My_Service' is not a name matching")
        .hasMessageContaining("set `name:` in service.yaml");
  }

  @Test
  void everyBrokenServiceIsReportedAtOnce() throws IOException {
    write("services/a/Dockerfile", "RUN true\n");
    write("services/b/Dockerfile", "FROM scratch\n");
    write("services/b/service.yaml", "budget: lots\n");

    assertThatThrownBy(this::names)
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.file().getFileName().toString())
                    .contains("Dockerfile", "service.yaml"));
  }

  @Test
  void aDescriptorPointingAtAMissingDockerfileIsAnError() throws IOException {
    dockerfile("services/a");
    write("services/a/service.yaml", "dockerfile: docker/Dockerfile.prod\n");

    assertThatThrownBy(this::names)
        .hasMessageContaining(
            "service.yaml:1: service 'a': Dockerfile services/a/docker/Dockerfile.prod not found");
  }

  @Test
  void aDockerfileThatIsASymbolicLinkLeadingOutsideTheRepositoryIsRefused(@TempDir Path outside)
      throws IOException {
    Path real = Files.writeString(outside.resolve("Dockerfile"), "FROM scratch\n");
    write("services/api/service.yaml", "name: api\n");
    Files.createSymbolicLink(root.resolve("services/api/Dockerfile"), real);

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(root.resolve("services/api/service.yaml").toString())
        .hasMessageContaining(
            "service 'api': Dockerfile services/api/Dockerfile leads outside the repository"
                + " through a symbolic link, to "
                + real.toRealPath());
  }

  @Test
  void aSymbolicLinkWithoutADescriptorLeadingOutsideIsRefusedToo(@TempDir Path outside)
      throws IOException {
    Path real = Files.writeString(outside.resolve("Dockerfile"), "FROM scratch\n");
    Files.createDirectories(root.resolve("services/api"));
    Files.createSymbolicLink(root.resolve("services/api/Dockerfile"), real);

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("leads outside the repository through a symbolic link");
  }

  @Test
  void aDockerfileLinkedWithinTheRepositoryIsAService() throws IOException {
    write("shared/Dockerfile", "FROM scratch\n");
    Files.createDirectories(root.resolve("services/api"));
    Files.createSymbolicLink(
        root.resolve("services/api/Dockerfile"), root.resolve("shared/Dockerfile"));

    assertThat(names()).containsExactly("api");
  }

  @Test
  void aBrokenServiceYamlLinkIsReported() throws IOException {
    dockerfile("services/a");
    Files.createSymbolicLink(root.resolve("services/a/service.yaml"), root.resolve("missing"));

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            root.resolve("services/a/service.yaml") + ": is a broken symbolic link");
  }

  @Test
  void aServiceYamlThatIsAFolderIsAnErrorNamingIt() throws IOException {
    dockerfile("services/a");
    Files.createDirectories(root.resolve("services/a/service.yaml"));

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            root.resolve("services/a/service.yaml") + ": is a folder, not a file");
  }

  @Test
  void aServiceYamlFolderWithoutADockerfileIsStillReported() throws IOException {
    Files.createDirectories(root.resolve("services/b/service.yaml"));

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("services/b/service.yaml: is a folder, not a file");
  }

  @Test
  void aServiceYamlThatIsNotUtf8IsAProblemWithTheFileAndNoJavaClassName() throws IOException {
    dockerfile("services/a");
    Path descriptor = root.resolve("services/a/service.yaml");
    Files.write(
        descriptor, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(descriptor + ": is not UTF-8 text")
        .hasMessageNotContaining("java.");
  }

  @Test
  void aDockerfileThatIsNotUtf8IsAProblemWithTheFile() throws IOException {
    Path dockerfile = root.resolve("services/a/Dockerfile");
    Files.createDirectories(dockerfile.getParent());
    Files.write(dockerfile, new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xc3, (byte) 0x28, '\n'});

    assertThatThrownBy(this::names)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(dockerfile + ": is not UTF-8 text");
  }

  @Test
  void aDockerfileThatIsAFolderIsAnErrorNamingIt() throws IOException {
    write("services/a/service.yaml", "dockerfile: Dockerfile.prod\n");
    Files.createDirectories(root.resolve("services/a/Dockerfile.prod"));

    assertThatThrownBy(this::names)
        .hasMessageContaining(
            "service.yaml:1: service 'a': Dockerfile services/a/Dockerfile.prod is a folder, not a"
                + " file");
  }
}
