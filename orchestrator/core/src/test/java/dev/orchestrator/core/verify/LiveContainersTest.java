package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveContainersTest {

  @Test
  void aContainerIsRemovedOnceAndForgotten() {
    List<String> removed = new ArrayList<>();
    LiveContainers.register("c1", () -> removed.add("c1"));

    LiveContainers.remove("c1");
    LiveContainers.remove("c1");

    assertThat(removed).containsExactly("c1");
    assertThat(LiveContainers.count()).isZero();
  }
}
