package dev.orchestrator.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.EnvironmentException;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformManifestsTest {
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String ATTESTATION =
      "\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"},\"annotations\":"
          + "{\"vnd.docker.reference.type\":\"attestation-manifest\"}";

  HttpRegistry registry;

  @BeforeEach
  void start() throws IOException {
    registry = new HttpRegistry();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void anIndexOfOnePlatformAndItsAttestationGivesThePlatformManifest() {
    String amd64 = manifest("a");
    String index =
        index(
            entry(amd64, "\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}"),
            entry(manifest("provenance"), ATTESTATION));

    assertThat(of(index)).isEqualTo(amd64);
  }

  @Test
  void aManifestIsItself() {
    String amd64 = manifest("a");

    assertThat(of(amd64)).isEqualTo(amd64);
  }

  @Test
  void anIndexOfTwoPlatformsIsRefusedNamingHowMany() {
    String index =
        index(
            entry(manifest("a"), "\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}"),
            entry(manifest("r"), "\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\"}"));

    EnvironmentException e = catchThrowableOfType(EnvironmentException.class, () -> of(index));

    assertThat(e).hasMessageContaining("holds 2 platform manifests, expected one");
  }

  private String of(String digest) {
    return PlatformManifests.of(new RegistryClient(), registry.address() + "/ns/app", digest);
  }

  /** A manifest with one distinct (unfetched) layer; returns its digest. */
  private String manifest(String layer) {
    String json =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MANIFEST
            + "\",\"layers\":[{\"mediaType\":\"x\",\"digest\":\"sha256:"
            + layer.repeat(64).substring(0, 64).replaceAll("[^0-9a-f]", "0")
            + "\",\"size\":1}],\"note\":\""
            + layer
            + "\"}";
    return registry.manifest("ns/app", null, json, MANIFEST);
  }

  private static String entry(String digest, String rest) {
    return "{\"mediaType\":\""
        + MANIFEST
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":1,"
        + rest
        + "}";
  }

  private String index(String... entries) {
    return registry.manifest(
        "ns/app",
        null,
        "{\"schemaVersion\":2,\"mediaType\":\""
            + INDEX
            + "\",\"manifests\":["
            + String.join(",", entries)
            + "]}",
        INDEX);
  }
}
