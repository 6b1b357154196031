package dev.orchestrator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a JVM of its own, as the launcher does, with the JVM's class-load log on: what a
 * command loads can only be seen in a fresh JVM (a test's JVM has everything loaded already).
 */
public final class FreshJvm {
  /** What the run printed and every class it loaded, by name. */
  public record Run(int exitCode, String out, String err, List<String> loadedClasses) {
    public List<String> loadedFrom(String packagePrefix) {
      return loadedClasses.stream().filter(c -> c.startsWith(packagePrefix)).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  private FreshJvm() {}

  /** {@code orchestrator ARGS}, with this test's class path, from {@code work}. */
  public static Run run(Path work, List<String> args) {
    try {
      Path log = Files.createTempFile(work, "class-load", ".log");
      Path out = Files.createTempFile(work, "out", ".txt");
      Path err = Files.createTempFile(work, "err", ".txt");
      List<String> argv = new ArrayList<>();
      argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      argv.add("-Xlog:class+load=info:file=" + log);
      argv.add("-cp");
      argv.add(System.getProperty("java.class.path"));
      argv.add(Main.class.getName());
      argv.addAll(args);
      Process p =
          new ProcessBuilder(argv)
              .directory(work.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("orchestrator " + args + " ran for 5 minutes");
      }
      // Lines read "[0.012s][info][class,load] java.lang.Object source: shared objects file".
      List<String> classes =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .map(l -> l.substring(l.lastIndexOf(']') + 1).strip())
              .map(l -> l.contains(" ") ? l.substring(0, l.indexOf(' ')) : l)
              .toList();
      return new Run(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
