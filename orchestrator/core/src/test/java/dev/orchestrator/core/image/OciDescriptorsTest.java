package dev.orchestrator.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OciDescriptorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void anAttestationIsKnownByItsAnnotationOrItsUnknownPlatform() throws Exception {
    assertThat(
            OciDescriptors.isAttestation(
                json(
                    "{\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"},"
                        + "\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}")))
        .isTrue();
    assertThat(
            OciDescriptors.isAttestation(
                json("{\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"}}")))
        .isTrue();
    assertThat(
            OciDescriptors.isAttestation(
                json("{\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\"}}")))
        .isFalse();
  }

  @Test
  void thePlatformKeepsItsVariantAndIsNullWhenIncomplete() throws Exception {
    assertThat(
            OciDescriptors.platform(
                json("{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v7\"}")))
        .isEqualTo("linux/arm/v7");
    assertThat(OciDescriptors.platform(json("{\"os\":\"linux\",\"architecture\":\"amd64\"}")))
        .isEqualTo("linux/amd64");
    assertThat(OciDescriptors.platform(json("{\"os\":\"linux\"}"))).isNull();
  }
}
