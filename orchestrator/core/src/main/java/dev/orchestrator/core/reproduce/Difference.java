package dev.orchestrator.core.reproduce;

import java.util.List;
import java.util.Optional;

/**
 * Where two builds of one platform's image part: the first layer that differs, the instruction that
 * made it, and its files; or, when every layer is equal, the config keys that differ.
 *
 * @param layer the first differing layer, 1-based; empty when all layers are equal
 * @param layers how many layers the first build's image has
 * @param instruction the history entry of that layer ({@code created_by}: the Dockerfile
 *     instruction), or why it is not known
 * @param files the paths of that layer that differ (path order)
 * @param configKeys the image config keys that differ ({@code created}, {@code config.Labels}, …)
 */
public record Difference(
    Optional<Integer> layer,
    int layers,
    Optional<String> firstLayerDigest,
    Optional<String> secondLayerDigest,
    String instruction,
    List<FileDifference> files,
    List<String> configKeys) {
  public Difference {
    files = List.copyOf(files);
    configKeys = List.copyOf(configKeys);
  }
}
