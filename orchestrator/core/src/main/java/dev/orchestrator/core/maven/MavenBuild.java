package dev.orchestrator.core.maven;

import dev.orchestrator.core.error.EnvironmentException;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.Invoker;
import org.apache.maven.shared.invoker.InvokerLogger;
import org.apache.maven.shared.invoker.MavenInvocationException;
import org.apache.maven.shared.invoker.PrintStreamLogger;

/**
 * Builds the jars of the Maven modules that images need, once per run for all of them: {@code -pl
 * <modules> -am package}, through maven-invoker, with the repository's wrapper when it has one.
 */
public final class MavenBuild {
  private MavenBuild() {}

  /** What Maven did: its exit code and output (a failure is data, not an exception). */
  public record Result(List<String> modules, int exitCode, List<String> output, Duration duration) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * The Maven invocation for these modules (paths relative to the root), for dry runs and tests.
   */
  public static List<String> goalsAndOptions(List<String> modules) {
    return List.of("-B", "-q", "-pl", String.join(",", modules), "-am", "package", "-DskipTests");
  }

  public static Result packageModules(Path root, List<String> modules, Consumer<String> onLine) {
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    InvocationRequest request =
        new DefaultInvocationRequest()
            .setBaseDirectory(root.toFile())
            .setPomFile(root.resolve("pom.xml").toFile())
            .setBatchMode(true)
            .setQuiet(true)
            .setProjects(modules)
            .setAlsoMake(true)
            .addArgs(List.of("package", "-DskipTests"))
            .setInputStream(new java.io.ByteArrayInputStream(new byte[0]))
            .setOutputHandler(
                line -> {
                  output.add(line);
                  onLine.accept(line);
                })
            .setErrorHandler(
                line -> {
                  output.add(line);
                  onLine.accept(line);
                });
    // The invoker's own logger prints to System.out; the core never prints, Maven's output
    // reaches the listener through the handlers above.
    Invoker invoker =
        new DefaultInvoker()
            .setLogger(
                new PrintStreamLogger(
                    new PrintStream(OutputStream.nullOutputStream()), InvokerLogger.ERROR));
    Path wrapper = root.resolve("mvnw");
    if (Files.isExecutable(wrapper)) {
      invoker.setMavenExecutable(wrapper.toFile());
    } else {
      invoker.setMavenHome(mavenHome());
    }
    long start = System.nanoTime();
    try {
      InvocationResult result = invoker.execute(request);
      return new Result(
          modules,
          result.getExitCode(),
          List.copyOf(output),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (MavenInvocationException e) {
      throw new EnvironmentException(
          "cannot run Maven: " + e.getMessage(),
          "install Maven or add the Maven wrapper (mvnw) to the repository",
          e);
    }
  }

  private static File mavenHome() {
    String home = System.getProperty("maven.home", System.getenv("MAVEN_HOME"));
    return new File(home != null ? home : "/usr/share/maven");
  }
}
