package dev.orchestrator.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a scratch repository for a test. */
record TestRepository(Path root) {
  TestRepository write(String relative, String content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A service folder with a Dockerfile. */
  TestRepository service(String name, String dockerfile) {
    return write("services/" + name + "/Dockerfile", dockerfile);
  }

  TestRepository profile(String name, String yaml) {
    return write("buildx-profiles/" + name + ".yaml", yaml);
  }
}
