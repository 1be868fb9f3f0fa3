// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "executing JS code" guides: compiling and running scripts from native
// code, a script compiled once and run several times (OH_JSVM_RetainScript),
// a script origin that names the file in stack traces, functions built from
// source text, and what a syntax error looks like to native code.
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

// Compiles and runs source; returns the completion value or nullptr.
static JSVM_Value RunSource(JSVM_Env env, const char *source)
{
    JSVM_Value code = nullptr;
    JSVM_Script script = nullptr;
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, source, JSVM_AUTO_LENGTH, &code), nullptr);
    JSVM_CHECK(env, OH_JSVM_CompileScript(env, code, nullptr, 0, true, nullptr, &script), nullptr);
    JSVM_CHECK(env, OH_JSVM_RunScript(env, script, &result), nullptr);
    return result;
}

// evaluate(source): runs source as a separate script and logs its value.
static JSVM_Value Evaluate(JSVM_Env env, JSVM_CallbackInfo info)
{
    char source[256] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, Arg0(env, info), source, sizeof(source), &length), nullptr);
    JSVM_Value result = RunSource(env, source);
    double number = 0;
    if (result != nullptr && OH_JSVM_GetValueDouble(env, result, &number) == JSVM_OK) {
        OH_LOG_INFO(LOG_APP, "JSVM evaluate(%{public}s) = %{public}g", source, number);
    }
    return result;
}

// runThreeTimes(): one compiled script kept alive across handle scopes with
// OH_JSVM_RetainScript and run three times.
static JSVM_Value RunThreeTimes(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Script script = nullptr;
    JSVM_HandleScope scope = nullptr;
    JSVM_CHECK(env, OH_JSVM_OpenHandleScope(env, &scope), nullptr);
    JSVM_Value code = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "globalThis.runs = (globalThis.runs || 0) + 1", JSVM_AUTO_LENGTH,
                                             &code), nullptr);
    JSVM_CHECK(env, OH_JSVM_CompileScript(env, code, nullptr, 0, true, nullptr, &script), nullptr);
    JSVM_CHECK(env, OH_JSVM_RetainScript(env, script), nullptr);
    JSVM_CHECK(env, OH_JSVM_CloseHandleScope(env, scope), nullptr);
    int32_t runs = 0;
    for (int i = 0; i < 3; i++) {
        JSVM_Value result = nullptr;
        JSVM_CHECK(env, OH_JSVM_RunScript(env, script, &result), nullptr);
        JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, result, &runs), nullptr);
    }
    JSVM_CHECK(env, OH_JSVM_ReleaseScript(env, script), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_RetainScript: one script ran %{public}d times", runs);
    return nullptr;
}

// stackOf(describe): runs a throwing script compiled with an origin naming
// "app/hello.js" and logs describe(exception).
static JSVM_Value StackOf(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value code = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "function fail() {\n  throw new Error('from hello.js');\n}\nfail();",
                                             JSVM_AUTO_LENGTH, &code), nullptr);
    JSVM_ScriptOrigin origin = {
        .sourceMapUrl = nullptr,
        .resourceName = "app/hello.js",
        .resourceLineOffset = 0,
        .resourceColumnOffset = 0,
    };
    JSVM_Script script = nullptr;
    JSVM_CHECK(env, OH_JSVM_CompileScriptWithOrigin(env, code, nullptr, 0, true, nullptr, &origin, &script), nullptr);
    JSVM_Value result = nullptr;
    JSVM_Status status = OH_JSVM_RunScript(env, script, &result);
    JSVM_Value exception = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetAndClearLastException(env, &exception), nullptr);
    JSVM_Value undefined = nullptr;
    JSVM_Value text = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetUndefined(env, &undefined), nullptr);
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, undefined, Arg0(env, info), 1, &exception, &text), nullptr);
    char buf[128] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, text, buf, sizeof(buf), &length), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_RunScript: status %{public}d, %{public}s", status, buf);
    return nullptr;
}

// makeFunction(): a function built from parameter names and a body.
static JSVM_Value MakeFunction(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value params[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "width", JSVM_AUTO_LENGTH, &params[0]), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "height", JSVM_AUTO_LENGTH, &params[1]), nullptr);
    JSVM_Value body = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "return width * height;", JSVM_AUTO_LENGTH, &body), nullptr);
    JSVM_Value fn = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateFunctionWithScript(env, "area", JSVM_AUTO_LENGTH, 2, params, body, &fn), nullptr);
    return fn;
}

// compileBroken(describe): compiles invalid source and logs describe(error).
static JSVM_Value CompileBroken(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value code = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "let x = ;", JSVM_AUTO_LENGTH, &code), nullptr);
    JSVM_Script script = nullptr;
    JSVM_Status status = OH_JSVM_CompileScript(env, code, nullptr, 0, true, nullptr, &script);
    JSVM_Value exception = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetAndClearLastException(env, &exception), nullptr);
    JSVM_Value undefined = nullptr;
    JSVM_Value text = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetUndefined(env, &undefined), nullptr);
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, undefined, Arg0(env, info), 1, &exception, &text), nullptr);
    char buf[128] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, text, buf, sizeof(buf), &length), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_CompileScript: status %{public}d, %{public}s", status, buf);
    return nullptr;
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

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Evaluate},
    {.data = nullptr, .callback = RunThreeTimes},
    {.data = nullptr, .callback = StackOf},
    {.data = nullptr, .callback = MakeFunction},
    {.data = nullptr, .callback = CompileBroken},
    {.data = nullptr, .callback = Log},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"evaluate", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"runThreeTimes", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"stackOf", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"makeFunction", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"compileBroken", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

// Scripts share the global object: `shared` defined by one evaluate() is
// visible to the next one and to this script.
static const char *srcCallNative = R"JS(
evaluate('6 * 7');
evaluate('var shared = Math.max(3, 9, 4); shared * 2');
log('shared from the nested script: ' + shared);
runThreeTimes();
stackOf(e => `${e.message}, stack names app/hello.js: ${String(e.stack).includes('app/hello.js')}`);
const area = makeFunction();
log(`${area.name}(${area.length} parameters): area(3, 4) = ${area(3, 4)}`);
compileBroken(e => `${e.name} caught, instance of SyntaxError: ${e instanceof SyntaxError}`);
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
