// missing_symbols.cpp: a module that links against functions nothing in the
// process provides: a JSVM-API name libjsvm does not export, an N-API
// function outside the host's subset, and a plain C function. The host must
// list all three, each with what kind of function it is.
#include "napi/native_api.h"
#include "ark_runtime/jsvm.h"

// Declared here so the test stays valid whatever libjsvm exports later.
extern "C" JSVM_Status OH_JSVM_NotInTheApi(JSVM_Env env);
extern "C" napi_status napi_get_uv_event_loop(napi_env env, void **loop);
extern "C" int missing_helper(void);

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    void *loop = nullptr;
    OH_JSVM_NotInTheApi(nullptr);
    napi_get_uv_event_loop(env, &loop);
    missing_helper();
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
