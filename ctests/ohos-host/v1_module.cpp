// v1_module.cpp: a module registered the Node-API way, by exporting
// napi_register_module_v1 instead of calling napi_module_register.
#include "napi/native_api.h"
#include "hilog/log.h"

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    OH_LOG_INFO(LOG_APP, "runTest of a napi_register_module_v1 module");
    return nullptr;
}

extern "C" __attribute__((visibility("default"))) napi_value napi_register_module_v1(napi_env env, napi_value exports)
{
    napi_property_descriptor desc[] = {
        {"runTest", nullptr, RunTest, nullptr, nullptr, nullptr, napi_default, nullptr},
    };
    napi_define_properties(env, exports, 1, desc);
    return exports;
}
