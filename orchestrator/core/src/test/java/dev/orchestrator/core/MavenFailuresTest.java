package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.maven.MavenReactor;
import dev.orchestrator.core.maven.Poms;
import dev.orchestrator.core.maven.ReactorModule;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenFailuresTest {
  @TempDir Path root;

  private ReactorModule module(MavenReactor reactor, String dir) {
    return reactor.module(root.resolve(dir)).orElseThrow();
  }

  @Test
  void aSkippedModuleNamesOnlyTheFailedModulesItNeedsEvenThroughALibrary() {
    // gateway fails on its own; common fails and customers needs it through kit.
    new Poms(root)
        .aggregator("", "common", "kit", "customers", "gateway")
        .module("common", "", "common")
        .module("kit", "", "kit", "common")
        .module("customers", "", "customers", "kit")
        .module("gateway", "", "gateway");
    MavenReactor reactor = MavenReactor.read(root);
    Map<String, String> failed = Map.of("g:common", "common", "g:gateway", "gateway");

    assertThat(MavenFailures.neededBy(reactor, module(reactor, "customers"), failed))
        .containsExactly("common");
  }

  @Test
  void withNoFailedModuleAmongItsDependenciesEveryFailedOneIsNamed() {
    new Poms(root).aggregator("", "a", "b").module("a", "", "a").module("b", "", "b");
    MavenReactor reactor = MavenReactor.read(root);

    assertThat(MavenFailures.neededBy(reactor, module(reactor, "b"), Map.of("g:root", "root")))
        .containsExactly("root");
  }
}
