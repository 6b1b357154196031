package dev.orchestrator.core.publish;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the merge must not publish: every service and platform that its job reported failed,
 * skipped, over budget or failing verify, and every digests file without its job report. Pure: the
 * reports are given.
 */
final class PublishBarrier {
  private PublishBarrier() {}

  /** A service's platform that must not be published, and why (for the refusal). */
  record Blocked(String service, String platform, Problem problem) {}

  /**
   * @param reports the job report beside each digests file (empty: none there)
   * @return the problems, in file order; empty when everything may be published
   */
  static List<Blocked> check(
      List<DigestsFile> files, Function<DigestsFile, Optional<JobReport>> reports) {
    List<Blocked> blocked = new ArrayList<>();
    for (DigestsFile file : files) {
      Optional<JobReport> report = reports.apply(file);
      if (report.isEmpty()) {
        blocked.add(
            new Blocked(
                "*",
                "*",
                Problem.inFile(
                    file.file(),
                    "no job report beside it ("
                        + JobReport.beside(file.file()).getFileName()
                        + "): the build that wrote it records status, budgets and verify there;"
                        + " upload both files from each job")));
        continue;
      }
      for (JobReport.Entry e : report.get().entries()) {
        Optional<String> why = reason(e);
        why.ifPresent(
            w ->
                blocked.add(
                    new Blocked(
                        e.service(),
                        e.platform(),
                        Problem.inFile(
                            report.get().file(), e.service() + " " + e.platform() + ": " + w))));
      }
    }
    return blocked;
  }

  private static Optional<String> reason(JobReport.Entry e) {
    if (!e.succeeded()) {
      return Optional.of(e.status() + (e.message().isEmpty() ? "" : ": " + e.message()));
    }
    if (!e.budgetViolations().isEmpty()) {
      return Optional.of("over budget: " + String.join("; ", e.budgetViolations()));
    }
    if (e.verify().equals("failed")) {
      return Optional.of("verify failed");
    }
    return Optional.empty();
  }

  /** The digests files without what is blocked: what {@code --allow-partial} publishes. */
  static List<DigestsFile> without(List<DigestsFile> files, List<Blocked> blocked) {
    List<DigestsFile> out = new ArrayList<>();
    for (DigestsFile f : files) {
      if (blocked.stream()
          .anyMatch(b -> b.service().equals("*") && b.problem().file().equals(f.file()))) {
        continue;
      }
      Map<String, DigestsFile.Images> kept = new java.util.TreeMap<>();
      f.services()
          .forEach(
              (service, images) -> {
                Map<String, String> digests = new java.util.TreeMap<>(images.digests());
                blocked.stream()
                    .filter(b -> b.service().equals(service))
                    .forEach(b -> digests.remove(b.platform()));
                if (!digests.isEmpty()) {
                  kept.put(
                      service, new DigestsFile.Images(images.repository(), digests, images.line()));
                }
              });
      out.add(new DigestsFile(f.file(), kept));
    }
    return out;
  }
}
