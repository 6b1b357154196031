package dev.orchestrator.core.size;

/**
 * Sizes of one platform of an image.
 *
 * @param platform such as {@code linux/arm64} or {@code linux/arm/v7}
 * @param compressedBytes sum of the layer blobs as stored and pushed
 * @param uncompressedBytes sum of the layers unpacked (the layer tar streams)
 */
public record ImageSizes(String platform, long compressedBytes, long uncompressedBytes) {}
