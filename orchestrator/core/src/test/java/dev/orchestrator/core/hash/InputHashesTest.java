package dev.orchestrator.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.process.SystemCommandRunner;
import dev.orchestrator.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input hashes on a small repository on disk: base <- app, and a lone service. */
class InputHashesTest {
  private static final String AMD = "linux/amd64";

  @TempDir Path root;

  @BeforeEach
  void writeRepository() {
    write("services/base/Dockerfile", "FROM scratch\nCOPY . /\n");
    write("services/base/base.txt", "base\n");
    write("services/app/Dockerfile", "FROM base\nCOPY . /app\n");
    write("services/app/.dockerignore", "*.log\n");
    write("services/app/src/main.sh", "echo hi\n");
    write("services/lone/Dockerfile", "FROM scratch\n");
  }

  private String hash(String service) {
    return hash(service, AMD, root);
  }

  private static String hash(String service, String platform, Path root) {
    Workspace w = Workspace.load(root, SystemCommandRunner.inheritingEnvironment());
    try (InputHashes hashes =
        new InputHashes(
            new InputHasher(root, FileHashCache.load(null), InputHasher.noExtraInputs()),
            w.graph(),
            w.repository().byName())) {
      return hashes.platformHash(service, platform);
    }
  }

  @Test
  void theSameInputsGiveTheSameHash() {
    assertThat(hash("app")).isEqualTo(hash("app")).hasSize(64);
  }

  @Test
  void aContextFileChangeChangesTheHash() {
    String before = hash("app");
    write("services/app/src/main.sh", "echo bye\n");
    assertThat(hash("app")).isNotEqualTo(before);
  }

  @Test
  void aNewFileARenameAndTheExecutableBitEachChangeTheHash() throws IOException {
    String before = hash("app");
    write("services/app/src/other.sh", "x");
    String added = hash("app");
    assertThat(added).isNotEqualTo(before);
    Files.move(
        root.resolve("services/app/src/other.sh"), root.resolve("services/app/src/renamed.sh"));
    String renamed = hash("app");
    assertThat(renamed).isNotEqualTo(added);
    Files.setPosixFilePermissions(
        root.resolve("services/app/src/renamed.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(hash("app")).isNotEqualTo(renamed);
  }

  @Test
  void theDockerfileBuildArgsTargetAndPlatformEachChangeTheHash() {
    String before = hash("lone");
    write("services/lone/Dockerfile", "FROM scratch\nLABEL x=y\n");
    String dockerfile = hash("lone");
    assertThat(dockerfile).isNotEqualTo(before);
    write("services/lone/service.yaml", "args: {A: \"1\"}\n");
    String args = hash("lone");
    assertThat(args).isNotEqualTo(dockerfile);
    write("services/lone/service.yaml", "args: {A: \"2\"}\n");
    assertThat(hash("lone")).isNotEqualTo(args);
    write("services/lone/Dockerfile", "FROM scratch AS x\nLABEL x=y\n");
    String staged = hash("lone");
    write("services/lone/service.yaml", "args: {A: \"2\"}\ntarget: x\n");
    String target = hash("lone");
    assertThat(target).isNotEqualTo(staged);
    assertThat(hash("lone", "linux/arm64", root)).isNotEqualTo(target);
  }

  @Test
  void ignoredFilesDoNotCountButTheIgnoreFileDoes() {
    String before = hash("app");
    write("services/app/debug.log", "noise");
    assertThat(hash("app")).isEqualTo(before);
    write("services/app/.dockerignore", "*.log\n*.tmp\n");
    assertThat(hash("app")).isNotEqualTo(before);
  }

  @Test
  void aDockerfileSpecificIgnoreFileTakesPrecedence() {
    write("services/app/Dockerfile.dockerignore", "src\n");
    String before = hash("app");
    write("services/app/src/main.sh", "changed but ignored\n");
    assertThat(hash("app")).isEqualTo(before);
  }

  @Test
  void fileOrderAndTheFileHashCacheDoNotMatter(@TempDir Path other) throws IOException {
    // The same files written in another order, into another root, hash alike.
    write(other, "services/lone/Dockerfile", "FROM scratch\n");
    write(other, "services/app/src/main.sh", "echo hi\n");
    write(other, "services/app/.dockerignore", "*.log\n");
    write(other, "services/app/Dockerfile", "FROM base\nCOPY . /app\n");
    write(other, "services/base/base.txt", "base\n");
    write(other, "services/base/Dockerfile", "FROM scratch\nCOPY . /\n");
    assertThat(hash("app", AMD, other)).isEqualTo(hash("app"));

    Path store = root.resolve(".cache/orchestrator/file-hashes.tsv");
    Workspace w = Workspace.load(root, SystemCommandRunner.inheritingEnvironment());
    Files.setLastModifiedTime(
        root.resolve("services/app/src/main.sh"),
        java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    String first;
    try (InputHashes h =
        new InputHashes(
            new InputHasher(root, FileHashCache.load(store), InputHasher.noExtraInputs()),
            w.graph(),
            w.repository().byName())) {
      first = h.platformHash("app", AMD);
      h.save();
    }
    assertThat(store).exists();
    try (InputHashes h =
        new InputHashes(
            new InputHasher(root, FileHashCache.load(store), InputHasher.noExtraInputs()),
            w.graph(),
            w.repository().byName())) {
      assertThat(h.platformHash("app", AMD)).isEqualTo(first);
    }
  }

  @Test
  void aPreparedBaseChangesTheHashOfADependentAskedForBeforeThePreparation() {
    Workspace w = Workspace.load(root, SystemCommandRunner.inheritingEnvironment());
    try (InputHashes hashes =
        new InputHashes(
            new InputHasher(root, FileHashCache.load(null), InputHasher.noExtraInputs()),
            w.graph(),
            w.repository().byName())) {
      String appBefore = hashes.platformHash("app", AMD);
      String loneBefore = hashes.platformHash("lone", AMD);
      // base's preparation writes a file into its context, then says so.
      write("services/base/prepared.tar", "made by prepare\n");
      hashes.forget("base");

      assertThat(hashes.platformHash("app", AMD))
          .isNotEqualTo(appBefore)
          .isEqualTo(hash("app"))
          .as("as a later build, reading the prepared files afresh, finds it");
      assertThat(hashes.platformHash("lone", AMD)).isEqualTo(loneBefore);
    }
  }

  @Test
  void aDependencyChangePropagatesToItsDependentsOnly() {
    String app = hash("app");
    String lone = hash("lone");
    write("services/base/base.txt", "base v2\n");
    assertThat(hash("app")).isNotEqualTo(app);
    assertThat(hash("lone")).isEqualTo(lone);
  }

  @Test
  void extraInputFoldersCountWithoutTheirBuildOutput() {
    write("libs/api/src/Api.java", "class Api {}");
    write("libs/api/target/api.jar", "jar v1");
    Workspace w = Workspace.load(root, SystemCommandRunner.inheritingEnvironment());
    Path lib = root.resolve("libs/api");
    java.util.function.Supplier<String> hash =
        () -> {
          try (InputHashes h =
              new InputHashes(
                  new InputHasher(
                      root,
                      FileHashCache.load(null),
                      s -> s.name().equals("app") ? List.of(lib) : List.of()),
                  w.graph(),
                  w.repository().byName())) {
            return h.platformHash("app", AMD);
          }
        };
    String before = hash.get();
    write("libs/api/target/api.jar", "jar v2");
    assertThat(hash.get()).isEqualTo(before);
    write("libs/api/src/Api.java", "class Api { int x; }");
    assertThat(hash.get()).isNotEqualTo(before);
  }

  @Test
  void theImageHashCoversEveryPlatformInNameOrder() {
    Map<String, String> a = new java.util.LinkedHashMap<>();
    a.put("linux/arm64", "1");
    a.put("linux/amd64", "2");
    Map<String, String> b = new java.util.LinkedHashMap<>();
    b.put("linux/amd64", "2");
    b.put("linux/arm64", "1");
    assertThat(InputHashes.invocationHash(a))
        .isEqualTo(InputHashes.invocationHash(b))
        .isNotEqualTo(InputHashes.invocationHash(Map.of("linux/amd64", "2")));
  }

  @Test
  void aSocketInTheContextIsRefusedNamingItAndTheIgnoreFile() throws IOException {
    Path socket = root.resolve("services/app/src/dev.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));

      ConfigurationException e =
          catchThrowableOfType(ConfigurationException.class, () -> hash("app"));

      assertThat(e.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.file()).isEqualTo(socket));
      assertThat(e.problems().get(0).message()).startsWith("is a socket").contains(".dockerignore");
    }
  }

  @Test
  void aFifoInTheContextIsRefusedWithinASecondNamingItNotOpened() {
    Path fifo = mkfifo("services/app/src/events");

    ConfigurationException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(1),
            () -> catchThrowableOfType(ConfigurationException.class, () -> hash("app")));

    assertThat(e.problems())
        .containsExactly(
            Problem.inFile(
                fifo,
                "is a named pipe (FIFO), which cannot go into an image: remove it, or list it in"
                    + " the service's .dockerignore"));
  }

  @Test
  void aFifoTheIgnoreFileExcludesIsNeverLookedAt() {
    String before = hash("app");
    mkfifo("services/app/events.log");

    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(1), () -> hash("app")))
        .isEqualTo(before);
  }

  @Test
  void aChmodChangesTheHashThoughTheFileHashCacheKnowsTheFile() throws IOException {
    // The file is old enough to be cached; chmod changes its ctime, not its size or mtime.
    Path file = root.resolve("services/app/src/main.sh");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
    Path store = root.resolve(".cache/orchestrator/file-hashes.tsv");
    String before = hash("app", store);
    assertThat(store).content().contains(file.toString());

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    String chmodded = hash("app", store);
    assertThat(chmodded).isNotEqualTo(before);

    // Beyond rwx: BuildKit keeps setuid, setgid and sticky too.
    Files.setAttribute(file, "unix:mode", 04600);
    String setuid = hash("app", store);
    assertThat(setuid).isNotEqualTo(chmodded);

    // And a folder's mode.
    Files.setPosixFilePermissions(
        root.resolve("services/app/src"), PosixFilePermissions.fromString("rwx------"));
    assertThat(hash("app", store)).isNotEqualTo(setuid);
  }

  @Test
  void aLinkNamedWithAnArrowNoLongerCollidesWithALinkPointingAtOne(@TempDir Path other)
      throws IOException {
    // "x -> y" pointing at "z" was hashed as "L x -> y -> z", like "x" pointing at "y -> z".
    copyRepository(root, other);
    Files.createSymbolicLink(root.resolve("services/app/src/x -> y"), Path.of("z"));
    Files.createSymbolicLink(other.resolve("services/app/src/x"), Path.of("y -> z"));

    assertThat(hash("app", AMD, root)).isNotEqualTo(hash("app", AMD, other));
  }

  @Test
  void aFileNamedLikeALineOfAnotherTreeDoesNotCollideWithIt(@TempDir Path other)
      throws IOException {
    // A newline in a name must not let one entry pass for two.
    copyRepository(root, other);
    write(root, "services/app/src/a\nF b", "");
    write(other, "services/app/src/a", "");
    write(other, "services/app/src/b", "");

    assertThat(hash("app", AMD, root)).isNotEqualTo(hash("app", AMD, other));
  }

  @Test
  void theFormatVersionIsPartOfWhatIsHashed() {
    assertThat(InputHasher.FORMAT).isEqualTo("orchestrator-input-hash v2");
    assertThat(InputHashes.invocationHash(Map.of("linux/amd64", "2")))
        .isEqualTo(
            FileHashCache.sha256("orchestrator-input-hash v2 invocation\n11:linux/amd64 2\n"));
  }

  @Test
  void anIgnoreFileThatIsNotUtf8IsTheUsersFileAtFault() throws IOException {
    Path ignore = root.resolve("services/app/.dockerignore");
    Files.write(ignore, new byte[] {'*', '.', 'l', 'o', 'g', '\n', (byte) 0xff, '\n'});

    ConfigurationException e =
        catchThrowableOfType(ConfigurationException.class, () -> hash("app"));

    assertThat(e.problems()).containsExactly(Problem.inFile(ignore, "is not UTF-8 text"));
  }

  @Test
  void aFolderWhereAFileIsHashedIsTheMachinesState() {
    Path folder = root.resolve("services/app/src");

    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class, () -> FileHashCache.load(null).sha256(folder, 0, 0));

    assertThat(e).hasMessage("cannot read " + folder + ": is a directory");
    assertThat(e.remedy()).startsWith(folder + " is a folder where a file is expected");
  }

  private String hash(String service, Path store) {
    Workspace w = Workspace.load(root, SystemCommandRunner.inheritingEnvironment());
    try (InputHashes h =
        new InputHashes(
            new InputHasher(root, FileHashCache.load(store), InputHasher.noExtraInputs()),
            w.graph(),
            w.repository().byName())) {
      String hash = h.platformHash(service, AMD);
      h.save();
      return hash;
    }
  }

  private Path mkfifo(String relative) {
    Path fifo = root.resolve(relative);
    try {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
      assertThat(p.waitFor()).as("mkfifo " + fifo).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return fifo;
  }

  /** The repository's files, written into another root: the same inputs elsewhere. */
  private static void copyRepository(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        write(to, from.relativize(p).toString(), Files.readString(p));
      }
    }
  }

  private void write(String relative, String content) {
    write(root, relative, content);
  }

  private static void write(Path root, String relative, String content) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
