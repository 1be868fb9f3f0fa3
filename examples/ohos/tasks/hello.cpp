// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "task queue" guide: promise reactions are microtasks. Under the default
// policy (JSVM_MICROTASK_AUTO) they run when the outermost script returns;
// under JSVM_MICROTASK_EXPLICIT they wait for
// OH_JSVM_PerformMicrotaskCheckpoint. Run: jsvm-ohos-run hello.cpp
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

// log(text)
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

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

// Queues a chain of promise reactions; the synchronous lines come first.
static const char *srcCallNative = R"JS(
log(`${phase}: script starts`);
Promise.resolve(1)
  .then(n => { log(`${phase}: microtask ${n}`); return n + 1; })
  .then(n => log(`${phase}: microtask ${n}`));
(async () => {
  await null;
  log(`${phase}: async function resumed`);
})();
log(`${phase}: script ends`);
)JS";

// Runs srcCallNative once with `phase` set to the given name.
static int32_t RunPhase(JSVM_Env env, const char *phase)
{
    JSVM_Value name = nullptr;
    JSVM_Value global = nullptr;
    JSVM_Value source = nullptr;
    JSVM_Script script = nullptr;
    JSVM_Value result = nullptr;
    // globalThis.phase = name, done in JS to stay within this guide's APIs.
    JSVM_Value params[1] = {nullptr};
    JSVM_Value body = nullptr;
    JSVM_Value setter = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "p", 1, &params[0]), -1);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "globalThis.phase = p;", JSVM_AUTO_LENGTH, &body), -1);
    JSVM_CHECK(env, OH_JSVM_CreateFunctionWithScript(env, nullptr, 0, 1, params, body, &setter), -1);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, phase, JSVM_AUTO_LENGTH, &name), -1);
    JSVM_CHECK(env, OH_JSVM_GetGlobal(env, &global), -1);
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, global, setter, 1, &name, &result), -1);

    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, srcCallNative, JSVM_AUTO_LENGTH, &source), -1);
    JSVM_CHECK(env, OH_JSVM_CompileScript(env, source, nullptr, 0, true, nullptr, &script), -1);
    JSVM_CHECK(env, OH_JSVM_RunScript(env, script, &result), -1);
    return 0;
}

static bool g_jsvmInitialized = false;

static int32_t TestJSVM()
{
    if (!g_jsvmInitialized) { // OH_JSVM_Init may be called once per process
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

    // Default policy: the reactions run as soon as the script has returned.
    RunPhase(env, "auto");
    OH_LOG_INFO(LOG_APP, "JSVM after the auto-policy script returned");

    // Explicit policy: nothing runs until the checkpoint.
    JSVM_CHECK(env, OH_JSVM_SetMicrotaskPolicy(vm, JSVM_MICROTASK_EXPLICIT), -1);
    RunPhase(env, "explicit");
    OH_LOG_INFO(LOG_APP, "JSVM before OH_JSVM_PerformMicrotaskCheckpoint");
    JSVM_CHECK(env, OH_JSVM_PerformMicrotaskCheckpoint(vm), -1);
    OH_LOG_INFO(LOG_APP, "JSVM after OH_JSVM_PerformMicrotaskCheckpoint");
    JSVM_CHECK(env, OH_JSVM_SetMicrotaskPolicy(vm, JSVM_MICROTASK_AUTO), -1);

    JSVM_CHECK(env, OH_JSVM_CloseHandleScope(env, handleScope), -1);
    JSVM_CHECK(env, OH_JSVM_CloseEnvScope(env, envScope), -1);
    JSVM_CHECK(nullptr, OH_JSVM_DestroyEnv(env), -1);
    JSVM_CHECK(nullptr, OH_JSVM_CloseVMScope(vm, vmScope), -1);
    JSVM_CHECK(nullptr, OH_JSVM_DestroyVM(vm), -1);
    return 0;
}

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    TestJSVM();
    return nullptr;
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
