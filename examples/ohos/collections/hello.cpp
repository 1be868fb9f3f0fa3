// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// guides on keyed collections, regular expressions and proxies: a Map and a
// Set created and filled natively (their methods called from native code),
// OH_JSVM_CreateRegExp with flags, and OH_JSVM_CreateProxy with a native
// get trap, OH_JSVM_IsProxy and OH_JSVM_ProxyGetTarget.
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

// Calls object[name](args...) and returns the result.
static JSVM_Value CallMethod(JSVM_Env env, JSVM_Value object, const char *name, size_t argc, const JSVM_Value *argv)
{
    JSVM_Value fn = nullptr;
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, object, name, &fn), nullptr);
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, object, fn, argc, argv, &result), nullptr);
    return result;
}

// inventory(): a Map from item names to counts, filled natively.
static JSVM_Value Inventory(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value map = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateMap(env, &map), nullptr);
    const char *items[] = {"apples", "pears", "plums"};
    const int32_t counts[] = {12, 4, 30};
    for (int i = 0; i < 3; i++) {
        JSVM_Value entry[2] = {nullptr, nullptr};
        JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, items[i], JSVM_AUTO_LENGTH, &entry[0]), nullptr);
        JSVM_CHECK(env, OH_JSVM_CreateInt32(env, counts[i], &entry[1]), nullptr);
        if (CallMethod(env, map, "set", 2, entry) == nullptr) {
            return nullptr;
        }
    }
    JSVM_Value size = nullptr;
    uint32_t count = 0;
    bool isMap = false;
    bool isSet = true;
    JSVM_CHECK(env, OH_JSVM_GetNamedProperty(env, map, "size", &size), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueUint32(env, size, &count), nullptr);
    JSVM_CHECK(env, OH_JSVM_IsMap(env, map, &isMap), nullptr);
    JSVM_CHECK(env, OH_JSVM_IsSet(env, map, &isSet), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_CreateMap: %{public}u entries, IsMap %{public}d, IsSet %{public}d", count,
                isMap, isSet);
    return map;
}

// unique(array): a Set of the array's elements, made natively.
static JSVM_Value Unique(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value set = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateSet(env, &set), nullptr);
    uint32_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetArrayLength(env, argv[0], &length), nullptr);
    for (uint32_t i = 0; i < length; i++) {
        JSVM_Value element = nullptr;
        JSVM_CHECK(env, OH_JSVM_GetElement(env, argv[0], i, &element), nullptr);
        if (CallMethod(env, set, "add", 1, &element) == nullptr) {
            return nullptr;
        }
    }
    bool isSet = false;
    JSVM_CHECK(env, OH_JSVM_IsSet(env, set, &isSet), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_CreateSet from %{public}u elements, IsSet %{public}d", length, isSet);
    return set;
}

// regexp(pattern, flagNames): a RegExp with the JSVM_RegExpFlags named in
// flagNames ("g", "i", "m", "s", "u", "y", "d").
static JSVM_Value RegExp(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char names[16] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[1], names, sizeof(names), &length), nullptr);
    int flags = JSVM_REGEXP_NONE;
    for (const char *p = names; *p; p++) {
        switch (*p) {
            case 'g': flags |= JSVM_REGEXP_GLOBAL; break;
            case 'i': flags |= JSVM_REGEXP_IGNORE_CASE; break;
            case 'm': flags |= JSVM_REGEXP_MULTILINE; break;
            case 's': flags |= JSVM_REGEXP_DOT_ALL; break;
            case 'u': flags |= JSVM_REGEXP_UNICODE; break;
            case 'y': flags |= JSVM_REGEXP_STICKY; break;
            case 'd': flags |= JSVM_REGEXP_HAS_INDICES; break;
            default: break;
        }
    }
    JSVM_Value regexp = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateRegExp(env, argv[0], static_cast<JSVM_RegExpFlags>(flags), &regexp), nullptr);
    bool isRegExp = false;
    JSVM_CHECK(env, OH_JSVM_IsRegExp(env, regexp, &isRegExp), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_CreateRegExp with flags 0x%{public}02x, IsRegExp %{public}d", flags, isRegExp);
    return regexp;
}

// The proxy handler's get trap: (target, key, receiver). Known keys come
// from the target, unknown ones read as "<key>?".
static JSVM_Value GetTrap(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    bool isString = false;
    bool has = false;
    JSVM_CHECK(env, OH_JSVM_IsString(env, argv[1], &isString), nullptr);
    JSVM_CHECK(env, OH_JSVM_HasProperty(env, argv[0], argv[1], &has), nullptr);
    JSVM_Value result = nullptr;
    if (has || !isString) {
        JSVM_CHECK(env, OH_JSVM_GetProperty(env, argv[0], argv[1], &result), nullptr);
        return result;
    }
    char key[64] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[1], key, sizeof(key) - 2, &length), nullptr);
    key[length] = '?';
    key[length + 1] = '\0';
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, key, JSVM_AUTO_LENGTH, &result), nullptr);
    return result;
}

static JSVM_CallbackStruct g_getTrap = {.data = nullptr, .callback = GetTrap};

// proxy(target): a Proxy over target whose handler has the native get trap.
static JSVM_Value Proxy(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value handler = nullptr;
    JSVM_Value trap = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateObject(env, &handler), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateFunction(env, "get", JSVM_AUTO_LENGTH, &g_getTrap, &trap), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, handler, "get", trap), nullptr);
    JSVM_Value proxy = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateProxy(env, argv[0], handler, &proxy), nullptr);
    return proxy;
}

// inspectProxy(value, target): OH_JSVM_IsProxy and OH_JSVM_ProxyGetTarget.
static JSVM_Value InspectProxy(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    bool isProxy = false;
    JSVM_CHECK(env, OH_JSVM_IsProxy(env, argv[0], &isProxy), nullptr);
    if (!isProxy) {
        OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_IsProxy: 0");
        return nullptr;
    }
    JSVM_Value target = nullptr;
    bool same = false;
    JSVM_CHECK(env, OH_JSVM_ProxyGetTarget(env, argv[0], &target), nullptr);
    JSVM_CHECK(env, OH_JSVM_StrictEquals(env, target, argv[1], &same), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_IsProxy: 1, OH_JSVM_ProxyGetTarget is the target: %{public}d", same);
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},    {.data = nullptr, .callback = Inventory},
    {.data = nullptr, .callback = Unique}, {.data = nullptr, .callback = RegExp},
    {.data = nullptr, .callback = Proxy},  {.data = nullptr, .callback = InspectProxy},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"inventory", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"unique", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"regexp", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"proxy", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"inspectProxy", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const stock = inventory();
stock.set('pears', stock.get('pears') + 1);
log(`Map in script: ${[...stock].map(([k, v]) => `${k}=${v}`).join(', ')}, has plums ${stock.has('plums')}`);

const tags = unique(['red', 'green', 'red', 'blue', 'green']);
log(`Set in script: size ${tags.size}, values ${[...tags].join(' ')}, instanceof Set ${tags instanceof Set}`);

const dates = regexp('(\\d{4})-(\\d{2})', 'g');
const text = 'from 2021-04 until 2023-11';
log(`/${dates.source}/${dates.flags} finds ${[...text.matchAll(dates)].map((m) => m[2] + '/' + m[1]).join(' and ')}`);
const words = regexp('^hello', 'im');
log(`/${words.source}/${words.flags} tests 'x\\nHELLO' ${words.test('x\nHELLO')}, global ${words.global}`);
const sticky = regexp('a.b', 'ysd');
log(`/${sticky.source}/${sticky.flags}: dotAll ${sticky.dotAll}, sticky ${sticky.sticky}, hasIndices ${sticky.hasIndices}`);
log(`the dotAll pattern matches 'a\\nb': ${sticky.test('a\nb')}`);

const target = { name: 'box', size: 3 };
const p = proxy(target);
log(`through the proxy: name ${p.name}, size ${p.size}, color ${p.color}`);
p.size = 4;
log(`a write through the proxy reaches the target: size ${target.size}`);
inspectProxy(p, target);
inspectProxy(target, target);
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
