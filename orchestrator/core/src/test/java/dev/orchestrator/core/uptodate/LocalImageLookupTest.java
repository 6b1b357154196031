package dev.orchestrator.core.uptodate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.engine.StubEngine;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local look-up: the image's input-hash label against the service's hash decides. */
class LocalImageLookupTest {
  private static final String HASH = "a".repeat(64);
  private static final String OTHER = "b".repeat(64);

  private final LocalImageLookup lookup =
      new LocalImageLookup(
          new StubEngine() {
            private final Map<String, String> labels =
                Map.of("ns/base:latest", HASH, "ns/leaf:latest", OTHER);

            @Override
            public Optional<String> imageLabel(String imageRef, String key) {
              assertThat(key).isEqualTo(LocalImageLookup.LABEL);
              return Optional.ofNullable(labels.get(imageRef));
            }
          });

  @Test
  void theLabelEqualToTheHashIsUpToDate() {
    Lookup found = lookup.find("ns/base:latest", HASH);

    assertThat(found.found()).isTrue();
    assertThat(found.where())
        .isEqualTo("image ns/base:latest has input hash aaaaaaaaaaaa (local engine)");
  }

  @Test
  void anotherHashOrNoImageIsToBeBuiltSayingWhy() {
    assertThat(lookup.find("ns/leaf:latest", HASH))
        .isEqualTo(
            Lookup.missing(
                "local engine: image ns/leaf:latest has input hash bbbbbbbbbbbb, not"
                    + " aaaaaaaaaaaa"));
    assertThat(lookup.find("ns/gone:latest", HASH))
        .isEqualTo(
            Lookup.missing("local engine: no image ns/gone:latest with an input hash label"));
  }

  @Test
  void anOfflineEngineIsNotAsked() {
    LocalImageLookup offline =
        new LocalImageLookup(
            new StubEngine() {
              @Override
              public Optional<String> imageLabel(String imageRef, String key) {
                throw new AssertionError("an offline engine is not asked");
              }

              @Override
              public boolean online() {
                return false;
              }
            });

    assertThat(offline.find("x:1", HASH).where()).isEqualTo("no local engine to look in");
  }
}
