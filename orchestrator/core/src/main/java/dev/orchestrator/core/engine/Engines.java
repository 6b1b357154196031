package dev.orchestrator.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.time.Duration;

/** Opens connections to Docker engines. */
public final class Engines {
  /** A missing engine should fail preflight at once, not after the transport's default wait. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Longest silence while reading a response; an image export streams steadily, so this bounds
   * stalls, not total time.
   */
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

  private Engines() {}

  /**
   * The engine named by {@code DOCKER_HOST}, or {@code unix:///var/run/docker.sock}. Does not
   * contact it: call {@link Engine#preflight} for that.
   */
  public static Engine connect() {
    String dockerHost = System.getenv("DOCKER_HOST");
    URI host = URI.create(dockerHost == null || dockerHost.isBlank()
        ? "unix:///var/run/docker.sock" : dockerHost);
    // Under a docker context, only docker-java knows where the engine is.
    URI fast = System.getenv("DOCKER_CONTEXT") == null ? host : URI.create("tcp://context");
    return new LazyEngine(fast,
        () -> connect(DefaultDockerClientConfig.createDefaultConfigBuilder().build()));
  }

  /** The engine at {@code host}, such as {@code unix:///run/other.sock} or a tcp address. */
  static Engine connect(URI host) {
    return connect(
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host.toString())
            .build());
  }

  private static Engine connect(DockerClientConfig config) {
    URI host = config.getDockerHost();
    ZerodepDockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(host)
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(CONNECT_TIMEOUT)
            .responseTimeout(RESPONSE_TIMEOUT)
            .build();
    DockerClient client = DockerClientImpl.getInstance(config, http);
    return new DockerJavaEngine(client, host, new BuildxProbe(host));
  }
}
