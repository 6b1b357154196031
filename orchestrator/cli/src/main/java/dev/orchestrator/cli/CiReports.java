package dev.orchestrator.cli;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.publish.MergeOutcome;
import dev.orchestrator.core.report.JunitXml;
import dev.orchestrator.core.report.MarkdownSummary;
import dev.orchestrator.core.result.BuildReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code --junit} and {@code --summary} files, and appends the summary to {@code
 * $GITHUB_STEP_SUMMARY} when that is set (GitHub Actions shows it on the run's page).
 */
final class CiReports {
  private CiReports() {}

  /**
   * @param layerTables Markdown to add after the summary's table ({@code --layers}), or empty
   */
  static void build(
      BuildReport report,
      String title,
      Optional<Path> junit,
      Optional<Path> summary,
      String layerTables,
      Map<String, String> environment) {
    junit.ifPresent(file -> write(file, JunitXml.of(report, title), false));
    String markdown = MarkdownSummary.of(report, title) + layerTables;
    summary.ifPresent(file -> write(file, markdown, false));
    stepSummary(environment).ifPresent(file -> write(file, markdown, true));
  }

  static void merge(MergeOutcome outcome, Optional<Path> summary, Map<String, String> environment) {
    String markdown = MarkdownSummary.of(outcome);
    summary.ifPresent(file -> write(file, markdown, false));
    stepSummary(environment).ifPresent(file -> write(file, markdown, true));
  }

  private static Optional<Path> stepSummary(Map<String, String> environment) {
    return Optional.ofNullable(environment.get("GITHUB_STEP_SUMMARY"))
        .filter(s -> !s.isBlank())
        .map(Path::of);
  }

  private static void write(Path file, String text, boolean append) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (append) {
        Files.writeString(
            file,
            text,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot write " + file + ": " + e.getMessage(), "name a file in a folder you can write");
    }
  }
}
