package dev.orchestrator.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.orchestrator.core.process.CommandRunner;
import java.net.URI;
import java.time.Duration;

/** docker-java connections, apart from {@link Engines} so that loading it loads no docker-java. */
final class DockerJavaConnections {
  /** A missing engine should fail preflight at once, not after the transport's default wait. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Longest silence while reading a response; an image export streams steadily, so this bounds
   * stalls, not total time.
   */
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

  private DockerJavaConnections() {}

  static Engine defaultEngine(CommandRunner runner) {
    return connect(DefaultDockerClientConfig.createDefaultConfigBuilder().build(), runner);
  }

  /** The engine at {@code host}, such as {@code unix:///run/other.sock} or a tcp address. */
  static Engine connect(URI host, CommandRunner runner) {
    return connect(
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host.toString())
            .build(),
        runner);
  }

  private static Engine connect(DockerClientConfig config, CommandRunner runner) {
    URI host = config.getDockerHost();
    ZerodepDockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(host)
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(CONNECT_TIMEOUT)
            .responseTimeout(RESPONSE_TIMEOUT)
            .build();
    DockerClient client = DockerClientImpl.getInstance(config, http);
    return new DockerJavaEngine(client, host, new BuildxProbe(runner));
  }
}
