package dev.orchestrator.core.hash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The local index of what was built: service, platform, input hash, the hash recorded on the image,
 * its reference and (for loaded images) its sizes, so that an up-to-date image's budget is checked
 * without exporting it again. Kept in {@code .cache/orchestrator/index.tsv}, a tab-separated line
 * per entry; the newest {@value #KEEP} entries per service and platform stay. Entries are written
 * by {@link #save}, once per build (when its {@code Incremental} closes), not once per image: the
 * 24 rewrites of a 24-service build, serialised by this lock, took 1 to 14 ms each while the images
 * were measured four at a time. A build killed before it saves loses only sizes, which the next
 * build measures again.
 */
public final class BuildIndex {
  static final int KEEP = 5;
  private static final String HEADER =
      "# service\tplatform\tinput-hash\timage-hash\timage\tuncompressed\tcompressed\trecorded-ms";

  private final Path file;
  private final List<Entry> entries = new ArrayList<>();
  private boolean dirty;

  /**
   * @param imageHash the value of the image's input-hash label: over all platforms built together
   * @param uncompressedBytes -1 when not measured (pushed images)
   */
  public record Entry(
      String service,
      String platform,
      String inputHash,
      String imageHash,
      String image,
      long uncompressedBytes,
      long compressedBytes,
      long recordedMillis) {

    public boolean hasSizes() {
      return uncompressedBytes >= 0 && compressedBytes >= 0;
    }
  }

  private BuildIndex(Path file) {
    this.file = file;
  }

  public static BuildIndex load(Path file) {
    BuildIndex index = new BuildIndex(file);
    if (file != null && Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (line.startsWith("#") || f.length != 8) {
            continue;
          }
          index.entries.add(
              new Entry(
                  f[0],
                  f[1],
                  f[2],
                  f[3],
                  f[4],
                  Long.parseLong(f[5]),
                  Long.parseLong(f[6]),
                  Long.parseLong(f[7])));
        }
      } catch (IOException | NumberFormatException e) {
        index.entries.clear(); // a damaged index only costs rebuilding
      }
    }
    return index;
  }

  public synchronized Optional<Entry> find(String service, String platform, String imageHash) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e.service.equals(service)
          && e.platform.equals(platform)
          && e.imageHash.equals(imageHash)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The newest entry for a service and platform, whatever its hash. */
  public synchronized Optional<Entry> latest(String service, String platform) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e.service.equals(service) && e.platform.equals(platform)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Records an entry (replacing one of the same image hash), to be written by {@link #save}. */
  public synchronized void record(
      String service,
      String platform,
      String inputHash,
      String imageHash,
      String image,
      OptionalLong uncompressed,
      OptionalLong compressed) {
    entries.removeIf(
        e ->
            e.service.equals(service)
                && e.platform.equals(platform)
                && e.imageHash.equals(imageHash));
    entries.add(
        new Entry(
            service,
            platform,
            inputHash,
            imageHash,
            image,
            uncompressed.orElse(-1),
            compressed.orElse(-1),
            System.currentTimeMillis()));
    List<Entry> same =
        entries.stream()
            .filter(e -> e.service.equals(service) && e.platform.equals(platform))
            .toList();
    for (int i = 0; i < same.size() - KEEP; i++) {
      entries.remove(same.get(i));
    }
    dirty = true;
  }

  /** Writes the entries, when any was recorded since the last save. */
  public synchronized void save() {
    if (file == null || !dirty) {
      return;
    }
    dirty = false;
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "index", ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(HEADER + "\n");
        for (Entry e : entries) {
          w.write(
              String.join(
                      "\t",
                      e.service,
                      e.platform,
                      e.inputHash,
                      e.imageHash,
                      e.image,
                      Long.toString(e.uncompressedBytes),
                      Long.toString(e.compressedBytes),
                      Long.toString(e.recordedMillis))
                  + "\n");
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The index is an optimisation: a build that cannot record it still succeeded.
    }
  }
}
