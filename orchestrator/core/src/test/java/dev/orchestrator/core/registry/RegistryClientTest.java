package dev.orchestrator.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.RecordingCommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryClientTest {
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  @TempDir Path dockerConfig;
  HttpRegistry registry;
  RecordingCommandRunner runner = new RecordingCommandRunner();

  @BeforeEach
  void start() throws IOException {
    registry = new HttpRegistry();
    registry.manifest("ns/app", "hash-abc", "{\"schemaVersion\":2}", MANIFEST);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void answersABasicChallengeWithTheAuthsEntryOfTheDockerConfig() throws IOException {
    registry.basicUser = "ci";
    registry.basicPassword = "s3cret";
    config(auths("ci", "s3cret"));

    RegistryClient.Answer answer = client().head(registry.address() + "/ns/app:hash-abc");

    assertThat(answer.found()).as(answer.detail()).isTrue();
    assertThat(answer.digest()).hasValue(Digests.sha256("{\"schemaVersion\":2}".getBytes()));
    assertThat(registry.requests)
        .containsExactly(
            "HEAD /v2/ns/app/manifests/hash-abc", "HEAD /v2/ns/app/manifests/hash-abc");
  }

  @Test
  void aWrongPasswordIsAnErrorNamingRegistryUserAndFileButNotThePassword() throws IOException {
    registry.basicUser = "ci";
    registry.basicPassword = "right";
    config(auths("ci", "wrong-pw"));

    assertThatThrownBy(() -> client().head(registry.address() + "/ns/app:hash-abc"))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("registry " + registry.address() + " refused the credentials")
        .hasMessageContaining("user 'ci'")
        .hasMessageContaining(dockerConfig.resolve("config.json").toString())
        .hasMessageNotContaining("wrong-pw");
  }

  @Test
  void withoutCredentialsA401IsNotFoundSayingCredentialsAreNeeded() {
    registry.basicUser = "ci";
    registry.basicPassword = "right";

    RegistryClient.Answer answer = client().head(registry.address() + "/ns/app:hash-abc");

    assertThat(answer.found()).isFalse();
    assertThat(answer.detail())
        .contains("answered 401")
        .contains("credentials needed")
        .contains("has none for " + registry.address());
  }

  @Test
  void followsTheBearerTokenFlowOnceAndReusesTheToken() throws IOException {
    registry.bearer = true;
    registry.basicUser = "ci";
    registry.basicPassword = "s3cret";
    config(auths("ci", "s3cret"));
    RegistryClient client = client();

    assertThat(client.head(registry.address() + "/ns/app:hash-abc").found()).isTrue();
    assertThat(client.head(registry.address() + "/ns/app:hash-abc").found()).isTrue();

    assertThat(registry.requests)
        .containsExactly(
            "HEAD /v2/ns/app/manifests/hash-abc",
            "TOKEN /token?service=test&scope=repository%3Ans%2Fapp%3Apull",
            "HEAD /v2/ns/app/manifests/hash-abc",
            "HEAD /v2/ns/app/manifests/hash-abc");
  }

  @Test
  void aBearerTokenRefusedForTheCredentialsIsTheSameClearError() throws IOException {
    registry.bearer = true;
    registry.basicUser = "ci";
    registry.basicPassword = "right";
    config(auths("ci", "wrong-pw"));

    assertThatThrownBy(() -> client().head(registry.address() + "/ns/app:hash-abc"))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("refused the credentials of user 'ci'")
        .hasMessageNotContaining("wrong-pw");
  }

  @Test
  void asksTheCredentialHelperTheDockerConfigNamesForThisRegistry() throws IOException {
    registry.basicUser = "robot";
    registry.basicPassword = "from-helper";
    config("{\"credHelpers\":{\"" + registry.address() + "\":\"vault\"}}");
    runner.answer(
        List.of("docker-credential-vault", "get"),
        0,
        "{\"ServerURL\":\""
            + registry.address()
            + "\",\"Username\":\"robot\",\"Secret\":\"from-helper\"}");

    assertThat(client().head(registry.address() + "/ns/app:hash-abc").found()).isTrue();
    assertThat(runner.commands()).hasSize(1);
    assertThat(runner.commands().get(0).input()).hasValue(registry.address());
  }

  @Test
  void theCredsStoreIsAskedWhenNoHelperIsNamedAndNotFoundThereFallsBackToAuths()
      throws IOException {
    registry.basicUser = "ci";
    registry.basicPassword = "s3cret";
    config(
        "{\"credsStore\":\"desktop\",\"auths\":{\"http://"
            + registry.address()
            + "\":{\"auth\":\""
            + base64("ci:s3cret")
            + "\"}}}");
    runner.answer(
        List.of("docker-credential-desktop", "get"), 1, "credentials not found in native keychain");

    assertThat(client().head(registry.address() + "/ns/app:hash-abc").found()).isTrue();
    assertThat(runner.argvs()).containsExactly(List.of("docker-credential-desktop", "get"));
  }

  @Test
  void aConfigThatIsNotJsonIsAnErrorNamingTheFile() throws IOException {
    config("{not json");

    assertThatThrownBy(
            () -> DockerConfig.load(Map.of("DOCKER_CONFIG", dockerConfig.toString()), runner))
        .hasMessageContaining(dockerConfig.resolve("config.json").toString());
  }

  @Test
  void putsAManifestUnderAnotherTagWithTheSameBytesSoTheSameDigest() {
    RegistryClient client = client();
    ImageReference source =
        ImageReference.parse(registry.address() + "/ns/app:hash-abc").orElseThrow();
    RegistryClient.Manifest m = client.manifest(source).orElseThrow();

    client.putManifest(source.with("hash-def-amd64"), m);

    assertThat(client.head(registry.address() + "/ns/app:hash-def-amd64").digest())
        .hasValue(m.digest());
    assertThat(registry.manifestTypes.get("hash-def-amd64")).isEqualTo(MANIFEST);
  }

  @Test
  void parsesTagAndDigestReferences() {
    assertThat(ImageReference.parse("127.0.0.1:5000/a/b:tag"))
        .hasValue(new ImageReference("127.0.0.1:5000", "a/b", "tag"));
    assertThat(ImageReference.parse("reg.example/a@sha256:" + "0".repeat(64)))
        .hasValue(new ImageReference("reg.example", "a", "sha256:" + "0".repeat(64)));
    assertThat(ImageReference.parse("127.0.0.1:5000/a")).isEmpty();
  }

  @Test
  void challengesAreParsedWithQuotedAndBareValues() {
    assertThat(
            Challenge.parse(
                "Bearer realm=\"https://auth.example/token\",service=registry.example,scope=\"repository:a:pull\""))
        .hasValue(
            new Challenge(
                "bearer",
                Map.of(
                    "realm", "https://auth.example/token",
                    "service", "registry.example",
                    "scope", "repository:a:pull")));
    assertThat(Challenge.parse("Basic realm=\"Registry Realm\"").orElseThrow().basic()).isTrue();
  }

  @Test
  void credentialsNeverShowTheirSecret() {
    Credentials c = new Credentials("ci", "hunter2", "config.json");
    assertThat(c.toString()).doesNotContain("hunter2").contains("ci");
    assertThat(c.describe()).doesNotContain("hunter2");
  }

  private RegistryClient client() {
    return new RegistryClient(
        DockerConfig.load(Map.of("DOCKER_CONFIG", dockerConfig.toString()), runner));
  }

  private String auths(String user, String password) {
    return "{\"auths\":{\""
        + registry.address()
        + "\":{\"auth\":\""
        + base64(user + ":" + password)
        + "\"}}}";
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private void config(String json) throws IOException {
    Files.writeString(dockerConfig.resolve("config.json"), json);
  }
}
