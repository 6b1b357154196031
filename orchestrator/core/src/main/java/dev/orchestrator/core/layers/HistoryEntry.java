package dev.orchestrator.core.layers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of an image configuration's {@code history}: the instruction that made it, and whether
 * it made a layer. The entries with a layer name the manifest's layers one to one, in order.
 *
 * @param createdBy as the builder wrote it, such as {@code RUN |1 TARGETARCH=amd64 /bin/sh -c make
 *     # buildkit}; empty when the builder wrote none
 * @param emptyLayer true for an instruction that changed only the configuration (ENV, CMD, …)
 */
public record HistoryEntry(String createdBy, boolean emptyLayer) {

  /** The {@code history} of an image configuration (the config blob), in order; empty if none. */
  public static List<HistoryEntry> of(JsonNode config) {
    List<HistoryEntry> entries = new ArrayList<>();
    for (JsonNode h : config.path("history")) {
      entries.add(
          new HistoryEntry(h.path("created_by").asText(""), h.path("empty_layer").asBoolean()));
    }
    return List.copyOf(entries);
  }

  /**
   * The instruction as a Dockerfile would say it: BuildKit's {@code # buildkit} marker and the
   * {@code |N ARG=…} build-argument prefix of a RUN left out. The exact text is {@link #createdBy}.
   */
  public String instruction() {
    String text = createdBy.strip();
    if (text.endsWith("# buildkit")) {
      text = text.substring(0, text.length() - "# buildkit".length()).strip();
    }
    return text;
  }

  /** The first word of the instruction (RUN, COPY, ADD, WORKDIR, …), upper case; may be empty. */
  public String keyword() {
    String text = instruction();
    int space = text.indexOf(' ');
    return (space < 0 ? text : text.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
  }
}
