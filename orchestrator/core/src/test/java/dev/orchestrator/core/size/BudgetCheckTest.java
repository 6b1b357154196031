package dev.orchestrator.core.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetCheckTest {
  private final Optional<Budget> hundredMb = Optional.of(Budget.of(ByteSize.parse("100MB")));

  @Test
  void withinBudgetHasNoViolation() {
    assertThat(
            BudgetCheck.violations(
                "agent", "linux/amd64", 100_000_000, 40_000_000, hundredMb, Optional.empty()))
        .isEmpty();
  }

  @Test
  void overBudgetNamesServicePlatformSizeBudgetAndOvershoot() {
    assertThat(
            BudgetCheck.violations(
                "agent", "linux/arm64", 112_345_678, 40_000_000, hundredMb, Optional.empty()))
        .containsExactly(
            "agent linux/arm64: uncompressed size 112.3 MB is over its budget of"
                + " 100.0 MB by 12.3 MB");
  }

  @Test
  void compressedBudgetIsCheckedAgainstTheCompressedSize() {
    Optional<Budget> compressed = Optional.of(Budget.of(ByteSize.parse("30MB")));

    assertThat(
            BudgetCheck.violations(
                "agent", "linux/amd64", 90_000_000, 31_000_000, hundredMb, compressed))
        .containsExactly(
            "agent linux/amd64: compressed size 31.0 MB is over its"
                + " compressedBudget of 30.0 MB by 1.0 MB");
  }

  @Test
  void aPerPlatformBudgetAppliesOnlyToItsPlatform() {
    Optional<Budget> armOnly =
        Optional.of(new Budget(null, Map.of("linux/arm64", ByteSize.parse("1MB"))));

    assertThat(BudgetCheck.violations("a", "linux/amd64", 5_000_000, 1, armOnly, Optional.empty()))
        .isEmpty();
    assertThat(BudgetCheck.violations("a", "linux/arm64", 5_000_000, 1, armOnly, Optional.empty()))
        .hasSize(1);
  }
}
