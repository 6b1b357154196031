package dev.orchestrator.core.publish;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.config.DigestsFileReader;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.graph.Edge;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.image.Platforms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The in-repo images a staged CI job does not build but its services refer to: taken by digest from
 * the digests files earlier jobs left (CI artifacts), never by a tag, so a dependent is built on
 * exactly the image the earlier job pushed. Every image reference the job needs is checked before
 * anything builds.
 */
public final class EarlierImages {
  private EarlierImages() {}

  /**
   * @param plan the job's own services
   * @param platforms the build's platforms: exactly one, since a digests file records one image per
   *     platform and a named context takes one image
   * @param inputs digests files, or folders of them ({@code digests*.json}, at any depth)
   * @param output the job's own digests file: not an input even when a folder holds it (it is about
   *     to be written, and may be left from an earlier run)
   * @return per dependency outside the plan, {@code REPOSITORY@sha256:…} for the platform
   */
  public static Map<String, String> resolve(
      Plan plan,
      ServiceGraph graph,
      Map<String, Service> services,
      List<String> platforms,
      List<Path> inputs,
      Path output) {
    if (platforms.size() != 1) {
      throw new ConfigurationException(
          "images from earlier jobs (--dependencies-from) are taken per platform, one image each,"
              + " but this build asks for "
              + String.join(", ", platforms)
              + ": build one platform per job (--platform)");
    }
    String platform = platforms.get(0);
    Path ownFile = output.toAbsolutePath().normalize();
    List<Path> files =
        Merger.expand(inputs).stream()
            .filter(f -> !f.toAbsolutePath().normalize().equals(ownFile))
            .toList();
    List<DigestsFile> read = DigestsFileReader.readAll(files);
    List<Problem> problems = new ArrayList<>();
    Map<String, String> found = new TreeMap<>();
    Map<String, DigestsFile> foundIn = new TreeMap<>();
    for (DigestsFile file : read) {
      file.services()
          .forEach(
              (service, images) -> {
                String digest = images.digests().get(platform);
                if (digest == null) {
                  return;
                }
                String ref = images.repository() + "@" + digest;
                String before = found.putIfAbsent(service, ref);
                if (before != null && !before.equals(ref)) {
                  problems.add(
                      MergePlanner.conflict(
                          file,
                          images,
                          service + " " + platform,
                          ref,
                          before,
                          String.valueOf(foundIn.get(service).file())));
                }
                foundIn.putIfAbsent(service, file);
              });
    }
    Set<String> own = Set.copyOf(plan.services());
    Map<String, String> needed = new LinkedHashMap<>();
    String readList =
        files.isEmpty()
            ? "no digests file"
            : String.join(", ", files.stream().map(String::valueOf).toList());
    for (String service : plan.services()) {
      Service s = services.get(service);
      if (s != null && Platforms.supportedBy(s.descriptor().platforms(), platforms).isEmpty()) {
        continue; // not built for this platform: it needs nothing
      }
      for (Edge e : graph.edgesFrom(service)) {
        if (!e.reason().isImageReference() || own.contains(e.to())) {
          continue;
        }
        String ref = found.get(e.to());
        if (ref != null) {
          needed.put(e.to(), ref);
        } else {
          problems.add(
              new Problem(
                  null,
                  0,
                  service
                      + " needs the "
                      + platform
                      + " image of "
                      + e.to()
                      + " ("
                      + e.reason().label()
                      + ", "
                      + e.detail()
                      + "), which this job does not build, but no digests file read has one ("
                      + readList
                      + "): pass the digests file of the job that built "
                      + e.to()
                      + " for "
                      + platform
                      + ", or build "
                      + e.to()
                      + " in this job"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return needed;
  }
}
