package dev.orchestrator.core.graph;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.ImageReference;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule deciding whether an image a Dockerfile names is an in-repo service (wired as a
 * buildx named context) or an external image; {@code list}, {@code graph} and {@code build} all ask
 * it. A reference is the service {@code S} only when it is exactly {@code S}'s name (no tag,
 * digest, registry or path), no stage of the Dockerfile is named so, and one of these holds:
 *
 * <ol>
 *   <li>the referring service declares {@code S} as a dependency ({@code dependsOn} in {@code
 *       service.yaml}, {@code requires}/{@code contexts} in a build definition);
 *   <li>{@code S} declares itself a base ({@code base: true} in its {@code service.yaml});
 *   <li>the name is not also a well-known public image ({@link #PUBLIC_IMAGES}).
 * </ol>
 *
 * A public name that matches a service without either declaration stays external, with a warning
 * saying how to wire it: {@code FROM registry} means Docker Hub's {@code registry} unless the user
 * says otherwise.
 */
public final class Wiring {
  /**
   * Docker Hub's official images that a repository is likely to also have a folder for, and the
   * common runtime and tool images. Names only: a tag, digest or path already makes a reference
   * external.
   */
  public static final Set<String> PUBLIC_IMAGES =
      Set.of(
          "adminer",
          "almalinux",
          "alpine",
          "amazoncorretto",
          "amazonlinux",
          "archlinux",
          "bash",
          "busybox",
          "caddy",
          "cassandra",
          "centos",
          "clojure",
          "composer",
          "consul",
          "couchbase",
          "couchdb",
          "debian",
          "docker",
          "eclipse-mosquitto",
          "eclipse-temurin",
          "elasticsearch",
          "elixir",
          "erlang",
          "fedora",
          "flink",
          "fluentd",
          "gcc",
          "ghost",
          "golang",
          "gradle",
          "groovy",
          "haproxy",
          "haskell",
          "hello-world",
          "httpd",
          "ibmjava",
          "influxdb",
          "jetty",
          "jenkins",
          "julia",
          "kibana",
          "kong",
          "logstash",
          "mariadb",
          "maven",
          "memcached",
          "mongo",
          "mongo-express",
          "mysql",
          "nats",
          "neo4j",
          "nextcloud",
          "nginx",
          "node",
          "open-liberty",
          "openjdk",
          "oraclelinux",
          "percona",
          "perl",
          "php",
          "phpmyadmin",
          "postgres",
          "pypy",
          "python",
          "rabbitmq",
          "redis",
          "redmine",
          "registry",
          "rockylinux",
          "ruby",
          "rust",
          "sapmachine",
          "solr",
          "sonarqube",
          "spark",
          "swift",
          "telegraf",
          "tomcat",
          "tomee",
          "traefik",
          "ubuntu",
          "varnish",
          "vault",
          "wordpress",
          "zookeeper");

  private Wiring() {}

  /**
   * What a reference means.
   *
   * @param inRepo wired to the in-repo service of that name
   * @param reason why it is wired (for {@code graph}), or why it stays external
   * @param warning set when the reference is ambiguous: it names a service but stays external
   */
  public record Decision(boolean inRepo, String reason, Optional<String> warning) {}

  public static Decision decide(Service from, String image, Map<String, Service> services) {
    Service target = services.get(image);
    if (target == null) {
      return new Decision(false, "not a service", Optional.empty());
    }
    // A stage of the same name shadows the service: BuildKit would let a named context
    // override the stage, so the orchestrator never wires one for it.
    if (from.dockerfileInfo().stageNames().contains(image.toLowerCase(Locale.ROOT))) {
      return new Decision(false, "a stage of the same name", Optional.empty());
    }
    if (from.descriptor().dependsOn().contains(image)) {
      return new Decision(true, "declared dependency", Optional.empty());
    }
    if (target.descriptor().base()) {
      return new Decision(true, "declared base", Optional.empty());
    }
    if (!PUBLIC_IMAGES.contains(image)) {
      return new Decision(true, "service name, not a public image", Optional.empty());
    }
    return new Decision(
        false,
        "public image name",
        Optional.of(
            "'"
                + image
                + "' is both the public image and the in-repo service "
                + image
                + " ("
                + target.relativeDirectory()
                + "); it stays the public image. To build FROM the service, add 'dependsOn: ["
                + image
                + "]' to "
                + from.name()
                + "'s service.yaml or 'base: true' to "
                + image
                + "'s; to keep the public image and silence this, write a tag ("
                + image
                + ":latest)."));
  }

  /** Every ambiguous reference of a service, each with the Dockerfile line. */
  public static java.util.List<String> warnings(Service from, Map<String, Service> services) {
    String dockerfile = from.dockerfile().getFileName().toString();
    java.util.List<String> warnings = new java.util.ArrayList<>();
    for (ImageReference ref : from.dockerfileInfo().references()) {
      decide(from, ref.image(), services)
          .warning()
          .ifPresent(
              w ->
                  warnings.add(
                      from.relativeDirectory() + "/" + dockerfile + ":" + ref.line() + ": " + w));
    }
    return java.util.List.copyOf(warnings);
  }
}
