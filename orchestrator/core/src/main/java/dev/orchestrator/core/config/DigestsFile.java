package dev.orchestrator.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one per-architecture CI job pushed: for each service, the repository it pushed to and the
 * digest of each platform's image. {@code orchestrator build} with {@code output: push-by-digest}
 * writes it; {@code orchestrator merge} reads every job's file.
 *
 * <pre>{@code
 * {"format": "orchestrator-digests/1",
 *  "services": {"base": {"repository": "127.0.0.1:5000/monorepo/base",
 *                        "digests": {"linux/amd64": "sha256:…"}}}}
 * }</pre>
 *
 * @param file where it was read from (for messages); may be null for one not written yet
 */
public record DigestsFile(Path file, Map<String, Images> services) {
  public static final String FORMAT = "orchestrator-digests/1";

  public DigestsFile {
    services = java.util.Collections.unmodifiableMap(new TreeMap<>(services));
  }

  /**
   * One service's images.
   *
   * @param repository where the digests live, such as {@code 127.0.0.1:5000/monorepo/base}
   * @param digests platform to manifest digest
   * @param line the service's line in the file (0 when not read from one)
   */
  public record Images(String repository, Map<String, String> digests, int line) {
    public Images {
      digests = java.util.Collections.unmodifiableMap(new TreeMap<>(digests));
    }
  }

  /** The file's JSON text. */
  public String toJson() {
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"format\": \"").append(FORMAT).append("\",\n  \"services\": {");
    String comma = "";
    for (Map.Entry<String, Images> s : services.entrySet()) {
      json.append(comma)
          .append("\n    \"")
          .append(s.getKey())
          .append("\": {\"repository\": \"")
          .append(s.getValue().repository())
          .append("\", \"digests\": {");
      String inner = "";
      for (Map.Entry<String, String> d : s.getValue().digests().entrySet()) {
        json.append(inner)
            .append('"')
            .append(d.getKey())
            .append("\": \"")
            .append(d.getValue())
            .append('"');
        inner = ", ";
      }
      json.append("}}");
      comma = ",";
    }
    json.append(services.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
    return json.toString();
  }
}
