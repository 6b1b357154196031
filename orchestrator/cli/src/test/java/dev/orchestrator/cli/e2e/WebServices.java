package dev.orchestrator.cli.e2e;

import java.nio.file.Path;

/**
 * Adds small web services to a {@link FixtureMonorepo}: {@code FROM scratch} plus static busybox
 * serving {@code /www} with {@code httpd} on 8080, with a HEALTHCHECK, a non-root USER and OCI
 * labels, and deliberately broken variants of it.
 */
final class WebServices {
  enum Variant {
    /** Everything verify checks is right. */
    HEALTHY,
    /** No {@code /www/health}: the HEALTHCHECK and the health endpoint fail (404). */
    NO_HEALTH_ENDPOINT,
    /** No USER: runs as root. */
    ROOT
  }

  private WebServices() {}

  static void add(FixtureMonorepo repo, String name, Variant variant, String serviceYaml) {
    copyBusybox(repo, name);
    repo.file("services/" + name + "/www/index.html", "<p>" + name + "</p>\n");
    if (variant != Variant.NO_HEALTH_ENDPOINT) {
      repo.file("services/" + name + "/www/health", "{\"status\":\"ok\"}\n");
    }
    repo.file("services/" + name + "/service.yaml", serviceYaml);
    repo.file(
        "services/" + name + "/Dockerfile",
        """
        FROM scratch
        ARG TARGETARCH
        COPY busybox-${TARGETARCH} /bin/busybox
        COPY www /www
        LABEL org.opencontainers.image.title="%s" \\
              org.opencontainers.image.description="verify fixture" \\
              org.opencontainers.image.source="https://example.invalid/%s"
        EXPOSE 8080
        %s
        HEALTHCHECK --interval=2s --timeout=5s --start-period=30s --retries=10 \\
          CMD ["/bin/busybox","wget","-q","-O","/dev/null","http://127.0.0.1:8080/health"]
        CMD ["/bin/busybox","httpd","-f","-p","8080","-h","/www"]
        """
            .formatted(name, name, variant == Variant.ROOT ? "" : "USER 1000:1000"));
  }

  /**
   * A non-root image without HEALTHCHECK or service.yaml that runs {@code command} (busybox applet
   * and arguments), EXPOSEing {@code port}.
   */
  static void addWithoutHealthcheck(FixtureMonorepo repo, String name, int port, String command) {
    copyBusybox(repo, name);
    repo.file(
        "services/" + name + "/Dockerfile",
        """
        FROM scratch
        ARG TARGETARCH
        COPY busybox-${TARGETARCH} /bin/busybox
        LABEL org.opencontainers.image.title="%s"
        EXPOSE %d
        USER 1000:1000
        ENTRYPOINT ["/bin/busybox"]
        CMD %s
        """
            .formatted(name, port, command));
  }

  /** An image nobody runs as is, like a base: OCI labels, no HEALTHCHECK, no ports. */
  static void addBase(FixtureMonorepo repo, String name) {
    copyBusybox(repo, name);
    repo.file(
        "services/" + name + "/Dockerfile",
        """
        FROM scratch
        ARG TARGETARCH
        COPY busybox-${TARGETARCH} /bin/busybox
        LABEL org.opencontainers.image.title="%s"
        """
            .formatted(name));
  }

  /** A static busybox per architecture into the service folder, for {@code COPY busybox-…}. */
  private static void copyBusybox(FixtureMonorepo repo, String name) {
    Path busybox = Busybox.binaries();
    for (String arch : new String[] {"amd64", "arm64"}) {
      repo.copy(busybox.resolve("busybox-" + arch), "services/" + name + "/busybox-" + arch);
    }
  }
}
