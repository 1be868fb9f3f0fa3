// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "primitive values" guides: numbers created natively in each C type, JS
// values read back as int32/uint32/int64/double/bool (with the conversions
// each getter applies), the null/undefined/boolean singletons and the
// global object, and the status for a value of the wrong type.
// Run: jsvm-ohos-run hello.cpp
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

static JSVM_Value Arg0(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    return argv[0];
}

// toNative(label, n): logs n as read by each numeric getter.
static JSVM_Value ToNative(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char label[64] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[0], label, sizeof(label), &length), nullptr);
    int32_t i32 = 0;
    uint32_t u32 = 0;
    int64_t i64 = 0;
    double d = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, argv[1], &i32), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueUint32(env, argv[1], &u32), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueInt64(env, argv[1], &i64), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueDouble(env, argv[1], &d), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM %{public}s: int32 %{public}d, uint32 %{public}u, int64 %{public}lld, double %{public}g",
                label, i32, u32, static_cast<long long>(i64), d);
    return nullptr;
}

// fromNative(): [int32 min, uint32 max, 2^53, 0.1 + 0.2], created natively.
static JSVM_Value FromNative(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value values[4] = {nullptr, nullptr, nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_CreateInt32(env, INT32_MIN, &values[0]), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateUint32(env, UINT32_MAX, &values[1]), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateInt64(env, INT64_C(9007199254740992), &values[2]), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateDouble(env, 0.1 + 0.2, &values[3]), nullptr);
    JSVM_Value params[4] = {nullptr, nullptr, nullptr, nullptr};
    const char *names[4] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++) {
        JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, names[i], 1, &params[i]), nullptr);
    }
    JSVM_Value body = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "return [a, b, c, d];", JSVM_AUTO_LENGTH, &body), nullptr);
    JSVM_Value pack = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateFunctionWithScript(env, nullptr, 0, 4, params, body, &pack), nullptr);
    JSVM_Value undefined = nullptr;
    JSVM_Value array = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetUndefined(env, &undefined), nullptr);
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, undefined, pack, 4, values, &array), nullptr);
    return array;
}

// truthy(b): logs a boolean and returns its negation from the singletons.
static JSVM_Value Truthy(JSVM_Env env, JSVM_CallbackInfo info)
{
    bool value = false;
    JSVM_Status status = OH_JSVM_GetValueBool(env, Arg0(env, info), &value);
    if (status != JSVM_OK) {
        OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetValueBool: not a boolean, status %{public}d", status);
        return nullptr;
    }
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetValueBool: %{public}s", value ? "true" : "false");
    JSVM_Value negated = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetBoolean(env, !value, &negated), nullptr);
    return negated;
}

// nothing(kind): returns null for "null", undefined otherwise.
static JSVM_Value Nothing(JSVM_Env env, JSVM_CallbackInfo info)
{
    char kind[16] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, Arg0(env, info), kind, sizeof(kind), &length), nullptr);
    JSVM_Value result = nullptr;
    if (strcmp(kind, "null") == 0) {
        JSVM_CHECK(env, OH_JSVM_GetNull(env, &result), nullptr);
    } else {
        JSVM_CHECK(env, OH_JSVM_GetUndefined(env, &result), nullptr);
    }
    return result;
}

// global(): the global object, as seen from native code.
static JSVM_Value Global(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value global = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetGlobal(env, &global), nullptr);
    return global;
}

// log(text)
static JSVM_Value Log(JSVM_Env env, JSVM_CallbackInfo info)
{
    char text[256] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, Arg0(env, info), text, sizeof(text), &length), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM log: %{public}s", text);
    return nullptr;
}

// notANumber(v): shows the status a numeric getter returns for a non-number.
static JSVM_Value NotANumber(JSVM_Env env, JSVM_CallbackInfo info)
{
    double d = 0;
    JSVM_Status status = OH_JSVM_GetValueDouble(env, Arg0(env, info), &d);
    const JSVM_ExtendedErrorInfo *error = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetLastErrorInfo(env, &error), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetValueDouble on a string: status %{public}d, \"%{public}s\"", status,
                error->errorMessage ? error->errorMessage : "");
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = ToNative},
    {.data = nullptr, .callback = FromNative},
    {.data = nullptr, .callback = Truthy},
    {.data = nullptr, .callback = Nothing},
    {.data = nullptr, .callback = Global},
    {.data = nullptr, .callback = Log},
    {.data = nullptr, .callback = NotANumber},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"toNative", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"fromNative", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"truthy", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"nothing", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"global", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"notANumber", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
toNative('42', 42);
toNative('-7.9', -7.9);
toNative('2**32 + 5', 2 ** 32 + 5);
toNative('-1', -1);
toNative('NaN', NaN);
toNative('Infinity', Infinity);
const [i32min, u32max, big, sum] = fromNative();
log('from native: ' + [i32min, u32max, big, sum].join(', '));
log('truthy(true) returned ' + truthy(true));
truthy(1);
log('null: ' + (nothing('null') === null) + ', undefined: ' + (nothing('undefined') === undefined));
log('global() is globalThis: ' + (global() === globalThis));
notANumber('12');
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
