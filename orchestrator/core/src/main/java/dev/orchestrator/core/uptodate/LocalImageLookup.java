package dev.orchestrator.core.uptodate;

import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.engine.LabelledImage;
import dev.orchestrator.core.hash.ServiceInputs;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An image in the local engine whose input-hash label has the hash: what a loading build made. The
 * engine is asked once, for every image with the label (one listing, however many services), and
 * every look-up is answered from that listing; so one instance serves one build, whose own builds
 * come after the look-ups of the services they build.
 */
public final class LocalImageLookup implements ImageLookup {
  /** The label every build puts on its image. */
  public static final String LABEL = "dev.orchestrator.input-hash";

  private final Engine engine;
  // Normalized reference -> the label's value; listed on the first look-up.
  private Map<String, String> labels;

  public LocalImageLookup(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Lookup find(String reference, String inputHash) {
    if (!engine.online()) {
      return Lookup.missing("no local engine to look in");
    }
    return decide(reference, Optional.ofNullable(listing().get(normalize(reference))), inputHash);
  }

  /** Pure: what the label found on {@code reference} (if any) says about {@code inputHash}. */
  static Lookup decide(String reference, Optional<String> label, String inputHash) {
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

  private synchronized Map<String, String> listing() {
    if (labels == null) {
      Map<String, String> found = new HashMap<>();
      for (LabelledImage image : engine.imagesLabelled(LABEL)) {
        image.references().forEach(r -> found.put(normalize(r), image.value()));
      }
      labels = found;
    }
    return labels;
  }

  /**
   * The engine lists Docker Hub names short ({@code name:tag}, not {@code
   * docker.io/library/name:tag}) and every reference with its tag: both sides are compared in that
   * form.
   */
  static String normalize(String reference) {
    String r = reference;
    if (r.startsWith("docker.io/")) {
      r = r.substring("docker.io/".length());
    }
    if (r.startsWith("library/") && r.indexOf('/', "library/".length()) < 0) {
      r = r.substring("library/".length());
    }
    int slash = r.lastIndexOf('/');
    boolean tagged = r.indexOf(':', slash + 1) >= 0 || r.contains("@");
    return tagged ? r : r + ":latest";
  }
}
