package dev.orchestrator.core.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.error.OrchestratorBug;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code docker buildx bake} definition (JSON) for one batch of services: one target per
 * service, in one BuildKit session. Pure, so the exact JSON is tested.
 *
 * <p>bake target names allow letters, digits, {@code _} and {@code -} only, while service names may
 * hold dots: {@link #targetNames} maps each service to a unique target name.
 */
public final class BakeDefinition {
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-zA-Z0-9_-]");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BakeDefinition() {}

  /** Service name to bake target name, unique within the batch, in batch order. */
  public static Map<String, String> targetNames(List<String> services) {
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (String s : services) {
      String base = NOT_ALLOWED.matcher(s).replaceAll("_");
      String name = base;
      for (int i = 2; !taken.add(name); i++) {
        name = base + "_" + i;
      }
      names.put(s, name);
    }
    return names;
  }

  /** The {@code attest} entries: as {@link BuildxCommand#attestations}, provenance always said. */
  static List<String> attest(Profile.Attestations a) {
    List<String> attest = new ArrayList<>();
    attest.add(
        switch (a.provenance()) {
          case FALSE -> "type=provenance,disabled=true";
          case MIN -> "type=provenance,mode=min";
          case MAX -> "type=provenance,mode=max";
        });
    if (a.sbom()) {
      attest.add("type=sbom");
    }
    return attest;
  }

  /**
   * @param builds the batch, in dependency order; {@code target:} contexts name services of the
   *     batch (by service name, rewritten here to their target names)
   */
  public static String json(List<ImageBuild> builds) {
    Map<String, String> targets = targetNames(builds.stream().map(ImageBuild::service).toList());
    Map<String, Object> target = new LinkedHashMap<>();
    for (ImageBuild b : builds) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("context", b.context().toString());
      t.put("dockerfile", b.dockerfile().toString());
      b.stage().ifPresent(s -> t.put("target", s));
      if (!b.args().isEmpty()) {
        t.put("args", b.args());
      }
      if (!b.labels().isEmpty()) {
        t.put("labels", b.labels());
      }
      if (!b.secrets().isEmpty()) {
        t.put("secret", b.secrets());
      }
      if (!b.contexts().isEmpty()) {
        Map<String, String> contexts = new LinkedHashMap<>();
        b.contexts()
            .forEach(
                (name, source) ->
                    contexts.put(
                        name,
                        source.startsWith("target:")
                            ? "target:"
                                + targets.getOrDefault(
                                    source.substring("target:".length()),
                                    source.substring("target:".length()))
                            : source));
        t.put("contexts", contexts);
      }
      t.put("platforms", b.platforms());
      if (!b.tags().isEmpty()) {
        t.put("tags", b.tags());
      }
      if (!b.cacheFrom().isEmpty()) {
        t.put("cache-from", b.cacheFrom());
      }
      if (!b.cacheTo().isEmpty()) {
        t.put("cache-to", b.cacheTo());
      }
      t.put("output", b.outputs());
      t.put("attest", attest(b.attestations()));
      target.put(targets.get(b.service()), t);
    }
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("group", Map.of("default", Map.of("targets", List.copyOf(targets.values()))));
    definition.put("target", target);
    try {
      return JSON.writeValueAsString(definition) + "\n";
    } catch (JsonProcessingException e) {
      throw OrchestratorBug.of(e);
    }
  }
}
