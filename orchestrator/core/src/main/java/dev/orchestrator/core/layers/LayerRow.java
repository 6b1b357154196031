package dev.orchestrator.core.layers;

/** One row of the layer table: a layer and where the last build took it from. */
public record LayerRow(Layer layer, LayerCache cache) {}
