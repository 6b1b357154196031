package dev.orchestrator.core;

import dev.orchestrator.core.config.RepositoryConfig;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.DockerfileInfo;
import dev.orchestrator.core.dockerfile.ImageReference;
import dev.orchestrator.core.dockerfile.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Services built in memory, for tests of the pure logic (graph, plan, argv). */
public final class TestServices {
  public static final Path ROOT = Path.of("/repo");

  private TestServices() {}

  /** A service whose Dockerfile has one FROM per image and one stage per stage name. */
  public static Service service(
      String name, List<String> fromImages, List<String> stageNames, List<String> dependsOn) {
    List<Stage> stages = new ArrayList<>();
    List<ImageReference> refs = new ArrayList<>();
    int line = 1;
    for (String image : fromImages) {
      refs.add(new ImageReference(image, ImageReference.Kind.FROM, line));
      stages.add(new Stage(stages.size(), image, Optional.empty(), Optional.empty(), line++));
    }
    for (String stage : stageNames) {
      stages.add(new Stage(stages.size(), "scratch", Optional.of(stage), Optional.empty(), line++));
    }
    Path dir = ROOT.resolve("services").resolve(name);
    Path dockerfile = dir.resolve("Dockerfile");
    ServiceDescriptor descriptor =
        ServiceDescriptor.builder()
            .file(dir.resolve("service.yaml"))
            .dependsOn(dependsOn)
            .lines(Map.of("dependsOn", 3))
            .build();
    return new Service(
        name,
        dir,
        ROOT.relativize(dir),
        dockerfile,
        dir,
        descriptor,
        new DockerfileInfo(dockerfile, Optional.empty(), stages, refs));
  }

  public static Service from(String name, String... images) {
    return service(name, Arrays.asList(images), List.of(), List.of());
  }

  public static Repository repository(Service... services) {
    return new Repository(ROOT, RepositoryConfig.defaults(ROOT), Arrays.asList(services));
  }
}
