package dev.orchestrator.core.uptodate;

import dev.orchestrator.core.hash.ServiceInputs;
import dev.orchestrator.core.registry.RegistryClient;

/**
 * An image in the registry under its hash tag ({@link HashTag}): one manifest {@code HEAD}, no
 * pull. The tag is only ever written for an image of that hash, so its presence is the answer.
 */
public final class RegistryImageLookup implements ImageLookup {
  private final RegistryClient client;

  public RegistryImageLookup(RegistryClient client) {
    this.client = client;
  }

  /**
   * @throws dev.orchestrator.core.error.EnvironmentException when the registry refuses the
   *     configured credentials: a wrong password must stop the build, not make it rebuild
   */
  @Override
  public Lookup find(String reference, String inputHash) {
    RegistryClient.Answer answer = client.head(reference);
    return answer.found()
        ? Lookup.found(
            "image "
                + reference
                + " has input hash "
                + ServiceInputs.shortHash(inputHash)
                + " (registry"
                + answer.digest().map(d -> ", " + d).orElse("")
                + ")",
            answer.digest())
        : Lookup.missing("registry: no " + reference + " (" + answer.detail() + ")");
  }
}
