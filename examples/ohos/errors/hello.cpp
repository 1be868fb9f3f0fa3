// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "errors and exceptions" guide: throwing Error/TypeError/RangeError/
// SyntaxError (with and without a code) from native code, creating errors
// without throwing, throwing arbitrary values, OH_JSVM_IsError, and catching
// a JS exception on the native side with OH_JSVM_IsExceptionPending and
// OH_JSVM_GetAndClearLastException. Run: jsvm-ohos-run hello.cpp
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

static JSVM_Value Arg(JSVM_Env env, JSVM_CallbackInfo info, size_t index)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    return argv[index];
}

// failWithCode(): throws an Error with a code property.
static JSVM_Value FailWithCode(JSVM_Env env, JSVM_CallbackInfo info)
{
    OH_JSVM_ThrowError(env, "ERR_NATIVE_FAILURE", "the native side failed");
    return nullptr;
}

// throwTyped(kind): throws a TypeError, RangeError or SyntaxError without a code.
static JSVM_Value ThrowTyped(JSVM_Env env, JSVM_CallbackInfo info)
{
    char kind[16] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, Arg(env, info, 0), kind, sizeof(kind), &length), nullptr);
    if (strcmp(kind, "type") == 0) {
        OH_JSVM_ThrowTypeError(env, nullptr, "expected a number");
    } else if (strcmp(kind, "range") == 0) {
        OH_JSVM_ThrowRangeError(env, nullptr, "index out of range");
    } else {
        OH_JSVM_ThrowSyntaxError(env, nullptr, "unexpected token");
    }
    return nullptr;
}

// makeError(): an Error created, not thrown, with a code.
static JSVM_Value MakeError(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value code = nullptr;
    JSVM_Value message = nullptr;
    JSVM_Value error = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "ERR_CREATED", JSVM_AUTO_LENGTH, &code), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "created natively", JSVM_AUTO_LENGTH, &message), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateError(env, code, message, &error), nullptr);
    return error;
}

// throwValue(v): throws v itself.
static JSVM_Value ThrowValue(JSVM_Env env, JSVM_CallbackInfo info)
{
    OH_JSVM_Throw(env, Arg(env, info, 0));
    return nullptr;
}

// isError(label, v): logs OH_JSVM_IsError(v).
static JSVM_Value IsError(JSVM_Env env, JSVM_CallbackInfo info)
{
    char label[64] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, Arg(env, info, 0), label, sizeof(label), &length), nullptr);
    bool isError = false;
    JSVM_CHECK(env, OH_JSVM_IsError(env, Arg(env, info, 1), &isError), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_IsError(%{public}s): %{public}s", label, isError ? "true" : "false");
    return nullptr;
}

// callAndCatch(fn, describe): calls fn(); if it throws, takes the exception
// off the env and logs describe(exception).
static JSVM_Value CallAndCatch(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value fn = Arg(env, info, 0);
    JSVM_Value describe = Arg(env, info, 1);
    JSVM_Value undefined = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetUndefined(env, &undefined), nullptr);
    JSVM_Value result = nullptr;
    JSVM_Status status = OH_JSVM_CallFunction(env, undefined, fn, 0, nullptr, &result);
    const JSVM_ExtendedErrorInfo *error = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetLastErrorInfo(env, &error), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_CallFunction: status %{public}d, last error code %{public}d", status,
                error->errorCode);
    bool pending = false;
    JSVM_CHECK(env, OH_JSVM_IsExceptionPending(env, &pending), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_IsExceptionPending: %{public}s", pending ? "true" : "false");
    if (!pending) {
        return result;
    }
    JSVM_Value exception = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetAndClearLastException(env, &exception), nullptr);
    JSVM_CHECK(env, OH_JSVM_IsExceptionPending(env, &pending), nullptr);
    JSVM_Value text = nullptr;
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, undefined, describe, 1, &exception, &text), nullptr);
    char buf[128] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, text, buf, sizeof(buf), &length), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetAndClearLastException: %{public}s (still pending: %{public}s)", buf,
                pending ? "true" : "false");
    return nullptr;
}

// log(text)
static JSVM_Value Log(JSVM_Env env, JSVM_CallbackInfo info)
{
    char text[256] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, Arg(env, info, 0), text, sizeof(text), &length), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM log: %{public}s", text);
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = FailWithCode},
    {.data = nullptr, .callback = ThrowTyped},
    {.data = nullptr, .callback = MakeError},
    {.data = nullptr, .callback = ThrowValue},
    {.data = nullptr, .callback = IsError},
    {.data = nullptr, .callback = CallAndCatch},
    {.data = nullptr, .callback = Log},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"failWithCode", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"throwTyped", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"makeError", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"throwValue", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"isError", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"callAndCatch", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
try {
  failWithCode();
} catch (e) {
  log(`caught ${e.name} [${e.code}]: ${e.message}`);
}
for (const kind of ['type', 'range', 'syntax']) {
  try {
    throwTyped(kind);
  } catch (e) {
    log(`caught ${e.name}: ${e.message} (code: ${e.code})`);
  }
}
const made = makeError();
log(`makeError() returned ${made.name} [${made.code}]: ${made.message}`);
try {
  throwValue('a plain string');
} catch (e) {
  log(`caught a ${typeof e}: ${e}`);
}
isError('makeError()', made);
isError('new TypeError()', new TypeError('t'));
isError('a look-alike object', { name: 'Error', message: 'not really' });
callAndCatch(() => { throw new RangeError('thrown by JS'); }, e => `${e.name}: ${e.message}`);
callAndCatch(() => 'returns normally', e => 'unused');
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
