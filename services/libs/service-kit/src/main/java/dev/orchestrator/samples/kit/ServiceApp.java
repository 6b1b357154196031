package dev.orchestrator.samples.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP service on the JDK's own server: {@code GET /health} plus the JSON endpoints a
 * service adds. Run with the argument {@code healthcheck}, it probes a running instance instead and
 * exits 0 or 1, so an image's HEALTHCHECK needs no curl. It writes nothing to disk (images run with
 * a read-only root) and logs to stdout.
 *
 * <pre>{@code
 * ServiceApp.named("agent", 9001).get("/v1/ping", query -> Json.object("pong", true)).main(args);
 * }</pre>
 */
public final class ServiceApp {

  /** A GET endpoint: query parameters in, a JSON object out. */
  @FunctionalInterface
  public interface Endpoint {
    /**
     * @throws IllegalArgumentException for a bad request (answered 400)
     */
    Map<String, ?> handle(Map<String, String> query);
  }

  private final String name;
  private final int defaultPort;
  private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

  private ServiceApp(String name, int defaultPort) {
    this.name = name;
    this.defaultPort = defaultPort;
    endpoints.put("/health", query -> health(name));
  }

  /** A service called {@code name}, listening on {@code $PORT} or else on {@code defaultPort}. */
  public static ServiceApp named(String name, int defaultPort) {
    return new ServiceApp(name, defaultPort);
  }

  public ServiceApp get(String path, Endpoint endpoint) {
    endpoints.put(path, endpoint);
    return this;
  }

  /** Serves until SIGTERM, or with {@code healthcheck} probes a running instance and exits. */
  public void main(String[] args) {
    int port = port();
    if (isHealthcheck(args)) {
      System.exit(HealthProbe.probe(port) ? 0 : 1);
    }
    try {
      serve(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  /** Whether {@code args} ask for the healthcheck mode rather than for serving. */
  public static boolean isHealthcheck(String[] args) {
    return args.length == 1 && args[0].equals("healthcheck");
  }

  static Map<String, ?> health(String service) {
    return Json.object("status", "ok", "service", service);
  }

  private void serve(int port) throws IOException {
    long start = System.nanoTime();
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    ExecutorService workers = Executors.newFixedThreadPool(4);
    server.setExecutor(workers);
    server.createContext("/", this::dispatch);
    // The JVM turns SIGTERM into shutdown hooks: finish in-flight requests, then stop.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log("stopping");
                  server.stop(1);
                  workers.shutdown();
                  log("stopped");
                }));
    server.start();
    log("listening on port %d after %d ms", port, (System.nanoTime() - start) / 1_000_000);
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
      if (endpoint == null) {
        respond(exchange, 404, Map.of("error", "not found"));
      } else if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        respond(exchange, 405, Map.of("error", "method not allowed"));
      } else {
        try {
          respond(exchange, 200, endpoint.handle(query(exchange.getRequestURI().getRawQuery())));
        } catch (IllegalArgumentException e) {
          respond(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
          log("%s %s failed: %s", exchange.getRequestMethod(), exchange.getRequestURI(), e);
          respond(exchange, 500, Map.of("error", "internal error"));
        }
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, Map<String, ?> body)
      throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  private int port() {
    String env = System.getenv("PORT");
    if (env == null || env.isBlank()) {
      return defaultPort;
    }
    try {
      return Integer.parseInt(env.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT is not a number: " + env, e);
    }
  }

  /** One line on stdout, where container logs are collected. */
  public void log(String format, Object... args) {
    System.out.printf("%s %s %s%n", Instant.now(), name, String.format(format, args));
  }
}
