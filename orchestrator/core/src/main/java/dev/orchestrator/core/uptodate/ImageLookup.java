package dev.orchestrator.core.uptodate;

/**
 * Where an image with a service's input hash may already be: the local engine ({@link
 * LocalImageLookup}) or the profile's registry ({@link RegistryImageLookup}). Looking changes
 * nothing, so {@code --explain} and the build ask the same question.
 */
public interface ImageLookup {

  /**
   * @param reference the image to look at: the profile's local reference, or the hash tag
   * @param inputHash the full input hash the image must carry
   */
  Lookup find(String reference, String inputHash);
}
