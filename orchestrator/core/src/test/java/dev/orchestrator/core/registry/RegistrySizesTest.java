package dev.orchestrator.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.layers.HistoryEntry;
import dev.orchestrator.core.layers.LayerBlob;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.size.GzipTrailer;
import dev.orchestrator.core.size.ImageSizes;
import dev.orchestrator.core.size.LayerSizes;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrySizesTest {
  private static final String GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";

  HttpRegistry registry;
  LayerSizes layers = new LayerSizes();

  @BeforeEach
  void start() throws IOException {
    registry = new HttpRegistry();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void sizesEachPlatformFromDescriptorsAndTrailersReadingASharedLayerOnce() throws IOException {
    byte[] shared = gzip(text(30_000, 's'));
    byte[] amd = gzip(text(10_000, 'a'));
    byte[] arm = gzip(text(12_000, 'r'));
    String amdManifest = manifest(layer(shared), layer(amd));
    String armManifest = manifest(layer(shared), layer(arm));
    String attestation = manifest(layer(gzip(text(5, 'x'))));
    registry.manifest(
        "ns/app",
        "v1",
        "{\"schemaVersion\":2,\"mediaType\":\""
            + INDEX
            + "\",\"manifests\":["
            + descriptor(amdManifest, "{\"os\":\"linux\",\"architecture\":\"amd64\"}", "")
            + ","
            + descriptor(armManifest, "{\"os\":\"linux\",\"architecture\":\"arm64\"}", "")
            + ","
            + descriptor(
                attestation,
                "{\"os\":\"unknown\",\"architecture\":\"unknown\"}",
                ",\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}")
            + "]}",
        INDEX);

    Map<String, ImageSizes> sizes = sizes(registry.address() + "/ns/app:v1");

    assertThat(sizes)
        .containsExactly(
            Map.entry(
                "linux/amd64",
                new ImageSizes("linux/amd64", shared.length + amd.length, 30_000 + 10_000)),
            Map.entry(
                "linux/arm64",
                new ImageSizes("linux/arm64", shared.length + arm.length, 30_000 + 12_000)));
    String sharedPath = "/blobs/" + Digests.sha256(shared);
    assertThat(registry.requests.stream().filter(r -> r.contains(sharedPath)))
        .containsExactly(
            "GET /v2/ns/app"
                + sharedPath
                + " bytes="
                + (shared.length - 4)
                + "-"
                + (shared.length - 1));
    // Whole blobs read: the configuration (for the history), never a layer.
    String configPath = "/blobs/" + Digests.sha256(CONFIG.getBytes(StandardCharsets.UTF_8));
    assertThat(registry.requests)
        .noneMatch(
            r ->
                r.startsWith("GET")
                    && r.contains("/blobs/")
                    && !r.contains("bytes=")
                    && !r.contains(configPath));
    assertThat(layers.measuredLayers()).isEqualTo(3);
  }

  @Test
  void imagesGiveEachPlatformsManifestDigestLayersAndHistory() throws IOException {
    byte[] layer = gzip(text(2_000, 'h'));
    String m = manifest(layer(layer));
    registry.manifests.put("v1", registry.manifests.get(digestOf(m)));

    PlatformImage image =
        new RegistrySizes(new RegistryClient(), layers)
            .images(registry.address() + "/ns/app:v1")
            .get("linux/amd64");

    assertThat(image.manifestDigest()).isEqualTo(digestOf(m));
    assertThat(image.layers())
        .containsExactly(
            new LayerBlob(
                Digests.sha256(layer),
                "application/vnd.oci.image.layer.v1.tar+gzip",
                layer.length,
                2_000));
    assertThat(image.history())
        .containsExactly(
            new HistoryEntry("ENV A=1", true), new HistoryEntry("COPY a /a # buildkit", false));
  }

  @Test
  void aRegistryThatIgnoresRangesStillGivesTheExactSize() throws IOException {
    registry.honourRange = false;
    byte[] layer = gzip(text(7_777, 'q'));
    String m = manifest(layer(layer));
    registry.manifests.put("v1", registry.manifests.get(digestOf(m)));

    assertThat(sizes(registry.address() + "/ns/app:v1").get("linux/amd64").uncompressedBytes())
        .isEqualTo(7_777);
  }

  @Test
  void aLayerTooLargeForItsTrailerIsInflatedOnce() throws IOException {
    byte[] noise = new byte[(int) GzipTrailer.EXACT_UP_TO + 500];
    new Random(3).nextBytes(noise);
    byte[] layer = gzip(noise);
    String m = manifest(layer(layer));

    assertThat(sizes(registry.address() + "/ns/app@" + digestOf(m)).get("linux/amd64"))
        .isEqualTo(new ImageSizes("linux/amd64", layer.length, noise.length));
    assertThat(registry.requests).contains("GET /v2/ns/app/blobs/" + Digests.sha256(layer));
  }

  @Test
  void aZstdLayerIsDecodedOnce() throws IOException {
    byte[] layer = zstd(text(54_321, 'z'));
    String m =
        manifest(
            "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+zstd\",\"digest\":\""
                + registry.blob(layer)
                + "\",\"size\":"
                + layer.length
                + "}");

    assertThat(sizes(registry.address() + "/ns/app@" + digestOf(m)).get("linux/amd64"))
        .isEqualTo(new ImageSizes("linux/amd64", layer.length, 54_321));
    assertThat(sizes(registry.address() + "/ns/app@" + digestOf(m))).hasSize(1);
    assertThat(registry.requests.stream().filter(r -> r.contains(Digests.sha256(layer))))
        .hasSize(1);
  }

  @Test
  void aLayerOfAnUnknownCompressionLeavesItsPlatformNotMeasured() throws IOException {
    byte[] layer = text(100, 'b');
    String m =
        manifest(
            "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+bzip2\",\"digest\":\""
                + registry.blob(layer)
                + "\",\"size\":100}");

    assertThat(sizes(registry.address() + "/ns/app@" + digestOf(m))).isEmpty();
  }

  @Test
  void noSuchImageHasNoSizes() {
    assertThat(sizes(registry.address() + "/ns/app:missing")).isEmpty();
  }

  private static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  private Map<String, ImageSizes> sizes(String ref) {
    return new RegistrySizes(new RegistryClient(), layers).sizes(ref);
  }

  private static final String CONFIG =
      "{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{},\"history\":["
          + "{\"created_by\":\"ENV A=1\",\"empty_layer\":true},"
          + "{\"created_by\":\"COPY a /a # buildkit\"}]}";

  /** A single-platform manifest whose config says linux/amd64; returns its descriptor. */
  private String manifest(String... layerDescriptors) {
    byte[] config = CONFIG.getBytes(StandardCharsets.UTF_8);
    String json =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MANIFEST
            + "\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + registry.blob(config)
            + "\",\"size\":"
            + config.length
            + "},\"layers\":["
            + String.join(",", layerDescriptors)
            + "]}";
    String digest = registry.manifest("ns/app", null, json, MANIFEST);
    return "{\"mediaType\":\""
        + MANIFEST
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + json.length()
        + "}";
  }

  private static String descriptor(String manifestDescriptor, String platform, String extra) {
    return manifestDescriptor.substring(0, manifestDescriptor.length() - 1)
        + ",\"platform\":"
        + platform
        + extra
        + "}";
  }

  private static String digestOf(String descriptor) {
    int at = descriptor.indexOf("sha256:");
    return descriptor.substring(at, at + 71);
  }

  private String layer(byte[] blob) {
    return "{\"mediaType\":\""
        + GZIP
        + "\",\"digest\":\""
        + registry.blob(blob)
        + "\",\"size\":"
        + blob.length
        + "}";
  }

  private static byte[] text(int n, char c) {
    return String.valueOf(c).repeat(n).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}
