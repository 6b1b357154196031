package dev.orchestrator.cli;

import dev.orchestrator.core.build.Explanation;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code build --explain SERVICE}: the input hashes and the verdict, as text or JSON. */
final class ExplainText {
  private ExplainText() {}

  static void print(Explanation e, boolean json, PrintWriter out) {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("service", e.service());
      m.put("upToDate", e.upToDate());
      m.put("force", e.force());
      m.put("imageHash", e.imageHash());
      m.put("platformHashes", e.platformHashes());
      m.put("inputs", e.inputs());
      m.put("dependencies", e.dependencies());
      m.put("lookup", e.where());
      out.println(Json.write(m));
      return;
    }
    String verdict =
        e.force()
            ? "will be rebuilt: --force"
            : e.upToDate() ? "is up to date, buildx will not run" : "will be rebuilt";
    out.println(e.service() + " " + verdict);
    out.println("  looked: " + e.where());
    out.println("  image input hash (label dev.orchestrator.input-hash): " + e.imageHash());
    e.platformHashes().forEach((p, h) -> out.println("  " + p + ": " + h));
    out.println("  inputs:");
    e.inputs().forEach(line -> out.println("    " + line));
    if (!e.dependencies().isEmpty()) {
      out.println("  dependencies (their input hashes are part of this one):");
      e.dependencies().forEach(line -> out.println("    " + line));
    }
  }
}
