package dev.orchestrator.core.discovery;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.dockerfile.DockerfileInfo;
import java.nio.file.Path;

/**
 * One buildable image of the repository.
 *
 * @param name the service name: its folder name unless {@code service.yaml} says otherwise
 * @param directory the service folder, absolute
 * @param relativeDirectory the service folder relative to the repository root, for display
 * @param dockerfile the Dockerfile, absolute
 * @param context the build context folder, absolute
 */
public record Service(
    String name,
    Path directory,
    Path relativeDirectory,
    Path dockerfile,
    Path context,
    ServiceDescriptor descriptor,
    DockerfileInfo dockerfileInfo) {}
