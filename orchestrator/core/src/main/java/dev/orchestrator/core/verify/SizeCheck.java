package dev.orchestrator.core.verify;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.size.BudgetCheck;
import dev.orchestrator.core.size.ByteSize;
import dev.orchestrator.core.size.ImageSizes;
import java.util.ArrayList;
import java.util.List;

/** The size budgets of {@code service.yaml}, checked as the build checks them. */
final class SizeCheck {
  private SizeCheck() {}

  static CheckResult check(String service, ServiceDescriptor descriptor, ImageSizes sizes) {
    String platform = sizes.platform();
    String measured =
        new ByteSize(sizes.uncompressedBytes())
            + " ("
            + new ByteSize(sizes.compressedBytes())
            + " compressed)";
    List<String> violations =
        BudgetCheck.violations(
            service,
            platform,
            sizes.uncompressedBytes(),
            sizes.compressedBytes(),
            descriptor.budget(),
            descriptor.compressedBudget());
    if (!violations.isEmpty()) {
      return CheckResult.fail(Check.SIZE, String.join("; ", violations));
    }
    List<String> budgets = new ArrayList<>();
    descriptor
        .budget()
        .flatMap(b -> b.forPlatform(platform))
        .ifPresent(b -> budgets.add("budget " + b));
    descriptor
        .compressedBudget()
        .flatMap(b -> b.forPlatform(platform))
        .ifPresent(b -> budgets.add("compressedBudget " + b));
    return budgets.isEmpty()
        ? CheckResult.notApplicable(Check.SIZE, measured + "; no budget")
        : CheckResult.pass(Check.SIZE, measured + " within " + String.join(", ", budgets));
  }
}
