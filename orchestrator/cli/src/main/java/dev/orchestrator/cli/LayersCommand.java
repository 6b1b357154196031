package dev.orchestrator.cli;

import dev.orchestrator.core.LayersRequest;
import dev.orchestrator.core.layers.LayerTable;
import dev.orchestrator.core.report.LayersText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "layers",
    description =
        "The layers of a service's built image, per platform: the instruction that made each,"
            + " its compressed and uncompressed size, and whether the last build took it from the"
            + " cache (base, cached, built or unknown). Exit 3 for an unknown service, 5 for an"
            + " image or platform never built.")
final class LayersCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Parameters(paramLabel = "SERVICE", description = "The service whose image to read.")
  String service;

  @Option(names = "--format", description = "text or json (default: text, json with --json).")
  Format format = Format.text;

  @Option(
      names = "--digests-file",
      paramLabel = "PATH",
      description =
          "With output push-by-digest: the digests file its build wrote (default:"
              + " .cache/orchestrator/digests-ARCH.json).")
  Path digestsFile;

  LayersCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<LayerTable> tables =
        shared
            .orchestrator(context)
            .layers(
                new LayersRequest(
                    shared.root(),
                    shared.profile(),
                    service,
                    shared.platforms,
                    Optional.ofNullable(digestsFile).map(p -> p.toAbsolutePath().normalize())));
    boolean json = format == Format.json || shared.json;
    context
        .out()
        .print(
            json ? Json.write(LayersJson.of(service, tables)) + "\n" : LayersText.render(tables));
    return ExitCodes.OK;
  }
}
