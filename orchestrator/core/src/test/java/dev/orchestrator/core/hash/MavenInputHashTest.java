package dev.orchestrator.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.SystemCommandRunner;
import dev.orchestrator.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven module's input hash covers what Maven builds from (its sources, its POM and the parent
 * POMs, the library modules it uses) and never what Maven writes ({@code target/}, the jar).
 */
class MavenInputHashTest {
  @TempDir Path root;

  @BeforeEach
  void writeReactor() {
    write(
        "pom.xml",
        pom("parent", "pom", "<modules><module>lib</module><module>app</module></modules>", ""));
    write("lib/pom.xml", pom("lib", "jar", "", ""));
    write("lib/src/main/java/Lib.java", "class Lib {}\n");
    write(
        "app/pom.xml",
        pom(
            "app",
            "jar",
            "",
            "<dependencies><dependency><groupId>g</groupId><artifactId>lib</artifactId>"
                + "<version>1</version></dependency></dependencies>"));
    write("app/src/main/java/App.java", "class App {}\n");
    write("app/Dockerfile", "FROM scratch\nCOPY target/app.jar /app.jar\n");
    write("app/target/app.jar", "jar built at 10:00\n");
  }

  private String hash() {
    Workspace w = Workspace.load(root, SystemCommandRunner.inheritingEnvironment());
    assertThat(w.isMavenModule(w.repository().byName().get("app"))).isTrue();
    try (InputHashes hashes =
        new InputHashes(
            new InputHasher(root, FileHashCache.load(null), w::extraInputs, w::isMavenModule),
            w.graph(),
            w.repository().byName())) {
      return hashes.platformHash("app", "linux/amd64");
    }
  }

  @Test
  void aRepackagedJarLeavesTheHashAlone() {
    String before = hash();
    write("app/target/app.jar", "jar built at 10:05, same sources\n");
    write("app/target/classes/App.class", "bytes\n");
    assertThat(hash()).isEqualTo(before);
  }

  @Test
  void aSourceChangeChangesTheHash() {
    String before = hash();
    write("app/src/main/java/App.java", "class App { int x; }\n");
    assertThat(hash()).isNotEqualTo(before);
  }

  @Test
  void aChangeInALibraryModuleItUsesChangesTheHash() {
    String before = hash();
    write("lib/src/main/java/Lib.java", "class Lib { int y; }\n");
    assertThat(hash()).isNotEqualTo(before);
  }

  @Test
  void aLibrarysTargetFolderLeavesTheHashAlone() {
    String before = hash();
    write("lib/target/lib.jar", "rebuilt\n");
    assertThat(hash()).isEqualTo(before);
  }

  @Test
  void theModulesPomAndTheParentPomChangeTheHash() {
    String before = hash();
    write("app/pom.xml", pom("app", "jar", "", "<!-- a plugin setting -->"));
    String afterModulePom = hash();
    assertThat(afterModulePom).isNotEqualTo(before);
    write(
        "pom.xml",
        pom(
            "parent",
            "pom",
            "<modules><module>lib</module><module>app</module></modules>",
            "<properties><java.version>21</java.version></properties>"));
    assertThat(hash()).isNotEqualTo(afterModulePom);
  }

  private static String pom(String artifact, String packaging, String modules, String extra) {
    String parent =
        artifact.equals("parent")
            ? ""
            : "<parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version></parent>";
    return "<project><modelVersion>4.0.0</modelVersion>"
        + parent
        + "<groupId>g</groupId><artifactId>"
        + artifact
        + "</artifactId><version>1</version><packaging>"
        + packaging
        + "</packaging>"
        + modules
        + extra
        + "</project>\n";
  }

  private void write(String relative, String content) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
