// throws.cpp: entry points that end with a pending exception, which the
// ArkTS side would see as an uncaught exception: runTest throws an Error
// with a code, throwString throws a plain string. The log line before the
// throw must still reach stdout.
#include "napi/native_api.h"
#include "hilog/log.h"

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    OH_LOG_INFO(LOG_APP, "about to throw");
    napi_throw_error(env, "E_CONFIG", "configuration file is missing");
    return nullptr;
}

static napi_value ThrowString(napi_env env, napi_callback_info info)
{
    napi_value text;
    napi_create_string_utf8(env, "just a string", NAPI_AUTO_LENGTH, &text);
    napi_throw(env, text);
    return nullptr;
}

static napi_value Init(napi_env env, napi_value exports)
{
    napi_property_descriptor desc[] = {
        {"runTest", nullptr, RunTest, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"throwString", nullptr, ThrowString, nullptr, nullptr, nullptr, napi_default, nullptr},
    };
    napi_define_properties(env, exports, 2, desc);
    return exports;
}

NAPI_MODULE(entry, Init)
