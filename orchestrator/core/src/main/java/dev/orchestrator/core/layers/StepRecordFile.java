package dev.orchestrator.core.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrator.core.error.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The step records of one service in the state folder, one JSON file per service: {@code
 * {"platforms": {"linux/amd64": {"manifest": …, "fromImage": …, "steps": [{"instruction": …,
 * "cache": "cached"|"built"|"unknown"}]}}}}. A build replaces the platforms it built and keeps the
 * others. A file that cannot be read is no record: the table then says unknown.
 */
public final class StepRecordFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StepRecordFile() {}

  /** The records in {@code file}; empty when there is none or it cannot be read. */
  public static Map<String, StepRecord> read(Path file) {
    Map<String, StepRecord> records = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return records;
    }
    try {
      JsonNode platforms = JSON.readTree(file.toFile()).path("platforms");
      platforms.fields().forEachRemaining(e -> records.put(e.getKey(), record(e.getValue())));
    } catch (IOException | IllegalArgumentException e) {
      records.clear(); // a damaged record is no record
    }
    return records;
  }

  /** Writes {@code built} over the same platforms of the file, keeping its other platforms. */
  public static void write(Path file, Map<String, StepRecord> built) {
    Map<String, StepRecord> all = read(file);
    all.putAll(built);
    Map<String, Object> platforms = new TreeMap<>();
    all.forEach((platform, r) -> platforms.put(platform, json(r)));
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(temporary.toFile(), Map.of("platforms", platforms));
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw FileErrors.environment(
          "write", file, e, "It records the last build's cache use; it may be deleted.");
    }
  }

  private static StepRecord record(JsonNode node) {
    List<StepRecord.Step> steps = new ArrayList<>();
    for (JsonNode s : node.path("steps")) {
      steps.add(
          new StepRecord.Step(
              s.path("instruction").asText(), LayerCache.ofLabel(s.path("cache").asText())));
    }
    if (!node.path("manifest").isTextual()) {
      throw new IllegalArgumentException("no manifest");
    }
    return new StepRecord(
        node.path("manifest").asText(), node.path("fromImage").asBoolean(), steps);
  }

  private static Map<String, Object> json(StepRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("manifest", record.manifestDigest());
    json.put("fromImage", record.fromImage());
    List<Map<String, String>> list = new ArrayList<>();
    for (StepRecord.Step s : record.steps()) {
      Map<String, String> step = new LinkedHashMap<>();
      step.put("instruction", s.instruction());
      step.put("cache", s.cache().label());
      list.add(step);
    }
    json.put("steps", list);
    return json;
  }
}
