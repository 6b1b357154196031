package dev.orchestrator.cli.startup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * One single-platform OCI image written into a folder laid out as containerd's content store
 * ({@code blobs/sha256/<hex>}): an index, its manifest, config and one gzip layer (an empty tar).
 * The training engine's images, so that their sizes are read the way a real engine's are.
 */
final class ContentStoreImage {
  private ContentStoreImage() {}

  /** Writes the image's blobs under {@code store}; returns the index's digest (the image's Id). */
  static String write(Path store, String arch) throws IOException {
    byte[] tar = new byte[1024]; // two zero blocks: an empty tar
    byte[] layer = gzip(tar);
    String config =
        "{\"architecture\":\""
            + arch
            + "\",\"os\":\"linux\",\"config\":{\"User\":\"10001\"},\"rootfs\":{\"type\":\"layers\","
            + "\"diff_ids\":[\""
            + digest(tar)
            + "\"]},\"history\":[{\"created_by\":\"COPY base.txt /srv/base.txt # buildkit\","
            + "\"comment\":\"buildkit.dockerfile.v0\"}]}";
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":"
            + descriptor("application/vnd.oci.image.config.v1+json", utf8(config))
            + ",\"layers\":["
            + descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layer)
            + "]}";
    String index =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":["
            + descriptor("application/vnd.oci.image.manifest.v1+json", utf8(manifest))
                .replaceFirst(
                    "}$", ",\"platform\":{\"architecture\":\"" + arch + "\",\"os\":\"linux\"}}")
            + "]}";
    for (byte[] blob : new byte[][] {layer, utf8(config), utf8(manifest)}) {
      store(store, blob);
    }
    return store(store, utf8(index));
  }

  private static String descriptor(String mediaType, byte[] blob) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest(blob)
        + "\",\"size\":"
        + blob.length
        + "}";
  }

  private static String store(Path store, byte[] blob) throws IOException {
    String digest = digest(blob);
    Path file = store.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    Files.createDirectories(file.getParent());
    Files.write(file, blob);
    return digest;
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String digest(byte[] blob) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
