package dev.orchestrator.core.layers;

/**
 * One layer of an image manifest, as stored and as unpacked.
 *
 * @param digest the blob's digest ({@code sha256:…}), as the manifest names it
 * @param mediaType the descriptor's media type (gzip, zstd or an uncompressed tar)
 * @param compressedBytes the descriptor's size: the bytes stored and pushed
 * @param uncompressedBytes the bytes of the layer tar stream, unpacked
 */
public record LayerBlob(
    String digest, String mediaType, long compressedBytes, long uncompressedBytes) {}
