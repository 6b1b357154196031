package dev.orchestrator.core.workspace;

import java.util.List;

/**
 * A service as {@code list} shows it; a stable contract for CI scripts.
 *
 * @param dockerfile path relative to the repository root
 * @param dependsOn in-repo services it needs (all edge kinds), sorted
 * @param externalImages images from outside the repository, after ARG default substitution
 */
public record ServiceSummary(
    String name,
    String directory,
    String dockerfile,
    List<String> dependsOn,
    List<String> externalImages,
    List<String> platforms,
    boolean mavenModule) {}
