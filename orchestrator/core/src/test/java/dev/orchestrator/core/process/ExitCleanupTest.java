package dev.orchestrator.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCleanupTest {
  private final List<String> undone = new ArrayList<>();
  private final ExitCleanup<String> cleanup = new ExitCleanup<>("things", undone::add);

  @Test
  void somethingUnregisteredIsNeverUndone() {
    assertThat(cleanup.register("a")).isTrue();
    cleanup.unregister("a");

    cleanup.undoAll();

    assertThat(undone).isEmpty();
    assertThat(cleanup.count()).isZero();
  }

  @Test
  void undoAllUndoesEachLiveThingOnceAndForgetsIt() {
    cleanup.register("a");
    cleanup.register("b");

    cleanup.undoAll();
    cleanup.undoAll();

    assertThat(undone).containsExactlyInAnyOrder("a", "b");
    assertThat(cleanup.count()).isZero();
  }

  @Test
  void anUndoThatThrowsDoesNotStopTheOthers() {
    ExitCleanup<String> failing =
        new ExitCleanup<>(
            "things",
            t -> {
              if (t.equals("bad")) {
                throw new IllegalStateException("engine gone");
              }
              undone.add(t);
            });
    failing.register("bad");
    failing.register("good");

    failing.undoAll();

    assertThat(undone).containsExactly("good");
    assertThat(failing.count()).isZero();
  }
}
