package dev.orchestrator.core.maven;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/** Reads one POM as written (no inheritance, no interpolation) with Maven's own model reader. */
final class PomReader {
  private PomReader() {}

  static Model read(Path pom) {
    try (Reader in = Files.newBufferedReader(pom)) {
      // Lenient, as Maven falls back to: an unknown element is not our business, bad XML is.
      return new MavenXpp3Reader().read(in, false);
    } catch (XmlPullParserException e) {
      throw new ConfigurationException(
          new Problem(
              pom,
              Math.max(0, e.getLineNumber()),
              "not a readable POM"
                  + (e.getColumnNumber() > 0 ? " (column " + e.getColumnNumber() + ")" : "")
                  + ": "
                  + firstLine(e.getMessage())));
    } catch (IOException e) {
      throw new ConfigurationException(
          Problem.inFile(pom, "cannot read the POM: " + FileErrors.reasonAt(pom, e)));
    }
  }

  private static String firstLine(String message) {
    String text = message == null ? "malformed XML" : message;
    int position = text.indexOf(" (position:");
    return (position > 0 ? text.substring(0, position) : text)
        .lines()
        .findFirst()
        .orElse(text)
        .trim();
  }
}
