package dev.orchestrator.core.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lint rules, each with a stable id (what {@code lint: {ignore: [...]}} and SARIF name), its
 * severity by default, and a one-line fix. Only a credential set in the image's environment is an
 * error by default: the others are warnings so that a repository that built yesterday still builds;
 * a profile's {@code lint: {warnings-as-errors: true}} makes them fail too.
 */
public enum Rule {
  BASE_NOT_PINNED(
      "base-not-pinned",
      Severity.WARNING,
      "An external image is not pinned by digest",
      "pin it by digest: FROM image:tag@sha256:<digest> (docker buildx imagetools inspect"
          + " image:tag prints it)"),
  LATEST_TAG(
      "latest-tag",
      Severity.WARNING,
      "An external image is tagged latest, or not tagged (which means latest)",
      "name a version tag (image:1.2.3), better with its digest"),
  NO_USER(
      "no-user",
      Severity.WARNING,
      "The final stage sets no USER, so it runs as its base's user: root unless that base says"
          + " otherwise",
      "add USER with a non-root uid to the final stage, such as USER 10001:10001"),
  ROOT_USER(
      "root-user",
      Severity.WARNING,
      "The final stage runs as uid 0 (USER root, USER 0, USER 0:0)",
      "end the final stage with USER and a non-root uid, such as USER 10001:10001"),
  NO_HEALTHCHECK(
      "no-healthcheck",
      Severity.WARNING,
      "The image has no HEALTHCHECK (or HEALTHCHECK NONE)",
      "add HEALTHCHECK CMD <a command that exits 0 when the service is up> to the final stage"),
  SECRET_IN_ENV(
      "secret-in-env",
      Severity.ERROR,
      "ENV sets a credential: it is stored in the image's configuration for anyone who pulls it",
      "pass it at build time with RUN --mount=type=secret (secrets: in service.yaml), and at run"
          + " time from the environment"),
  SECRET_IN_ARG(
      "secret-in-arg",
      Severity.WARNING,
      "ARG names a credential: build arguments are kept in the image history and in provenance",
      "use RUN --mount=type=secret,id=<id> (secrets: in service.yaml) instead of a build argument"),
  ADD_URL_WITHOUT_CHECKSUM(
      "add-url-without-checksum",
      Severity.WARNING,
      "ADD fetches a URL without --checksum, so whatever the server sends is built in",
      "add --checksum=sha256:<digest of the file> to the ADD");

  private final String id;
  private final Severity severity;
  private final String description;
  private final String fix;

  Rule(String id, Severity severity, String description, String fix) {
    this.id = id;
    this.severity = severity;
    this.description = description;
    this.fix = fix;
  }

  public String id() {
    return id;
  }

  /** The severity without a profile's {@code warnings-as-errors}. */
  public Severity severity() {
    return severity;
  }

  /** What the rule finds, in one sentence. */
  public String description() {
    return description;
  }

  /** How to fix what it finds, in one line. */
  public String fix() {
    return fix;
  }

  public static Optional<Rule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
