package dev.orchestrator.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@code docker buildx inspect}'s answer depends on that can be read without running it:
 * the engine (its ID and version), the variables that choose the context and builder, the docker
 * CLI and buildx binaries, the CLI's configuration and buildx's builder records, and the emulators
 * registered with binfmt_misc. Two runs with the same fingerprint ask the same builder, whose
 * answer is the same; reading all of it takes about a millisecond.
 */
final class BuilderFingerprint {
  private static final List<String> VARIABLES =
      List.of(
          "DOCKER_HOST",
          "DOCKER_CONTEXT",
          "DOCKER_CONFIG",
          "DOCKER_TLS_VERIFY",
          "DOCKER_CERT_PATH",
          "BUILDX_BUILDER",
          "BUILDX_CONFIG");

  // Where the docker CLI looks for plugins, after the configuration folder's cli-plugins.
  private static final List<String> PLUGIN_FOLDERS =
      List.of(
          "/usr/local/lib/docker/cli-plugins",
          "/usr/local/libexec/docker/cli-plugins",
          "/usr/lib/docker/cli-plugins",
          "/usr/libexec/docker/cli-plugins");

  private final Map<String, String> environment;
  private final Path binfmt;
  private final StringBuilder text = new StringBuilder();

  private BuilderFingerprint(Map<String, String> environment, Path binfmt) {
    this.environment = environment;
    this.binfmt = binfmt;
  }

  /**
   * @param engine the engine's ID and version, from its preflight
   * @return a SHA-256 hex digest of everything listed above
   */
  static String of(Map<String, String> environment, String engine) {
    return of(environment, engine, Path.of("/proc/sys/fs/binfmt_misc"));
  }

  static String of(Map<String, String> environment, String engine, Path binfmt) {
    BuilderFingerprint f = new BuilderFingerprint(environment, binfmt);
    f.collect(engine);
    return sha256(f.text.toString());
  }

  private void collect(String engine) {
    line("engine", engine);
    Map<String, String> variables = new TreeMap<>();
    VARIABLES.forEach(v -> variables.put(v, environment.getOrDefault(v, "")));
    variables.forEach(this::line);
    Path config = configFolder();
    stamp(config.resolve("config.json"));
    folder(config.resolve("contexts"), true);
    Path buildx =
        environment.containsKey("BUILDX_CONFIG")
            ? Path.of(environment.get("BUILDX_CONFIG"))
            : config.resolve("buildx");
    // Not refs/ nor activity/: buildx writes those on every build.
    content(buildx.resolve("current"));
    folder(buildx.resolve("instances"), false);
    folder(buildx.resolve("defaults"), false);
    stamp(config.resolve("cli-plugins/docker-buildx"));
    PLUGIN_FOLDERS.forEach(p -> stamp(Path.of(p, "docker-buildx")));
    dockerOnPath();
    try {
      // Each emulator's file says whether it is enabled; register is write-only.
      sortedEntries(binfmt).stream().filter(p -> !p.endsWith("register")).forEach(this::content);
    } catch (IOException e) {
      line("binfmt", "unreadable");
    }
  }

  private Path configFolder() {
    String dockerConfig = environment.get("DOCKER_CONFIG");
    if (dockerConfig != null && !dockerConfig.isBlank()) {
      return Path.of(dockerConfig);
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".docker");
  }

  private void dockerOnPath() {
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path docker = Path.of(dir, "docker");
      if (Files.isExecutable(docker)) {
        stamp(docker);
        return;
      }
    }
    line("docker", "not on PATH");
  }

  /** A file's size and modification time (following links), or that it is absent. */
  private void stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      line(file.toString(), a.size() + " " + a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      line(file.toString(), "absent");
    }
  }

  private void content(Path file) {
    try {
      line(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      line(file.toString(), "absent");
    }
  }

  /** The entries of a folder, each stamped; with {@code deep}, those of its subfolders too. */
  private void folder(Path dir, boolean deep) {
    if (!Files.isDirectory(dir)) {
      line(dir.toString(), "absent");
      return;
    }
    List<Path> sorted;
    try {
      sorted = sortedEntries(dir);
    } catch (IOException e) {
      line(dir.toString(), "unreadable");
      return;
    }
    for (Path p : sorted) {
      if (deep && Files.isDirectory(p)) {
        folder(p, true);
      } else {
        stamp(p);
      }
    }
  }

  /** A folder's entries in name order, so that the fingerprint does not depend on listing order. */
  private static List<Path> sortedEntries(Path dir) throws IOException {
    List<Path> sorted = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.forEach(sorted::add);
    }
    sorted.sort(null);
    return sorted;
  }

  private void line(String key, String value) {
    text.append(key).append('\t').append(value.replace("\n", "\\n")).append('\n');
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
