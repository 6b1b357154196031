package dev.orchestrator.core.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes small POM fixtures: an aggregator, and modules with dependencies. */
public final class Poms {
  private final Path root;

  public Poms(Path root) {
    this.root = root;
  }

  /**
   * An aggregator (and parent) in {@code dir}, groupId {@code g}, version 1.0, artifactId {@code
   * root} at the top and the folder name below.
   */
  public Poms aggregator(String dir, String... modules) {
    String artifactId = dir.isEmpty() ? "root" : Path.of(dir).getFileName().toString();
    String moduleList =
        Arrays.stream(modules).map(m -> "<module>" + m + "</module>").collect(Collectors.joining());
    return write(
        dir,
        """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>g</groupId><artifactId>%s</artifactId><version>1.0</version>
          <packaging>pom</packaging>
          <properties><libs.group>g</libs.group></properties>
          <modules>%s</modules>
        </project>
        """
            .formatted(artifactId, moduleList));
  }

  /**
   * A module in {@code dir} whose parent is the aggregator in {@code parentDir}, inheriting its
   * groupId and version, depending on {@code deps} through {@code ${project.groupId}}.
   */
  public Poms module(String dir, String parentDir, String artifactId, String... deps) {
    String dependencies =
        Arrays.stream(deps)
            .map(
                d ->
                    """
        <dependency><groupId>${project.groupId}</groupId><artifactId>%s</artifactId>
          <version>${project.version}</version></dependency>"""
                        .formatted(d))
            .collect(Collectors.joining());
    Path parentPom = root.resolve(dir).relativize(root.resolve(parentDir).resolve("pom.xml"));
    String parentId = parentDir.isEmpty() ? "root" : Path.of(parentDir).getFileName().toString();
    return write(
        dir,
        """
        <project><modelVersion>4.0.0</modelVersion>
          <parent><groupId>g</groupId><artifactId>%s</artifactId><version>1.0</version>
            <relativePath>%s</relativePath></parent>
          <artifactId>%s</artifactId>
          <dependencies>%s</dependencies>
        </project>
        """
            .formatted(parentId, parentPom, artifactId, dependencies));
  }

  Poms write(String dir, String pom) {
    return file(dir.isEmpty() ? "pom.xml" : dir + "/pom.xml", pom);
  }

  Poms file(String relative, String content) {
    try {
      Path path = root.resolve(relative);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir(String relative) {
    return root.resolve(relative);
  }
}
