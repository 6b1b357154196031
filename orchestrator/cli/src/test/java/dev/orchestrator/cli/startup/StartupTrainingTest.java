package dev.orchestrator.cli.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The training run takes the paths it is for: if it fell off them (the stand-in engine's answers no
 * longer pass the preflight, or the look-ups no longer find the images), the archive would silently
 * lose what it is there to hold.
 */
class StartupTrainingTest {
  @Test
  void theTrainedBuildFindsEveryImageUpToDateAndMeasured() {
    Path checkout = Path.of("../..").toAbsolutePath().normalize();
    StringWriter printed = new StringWriter();

    var exits = StartupTraining.train(checkout, new PrintWriter(printed));

    assertThat(exits).as(printed.toString()).containsExactly(0, 0, 0);
    assertThat(printed.toString())
        .contains("3 services in", "0 built, 0 cached, 3 up to date, 0 failed, 0 skipped")
        .contains("\"status\": \"up-to-date\"")
        // Sizes were read from the stand-in's content store, so the budget was checked.
        .doesNotContain("OVER BUDGET", "not measured");
  }
}
