package dev.orchestrator.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one push-by-digest job did, written beside its digests file ({@code report-<digests file
 * name>}) so the merge can refuse to publish what failed: per service and platform the status, size
 * and budgets, budget violations, and the verify result, including whether verify ran at all.
 *
 * @param verifyRan whether {@code build --verify} ran in the job; when not, every entry's verify is
 *     {@code not run}
 */
public record JobReport(Path file, List<String> platforms, boolean verifyRan, List<Entry> entries) {
  public static final String FORMAT = "orchestrator-job-report/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  public JobReport {
    platforms = List.copyOf(platforms);
    entries = List.copyOf(entries);
  }

  /**
   * @param status the build status label ({@code built}, {@code up-to-date}, {@code failed}, …)
   * @param verify {@code passed}, {@code failed} or {@code not run}
   */
  public record Entry(
      String service,
      String platform,
      String status,
      boolean succeeded,
      Optional<String> digest,
      Optional<Long> sizeBytes,
      Optional<Long> budgetBytes,
      List<String> budgetViolations,
      String verify,
      String message) {
    public Entry {
      budgetViolations = List.copyOf(budgetViolations);
    }
  }

  /** The report's place: beside the digests file, a name the digests-folder search skips. */
  public static Path beside(Path digestsFile) {
    Path name = digestsFile.getFileName();
    Path parent = digestsFile.toAbsolutePath().getParent();
    return parent.resolve("report-" + name);
  }

  /**
   * @param verify per {@code service platform}: {@code passed} or {@code failed}; absent: not run
   */
  public static JobReport of(
      Path digestsFile,
      List<String> platforms,
      BuildReport report,
      boolean verifyRan,
      Map<String, String> verify) {
    List<Entry> entries = new ArrayList<>();
    for (ServiceResult s : report.services()) {
      for (PlatformResult p : s.platforms()) {
        entries.add(
            new Entry(
                s.name(),
                p.platform(),
                p.status().label(),
                p.status().succeeded(),
                p.digest(),
                p.sizes().map(z -> z.uncompressedBytes()),
                p.budgetBytes(),
                p.budgetViolations(),
                verify.getOrDefault(s.name() + " " + p.platform(), "not run"),
                s.message()));
      }
    }
    return new JobReport(beside(digestsFile), platforms, verifyRan, entries);
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode ps = root.putArray("platforms");
    platforms.forEach(ps::add);
    root.put("verifyRan", verifyRan);
    ArrayNode es = root.putArray("entries");
    for (Entry e : entries) {
      ObjectNode n = es.addObject();
      n.put("service", e.service());
      n.put("platform", e.platform());
      n.put("status", e.status());
      n.put("succeeded", e.succeeded());
      e.digest().ifPresentOrElse(d -> n.put("digest", d), () -> n.putNull("digest"));
      e.sizeBytes().ifPresentOrElse(z -> n.put("sizeBytes", z), () -> n.putNull("sizeBytes"));
      e.budgetBytes().ifPresentOrElse(z -> n.put("budgetBytes", z), () -> n.putNull("budgetBytes"));
      ArrayNode v = n.putArray("budgetViolations");
      e.budgetViolations().forEach(v::add);
      n.put("verify", e.verify());
      n.put("message", e.message());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  /**
   * @throws dev.orchestrator.core.error.EnvironmentException when it cannot be written
   */
  public void write() {
    try {
      Files.writeString(file, toJson());
    } catch (IOException e) {
      throw FileErrors.environment(
          "write the job report", file, e, "The merge refuses a digests file without its report.");
    }
  }

  /**
   * @return empty when there is no such file
   * @throws ConfigurationException when it is not a job report
   */
  public static Optional<JobReport> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new ConfigurationException(
            Problem.inFile(file, "not a job report: expected \"format\": \"" + FORMAT + "\""));
      }
      List<String> platforms = new ArrayList<>();
      root.path("platforms").forEach(p -> platforms.add(p.asText()));
      List<Entry> entries = new ArrayList<>();
      for (JsonNode n : root.path("entries")) {
        List<String> violations = new ArrayList<>();
        n.path("budgetViolations").forEach(v -> violations.add(v.asText()));
        entries.add(
            new Entry(
                n.path("service").asText(),
                n.path("platform").asText(),
                n.path("status").asText(),
                n.path("succeeded").asBoolean(false),
                n.path("digest").isTextual()
                    ? Optional.of(n.path("digest").asText())
                    : Optional.empty(),
                n.path("sizeBytes").isNumber()
                    ? Optional.of(n.path("sizeBytes").asLong())
                    : Optional.empty(),
                n.path("budgetBytes").isNumber()
                    ? Optional.of(n.path("budgetBytes").asLong())
                    : Optional.empty(),
                violations,
                n.path("verify").asText("not run"),
                n.path("message").asText("")));
      }
      return Optional.of(
          new JobReport(file, platforms, root.path("verifyRan").asBoolean(false), entries));
    } catch (IOException e) {
      throw new ConfigurationException(
          Problem.inFile(
              file, "not a job report: " + e.getMessage().lines().findFirst().orElse("")));
    }
  }
}
