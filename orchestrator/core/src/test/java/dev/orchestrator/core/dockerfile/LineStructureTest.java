package dev.orchestrator.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Continuations, comments, parser directives, heredocs and exec form. */
class LineStructureTest {

  static DockerfileInfo parse(String content) {
    return DockerfileParser.parse(Path.of("Dockerfile"), content, Map.of());
  }

  @Test
  void continuationJoinsLinesAndSkipsCommentsAndEmptyLinesInside() {
    DockerfileInfo info =
        parse(
            """
            FROM \\
            # a comment inside the continuation
                alpine \\\t

              AS base
            COPY --from=base \\
              /a /b
            FROM other
            """);

    assertThat(info.stages())
        .extracting(Stage::baseImage, Stage::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alpine", 1),
            org.assertj.core.groups.Tuple.tuple("other", 8));
    assertThat(info.stageNames()).containsExactly("base");
  }

  @Test
  void escapeDirectiveMakesBacktickTheContinuationCharacter() {
    DockerfileInfo info =
        parse(
            """
            # escape=`
            FROM mcr.microsoft.com/windows/servercore `
                AS win
            RUN dir c:\\
            COPY --from=win c:\\a c:\\b
            """);

    assertThat(info.stages())
        .singleElement()
        .satisfies(
            stage -> {
              assertThat(stage.baseImage()).isEqualTo("mcr.microsoft.com/windows/servercore");
              assertThat(stage.name()).contains("win");
            });
    assertThat(info.references()).hasSize(1);
  }

  @Test
  void directiveKeysAreCaseInsensitiveAndCheckIsIgnored() {
    DockerfileInfo info =
        parse(
            """
            #  SYNTAX = docker/dockerfile:1
            # check=skip=all
            FROM alpine
            """);

    assertThat(info.syntax()).contains("docker/dockerfile:1");
  }

  @Test
  void directivesAfterAnInstructionAreComments() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine
            # escape=`
            # syntax=late
            RUN echo \\
              hi
            """);

    assertThat(info.syntax()).isEmpty();
    assertThat(info.stages()).singleElement().extracting(Stage::baseImage).isEqualTo("alpine");
  }

  @Test
  void directivesAfterABlankLineOrOrdinaryCommentAreComments() {
    assertThat(parse("# hello\n# syntax=x\nFROM a").syntax()).isEmpty();
    assertThat(parse("\n# syntax=x\nFROM a").syntax()).isEmpty();
    assertThat(parse("# unknown=1\n# syntax=x\nFROM a").syntax()).isEmpty();
    assertThat(parse("# escape=`\n# syntax=x\nFROM a").syntax()).contains("x");
  }

  @Test
  void heredocBodiesAreNotInstructions() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine
            RUN <<EOF
            FROM not-an-image
            COPY --from=nope / /
            EOF
            COPY <<EOF /etc/config
            FROM also-not
            EOF
            FROM after
            """);

    assertThat(info.referencedImages()).containsExactly("alpine", "after");
    assertThat(info.stages()).extracting(Stage::line).containsExactly(1, 9);
  }

  @Test
  void chompedQuotedAndMultipleHeredocs() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine
            RUN <<-"END" bash && cat <<'DATA' 3<<X
            \t\tFROM a
            \tEND
            FROM b
            DATA
            X
            RUN --mount=from=img <<EOT sh
            FROM c
            EOT
            FROM d
            """);

    assertThat(info.referencedImages()).containsExactly("alpine", "img", "d");
  }

  @Test
  void heredocsNeedShellFormOfRunCopyOrAdd() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine
            RUN ["echo", "<<EOF"]
            RUN echo "<<EOF" a<<b
            LABEL x=<<EOF
            FROM b
            """);

    assertThat(info.referencedImages()).containsExactly("alpine", "b");
  }

  @Test
  void onbuildTriggersCanOpenHeredocs() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine
            ONBUILD RUN <<EOF
            FROM x
            EOF
            """);

    assertThat(info.referencedImages()).containsExactly("alpine");
  }

  @Test
  void execAndShellFormsBothParse() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine
            RUN ["sh", "-c", "echo \\"[x]\\""]
            RUN [not json
            CMD ["a"]
            ENTRYPOINT exec app
            SHELL ["powershell", "-Command"]
            """);

    assertThat(info.referencedImages()).containsExactly("alpine");
  }

  @Test
  void windowsLineEndingsAndByteOrderMarkAreAccepted() {
    DockerfileInfo info = parse("\uFEFF# syntax=s\r\nFROM a \\\r\n  AS b\r\n");

    assertThat(info.syntax()).contains("s");
    assertThat(info.stageNames()).containsExactly("b");
  }

  @Test
  void lineNumbersPointAtTheStartOfEachInstruction() {
    DockerfileInfo info =
        parse(
            """
            # syntax=docker/dockerfile:1

            ARG X=1
            FROM a
            RUN <<EOF
            x
            EOF
            COPY --from=b \\
              / /
            FROM c
            """);

    assertThat(info.references()).extracting(ImageReference::line).containsExactly(4, 8, 10);
  }
}
