package dev.orchestrator.core.workspace;

import java.util.List;

/**
 * A service as {@code list} shows it; a stable contract for CI scripts.
 *
 * @param dockerfile path relative to the repository root
 * @param dependsOn in-repo services it needs (all edge kinds), sorted
 * @param externalImages images from outside the repository, after ARG default substitution
 * @param origin where the service's definition and name came from ({@code compose.yaml:12})
 * @param image the image name its build definition gives, if any
 * @param warnings ambiguous references of its Dockerfile, each with its line (see {@code
 *     graph.Wiring})
 */
public record ServiceSummary(
    String name,
    String directory,
    String dockerfile,
    List<String> dependsOn,
    List<String> externalImages,
    List<String> platforms,
    boolean mavenModule,
    String origin,
    java.util.Optional<String> image,
    List<String> warnings) {}
