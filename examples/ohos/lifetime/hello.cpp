// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "life cycle" guide: handle scopes bound the life of JSVM_Values created in
// a loop, an escapable scope hands one value to its parent (once), a
// reference keeps a JS object alive between calls and counts its holders,
// and a finalizer attached with OH_JSVM_AddFinalizer tells native code when
// its object is gone. Run: jsvm-ohos-run hello.cpp
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

#include <cstdlib>

static JSVM_Value Arg0(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    return argv[0];
}

// manyObjects(n): creates n objects, each in its own handle scope, so at
// most one of them is held natively at any time.
static JSVM_Value ManyObjects(JSVM_Env env, JSVM_CallbackInfo info)
{
    uint32_t n = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueUint32(env, Arg0(env, info), &n), nullptr);
    for (uint32_t i = 0; i < n; i++) {
        JSVM_HandleScope scope = nullptr;
        JSVM_CHECK(env, OH_JSVM_OpenHandleScope(env, &scope), nullptr);
        JSVM_Value object = nullptr;
        JSVM_CHECK(env, OH_JSVM_CreateObject(env, &object), nullptr);
        JSVM_CHECK(env, OH_JSVM_CloseHandleScope(env, scope), nullptr);
    }
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_OpenHandleScope/CloseHandleScope: %{public}u objects, one scope each", n);
    return nullptr;
}

// escape(): returns an array created inside an escapable handle scope.
static JSVM_Value Escape(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_EscapableHandleScope scope = nullptr;
    JSVM_CHECK(env, OH_JSVM_OpenEscapableHandleScope(env, &scope), nullptr);
    JSVM_Value array = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateArrayWithLength(env, 3, &array), nullptr);
    JSVM_Value escaped = nullptr;
    JSVM_CHECK(env, OH_JSVM_EscapeHandle(env, scope, array, &escaped), nullptr);
    JSVM_Value again = nullptr;
    JSVM_Status status = OH_JSVM_EscapeHandle(env, scope, array, &again);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_EscapeHandle: first call ok, second call status %{public}d", status);
    JSVM_CHECK(env, OH_JSVM_CloseEscapableHandleScope(env, scope), nullptr);
    return escaped;
}

static JSVM_Ref g_kept = nullptr;

// keep(object): holds object with a reference (count 1) after this call returns.
static JSVM_Value Keep(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_CHECK(env, OH_JSVM_CreateReference(env, Arg0(env, info), 1, &g_kept), nullptr);
    uint32_t count = 0;
    JSVM_CHECK(env, OH_JSVM_ReferenceRef(env, g_kept, &count), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_ReferenceRef: count %{public}u", count);
    JSVM_CHECK(env, OH_JSVM_ReferenceUnref(env, g_kept, &count), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_ReferenceUnref: count %{public}u", count);
    return nullptr;
}

// kept(): the object held by keep(), then the reference is deleted.
static JSVM_Value Kept(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value object = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetReferenceValue(env, g_kept, &object), nullptr);
    JSVM_CHECK(env, OH_JSVM_DeleteReference(env, g_kept), nullptr);
    g_kept = nullptr;
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetReferenceValue: %{public}s", object ? "object still alive" : "collected");
    return object;
}

// Called once the object passed to track() has been collected.
static void Finalize(JSVM_Env env, void *data, void *hint)
{
    OH_LOG_INFO(LOG_APP, "JSVM finalizer: %{public}s was collected", static_cast<char *>(data));
    free(data);
}

// track(object, name): calls Finalize when object is collected.
static JSVM_Value Track(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char name[64] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[1], name, sizeof(name), &length), nullptr);
    char *data = static_cast<char *>(malloc(length + 1));
    memcpy(data, name, length + 1);
    JSVM_CHECK(env, OH_JSVM_AddFinalizer(env, argv[0], data, Finalize, nullptr, nullptr), nullptr);
    return nullptr;
}

// collect(): asks the VM for a full garbage collection.
static JSVM_Value Collect(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_CHECK(env, OH_JSVM_MemoryPressureNotification(env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL), nullptr);
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
    {.data = nullptr, .callback = ManyObjects},
    {.data = nullptr, .callback = Escape},
    {.data = nullptr, .callback = Keep},
    {.data = nullptr, .callback = Kept},
    {.data = nullptr, .callback = Track},
    {.data = nullptr, .callback = Collect},
    {.data = nullptr, .callback = Log},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"manyObjects", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"escape", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"keep", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"kept", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"track", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"collect", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

// The object given to keep() is not referenced by JS afterwards; the
// reference alone keeps it until kept() returns it.
static const char *srcCallNative = R"JS(
manyObjects(100000);
log('escape() returned an array of length ' + escape().length);
keep({ label: 'held by a reference' });
log('kept().label = ' + kept().label);
let temporary = { payload: new Array(1000).fill(7) };
track(temporary, 'the temporary object');
temporary = null;
collect();
log('after collect()');
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
