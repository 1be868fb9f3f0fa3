// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "memory management" guide: a native object tells the VM how much
// off-heap memory it holds (OH_JSVM_AdjustExternalMemory), and the app
// reports memory pressure so the VM collects garbage
// (OH_JSVM_MemoryPressureNotification). Run: jsvm-ohos-run hello.cpp
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

// holdBuffer(kib): the script's native object grew by kib KiB; logs the
// VM's new total of external memory and returns it.
static JSVM_Value HoldBuffer(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    int64_t kib = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueInt64(env, argv[0], &kib), nullptr);
    int64_t total = 0;
    JSVM_CHECK(env, OH_JSVM_AdjustExternalMemory(env, kib * 1024, &total), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_AdjustExternalMemory(%{public}lld KiB): external memory now %{public}lld bytes",
                static_cast<long long>(kib), static_cast<long long>(total));
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateInt64(env, total, &result), nullptr);
    return result;
}

// releaseBuffer(kib): the native object gave kib KiB back.
static JSVM_Value ReleaseBuffer(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    int64_t kib = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueInt64(env, argv[0], &kib), nullptr);
    int64_t total = 0;
    JSVM_CHECK(env, OH_JSVM_AdjustExternalMemory(env, -kib * 1024, &total), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_AdjustExternalMemory(-%{public}lld KiB): external memory now %{public}lld bytes",
                static_cast<long long>(kib), static_cast<long long>(total));
    return nullptr;
}

// pressure(level): reports a memory pressure level (0 none .. 2 critical).
static JSVM_Value Pressure(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    int32_t level = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, argv[0], &level), nullptr);
    JSVM_Status status = OH_JSVM_MemoryPressureNotification(env, static_cast<JSVM_MemoryPressureLevel>(level));
    if (status != JSVM_OK) {
        OH_LOG_ERROR(LOG_APP, "JSVM OH_JSVM_MemoryPressureNotification: failed");
    } else {
        OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_MemoryPressureNotification(level %{public}d): success", level);
    }
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = HoldBuffer},
    {.data = nullptr, .callback = ReleaseBuffer},
    {.data = nullptr, .callback = Pressure},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"holdBuffer", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"releaseBuffer", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"pressure", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

// Builds garbage, then asks for collection at increasing pressure levels.
static const char *srcCallNative = R"JS(
holdBuffer(1024);
holdBuffer(512);
let garbage = [];
for (let i = 0; i < 10000; i++) garbage.push({ index: i });
garbage = null;
pressure(0);
pressure(1);
pressure(2);
releaseBuffer(1536);
)JS";

static bool g_jsvmInitialized = false;

// Creates a VM and an env whose global object has the native functions of
// descriptor, runs srcCallNative in it, and destroys both.
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

    JSVM_Value source = nullptr;
    JSVM_Script script = nullptr;
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, srcCallNative, JSVM_AUTO_LENGTH, &source), -1);
    JSVM_CHECK(env, OH_JSVM_CompileScript(env, source, nullptr, 0, true, nullptr, &script), -1);
    JSVM_CHECK(env, OH_JSVM_RunScript(env, script, &result), -1);

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
