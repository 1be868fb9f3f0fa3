// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "value types" guide: OH_JSVM_Typeof and the OH_JSVM_Is* checks on values
// of every kind, loose and strict equality (OH_JSVM_Equals,
// OH_JSVM_StrictEquals), OH_JSVM_Instanceof, and the OH_JSVM_Coerce*
// conversions, including one that throws. Run: jsvm-ohos-run hello.cpp
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

static const char *TypeName(JSVM_ValueType type)
{
    static const char *names[] = {"undefined", "null",     "boolean",  "number",   "string",
                                  "symbol",    "object",   "function", "external", "bigint"};
    return type <= JSVM_BIGINT ? names[type] : "?";
}

// The text of a value for logging: String(value) for the coercible ones.
static std::string Text(JSVM_Env env, JSVM_Value value)
{
    JSVM_ValueType type = JSVM_UNDEFINED;
    JSVM_CHECK(env, OH_JSVM_Typeof(env, value, &type), "?");
    if (type == JSVM_SYMBOL) {
        return "a symbol";
    }
    JSVM_Value string = nullptr;
    char text[256] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_CoerceToString(env, value, &string), "?");
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, string, text, sizeof(text), &length), "?");
    return text;
}

// log(text)
static JSVM_Value Log(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM log: %{public}s", Text(env, argv[0]).c_str());
    return nullptr;
}

typedef JSVM_Status (*IsCheck)(JSVM_Env env, JSVM_Value value, bool *result);

// classify(label, value): typeof, then every Is* check that holds.
static JSVM_Value Classify(JSVM_Env env, JSVM_CallbackInfo info)
{
    static const struct {
        const char *name;
        IsCheck check;
    } checks[] = {
        {"Undefined", OH_JSVM_IsUndefined},         {"Null", OH_JSVM_IsNull},
        {"NullOrUndefined", OH_JSVM_IsNullOrUndefined}, {"Boolean", OH_JSVM_IsBoolean},
        {"Number", OH_JSVM_IsNumber},               {"String", OH_JSVM_IsString},
        {"Symbol", OH_JSVM_IsSymbol},               {"BigInt", OH_JSVM_IsBigInt},
        {"Object", OH_JSVM_IsObject},               {"Function", OH_JSVM_IsFunction},
        {"Callable", OH_JSVM_IsCallable},           {"Constructor", OH_JSVM_IsConstructor},
        {"Array", OH_JSVM_IsArray},                 {"Error", OH_JSVM_IsError},
        {"Date", OH_JSVM_IsDate},                   {"RegExp", OH_JSVM_IsRegExp},
        {"Promise", OH_JSVM_IsPromise},             {"Map", OH_JSVM_IsMap},
        {"Set", OH_JSVM_IsSet},                     {"Proxy", OH_JSVM_IsProxy},
        {"NumberObject", OH_JSVM_IsNumberObject},   {"StringObject", OH_JSVM_IsStringObject},
        {"BooleanObject", OH_JSVM_IsBooleanObject}, {"SymbolObject", OH_JSVM_IsSymbolObject},
        {"BigIntObject", OH_JSVM_IsBigIntObject},
    };
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_ValueType type = JSVM_UNDEFINED;
    JSVM_CHECK(env, OH_JSVM_Typeof(env, argv[1], &type), nullptr);
    std::string holds;
    for (const auto &c : checks) {
        bool result = false;
        JSVM_CHECK(env, c.check(env, argv[1], &result), nullptr);
        if (result) {
            holds += std::string(holds.empty() ? "" : " ") + c.name;
        }
    }
    OH_LOG_INFO(LOG_APP, "JSVM %{public}s: typeof %{public}s, Is %{public}s", Text(env, argv[0]).c_str(),
                TypeName(type), holds.c_str());
    return nullptr;
}

// compare(a, b): a == b and a === b.
static JSVM_Value Compare(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 3;
    JSVM_Value argv[3] = {nullptr, nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    bool loose = false;
    bool strict = false;
    JSVM_CHECK(env, OH_JSVM_Equals(env, argv[1], argv[2], &loose), nullptr);
    JSVM_CHECK(env, OH_JSVM_StrictEquals(env, argv[1], argv[2], &strict), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM %{public}s: Equals %{public}d, StrictEquals %{public}d", Text(env, argv[0]).c_str(),
                loose, strict);
    return nullptr;
}

// isInstance(label, object, constructor): object instanceof constructor;
// a constructor that is not a function is refused with a TypeError, which
// is caught here.
static JSVM_Value IsInstance(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 3;
    JSVM_Value argv[3] = {nullptr, nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    bool result = false;
    JSVM_Status status = OH_JSVM_Instanceof(env, argv[1], argv[2], &result);
    if (status == JSVM_OK) {
        OH_LOG_INFO(LOG_APP, "JSVM %{public}s: Instanceof %{public}d", Text(env, argv[0]).c_str(), result);
        return nullptr;
    }
    JSVM_Value error = nullptr;
    JSVM_Value name = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetAndClearLastException(env, &error), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, error, "name", &name), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM %{public}s: Instanceof refused with status %{public}d, %{public}s caught",
                Text(env, argv[0]).c_str(), status, Text(env, name).c_str());
    return nullptr;
}

// coerce(value): the value through each OH_JSVM_Coerce* function.
static JSVM_Value Coerce(JSVM_Env env, JSVM_CallbackInfo info)
{
    static const struct {
        const char *name;
        JSVM_Status (*coerce)(JSVM_Env, JSVM_Value, JSVM_Value *);
    } conversions[] = {
        {"Bool", OH_JSVM_CoerceToBool},
        {"Number", OH_JSVM_CoerceToNumber},
        {"String", OH_JSVM_CoerceToString},
        {"Object", OH_JSVM_CoerceToObject},
    };
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    std::string line;
    for (const auto &c : conversions) {
        JSVM_Value result = nullptr;
        line += std::string(line.empty() ? "" : ", ") + c.name + " ";
        if (c.coerce(env, argv[1], &result) != JSVM_OK) {
            // The conversion threw (a symbol to a number or a string).
            JSVM_Value error = nullptr;
            JSVM_Value name = nullptr;
            JSVM_CHECK(env, OH_JSVM_GetAndClearLastException(env, &error), nullptr);
            JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, error, "name", &name), nullptr);
            line += "threw " + Text(env, name);
            continue;
        }
        JSVM_ValueType type = JSVM_UNDEFINED;
        JSVM_CHECK(env, OH_JSVM_Typeof(env, result, &type), nullptr);
        if (type == JSVM_OBJECT) {
            line += "(an object)";
        } else if (type == JSVM_STRING) {
            line += "'" + Text(env, result) + "'";
        } else {
            line += Text(env, result);
        }
    }
    OH_LOG_INFO(LOG_APP, "JSVM coerce %{public}s: %{public}s", Text(env, argv[0]).c_str(), line.c_str());
    return nullptr;
}

// toBigInt(value): OH_JSVM_CoerceToBigInt, a string or a boolean to a BigInt.
static JSVM_Value ToBigInt(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CoerceToBigInt(env, argv[0], &result), nullptr);
    return result;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},        {.data = nullptr, .callback = Classify},
    {.data = nullptr, .callback = Compare},    {.data = nullptr, .callback = IsInstance},
    {.data = nullptr, .callback = Coerce},     {.data = nullptr, .callback = ToBigInt},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"classify", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"compare", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"isInstance", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"coerce", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"toBigInt", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
class Shape {}
class Circle extends Shape {}
const samples = [
  ['undefined', undefined], ['null', null], ['true', true], ['42', 42], ["'text'", 'text'],
  ['Symbol()', Symbol('s')], ['10n', 10n], ['{}', {}], ['[1, 2]', [1, 2]],
  ['function', function f() {}], ['arrow', () => 0], ['class', Circle],
  ['new Error', new Error('e')], ['new Date', new Date(0)], ['/re/', /re/],
  ['Promise', Promise.resolve()], ['new Map', new Map()], ['new Set', new Set()],
  ['new Proxy', new Proxy({}, {})], ['new Number(1)', new Number(1)],
  ["new String('s')", new String('s')], ['new Boolean', new Boolean(false)],
  ['Object(symbol)', Object(Symbol())], ['Object(10n)', Object(10n)],
];
for (const [label, value] of samples) classify(label, value);

const same = {};
compare("1 and '1'", 1, '1');
compare('null and undefined', null, undefined);
compare('NaN and NaN', NaN, NaN);
compare('0 and -0', 0, -0);
compare('{} and {}', {}, {});
compare('same object', same, same);
compare("'10' and 10n", '10', 10n);

isInstance('new Circle, Shape', new Circle(), Shape);
isInstance('new Shape, Circle', new Shape(), Circle);
isInstance('[], Object', [], Object);
isInstance('{}, a plain object', {}, {});

coerce("'42'", '42');
coerce("''", '');
coerce("'abc'", 'abc');
coerce('[1, 2]', [1, 2]);
coerce('null', null);
coerce('7', 7);
coerce('symbol', Symbol('s'));
const big = toBigInt('12345678901234567890');
log(`toBigInt('12345678901234567890') is a ${typeof big}: ${big + 1n}`);
log(`toBigInt(true) = ${toBigInt(true)}`);
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
