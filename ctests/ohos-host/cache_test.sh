#!/bin/sh
# cache_test.sh HOST WORKDIR: the host reuses its build while nothing
# changed, rebuilds when the source or a header it includes changes, and
# --rebuild and -o behave as documented.
set -eu
host=$1 work=$2
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export JSVM_OHOS_RUN_CACHE="$work/cache"

printf '#define GREETING "first greeting"\n' > greeting.h
cat > hello.cpp <<'SRC'
#include "napi/native_api.h"
#include "hilog/log.h"
#include "greeting.h"

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    OH_LOG_INFO(LOG_APP, "%{public}s", GREETING);
    return nullptr;
}

static napi_value Init(napi_env env, napi_value exports)
{
    napi_property_descriptor desc[] = {
        {"runTest", nullptr, RunTest, nullptr, nullptr, nullptr, napi_default, nullptr},
    };
    napi_define_properties(env, exports, 1, desc);
    return exports;
}

NAPI_MODULE(entry, Init)
SRC

# run EXPECTED-STDOUT EXPECTED-STDERR-TEXT [HOST-ARGS...]
run() {
  want_out=$1 want_err=$2
  shift 2
  "$host" -v "$@" hello.cpp > out 2> err || { echo "host failed:"; cat err; exit 1; }
  [ "$(cat out)" = "$want_out" ] || { echo "stdout '$(cat out)', expected '$want_out'"; exit 1; }
  grep -qF "$want_err" err || { echo "stderr lacks '$want_err':"; cat err; exit 1; }
  echo "ok: $want_out / $want_err"
}

run "first greeting" "compiling hello.cpp"
run "first greeting" "using the cached build"
printf '#define GREETING "second greeting"\n' > greeting.h # a dependency changed
run "second greeting" "compiling hello.cpp"
run "second greeting" "using the cached build"
run "second greeting" "compiling hello.cpp" --rebuild

# -o builds only (no output), then the shared object runs as is.
"$host" -o "$work/libentry.so" hello.cpp > out
[ ! -s out ] && [ -s libentry.so ] || { echo "-o printed something or wrote nothing"; exit 1; }
[ "$("$host" ./libentry.so)" = "second greeting" ] || { echo "running the -o build failed"; exit 1; }
echo "ok: -o"
