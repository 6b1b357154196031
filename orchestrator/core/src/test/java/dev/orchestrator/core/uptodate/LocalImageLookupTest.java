package dev.orchestrator.core.uptodate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.engine.LabelledImage;
import dev.orchestrator.core.engine.StubEngine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The local look-up: one engine listing answers every service; the label decides. */
class LocalImageLookupTest {
  private static final String HASH = "a".repeat(64);
  private static final String OTHER = "b".repeat(64);

  private final AtomicInteger listings = new AtomicInteger();

  private LocalImageLookup lookupOver(LabelledImage... images) {
    return new LocalImageLookup(
        new StubEngine() {
          @Override
          public List<LabelledImage> imagesLabelled(String key) {
            assertThat(key).isEqualTo(LocalImageLookup.LABEL);
            listings.incrementAndGet();
            return List.of(images);
          }
        });
  }

  @Test
  void manyServicesAreAnsweredFromOneListing() {
    LocalImageLookup lookup =
        lookupOver(
            new LabelledImage(List.of("ns/base:latest"), HASH),
            new LabelledImage(List.of("ns/leaf:latest", "ns/leaf:v1"), OTHER));

    Lookup base = lookup.find("ns/base:latest", HASH);
    Lookup leaf = lookup.find("ns/leaf:v1", HASH);
    Lookup gone = lookup.find("ns/gone:latest", HASH);

    assertThat(listings).hasValue(1);
    assertThat(base.found()).isTrue();
    assertThat(base.where())
        .isEqualTo("image ns/base:latest has input hash aaaaaaaaaaaa (local engine)");
    assertThat(leaf.found()).isFalse();
    assertThat(leaf.where())
        .isEqualTo("local engine: image ns/leaf:v1 has input hash bbbbbbbbbbbb, not aaaaaaaaaaaa");
    assertThat(gone.found()).isFalse();
    assertThat(gone.where())
        .isEqualTo("local engine: no image ns/gone:latest with an input hash label");
  }

  @Test
  void dockerHubNamesAndMissingTagsCompareInTheEnginesShortForm() {
    LocalImageLookup lookup =
        lookupOver(new LabelledImage(List.of("app:latest", "registry:5000/ns/app:1.0"), HASH));

    assertThat(lookup.find("docker.io/library/app:latest", HASH).found()).isTrue();
    assertThat(lookup.find("app", HASH).found()).isTrue();
    assertThat(lookup.find("registry:5000/ns/app:1.0", HASH).found()).isTrue();
    // A registry port is no tag.
    assertThat(lookup.find("registry:5000/ns/app", HASH).found()).isFalse();
  }

  @Test
  void theDecisionIsTheLabelAgainstTheHash() {
    assertThat(LocalImageLookup.decide("x:1", Optional.of(HASH), HASH).found()).isTrue();
    assertThat(LocalImageLookup.decide("x:1", Optional.of(OTHER), HASH).found()).isFalse();
    assertThat(LocalImageLookup.decide("x:1", Optional.empty(), HASH).found()).isFalse();
  }

  @Test
  void anOfflineEngineIsNotAsked() {
    LocalImageLookup lookup =
        new LocalImageLookup(
            new StubEngine() {
              @Override
              public List<LabelledImage> imagesLabelled(String key) {
                throw new AssertionError("an offline engine is not listed");
              }

              @Override
              public boolean online() {
                return false;
              }
            });

    assertThat(lookup.find("x:1", HASH).where()).isEqualTo("no local engine to look in");
  }
}
