package dev.orchestrator.core.uptodate;

import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.hash.ServiceInputs;
import java.util.Optional;

/** An image in the local engine whose input-hash label has the hash: what a loading build made. */
public final class LocalImageLookup implements ImageLookup {
  /** The label every build puts on its image. */
  public static final String LABEL = "dev.orchestrator.input-hash";

  private final Engine engine;

  public LocalImageLookup(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Lookup find(String reference, String inputHash) {
    if (!engine.online()) {
      return Lookup.missing("no local engine to look in");
    }
    Optional<String> label = engine.imageLabel(reference, LABEL);
    String wanted = ServiceInputs.shortHash(inputHash);
    if (label.isPresent() && label.get().equals(inputHash)) {
      return Lookup.found(
          "image " + reference + " has input hash " + wanted + " (local engine)", Optional.empty());
    }
    return Lookup.missing(
        label
            .map(
                l ->
                    "local engine: image "
                        + reference
                        + " has input hash "
                        + ServiceInputs.shortHash(l)
                        + ", not "
                        + wanted)
            .orElse("local engine: no image " + reference + " with an input hash label"));
  }
}
