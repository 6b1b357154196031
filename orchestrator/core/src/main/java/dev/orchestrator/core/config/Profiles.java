package dev.orchestrator.core.config;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The profiles of one repository: the built-in ones ({@code local}, {@code ci-amd64}, {@code
 * ci-arm64}, {@code ci}, {@code release}) and the files in its profiles folder. A file named like a
 * built-in profile overrides it key by key (a {@code cache} section without {@code type}, key by
 * key too); {@code inherit: false} in the file makes it the whole profile instead. A file of any
 * other name is a profile of its own, over the keys' defaults.
 */
public final class Profiles {
  private static final String SUFFIX = ".yaml";
  private final Path dir;

  private Profiles(Path dir) {
    this.dir = dir;
  }

  /**
   * @param profilesDir the repository's profiles folder; it need not exist
   */
  public static Profiles in(Path profilesDir) {
    return new Profiles(profilesDir);
  }

  /** The names of the built-in profiles, sorted. */
  public static List<String> builtInNames() {
    return BuiltInProfiles.NAMES;
  }

  /** The YAML a built-in profile ships as, for {@code orchestrator init --profiles}. */
  public static Optional<String> builtInText(String name) {
    return BuiltInProfiles.text(name);
  }

  /** Every profile name, built-in or from a file, sorted. */
  public List<String> names() {
    TreeSet<String> names = new TreeSet<>(BuiltInProfiles.NAMES);
    names.addAll(ProfileReader.fileNames(dir));
    return List.copyOf(names);
  }

  /**
   * The profile called {@code name}, with its registry settled.
   *
   * @param registry the registry given on the command line or by {@code ORCHESTRATOR_REGISTRY}: it
   *     replaces the profile's own for a profile whose images or cache go to a registry
   * @throws ConfigurationException when there is no such profile (listing those there are), it is
   *     invalid, or it pushes with no registry from anywhere
   */
  public Profile resolve(String name, Optional<String> registry) {
    return ProfileReader.complete(layer(name), registry);
  }

  /**
   * Profile {@code name} as written, its registry not settled: for verbs that name a profile
   * without building or pushing with it ({@code plan}, {@code matrix}), where a missing registry is
   * no error.
   *
   * @throws ConfigurationException as {@link #resolve} does, registry aside
   */
  public Profile written(String name) {
    return layer(name).profile();
  }

  /** Where each profile comes from, by name. */
  public List<ProfileOrigin> origins() {
    return names().stream()
        .map(
            name -> {
              ProfileReader.Layer layer = layer(name);
              Optional<Path> file = fileOf(name);
              boolean builtIn = BuiltInProfiles.NAMES.contains(name);
              ProfileOrigin.Kind kind =
                  file.isEmpty()
                      ? ProfileOrigin.Kind.BUILT_IN
                      : builtIn && layer.overBuiltIn()
                          ? ProfileOrigin.Kind.OVERRIDDEN
                          : builtIn ? ProfileOrigin.Kind.REPLACED : ProfileOrigin.Kind.FILE;
              List<String> keys =
                  kind == ProfileOrigin.Kind.OVERRIDDEN
                      ? layer.lines().keySet().stream()
                          .filter(k -> !k.equals("description") && !k.contains("."))
                          .filter(k -> !k.equals("inherit"))
                          .toList()
                      : List.of();
              Optional<String> description =
                  layer
                      .description()
                      .or(() -> BuiltInProfiles.layer(name).flatMap(l -> l.description()));
              return new ProfileOrigin(name, kind, file, keys, description.orElse(""));
            })
        .toList();
  }

  private ProfileReader.Layer layer(String name) {
    Optional<Path> file = fileOf(name);
    Optional<ProfileReader.Layer> builtIn = BuiltInProfiles.layer(name);
    if (file.isEmpty()) {
      return builtIn.orElseThrow(
          () ->
              new ConfigurationException(
                  Problem.inFile(
                      dir,
                      "unknown profile '" + name + "'; available: " + String.join(", ", names()))));
    }
    return ProfileReader.layer(file.get(), name, Optional.empty(), builtIn.map(l -> l.profile()));
  }

  /** The file of profile {@code name}, if the folder has one; a folder of that name is an error. */
  private Optional<Path> fileOf(String name) {
    // The name check also keeps a name such as ../x from reaching outside the folder.
    if (!Form.PROFILE_NAME.accepts(name)) {
      return Optional.empty();
    }
    Path file = dir.resolve(name + SUFFIX);
    if (Files.isDirectory(file)) {
      throw new ConfigurationException(Problem.inFile(file, "is a folder, not a file"));
    }
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
