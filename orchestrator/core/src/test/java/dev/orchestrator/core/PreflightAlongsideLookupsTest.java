package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.engine.EngineInfo;
import dev.orchestrator.core.engine.StubEngine;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.RecordingCommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date look-ups run while the preflight asks the engine its questions; whatever they
 * meet, an engine that fails the preflight is what the user is told.
 */
class PreflightAlongsideLookupsTest {
  private static final String IMAGE = "FROM scratch\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\n";

  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();

  @BeforeEach
  void repository() {
    new TestRepository(root)
        .profile("local", "platforms: [linux/amd64]\noutput: load\ncache: {type: none}\n")
        .service("api", IMAGE)
        .service("web", IMAGE);
    runner.answer(
        List.of("git", "-C", root.toString(), "ls-files"), 128, "fatal: not a git repository");
  }

  private EnvironmentException buildFails(StubEngine engine) {
    Orchestrator orchestrator = new Orchestrator(runner, () -> engine, Map.of());
    return catchThrowableOfType(
        () ->
            orchestrator.build(
                BuildRequest.builder(root).profile(Optional.of("local")).build(), event -> {}),
        EnvironmentException.class);
  }

  @Test
  void thePreflightsErrorIsToldWhenTheLookupsFailToo() {
    EnvironmentException e =
        buildFails(
            new StubEngine() {
              @Override
              public EngineInfo preflight(List<String> platforms) {
                throw new EnvironmentException("the engine's API 1.30 is too old", "upgrade it");
              }

              @Override
              public Optional<String> imageLabel(String imageRef, String key) {
                throw new EnvironmentException("inspect " + imageRef + " failed", "look");
              }
            });

    assertThat(e).hasMessage("the engine's API 1.30 is too old");
  }

  @Test
  void theLookupsRunWhileThePreflightWaits() throws InterruptedException {
    CountDownLatch lookedUp = new CountDownLatch(1);
    EnvironmentException e =
        buildFails(
            new StubEngine() {
              @Override
              public EngineInfo preflight(List<String> platforms) {
                try {
                  // Fails unless a look-up happens before the preflight answers.
                  if (!lookedUp.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("no look-up ran during the preflight");
                  }
                } catch (InterruptedException interrupted) {
                  Thread.currentThread().interrupt();
                }
                throw new EnvironmentException("preflight failed after a look-up", "none");
              }

              @Override
              public Optional<String> imageLabel(String imageRef, String key) {
                lookedUp.countDown();
                return Optional.empty();
              }
            });

    assertThat(e).hasMessage("preflight failed after a look-up");
  }
}
