package dev.orchestrator.core.hash;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.graph.ServiceGraph;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The input hash of each service per platform: its own {@link ServiceInputs}, the platform, and the
 * input hashes of every service it depends on (graph edges of every kind), so that a change
 * propagates to everything built on it. Thread-safe; each service's files are read once per run.
 */
public final class InputHashes implements AutoCloseable {
  private final InputHasher hasher;
  private final ServiceGraph graph;
  private final Map<String, Service> services;
  private final Map<String, CompletableFuture<ServiceInputs>> inputs = new ConcurrentHashMap<>();
  private final Map<String, String> platformHashes = new ConcurrentHashMap<>();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "hash-service");
            t.setDaemon(true);
            return t;
          });

  public InputHashes(InputHasher hasher, ServiceGraph graph, Map<String, Service> services) {
    this.hasher = hasher;
    this.graph = graph;
    this.services = Map.copyOf(services);
  }

  /** Starts hashing these services in the background; later calls find the result ready. */
  public void precompute(Collection<String> names) {
    names.forEach(this::future);
  }

  public ServiceInputs inputs(String service) {
    try {
      return future(service).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new OrchestratorBug(
          "hashing the inputs of " + service + " failed: " + OrchestratorBug.describe(e.getCause()),
          e.getCause());
    }
  }

  private CompletableFuture<ServiceInputs> future(String service) {
    return inputs.computeIfAbsent(
        service, s -> CompletableFuture.supplyAsync(() -> hasher.inputs(services.get(s)), pool));
  }

  /**
   * The files and folders a service's inputs are read from (see {@link InputHasher#inputPaths}).
   */
  public List<java.nio.file.Path> inputPaths(String service) {
    return hasher.inputPaths(services.get(service));
  }

  /**
   * Forgets what was read for a service whose files just changed (its preparation ran), and the
   * hashes of everything built on it: theirs hold its hash, and may have been asked for already
   * (the Maven step asks before any preparation runs), which would label them with a hash that the
   * next build no longer finds.
   */
  public void forget(String service) {
    inputs.remove(service);
    for (String stale : graph.withDependents(List.of(service))) {
      platformHashes.keySet().removeIf(k -> k.startsWith(stale + "\0"));
    }
  }

  /** The input hash of a service for one platform. */
  public String platformHash(String service, String platform) {
    String key = service + "\0" + platform;
    String known = platformHashes.get(key);
    if (known != null) {
      return known;
    }
    StringBuilder text = new StringBuilder(InputHasher.FORMAT).append('\n');
    text.append("service ").append(inputs(service).contentHash()).append('\n');
    text.append("platform ").append(InputHasher.field(platform)).append('\n');
    for (String dependency : new java.util.TreeSet<>(graph.dependenciesOf(service))) {
      text.append("dependency ")
          .append(InputHasher.field(dependency))
          .append(' ')
          .append(platformHash(dependency, platform))
          .append('\n');
    }
    String hash = FileHashCache.sha256(text.toString());
    platformHashes.put(key, hash);
    return hash;
  }

  /** Per-platform input hashes, in platform order. */
  public Map<String, String> platformHashes(String service, List<String> platforms) {
    Map<String, String> hashes = new LinkedHashMap<>();
    platforms.forEach(p -> hashes.put(p, platformHash(service, p)));
    return hashes;
  }

  /**
   * The hash recorded on an image built by one buildx invocation for several platforms: over the
   * per-platform hashes, in platform name order.
   */
  public static String invocationHash(Map<String, String> perPlatform) {
    StringBuilder text = new StringBuilder(InputHasher.FORMAT).append(" invocation\n");
    new TreeMap<>(perPlatform)
        .forEach((p, h) -> text.append(InputHasher.field(p)).append(' ').append(h).append('\n'));
    return FileHashCache.sha256(text.toString());
  }

  /** Writes the file hash cache back. */
  public void save() {
    hasher.saveCache();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    hasher.close();
  }
}
