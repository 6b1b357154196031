package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.size.Budget;
import dev.orchestrator.core.size.ByteSize;
import dev.orchestrator.core.size.ImageSizes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizeCheckTest {
  private static final ImageSizes ARM = new ImageSizes("linux/arm64", 1_030_000, 1_990_000);

  private static ServiceDescriptor withBudget(Optional<Budget> budget) {
    return ServiceDescriptor.builder().budget(budget).build();
  }

  @Test
  void withinBudgetPassesWithTheMeasuredSizes() {
    CheckResult r =
        SizeCheck.check("web", withBudget(Optional.of(Budget.of(ByteSize.parse("10MB")))), ARM);

    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    assertThat(r.detail()).isEqualTo("2.0 MB (1.0 MB compressed) within budget 10.0 MB");
  }

  @Test
  void overBudgetFailsWithTheBuildsSentence() {
    CheckResult r =
        SizeCheck.check("web", withBudget(Optional.of(Budget.of(ByteSize.parse("1MB")))), ARM);

    assertThat(r.failed()).isTrue();
    assertThat(r.detail())
        .startsWith("web linux/arm64: uncompressed size 2.0 MB is over its budget");
  }

  @Test
  void noBudgetIsNotApplicableNotPassed() {
    CheckResult r = SizeCheck.check("web", withBudget(Optional.empty()), ARM);

    assertThat(r.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    assertThat(r.detail()).endsWith("; no budget");
  }
}
