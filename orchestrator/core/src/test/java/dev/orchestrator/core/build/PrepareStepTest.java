package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.TestServices;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preparation runs when its inputs changed, is skipped when they did not, and fails visibly. */
class PrepareStepTest {
  @TempDir Path repo;
  Path folder;
  PrepareStep prepare;

  @BeforeEach
  void setUp() throws Exception {
    folder = Files.createDirectories(repo.resolve("services/base"));
    Files.writeString(folder.resolve("packages.lock"), "libc6=2.36\n");
    Files.writeString(repo.resolve("services/shared.sh"), "echo shared\n");
    prepare =
        new PrepareStep(
            repo.resolve(".cache/orchestrator/prepare"),
            SystemCommandRunner.inheritingEnvironment());
  }

  private Service service(List<String> command, List<String> inputs) {
    Service template = TestServices.from("base", "scratch");
    ServiceDescriptor withPrepare =
        ServiceDescriptor.builder()
            .file(folder.resolve("service.yaml"))
            .prepare(Optional.of(new ServiceDescriptor.PrepareStep(command, inputs)))
            .build();
    return new Service(
        "base",
        folder,
        repo.relativize(folder),
        folder.resolve("Dockerfile"),
        folder,
        withPrepare,
        template.dockerfileInfo());
  }

  private Service counting(List<String> inputs) {
    return service(List.of("sh", "-c", "echo ran >> runs.txt"), inputs);
  }

  private long runs() throws Exception {
    return Files.readAllLines(folder.resolve("runs.txt")).size();
  }

  @Test
  void runsOnceAndIsSkippedWhileItsInputsAreUnchanged() throws Exception {
    Service base = counting(List.of("packages.lock"));

    assertThat(prepare.run(base, line -> {}).skipped()).isFalse();
    assertThat(prepare.run(base, line -> {}).skipped()).isTrue();
    assertThat(runs()).isEqualTo(1);
  }

  @Test
  void aChangedInputRunsItAgain() throws Exception {
    Service base = counting(List.of("*.lock"));
    prepare.run(base, line -> {});

    Files.writeString(folder.resolve("packages.lock"), "libc6=2.37\n");

    assertThat(prepare.run(base, line -> {}).skipped()).isFalse();
    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void anInputOutsideTheServiceFolderCounts() throws Exception {
    Service base = counting(List.of("packages.lock", "../shared.sh"));
    prepare.run(base, line -> {});

    Files.writeString(repo.resolve("services/shared.sh"), "echo changed\n");

    assertThat(prepare.run(base, line -> {}).skipped()).isFalse();
  }

  @Test
  void aChangedCommandRunsItAgain() throws Exception {
    prepare.run(counting(List.of("packages.lock")), line -> {});

    Service changed =
        service(List.of("sh", "-c", "echo again >> runs.txt"), List.of("packages.lock"));

    assertThat(prepare.run(changed, line -> {}).skipped()).isFalse();
  }

  @Test
  void withoutInputsItAlwaysRuns() throws Exception {
    Service base = counting(List.of());
    prepare.run(base, line -> {});
    prepare.run(base, line -> {});

    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void aFailureIsReportedWithItsOutputAndIsNotRememberedAsDone() throws Exception {
    Service failing =
        service(
            List.of("sh", "-c", "echo cannot download libc6 >&2; exit 3"),
            List.of("packages.lock"));

    PrepareStep.Outcome first = prepare.run(failing, line -> {});
    PrepareStep.Outcome second = prepare.run(failing, line -> {});

    assertThat(first.succeeded()).isFalse();
    assertThat(first.result().orElseThrow().exitCode()).isEqualTo(3);
    assertThat(first.result().orElseThrow().output()).containsExactly("cannot download libc6");
    assertThat(second.skipped()).isFalse();
  }

  @Test
  void aStateFolderThatCannotBeWrittenIsTheMachinesStateNamingTheStamp() throws Exception {
    Files.createDirectories(repo.resolve(".cache"));
    Files.writeString(repo.resolve(".cache/orchestrator"), "a file where a folder belongs\n");
    Path stamp = repo.resolve(".cache/orchestrator/prepare/base.sha256");

    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class,
            () -> prepare.run(counting(List.of("packages.lock")), line -> {}));

    assertThat(e)
        .hasMessage(
            "cannot write the preparation stamp "
                + stamp
                + ": "
                + stamp.getParent()
                + ": not a directory");
    assertThat(e.remedy())
        .contains("A file stands where a folder is expected", ".cache/orchestrator may be deleted");
  }
}
