package dev.orchestrator.core.build;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.engine.StubEngine;
import dev.orchestrator.core.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExternalBasesTest {
  private final List<String> asked = new ArrayList<>();

  private ExternalBases bases(Set<String> local, Set<String> inRegistry) {
    StubEngine engine =
        new StubEngine() {
          @Override
          public boolean imageExists(String imageRef) {
            return local.contains(imageRef);
          }
        };
    return new ExternalBases(
        engine,
        ref -> {
          asked.add(ref);
          return inRegistry.contains(ref)
              ? new RegistryClient.Answer(true, Optional.of("sha256:1"), "HEAD 200")
              : new RegistryClient.Answer(false, Optional.empty(), "HEAD " + ref + " answered 404");
        });
  }

  @Test
  void aBaseNeitherLocalNorInItsRegistryFailsOnlyTheServicesThatNeedIt() {
    Repository repo =
        repository(
            from("base", "scratch"),
            from("app", "base"),
            from("needs-missing", "127.0.0.1:5013/missing:1"),
            from("needs-local", "java:8-jre"),
            from("needs-pushed", "127.0.0.1:5013/present:1"),
            from("also-missing", "127.0.0.1:5013/missing:1"));

    Map<String, String> missing =
        bases(Set.of("java:8-jre"), Set.of("127.0.0.1:5013/present:1"))
            .missing(repo.services(), repo.byName());

    assertThat(missing)
        .containsOnlyKeys("needs-missing", "also-missing")
        .containsEntry(
            "needs-missing",
            "base image '127.0.0.1:5013/missing:1' (services/needs-missing/Dockerfile:1) is neither"
                + " in the local engine nor to be had from its registry: HEAD"
                + " 127.0.0.1:5013/missing:1 answered 404");
    // One look-up per distinct image; the local one and in-repo services are never asked for.
    assertThat(asked).containsExactly("127.0.0.1:5013/missing:1", "127.0.0.1:5013/present:1");
  }

  @Test
  void referencesAreNamedAsTheirRegistryNamesThem() {
    assertThat(ExternalBases.registryReference("alpine"))
        .isEqualTo("registry-1.docker.io/library/alpine:latest");
    assertThat(ExternalBases.registryReference("org/app:2"))
        .isEqualTo("registry-1.docker.io/org/app:2");
    assertThat(ExternalBases.registryReference("localhost/app")).isEqualTo("localhost/app:latest");
    assertThat(ExternalBases.registryReference("127.0.0.1:5013/a/b@sha256:00"))
        .isEqualTo("127.0.0.1:5013/a/b@sha256:00");
  }

  @Test
  void anUnexpandedArgIsLeftToBuildKit() {
    Repository repo = repository(from("app", "${BASE}"));

    assertThat(bases(Set.of(), Set.of()).missing(repo.services(), repo.byName())).isEmpty();
    assertThat(asked).isEmpty();
  }
}
