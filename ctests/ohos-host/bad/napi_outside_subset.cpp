// napi_outside_subset.cpp: uses an N-API function outside the subset the SDK
// declares; compiling fails and the host adds a hint.
#include "napi/native_api.h"

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    napi_value promise;
    napi_deferred deferred;
    napi_create_promise(env, &deferred, &promise);
    return promise;
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
