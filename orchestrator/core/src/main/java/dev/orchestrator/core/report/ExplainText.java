package dev.orchestrator.core.report;

import dev.orchestrator.core.build.Explanation;

/** {@code build --explain SERVICE} for people: the verdict, where it looked, the input hashes. */
public final class ExplainText {
  private ExplainText() {}

  public static String render(Explanation e) {
    StringBuilder out = new StringBuilder();
    String verdict =
        e.force()
            ? "will be rebuilt: --force"
            : e.upToDate() ? "is up to date, buildx will not run" : "will be rebuilt";
    line(out, e.service() + " " + verdict);
    line(out, "  looked: " + e.where());
    line(out, "  image input hash (label dev.orchestrator.input-hash): " + e.imageHash());
    e.platformHashes().forEach((p, h) -> line(out, "  " + p + ": " + h));
    line(out, "  inputs:");
    e.inputs().forEach(l -> line(out, "    " + l));
    if (!e.timestamps().isEmpty()) {
      line(out, "  timestamps (not part of the input hash):");
      e.timestamps().forEach(l -> line(out, "    " + l));
    }
    if (!e.attestations().isEmpty()) {
      line(out, "  attestations (the profile's provenance and sbom):");
      e.attestations().forEach(l -> line(out, "    " + l));
    }
    if (!e.dependencies().isEmpty()) {
      line(out, "  dependencies (their input hashes are part of this one):");
      e.dependencies().forEach(l -> line(out, "    " + l));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append(System.lineSeparator());
  }
}
