package dev.orchestrator.core.hash;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Hashes what a service's image is made from ({@link ServiceInputs}), reading files on a pool of
 * threads and skipping files whose size and modification time the {@link FileHashCache} knows.
 *
 * <p>Profile settings are left out on purpose: output, registry, namespace and tag name the image
 * but do not change its content, and the cache only changes how fast it is built. What another
 * in-repo image contributes enters through its own input hash (see {@link InputHashes}).
 */
public final class InputHasher implements AutoCloseable {
  /**
   * Changes whenever what goes into a hash changes, so that labels and index entries written by an
   * older version are never taken for a match. v2: full permission bits, length-prefixed paths and
   * link targets, special files refused.
   */
  static final String FORMAT = "orchestrator-input-hash v2";

  private final FileHashCache files;
  private final Function<Service, List<Path>> extraInputs;
  private final Predicate<Service> builtByMaven;
  private final Path root;
  private final ExecutorService pool;

  /**
   * @param extraInputs folders outside the build context that a service's image depends on anyway,
   *     such as the Maven modules whose jars it copies; their files count like context files
   *     (folders named {@code target} and {@code .git} left out)
   */
  public InputHasher(Path root, FileHashCache files, Function<Service, List<Path>> extraInputs) {
    this(root, files, extraInputs, s -> false);
  }

  /**
   * @param builtByMaven services whose folder is a Maven module: Maven writes their {@code
   *     target/}, so what is hashed is what Maven builds from (sources, POM and parent POMs), never
   *     the jar, which a repackaging plugin makes different on every build
   */
  public InputHasher(
      Path root,
      FileHashCache files,
      Function<Service, List<Path>> extraInputs,
      Predicate<Service> builtByMaven) {
    this.root = root;
    this.files = files;
    this.extraInputs = extraInputs;
    this.builtByMaven = builtByMaven;
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "hash");
              t.setDaemon(true);
              return t;
            });
  }

  public static Function<Service, List<Path>> noExtraInputs() {
    return s -> List.of();
  }

  /**
   * @throws ConfigurationException when the service's ignore file is not UTF-8 text or not valid
   * @throws dev.orchestrator.core.error.EnvironmentException when a file or folder it is made from
   *     cannot be read
   */
  public ServiceInputs inputs(Service service) {
    Path ignoreFile = ignoreFile(service);
    DockerIgnore ignore = DockerIgnore.NONE;
    String ignoreText = "";
    if (ignoreFile != null) {
      ignoreText = readString(ignoreFile);
      try {
        ignore = DockerIgnore.parse(ignoreText);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(Problem.inFile(ignoreFile, e.getMessage()));
      }
    }
    List<ContextFiles.Entry> sent = ContextFiles.list(service.context(), ignore);
    boolean maven = builtByMaven.test(service);
    String context = treeHash(maven ? withoutBuildOutputs(sent) : sent);
    Map<String, String> extra = new TreeMap<>();
    for (Path folder : extraInputs.apply(service)) {
      extra.put(relative(folder), treeHash(ContextFiles.list(folder, BUILD_OUTPUTS)));
    }
    if (maven) {
      for (Path pom : parentPoms(service.directory())) {
        extra.put(relative(pom), FileHashCache.read(pom));
      }
    }
    String dockerfileHash = FileHashCache.read(service.dockerfile());
    String ignoreHash = FileHashCache.sha256(ignoreText);
    StringBuilder all = new StringBuilder(FORMAT).append('\n');
    all.append("context ").append(context).append('\n');
    all.append("dockerfile ").append(dockerfileHash).append('\n');
    all.append("ignore ").append(ignoreFile == null ? "-" : ignoreHash).append('\n');
    new TreeMap<>(service.descriptor().args())
        .forEach(
            (k, v) -> all.append("arg ").append(k).append('=').append(v).append('\0').append('\n'));
    all.append("target ").append(service.descriptor().target().orElse("")).append('\n');
    extra.forEach((f, h) -> all.append("extra ").append(f).append(' ').append(h).append('\n'));
    return new ServiceInputs(
        service.name(),
        sent.size(),
        context,
        relative(service.dockerfile()),
        dockerfileHash,
        Optional.ofNullable(ignoreFile).map(this::relative),
        ignoreHash,
        service.descriptor().args(),
        service.descriptor().target(),
        extra,
        FileHashCache.sha256(all.toString()));
  }

  /**
   * The files and folders {@link #inputs} reads for a service, and its {@code service.yaml}: what
   * {@code git log -- PATHS} asks about for its {@code SOURCE_DATE_EPOCH}. Folders are whole, so a
   * commit touching only an ignored file in the context counts too.
   */
  public List<Path> inputPaths(Service service) {
    java.util.Set<Path> paths = new java.util.LinkedHashSet<>();
    paths.add(service.context());
    paths.add(service.dockerfile());
    Optional.ofNullable(ignoreFile(service)).ifPresent(paths::add);
    Optional.ofNullable(service.descriptor().file()).ifPresent(paths::add);
    paths.addAll(extraInputs.apply(service));
    if (builtByMaven.test(service)) {
      paths.addAll(parentPoms(service.directory()));
    }
    return List.copyOf(paths);
  }

  /**
   * A Maven module's context without what Maven writes: {@code target/} folders at any depth (the
   * jar among them). Everything else Maven reads (sources, the module's POM) stays.
   */
  static List<ContextFiles.Entry> withoutBuildOutputs(List<ContextFiles.Entry> entries) {
    return entries.stream()
        .filter(
            e -> {
              String p = e.path();
              return !(p.equals("target")
                  || p.startsWith("target/")
                  || p.contains("/target/")
                  || p.endsWith("/target"));
            })
        .toList();
  }

  /**
   * The POM files of the folders above a module, up to the repository root: its parent POMs
   * (Maven's default {@code ../pom.xml} chain) and the aggregators, whose changes (a dependency
   * version, a plugin setting) change the jar.
   */
  List<Path> parentPoms(Path moduleDirectory) {
    List<Path> poms = new ArrayList<>();
    Path top = root.toAbsolutePath().normalize();
    Path dir = moduleDirectory.toAbsolutePath().normalize().getParent();
    while (dir != null && dir.startsWith(top)) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)) {
        poms.add(pom);
      }
      dir = dir.getParent();
    }
    return poms;
  }

  private static final DockerIgnore BUILD_OUTPUTS =
      DockerIgnore.of(List.of("**/target", "**/.git"));

  /**
   * The ignore file BuildKit uses: {@code <Dockerfile name>.dockerignore} beside the Dockerfile if
   * there is one, else {@code .dockerignore} at the context root; null when neither exists.
   */
  static Path ignoreFile(Service service) {
    Path specific =
        service.dockerfile().resolveSibling(service.dockerfile().getFileName() + ".dockerignore");
    if (Files.isRegularFile(specific)) {
      return specific;
    }
    Path plain = service.context().resolve(".dockerignore");
    return Files.isRegularFile(plain) ? plain : null;
  }

  /**
   * SHA-256 over the sorted entries, one line each: kind, permission bits (octal), path, and the
   * content hash or link target. Paths and targets are {@linkplain #field length-prefixed}, since
   * either may hold {@code " -> "}, a space or a newline; so no two different trees give the same
   * text.
   *
   * <p>The mode is in the line, not in the cached content hash: {@code chmod} changes a file's
   * ctime, not the size and mtime the {@link FileHashCache} goes by, and the mode is read afresh on
   * every walk.
   *
   * <p>Ownership is left out on purpose: the BuildKit client sends every local folder with uid and
   * gid reset to 0 (the {@code resetUIDAndGID} map in its {@code prepareSyncedDirs}), so a context
   * file's owner never reaches the builder; {@code COPY}/{@code ADD} make files root's unless
   * {@code --chown}, and that flag is in the Dockerfile, which is hashed. Modification times are
   * left out as BuildKit's own cache checksum leaves them out.
   */
  private String treeHash(List<ContextFiles.Entry> entries) {
    List<Future<String>> contents = new ArrayList<>(entries.size());
    for (ContextFiles.Entry e : entries) {
      contents.add(
          e.kind() == ContextFiles.Kind.FILE
              ? pool.submit(() -> files.sha256(e.file(), e.size(), e.modifiedNanos()))
              : null);
    }
    MessageDigest digest = FileHashCache.sha256();
    try {
      for (int i = 0; i < entries.size(); i++) {
        ContextFiles.Entry e = entries.get(i);
        String line =
            switch (e.kind()) {
              case DIRECTORY -> "D " + mode(e) + " " + field(e.path());
              case SYMLINK ->
                  "L " + mode(e) + " " + field(e.path()) + " " + field(linkTarget(e.file()));
              case FILE -> "F " + mode(e) + " " + field(e.path()) + " " + contents.get(i).get();
            };
        digest.update((line + "\0").getBytes(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      // Only closing the input hashes interrupts a hashing thread, and then no one waits for it.
      Thread.currentThread().interrupt();
      throw new OrchestratorBug("hashing was interrupted while its result was still wanted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new OrchestratorBug(
          "hashing a file failed: " + OrchestratorBug.describe(e.getCause()), e.getCause());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * A field of a hash line that may hold any character: its length in UTF-8 bytes, a colon, and the
   * text, so that where it ends is never a matter of what it contains.
   */
  static String field(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length + ":" + text;
  }

  private static String mode(ContextFiles.Entry e) {
    return String.format("%04o", e.mode());
  }

  /** What a symbolic link in a build context points to (BuildKit sends the link, not its file). */
  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw FileErrors.environment("read the symbolic link", link, e, "");
    }
  }

  private String relative(Path p) {
    return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
  }

  /** An ignore file's text; like the other files a user writes, it must be UTF-8. */
  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new ConfigurationException(Problem.inFile(file, "is not UTF-8 text"));
    } catch (IOException e) {
      throw FileErrors.environment("read", file, e, "");
    }
  }

  /** Remembers what was learned about files for the next run. */
  public void saveCache() {
    files.save();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
