package dev.orchestrator.core.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The exact {@code docker buildx bake} argument list for one batch. Pure. */
public final class BakeCommand {
  private BakeCommand() {}

  /**
   * @param builder the named builder of the batch's platforms, if the profile names one
   * @param definition the JSON definition file ({@link BakeDefinition})
   * @param metadataFile where bake writes each target's digest (only when every target succeeded)
   */
  public static List<String> argv(Optional<String> builder, Path definition, Path metadataFile) {
    List<String> argv = new ArrayList<>(List.of("docker", "buildx", "bake"));
    builder.ifPresent(b -> argv.addAll(List.of("--builder", b)));
    argv.addAll(List.of("--file", definition.toString()));
    // rawjson names every vertex after each target that solves it (plain shows a shared vertex
    // under one target only): per-target results and cache use come from it (BakeRawProgress).
    argv.add("--progress=rawjson");
    argv.addAll(List.of("--metadata-file", metadataFile.toString()));
    return List.copyOf(argv);
  }
}
