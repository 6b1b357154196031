package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageUserTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "root", "0:0", "", " ", "root:root", "0:1000", "00"})
  void theseUsersAreRoot(String user) {
    assertThat(ImageUser.isRoot(user)).isTrue();
    assertThat(ImageUser.check(user).failed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000:1000", "app", "1000", "1000:0", "app:app", "10"})
  void theseUsersAreNotRoot(String user) {
    assertThat(ImageUser.isRoot(user)).isFalse();
    assertThat(ImageUser.check(user).status()).isEqualTo(CheckStatus.PASS);
  }

  @org.junit.jupiter.api.Test
  void noUserAtAllIsRootAndSaysSo() {
    assertThat(ImageUser.isRoot(null)).isTrue();
    assertThat(ImageUser.check("").detail()).isEqualTo("no USER (runs as root)");
    assertThat(ImageUser.check("0:0").detail()).isEqualTo("USER 0:0 is root");
  }
}
