// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "class" and "wrap" guides: a JS class defined natively with
// OH_JSVM_DefineClass (constructor, prototype methods, an accessor and a
// static method), each instance wrapping a C++ object (OH_JSVM_Wrap /
// OH_JSVM_Unwrap / OH_JSVM_RemoveWrap) and carrying a type tag, and the
// wrapped object's finalizer running when the instance is collected.
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

// The native state behind each Counter instance.
struct Counter {
    int32_t value;
    int32_t id;
};

static int32_t g_nextId = 1;
static const JSVM_TypeTag g_counterTag = {0x6c69626a73766dULL, 0x636f756e746572ULL};

static void FinalizeCounter(JSVM_Env env, void *data, void *hint)
{
    Counter *counter = static_cast<Counter *>(data);
    OH_LOG_INFO(LOG_APP, "JSVM finalizer: counter #%{public}d (value %{public}d) freed", counter->id,
                counter->value);
    delete counter;
}

// The Counter behind `this`, or nullptr after throwing a TypeError.
static Counter *ThisCounter(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value thisArg = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, nullptr, nullptr, &thisArg, nullptr), nullptr);
    void *data = nullptr;
    if (OH_JSVM_Unwrap(env, thisArg, &data) != JSVM_OK) {
        OH_JSVM_ThrowTypeError(env, nullptr, "this counter has no native state");
        return nullptr;
    }
    return static_cast<Counter *>(data);
}

// new Counter(start)
static JSVM_Value Construct(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_Value thisArg = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, &thisArg, nullptr), nullptr);
    int32_t start = 0;
    if (argc > 0) {
        JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, argv[0], &start), nullptr);
    }
    Counter *counter = new Counter{start, g_nextId++};
    JSVM_CHECK(env, OH_JSVM_Wrap(env, thisArg, counter, FinalizeCounter, nullptr, nullptr), nullptr);
    JSVM_CHECK(env, OH_JSVM_TypeTagObject(env, thisArg, &g_counterTag), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_Wrap: counter #%{public}d starts at %{public}d", counter->id, start);
    return thisArg;
}

// counter.increment(): adds one and returns the new value.
static JSVM_Value Increment(JSVM_Env env, JSVM_CallbackInfo info)
{
    Counter *counter = ThisCounter(env, info);
    if (counter == nullptr) {
        return nullptr;
    }
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateInt32(env, ++counter->value, &result), nullptr);
    return result;
}

// counter.value (getter)
static JSVM_Value GetValue(JSVM_Env env, JSVM_CallbackInfo info)
{
    Counter *counter = ThisCounter(env, info);
    if (counter == nullptr) {
        return nullptr;
    }
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateInt32(env, counter->value, &result), nullptr);
    return result;
}

// counter.detach(): takes the native state back; later calls throw.
static JSVM_Value Detach(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value thisArg = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, nullptr, nullptr, &thisArg, nullptr), nullptr);
    void *data = nullptr;
    JSVM_CHECK(env, OH_JSVM_RemoveWrap(env, thisArg, &data), nullptr);
    Counter *counter = static_cast<Counter *>(data);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_RemoveWrap: counter #%{public}d detached at %{public}d", counter->id,
                counter->value);
    delete counter; // RemoveWrap means the finalizer will not run
    return nullptr;
}

// Counter.isCounter(value): checks the type tag.
static JSVM_Value IsCounter(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    bool tagged = false;
    JSVM_CHECK(env, OH_JSVM_CheckObjectTypeTag(env, argv[0], &g_counterTag, &tagged), nullptr);
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetBoolean(env, tagged, &result), nullptr);
    return result;
}

// Class members; the callback structs must outlive the class.
static JSVM_CallbackStruct g_construct = {.data = nullptr, .callback = Construct};
static JSVM_CallbackStruct g_members[] = {
    {.data = nullptr, .callback = Increment},
    {.data = nullptr, .callback = GetValue},
    {.data = nullptr, .callback = Detach},
    {.data = nullptr, .callback = IsCounter},
};
static JSVM_PropertyDescriptor g_counterProperties[] = {
    {"increment", nullptr, &g_members[0], nullptr, nullptr, nullptr, JSVM_DEFAULT_METHOD},
    {"value", nullptr, nullptr, &g_members[1], nullptr, nullptr, JSVM_DEFAULT},
    {"detach", nullptr, &g_members[2], nullptr, nullptr, nullptr, JSVM_DEFAULT_METHOD},
    {"isCounter", nullptr, &g_members[3], nullptr, nullptr, nullptr, JSVM_STATIC},
};

// defineCounter(): the Counter class.
static JSVM_Value DefineCounter(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value counterClass = nullptr;
    JSVM_CHECK(env, OH_JSVM_DefineClass(env, "Counter", JSVM_AUTO_LENGTH, &g_construct,
                                        sizeof(g_counterProperties) / sizeof(g_counterProperties[0]),
                                        g_counterProperties, &counterClass), nullptr);
    return counterClass;
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
    {.data = nullptr, .callback = DefineCounter},
    {.data = nullptr, .callback = Collect},
    {.data = nullptr, .callback = Log},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"defineCounter", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"collect", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const Counter = defineCounter();
const a = new Counter(10);
a.increment();
a.increment();
log(`${Counter.name}: a.value = ${a.value}, a instanceof Counter: ${a instanceof Counter}`);
log(`isCounter(a): ${Counter.isCounter(a)}, isCounter({}): ${Counter.isCounter({})}`);
try {
  a.increment.call({});
} catch (e) {
  log(`increment on a plain object: ${e.name}`);
}
a.detach();
try {
  a.increment();
} catch (e) {
  log(`increment after detach: ${e.name}: ${e.message}`);
}
let b = new Counter(1);
b.increment();
b = null;
collect();
log('done');
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
