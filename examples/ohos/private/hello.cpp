// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// guide on private properties: a key from OH_JSVM_CreatePrivate attaches
// native-only state to script objects with OH_JSVM_SetPrivate /
// OH_JSVM_GetPrivate / OH_JSVM_DeletePrivate. Script cannot see it: no key
// listing, reflection or JSON shows it. The key is kept across calls with
// OH_JSVM_CreateDataReference. Run: jsvm-ohos-run hello.cpp
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

// The private key for the "visits" counter, and a second key with the same
// description, each kept by a reference (JSVM_Data handles belong to the
// handle scope of the call that made them).
static JSVM_Ref g_visitsKey = nullptr;
static JSVM_Ref g_otherKey = nullptr;

static bool MakeKeys(JSVM_Env env)
{
    JSVM_Value description = nullptr;
    JSVM_Data visits = nullptr;
    JSVM_Data other = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "visits", JSVM_AUTO_LENGTH, &description), false);
    JSVM_CHECK(env, OH_JSVM_CreatePrivate(env, description, &visits), false);
    JSVM_CHECK(env, OH_JSVM_CreatePrivate(env, description, &other), false);
    JSVM_CHECK(env, OH_JSVM_CreateDataReference(env, visits, 1, &g_visitsKey), false);
    JSVM_CHECK(env, OH_JSVM_CreateDataReference(env, other, 1, &g_otherKey), false);
    return true;
}

static JSVM_Data Key(JSVM_Env env, JSVM_Ref ref)
{
    JSVM_Data key = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetReferenceData(env, ref, &key), nullptr);
    return key;
}

// visit(obj): increments obj's private visit counter and returns it.
static JSVM_Value Visit(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Data key = Key(env, g_visitsKey);
    JSVM_Value current = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetPrivate(env, argv[0], key, &current), nullptr);
    bool unset = false;
    int32_t count = 0;
    JSVM_CHECK(env, OH_JSVM_IsUndefined(env, current, &unset), nullptr);
    if (!unset) {
        JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, current, &count), nullptr);
    }
    JSVM_Value next = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateInt32(env, count + 1, &next), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetPrivate(env, argv[0], key, next), nullptr);
    return next;
}

// peek(label, obj): the counter under both keys; the second key, although
// it has the same description, is a different key.
static JSVM_Value Peek(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value args[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, args, nullptr, nullptr), nullptr);
    char label[32] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, args[0], label, sizeof(label), &length), nullptr);
    JSVM_Value *argv = args + 1;
    JSVM_Value visits = nullptr;
    JSVM_Value other = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetPrivate(env, argv[0], Key(env, g_visitsKey), &visits), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetPrivate(env, argv[0], Key(env, g_otherKey), &other), nullptr);
    JSVM_ValueType visitsType = JSVM_UNDEFINED;
    JSVM_ValueType otherType = JSVM_UNDEFINED;
    JSVM_CHECK(env, OH_JSVM_Typeof(env, visits, &visitsType), nullptr);
    JSVM_CHECK(env, OH_JSVM_Typeof(env, other, &otherType), nullptr);
    int32_t count = 0;
    if (visitsType == JSVM_NUMBER) {
        JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, visits, &count), nullptr);
        OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetPrivate(%{public}s): visits %{public}d, other key %{public}s", label,
                    count, otherType == JSVM_UNDEFINED ? "unset" : "set");
    } else {
        OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetPrivate(%{public}s): visits unset, other key %{public}s", label,
                    otherType == JSVM_UNDEFINED ? "unset" : "set");
    }
    return nullptr;
}

// forget(obj): removes the private counter.
static JSVM_Value Forget(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_CHECK(env, OH_JSVM_DeletePrivate(env, argv[0], Key(env, g_visitsKey)), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_DeletePrivate done");
    return nullptr;
}

// ownKeys(obj): every own key native code can list.
static JSVM_Value OwnKeys(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value keys = nullptr;
    uint32_t count = 0;
    JSVM_CHECK(env, OH_JSVM_GetAllPropertyNames(env, argv[0], JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                JSVM_KEY_NUMBERS_TO_STRINGS, &keys), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetArrayLength(env, keys, &count), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetAllPropertyNames (own, all): %{public}u key(s)", count);
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},    {.data = nullptr, .callback = Visit},
    {.data = nullptr, .callback = Peek},   {.data = nullptr, .callback = Forget},
    {.data = nullptr, .callback = OwnKeys},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"visit", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"peek", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"forget", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"ownKeys", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const page = { title: 'home' };
visit(page);
visit(page);
log(`visit(page) returned ${visit(page)}`);
peek('page', page);

log(`Object.keys: ${Object.keys(page)}; Reflect.ownKeys: ${Reflect.ownKeys(page).length} key(s)`);
log(`symbols: ${Object.getOwnPropertySymbols(page).length}; JSON: ${JSON.stringify(page)}`);
let seen = [];
for (const k in page) seen.push(k);
log(`for...in: ${seen}; spread copy: ${JSON.stringify({ ...page })}`);
ownKeys(page);
const copy = Object.assign({}, page);
peek('a copy of page', copy);

forget(page);
peek('page', page);
log(`visit after forget starts again at ${visit(page)}`);
)JS";

static bool g_jsvmInitialized = false;

// Creates a VM and an env whose global object has the native functions of
// descriptor, makes the private keys, runs srcCallNative, and destroys both.
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

    if (MakeKeys(env)) {
        JSVM_Value source = nullptr;
        JSVM_Script script = nullptr;
        JSVM_Value result = nullptr;
        JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, srcCallNative, JSVM_AUTO_LENGTH, &source), -1);
        JSVM_CHECK(env, OH_JSVM_CompileScript(env, source, nullptr, 0, true, nullptr, &script), -1);
        JSVM_CHECK(env, OH_JSVM_RunScript(env, script, &result), -1);
        JSVM_CHECK(env, OH_JSVM_DeleteReference(env, g_visitsKey), -1);
        JSVM_CHECK(env, OH_JSVM_DeleteReference(env, g_otherKey), -1);
    }

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
