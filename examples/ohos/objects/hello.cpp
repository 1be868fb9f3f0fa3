// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "objects and properties" guide: objects built natively with named, keyed
// and indexed properties, has/get/delete, OH_JSVM_DefineProperties with a
// read-only value, a method and a getter, the two key listings
// (OH_JSVM_GetPropertyNames, OH_JSVM_GetAllPropertyNames), prototypes, and
// OH_JSVM_ObjectFreeze / OH_JSVM_ObjectSeal. Run: jsvm-ohos-run hello.cpp
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

// The text of a value, at most size - 1 bytes: String(value), or
// [description] for a symbol (which ToString refuses).
static bool ToText(JSVM_Env env, JSVM_Value value, char *text, size_t size)
{
    JSVM_Value string = nullptr;
    size_t length = 0;
    bool isSymbol = false;
    JSVM_CHECK(env, OH_JSVM_IsSymbol(env, value, &isSymbol), false);
    if (isSymbol && size > 2) {
        JSVM_Value description = nullptr;
        JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, value, "description", &description), false);
        JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, description, text + 1, size - 2, &length), false);
        text[0] = '[';
        text[length + 1] = ']';
        text[length + 2] = '\0';
        return true;
    }
    JSVM_CHECK(env, OH_JSVM_CoerceToString(env, value, &string), false);
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, string, text, size, &length), false);
    return true;
}

// The elements of an array of keys joined by ", ".
static std::string JoinKeys(JSVM_Env env, JSVM_Value keys)
{
    uint32_t count = 0;
    JSVM_CHECK(env, OH_JSVM_GetArrayLength(env, keys, &count), "?");
    std::string joined;
    for (uint32_t i = 0; i < count; i++) {
        JSVM_Value key = nullptr;
        char text[64] = "";
        JSVM_CHECK(env, OH_JSVM_GetElement(env, keys, i, &key), "?");
        if (!ToText(env, key, text, sizeof(text))) {
            return "?";
        }
        joined += (i > 0 ? ", " : "") + std::string(text);
    }
    return joined;
}

// log(text)
static JSVM_Value Log(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char text[256] = "";
    if (ToText(env, argv[0], text, sizeof(text))) {
        OH_LOG_INFO(LOG_APP, "JSVM log: %{public}s", text);
    }
    return nullptr;
}

// makePoint(x, y): {x, y, kind: 'point'} built natively.
static JSVM_Value MakePoint(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value point = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateObject(env, &point), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, point, "x", argv[0]), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, point, "y", argv[1]), nullptr);
    // The same through a key value, as for computed keys.
    JSVM_Value key = nullptr;
    JSVM_Value kind = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "kind", JSVM_AUTO_LENGTH, &key), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "point", JSVM_AUTO_LENGTH, &kind), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetProperty(env, point, key, kind), nullptr);
    return point;
}

// keys(label, obj): the enumerable string keys including inherited ones,
// then every own key (symbols and non-enumerable ones included).
static JSVM_Value Keys(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char label[64] = "";
    ToText(env, argv[0], label, sizeof(label));
    JSVM_Value names = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetPropertyNames(env, argv[1], &names), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetPropertyNames(%{public}s): %{public}s", label,
                JoinKeys(env, names).c_str());
    JSVM_Value all = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetAllPropertyNames(env, argv[1], JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                JSVM_KEY_NUMBERS_TO_STRINGS, &all), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetAllPropertyNames(%{public}s, own, all): %{public}s", label,
                JoinKeys(env, all).c_str());
    return nullptr;
}

// probe(obj, key): `key in obj`, own or inherited, and the value.
static JSVM_Value Probe(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    bool has = false;
    bool own = false;
    JSVM_Value value = nullptr;
    JSVM_CHECK(env, OH_JSVM_HasProperty(env, argv[0], argv[1], &has), nullptr);
    JSVM_CHECK(env, OH_JSVM_HasOwnProperty(env, argv[0], argv[1], &own), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetProperty(env, argv[0], argv[1], &value), nullptr);
    char key[64] = "";
    char text[64] = "";
    ToText(env, argv[1], key, sizeof(key));
    JSVM_ValueType type = JSVM_UNDEFINED;
    JSVM_CHECK(env, OH_JSVM_Typeof(env, value, &type), nullptr);
    if (type == JSVM_FUNCTION) {
        strcpy(text, "a function");
    } else {
        ToText(env, value, text, sizeof(text));
    }
    OH_LOG_INFO(LOG_APP, "JSVM probe %{public}s: has %{public}d, own %{public}d, value %{public}s", key, has, own,
                text);
    return nullptr;
}

// remove(obj, key): delete obj[key]; false for a non-configurable property.
static JSVM_Value Remove(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    bool deleted = false;
    JSVM_CHECK(env, OH_JSVM_DeleteProperty(env, argv[0], argv[1], &deleted), nullptr);
    char key[64] = "";
    ToText(env, argv[1], key, sizeof(key));
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_DeleteProperty %{public}s: %{public}d", key, deleted);
    return nullptr;
}

// The method defined on points by addApi: twice(n) = 2 * n.
static JSVM_Value Twice(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    double n = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueDouble(env, argv[0], &n), nullptr);
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateDouble(env, 2 * n, &result), nullptr);
    return result;
}

// The getter defined on points by addApi: area = this.x * this.y.
static JSVM_Value Area(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value thisArg = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, nullptr, nullptr, &thisArg, nullptr), nullptr);
    JSVM_Value x = nullptr;
    JSVM_Value y = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, thisArg, "x", &x), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, thisArg, "y", &y), nullptr);
    double dx = 0;
    double dy = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueDouble(env, x, &dx), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueDouble(env, y, &dy), nullptr);
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateDouble(env, dx * dy, &result), nullptr);
    return result;
}

static JSVM_CallbackStruct g_twice = {.data = nullptr, .callback = Twice};
static JSVM_CallbackStruct g_area = {.data = nullptr, .callback = Area};

// addApi(obj): a read-only, non-enumerable, non-configurable `version`, an
// enumerable method `twice` and a getter `area`, in one call.
static JSVM_Value AddApi(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value version = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "1.0", JSVM_AUTO_LENGTH, &version), nullptr);
    JSVM_PropertyDescriptor properties[] = {
        {"version", nullptr, nullptr, nullptr, nullptr, version, JSVM_DEFAULT},
        {"twice", nullptr, &g_twice, nullptr, nullptr, nullptr, JSVM_DEFAULT_JSPROPERTY},
        {"area", nullptr, nullptr, &g_area, nullptr, nullptr, JSVM_ENUMERABLE},
    };
    JSVM_CHECK(env, OH_JSVM_DefineProperties(env, argv[0], sizeof(properties) / sizeof(properties[0]), properties),
               nullptr);
    return nullptr;
}

// squares(n): [0, 1, 4, ...] through the element functions, then a hole.
static JSVM_Value Squares(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    uint32_t n = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueUint32(env, argv[0], &n), nullptr);
    JSVM_Value array = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateArray(env, &array), nullptr);
    for (uint32_t i = 0; i < n; i++) {
        JSVM_Value square = nullptr;
        JSVM_CHECK(env, OH_JSVM_CreateUint32(env, i * i, &square), nullptr);
        JSVM_CHECK(env, OH_JSVM_SetElement(env, array, i, square), nullptr);
    }
    bool hasLast = false;
    bool hasBeyond = false;
    bool deleted = false;
    JSVM_CHECK(env, OH_JSVM_HasElement(env, array, n - 1, &hasLast), nullptr);
    JSVM_CHECK(env, OH_JSVM_HasElement(env, array, n, &hasBeyond), nullptr);
    JSVM_CHECK(env, OH_JSVM_DeleteElement(env, array, 1, &deleted), nullptr);
    JSVM_Value hole = nullptr;
    JSVM_ValueType holeType = JSVM_NUMBER;
    JSVM_CHECK(env, OH_JSVM_GetElement(env, array, 1, &hole), nullptr);
    JSVM_CHECK(env, OH_JSVM_Typeof(env, hole, &holeType), nullptr);
    uint32_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetArrayLength(env, array, &length), nullptr);
    OH_LOG_INFO(LOG_APP,
                "JSVM elements: has [%{public}u] %{public}d, has [%{public}u] %{public}d, deleted [1] %{public}d, "
                "[1] is now %{public}s, length %{public}u",
                n - 1, hasLast, n, hasBeyond, deleted, holeType == JSVM_UNDEFINED ? "undefined" : "set", length);
    return array;
}

// inherit(obj, proto): sets obj's prototype and checks it both ways.
static JSVM_Value Inherit(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value before = nullptr;
    JSVM_Value objectPrototype = nullptr;
    JSVM_Value global = nullptr;
    JSVM_Value objectCtor = nullptr;
    bool wasPlain = false;
    JSVM_CHECK(env, OH_JSVM_GetPrototype(env, argv[0], &before), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetGlobal(env, &global), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, global, "Object", &objectCtor), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, objectCtor, "prototype", &objectPrototype), nullptr);
    JSVM_CHECK(env, OH_JSVM_StrictEquals(env, before, objectPrototype, &wasPlain), nullptr);
    JSVM_CHECK(env, OH_JSVM_ObjectSetPrototypeOf(env, argv[0], argv[1]), nullptr);
    JSVM_Value after = nullptr;
    bool isProto = false;
    JSVM_CHECK(env, OH_JSVM_ObjectGetPrototypeOf(env, argv[0], &after), nullptr);
    JSVM_CHECK(env, OH_JSVM_StrictEquals(env, after, argv[1], &isProto), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM prototype was Object.prototype: %{public}d, is now the new one: %{public}d", wasPlain,
                isProto);
    return nullptr;
}

// lock(obj, how): OH_JSVM_ObjectFreeze or OH_JSVM_ObjectSeal, then a
// native write to an existing property, whose result is read back.
static JSVM_Value Lock(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char how[16] = "";
    ToText(env, argv[1], how, sizeof(how));
    if (strcmp(how, "freeze") == 0) {
        JSVM_CHECK(env, OH_JSVM_ObjectFreeze(env, argv[0]), nullptr);
    } else {
        JSVM_CHECK(env, OH_JSVM_ObjectSeal(env, argv[0]), nullptr);
    }
    JSVM_Value changed = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateInt32(env, 2, &changed), nullptr);
    // A frozen object refuses the write; whether the call reports that
    // differs between engines, so only the value is looked at.
    OH_JSVM_SetNamedProperty(env, argv[0], "n", changed);
    JSVM_Value n = nullptr;
    int32_t value = 0;
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, argv[0], "n", &n), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, n, &value), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM after %{public}s, n set to 2 natively reads %{public}d", how, value);
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},     {.data = nullptr, .callback = MakePoint},
    {.data = nullptr, .callback = Keys},    {.data = nullptr, .callback = Probe},
    {.data = nullptr, .callback = Remove},  {.data = nullptr, .callback = AddApi},
    {.data = nullptr, .callback = Squares}, {.data = nullptr, .callback = Inherit},
    {.data = nullptr, .callback = Lock},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"makePoint", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"keys", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"probe", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"remove", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"addApi", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"squares", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"inherit", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"lock", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const p = makePoint(3, 4);
log(`makePoint(3, 4): x=${p.x} y=${p.y} kind=${p.kind}`);
p[Symbol.for('tag')] = 'symbol-keyed';
keys('point', p);

addApi(p);
log(`version=${p.version} twice(21)=${p.twice(21)} area=${p.area}`);
p.version = '2.0';   // read-only: ignored in sloppy code
log(`version after assignment: ${p.version}`);
keys('point with api', p);

const shape = { describe() { return `a shape with area ${this.area}`; } };
inherit(p, shape);
log(p.describe());
probe(p, 'describe');
probe(p, 'x');
probe(p, 'z');
keys('point with prototype', p);
remove(p, 'kind');
remove(p, 'version');
remove(p, 'missing');
log(`after deleting: kind in p = ${'kind' in p}, version = ${p.version}`);

const sq = squares(5);
log(`squares(5) = [${sq.map(String)}], 1 in sq = ${1 in sq}`);

const frozen = { n: 1 };
lock(frozen, 'freeze');
frozen.extra = true;
log(`frozen: isFrozen ${Object.isFrozen(frozen)}, extra ${frozen.extra}`);
const sealed = { n: 1 };
lock(sealed, 'seal');
sealed.extra = true;
delete sealed.n;
log(`sealed: isSealed ${Object.isSealed(sealed)}, n ${sealed.n}, extra ${sealed.extra}`);
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
