// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "Date" guide: Date objects created natively from a time value in
// milliseconds, the time value of dates made by script read natively with
// OH_JSVM_GetDateValue, OH_JSVM_IsDate, and the time-value limits.
// Everything is printed in UTC, so the output does not depend on the time
// zone. Run: jsvm-ohos-run hello.cpp
#include "napi/native_api.h"
#include "ark_runtime/jsvm.h"
#include "hilog/log.h"

#include <cstring>
#include <string>

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

#include <cmath>

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

// makeDate(ms): a Date for ms milliseconds since 1970-01-01T00:00:00Z.
static JSVM_Value MakeDate(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    double ms = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueDouble(env, argv[0], &ms), nullptr);
    JSVM_Value date = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateDate(env, ms, &date), nullptr);
    return date;
}

// timeOf(label, value): the time value of a Date, or why there is none.
static JSVM_Value TimeOf(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char label[64] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[0], label, sizeof(label), &length), nullptr);
    bool isDate = false;
    JSVM_CHECK(env, OH_JSVM_IsDate(env, argv[1], &isDate), nullptr);
    double ms = 0;
    JSVM_Status status = OH_JSVM_GetDateValue(env, argv[1], &ms);
    if (status != JSVM_OK) {
        OH_LOG_INFO(LOG_APP, "JSVM %{public}s: IsDate %{public}d, OH_JSVM_GetDateValue status %{public}d%{public}s",
                    label, isDate, status, status == JSVM_DATE_EXPECTED ? " (JSVM_DATE_EXPECTED)" : "");
    } else if (std::isnan(ms)) {
        OH_LOG_INFO(LOG_APP, "JSVM %{public}s: IsDate %{public}d, an invalid date (time value NaN)", label, isDate);
    } else {
        OH_LOG_INFO(LOG_APP, "JSVM %{public}s: IsDate %{public}d, time value %{public}.0f ms", label, isDate, ms);
    }
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},
    {.data = nullptr, .callback = MakeDate},
    {.data = nullptr, .callback = TimeOf},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"makeDate", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"timeOf", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const epoch = makeDate(0);
log(`makeDate(0): ${epoch.toISOString()}, instanceof Date ${epoch instanceof Date}`);
const leap = makeDate(Date.UTC(2024, 1, 29, 12, 30));
log(`makeDate(Date.UTC(2024, 1, 29, 12, 30)): ${leap.toISOString()}, day ${leap.getUTCDay()} of the week`);
log(`makeDate(-86400000): ${makeDate(-86400000).toISOString()}`);
log(`makeDate(1.9): ${makeDate(1.9).getTime()} ms (fractions are cut)`);
log(`makeDate(8.64e15): ${makeDate(8.64e15).toISOString()} (the last valid time)`);
log(`makeDate(8.64e15 + 1) is valid: ${!isNaN(makeDate(8.64e15 + 1).getTime())}`);

timeOf('new Date(1e12)', new Date(1e12));
timeOf('Date.UTC(2000, 0, 1)', new Date(Date.UTC(2000, 0, 1)));
timeOf('leap', leap);
timeOf('new Date(NaN)', new Date(NaN));
timeOf('a number', 1e12);
timeOf('an ISO string', '2000-01-01T00:00:00Z');

const later = makeDate(leap.getTime() + 7 * 24 * 3600 * 1000);
log(`a week after the leap day: ${later.toISOString().slice(0, 10)}`);
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
