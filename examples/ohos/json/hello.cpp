// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "JSON" guide: OH_JSVM_JsonParse of text held by native code, reading the
// parsed object natively, OH_JSVM_JsonStringify of an object built
// natively and of values from script, and a parse error caught natively
// with OH_JSVM_GetAndClearLastException. Run: jsvm-ohos-run hello.cpp
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

// The UTF-8 text of a string value, at most size - 1 bytes.
static bool GetText(JSVM_Env env, JSVM_Value string, char *text, size_t size)
{
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, string, text, size, &length), false);
    return true;
}

// log(text)
static JSVM_Value Log(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char text[256] = "";
    if (GetText(env, argv[0], text, sizeof(text))) {
        OH_LOG_INFO(LOG_APP, "JSVM log: %{public}s", text);
    }
    return nullptr;
}

// The settings a native component keeps as JSON text.
static const char *g_settings = R"({"name": "demo", "retries": 3, "verbose": false, "tags": ["a", "b", "c"]})";

// loadSettings(): parses g_settings, reads some fields natively and
// returns the parsed object to the script.
static JSVM_Value LoadSettings(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value text = nullptr;
    JSVM_Value settings = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, g_settings, JSVM_AUTO_LENGTH, &text), nullptr);
    JSVM_CHECK(env, OH_JSVM_JsonParse(env, text, &settings), nullptr);
    JSVM_Value name = nullptr;
    JSVM_Value retries = nullptr;
    JSVM_Value verbose = nullptr;
    JSVM_Value tags = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, settings, "name", &name), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, settings, "retries", &retries), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, settings, "verbose", &verbose), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, settings, "tags", &tags), nullptr);
    char nameText[32] = "";
    int32_t retryCount = 0;
    bool isVerbose = true;
    uint32_t tagCount = 0;
    GetText(env, name, nameText, sizeof(nameText));
    JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, retries, &retryCount), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueBool(env, verbose, &isVerbose), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetArrayLength(env, tags, &tagCount), nullptr);
    OH_LOG_INFO(LOG_APP,
                "JSVM OH_JSVM_JsonParse: name %{public}s, retries %{public}d, verbose %{public}d, %{public}u tags",
                nameText, retryCount, isVerbose, tagCount);
    return settings;
}

// report(): an object built natively, turned into JSON text natively.
static JSVM_Value Report(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value report = nullptr;
    JSVM_Value status = nullptr;
    JSVM_Value elapsed = nullptr;
    JSVM_Value files = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateObject(env, &report), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "ok \"quoted\"", JSVM_AUTO_LENGTH, &status), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateDouble(env, 12.5, &elapsed), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateArrayWithLength(env, 2, &files), nullptr);
    const char *names[] = {"main.js", "lib.js"};
    for (uint32_t i = 0; i < 2; i++) {
        JSVM_Value file = nullptr;
        JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, names[i], JSVM_AUTO_LENGTH, &file), nullptr);
        JSVM_CHECK(env, OH_JSVM_SetElement(env, files, i, file), nullptr);
    }
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, report, "status", status), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, report, "elapsedMs", elapsed), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, report, "files", files), nullptr);
    JSVM_Value json = nullptr;
    JSVM_CHECK(env, OH_JSVM_JsonStringify(env, report, &json), nullptr);
    char text[256] = "";
    GetText(env, json, text, sizeof(text));
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_JsonStringify: %{public}s", text);
    return json;
}

// stringify(value): OH_JSVM_JsonStringify of a value from script.
static JSVM_Value Stringify(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value json = nullptr;
    JSVM_CHECK(env, OH_JSVM_JsonStringify(env, argv[0], &json), nullptr);
    return json;
}

// tryParse(text): parses text; malformed JSON leaves a SyntaxError
// pending, which is caught here and reported instead of thrown.
static JSVM_Value TryParse(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char text[64] = "";
    GetText(env, argv[0], text, sizeof(text));
    JSVM_Value result = nullptr;
    if (OH_JSVM_JsonParse(env, argv[0], &result) == JSVM_OK) {
        OH_LOG_INFO(LOG_APP, "JSVM parsed '%{public}s'", text);
        return result;
    }
    bool pending = false;
    JSVM_CHECK(env, OH_JSVM_IsExceptionPending(env, &pending), nullptr);
    JSVM_Value error = nullptr;
    JSVM_Value name = nullptr;
    char nameText[32] = "";
    JSVM_CHECK(env, OH_JSVM_GetAndClearLastException(env, &error), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, error, "name", &name), nullptr);
    GetText(env, name, nameText, sizeof(nameText));
    OH_LOG_INFO(LOG_APP, "JSVM could not parse '%{public}s': exception pending %{public}d, %{public}s caught", text,
                pending, nameText);
    JSVM_Value fallback = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetNull(env, &fallback), nullptr);
    return fallback;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},       {.data = nullptr, .callback = LoadSettings},
    {.data = nullptr, .callback = Report},    {.data = nullptr, .callback = Stringify},
    {.data = nullptr, .callback = TryParse},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"loadSettings", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"report", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"stringify", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"tryParse", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const settings = loadSettings();
log(`in script: ${settings.name} has tags ${settings.tags.join('/')}`);
settings.retries += 1;
log(`changed and stringified natively: ${stringify(settings)}`);

const text = report();
const back = JSON.parse(text);
log(`JSON.parse in script: status ${back.status}, ${back.files.length} files, ${back.elapsedMs} ms`);

log(`stringify of nested values: ${stringify({ list: [1, 'two', null, true], nested: { empty: {} } })}`);
log(`stringify drops functions and undefined: ${stringify({ keep: 1, f() {}, u: undefined })}`);
log(`stringify with toJSON: ${stringify({ when: { toJSON() { return 'custom'; } } })}`);

const parsed = tryParse('[1, 2, {"three": 3}]');
log(`parsed array length ${parsed.length}, three = ${parsed[2].three}`);
log(`tryParse of a bad text returned ${tryParse('{"unterminated": ')}`);
log(`tryParse of single quotes returned ${tryParse("{'a': 1}")}`);
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
