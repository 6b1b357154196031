package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DOCKER_HOST values the engine client cannot use are the machine's setup, named with its value.
 */
class EnginesTest {
  private final SystemCommandRunner runner = new SystemCommandRunner(Map.of());

  private EnvironmentException refused(String dockerHost) {
    return catchThrowableOfType(
        EnvironmentException.class,
        () -> Engines.connect(runner, Map.of("DOCKER_HOST", dockerHost)));
  }

  @Test
  void anUnknownSchemeNamesTheVariableItsValueAndTheExpectedForm() {
    EnvironmentException e = refused("bogus://x");

    assertThat(e)
        .hasMessage(
            "DOCKER_HOST=bogus://x is not a Docker engine address: scheme 'bogus' is not"
                + " supported.");
    assertThat(e.remedy()).contains("unix:///path/to/docker.sock", "tcp://host:port");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b",
        "/var/run/docker.sock",
        "unix:relative.sock",
        "tcp:///no-host",
        "tcp://127.0.0.1:99999",
        "TCP://127.0.0.1:2375",
        "http://127.0.0.1:2375",
        "ssh://me@build-host"
      })
  void addressesTheClientWouldThrowOnAreRefusedUpFront(String dockerHost) {
    EnvironmentException e = refused(dockerHost);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("DOCKER_HOST=" + dockerHost + " is not a Docker engine");
    assertThat(e.remedy()).startsWith("Set DOCKER_HOST to unix:///");
  }

  @Test
  void sshSaysHowToReachTheEngineInstead() {
    assertThat(refused("ssh://me@build-host").getMessage()).contains("forward the socket");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix:///var/run/docker.sock", "tcp://127.0.0.1:2375", "tcp://localhost"})
  void usableAddressesConnectWithoutContactingTheEngine(String dockerHost) {
    try (Engine engine = Engines.connect(runner, Map.of("DOCKER_HOST", dockerHost))) {
      assertThat(engine.online()).isTrue();
    }
  }
}
