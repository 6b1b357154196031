package dev.orchestrator.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code docker buildx build --metadata-file} wrote. */
public final class BuildMetadata {
  private static final Pattern DIGEST =
      Pattern.compile("\"containerimage\\.digest\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"");

  private BuildMetadata() {}

  /** The image's digest ({@code containerimage.digest}); empty when missing or unreadable. */
  public static Optional<String> digest(Path metadataFile) {
    try {
      Matcher m = DIGEST.matcher(Files.readString(metadataFile));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
