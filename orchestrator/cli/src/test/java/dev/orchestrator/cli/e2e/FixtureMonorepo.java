package dev.orchestrator.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes a small monorepo for end-to-end tests. Nothing can be pulled here, so every image is
 * {@code FROM scratch} plus Debian's static busybox for each {@code TARGETARCH}:
 *
 * <pre>
 *   base (busybox, /base.txt)  <-  mid (adds /mid.txt)  <-  leaf (multi-stage, COPY --from=mid)
 *   lone (independent)
 * </pre>
 *
 * Each fixture has its own image namespace, so tests never see each other's images.
 */
final class FixtureMonorepo {
  final Path root;
  final String namespace = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

  private FixtureMonorepo(Path root) {
    this.root = root;
  }

  static FixtureMonorepo create(Path root) {
    FixtureMonorepo repo = new FixtureMonorepo(root);
    repo.write();
    return repo;
  }

  private void write() {
    Path busybox = Busybox.binaries();
    file(
        "buildx-profiles/local.yaml",
        """
        platforms: [host]
        output: load
        namespace: %s
        cache: {type: local, dir: .cache/buildx, mode: max}
        jobs: 2
        """
            .formatted(namespace));
    for (String arch : new String[] {"amd64", "arm64"}) {
      copy(busybox.resolve("busybox-" + arch), "services/base/busybox-" + arch);
      copy(busybox.resolve("busybox-" + arch), "services/lone/busybox-" + arch);
    }
    file(
        "services/base/Dockerfile",
        """
        FROM scratch
        ARG TARGETARCH
        COPY busybox-${TARGETARCH} /bin/busybox
        RUN ["/bin/busybox", "--install", "-s", "/bin"]
        RUN echo "base for $(uname -m)" > /base.txt
        # unique per fixture, so that a first build is cold whatever the engine built before
        RUN echo %s > /fixture-id
        """
            .formatted(namespace));
    file("services/base/service.yaml", "budget: 10MB\n");
    file(
        "services/mid/Dockerfile",
        """
        # syntax is not declared: a syntax directive would make BuildKit pull a frontend.
        FROM base
        RUN echo mid > /mid.txt \\
        # a comment inside a continuation, as BuildKit allows
            && cat /base.txt >> /mid.txt
        """);
    file(
        "services/leaf/Dockerfile",
        """
        ARG RUNTIME=base
        FROM mid AS build
        RUN uname -m > /arch.txt
        FROM ${RUNTIME}
        COPY --from=build /arch.txt /arch.txt
        COPY --from=mid /mid.txt /from-mid.txt
        CMD ["cat", "/arch.txt"]
        """);
    file(
        "services/lone/Dockerfile",
        """
        FROM scratch
        ARG TARGETARCH
        COPY busybox-${TARGETARCH} /bin/busybox
        LABEL fixture=%s
        CMD ["/bin/busybox", "echo", "lone"]
        """
            .formatted(namespace));
  }

  void file(String relative, String content) {
    try {
      Path path = root.resolve(relative);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(String relative) {
    try {
      Path path = root.resolve(relative);
      try (var walk = Files.walk(path)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void copy(Path from, String relative) {
    try {
      Path to = root.resolve(relative);
      Files.createDirectories(to.getParent());
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String image(String service) {
    return namespace + "/" + service + ":latest";
  }
}
