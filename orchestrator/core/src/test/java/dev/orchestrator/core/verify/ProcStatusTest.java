package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatusTest {
  private static final String STATUS =
      """
      Name:\thttpd
      Umask:\t0022
      State:\tS (sleeping)
      Tgid:\t4242
      Pid:\t4242
      PPid:\t4200
      Uid:\t1000\t1000\t1000\t1000
      Gid:\t1000\t1000\t1000\t1000
      """;

  @Test
  void theEffectiveUidComesFromTheUidLine() {
    assertThat(ProcStatus.effectiveUid(STATUS)).isEqualTo(OptionalLong.of(1000));
  }

  @Test
  void theEffectiveUidIsTheSecondField() {
    assertThat(ProcStatus.effectiveUid("Uid:\t1000\t0\t0\t0\n")).isEqualTo(OptionalLong.of(0));
  }

  @Test
  void rootIsUidZero() {
    assertThat(ProcStatus.effectiveUid("Name:\tsh\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n"))
        .isEqualTo(OptionalLong.of(0));
  }

  @Test
  void noUidLineGivesNothing() {
    assertThat(ProcStatus.effectiveUid("Name:\tsh\nGid:\t0\t0\t0\t0\n")).isEmpty();
    assertThat(ProcStatus.effectiveUid("")).isEmpty();
    assertThat(ProcStatus.effectiveUid("Uid:\tx\ty\n")).isEmpty();
  }

  @Test
  void aProcessThatIsNotVisibleIsNotApplicableRatherThanPassed() {
    CheckResult result = ProcStatus.check(Long.MAX_VALUE);

    assertThat(result.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    assertThat(result.detail()).contains("not visible");
  }

  @Test
  void thisJvmIsReadFromProc() {
    CheckResult result = ProcStatus.check(ProcessHandle.current().pid());

    assertThat(result.detail()).startsWith("uid ");
  }
}
