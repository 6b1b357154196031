package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The layout of {@code --json} output is a contract: scripts and the e2e tests match on it. */
class JsonTest {

  @Test
  void twoSpaceIndentsOneElementPerLineAndEmptyContainersClosed() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", "leaf");
    json.put("durationMs", 1_500L);
    json.put("seconds", 4.75);
    json.put("passed", true);
    json.put("detail", null);
    json.put("digest", Optional.empty());
    json.put("sizeBytes", Optional.of(2L));
    json.put("dependsOn", List.of("base", "mid"));
    json.put("externalImages", List.of());
    json.put("platformHashes", Map.of());
    json.put("checks", List.of(Map.of("name", "healthy"), Map.of("name", "size")));

    assertThat(Json.write(json))
        .isEqualTo(
            """
            {
              "name": "leaf",
              "durationMs": 1500,
              "seconds": 4.75,
              "passed": true,
              "detail": null,
              "digest": null,
              "sizeBytes": 2,
              "dependsOn": [
                "base",
                "mid"
              ],
              "externalImages": [],
              "platformHashes": {},
              "checks": [
                {
                  "name": "healthy"
                },
                {
                  "name": "size"
                }
              ]
            }""");
  }

  @Test
  void mapsKeepTheirOwnOrder() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("z", 1);
    json.put("a", 2);
    json.put("m", 3);

    assertThat(Json.write(json)).isEqualTo("{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}");
  }

  @Test
  void stringsAreEscapedAndNonAsciiKept() {
    assertThat(Json.write(List.of("say \"hi\"\\", "a\nb\tc", "GET /health → 404")))
        .isEqualTo(
            """
            [
              "say \\"hi\\"\\\\",
              "a\\nb\\tc",
              "GET /health → 404"
            ]""");
  }

  @Test
  void removingLineBreaksAndIndentsGivesOneLine() { // what `matrix --format github` does
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("arch", "amd64");
    job.put("runner", "ubuntu-24.04");

    assertThat(Json.write(Map.of("include", List.of(job))).replaceAll("\n\\s*", ""))
        .isEqualTo("{\"include\": [{\"arch\": \"amd64\",\"runner\": \"ubuntu-24.04\"}]}");
  }
}
