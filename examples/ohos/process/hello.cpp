// hello.cpp -- libjsvm example in the shape of OpenHarmony's "JSVM-API
// development process": an N-API module whose runTest entry point creates a
// JSVM VM and environment, registers native functions on the JS global
// object, runs a script that calls them, and tears everything down.
// Run it on Linux with: jsvm-ohos-run hello.cpp
#include "napi/native_api.h"
#include "ark_runtime/jsvm.h"
#include "hilog/log.h"

#include <cstring>

// Logs a failed JSVM call with the status and the last-error message, then
// returns failValue from the calling function.
#define JSVM_CHECK(env, call, failValue)                                                           \
    do {                                                                                           \
        JSVM_Status status_ = (call);                                                              \
        if (status_ != JSVM_OK) {                                                                  \
            const JSVM_ExtendedErrorInfo *error_ = nullptr;                                        \
            OH_JSVM_GetLastErrorInfo((env), &error_);                                              \
            OH_LOG_ERROR(LOG_APP, "JSVM %{public}s failed: status %{public}d (%{public}s)", #call, \
                         status_, error_ && error_->errorMessage ? error_->errorMessage : "");    \
            return failValue;                                                                      \
        }                                                                                          \
    } while (0)

// log(text): writes one line.
static JSVM_Value Log(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char text[256] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[0], text, sizeof(text), &length), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM log: %{public}s", text);
    return nullptr;
}

// sum(a, b): a + b, computed natively.
static JSVM_Value Sum(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    double a = 0;
    double b = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueDouble(env, argv[0], &a), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueDouble(env, argv[1], &b), nullptr);
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateDouble(env, a + b, &result), nullptr);
    return result;
}

// The native functions the script sees as globals. Out-of-order designated
// initializers, as in OpenHarmony samples: build with clang++.
static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},
    {.data = nullptr, .callback = Sum},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"sum", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const words = ['JSVM', 'runs', 'this', 'script'];
log(words.join(' '));
log('sum(19, 23) = ' + sum(19, 23));
sum(sum(1, 2), 3);
)JS";

static bool g_jsvmInitialized = false;

static int32_t TestJSVM()
{
    // OH_JSVM_Init may be called once per process.
    if (!g_jsvmInitialized) {
        JSVM_InitOptions initOptions;
        memset(&initOptions, 0, sizeof(initOptions));
        JSVM_CHECK(nullptr, OH_JSVM_Init(&initOptions), -1);
        g_jsvmInitialized = true;
    }
    JSVM_VM vm = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_CreateVM(nullptr, &vm), -1);
    JSVM_VMScope vmScope = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_OpenVMScope(vm, &vmScope), -1);
    JSVM_Env env = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_CreateEnv(vm, sizeof(descriptor) / sizeof(descriptor[0]), descriptor, &env), -1);
    JSVM_EnvScope envScope = nullptr;
    JSVM_CHECK(env, OH_JSVM_OpenEnvScope(env, &envScope), -1);
    JSVM_HandleScope handleScope = nullptr;
    JSVM_CHECK(env, OH_JSVM_OpenHandleScope(env, &handleScope), -1);

    JSVM_VM owner = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetVM(env, &owner), -1);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetVM: %{public}s", owner == vm ? "the env belongs to the new VM" : "wrong VM");

    JSVM_Value source = nullptr;
    JSVM_Script script = nullptr;
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, srcCallNative, JSVM_AUTO_LENGTH, &source), -1);
    JSVM_CHECK(env, OH_JSVM_CompileScript(env, source, nullptr, 0, true, nullptr, &script), -1);
    JSVM_CHECK(env, OH_JSVM_RunScript(env, script, &result), -1);
    int32_t value = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, result, &value), -1);
    OH_LOG_INFO(LOG_APP, "JSVM script result: %{public}d", value);

    JSVM_CHECK(env, OH_JSVM_CloseHandleScope(env, handleScope), -1);
    JSVM_CHECK(env, OH_JSVM_CloseEnvScope(env, envScope), -1);
    JSVM_CHECK(nullptr, OH_JSVM_DestroyEnv(env), -1);
    JSVM_CHECK(nullptr, OH_JSVM_CloseVMScope(vm, vmScope), -1);
    JSVM_CHECK(nullptr, OH_JSVM_DestroyVM(vm), -1);
    OH_LOG_INFO(LOG_APP, "JSVM env and VM destroyed");
    return value;
}

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    napi_value ret = nullptr;
    napi_create_int32(env, TestJSVM(), &ret);
    return ret;
}

EXTERN_C_START
static napi_value Init(napi_env env, napi_value exports)
{
    napi_property_descriptor desc[] = {
        {"runTest", nullptr, RunTest, nullptr, nullptr, nullptr, napi_default, nullptr},
    };
    napi_define_properties(env, exports, sizeof(desc) / sizeof(desc[0]), desc);
    return exports;
}
EXTERN_C_END

static napi_module demoModule = {
    .nm_version = 1,
    .nm_flags = 0,
    .nm_filename = nullptr,
    .nm_register_func = Init,
    .nm_modname = "entry",
    .nm_priv = nullptr,
    .reserved = {0},
};

extern "C" __attribute__((constructor)) void RegisterEntryModule(void)
{
    napi_module_register(&demoModule);
}
