package dev.orchestrator.core.lint;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.ImageReference;
import dev.orchestrator.core.graph.GraphBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code base-not-pinned} and {@code latest-tag}: every external image the Dockerfile pulls ({@code
 * FROM}, {@code COPY --from}, {@code RUN --mount from=}), in any stage, since a builder stage's
 * base goes into the image as surely as the final one's. In-repo services, {@code scratch} and the
 * file's own stages are not external; a reference still holding {@code $} after substitution is
 * left alone, as the external-base check leaves it.
 */
final class ExternalImages {
  private ExternalImages() {}

  static List<Finding.Draft> check(Service service, Map<String, Service> all) {
    List<Finding.Draft> found = new ArrayList<>();
    for (ImageReference ref : service.dockerfileInfo().references()) {
      String image = ref.image();
      if (image.contains("$") || GraphBuilder.isInRepo(service, image, all)) {
        continue;
      }
      String how = how(ref.kind());
      boolean pinned = image.contains("@");
      if (!pinned) {
        found.add(
            new Finding.Draft(
                Rule.BASE_NOT_PINNED,
                ref.line(),
                how + " '" + image + "' is not pinned by digest, so its content can change"));
        Optional<String> tag = tag(image);
        if (tag.isEmpty()) {
          found.add(
              new Finding.Draft(
                  Rule.LATEST_TAG,
                  ref.line(),
                  how + " '" + image + "' has no tag, which means latest"));
        } else if (tag.get().equals("latest")) {
          found.add(
              new Finding.Draft(
                  Rule.LATEST_TAG, ref.line(), how + " '" + image + "' is tagged latest"));
        }
      }
    }
    return found;
  }

  /** The tag of a reference without digest: after the last ':' that follows the last '/'. */
  static Optional<String> tag(String image) {
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/')
        ? Optional.of(image.substring(colon + 1))
        : Optional.empty();
  }

  private static String how(ImageReference.Kind kind) {
    return switch (kind) {
      case FROM -> "FROM";
      case COPY_FROM -> "COPY --from";
      case MOUNT_FROM -> "RUN --mount from=";
    };
  }
}
