package dev.orchestrator.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.config.TagTemplate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitRevisionTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void aBranchPushGivesShaAndTagSafeBranch() {
    GitRevision r =
        GitRevision.fromEnvironment(
                Map.of("GITHUB_SHA", SHA, "GITHUB_REF", "refs/heads/feature/Login"))
            .orElseThrow();

    assertThat(r.placeholders("latest"))
        .containsEntry("branch", "feature-Login")
        .containsEntry("shortSha", "0123456")
        .doesNotContainKey("version");
  }

  @Test
  void aSemverTagGivesVersionMajorMinorPatch() {
    GitRevision r =
        GitRevision.fromEnvironment(Map.of("GITHUB_SHA", SHA, "GITHUB_REF", "refs/tags/v2.10.3"))
            .orElseThrow();

    assertThat(r.placeholders("latest"))
        .containsEntry("version", "2.10.3")
        .containsEntry("major", "2")
        .containsEntry("minor", "10")
        .containsEntry("patch", "3")
        .doesNotContainKey("branch");
  }

  @Test
  void aPullRequestIsNamedAfterItsHeadBranch() {
    GitRevision r =
        GitRevision.fromEnvironment(
                Map.of(
                    "GITHUB_SHA",
                    SHA,
                    "GITHUB_REF",
                    "refs/pull/12/merge",
                    "GITHUB_HEAD_REF",
                    "fix-1"))
            .orElseThrow();

    assertThat(r.branch()).contains("fix-1");
  }

  @Test
  void withoutGithubShaTheEnvironmentSaysNothing() {
    assertThat(GitRevision.fromEnvironment(Map.of("GITHUB_REF", "refs/heads/main"))).isEmpty();
  }

  @Test
  void templatesWhosePlaceholdersAreUnknownForThisCommitAreLeftOut() {
    Map<String, String> values =
        new GitRevision(Optional.of(SHA), Optional.of("main"), Optional.empty())
            .placeholders("latest");

    assertThat(TagTemplate.expand("{major}.{minor}", values)).isEmpty();
    assertThat(TagTemplate.expand("sha-{shortSha}", values)).contains("sha-0123456");
    assertThat(TagTemplate.expand("{tag}", values)).contains("latest");
  }

  @Test
  void templateComplaintsNameUnknownPlaceholdersAndBadCharacters() {
    assertThat(TagTemplate.complaint("{nope}"))
        .get()
        .asString()
        .contains("unknown placeholder {nope}");
    assertThat(TagTemplate.complaint("a/b")).isPresent();
    assertThat(TagTemplate.complaint("v{major}.{minor}")).isEmpty();
  }
}
