package dev.orchestrator.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orchestrator.core.error.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the input, the parser either succeeds or throws a ConfigurationException. */
class DockerfileParserRobustnessTest {
  private static final List<String> FRAGMENTS =
      List.of(
          "FROM ",
          "from ",
          "AS ",
          "ARG ",
          "ENV ",
          "COPY ",
          "ADD ",
          "RUN ",
          "ONBUILD ",
          "--from=",
          "--mount=",
          "--platform=",
          "type=bind,",
          "from=",
          "\"",
          "'",
          "`",
          "\\",
          "$",
          "${",
          "}",
          ":-",
          ":+",
          ":?",
          "#",
          "##",
          "%",
          "<<",
          "<<-",
          "EOF",
          "\n",
          "\r\n",
          "\t",
          " ",
          "=",
          "[",
          "]",
          ",",
          "# escape=`\n",
          "# syntax=x\n",
          "0",
          "9",
          "scratch",
          "alpine",
          "é",
          "\uFEFF",
          "\u0000",
          "-",
          "--",
          "*",
          "?");

  @Test
  void garbledInputNeverThrowsAnythingButConfigurationException() {
    Random random = new Random(20_240_601L);
    for (int i = 0; i < 20_000; i++) {
      String input = garble(random);
      Throwable thrown =
          catchThrowable(() -> DockerfileParser.parse(Path.of("Dockerfile"), input, Map.of()));

      assertThat(thrown)
          .as("input %s", input.replace("\n", "\\n"))
          .satisfiesAnyOf(
              t -> assertThat(t).isNull(),
              t ->
                  assertThat(t)
                      .isInstanceOf(ConfigurationException.class)
                      // the internal-error safety net would hide a parser bug
                      .hasMessageNotContaining("internal error"));
    }
  }

  @Test
  void deeplyNestedSubstitutionFailsCleanly() {
    String nested = "${A:-".repeat(10_000) + "x" + "}".repeat(10_000);

    assertThat(
            catchThrowable(
                () -> DockerfileParser.parse(Path.of("Dockerfile"), "FROM " + nested, Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nested too deeply");
  }

  private static String garble(Random random) {
    StringBuilder text = new StringBuilder(random.nextBoolean() ? "FROM a\n" : "");
    int parts = random.nextInt(40);
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(5) == 0) {
        text.append((char) random.nextInt(0x3000));
      } else {
        text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
      }
    }
    return text.toString();
  }
}
