package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.size.GzipTrailer;
import dev.orchestrator.core.size.ImageSizes;
import dev.orchestrator.core.size.LayerSizes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutSizesTest {
  private static final String GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final String TAR_LAYER = "application/vnd.oci.image.layer.v1.tar";
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";

  @TempDir Path dir;

  /** Blobs by path; written sorted, before index.json, as docker save does. */
  private final Map<String, byte[]> blobs = new TreeMap<>();

  private String digestAlgorithm = "SHA-256";

  /** Null: every layer inflated (the reference method); the tests of the fast path set one. */
  private LayerSizes layers;

  @Test
  void takesAGzipLayersSizeFromItsTrailerWithoutInflatingIt() throws IOException {
    layers = new LayerSizes();
    byte[] layer = gzip(filled(5_000, 'z'));
    // A trailer that says 1234: only a method that never inflates the layer can answer 1234.
    byte[] tampered = layer.clone();
    tampered[tampered.length - 4] = (byte) 0xD2;
    tampered[tampered.length - 3] = 0x04;
    tampered[tampered.length - 2] = 0;
    tampered[tampered.length - 1] = 0;
    String manifest = manifest(config("linux", "amd64", null), layer(GZIP_LAYER, tampered));

    assertThat(read(manifest).get("linux/amd64").uncompressedBytes()).isEqualTo(1_234);
    assertThat(layers.uncompressed(digest(tampered))).hasValue(1_234);
  }

  @Test
  void aLayerMeasuredBeforeIsNotReadAgain() throws IOException {
    layers = new LayerSizes();
    byte[] layer = gzip(filled(5_000, 'k'));
    layers.record(digest(layer), 777);
    String manifest = manifest(config("linux", "amd64", null), layer(GZIP_LAYER, layer));

    assertThat(read(manifest).get("linux/amd64"))
        .isEqualTo(new ImageSizes("linux/amd64", layer.length, 777));
  }

  @Test
  void aLayerTooLargeForItsTrailerToProveItsSizeIsInflated() throws IOException {
    layers = new LayerSizes();
    byte[] noise = new byte[(int) GzipTrailer.EXACT_UP_TO + 1_000];
    new java.util.Random(7).nextBytes(noise); // incompressible: the blob is larger than the limit
    byte[] layer = gzip(noise);
    byte[] tampered = layer.clone();
    tampered[tampered.length - 1] = 0x7F; // a trailer that lies: ignored at this size
    String manifest = manifest(config("linux", "amd64", null), layer(GZIP_LAYER, tampered));

    assertThat(layer.length).isGreaterThan((int) GzipTrailer.EXACT_UP_TO);
    assertThatThrownBy(() -> read(manifest)).isInstanceOf(IOException.class); // CRC/size check
    blobs.clear();
    String honest = manifest(config("linux", "amd64", null), layer(GZIP_LAYER, layer));
    assertThat(read(honest).get("linux/amd64").uncompressedBytes()).isEqualTo(noise.length);
  }

  @Test
  void sizesEachPlatformAndLeavesOutAttestations() throws IOException {
    byte[] amd64Layer = gzip(filled(10_000, 'a'));
    byte[] sharedLayer = concat(gzip(filled(1_000, 's')), gzip(filled(2_000, 't')));
    byte[] arm64Layer = filled(2_048, 'r'); // an uncompressed tar layer counts as it is
    String amd64 =
        manifest(
            config("linux", "amd64", null),
            layer(GZIP_LAYER, amd64Layer),
            layer(GZIP_LAYER, sharedLayer));
    String arm64 =
        manifest(
            config("linux", "arm64", null),
            layer(TAR_LAYER, arm64Layer),
            layer(GZIP_LAYER, sharedLayer));
    String attestation =
        manifest(
            config("unknown", "unknown", null),
            layer("application/vnd.in-toto+json", "{}".getBytes(StandardCharsets.UTF_8)));
    String index =
        blob(
            INDEX,
            "{\"schemaVersion\":2,\"mediaType\":\""
                + INDEX
                + "\",\"manifests\":["
                + String.join(
                    ",",
                    withPlatform(amd64, "linux", "amd64"),
                    withPlatform(arm64, "linux", "arm64"),
                    attestationDescriptor(attestation))
                + "]}");

    Map<String, ImageSizes> sizes = read(index);

    assertThat(sizes).containsOnlyKeys("linux/amd64", "linux/arm64");
    assertThat(sizes.get("linux/amd64"))
        .isEqualTo(
            new ImageSizes("linux/amd64", amd64Layer.length + sharedLayer.length, 10_000 + 3_000));
    assertThat(sizes.get("linux/arm64"))
        .isEqualTo(new ImageSizes("linux/arm64", 2_048 + sharedLayer.length, 2_048 + 3_000));
  }

  @Test
  void takesThePlatformFromTheConfigWhenTheDescriptorHasNone() throws IOException {
    byte[] layer = gzip(filled(4_321, 'v'));
    String manifest = manifest(config("linux", "arm", "v7"), layer(GZIP_LAYER, layer));

    Map<String, ImageSizes> sizes = read(manifest);

    assertThat(sizes)
        .containsExactly(
            Map.entry("linux/arm/v7", new ImageSizes("linux/arm/v7", layer.length, 4_321)));
  }

  @Test
  void leavesOutPlatformsWhoseContentIsNotInTheExport() throws IOException {
    byte[] layer = gzip(filled(100, 'x'));
    String present = manifest(config("linux", "amd64", null), layer(GZIP_LAYER, layer));
    String layerMissing =
        manifest(
            config("linux", "arm64", null),
            layer(GZIP_LAYER, layer),
            layer(GZIP_LAYER, gzip(filled(5, 'y'))));
    blobs.remove(blobPath(gzip(filled(5, 'y'))));
    String index =
        blob(
            INDEX,
            "{\"schemaVersion\":2,\"manifests\":["
                + String.join(
                    ",",
                    withPlatform(present, "linux", "amd64"),
                    withPlatform(layerMissing, "linux", "arm64"),
                    "{\"mediaType\":\""
                        + MANIFEST
                        + "\",\"digest\":\"sha256:"
                        + "0".repeat(64)
                        + "\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"s390x\"}}")
                + "]}");

    assertThat(read(index)).containsOnlyKeys("linux/amd64");
  }

  @Test
  void readsNamesFromLongNameHeadersAndWithALeadingDotSlash() throws IOException {
    digestAlgorithm = "SHA-512"; // blob paths of 141 characters: more than a ustar header holds
    byte[] tarLayer = filled(70_000, 'l'); // spans many 512-byte blocks, and entries follow it
    byte[] gzipLayer = gzip(filled(3_000, 'g'));
    String manifest =
        manifest(
            config("linux", "amd64", null),
            layer(TAR_LAYER, tarLayer),
            layer(GZIP_LAYER, gzipLayer));
    TestTar tar = new TestTar().directory("./blobs/").directory("./blobs/sha512/");
    boolean pax = true;
    for (Map.Entry<String, byte[]> blob : blobs.entrySet()) {
      if (pax) {
        tar.paxFile("./" + blob.getKey(), blob.getValue());
      } else {
        tar.gnuLongFile("./" + blob.getKey(), blob.getValue());
      }
      pax = !pax;
    }
    tar.file("./index.json", index(withPlatform(manifest, "linux", "amd64")));

    assertThat(OciLayoutSizes.sizes(tar.writeTo(dir.resolve("layout.tar")), layers))
        .containsExactly(
            Map.entry(
                "linux/amd64",
                new ImageSizes("linux/amd64", tarLayer.length + gzipLayer.length, 70_000 + 3_000)));
  }

  @Test
  void aTarWithoutIndexIsNotALayout() throws IOException {
    Path tar = new TestTar().file("manifest.json", "[]").writeTo(dir.resolve("x.tar"));

    assertThatThrownBy(() -> OciLayoutSizes.sizes(tar, layers)).hasMessageContaining("index.json");
  }

  @Test
  void readsAnImageFromAContentStoreFolderAsFromItsExport() throws IOException {
    layers = new LayerSizes();
    byte[] gzipLayer = gzip(filled(9_000, 'g'));
    String amd64 = manifest(config("linux", "amd64", null), layer(GZIP_LAYER, gzipLayer));
    String arm64 = manifest(config("linux", "arm64", null), layer(TAR_LAYER, filled(2_048, 't')));
    String index =
        blob(
            INDEX,
            index(
                withPlatform(amd64, "linux", "amd64")
                    + ","
                    + withPlatform(arm64, "linux", "arm64")));
    Path store = contentStore();

    Map<String, ImageSizes> stored = new TreeMap<>();
    OciLayoutSizes.readStored(store, digestOf(index), layers)
        .orElseThrow()
        .forEach((platform, image) -> stored.put(platform, image.sizes()));

    assertThat(stored).isEqualTo(read(index)).containsOnlyKeys("linux/amd64", "linux/arm64");
    assertThat(stored.get("linux/amd64").uncompressedBytes()).isEqualTo(9_000);
  }

  @Test
  void aContentStoreMissingABlobOrHoldingATamperedOneIsNotTrusted() throws IOException {
    byte[] gzipLayer = gzip(filled(9_000, 'm'));
    String manifest = manifest(config("linux", "amd64", null), layer(GZIP_LAYER, gzipLayer));
    Path store = contentStore();
    String digest = digestOf(manifest);
    assertThat(OciLayoutSizes.readStored(store, digest, new LayerSizes())).isPresent();

    java.nio.file.Files.delete(store.resolve(blobPath(gzipLayer)));
    assertThat(OciLayoutSizes.readStored(store, digest, new LayerSizes())).isEmpty();

    Path manifestFile = store.resolve("blobs/" + digest.replace(':', '/'));
    manifestFile.toFile().setWritable(true);
    java.nio.file.Files.writeString(manifestFile, "{\"layers\":[]}");
    assertThatThrownBy(() -> OciLayoutSizes.readStored(store, digest, new LayerSizes()))
        .hasMessageContaining("does not hold what its digest names");

    assertThat(OciLayoutSizes.readStored(store, "sha256:../../etc/passwd", new LayerSizes()))
        .isEmpty();
    assertThat(OciLayoutSizes.readStored(store, "sha256:" + "0".repeat(64), new LayerSizes()))
        .isEmpty();
  }

  /** The blobs written so far, in a folder laid out as containerd's content store is. */
  private Path contentStore() throws IOException {
    Path store = dir.resolve("io.containerd.content.v1.content");
    for (Map.Entry<String, byte[]> blob : blobs.entrySet()) {
      Path file = store.resolve(blob.getKey());
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, blob.getValue());
    }
    return store;
  }

  /** The digest in a descriptor this test made. */
  private static String digestOf(String descriptor) {
    int at = descriptor.indexOf("\"digest\":\"") + 10;
    return descriptor.substring(at, descriptor.indexOf('"', at));
  }

  private Map<String, ImageSizes> read(String topDescriptor) throws IOException {
    TestTar tar = new TestTar().directory("blobs/").directory("blobs/sha256/");
    blobs.forEach(tar::file);
    tar.file("index.json", index(topDescriptor))
        .file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
    return OciLayoutSizes.sizes(tar.writeTo(dir.resolve("layout.tar")), layers);
  }

  private static String index(String topDescriptor) {
    return "{\"schemaVersion\":2,\"manifests\":[" + topDescriptor + "]}";
  }

  private String config(String os, String arch, String variant) {
    String json =
        "{\"os\":\""
            + os
            + "\",\"architecture\":\""
            + arch
            + "\""
            + (variant == null ? "" : ",\"variant\":\"" + variant + "\"")
            + ",\"rootfs\":{}}";
    return blob("application/vnd.oci.image.config.v1+json", json);
  }

  private String layer(String mediaType, byte[] content) {
    return blob(mediaType, content);
  }

  private String manifest(String config, String... layers) {
    return blob(
        MANIFEST,
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MANIFEST
            + "\",\"config\":"
            + config
            + ",\"layers\":["
            + String.join(",", layers)
            + "]}");
  }

  private static String withPlatform(String descriptor, String os, String arch) {
    return descriptor.substring(0, descriptor.length() - 1)
        + ",\"platform\":{\"os\":\""
        + os
        + "\",\"architecture\":\""
        + arch
        + "\"}}";
  }

  private static String attestationDescriptor(String descriptor) {
    return descriptor.substring(0, descriptor.length() - 1)
        + ",\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}"
        + ",\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"}}";
  }

  /** Stores the blob and returns its descriptor. */
  private String blob(String mediaType, String json) {
    return blob(mediaType, json.getBytes(StandardCharsets.UTF_8));
  }

  private String blob(String mediaType, byte[] content) {
    blobs.put(blobPath(content), content);
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest(content)
        + "\",\"size\":"
        + content.length
        + "}";
  }

  private String blobPath(byte[] content) {
    return "blobs/" + digest(content).replace(':', '/');
  }

  /** {@code sha256:<hex>} (or sha512), as in a descriptor. */
  private String digest(byte[] content) {
    try {
      String hex =
          HexFormat.of().formatHex(MessageDigest.getInstance(digestAlgorithm).digest(content));
      return digestAlgorithm.replace("-", "").toLowerCase(Locale.ROOT) + ":" + hex;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] filled(int length, char c) {
    return String.valueOf(c).repeat(length).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
