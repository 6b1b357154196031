package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.EnvironmentException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceValueTest {
  @Test
  void nothingIsWorkedOutUntilAsked() {
    AtomicInteger calls = new AtomicInteger();
    new OnceValue<>("test", calls::incrementAndGet);
    assertThat(calls).hasValue(0);
  }

  @Test
  void theValueIsWorkedOutOnceWhateverAsksForIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    OnceValue<Integer> once = new OnceValue<>("test", calls::incrementAndGet);
    List<Thread> askers = new ArrayList<>();
    List<Integer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> answers.add(once.get()));
      askers.add(t);
      t.start();
    }
    once.startInBackground();
    for (Thread t : askers) {
      t.join();
    }
    assertThat(answers).hasSize(8).containsOnly(1);
    assertThat(once.get()).isEqualTo(1);
    assertThat(calls).hasValue(1);
  }

  @Test
  void startedInBackgroundItRunsOnAnotherThreadBeforeAnyoneAsks() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    String caller = Thread.currentThread().getName();
    OnceValue<String> once =
        new OnceValue<>(
            "git-provenance",
            () -> {
              ran.countDown();
              return Thread.currentThread().getName();
            });
    once.startInBackground();
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(once.get()).isEqualTo("git-provenance").isNotEqualTo(caller);
  }

  @Test
  void aFailureReachesEveryAskerAsItWasThrown() {
    AtomicInteger calls = new AtomicInteger();
    OnceValue<String> once =
        new OnceValue<>(
            "test",
            () -> {
              calls.incrementAndGet();
              throw new EnvironmentException("git is broken", "Reinstall git.");
            });
    assertThatThrownBy(once::get)
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("git is broken");
    once.startInBackground();
    assertThatThrownBy(once::get)
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("git is broken");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aKnownValueNeedsNoWork() {
    assertThat(OnceValue.known("x").get()).isEqualTo("x");
  }

  @Test
  void aWaitingAskerThatIsInterruptedStopsWaiting() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    OnceValue<String> once =
        new OnceValue<>(
            "slow",
            () -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "late";
            });
    once.startInBackground();
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread asker =
        new Thread(
            () -> {
              try {
                once.get();
              } catch (RuntimeException e) {
                thrown.set(e);
              }
            });
    asker.start();
    Thread.sleep(100);
    asker.interrupt();
    asker.join(10_000);

    assertThat(asker.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(java.util.concurrent.CancellationException.class)
        .hasMessage("interrupted while waiting for slow");
    never.countDown();
  }
}
