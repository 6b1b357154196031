package dev.orchestrator.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint goal: findings as warnings, a lint error fails it as bad configuration. */
class LintMojoTest {
  @TempDir Path root;
  private final List<String> warnings = new ArrayList<>();

  private LintMojo goal(String dockerfile) throws IOException {
    Files.createDirectories(root.resolve("services/api"));
    Files.writeString(root.resolve("services/api/Dockerfile"), dockerfile);
    LintMojo mojo = new LintMojo();
    mojo.root = root.toFile();
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void warn(CharSequence content) {
            warnings.add(content.toString());
          }
        });
    return mojo;
  }

  @Test
  void aLintErrorFailsTheGoalAsBadConfiguration() throws IOException {
    LintMojo mojo = goal("FROM scratch\nENV API_TOKEN=abc\nCOPY a /a\n");

    MojoFailureException e = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    assertThat(e).hasMessage("bad configuration");
    assertThat(warnings)
        .contains(
            "services/api/Dockerfile:2: error: api: ENV API_TOKEN puts a credential in the image's"
                + " configuration [secret-in-env]");
  }

  @Test
  void warningsAloneDoNotFailIt() throws Exception {
    goal("FROM scratch\nCOPY a /a\n").execute();

    assertThat(warnings)
        .last()
        .isEqualTo("lint: 1 service, 0 errors, 2 warnings, 0 ignored in service.yaml");
  }
}
