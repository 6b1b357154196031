package dev.orchestrator.core.config;

import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML file into SnakeYAML's node tree. Nodes, unlike constructed Java objects, keep the
 * line of every value and the text exactly as written (so {@code 1.10} stays "1.10").
 */
final class YamlSource {
  private YamlSource() {}

  /**
   * The file's single document, or empty when the file has no content or cannot be parsed; in the
   * latter case the reason has been reported, with its line, instead of thrown.
   */
  static Optional<Node> compose(Path file, Consumer<Problem> problems) {
    return compose(file, Optional.empty(), problems);
  }

  /**
   * As above, reading {@code text} when given (a profile shipped inside the tool) instead of the
   * file, which then only names it in messages.
   */
  static Optional<Node> compose(Path file, Optional<String> text, Consumer<Problem> problems) {
    try (Reader reader =
        text.isPresent()
            ? new StringReader(text.get())
            : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Node root = new Yaml().compose(reader);
      boolean blank = root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
      return blank ? Optional.empty() : Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      problems.accept(new Problem(file, lineOf(e), "invalid YAML: " + describe(e)));
    } catch (YAMLException e) {
      // SnakeYAML reads as it parses: a decoding or read failure reaches here wrapped.
      problems.accept(
          e.getCause() instanceof IOException io
              ? unreadable(file, io)
              : Problem.inFile(file, "invalid YAML: " + e.getMessage()));
    } catch (IOException e) {
      problems.accept(unreadable(file, e));
    }
    return Optional.empty();
  }

  /**
   * Every document of a file that holds several ({@code ---} between them, as Skaffold files do);
   * empty when it cannot be parsed, the reason reported with its line.
   */
  static java.util.List<Node> composeAll(Path file, Consumer<Problem> problems) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      java.util.List<Node> documents = new java.util.ArrayList<>();
      for (Node root : new Yaml().composeAll(reader)) {
        if (root != null && !(root instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
          documents.add(root);
        }
      }
      return documents;
    } catch (MarkedYAMLException e) {
      problems.accept(new Problem(file, lineOf(e), "invalid YAML: " + describe(e)));
    } catch (YAMLException e) {
      problems.accept(
          e.getCause() instanceof IOException io
              ? unreadable(file, io)
              : Problem.inFile(file, "invalid YAML: " + e.getMessage()));
    } catch (IOException e) {
      problems.accept(unreadable(file, e));
    }
    return java.util.List.of();
  }

  private static Problem unreadable(Path file, IOException e) {
    return e instanceof CharacterCodingException
        ? Problem.inFile(file, "is not UTF-8 text")
        : Problem.inFile(file, "cannot be read: " + FileErrors.reasonAt(file, e));
  }

  /** The problem, and where the construct it broke began, which is often the real mistake. */
  private static String describe(MarkedYAMLException e) {
    Mark start = e.getContextMark();
    return e.getContext() == null || start == null || e.getProblemMark() == null
        ? e.getProblem()
        : e.getProblem() + " (" + e.getContext() + " from line " + (start.getLine() + 1) + ")";
  }

  private static int lineOf(MarkedYAMLException e) {
    // The problem mark is where the parser gave up; the context mark is only a fallback.
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    return mark == null ? 0 : mark.getLine() + 1;
  }
}
