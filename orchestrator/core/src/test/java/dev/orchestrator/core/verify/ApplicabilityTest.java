package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.config.ServiceDescriptor.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplicabilityTest {
  private static final List<String> TEST = List.of("CMD", "/bin/app", "check");

  static ServiceDescriptor descriptor(List<Integer> ports, Optional<HealthCheck> health) {
    return ServiceDescriptor.builder().ports(ports).health(health).build();
  }

  @Test
  void anImageWithAHealthcheckIsRunEvenWithoutServiceYaml() {
    assertThat(Applicability.runnable(ServiceDescriptor.none(), true)).isTrue();
  }

  @Test
  void declaredPortsOrHealthMakeAServiceRunnable() {
    assertThat(Applicability.runnable(descriptor(List.of(8080), Optional.empty()), false)).isTrue();
    assertThat(
            Applicability.runnable(
                descriptor(
                    List.of(), Optional.of(new HealthCheck("/ready", Duration.ofSeconds(5)))),
                false))
        .isTrue();
  }

  @Test
  void aBaseImageWithNothingToProbeIsNotRun() {
    assertThat(Applicability.runnable(ServiceDescriptor.none(), false)).isFalse();
  }

  @Test
  void theHealthPathDefaultsToSlashHealthOnTheFirstPort() {
    ServiceDescriptor d = descriptor(List.of(9001, 9002), Optional.empty());

    assertThat(Applicability.httpPort(d)).contains(9001);
    assertThat(Applicability.healthPath(d)).isEqualTo("/health");
    assertThat(
            Applicability.healthPath(
                descriptor(
                    List.of(), Optional.of(new HealthCheck("/ready", Duration.ofSeconds(5))))))
        .isEqualTo("/ready");
    assertThat(Applicability.httpPort(ServiceDescriptor.none())).isEmpty();
  }

  @Test
  void aMissingHealthcheckFailsARunnableServiceButIsNotApplicableToABase() {
    assertThat(Applicability.healthcheck(true, List.of()).failed()).isTrue();
    assertThat(Applicability.healthcheck(false, List.of()).status())
        .isEqualTo(CheckStatus.NOT_APPLICABLE);
    assertThat(Applicability.healthcheck(false, TEST).status()).isEqualTo(CheckStatus.PASS);
    assertThat(Applicability.healthcheck(true, TEST).detail()).isEqualTo("CMD /bin/app check");
  }

  @Test
  void aBaseRunningAsRootIsNotApplicableNotPassedAndSaysWhatItFound() {
    CheckResult base = Applicability.user(false, "");

    assertThat(base.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    assertThat(base.detail()).startsWith("no USER (runs as root)");
    assertThat(Applicability.user(true, "").failed()).isTrue();
    assertThat(Applicability.user(true, "1000:1000").status()).isEqualTo(CheckStatus.PASS);
  }
}
