package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderFingerprintTest {
  @TempDir Path home;
  private Path binfmt;
  private Path buildx;
  private Map<String, String> environment;

  @BeforeEach
  void machine() throws Exception {
    binfmt = Files.createDirectories(home.resolve("binfmt_misc"));
    Files.writeString(binfmt.resolve("status"), "enabled\n");
    Files.writeString(binfmt.resolve("qemu-aarch64"), "enabled\ninterpreter /usr/bin/qemu\n");
    buildx = Files.createDirectories(home.resolve(".docker/buildx"));
    Files.createDirectories(buildx.resolve("instances"));
    Files.writeString(home.resolve(".docker/config.json"), "{}");
    environment = new HashMap<>(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin"));
  }

  private String fingerprint() {
    return BuilderFingerprint.of(environment, "ID-1 26.1.5", binfmt);
  }

  @Test
  void theSameMachineGivesTheSameFingerprint() {
    assertThat(fingerprint()).isEqualTo(fingerprint()).hasSize(64);
  }

  @Test
  void whatBuildxWritesOnEveryBuildDoesNotCount() throws Exception {
    String before = fingerprint();
    Files.createDirectories(buildx.resolve("refs/default/default"));
    Files.writeString(buildx.resolve("refs/default/default/x"), "{}");
    Files.createDirectories(buildx.resolve("activity"));
    Files.writeString(buildx.resolve("activity/default"), "now");

    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void anotherBuilderContextOrEmulatorChangesIt() throws Exception {
    String before = fingerprint();

    Files.writeString(buildx.resolve("current"), "{\"Key\":\"x\",\"Name\":\"other\"}");
    String afterUse = fingerprint();
    assertThat(afterUse).isNotEqualTo(before);

    Files.writeString(buildx.resolve("instances/other"), "{\"Name\":\"other\"}");
    String afterCreate = fingerprint();
    assertThat(afterCreate).isNotEqualTo(afterUse);

    Files.writeString(binfmt.resolve("qemu-aarch64"), "disabled\ninterpreter /usr/bin/qemu\n");
    String afterDisable = fingerprint();
    assertThat(afterDisable).isNotEqualTo(afterCreate);

    environment.put("DOCKER_CONTEXT", "remote");
    String afterContext = fingerprint();
    assertThat(afterContext).isNotEqualTo(afterDisable);

    assertThat(BuilderFingerprint.of(environment, "ID-1 27.0.0", binfmt))
        .isNotEqualTo(afterContext);
  }
}
