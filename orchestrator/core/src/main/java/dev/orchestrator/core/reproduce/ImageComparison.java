package dev.orchestrator.core.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares two builds of one platform's image. Equal manifest digests mean equal images; otherwise
 * the first layer whose digest differs is unpacked from both layouts and compared entry by entry.
 * The config's history entries that are not {@code empty_layer} map one to one to the layers, which
 * names the instruction that made the layer.
 */
public final class ImageComparison {
  private ImageComparison() {}

  /** Empty when the two manifests are the same; reads only the first differing layer. */
  public static Optional<Difference> compare(
      OciLayout firstLayout,
      OciLayout.PlatformImage first,
      OciLayout secondLayout,
      OciLayout.PlatformImage second)
      throws IOException {
    if (first.digest().equals(second.digest())) {
      return Optional.empty();
    }
    List<OciLayout.Layer> a = first.layers();
    List<OciLayout.Layer> b = second.layers();
    int shared = Math.min(a.size(), b.size());
    int index = 0;
    while (index < shared && a.get(index).digest().equals(b.get(index).digest())) {
      index++;
    }
    List<String> configKeys = new ArrayList<>(configDifferences(first.config(), second.config()));
    if (index == shared && a.size() == b.size()) {
      return Optional.of(
          new Difference(
              Optional.empty(),
              a.size(),
              Optional.empty(),
              Optional.empty(),
              "every layer is equal; the image config differs",
              List.of(),
              configKeys));
    }
    // The layers' diff ids differ with the layers: no news.
    configKeys.remove("rootfs");
    Optional<OciLayout.Layer> la = index < a.size() ? Optional.of(a.get(index)) : Optional.empty();
    Optional<OciLayout.Layer> lb = index < b.size() ? Optional.of(b.get(index)) : Optional.empty();
    Map<String, FileEntry> ea = la.isPresent() ? firstLayout.entries(la.get()) : Map.of();
    Map<String, FileEntry> eb = lb.isPresent() ? secondLayout.entries(lb.get()) : Map.of();
    return Optional.of(
        new Difference(
            Optional.of(index + 1),
            a.size(),
            la.map(OciLayout.Layer::digest),
            lb.map(OciLayout.Layer::digest),
            instruction(la.isPresent() ? first : second, index),
            LayerDiff.of(ea, eb),
            configKeys));
  }

  /** The history entry of layer {@code index} (0-based), or why there is none to name. */
  static String instruction(OciLayout.PlatformImage image, int index) {
    if (image.history().size() != image.layers().size()) {
      return "not known: the image config's history has "
          + image.history().size()
          + " entries with a layer for "
          + image.layers().size()
          + " layers";
    }
    String createdBy = image.history().get(index);
    return createdBy.isBlank() ? "not recorded in the image config's history" : createdBy;
  }

  /** Top-level config keys that differ, and one level into {@code config} (Env, Labels, …). */
  static List<String> configDifferences(JsonNode a, JsonNode b) {
    List<String> keys = new ArrayList<>();
    for (String key : names(a, b)) {
      if (key.equals("config") && a.path(key).isObject() && b.path(key).isObject()) {
        for (String inner : names(a.path(key), b.path(key))) {
          if (!a.path(key).path(inner).equals(b.path(key).path(inner))) {
            keys.add("config." + inner);
          }
        }
      } else if (!a.path(key).equals(b.path(key))) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static TreeSet<String> names(JsonNode a, JsonNode b) {
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> i = a.fieldNames(); i.hasNext(); ) {
      names.add(i.next());
    }
    for (Iterator<String> i = b.fieldNames(); i.hasNext(); ) {
      names.add(i.next());
    }
    return names;
  }
}
