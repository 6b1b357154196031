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
      m.put("attestations", e.attestations());
      out.println(Json.write(m));
      return;
    }
    out.print(dev.orchestrator.core.report.ExplainText.render(e));
  }
}
