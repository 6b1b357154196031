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
  private static final ServiceDescriptor NONE = ServiceDescriptor.none();
  private static final Applicability.Decision RUN = Applicability.decide(NONE, true, false);
  private static final Applicability.Decision NOT_RUNNABLE =
      Applicability.decide(NONE, false, false);

  static ServiceDescriptor descriptor(List<Integer> ports, Optional<HealthCheck> health) {
    return ServiceDescriptor.builder().ports(ports).health(health).build();
  }

  @Test
  void anImageWithACommandIsRunEvenWithoutHealthcheckOrServiceYaml() {
    assertThat(RUN.runs()).isTrue();
    assertThat(RUN.run()).isEqualTo(VerifyRow.Run.RAN);
  }

  @Test
  void anImageWithACommandThatOthersBuildFromIsStillRun() {
    assertThat(Applicability.decide(NONE, true, true).runs()).isTrue();
  }

  @Test
  void aDeclaredBaseIsNotRunEvenWithACommand() {
    Applicability.Decision d =
        Applicability.decide(ServiceDescriptor.builder().base(true).build(), true, false);

    assertThat(d.runs()).isFalse();
    assertThat(d.run()).isEqualTo(VerifyRow.Run.BASE);
    assertThat(d.fails()).isFalse();
    assertThat(d.reason()).contains("base: true");
  }

  @Test
  void anImageOthersBuildFromWithoutACommandIsABase() {
    Applicability.Decision d = Applicability.decide(NONE, false, true);

    assertThat(d.run()).isEqualTo(VerifyRow.Run.BASE);
    assertThat(d.reason()).contains("other services build FROM it");
  }

  @Test
  void anImageWithoutACommandThatNobodyBuildsFromIsNotRunnableButNotAFailure() {
    assertThat(NOT_RUNNABLE.run()).isEqualTo(VerifyRow.Run.NOT_RUNNABLE);
    assertThat(NOT_RUNNABLE.fails()).isFalse();
    assertThat(NOT_RUNNABLE.reason())
        .startsWith("not a runnable service: the image has no CMD or ENTRYPOINT");
  }

  @Test
  void declaredPortsOrHealthOnAnImageWithoutACommandFail() {
    Applicability.Decision ports =
        Applicability.decide(descriptor(List.of(8080), Optional.empty()), false, true);
    Applicability.Decision health =
        Applicability.decide(
            descriptor(List.of(), Optional.of(new HealthCheck("/ready", Duration.ofSeconds(5)))),
            false,
            false);

    assertThat(ports.fails()).isTrue();
    assertThat(ports.runs()).isFalse();
    assertThat(health.fails()).isTrue();
    assertThat(ports.reason()).contains("no CMD or ENTRYPOINT");
  }

  @Test
  void portsComeFromExposeUnlessServiceYamlNamesThem() {
    assertThat(Applicability.ports(NONE, List.of(5000, 5001))).containsExactly(5000, 5001);
    assertThat(Applicability.ports(descriptor(List.of(8080), Optional.empty()), List.of(5000)))
        .containsExactly(8080);
  }

  @Test
  void theHealthPathIsOnlyProbedWhenServiceYamlAsksForIt() {
    ServiceDescriptor d = descriptor(List.of(9001, 9002), Optional.empty());

    assertThat(Applicability.httpPort(d, List.of())).contains(9001);
    assertThat(Applicability.httpPort(NONE, List.of(5000))).isEmpty();
    assertThat(
            Applicability.httpPort(
                descriptor(
                    List.of(), Optional.of(new HealthCheck("/ready", Duration.ofSeconds(5)))),
                List.of(5000)))
        .contains(5000);
  }

  @Test
  void theHealthPathDefaultsToSlashHealth() {
    assertThat(Applicability.healthPath(descriptor(List.of(9001), Optional.empty())))
        .isEqualTo("/health");
    assertThat(
            Applicability.healthPath(
                descriptor(
                    List.of(), Optional.of(new HealthCheck("/ready", Duration.ofSeconds(5))))))
        .isEqualTo("/ready");
  }

  @Test
  void aMissingHealthcheckFailsOnlyWhereServiceYamlAsksForAHealthProbe() {
    ServiceDescriptor web = descriptor(List.of(8080), Optional.empty());

    assertThat(Applicability.healthcheck(RUN, web, List.of()).failed()).isTrue();
    assertThat(Applicability.healthcheck(RUN, NONE, List.of()).status())
        .isEqualTo(CheckStatus.NOT_APPLICABLE);
    assertThat(Applicability.healthcheck(RUN, NONE, List.of()).detail()).contains("settle time");
    assertThat(Applicability.healthcheck(NOT_RUNNABLE, NONE, List.of()).status())
        .isEqualTo(CheckStatus.NOT_APPLICABLE);
    assertThat(Applicability.healthcheck(NOT_RUNNABLE, NONE, TEST).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(Applicability.healthcheck(RUN, web, TEST).detail()).isEqualTo("CMD /bin/app check");
  }

  @Test
  void aBaseRunningAsRootIsNotApplicableNotPassedAndSaysWhatItFound() {
    CheckResult base = Applicability.user(NOT_RUNNABLE, "");

    assertThat(base.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    assertThat(base.detail()).startsWith("no USER (runs as root)");
    assertThat(Applicability.user(RUN, "").failed()).isTrue();
    assertThat(Applicability.user(RUN, "1000:1000").status()).isEqualTo(CheckStatus.PASS);
  }
}
