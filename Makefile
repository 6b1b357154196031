# Front end for people and CI jobs. Every target drives the same orchestrator CLI.
#   make container-build                       all services, host platform
#   make container-build PLATFORMS=linux/amd64,linux/arm64
#   make container-build-amd64 / -arm64        one architecture (CI matrix jobs)
#   make container-build-<service>             one service with its dependencies
#   make test                                  every test, end-to-end included
#   make bench                                 orchestrator vs docker buildx bake (not part of test)
ORCHESTRATOR := orchestrator/bin/orchestrator
PROFILE ?= local
PLATFORMS ?=
JOBS ?=
ARGS ?=
COMMON = --profile $(PROFILE) $(if $(PLATFORMS),--platform $(PLATFORMS)) $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

.PHONY: help engine container-build container-build-amd64 container-build-arm64 \
        container-plan container-list container-graph container-clean container-services test bench

help:
	@sed -n 's/^#   //p' Makefile

engine:
	@bash orchestrator/scripts/engine.sh

container-build: engine
	$(ORCHESTRATOR) build $(COMMON)

container-build-amd64: engine
	$(ORCHESTRATOR) build --profile $(PROFILE) --platform linux/amd64 $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

container-build-arm64: engine
	$(ORCHESTRATOR) build --profile $(PROFILE) --platform linux/arm64 $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

container-plan:
	$(ORCHESTRATOR) build --dry-run $(COMMON)

container-list:
	$(ORCHESTRATOR) list

container-graph:
	$(ORCHESTRATOR) graph

container-clean:
	$(ORCHESTRATOR) clean --profile $(PROFILE)

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
	   while read -r s; do printf 'container-build-%s: engine\n\t$$(ORCHESTRATOR) build $$(COMMON) %s\n' "$$s" "$$s"; done < $@.names; } > $@
	@rm -f $@.names

container-services:
	@echo $(SERVICES)

test: engine
	./mvnw -B verify

# BENCH_LEAVES, BENCH_RUNS, BENCH_PLATFORMS, BENCH_BIG, BENCH_BIG_BAKE, BENCH_PLAN: see the script.
bench: engine
	bash orchestrator/bench/bench.sh
