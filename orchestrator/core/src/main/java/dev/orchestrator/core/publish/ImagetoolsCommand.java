package dev.orchestrator.core.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact {@code docker buildx imagetools create} argument list that joins per-platform images,
 * pushed by digest, into one tagged multi-platform index. Pure.
 */
public final class ImagetoolsCommand {
  private ImagetoolsCommand() {}

  /**
   * @param tags full references to tag, such as {@code 127.0.0.1:5000/monorepo/base:1.4.2}
   * @param annotations index annotations (without the {@code index:} prefix), in name order
   * @param sources one {@code repository@sha256:…} per platform
   */
  public static List<String> argv(
      List<String> tags, Map<String, String> annotations, List<String> sources) {
    if (tags.isEmpty() || sources.isEmpty()) {
      throw new IllegalArgumentException("a merge needs at least one tag and one source");
    }
    List<String> argv = new ArrayList<>(List.of("docker", "buildx", "imagetools", "create"));
    tags.forEach(t -> argv.addAll(List.of("--tag", t)));
    new TreeMap<>(annotations)
        .forEach((k, v) -> argv.addAll(List.of("--annotation", "index:" + k + "=" + v)));
    argv.addAll(sources);
    return List.copyOf(argv);
  }
}
