package dev.orchestrator.core.lint;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code secret-in-env}, {@code secret-in-arg} and {@code add-url-without-checksum}, instruction by
 * instruction in every stage: a builder stage's history still goes to the build cache (which {@code
 * cache: {mode: max}} exports), and build arguments go into provenance.
 */
final class InstructionChecks {
  /** Words that make a variable a credential, anywhere in its upper-cased name. */
  private static final Pattern CREDENTIAL =
      Pattern.compile(
          "PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY");

  /** A name that points at a credential rather than holding one: DB_PASSWORD_FILE. */
  private static final Pattern POINTER = Pattern.compile(".*_(FILE|PATH|DIR|URL)");

  private static final Pattern URL = Pattern.compile("(?i)https?://.*");

  private InstructionChecks() {}

  static List<Finding.Draft> check(Service service) {
    List<Finding.Draft> found = new ArrayList<>();
    for (Setting setting : service.dockerfileInfo().settings()) {
      switch (setting.kind()) {
        case ENV -> {
          // An empty value holds nothing; it only declares the variable.
          if (isCredential(setting.name()) && !setting.value().orElse("").isEmpty()) {
            found.add(
                new Finding.Draft(
                    Rule.SECRET_IN_ENV,
                    setting.line(),
                    "ENV " + setting.name() + " puts a credential in the image's configuration"));
          }
        }
        case ARG -> {
          if (isCredential(setting.name())) {
            found.add(
                new Finding.Draft(
                    Rule.SECRET_IN_ARG,
                    setting.line(),
                    "ARG " + setting.name() + " passes a credential as a build argument"));
          }
        }
        case ADD -> {
          if (URL.matcher(setting.name()).matches() && setting.value().isEmpty()) {
            found.add(
                new Finding.Draft(
                    Rule.ADD_URL_WITHOUT_CHECKSUM,
                    setting.line(),
                    "ADD " + setting.name() + " has no --checksum"));
          }
        }
        default -> {}
      }
    }
    return found;
  }

  static boolean isCredential(String name) {
    String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
    return CREDENTIAL.matcher(upper).find() && !POINTER.matcher(upper).matches();
  }
}
