package dev.orchestrator.core.dockerfile;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Dockerfile the way BuildKit does for everything that decides dependencies between images:
 * parser directives, continuations, heredocs, ARG substitution, stages and the images named by
 * FROM, COPY --from and RUN --mount from=.
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  /**
   * Parses Dockerfile text.
   *
   * @param file where the text comes from, used in problem messages
   * @param content the Dockerfile text
   * @param buildArgs values given with --build-arg; they override ARG defaults
   * @return the stages and the images referenced
   * @throws ConfigurationException listing every problem found, each with file and line; never any
   *     other exception
   */
  public static DockerfileInfo parse(Path file, String content, Map<String, String> buildArgs) {
    try {
      return parseChecked(file, content, buildArgs == null ? Map.of() : buildArgs);
    } catch (ConfigurationException e) {
      throw e;
    } catch (ParseFailure e) {
      throw new ConfigurationException(e.toProblem(file));
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug must still surface as "this Dockerfile could not be read", naming the file.
      throw new ConfigurationException(
          Problem.inFile(
              file,
              "could not parse Dockerfile (internal error: "
                  + (e instanceof StackOverflowError
                      ? "it is nested too deeply"
                      : OrchestratorBug.of(e).getMessage())
                  + ")"));
    }
  }

  /**
   * Reads the file as UTF-8 and parses it.
   *
   * @param buildArgs values given with --build-arg; they override ARG defaults
   * @throws ConfigurationException when the file is missing or unreadable, or lists problems
   */
  public static DockerfileInfo parse(Path file, Map<String, String> buildArgs) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigurationException(Problem.inFile(file, "Dockerfile not found"));
    } catch (CharacterCodingException e) {
      throw new ConfigurationException(Problem.inFile(file, "is not UTF-8 text"));
    } catch (IOException e) {
      throw new ConfigurationException(
          Problem.inFile(file, "could not read Dockerfile: " + FileErrors.reasonAt(file, e)));
    }
    return parse(file, content, buildArgs);
  }

  private static DockerfileInfo parseChecked(
      Path file, String content, Map<String, String> buildArgs) {
    LineJoiner.Result lines = LineJoiner.read(content);
    char escape = lines.directives().escape();
    StageCollector collector =
        new StageCollector(new ArgScopes(new HashMap<>(buildArgs), escape), escape);
    lines.instructions().forEach(line -> collector.accept(Instruction.split(line)));
    List<ParseFailure> failures = new ArrayList<>(collector.failures());
    List<ImageReference> references =
        ReferenceResolver.resolve(collector.stages(), collector.mentions(), failures);
    List<Problem> problems = new ArrayList<>();
    if (!collector.sawFrom()) {
      problems.add(Problem.inFile(file, "no FROM instruction; expected at least one build stage"));
    }
    failures.stream()
        .sorted(Comparator.comparingInt(ParseFailure::line))
        .forEach(failure -> problems.add(failure.toProblem(file)));
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new DockerfileInfo(
        file, lines.directives().syntax(), collector.stages(), references, collector.settings());
  }
}
