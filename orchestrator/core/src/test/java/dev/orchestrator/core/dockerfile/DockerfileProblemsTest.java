package dev.orchestrator.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class DockerfileProblemsTest {
  private static final Path FILE = Path.of("services/api/Dockerfile");

  static AbstractThrowableAssert<?, ? extends Throwable> assertParsing(String content) {
    return assertThatThrownBy(() -> DockerfileParser.parse(FILE, content, Map.of()))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void aFileWithoutFromNamesTheFile() {
    assertParsing("# just a comment\nARG X=1\n")
        .hasMessage(
            "services/api/Dockerfile: no FROM instruction; expected at least one build stage");
    assertParsing("").hasMessageContaining("no FROM instruction");
  }

  @Test
  void fromWithoutImage() {
    assertParsing("FROM\n")
        .hasMessage(
            "services/api/Dockerfile:1: FROM expects an image, "
                + "optionally followed by AS <name>; got ''");
    assertParsing("FROM a b\n").hasMessageContaining(":1: FROM expects an image");
  }

  @Test
  void unterminatedHeredocPointsAtTheInstruction() {
    assertParsing("FROM a\n\nRUN <<EOF\necho hi\n")
        .hasMessage(
            "services/api/Dockerfile:3: unterminated heredoc: "
                + "expected a line 'EOF' before the end of file");
  }

  @Test
  void unknownInstruction() {
    assertParsing("FROM a\nRUNN make\n")
        .hasMessageStartingWith("services/api/Dockerfile:2: unknown instruction 'runn'");
  }

  @Test
  void malformedAndUnknownFlags() {
    assertParsing("FROM a\nCOPY --from /a /b\n")
        .hasMessage("services/api/Dockerfile:2: COPY flag --from needs a value: --from=...");
    assertParsing("FROM a\nCOPY --form=b /a /b\n")
        .hasMessageStartingWith(
            "services/api/Dockerfile:2: unknown COPY flag --form; expected one of");
    assertParsing("FROM --platform a\n")
        .hasMessageContaining(":1: FROM flag --platform needs a value");
    assertParsing("FROM a\nCOPY --from=a --from=b /a /b\n")
        .hasMessageContaining(":2: COPY flag --from is given more than once");
    assertParsing("FROM a\nCOPY --link=maybe /a /b\n")
        .hasMessageContaining(":2: COPY flag --link expects true or false");
    assertParsing("FROM a\nRUN --mount=type=bind,from=x,oops true\n")
        .hasMessageContaining(":2: --mount field 'oops' must be key=value");
    assertParsing("FROM a\nRUN --mount=type=nfs true\n")
        .hasMessageContaining(":2: --mount type 'nfs' is not one of");
  }

  @Test
  void invalidOrDuplicateStageNames() {
    assertParsing("FROM a AS 1st\n").hasMessageContaining(":1: invalid stage name '1st'");
    assertParsing("FROM a AS x\nFROM b AS X\n")
        .hasMessageContaining(":2: duplicate stage name 'x'");
  }

  @Test
  void instructionsBeforeTheFirstFromOtherThanArg() {
    assertParsing("RUN true\nFROM a\n")
        .hasMessage(
            "services/api/Dockerfile:1: expected FROM before RUN "
                + "(only ARG may come before the first FROM)");
  }

  @Test
  void directiveProblems() {
    assertParsing("# escape=x\nFROM a\n").hasMessageContaining(":1: invalid escape token 'x'");
    assertParsing("# syntax=a\n# syntax=b\nFROM a\n")
        .hasMessageContaining(":2: only one 'syntax' parser directive can be used");
  }

  @Test
  void everyProblemIsReportedInLineOrder() {
    assertThatThrownBy(
            () ->
                DockerfileParser.parse(
                    FILE,
                    """
                    FROM a
                    FOO bar
                    COPY --form=x /a /b
                    FROM
                    """,
                    Map.of()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.problems())
                    .extracting(Problem::file, Problem::line)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FILE, 2),
                        org.assertj.core.groups.Tuple.tuple(FILE, 3),
                        org.assertj.core.groups.Tuple.tuple(FILE, 4)));
  }
}
