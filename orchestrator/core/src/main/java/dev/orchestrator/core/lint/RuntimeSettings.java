package dev.orchestrator.core.lint;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code no-user}, {@code root-user} and {@code no-healthcheck}: what the image runs as and how it
 * says it is up, as its whole {@link ImageChain} sets them. They matter only for an image that is
 * run, so a base is left out, as verify leaves it out: {@code base: true}, or an image other
 * services build FROM whose chain has no CMD or ENTRYPOINT.
 */
final class RuntimeSettings {
  private static final Set<String> ROOT = Set.of("root", "0");

  private RuntimeSettings() {}

  static boolean isBase(Service service, ImageChain chain, boolean builtFrom) {
    return service.descriptor().base()
        || builtFrom
            && chain.effective(Setting.Kind.CMD).isEmpty()
            && chain.effective(Setting.Kind.ENTRYPOINT).isEmpty();
  }

  static List<Finding.Draft> check(Service service, ImageChain chain) {
    List<Finding.Draft> found = new ArrayList<>();
    Optional<ImageChain.Found> user = chain.effective(Setting.Kind.USER);
    if (user.isEmpty()) {
      found.add(
          new Finding.Draft(
              Rule.NO_USER,
              chain.finalLine(),
              "the final stage sets no USER, nor does any stage it is built FROM"
                  + chain
                      .externalBase()
                      .map(b -> ", so it runs as '" + b + "' does: root unless that image sets one")
                      .orElse(", so it runs as root")));
    } else if (isRoot(user.get().setting().name())) {
      found.add(
          new Finding.Draft(
              Rule.ROOT_USER,
              lineIn(service, user.get(), chain),
              "the final stage runs as uid 0: USER "
                  + user.get().setting().name()
                  + inherited(service, user.get())));
    }
    Optional<ImageChain.Found> health = chain.effective(Setting.Kind.HEALTHCHECK);
    if (health.isEmpty()) {
      found.add(
          new Finding.Draft(
              Rule.NO_HEALTHCHECK,
              chain.finalLine(),
              "the image has no HEALTHCHECK"
                  + (service.descriptor().health().isPresent()
                      ? " (service.yaml's health is verify's probe only: the image does not carry"
                          + " it)"
                      : "")));
    } else if (health.get().setting().name().equals("NONE")) {
      found.add(
          new Finding.Draft(
              Rule.NO_HEALTHCHECK,
              lineIn(service, health.get(), chain),
              "HEALTHCHECK NONE turns the health check off" + inherited(service, health.get())));
    }
    return found;
  }

  /** {@code root}, {@code 0}, and either with any group ({@code 0:0}, {@code root:app}). */
  static boolean isRoot(String user) {
    int colon = user.indexOf(':');
    return ROOT.contains(colon < 0 ? user : user.substring(0, colon));
  }

  /** The setting's own line when it is in this service's Dockerfile, else the final stage's. */
  private static int lineIn(Service service, ImageChain.Found found, ImageChain chain) {
    return found.service() == service ? found.setting().line() : chain.finalLine();
  }

  private static String inherited(Service service, ImageChain.Found found) {
    return found.service() == service
        ? ""
        : ", inherited from the in-repo base "
            + found.service().name()
            + " ("
            + found.service().dockerfile().getFileName()
            + ":"
            + found.setting().line()
            + ")";
  }
}
