package dev.orchestrator.samples.indexer;

import dev.orchestrator.samples.controlplane.api.ControlPlaneApi;
import dev.orchestrator.samples.controlplane.api.Status;
import dev.orchestrator.samples.kit.Json;
import dev.orchestrator.samples.kit.ServiceApp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** The indexer: full-text search over the documents under {@code $CORPUS_DIR}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws IOException {
    Instant start = Instant.now();
    ServiceApp app = ServiceApp.named("indexer", 9002);
    // The healthcheck mode only probes the serving process: it need not read the corpus.
    boolean serving = !ServiceApp.isHealthcheck(args);
    Path corpus = Path.of(System.getenv().getOrDefault("CORPUS_DIR", "/app/corpus"));
    Index index = serving ? Index.of(corpus) : Index.empty();
    if (serving) {
      app.log("indexed %d documents, %d words from %s", index.documents(), index.words(), corpus);
    }
    app.get(ControlPlaneApi.STATUS, query -> Status.of("indexer", Main.class, start).toMap())
        .get(
            "/v1/search",
            query -> {
              String word = query.getOrDefault("q", "").trim().toLowerCase(Locale.ROOT);
              if (word.isEmpty()) {
                throw new IllegalArgumentException("missing query parameter q");
              }
              return Json.object("query", word, "documents", index.find(word));
            })
        .main(args);
  }
}
