// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// guides on externals and instance data: native objects handed to script
// as opaque values with OH_JSVM_CreateExternal and recovered with
// OH_JSVM_GetValueExternal, their finalizers, and per-env state kept with
// OH_JSVM_SetInstanceData / OH_JSVM_GetInstanceData, finalized with the env.
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

// A native resource a script holds as an external value.
struct Sensor {
    int32_t id;
    double reading;
};

// The env's instance data: shared by every native callback of the env.
struct AppState {
    int32_t calls;
    int32_t opened;
};

// Counted by the finalizers and reported after the env is gone: finalizers
// run when the engine collects a value, at the latest when the env is
// destroyed, so only the totals are the same everywhere.
static int32_t g_sensorsFreed = 0;
static int32_t g_statesFreed = 0;

static void FinalizeSensor(JSVM_Env env, void *data, void *hint)
{
    delete static_cast<Sensor *>(data);
    g_sensorsFreed++;
}

static void FinalizeState(JSVM_Env env, void *data, void *hint)
{
    delete static_cast<AppState *>(data);
    g_statesFreed++;
}

// The env's AppState, with this call counted.
static AppState *State(JSVM_Env env)
{
    void *data = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetInstanceData(env, &data), nullptr);
    AppState *state = static_cast<AppState *>(data);
    state->calls++;
    return state;
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

// openSensor(id): an external wrapping a new Sensor.
static JSVM_Value OpenSensor(JSVM_Env env, JSVM_CallbackInfo info)
{
    AppState *state = State(env);
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    int32_t id = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueInt32(env, argv[0], &id), nullptr);
    Sensor *sensor = new Sensor{id, 20.0};
    JSVM_Value external = nullptr;
    JSVM_Status status = OH_JSVM_CreateExternal(env, sensor, FinalizeSensor, nullptr, &external);
    if (status != JSVM_OK) {
        delete sensor;
        JSVM_CHECK(env, status, nullptr);
    }
    state->opened++;
    JSVM_ValueType type = JSVM_UNDEFINED;
    JSVM_CHECK(env, OH_JSVM_Typeof(env, external, &type), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_CreateExternal: sensor %{public}d, Typeof is JSVM_EXTERNAL %{public}d", id,
                type == JSVM_EXTERNAL);
    return external;
}

// read(sensor): the sensor's next reading; a TypeError for anything that is
// not an external.
static JSVM_Value Read(JSVM_Env env, JSVM_CallbackInfo info)
{
    State(env);
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_ValueType type = JSVM_UNDEFINED;
    JSVM_CHECK(env, OH_JSVM_Typeof(env, argv[0], &type), nullptr);
    if (type != JSVM_EXTERNAL) {
        OH_JSVM_ThrowTypeError(env, "E_NOT_A_SENSOR", "read() needs a sensor");
        return nullptr;
    }
    void *data = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetValueExternal(env, argv[0], &data), nullptr);
    Sensor *sensor = static_cast<Sensor *>(data);
    sensor->reading += 1.5;
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetValueExternal: sensor %{public}d reads %{public}.1f", sensor->id,
                sensor->reading);
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateDouble(env, sensor->reading, &result), nullptr);
    return result;
}

// stats(): what the instance data has counted so far.
static JSVM_Value Stats(JSVM_Env env, JSVM_CallbackInfo info)
{
    AppState *state = State(env);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetInstanceData: %{public}d native calls, %{public}d sensors opened",
                state->calls, state->opened);
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},
    {.data = nullptr, .callback = OpenSensor},
    {.data = nullptr, .callback = Read},
    {.data = nullptr, .callback = Stats},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"openSensor", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"read", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"stats", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const kitchen = openSensor(1);
const garage = openSensor(2);
log(`typeof in script: ${typeof kitchen}, own keys: ${Object.keys(kitchen).length}`);
read(kitchen);
read(kitchen);
read(garage);
try {
  read({ reading: 99 });
} catch (e) {
  log(`read of a plain object: ${e.name} ${e.code}: ${e.message}`);
}
for (let i = 3; i <= 5; i++) openSensor(i); // dropped at once
stats();
globalThis.kept = kitchen; // kept until the env is destroyed
)JS";

static bool g_jsvmInitialized = false;

// Creates a VM and an env with instance data, runs srcCallNative, destroys
// both and reports what the finalizers freed.
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
    AppState *state = new AppState{0, 0};
    JSVM_Status status = OH_JSVM_SetInstanceData(env, state, FinalizeState, nullptr);
    if (status != JSVM_OK) {
        delete state;
        JSVM_CHECK(env, status, -1);
    }
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
    OH_LOG_INFO(LOG_APP, "JSVM after OH_JSVM_DestroyEnv: %{public}d sensors and %{public}d instance data finalized",
                g_sensorsFreed, g_statesFreed);
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
