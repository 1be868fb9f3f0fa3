# libjsvm: the front door. `make` builds build/libjsvm.so; `make test` runs
# every test (Go unit tests + ctest); see README.md for the rest.

GO        ?= go
BUILD     ?= build
PREFIX    ?= /usr/local
CMAKE     ?= cmake
CTEST     ?= ctest

# quickjs.h lives in the quickjs-go module; this repository carries no copy.
QJS_DIR := $(shell $(GO) mod download github.com/buke/quickjs-go >/dev/null 2>&1; \
             $(GO) list -m -f '{{.Dir}}' github.com/buke/quickjs-go)/deps/quickjs
export CGO_ENABLED := 1
export CGO_CFLAGS  := -O2 -g -I$(QJS_DIR)

LIB        := $(BUILD)/libjsvm.so
EXPORTS    := $(CURDIR)/cmd/libjsvm/exports.map
LDFLAGS    := -s -w -extldflags '-Wl,--version-script=$(EXPORTS) -Wl,-soname,libjsvm.so'
SOURCES    := $(shell find cmd pkg -name '*.go' -o -name '*.c' -o -name '*.h' -o -name '*.map') \
              $(wildcard include/ark_runtime/*.h) go.mod go.sum

.PHONY: all build ohos-run demo test gotest ctest fuzz bench install coverage abi lint check clean

all: build ohos-run

build: $(LIB)

$(LIB): $(SOURCES)
	$(GO) run ./tools/genabi -check
	$(GO) build -buildmode=c-shared -trimpath -ldflags="$(LDFLAGS)" -o $@ ./cmd/libjsvm
	rm -f $(BUILD)/libjsvm.h

# jsvm-ohos-run (tools/ohos-run/): runs OpenHarmony-style N-API modules; see
# docs/porting.md. Plain C linked against libjsvm.so. -rdynamic exports its
# napi_* functions, its OH_JSVM_Init (main.c) and the file functions that map
# the app sandbox (sandbox.c) to the modules it loads.
# The rpath finds libjsvm.so next to it (build/) or in ../lib once installed.
HOST      := $(BUILD)/jsvm-ohos-run
HOST_SRCS := $(wildcard tools/ohos-run/*.c tools/ohos-run/*.h) include/napi/native_api.h \
             $(wildcard include/ark_runtime/*.h)

ohos-run: $(HOST)

$(HOST): $(HOST_SRCS) $(LIB)
	$(CC) -std=c11 -O2 -g -Wall -Wextra -Iinclude -o $@ $(filter %.c,$(HOST_SRCS)) \
	  -L$(BUILD) -ljsvm -ldl -rdynamic -Wl,-rpath,'$$ORIGIN:$$ORIGIN/../lib'

# Regenerates cmd/libjsvm/abi.c after adding or removing a Go export.
abi:
	$(GO) run ./tools/genabi

# Builds the library and runs the demo program against it.
demo: $(LIB)
	$(CC) -std=c11 -Wall -Wextra -Iinclude -o $(BUILD)/demo examples/demo.c -L$(BUILD) -ljsvm -Wl,-rpath,'$$ORIGIN'
	$(BUILD)/demo

test: gotest ctest

gotest:
	$(GO) test ./...

ctest: $(LIB) $(HOST)
	@command -v $(CMAKE) >/dev/null && command -v clang++ >/dev/null || \
	  { echo "make test needs cmake, clang and clang++: apt-get install -y cmake clang"; exit 1; }
	$(CMAKE) -S . -B $(BUILD)/ctest -DJSVM_LIB=$(abspath $(LIB)) -DJSVM_OHOS_RUN=$(abspath $(HOST)) >/dev/null
	$(CMAKE) --build $(BUILD)/ctest -j2
	cd $(BUILD)/ctest && $(CTEST) --output-on-failure -LE bench

# The code-cache loader's mutation fuzz (ctests/test_code_cache.c), run for
# FUZZ_SECONDS with a random seed (printed, with the command that repeats it),
# then Go's coverage-guided fuzzer on the snapshot blob decoder
# (pkg/snapshot FuzzDecode) for as long. `make test` runs the first harness
# for a fixed 4,000 seeded mutations and the second on its seed corpus.
FUZZ_SECONDS ?= 60

fuzz: $(LIB)
	$(CMAKE) -S . -B $(BUILD)/ctest -DJSVM_LIB=$(abspath $(LIB)) >/dev/null
	$(CMAKE) --build $(BUILD)/ctest --target test_code_cache
	$(BUILD)/ctest/test_code_cache --fuzz $(FUZZ_SECONDS)
	$(GO) test ./pkg/snapshot -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZ_SECONDS)s -fuzzminimizetime 10s

# Benchmarks (docs/bench.md). The bench links a variant of the library built
# like $(LIB) but without the version script and unstripped, so it also
# exports QuickJS's JS_*: the plain-C baseline runs on the same QuickJS build.
# Only `make bench` builds it. BENCH_ARGS go to bench_core (--reps, --ms, --only),
# SNAPSHOT_BENCH_ARGS to bench_snapshot (--reps, --kib).
BENCH_DIR     := $(BUILD)/bench
BENCH_LIB     := $(BENCH_DIR)/libjsvm_full.so
BENCH_LDFLAGS := -extldflags '-Wl,-soname,libjsvm_full.so'
BENCH_ARGS    ?=
# Instruction counts too (ctests/bench/callgrind.sh, ~15 s) when valgrind is
# installed; BENCH_CALLGRIND=0 skips them.
BENCH_CALLGRIND ?= $(if $(shell command -v valgrind 2>/dev/null),1,0)

$(BENCH_LIB): $(SOURCES)
	$(GO) build -buildmode=c-shared -trimpath -ldflags="$(BENCH_LDFLAGS)" -o $@ ./cmd/libjsvm
	rm -f $(BENCH_DIR)/libjsvm_full.h

bench: $(LIB) $(BENCH_LIB)
	$(CMAKE) -S . -B $(BENCH_DIR)/cmake -DJSVM_LIB=$(CURDIR)/$(LIB) -DJSVM_BENCH_LIB=$(CURDIR)/$(BENCH_LIB) \
	  -DJSVM_QJS_DIR=$(QJS_DIR) -DJSVM_BENCH=ON >/dev/null
	$(CMAKE) --build $(BENCH_DIR)/cmake -j2 --target bench_core bench_core_shipped bench_snapshot
	$(BENCH_DIR)/cmake/bench_core $(BENCH_ARGS)
	@echo; $(BENCH_DIR)/cmake/bench_snapshot $(SNAPSHOT_BENCH_ARGS)
	@echo; echo "same JSVM calls against the shipped $(LIB) (version script, stripped):"
	$(BENCH_DIR)/cmake/bench_core_shipped $(BENCH_ARGS)
	@if [ "$(BENCH_CALLGRIND)" = 1 ]; then \
	  echo; echo "instructions per op on the calling thread (callgrind):"; \
	  ctests/bench/callgrind.sh $(BENCH_DIR)/cmake/bench_core $(filter --only=%,$(BENCH_ARGS)) || \
	  echo "(callgrind run failed; the timings above stand)"; fi

install: $(LIB) $(HOST)
	install -d $(DESTDIR)$(PREFIX)/include/ark_runtime $(DESTDIR)$(PREFIX)/include/hilog \
	           $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 include/ark_runtime/jsvm.h include/ark_runtime/jsvm_types.h $(DESTDIR)$(PREFIX)/include/ark_runtime/
	install -m 644 include/hilog/log.h $(DESTDIR)$(PREFIX)/include/hilog/
	install -m 755 $(LIB) $(DESTDIR)$(PREFIX)/lib/libjsvm.so
	install -d $(DESTDIR)$(PREFIX)/include/napi $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/napi/native_api.h $(DESTDIR)$(PREFIX)/include/napi/
	install -m 755 $(HOST) $(DESTDIR)$(PREFIX)/bin/jsvm-ohos-run
	sed 's|@PREFIX@|$(PREFIX)|' jsvm.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/jsvm.pc

# How many of the header's functions the library exports, and which are missing.
coverage: $(LIB)
	@tools/coverage.sh include/ark_runtime/jsvm.h $(LIB)

lint:
	@test -z "$$(gofmt -l cmd pkg tools)" || { gofmt -l cmd pkg tools; exit 1; }
	$(GO) vet ./...
	$(GO) run ./tools/genabi -check

check: lint test

clean:
	rm -rf $(BUILD)
