package dev.orchestrator.core.config;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.orchestrator.core.config.ServiceDescriptor.HealthCheck;
import dev.orchestrator.core.config.ServiceDescriptor.PrepareStep;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.size.Budget;
import dev.orchestrator.core.size.ByteSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDescriptorReaderTest {
  private static final String KEYS =
      "name, dockerfile, context, target, args, platforms, dependsOn, budget, compressedBudget,"
          + " tags, prepare, ports, health, secrets, base, settle, labels, lint";

  @TempDir Path temp;
  Path repo;
  Path file;

  @BeforeEach
  void layout() throws IOException {
    repo = Files.createDirectories(temp.resolve("repo"));
    file = Files.createDirectories(repo.resolve("billing")).resolve("service.yaml");
  }

  @Test
  void readsEveryKey() throws IOException {
    ServiceDescriptor d =
        read(
            """
            name: billing-api
            dockerfile: docker/Dockerfile
            context: ..
            target: runtime
            args:
              VERSION: 1.4.2
              DEBUG: false
              RETRIES: 3
            platforms: [linux/amd64, linux/arm/v7]
            dependsOn: [base-image, users]
            budget: 150MB
            compressedBudget:
              linux/amd64: 60MB
              linux/arm/v7: 55MiB
            tags: [1.4.2, stable]
            prepare:
              command: [./assemble.sh, amd64]
              inputs: [src/**, package.json]
            ports: [8000, 9090]
            health:
              path: /ready
              startTimeout: 2m
            """);

    assertThat(d.file()).isEqualTo(file);
    assertThat(d.name()).contains("billing-api");
    assertThat(d.dockerfile()).contains("docker/Dockerfile");
    assertThat(d.context()).contains("..");
    assertThat(d.target()).contains("runtime");
    assertThat(d.args()).isEqualTo(Map.of("VERSION", "1.4.2", "DEBUG", "false", "RETRIES", "3"));
    assertThat(d.platforms()).containsExactly("linux/amd64", "linux/arm/v7");
    assertThat(d.dependsOn()).containsExactly("base-image", "users");
    assertThat(d.budget()).contains(Budget.of(new ByteSize(150_000_000)));
    assertThat(d.compressedBudget())
        .contains(
            new Budget(
                null,
                Map.of(
                    "linux/amd64",
                    new ByteSize(60_000_000),
                    "linux/arm/v7",
                    new ByteSize(57_671_680))));
    assertThat(d.tags()).containsExactly("1.4.2", "stable");
    assertThat(d.prepare())
        .contains(
            new PrepareStep(List.of("./assemble.sh", "amd64"), List.of("src/**", "package.json")));
    assertThat(d.ports()).containsExactly(8000, 9090);
    assertThat(d.health()).contains(new HealthCheck("/ready", Duration.ofMinutes(2)));
    assertThat(d.lineOf("name")).isEqualTo(1);
    assertThat(d.lineOf("budget")).isEqualTo(11);
    assertThat(d.lineOf("health")).isEqualTo(20);
    assertThat(d.lines()).hasSize(13);
  }

  @Test
  void emptyFileIsAnEmptyDescriptor() throws IOException {
    ServiceDescriptor d = read("# nothing to say yet\n");

    assertThat(d.file()).isEqualTo(file);
    assertThat(d.name()).isEmpty();
    assertThat(d.platforms()).isEmpty();
    assertThat(d.prepare()).isEmpty();
    assertThat(d.lines()).isEmpty();
  }

  @Test
  void budgetMapGivesSizesPerPlatformOnly() throws IOException {
    Budget budget = read("budget:\n  linux/arm64: 1.2GB\n").budget().orElseThrow();

    assertThat(budget.forPlatform("linux/arm64")).contains(new ByteSize(1_200_000_000));
    assertThat(budget.forPlatform("linux/amd64")).isEmpty();
  }

  @Test
  void bareIntegerBudgetIsBytes() throws IOException {
    assertThat(read("budget: 900\n").budget()).contains(Budget.of(new ByteSize(900)));
  }

  @Test
  void prepareInputsDefaultToNone() throws IOException {
    assertThat(read("prepare:\n  command: [make]\n").prepare())
        .contains(new PrepareStep(List.of("make"), List.of()));
  }

  @Test
  void healthHasDefaults() throws IOException {
    assertThat(read("health: {}\n").health())
        .contains(new HealthCheck("/health", Duration.ofSeconds(60)));
    assertThat(read("health:\n  startTimeout: 500ms\n").health().orElseThrow().startTimeout())
        .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void secretsComeFromAnEnvironmentVariableOrAFile() throws IOException {
    List<ServiceDescriptor.Secret> secrets =
        read("secrets:\n  - {id: npm, env: NPM_TOKEN}\n  - {id: netrc, src: /root/.netrc}\n")
            .secrets();

    assertThat(secrets)
        .containsExactly(
            new ServiceDescriptor.Secret("npm", ServiceDescriptor.Secret.Kind.ENV, "NPM_TOKEN"),
            new ServiceDescriptor.Secret(
                "netrc", ServiceDescriptor.Secret.Kind.FILE, "/root/.netrc"));
  }

  @Test
  void aSecretNeedsExactlyOneSource() throws IOException {
    assertThat(problems("secrets:\n  - {id: npm, env: A, src: /x}\n"))
        .containsExactly(
            at(
                1,
                "each secret needs 'id' and exactly one of 'env' or 'src': a secret"
                    + " such as {id: npm, env: NPM_TOKEN}"));
  }

  @Test
  void unknownKey() throws IOException {
    assertThat(problems("name: billing\nfoo: bar\n"))
        .containsExactly(at(2, "unknown key 'foo'; expected one of: " + KEYS));
  }

  @Test
  void unknownNestedKey() throws IOException {
    assertThat(problems("health:\n  timeout: 5s\n"))
        .containsExactly(
            at(2, "unknown key 'health.timeout'; expected one of: path, startTimeout"));
  }

  @Test
  void duplicateKey() throws IOException {
    assertThat(problems("name: a\nname: b\n"))
        .containsExactly(at(2, "duplicate key 'name' (first on line 1)"));
  }

  @Test
  void wrongTypeOfList() throws IOException {
    assertThat(problems("platforms: linux/amd64\n"))
        .containsExactly(
            at(1, "'platforms' must be a list of platforms such as [linux/amd64, linux/arm64]"));
  }

  @Test
  void invalidListItem() throws IOException {
    assertThat(problems("platforms:\n  - linux/amd64\n  - amd64\n  - linux/amd64\n"))
        .containsExactly(
            at(3, "'platforms': 'amd64' is not a platform such as linux/amd64 or linux/arm/v7"),
            at(4, "'platforms': 'linux/amd64' is listed twice"));
  }

  @Test
  void aDescriptorThatIsNotUtf8IsAProblemWithTheFileAndNoJavaClassName() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class,
            () -> {
              Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'});
              readFile();
            });

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactly(file + ": is not UTF-8 text");
  }

  @Test
  void aPlatformOfAnUnknownArchitectureIsAProblemNamingTheKnownOnes() throws IOException {
    assertThat(problems("platforms: [linux/amd65]\n"))
        .containsExactly(
            at(
                1,
                "'platforms': 'linux/amd65' is not a platform such as linux/amd64 or linux/arm/v7:"
                    + " unknown architecture 'amd65' (known: amd64, arm64, arm, 386, ppc64le,"
                    + " s390x, riscv64, mips64le, loong64)"));
  }

  @Test
  void aPlatformWithShellCharactersIsAProblem() throws IOException {
    assertThat(problems("platforms: ['linux/amd64;$(id)']\n"))
        .singleElement(as(STRING))
        .startsWith(file + ":1: 'platforms': 'linux/amd64;$(id)' is not a platform")
        .contains("unknown architecture 'amd64;$(id)'");
  }

  @Test
  void aPlatformOfAnUnknownOsOrVariantIsAProblemNamingThePart() throws IOException {
    assertThat(problems("platforms: [linus/amd64, linux/arm/v9, linux/386/v1]\n"))
        .containsExactly(
            at(
                1,
                "'platforms': 'linus/amd64' is not a platform such as linux/amd64 or linux/arm/v7:"
                    + " unknown os 'linus' (known: linux, windows, darwin, freebsd)"),
            at(
                1,
                "'platforms': 'linux/arm/v9' is not a platform such as linux/amd64 or"
                    + " linux/arm/v7: unknown variant 'v9' of arm (known: v5, v6, v7, v8)"),
            at(
                1,
                "'platforms': 'linux/386/v1' is not a platform such as linux/amd64 or"
                    + " linux/arm/v7: 386 takes no variant"));
  }

  @Test
  void wrongTypeOfSection() throws IOException {
    assertThat(problems("health: /health\n"))
        .containsExactly(
            at(1, "'health' must be a map such as {path: /health, startTimeout: 60s}"));
  }

  @Test
  void invalidName() throws IOException {
    String expected =
        " is not a service name such as billing-api (lowercase letters, digits, '.', '_' and"
            + " '-', at most 128 characters)";
    assertThat(problems("name: Billing API\n"))
        .containsExactly(at(1, "'name': 'Billing API'" + expected));
    String long129 = "a".repeat(129);
    assertThat(problems("name: " + long129 + "\n"))
        .containsExactly(at(1, "'name': '" + long129 + "'" + expected));
    assertThat(read("name: " + "a".repeat(128) + "\n").name()).isPresent();
  }

  @Test
  void invalidDependency() throws IOException {
    assertThat(problems("dependsOn: [users, ../base]\n"))
        .hasSize(1)
        .first()
        .asString()
        .startsWith(at(1, "'dependsOn': '../base' is not a service name such as"));
  }

  @Test
  void badSize() throws IOException {
    assertThat(problems("budget: 15 parsecs\n"))
        .containsExactly(
            at(1, "'budget': '15 parsecs' is not a size such as 150MB, 120MiB, 1.2GB or 900B"));
  }

  @Test
  void badSizeInPlatformMap() throws IOException {
    assertThat(problems("compressedBudget:\n  linux/amd64: lots\n  amd64: 5MB\n"))
        .containsExactly(
            at(
                2,
                "'compressedBudget.linux/amd64': 'lots' is not a size such as 150MB, 120MiB, 1.2GB"
                    + " or 900B"),
            at(
                3,
                "'compressedBudget': 'amd64' is not a platform such as linux/amd64 or"
                    + " linux/arm/v7"));
  }

  @Test
  void sizeTooLarge() throws IOException {
    assertThat(problems("budget: 99999999999TB\n"))
        .containsExactly(at(1, "'budget': '99999999999TB' is too large for a size"));
  }

  @Test
  void budgetOfWrongType() throws IOException {
    assertThat(problems("budget: [150MB]\n"))
        .containsExactly(
            at(
                1,
                "'budget' must be a size such as 150MB, or a map of platform to size such as"
                    + " {linux/amd64: 150MB}"));
  }

  @Test
  void contextEscapingTheRepository() throws IOException {
    assertThat(problems("context: ../../etc\n"))
        .containsExactly(at(1, "'context': '../../etc' leads outside the repository"));
  }

  @Test
  void contextUpToTheRepositoryRootIsInside() throws IOException {
    assertThat(read("context: ..\n").context()).contains("..");
  }

  @Test
  void absoluteDockerfile() throws IOException {
    assertThat(problems("dockerfile: /etc/Dockerfile\n"))
        .containsExactly(
            at(1, "'dockerfile': '/etc/Dockerfile' is absolute; expected a relative path"));
  }

  @Test
  void symbolicLinkEscapingTheRepository() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.createSymbolicLink(file.resolveSibling("shared"), outside);

    assertThat(problems("context: shared\n"))
        .containsExactly(
            at(1, "'context': 'shared' leads outside the repository through a symbolic link"));
  }

  @Test
  void aContextBelowALinkedFolderIsRefusedEvenBeforeItExists() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.createSymbolicLink(file.resolveSibling("shared"), outside);

    assertThat(problems("context: shared/not-yet\n"))
        .containsExactly(
            at(
                1,
                "'context': 'shared/not-yet' leads outside the repository through a symbolic"
                    + " link"));
  }

  @Test
  void aSecretFileThatIsASymbolicLinkLeadingOutsideIsRefused() throws IOException {
    Path outside = Files.writeString(temp.resolve("netrc"), "machine x\n");
    Files.createSymbolicLink(file.resolveSibling("netrc"), outside);

    assertThat(problems("secrets:\n  - {id: netrc, src: netrc}\n"))
        .singleElement()
        .asString()
        .contains("'netrc' leads outside the repository through a symbolic link");
  }

  @Test
  void aSecretMayBeOptional() throws IOException {
    assertThat(read("secrets:\n  - {id: npm, env: NPM_TOKEN, optional: true}\n").secrets())
        .containsExactly(
            new ServiceDescriptor.Secret(
                "npm", ServiceDescriptor.Secret.Kind.ENV, "NPM_TOKEN", true));
    assertThat(problems("secrets:\n  - {id: npm, env: NPM_TOKEN, optional: maybe}\n"))
        .singleElement()
        .asString()
        .contains("'maybe'")
        .contains("true or false");
  }

  @Test
  void prepareCommandAsShellString() throws IOException {
    assertThat(problems("prepare:\n  command: ./assemble.sh amd64\n"))
        .containsExactly(
            at(2, "'prepare.command' must be an argument list such as [./assemble.sh, amd64]"));
  }

  @Test
  void prepareWithoutCommand() throws IOException {
    assertThat(problems("prepare:\n  inputs: [src/**]\n"))
        .containsExactly(
            at(1, "'prepare' needs 'command', an argument list such as [./assemble.sh, amd64]"));
    assertThat(problems("prepare:\n  command: []\n"))
        .containsExactly(
            at(2, "'prepare.command' must be an argument list such as [./assemble.sh, amd64]"));
  }

  @Test
  void prepareInputsMustStayInsideAndBeGlobs() throws IOException {
    assertThat(problems("prepare:\n  command: [make]\n  inputs: [../../../x/**, 'src/{a']\n"))
        .containsExactly(
            at(3, "'prepare.inputs': '../../../x/**' leads outside the repository"),
            at(3, "'prepare.inputs': 'src/{a' is not a valid glob: Missing '}"));
  }

  @Test
  void portsOutOfRangeOrNotNumbers() throws IOException {
    assertThat(problems("ports: [0, 65536, http, 8000]\n"))
        .containsExactly(
            at(1, "'ports': '0' is not a port number from 1 to 65535"),
            at(1, "'ports': '65536' is not a port number from 1 to 65535"),
            at(1, "'ports': 'http' is not a port number from 1 to 65535"));
  }

  @Test
  void aBaseAndASettleTimeForVerify() throws IOException {
    ServiceDescriptor d = read("base: true\nsettle: 5s\n");

    assertThat(d.base()).isTrue();
    assertThat(d.settle()).contains(Duration.ofSeconds(5));
    assertThat(read("ports: [80]\n").base()).isFalse();
    assertThat(read("ports: [80]\n").settle()).isEmpty();
  }

  @Test
  void badBaseAndSettleValues() throws IOException {
    assertThat(problems("base: yes please\nsettle: soon\n"))
        .containsExactly(
            at(1, "'base': 'yes please' is not true or false"),
            at(2, "'settle': 'soon' is not a duration such as 60s, 2m or 500ms"));
  }

  @Test
  void badHealthValues() throws IOException {
    assertThat(problems("health:\n  path: health\n  startTimeout: 1 minute\n"))
        .containsExactly(
            at(2, "'health.path': 'health' is not an HTTP path starting with /, such as /health"),
            at(3, "'health.startTimeout': '1 minute' is not a duration such as 60s, 2m or 500ms"));
  }

  @Test
  void badTagsAndArgs() throws IOException {
    assertThat(problems("tags: [-latest]\nargs:\n  1X: a\n  EMPTY:\n  OK: ''\n"))
        .containsExactly(
            at(1, "'tags': '-latest' is not a docker tag such as 1.4.2 or latest"),
            at(3, "'args': '1X' is not a build argument name such as VERSION"),
            at(4, "'args.EMPTY' must be a string, number or boolean (\"\" for an empty value)"));
  }

  @Test
  void collectsEveryProblemInOneException() throws IOException {
    Files.writeString(
        file, "name: Billing\nplatforms: linux/amd64\nbudget: big\ncontext: ../../etc\nfoo: 1\n");

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, this::readFile);

    assertThat(e.problems()).extracting(Problem::line).containsExactly(1, 2, 3, 4, 5);
    assertThat(e.getMessage().lines()).hasSize(5).allMatch(line -> line.startsWith(file + ":"));
  }

  @Test
  void yamlSyntaxErrorHasItsLine() throws IOException {
    assertThat(problems("name: billing\nplatforms: [linux/amd64\ntags: [a]\n"))
        .containsExactly(
            at(
                3,
                "invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence from"
                    + " line 2)"));
  }

  @Test
  void yamlSyntaxErrorWithoutContext() throws IOException {
    assertThat(problems("name: billing\n\tplatforms: []\n"))
        .hasSize(1)
        .first()
        .asString()
        .startsWith(at(2, "invalid YAML: "));
  }

  @Test
  void lintIgnoreIsReadWithTheLineOfEachId() throws IOException {
    ServiceDescriptor d =
        read("budget: 10MB\nlint:\n  ignore:\n    - no-healthcheck\n    - base-not-pinned\n");

    assertThat(d.lintIgnore()).containsExactly("no-healthcheck", "base-not-pinned");
    assertThat(d.lineOf(ServiceDescriptor.lintIgnoreLineKey("no-healthcheck"))).isEqualTo(4);
    assertThat(d.lineOf(ServiceDescriptor.lintIgnoreLineKey("base-not-pinned"))).isEqualTo(5);
    assertThat(read("budget: 10MB\n").lintIgnore()).isEmpty();
  }

  @Test
  void badLintIgnoresNameTheirLines() throws IOException {
    assertThat(problems("lint:\n  ignore: [No_User, no-user, no-user]\n  skip: [latest-tag]\n"))
        .containsExactly(
            at(2, "'lint.ignore': 'No_User' is not a lint rule id such as no-healthcheck"),
            at(2, "'lint.ignore': 'no-user' is listed twice"),
            at(3, "unknown key 'lint.skip'; expected one of: ignore"));
    assertThat(problems("lint: {ignore: no-user}\n"))
        .containsExactly(
            at(
                1,
                "'lint.ignore' must be a list of lint rule ids such as [no-healthcheck,"
                    + " base-not-pinned]"));
  }

  @Test
  void fileThatIsNotAMap() throws IOException {
    assertThat(problems("- name: billing\n"))
        .containsExactly(at(1, "the file must be a map with keys from: " + KEYS));
  }

  private ServiceDescriptor read(String yaml) throws IOException {
    Files.writeString(file, yaml);
    return readFile();
  }

  private ServiceDescriptor readFile() {
    return ServiceDescriptorReader.read(file, repo);
  }

  private List<String> problems(String yaml) throws IOException {
    Files.writeString(file, yaml);
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, this::readFile);
    assertThat(e).as("problems in %s", yaml).isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private String at(int line, String message) {
    return file + ":" + line + ": " + message;
  }
}
