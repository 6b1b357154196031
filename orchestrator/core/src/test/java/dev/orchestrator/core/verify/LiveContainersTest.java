package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveContainersTest {
  private final LiveContainers live = new LiveContainers();

  @Test
  void aContainerIsRemovedOnceAndForgotten() {
    List<String> removed = new ArrayList<>();
    live.register("c1", () -> removed.add("c1"));

    live.remove("c1");
    live.remove("c1");

    assertThat(removed).containsExactly("c1");
    assertThat(live.count()).isZero();
  }
}
