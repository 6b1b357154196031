package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.TestServices;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BakeDefinitionTest {
  private static final Path ROOT = Path.of("/repo");
  private static final String LABEL = "dev.orchestrator.input-hash";
  private final Profile local =
      Profile.builder("local")
          .cache(new Profile.Cache(Profile.Cache.Type.LOCAL, ".cache/buildx", "max"))
          .build();
  private final List<String> both = List.of("linux/amd64", "linux/arm64");

  @Test
  void aBaseAndItsDependentInOneSessionWireTheBaseAsATargetContext() {
    Service base = TestServices.from("base", "scratch");
    Service app = withDescriptor(TestServices.from("app", "base", "ext:1"));
    ImageBuild baseBuild =
        ImageBuild.of(base, local, both, Map.of(), ROOT, Map.of(LABEL, "h-base"), List.of());
    ImageBuild appBuild =
        ImageBuild.of(
            app,
            local,
            both,
            Map.of("base", "target:base", "lib", "docker-image://monorepo/lib:latest"),
            ROOT,
            Map.of(LABEL, "h-app"),
            List.of());

    assertThat(BakeDefinition.json(List.of(baseBuild, appBuild)))
        .isEqualTo(
            """
            {
              "group" : {
                "default" : {
                  "targets" : [ "base", "app" ]
                }
              },
              "target" : {
                "base" : {
                  "context" : "/repo/services/base",
                  "dockerfile" : "/repo/services/base/Dockerfile",
                  "labels" : {
                    "dev.orchestrator.input-hash" : "h-base"
                  },
                  "platforms" : [ "linux/amd64", "linux/arm64" ],
                  "tags" : [ "monorepo/base:latest" ],
                  "cache-to" : [ "type=local,dest=/repo/.cache/buildx/base,mode=max" ],
                  "output" : [ "type=docker" ],
                  "attest" : [ "type=provenance,disabled=true" ]
                },
                "app" : {
                  "context" : "/repo/services/app",
                  "dockerfile" : "/repo/services/app/Dockerfile",
                  "target" : "runtime",
                  "args" : {
                    "A" : "1",
                    "B" : "two words"
                  },
                  "labels" : {
                    "dev.orchestrator.input-hash" : "h-app"
                  },
                  "secret" : [ "id=npm,env=NPM_TOKEN", "id=netrc,src=/home/u/.netrc" ],
                  "contexts" : {
                    "base" : "target:base",
                    "lib" : "docker-image://monorepo/lib:latest"
                  },
                  "platforms" : [ "linux/amd64", "linux/arm64" ],
                  "tags" : [ "monorepo/app:latest", "monorepo/app:1.2" ],
                  "cache-to" : [ "type=local,dest=/repo/.cache/buildx/app,mode=max" ],
                  "output" : [ "type=docker" ],
                  "attest" : [ "type=provenance,disabled=true" ]
                }
              }
            }
            """);
  }

  @Test
  void withoutACacheInTheProfileNoCacheIsExportedOrImported() {
    Profile none =
        Profile.builder("local")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();
    ImageBuild b =
        ImageBuild.of(
            TestServices.from("base", "scratch"),
            none,
            List.of("linux/amd64"),
            Map.of(),
            ROOT,
            Map.of(),
            List.of());

    assertThat(b.cacheFrom()).isEmpty();
    assertThat(b.cacheTo()).isEmpty();
    assertThat(BakeDefinition.json(List.of(b))).doesNotContain("cache");
  }

  @Test
  void pushingProfilesPushTheTagsAndTheHashTag() {
    Profile release =
        Profile.builder("release")
            .output(Profile.Output.PUSH)
            .registry(Optional.of("reg:5000"))
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();
    ImageBuild b =
        ImageBuild.of(
            TestServices.from("api", "scratch"),
            release,
            List.of("linux/amd64"),
            Map.of(),
            ROOT,
            Map.of(),
            List.of("reg:5000/monorepo/api:hash-0123456789ab"));

    assertThat(b.tags())
        .containsExactly("reg:5000/monorepo/api:latest", "reg:5000/monorepo/api:hash-0123456789ab");
    assertThat(b.outputs()).containsExactly("type=image,push=true");
  }

  @Test
  void pushByDigestOnAStagingTagNamesTheArchitecture() {
    Profile ci =
        Profile.builder("ci-arm64")
            .output(Profile.Output.PUSH_BY_DIGEST)
            .registry(Optional.of("reg:5000"))
            .stagingTag(Optional.of("ci-{arch}"))
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();
    ImageBuild b =
        ImageBuild.of(
            TestServices.from("api", "scratch"),
            ci,
            List.of("linux/arm64"),
            Map.of(),
            ROOT,
            Map.of(),
            List.of());

    assertThat(b.tags()).isEmpty();
    assertThat(b.outputs())
        .containsExactly(
            "type=image,name=reg:5000/monorepo/api:ci-arm64,oci-mediatypes=true,push=true");
  }

  @Test
  void aPushByDigestBatchPushesEachTargetUntaggedWithTheSameOutputAsItsBuildxArgv() {
    Profile ci =
        Profile.builder("ci-amd64")
            .output(Profile.Output.PUSH_BY_DIGEST)
            .registry(Optional.of("reg:5000"))
            .cache(new Profile.Cache(Profile.Cache.Type.REGISTRY, "reg:5000/cache", "max"))
            .build();
    List<String> amd64 = List.of("linux/amd64");
    String lib = "docker-image://reg:5000/monorepo/lib@sha256:" + "a".repeat(64);
    ImageBuild base =
        ImageBuild.of(
            TestServices.from("base", "scratch"),
            ci,
            amd64,
            Map.of(),
            ROOT,
            Map.of(LABEL, "h-base"),
            List.of());
    ImageBuild app =
        ImageBuild.of(
            TestServices.from("app", "base", "lib"),
            ci,
            amd64,
            Map.of("base", "target:base", "lib", lib),
            ROOT,
            Map.of(LABEL, "h-app"),
            List.of());

    assertThat(BakeDefinition.json(List.of(base, app)))
        .isEqualTo(
            """
            {
              "group" : {
                "default" : {
                  "targets" : [ "base", "app" ]
                }
              },
              "target" : {
                "base" : {
                  "context" : "/repo/services/base",
                  "dockerfile" : "/repo/services/base/Dockerfile",
                  "labels" : {
                    "dev.orchestrator.input-hash" : "h-base"
                  },
                  "platforms" : [ "linux/amd64" ],
                  "cache-from" : [ "type=registry,ref=reg:5000/cache/base:amd64" ],
                  "cache-to" : [ "type=registry,ref=reg:5000/cache/base:amd64,mode=max" ],
                  "output" : [ "type=image,name=reg:5000/monorepo/base,push-by-digest=true,name-canonical=true,oci-mediatypes=true,push=true" ],
                  "attest" : [ "type=provenance,disabled=true" ]
                },
                "app" : {
                  "context" : "/repo/services/app",
                  "dockerfile" : "/repo/services/app/Dockerfile",
                  "labels" : {
                    "dev.orchestrator.input-hash" : "h-app"
                  },
                  "contexts" : {
                    "base" : "target:base",
                    "lib" : "docker-image://reg:5000/monorepo/lib@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                  },
                  "platforms" : [ "linux/amd64" ],
                  "cache-from" : [ "type=registry,ref=reg:5000/cache/app:amd64" ],
                  "cache-to" : [ "type=registry,ref=reg:5000/cache/app:amd64,mode=max" ],
                  "output" : [ "type=image,name=reg:5000/monorepo/app,push-by-digest=true,name-canonical=true,oci-mediatypes=true,push=true" ],
                  "attest" : [ "type=provenance,disabled=true" ]
                }
              }
            }
            """);
    // Alone, the same ImageBuild renders as buildx build flags: one source, so they cannot drift.
    List<String> argv = BuildxCommand.argv(app, Optional.empty(), Path.of("/m.json"));
    assertThat(argv.get(argv.indexOf("--output") + 1)).isEqualTo(app.outputs().get(0));
    assertThat(argv).contains("--build-context", "lib=" + lib);
  }

  @Test
  void serviceNamesWithDotsBecomeUniqueTargetNames() {
    assertThat(BakeDefinition.targetNames(List.of("a.b", "a_b", "c")))
        .containsExactly(Map.entry("a.b", "a_b"), Map.entry("a_b", "a_b_2"), Map.entry("c", "c"));
  }

  @Test
  void aTargetContextNamesTheRenamedTarget() {
    ImageBuild base =
        ImageBuild.of(
            TestServices.from("my.base", "scratch"),
            local,
            List.of("linux/amd64"),
            Map.of(),
            ROOT,
            Map.of(),
            List.of());
    ImageBuild app =
        ImageBuild.of(
            TestServices.from("app", "my.base"),
            local,
            List.of("linux/amd64"),
            Map.of("my.base", "target:my.base"),
            ROOT,
            Map.of(),
            List.of());

    assertThat(BakeDefinition.json(List.of(base, app)))
        .contains("\"my.base\" : \"target:my_base\"")
        .contains("\"targets\" : [ \"my_base\", \"app\" ]");
  }

  @Test
  void provenanceAndSbomFromTheProfileAreTheTargetsAttestEntries() {
    Service base = TestServices.from("base", "scratch");
    ImageBuild max =
        ImageBuild.of(
            base,
            release(new Profile.Attestations(Profile.ProvenanceMode.MAX, false)),
            both,
            Map.of(),
            ROOT,
            Map.of(),
            List.of());

    assertThat(BakeDefinition.json(List.of(max)))
        .isEqualTo(
            """
            {
              "group" : {
                "default" : {
                  "targets" : [ "base" ]
                }
              },
              "target" : {
                "base" : {
                  "context" : "/repo/services/base",
                  "dockerfile" : "/repo/services/base/Dockerfile",
                  "platforms" : [ "linux/amd64", "linux/arm64" ],
                  "tags" : [ "reg:5000/monorepo/base:latest" ],
                  "output" : [ "type=image,push=true" ],
                  "attest" : [ "type=provenance,mode=max" ]
                }
              }
            }
            """);
    assertThat(attest(new Profile.Attestations(Profile.ProvenanceMode.MIN, false)))
        .isEqualTo("\"attest\" : [ \"type=provenance,mode=min\" ]");
    assertThat(attest(new Profile.Attestations(Profile.ProvenanceMode.MAX, true)))
        .isEqualTo("\"attest\" : [ \"type=provenance,mode=max\", \"type=sbom\" ]");
    assertThat(attest(new Profile.Attestations(Profile.ProvenanceMode.FALSE, true)))
        .isEqualTo("\"attest\" : [ \"type=provenance,disabled=true\", \"type=sbom\" ]");
  }

  private Profile release(Profile.Attestations attestations) {
    return Profile.builder("release")
        .platforms(both)
        .output(Profile.Output.PUSH)
        .registry(Optional.of("reg:5000"))
        .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
        .attestations(attestations)
        .build();
  }

  /** The target's attest line in the definition of one service built with these attestations. */
  private String attest(Profile.Attestations attestations) {
    ImageBuild b =
        ImageBuild.of(
            TestServices.from("base", "scratch"),
            release(attestations),
            both,
            Map.of(),
            ROOT,
            Map.of(),
            List.of());
    return BakeDefinition.json(List.of(b))
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith("\"attest\""))
        .findFirst()
        .orElseThrow();
  }

  private static Service withDescriptor(Service s) {
    ServiceDescriptor d =
        ServiceDescriptor.builder()
            .file(s.directory().resolve("service.yaml"))
            .target(Optional.of("runtime"))
            .args(Map.of("B", "two words", "A", "1"))
            .tags(List.of("1.2"))
            .secrets(
                List.of(
                    new ServiceDescriptor.Secret(
                        "npm", ServiceDescriptor.Secret.Kind.ENV, "NPM_TOKEN"),
                    new ServiceDescriptor.Secret(
                        "netrc", ServiceDescriptor.Secret.Kind.FILE, "/home/u/.netrc")))
            .build();
    return new Service(
        s.name(),
        s.directory(),
        s.relativeDirectory(),
        s.dockerfile(),
        s.context(),
        d,
        s.dockerfileInfo());
  }
}
