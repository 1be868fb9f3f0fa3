// init_throws.cpp: the module's init fails with an exception, so no entry
// point may be called.
#include "napi/native_api.h"
#include "hilog/log.h"

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    OH_LOG_INFO(LOG_APP, "runTest must not run");
    return nullptr;
}

static napi_value Init(napi_env env, napi_value exports)
{
    napi_property_descriptor desc[] = {
        {"runTest", nullptr, RunTest, nullptr, nullptr, nullptr, napi_default, nullptr},
    };
    napi_define_properties(env, exports, 1, desc);
    napi_throw_range_error(env, nullptr, "init refused to start");
    return exports;
}

NAPI_MODULE(entry, Init)
