package dev.orchestrator.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BuildKit's documented .dockerignore semantics (moby/patternmatcher, fsutil's walker). */
class DockerIgnoreTest {

  private static boolean excluded(String path, String... patterns) {
    return DockerIgnore.of(List.of(patterns)).excludes(path);
  }

  @Test
  void aPlainNameMatchesThatPathAndEverythingUnderIt() {
    assertThat(excluded("target", "target")).isTrue();
    assertThat(excluded("target/app.jar", "target")).isTrue();
    assertThat(excluded("src/target", "target")).isFalse();
  }

  @Test
  void aStarNeverCrossesASlash() {
    assertThat(excluded("a.md", "*.md")).isTrue();
    assertThat(excluded("docs/a.md", "*.md")).isFalse();
    assertThat(excluded("somedir/temporary.txt", "*/temp*")).isTrue();
    assertThat(excluded("somedir/temp", "*/temp*")).isTrue();
    assertThat(excluded("temp", "*/temp*")).isFalse();
    assertThat(excluded("a/b/temp.x", "*/*/temp*")).isTrue();
  }

  @Test
  void aQuestionMarkIsOneCharacterButNotASlash() {
    assertThat(excluded("tempa", "temp?")).isTrue();
    assertThat(excluded("temp", "temp?")).isFalse();
    assertThat(excluded("abcdef", "abc?def")).isFalse();
    assertThat(excluded("abc/def", "abc?def")).isFalse();
    assertThat(excluded("abcXdef", "abc?def")).isTrue();
  }

  @Test
  void doubleStarMatchesAnyNumberOfFoldersIncludingNone() {
    assertThat(excluded("main.go", "**/*.go")).isTrue();
    assertThat(excluded("a/b/c/main.go", "**/*.go")).isTrue();
    assertThat(excluded("main.goo", "**/*.go")).isFalse();
    assertThat(excluded("file", "**")).isTrue();
    assertThat(excluded("foo/bar", "**/foo/bar")).isTrue();
    assertThat(excluded("dir/foo/bar", "**/foo/bar")).isTrue();
    assertThat(excluded("pkg/a/b/c.go", "pkg/**/*.go")).isTrue();
    assertThat(excluded("pkg/c.go", "pkg/**/*.go")).isTrue();
    assertThat(excluded(".foo", "**/.foo")).isTrue();
    assertThat(excluded("bar.foo", "**/.foo")).isFalse();
  }

  @Test
  void aTrailingDoubleStarMatchesWhatIsInsideButNotTheFolderItself() {
    assertThat(excluded("abc", "abc/**")).isFalse();
    assertThat(excluded("abc/def", "abc/**")).isTrue();
    assertThat(excluded("abc/def/ghi", "abc/**")).isTrue();
  }

  @Test
  void regexCharactersAreLiterals() {
    assertThat(excluded("a(b)c/def", "a(b)c/def")).isTrue();
    assertThat(excluded("a.|)$(}+{bc", "a.|)$(}+{bc")).isTrue();
    assertThat(excluded("abcdef", "abc.def")).isFalse();
    assertThat(excluded("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "dist/*.whl"))
        .isTrue();
  }

  @Test
  void characterClassesAndEscapes() {
    assertThat(excluded("a1", "a[0-9]")).isTrue();
    assertThat(excluded("ab", "a[0-9]")).isFalse();
    assertThat(excluded("a*", "a\\*")).isTrue();
    assertThat(excluded("ab", "a\\*")).isFalse();
  }

  @Test
  void theLastMatchingPatternWins() {
    assertThat(excluded("README.md", "*.md", "!README.md")).isFalse();
    assertThat(excluded("CHANGES.md", "*.md", "!README.md")).isTrue();
    // The documentation's example: the exception before the later exclusion loses.
    assertThat(excluded("README-secret.md", "*.md", "!README*.md", "README-secret.md")).isTrue();
    assertThat(excluded("README-other.md", "*.md", "!README*.md", "README-secret.md")).isFalse();
    assertThat(excluded("README-secret.md", "*.md", "README-secret.md", "!README*.md")).isFalse();
  }

  @Test
  void anExceptionInsideAnExcludedFolderBringsBackOnlyWhatItNames() {
    DockerIgnore ignore = DockerIgnore.parse("*\n!target/app.jar\n!target/lib/\n");
    assertThat(ignore.excludes("target/app.jar")).isFalse();
    assertThat(ignore.excludes("target/lib/a.jar")).isFalse();
    assertThat(ignore.excludes("target/classes/A.class")).isTrue();
    assertThat(ignore.excludes("src/Main.java")).isTrue();
    assertThat(ignore.excludes("Dockerfile")).isTrue();
  }

  @Test
  void readingTheFileSkipsCommentsBlanksAndABomAndCleansEveryPattern() {
    DockerIgnore ignore =
        DockerIgnore.parse(
            "\uFEFF# comment\n\n  /build/  \n ! ./keep/../kept \n./docs//*.md\r\nlogs/\n #not a comment\n");
    assertThat(ignore.patterns())
        .containsExactly("build", "!kept", "docs/*.md", "logs", "#not a comment");
  }

  @Test
  void aLoneExclamationMarkIsRejected() {
    assertThatThrownBy(() -> DockerIgnore.of(List.of("!"))).hasMessageContaining("\"!\"");
  }

  @Test
  void theWalkEntersAnExcludedFolderOnlyWhenAnExceptionCanReachInside() {
    DockerIgnore prefixOnly = DockerIgnore.parse("target\n!target/app.jar\n");
    assertThat(prefixOnly.mustDescend("target")).isTrue();
    assertThat(prefixOnly.mustDescend("other")).isFalse();
    assertThat(DockerIgnore.parse("target\n").mustDescend("target")).isFalse();
    assertThat(DockerIgnore.parse("target\n!**/*.jar\n").mustDescend("anything")).isTrue();
  }

  @Test
  void theContextListsWhatBuildKitSends(@TempDir Path context) throws IOException {
    for (String f :
        List.of(
            "Dockerfile",
            "app.log",
            "src/Main.java",
            "target/app.jar",
            "target/lib/a.jar",
            "target/classes/A.class",
            "node_modules/x/index.js")) {
      Path p = context.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, f);
    }
    DockerIgnore ignore = DockerIgnore.parse("*.log\nnode_modules\ntarget\n!target/app.jar\n");

    List<String> sent =
        ContextFiles.list(context, ignore).stream().map(ContextFiles.Entry::path).toList();

    assertThat(sent)
        .containsExactly("Dockerfile", "src", "src/Main.java", "target", "target/app.jar");
  }
}
