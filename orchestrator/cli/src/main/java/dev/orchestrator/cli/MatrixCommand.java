package dev.orchestrator.cli;

import dev.orchestrator.core.publish.JobMatrix;
import dev.orchestrator.core.publish.StagedMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "matrix",
    description = {
      "Print the CI job matrix: one job per architecture, each pushing by digest.",
      "With --stages or --shards, the staged form: the plan's waves in at most K stages run one"
          + " after the other, each stage in at most M jobs per architecture; a job builds only"
          + " its services and takes earlier stages' images by digest (build"
          + " --dependencies-from)."
    })
final class MatrixCommand implements Callable<Integer> {
  enum Format {
    github,
    json,
    text
  }

  private final CliFactory.Context context;
  @Mixin SharedOptions shared;
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "github (one line for strategy.matrix: {\"include\": […]}), json or text.")
  Format format;

  @Option(
      names = "--stages",
      paramLabel = "K",
      converter = MatrixCommand.AtLeastOne.class,
      description =
          "Staged form: at most K stages (the first take a wave of the plan each, the last the"
              + " rest); the workflow needs K stage jobs chained by needs:.")
  int stages;

  @Option(
      names = "--shards",
      paramLabel = "M",
      converter = MatrixCommand.AtLeastOne.class,
      description =
          "Staged form: at most M jobs per stage and architecture, each of whole connected"
              + " components of the stage (largest first into the least loaded); default 1.")
  int shards;

  @Option(
      names = "--stage",
      paramLabel = "I",
      converter = MatrixCommand.AtLeastOne.class,
      description =
          "Staged form: only stage I (1 to K); with --format github one strategy.matrix line,"
              + " {\"include\": []} when the plan has fewer waves than I.")
  int stage;

  MatrixCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (stages > 0 || shards > 0 || stage > 0) {
      return staged();
    }
    List<JobMatrix.Job> jobs =
        shared.orchestrator(context).matrix(shared.root(), shared.profile(), shared.platforms);
    List<Map<String, Object>> entries = jobs.stream().map(MatrixCommand::entry).toList();
    Format chosen = shared.json ? Format.json : format;
    if (chosen == Format.github) {
      // One line, as $GITHUB_OUTPUT needs; strings never hold a raw newline, so this is safe.
      context.out().println(Json.write(Map.of("include", entries)).replaceAll("\n\\s*", ""));
    } else if (chosen == Format.json) {
      context.out().println(Json.write(Map.of("jobs", entries)));
    } else {
      jobs.forEach(
          j ->
              context
                  .out()
                  .printf(
                      Locale.ROOT,
                      "%-8s %-14s %-10s %-18s make container-push ARCH=%s%n",
                      j.arch(),
                      j.platform(),
                      j.profile(),
                      j.runner(),
                      j.arch()));
    }
    return ExitCodes.OK;
  }

  private int staged() {
    int k = stages > 0 ? stages : 1;
    if (stage > k) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--stage " + stage + " is beyond --stages " + k);
    }
    List<StagedMatrix.Stage> all =
        shared
            .orchestrator(context)
            .stagedMatrix(
                shared.root(), shared.profile(), shared.platforms, k, shards > 0 ? shards : 1);
    List<StagedMatrix.Stage> chosen = stage > 0 ? List.of(all.get(stage - 1)) : all;
    Format f = shared.json ? Format.json : format;
    if (f == Format.github) {
      Map<String, Object> json = new LinkedHashMap<>();
      chosen.forEach(s -> json.put("stage" + s.number(), include(s)));
      Object out = stage > 0 ? include(chosen.get(0)) : json;
      context.out().println(Json.write(out).replaceAll("\n\\s*", ""));
    } else if (f == Format.json) {
      List<Map<String, Object>> json = new ArrayList<>();
      for (StagedMatrix.Stage s : chosen) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("stage", s.number());
        one.put("waves", s.waves());
        one.put("jobs", s.jobs().stream().map(MatrixCommand::entry).toList());
        json.add(one);
      }
      context.out().println(Json.write(Map.of("stages", json)));
    } else {
      for (StagedMatrix.Stage s : chosen) {
        context
            .out()
            .printf(Locale.ROOT, "stage %d: %s, %d jobs%n", s.number(), waves(s), s.jobs().size());
        for (StagedMatrix.StagedJob j : s.jobs()) {
          context
              .out()
              .printf(
                  Locale.ROOT,
                  "  %-24s %-14s %-10s %-18s %s%n",
                  j.name(),
                  j.job().platform(),
                  j.job().profile(),
                  j.job().runner(),
                  String.join(" ", j.services()));
        }
      }
    }
    return ExitCodes.OK;
  }

  /** The waves a stage covers, numbered from 1: the stages before it took one each. */
  private static String waves(StagedMatrix.Stage s) {
    int n = s.waves().size();
    return n == 0
        ? "no wave"
        : n == 1 ? "wave " + s.number() : "waves " + s.number() + "-" + (s.number() + n - 1);
  }

  private static Map<String, Object> include(StagedMatrix.Stage stage) {
    return Map.of("include", stage.jobs().stream().map(MatrixCommand::entry).toList());
  }

  /** A staged job: the architecture job's fields, its stage, shard and services. */
  private static Map<String, Object> entry(StagedMatrix.StagedJob job) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", job.name());
    json.put("stage", job.stage());
    json.put("shard", job.shard());
    json.put("services", String.join(" ", job.services()));
    json.putAll(entry(job.job()));
    return json;
  }

  private static Map<String, Object> entry(JobMatrix.Job job) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("arch", job.arch());
    json.put("platform", job.platform());
    json.put("profile", job.profile());
    json.put("runner", job.runner());
    json.put("digestsFile", job.digestsFile());
    json.put("reportFile", job.reportFile());
    json.put("artifact", job.artifact());
    return json;
  }

  /** A count of stages, shards or a stage number: 1 or more. */
  static final class AtLeastOne implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a whole number of 1 or more");
    }
  }
}
