# Front end for people and CI jobs. Every target drives the same orchestrator CLI.
#   make container-build                       all services, host platform
#   make container-build PLATFORMS=linux/amd64,linux/arm64
#   make container-build-amd64 / -arm64        one architecture (CI matrix jobs)
#   make container-build-<service>             one service with its dependencies
#   make container-verify                      run and check every built image
#   make container-lint                        the Dockerfile policy lint (build runs it too)
#   make container-reproducible                build each image twice without cache and compare
#   make container-push ARCH=amd64 REGISTRY=…  a CI architecture job: profile ci-ARCH, push by digest
#   make container-merge [DIGESTS=DIR]         the CI merge job: digests -> multi-platform images
#   make container-matrix [STAGES=K SHARDS=M STAGE=I]  the CI job matrix (GitHub strategy.matrix JSON)
#   make container-push ARCH=… JOB_SERVICES="a b" DEPENDENCIES_FROM=DIR  a staged CI job
#   make lint-workflows                        actionlint on .github/workflows
#   make test                                  every test, end-to-end included
#   make format                                google-java-format (make test checks it)
#   make maven-plugin                          install the Maven plugin (for mvn orchestrator:build)
#   make bench                                 orchestrator vs docker buildx bake (not part of test)
ORCHESTRATOR := orchestrator/bin/orchestrator
PROFILE ?= local
# The registry of profiles that push (ci-amd64, ci-arm64, ci, release); ORCHESTRATOR_REGISTRY too.
REGISTRY ?=
PLATFORMS ?=
JOBS ?=
ARGS ?=
# The engine prerequisite; `ENGINE=` skips it where Docker is already set up (GitHub runners).
ENGINE ?= engine
ARCH ?= amd64
DIGESTS_FILE ?=
DIGESTS ?= .cache/orchestrator
MERGE_PROFILE ?= ci
# A staged CI job (matrix STAGES=…): the services it builds, and the earlier jobs' digests.
JOB_SERVICES ?=
DEPENDENCIES_FROM ?=
STAGES ?=
SHARDS ?=
STAGE ?=
DIGESTS_OPT = $(if $(DIGESTS_FILE),--digests-file $(DIGESTS_FILE))
JOB_OPT = $(if $(DEPENDENCIES_FROM),--dependencies-from $(DEPENDENCIES_FROM)) $(JOB_SERVICES)
STAGED_OPT = $(if $(STAGES),--stages $(STAGES)) $(if $(SHARDS),--shards $(SHARDS)) $(if $(STAGE),--stage $(STAGE))
REGISTRY_OPT = $(if $(REGISTRY),--registry $(REGISTRY))
COMMON = --profile $(PROFILE) $(if $(PLATFORMS),--platform $(PLATFORMS)) $(if $(JOBS),--jobs $(JOBS)) $(REGISTRY_OPT) $(ARGS)

.PHONY: help engine container-build container-build-amd64 container-build-arm64 \
        container-plan container-list container-graph container-clean container-services \
        container-verify container-reproducible container-lint test maven-plugin container-push container-merge container-matrix lint-workflows \
        bench format

help:
	@sed -n 's/^#   //p' Makefile

engine:
	@bash orchestrator/scripts/engine.sh

container-build: $(ENGINE)
	$(ORCHESTRATOR) build $(COMMON)

# One architecture. PROFILE=local (default) loads into this engine, no registry needed;
# PROFILE=ci-amd64 / ci-arm64 pushes by digest and writes DIGESTS_FILE (CI matrix jobs).
container-build-amd64: $(ENGINE)
	$(ORCHESTRATOR) build --profile $(PROFILE) --platform linux/amd64 $(if $(JOBS),--jobs $(JOBS)) $(REGISTRY_OPT) $(DIGESTS_OPT) $(ARGS)

container-build-arm64: $(ENGINE)
	$(ORCHESTRATOR) build --profile $(PROFILE) --platform linux/arm64 $(if $(JOBS),--jobs $(JOBS)) $(REGISTRY_OPT) $(DIGESTS_OPT) $(ARGS)

container-push: $(ENGINE)
	$(ORCHESTRATOR) build --profile ci-$(ARCH) --platform linux/$(ARCH) $(if $(JOBS),--jobs $(JOBS)) $(REGISTRY_OPT) $(DIGESTS_OPT) $(JOB_OPT) $(ARGS)

container-merge:
	$(ORCHESTRATOR) merge --profile $(MERGE_PROFILE) $(REGISTRY_OPT) $(DIGESTS) $(ARGS)

container-matrix:
	@$(ORCHESTRATOR) matrix --profile $(MERGE_PROFILE) --format github $(STAGED_OPT)

lint-workflows:
	@bash orchestrator/scripts/lint-workflows.sh

container-verify: $(ENGINE)
	$(ORCHESTRATOR) verify $(COMMON)

container-reproducible: $(ENGINE)
	$(ORCHESTRATOR) verify --reproducible $(COMMON)

container-lint:
	$(ORCHESTRATOR) lint --profile $(PROFILE) $(ARGS)

container-plan:
	$(ORCHESTRATOR) build --dry-run $(COMMON)

container-list:
	$(ORCHESTRATOR) list

container-graph:
	$(ORCHESTRATOR) graph

container-clean:
	$(ORCHESTRATOR) clean --profile $(PROFILE) $(REGISTRY_OPT)

# container-build-<service>: one rule per discovered service, generated from `orchestrator list`
# (never a hand-kept list), and read only when such a target is asked for.
SERVICES_MK := .cache/make/services.mk
SERVICE_GOALS := $(filter-out container-build-amd64 container-build-arm64,$(filter container-build-% container-services,$(MAKECMDGOALS)))
ifneq ($(SERVICE_GOALS),)
include $(SERVICES_MK)
endif

$(SERVICES_MK): $(shell find . -path ./.cache -prune -o \( -name Dockerfile -o -name service.yaml -o -name orchestrator.yaml \) -print 2>/dev/null)
	@mkdir -p $(dir $@)
	@$(ORCHESTRATOR) list --names > $@.names
	@{ printf 'SERVICES :='; tr '\n' ' ' < $@.names; printf '\n'; \
	   while read -r s; do printf 'container-build-%s: $$(ENGINE)\n\t$$(ORCHESTRATOR) build $$(COMMON) %s\n' "$$s" "$$s"; done < $@.names; } > $@
	@rm -f $@.names

container-services:
	@echo $(SERVICES)

# google-java-format over every module; `make test` (./mvnw verify) fails on unformatted code.
format:
	./mvnw -q -B com.spotify.fmt:fmt-maven-plugin:format

test: engine
	./mvnw -B verify

# Installs the plugin (and the core it needs) into ~/.m2, so `./mvnw orchestrator:build` resolves.
maven-plugin:
	./mvnw -q -B install -pl orchestrator/maven-plugin -am -DskipTests -Dinvoker.skip

# BENCH_LEAVES, BENCH_RUNS, BENCH_PLATFORMS, BENCH_BIG, BENCH_BIG_BAKE, BENCH_PLAN: see the script.
bench: engine
	bash orchestrator/bench/bench.sh
