package dev.orchestrator.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The blobs of a containerd content store on this machine ({@code
 * io.containerd.content.v1.content}: {@code blobs/<algorithm>/<hex>}, the layout of an OCI image
 * layout's blobs). The engine under the containerd image store keeps every image it holds there, so
 * an image just built can be measured from its manifests and its layers' trailers without the
 * export that {@code GET /images/NAME/get} makes of every layer. The store belongs to containerd:
 * this only reads it, and a manifest, index or config is checked against its digest before use.
 */
final class ContentStoreBlobs implements BlobSource {
  private final Path store;

  ContentStoreBlobs(Path store) {
    this.store = store;
  }

  /** Whether this folder looks like a content store this process can read. */
  static boolean readable(Path store) {
    Path blobs = store.resolve("blobs/sha256");
    return Files.isDirectory(blobs) && Files.isReadable(blobs) && Files.isExecutable(blobs);
  }

  private Path file(String path) {
    return store.resolve(path);
  }

  @Override
  public long size(String path) throws IOException {
    try {
      return Files.size(file(path));
    } catch (NoSuchFileException e) {
      return -1;
    }
  }

  @Override
  public InputStream open(String path) throws IOException {
    return Files.newInputStream(file(path));
  }

  @Override
  public byte[] readAll(String path) throws IOException {
    byte[] content = Files.readAllBytes(file(path));
    String[] parts = path.split("/");
    String algorithm = parts[1].toUpperCase(Locale.ROOT).replace("SHA", "SHA-");
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
      if (!hex.equals(parts[2])) {
        throw new IOException(file(path) + " does not hold what its digest names");
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("no " + algorithm + " in this JVM", e);
    }
    return content;
  }

  @Override
  public byte[] lastBytes(String path, int n) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file(path).toFile(), "r")) {
      long length = in.length();
      if (length < n) {
        return new byte[0];
      }
      byte[] last = new byte[n];
      in.seek(length - n);
      in.readFully(last);
      return last;
    }
  }
}
