package dev.orchestrator.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How failed file operations are worded: the system's reason, the path, what to check. */
class FileErrorsTest {
  private static final Path FILE = Path.of("/repo/services/app/src/main.sh");

  @Test
  void permissionDeniedNamesThePathAndTheUser() {
    AccessDeniedException e = new AccessDeniedException(FILE.toString());

    assertThat(FileErrors.reason(e)).isEqualTo("permission denied");
    assertThat(FileErrors.check(FILE, e))
        .contains("permissions of " + FILE, "ls -ld " + FILE, System.getProperty("user.name"));
  }

  @Test
  void aFullDiskSaysToFreeSpace() {
    IOException e = new IOException("No space left on device");

    assertThat(FileErrors.reason(e)).isEqualTo("no space left on device");
    assertThat(FileErrors.check(FILE, e)).contains("Free disk space", "df -h");
  }

  @Test
  void theSystemsReasonReplacesJavasMessage() {
    FileSystemException e = new FileSystemException(FILE.toString(), null, "Not a directory");

    assertThat(FileErrors.reason(e)).isEqualTo("not a directory");
    assertThat(FileErrors.check(FILE, e)).startsWith("A file stands where a folder is expected");
  }

  @Test
  void thePathTheSystemNamesComesBesideTheOneTheCallerKnows() {
    NoSuchFileException e = new NoSuchFileException(FILE.toString());

    EnvironmentException env = FileErrors.environment("list", Path.of("/repo"), e, "Run again.");

    assertThat(env)
        .hasMessage("cannot list /repo: " + FILE + ": no such file or folder")
        .hasCause(e);
    assertThat(env.remedy()).startsWith(FILE + " disappeared meanwhile").endsWith(" Run again.");
  }

  @Test
  void textThatIsNotUtf8SaysSo() {
    MalformedInputException e = new MalformedInputException(1);

    assertThat(FileErrors.reason(e)).isEqualTo("not UTF-8 text");
    assertThat(FileErrors.check(FILE, e)).isEqualTo("Save " + FILE + " as UTF-8 text.");
  }

  @Test
  void aFailureWithoutAMessageIsWordedWithoutItsJavaClassName() {
    assertThat(FileErrors.reason(new java.net.ConnectException())).isEqualTo("connection refused");
    assertThat(FileErrors.reason(new IOException())).isEqualTo("an input/output error");
    assertThat(FileErrors.reason(new FileSystemException(FILE.toString())))
        .isEqualTo("an input/output error");
  }

  @Test
  void aBugIsDescribedByWhatItSaysNotByItsClass() {
    assertThat(OrchestratorBug.of(new IllegalStateException("no such state")).getMessage())
        .isEqualTo("no such state");
    assertThat(OrchestratorBug.of(new NullPointerException()).getMessage())
        .isEqualTo("an unexpected error, without a message");
  }
}
