// wrong_entry.cpp: exports start() and a string property, but no runTest.
#include "napi/native_api.h"
#include "hilog/log.h"

static napi_value Start(napi_env env, napi_callback_info info)
{
    OH_LOG_INFO(LOG_APP, "start called");
    return nullptr;
}

static napi_value Init(napi_env env, napi_value exports)
{
    napi_value name;
    napi_create_string_utf8(env, "wrong_entry", NAPI_AUTO_LENGTH, &name);
    napi_property_descriptor desc[] = {
        {"start", nullptr, Start, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"name", nullptr, nullptr, nullptr, nullptr, name, napi_enumerable, nullptr},
    };
    napi_define_properties(env, exports, 2, desc);
    return exports;
}

NAPI_MODULE(entry, Init)
