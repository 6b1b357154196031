package dev.orchestrator.core.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns {@code docker buildx bake --progress=rawjson} into the plain form ({@code #7 [api 2/3] RUN
 * make}, {@code #7 CACHED}, {@code #7 ERROR: …}) that {@link BakeProgress}, the reports and the
 * live display read, with one difference that is the reason this class exists: a vertex shared by
 * several targets gets a number per target.
 *
 * <p>Why: when a member is another member's {@code target:} context, BuildKit solves its steps
 * once, and bake's plain printer shows each shared vertex once, under whichever target reported it
 * first (often the dependent). The member's own steps then went missing from its lines, and a base
 * whose changed step ran under its dependent's name was reported cached. rawjson keeps every
 * target's stream: the same digest arrives once per target, each time named after that target.
 *
 * <p>Lines that are no JSON object (bake's closing {@code ERROR: …}, the Dockerfile excerpt) pass
 * through as they are. Not thread-safe: one per bake process, fed from its output thread.
 */
final class BakeRawProgress {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Consumer<String> out;
  private final List<String> pending = new ArrayList<>();
  private int depth;

  /** Vertex number by digest and name: one number per target naming the digest. */
  private final Map<String, Integer> numbers = new HashMap<>();

  private final Map<String, List<String>> keysOfDigest = new HashMap<>();
  private final Map<String, Instant> startedOf = new HashMap<>();
  private final Set<String> reported = new HashSet<>();

  /**
   * Each target's stream carries the logs of a shared vertex: a log message is told once, under
   * every target naming its vertex, not once per stream.
   */
  private final Set<String> logsSeen = new HashSet<>();

  private final BiConsumer<String, String> onVertex;

  /**
   * @param out receives the plain-form lines, in order
   * @param onVertex told each vertex number's digest, right after the number's first line
   */
  BakeRawProgress(Consumer<String> out, BiConsumer<String, String> onVertex) {
    this.out = out;
    this.onVertex = onVertex;
  }

  /** One line of bake's output (rawjson writes each message as an indented JSON object). */
  void accept(String line) {
    if (depth == 0 && !line.stripLeading().startsWith("{")) {
      out.accept(line);
      return;
    }
    pending.add(line);
    depth += JsonDepth.change(line);
    if (depth <= 0) {
      depth = 0;
      List<String> object = List.copyOf(pending);
      pending.clear();
      translate(object);
    }
  }

  /** At the end of the output: a message cut off by the process's end is shown as it came. */
  void finish() {
    pending.forEach(out);
    pending.clear();
    depth = 0;
  }

  private void translate(List<String> object) {
    JsonNode message;
    try {
      message = JSON.readTree(String.join("\n", object));
    } catch (IOException e) {
      object.forEach(out); // not rawjson after all: shown as it came
      return;
    }
    for (JsonNode vertex : message.path("vertexes")) {
      vertex(vertex);
    }
    for (JsonNode status : message.path("statuses")) {
      if (!status.path("completed").isMissingNode()) {
        String id = status.path("id").asText();
        forEachKey(
            status.path("vertex").asText(), "status " + id, n -> out.accept(n + id + " done"));
      }
    }
    for (JsonNode log : message.path("logs")) {
      log(log);
    }
    for (JsonNode warning : message.path("warnings")) {
      String text = decoded(warning.path("short").asText());
      forEachKey(
          warning.path("vertex").asText(),
          "warn " + text,
          n -> out.accept(n + "WARN: " + text.strip()));
    }
  }

  private void vertex(JsonNode vertex) {
    String digest = vertex.path("digest").asText();
    String name = vertex.path("name").asText();
    String key = digest + "\n" + name;
    Integer number = numbers.get(key);
    if (number == null) {
      number = numbers.size() + 1;
      numbers.put(key, number);
      keysOfDigest.computeIfAbsent(digest, d -> new ArrayList<>()).add(key);
      out.accept("#" + number + " " + name);
      onVertex.accept(String.valueOf(number), digest);
    }
    String prefix = "#" + number + " ";
    Instant started = instant(vertex.path("started"));
    if (started != null) {
      startedOf.putIfAbsent(key, started);
    }
    if (vertex.path("cached").asBoolean(false) && reported.add(key + "\ncached")) {
      out.accept(prefix + "CACHED");
    }
    Instant completed = instant(vertex.path("completed"));
    if (completed == null) {
      return;
    }
    String error = vertex.path("error").asText("");
    if (!error.isEmpty()) {
      if (reported.add(key + "\nerror")) {
        out.accept(prefix + "ERROR: " + error);
      }
    } else if (!reported.contains(key + "\ncached") && reported.add(key + "\ndone")) {
      Duration took = Duration.between(startedOf.getOrDefault(key, completed), completed);
      out.accept(prefix + "DONE " + seconds(took, 1) + "s");
    }
  }

  private void log(JsonNode log) {
    String digest = log.path("vertex").asText();
    String data = log.path("data").asText();
    // The data itself is not kept: a build's logs can be megabytes. The timestamp (nanoseconds)
    // with the data's length and hash tells a second copy of one log message.
    if (!logsSeen.add(
        digest
            + "\n"
            + log.path("stream").asText()
            + "\n"
            + log.path("timestamp").asText()
            + "\n"
            + data.length()
            + ":"
            + data.hashCode())) {
      return;
    }
    Instant at = instant(log.path("timestamp"));
    List<String> keys = keysOfDigest.getOrDefault(digest, List.of());
    for (String text : decoded(data).split("\n")) {
      if (text.isEmpty()) {
        continue;
      }
      for (String key : keys) {
        Instant started = startedOf.get(key);
        String elapsed =
            at == null || started == null ? "" : seconds(Duration.between(started, at), 3) + " ";
        out.accept("#" + numbers.get(key) + " " + elapsed + text);
      }
    }
  }

  /** Once per name of the digest, each line told once. */
  private void forEachKey(String digest, String what, Consumer<String> line) {
    for (String key : keysOfDigest.getOrDefault(digest, List.of())) {
      if (reported.add(key + "\n" + what)) {
        line.accept("#" + numbers.get(key) + " ");
      }
    }
  }

  private static Instant instant(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String decoded(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return base64;
    }
  }

  private static String seconds(Duration d, int decimals) {
    double s = Math.max(0, d.toNanos()) / 1e9;
    return String.format(Locale.ROOT, "%." + decimals + "f", s);
  }

  /** How much a line opens JSON objects and arrays, strings left out. */
  static final class JsonDepth {
    private JsonDepth() {}

    static int change(String line) {
      int change = 0;
      boolean inString = false;
      boolean escaped = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          change++;
        } else if (c == '}' || c == ']') {
          change--;
        }
      }
      return change;
    }
  }
}
