package dev.orchestrator.core.lint;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.DockerfileInfo;
import dev.orchestrator.core.dockerfile.Setting;
import dev.orchestrator.core.dockerfile.Stage;
import dev.orchestrator.core.graph.GraphBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stages a service's image is made of, final stage first: the stage it builds (its target, else
 * the last), the earlier stages that one is built FROM, and on through in-repo base services (their
 * own target or last stage), until {@code scratch} or an external image. A setting of an in-repo
 * base is in the image, so it counts; an external image's cannot be seen without pulling it.
 *
 * @param links final stage first
 * @param externalBase the external image the chain ends at; empty for {@code scratch}
 */
record ImageChain(List<Link> links, Optional<String> externalBase) {

  /** One stage of one service's Dockerfile. */
  record Link(Service service, Stage stage) {}

  /** A setting and the service whose Dockerfile holds it. */
  record Found(Service service, Setting setting) {}

  static ImageChain of(Service service, Map<String, Service> all) {
    List<Link> links = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Service current = service;
    Optional<Stage> stage = current.dockerfileInfo().finalStage(current.descriptor().target());
    while (stage.isPresent() && seen.add(current.name() + "#" + stage.get().index())) {
      links.add(new Link(current, stage.get()));
      DockerfileInfo info = current.dockerfileInfo();
      String base = stage.get().baseImage();
      Optional<Stage> parent = info.parentStage(stage.get());
      if (parent.isPresent()) {
        stage = parent;
      } else if (base.equalsIgnoreCase("scratch")) {
        return new ImageChain(links, Optional.empty());
      } else if (GraphBuilder.isInRepo(current, base, all)) {
        current = all.get(base);
        stage = current.dockerfileInfo().finalStage(current.descriptor().target());
      } else {
        return new ImageChain(links, Optional.of(base));
      }
    }
    // A target naming no stage, or a loop the graph would have refused: nothing more to see.
    return new ImageChain(links, Optional.empty());
  }

  /** The setting of this kind in effect in the image: the last one, nearest the final stage. */
  Optional<Found> effective(Setting.Kind kind) {
    for (Link link : links) {
      List<Setting> settings = link.service().dockerfileInfo().settingsOf(link.stage());
      for (int i = settings.size() - 1; i >= 0; i--) {
        if (settings.get(i).kind() == kind) {
          return Optional.of(new Found(link.service(), settings.get(i)));
        }
      }
    }
    return Optional.empty();
  }

  /** The {@code FROM} line of the final stage, where the fixes of runtime rules go. */
  int finalLine() {
    return links.isEmpty() ? 1 : links.get(0).stage().line();
  }
}
