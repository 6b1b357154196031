package dev.orchestrator.core.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which mentions are stages of the file and which are images. A FROM can only name a stage
 * defined above it (its own AS name is not yet defined), while COPY --from and mount from= see
 * every stage name in the file. Stage names compare case-insensitively.
 */
final class ReferenceResolver {
  private static final Pattern INDEX = Pattern.compile("[+-]?\\d+");

  private ReferenceResolver() {}

  static List<ImageReference> resolve(
      List<Stage> stages, List<StageCollector.Mention> mentions, List<ParseFailure> failures) {
    Set<String> allNames = namesOf(stages, stages.size());
    List<ImageReference> references = new ArrayList<>();
    for (StageCollector.Mention mention : mentions) {
      String image = mention.image();
      String lower = image.toLowerCase(Locale.ROOT);
      boolean isFrom = mention.kind() == ImageReference.Kind.FROM;
      boolean isStage =
          isFrom
              ? namesOf(stages, mention.stagesBefore()).contains(lower)
              : allNames.contains(lower) || isIndex(mention, stages.size(), failures);
      if (!isStage && !image.equals("scratch")) {
        references.add(new ImageReference(image, mention.kind(), mention.line()));
      }
    }
    return references;
  }

  private static boolean isIndex(
      StageCollector.Mention mention, int count, List<ParseFailure> failures) {
    if (!INDEX.matcher(mention.image()).matches()) {
      return false;
    }
    String digits = mention.image().replaceFirst("^\\+", "");
    if (digits.startsWith("-") || digits.length() > 9 || Integer.parseInt(digits) >= count) {
      failures.add(
          new ParseFailure(
              mention.line(),
              "stage index "
                  + mention.image()
                  + " does not exist; expected 0 to "
                  + (count - 1)
                  + " or a stage name"));
    }
    return true;
  }

  private static Set<String> namesOf(List<Stage> stages, int count) {
    Set<String> names = new HashSet<>();
    stages
        .subList(0, Math.min(count, stages.size()))
        .forEach(stage -> stage.name().ifPresent(names::add));
    return names;
  }
}
