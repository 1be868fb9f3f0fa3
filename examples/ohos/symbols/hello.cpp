// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "Symbol" guide: unique symbols from OH_JSVM_CreateSymbol, registered ones
// from OH_JSVM_SymbolFor, symbol-keyed properties, and the well-known
// symbols: a native Symbol.iterator method that makes an object iterable
// by for...of and spread, Symbol.toPrimitive and Symbol.toStringTag.
// Run: jsvm-ohos-run hello.cpp
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

// symbols(): [unique, unique with the same description, registered,
// registered again] and what native code can tell about them.
static JSVM_Value Symbols(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value description = nullptr;
    JSVM_Value list[4] = {nullptr, nullptr, nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "session", JSVM_AUTO_LENGTH, &description), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateSymbol(env, description, &list[0]), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateSymbol(env, description, &list[1]), nullptr);
    JSVM_CHECK(env, OH_JSVM_SymbolFor(env, "app.config", JSVM_AUTO_LENGTH, &list[2]), nullptr);
    JSVM_CHECK(env, OH_JSVM_SymbolFor(env, "app.config.extra", 10, &list[3]), nullptr); // the first 10 bytes
    bool uniqueSame = true;
    bool registeredSame = false;
    bool isSymbol = false;
    JSVM_ValueType type = JSVM_UNDEFINED;
    JSVM_CHECK(env, OH_JSVM_StrictEquals(env, list[0], list[1], &uniqueSame), nullptr);
    JSVM_CHECK(env, OH_JSVM_StrictEquals(env, list[2], list[3], &registeredSame), nullptr);
    JSVM_CHECK(env, OH_JSVM_IsSymbol(env, list[0], &isSymbol), nullptr);
    JSVM_CHECK(env, OH_JSVM_Typeof(env, list[2], &type), nullptr);
    OH_LOG_INFO(LOG_APP,
                "JSVM two CreateSymbol('session') equal: %{public}d, two SymbolFor('app.config') equal: %{public}d, "
                "IsSymbol %{public}d, Typeof is JSVM_SYMBOL %{public}d",
                uniqueSame, registeredSame, isSymbol, type == JSVM_SYMBOL);
    JSVM_Value array = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateArrayWithLength(env, 4, &array), nullptr);
    for (uint32_t i = 0; i < 4; i++) {
        JSVM_CHECK(env, OH_JSVM_SetElement(env, array, i, list[i]), nullptr);
    }
    return array;
}

// The iterator protocol in native code. The object made by countdown(n)
// has a Symbol.iterator method; each iterator it returns keeps its state in
// properties and has a native next().
static JSVM_Value Next(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value iterator = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, nullptr, nullptr, &iterator, nullptr), nullptr);
    JSVM_Value remaining = nullptr;
    int32_t n = 0;
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, iterator, "remaining", &remaining), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, remaining, &n), nullptr);
    JSVM_Value result = nullptr;
    JSVM_Value done = nullptr;
    JSVM_Value value = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateObject(env, &result), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetBoolean(env, n <= 0, &done), nullptr);
    if (n > 0) {
        JSVM_CHECK(env, OH_JSVM_CreateInt32(env, n, &value), nullptr);
        JSVM_Value left = nullptr;
        JSVM_CHECK(env, OH_JSVM_CreateInt32(env, n - 1, &left), nullptr);
        JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, iterator, "remaining", left), nullptr);
    } else {
        JSVM_CHECK(env, OH_JSVM_GetUndefined(env, &value), nullptr);
    }
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, result, "value", value), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, result, "done", done), nullptr);
    return result;
}

static JSVM_CallbackStruct g_next = {.data = nullptr, .callback = Next};

// countdown[Symbol.iterator](): a fresh iterator starting at this.from.
static JSVM_Value Iterate(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value thisArg = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, nullptr, nullptr, &thisArg, nullptr), nullptr);
    JSVM_Value from = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, thisArg, "from", &from), nullptr);
    JSVM_Value iterator = nullptr;
    JSVM_Value next = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateObject(env, &iterator), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, iterator, "remaining", from), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateFunction(env, "next", JSVM_AUTO_LENGTH, &g_next, &next), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, iterator, "next", next), nullptr);
    return iterator;
}

// countdown[Symbol.toPrimitive](hint): this.from for 'number', a label
// otherwise.
static JSVM_Value ToPrimitive(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value hint = nullptr;
    JSVM_Value thisArg = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, &hint, &thisArg, nullptr), nullptr);
    char text[16] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, hint, text, sizeof(text), &length), nullptr);
    JSVM_Value result = nullptr;
    if (strcmp(text, "number") == 0) {
        JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, thisArg, "from", &result), nullptr);
    } else {
        char label[48] = "";
        snprintf(label, sizeof(label), "countdown (hint %s)", text);
        JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, label, JSVM_AUTO_LENGTH, &result), nullptr);
    }
    return result;
}

static JSVM_CallbackStruct g_iterate = {.data = nullptr, .callback = Iterate};
static JSVM_CallbackStruct g_toPrimitive = {.data = nullptr, .callback = ToPrimitive};

// countdown(n): {from: n} with Symbol.iterator, Symbol.toPrimitive and
// Symbol.toStringTag set natively.
static JSVM_Value Countdown(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value object = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateObject(env, &object), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, object, "from", argv[0]), nullptr);

    JSVM_Value iteratorKey = nullptr;
    JSVM_Value toPrimitiveKey = nullptr;
    JSVM_Value toStringTagKey = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetSymbolIterator(env, &iteratorKey), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetSymbolToPrimitive(env, &toPrimitiveKey), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetSymbolToStringTag(env, &toStringTagKey), nullptr);
    JSVM_Value tag = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "Countdown", JSVM_AUTO_LENGTH, &tag), nullptr);
    JSVM_PropertyDescriptor properties[] = {
        {nullptr, iteratorKey, &g_iterate, nullptr, nullptr, nullptr, JSVM_DEFAULT_METHOD},
        {nullptr, toPrimitiveKey, &g_toPrimitive, nullptr, nullptr, nullptr, JSVM_DEFAULT_METHOD},
        {nullptr, toStringTagKey, nullptr, nullptr, nullptr, tag, JSVM_DEFAULT},
    };
    JSVM_CHECK(env, OH_JSVM_DefineProperties(env, object, sizeof(properties) / sizeof(properties[0]), properties),
               nullptr);
    return object;
}

// wellKnown(): checks the well-known symbol getters against Symbol.* in
// script, through a function made from script text.
static JSVM_Value WellKnown(JSVM_Env env, JSVM_CallbackInfo info)
{
    static const struct {
        const char *name;
        JSVM_Status (*get)(JSVM_Env, JSVM_Value *);
    } symbols[] = {
        {"asyncIterator", OH_JSVM_GetSymbolAsyncIterator},
        {"hasInstance", OH_JSVM_GetSymbolHasInstance},
        {"isConcatSpreadable", OH_JSVM_GetSymbolIsConcatSpreadable},
        {"iterator", OH_JSVM_GetSymbolIterator},
        {"match", OH_JSVM_GetSymbolMatch},
        {"replace", OH_JSVM_GetSymbolReplace},
        {"search", OH_JSVM_GetSymbolSearch},
        {"split", OH_JSVM_GetSymbolSplit},
        {"toPrimitive", OH_JSVM_GetSymbolToPrimitive},
        {"toStringTag", OH_JSVM_GetSymbolToStringTag},
        {"unscopables", OH_JSVM_GetSymbolUnscopables},
    };
    JSVM_Value global = nullptr;
    JSVM_Value symbolCtor = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetGlobal(env, &global), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, global, "Symbol", &symbolCtor), nullptr);
    int matching = 0;
    for (const auto &s : symbols) {
        JSVM_Value fromApi = nullptr;
        JSVM_Value fromScript = nullptr;
        bool same = false;
        JSVM_CHECK(env, s.get(env, &fromApi), nullptr);
        JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, symbolCtor, s.name, &fromScript), nullptr);
        JSVM_CHECK(env, OH_JSVM_StrictEquals(env, fromApi, fromScript, &same), nullptr);
        matching += same;
    }
    OH_LOG_INFO(LOG_APP, "JSVM well-known symbol getters equal to Symbol.*: %{public}d of %{public}zu", matching,
                sizeof(symbols) / sizeof(symbols[0]));
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},
    {.data = nullptr, .callback = Symbols},
    {.data = nullptr, .callback = Countdown},
    {.data = nullptr, .callback = WellKnown},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"symbols", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"countdown", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"wellKnown", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const [a, b, config, configAgain] = symbols();
log(`unique: ${a.toString()}, description '${a.description}', Symbol.keyFor ${Symbol.keyFor(a)}`);
log(`registered: ${config.toString()}, Symbol.for('app.config') === it: ${Symbol.for('app.config') === config}, Symbol.keyFor '${Symbol.keyFor(config)}'`);

const record = { visible: 1 };
record[a] = 'first';
record[b] = 'second';
record[config] = 'shared';
log(`symbol keys: JSON ${JSON.stringify(record)}, Object.keys ${Object.keys(record).length}, symbols ${Object.getOwnPropertySymbols(record).length}`);
log(`record[a] = ${record[a]}, record[b] = ${record[b]}, record[Symbol.for('app.config')] = ${record[Symbol.for('app.config')]}`);

const c = countdown(3);
const seen = [];
for (const n of c) seen.push(n);
log(`for...of countdown(3): ${seen.join(', ')}`);
log(`spread again: [${[...c]}], Array.from: [${Array.from(countdown(2))}]`);
log(`+c = ${+c}, \`\${c}\` = ${`${c}`}, c + '' = ${c + ''}`);
log(`Object.prototype.toString.call(c) = ${Object.prototype.toString.call(c)}`);
wellKnown();
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
