// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "function creation and calls" guide: reading arguments and `this` with
// OH_JSVM_GetCbInfo, native functions created at run time with their own
// data pointer, JS functions called from native code, and new.target and
// OH_JSVM_NewInstance for constructors. Run: jsvm-ohos-run hello.cpp
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

// countArgs(...): logs how many arguments arrived and how the ones that
// did not fit the two-slot buffer are reported.
static JSVM_Value CountArgs(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_Value thisArg = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, &thisArg, nullptr), nullptr);
    int32_t first = 0;
    OH_JSVM_GetValueInt32(env, argv[0], &first);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetCbInfo: argc %{public}zu, first %{public}d, this is %{public}s", argc, first,
                thisArg == nullptr ? "missing" : "set");
    JSVM_Value count = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateUint32(env, static_cast<uint32_t>(argc), &count), nullptr);
    return count;
}

// A multiplier made by makeMultiplier(); data points at its factor.
static JSVM_Value Multiply(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    void *data = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, &data), nullptr);
    double x = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueDouble(env, argv[0], &x), nullptr);
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateDouble(env, x * *static_cast<double *>(data), &result), nullptr);
    return result;
}

// The callback structs must outlive the functions made from them.
static double g_factors[2] = {2, 10};
static JSVM_CallbackStruct g_multipliers[2] = {
    {.data = &g_factors[0], .callback = Multiply},
    {.data = &g_factors[1], .callback = Multiply},
};

// makeMultiplier(i): a new native function multiplying by g_factors[i].
static JSVM_Value MakeMultiplier(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    uint32_t index = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueUint32(env, argv[0], &index), nullptr);
    const char *names[2] = {"double", "tenfold"};
    JSVM_Value fn = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateFunction(env, names[index % 2], JSVM_AUTO_LENGTH, &g_multipliers[index % 2], &fn),
               nullptr);
    return fn;
}

// applyTwice(fn, x): fn(fn(x)), called from native code with `this` = undefined.
static JSVM_Value ApplyTwice(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value undefined = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetUndefined(env, &undefined), nullptr);
    JSVM_Value once = nullptr;
    JSVM_Value twice = nullptr;
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, undefined, argv[0], 1, &argv[1], &once), nullptr);
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, undefined, argv[0], 1, &once, &twice), nullptr);
    return twice;
}

// Point(x): reports whether it was called with `new`.
static JSVM_Value Point(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value newTarget = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetNewTarget(env, info, &newTarget), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetNewTarget: %{public}s", newTarget ? "called with new" : "plain call");
    return nullptr;
}

// construct(Class, arg): new Class(arg), from native code.
static JSVM_Value Construct(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value instance = nullptr;
    JSVM_CHECK(env, OH_JSVM_NewInstance(env, argv[0], 1, &argv[1], &instance), nullptr);
    return instance;
}

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
    {.data = nullptr, .callback = CountArgs},
    {.data = nullptr, .callback = MakeMultiplier},
    {.data = nullptr, .callback = ApplyTwice},
    {.data = nullptr, .callback = Point},
    {.data = nullptr, .callback = Construct},
    {.data = nullptr, .callback = Log},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"countArgs", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"makeMultiplier", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"applyTwice", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"Point", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"construct", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
log('countArgs returned ' + countArgs(7, 8, 9));
countArgs();
const double = makeMultiplier(0);
const tenfold = makeMultiplier(1);
log(double.name + '(21) = ' + double(21) + ', ' + tenfold.name + '(4.2) = ' + tenfold(4.2));
log('applyTwice(tenfold, 3) = ' + applyTwice(tenfold, 3));
log('applyTwice(arrow, 5) = ' + applyTwice(x => x * x, 5));
new Point(1);
Point(2);
class Box { constructor(v) { this.v = v; } }
const box = construct(Box, 'contents');
log('construct(Box) made a Box: ' + (box instanceof Box) + ', v = ' + box.v);
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
