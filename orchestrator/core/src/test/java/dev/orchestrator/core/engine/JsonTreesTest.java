package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"Id\":\"sha256:abc\",\"RepoTags\":[\"ns/a:latest\"],\"Size\":1076807,"
            + "\"Config\":{\"Labels\":{\"dev.orchestrator.input-hash\":\"5ad9\"},\"Env\":null,"
            + "\"ArgsEscaped\":true,\"Tty\":false},\"RootFS\":{\"Layers\":[]}}",
        "{\"DriverStatus\":[[\"driver-type\",\"io.containerd.snapshotter.v1\"]],\"NCPU\":2}",
        "[1, -2147483649, 9223372036854775807, 92233720368547758070, 1.5, -0.0, 2e300, 1E-5]",
        "{\"a\":1,\"a\":{\"b\":[true,null,\"\\u00e9\\n\"]}}",
        "\"text\"",
        "42",
        "{\"message\":\"No such image: ns/a:latest\"}",
        "{}",
        "[]",
        "[[[[]]],{}]",
        "{\"a\":1} trailing"
      })
  void readsWhatTheObjectMapperReads(String document) throws IOException {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    JsonNode expected = MAPPER.readTree(bytes);

    JsonNode read = JsonTrees.read(bytes);

    assertThat(read).isEqualTo(expected);
    assertThat(read.getClass()).isEqualTo(expected.getClass());
  }

  @Test
  void numbersKeepTheirKinds() throws IOException {
    JsonNode read = JsonTrees.read("[1, 3000000000, 1.5]".getBytes(StandardCharsets.UTF_8));

    assertThat(read.get(0).isInt()).isTrue();
    assertThat(read.get(1).isLong()).isTrue();
    assertThat(read.get(2).isDouble()).isTrue();
  }

  @Test
  void anEmptyDocumentIsMissing() throws IOException {
    assertThat(JsonTrees.read(new byte[0]).isMissingNode()).isTrue();
    assertThat(MAPPER.readTree(new byte[0]).isMissingNode()).isTrue();
  }

  @Test
  void brokenDocumentsAreErrors() {
    for (String broken : new String[] {"{\"a\":", "[1,2", "{\"a\" 1}", "SSH-2.0-OpenSSH_9"}) {
      byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> MAPPER.readTree(bytes)).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> JsonTrees.read(bytes)).as(broken).isInstanceOf(IOException.class);
    }
  }
}
