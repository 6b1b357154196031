package dev.orchestrator.core.config;

import dev.orchestrator.core.error.OrchestratorBug;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles shipped inside the tool, as YAML resources read by the same reader as the files in
 * {@code buildx-profiles/}: so a repository without that folder still builds.
 */
final class BuiltInProfiles {
  /** Their names, sorted. */
  static final List<String> NAMES = List.of("ci", "ci-amd64", "ci-arm64", "local", "release");

  private BuiltInProfiles() {}

  /** What messages name a built-in profile by, where a file's path would be. */
  static Path path(String name) {
    return Path.of("built-in profile " + name);
  }

  /** The YAML of the built-in profile called {@code name}, if there is one. */
  static Optional<String> text(String name) {
    if (!NAMES.contains(name)) {
      return Optional.empty();
    }
    String resource = "profiles/" + name + ".yaml";
    try (InputStream in = BuiltInProfiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OrchestratorBug("the built-in profile " + resource + " is missing from the jar");
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in profile {@code name}, as shipped. */
  static Optional<ProfileReader.Layer> layer(String name) {
    // Without lines: a problem found later names the built-in profile, not a line users never see.
    return text(name)
        .map(t -> ProfileReader.layer(path(name), name, Optional.of(t), Optional.empty()))
        .map(l -> new ProfileReader.Layer(l.profile(), l.description(), Map.of(), false));
  }
}
