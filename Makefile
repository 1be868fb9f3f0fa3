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

.PHONY: all build demo test gotest ctest bench install coverage abi lint check clean

all: build

build: $(LIB)

$(LIB): $(SOURCES)
	$(GO) run ./tools/genabi -check
	$(GO) build -buildmode=c-shared -trimpath -ldflags="$(LDFLAGS)" -o $@ ./cmd/libjsvm
	rm -f $(BUILD)/libjsvm.h

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

ctest: $(LIB)
	@command -v $(CMAKE) >/dev/null && command -v clang++ >/dev/null || \
	  { echo "make test needs cmake, clang and clang++: apt-get install -y cmake clang"; exit 1; }
	$(CMAKE) -S . -B $(BUILD)/ctest -DJSVM_LIB=$(CURDIR)/$(LIB) >/dev/null
	$(CMAKE) --build $(BUILD)/ctest -j2
	cd $(BUILD)/ctest && $(CTEST) --output-on-failure -LE bench

bench: $(LIB)
	$(CMAKE) -S . -B $(BUILD)/ctest -DJSVM_LIB=$(CURDIR)/$(LIB) -DJSVM_QJS_DIR=$(QJS_DIR) -DJSVM_BENCH=ON >/dev/null
	$(CMAKE) --build $(BUILD)/ctest -j2 --target bench_core
	$(BUILD)/ctest/bench_core

install: $(LIB)
	install -d $(DESTDIR)$(PREFIX)/include/ark_runtime $(DESTDIR)$(PREFIX)/include/hilog \
	           $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 include/ark_runtime/jsvm.h include/ark_runtime/jsvm_types.h $(DESTDIR)$(PREFIX)/include/ark_runtime/
	install -m 644 include/hilog/log.h $(DESTDIR)$(PREFIX)/include/hilog/
	install -m 755 $(LIB) $(DESTDIR)$(PREFIX)/lib/libjsvm.so
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
