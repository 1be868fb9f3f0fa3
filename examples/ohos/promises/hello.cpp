// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "Promise" guide: promises created natively with OH_JSVM_CreatePromise and
// settled later by native code (OH_JSVM_ResolveDeferred /
// OH_JSVM_RejectDeferred), native reactions attached with
// OH_JSVM_PromiseRegisterHandler, OH_JSVM_IsPromise, and reactions run at
// OH_JSVM_PerformMicrotaskCheckpoint under the explicit microtask policy.
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

// The text of a value for logging (String(value)).
static bool ToText(JSVM_Env env, JSVM_Value value, char *text, size_t size)
{
    JSVM_Value string = nullptr;
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_CoerceToString(env, value, &string), false);
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
    if (ToText(env, argv[0], text, sizeof(text))) {
        OH_LOG_INFO(LOG_APP, "JSVM log: %{public}s", text);
    }
    return nullptr;
}

// A native operation that a script starts and native code finishes later.
struct Job {
    char name[32];
    JSVM_Deferred deferred;
};
static Job g_jobs[4];
static int g_jobCount = 0;

// start(name): a pending promise for a new job; its deferred stays here
// until the job is finished by FinishJob.
static JSVM_Value Start(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    if (g_jobCount == 4) {
        OH_JSVM_ThrowRangeError(env, nullptr, "too many jobs");
        return nullptr;
    }
    Job &job = g_jobs[g_jobCount++];
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[0], job.name, sizeof(job.name), &length), nullptr);
    JSVM_Value promise = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreatePromise(env, &job.deferred, &promise), nullptr);
    bool isPromise = false;
    JSVM_CHECK(env, OH_JSVM_IsPromise(env, promise, &isPromise), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM job '%{public}s' started, IsPromise %{public}d", job.name, isPromise);
    return promise;
}

// A native reaction: data is the label it logs with.
static JSVM_Value Reaction(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    void *data = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, &data), nullptr);
    char text[128] = "";
    ToText(env, argv[0], text, sizeof(text));
    OH_LOG_INFO(LOG_APP, "JSVM native %{public}s handler: %{public}s", static_cast<const char *>(data), text);
    return argv[0];
}

static JSVM_CallbackStruct g_onFulfilled = {.data = const_cast<char *>("fulfilled"), .callback = Reaction};
static JSVM_CallbackStruct g_onRejected = {.data = const_cast<char *>("rejected"), .callback = Reaction};

// watch(promise): attaches the native reactions, like promise.then(f, r).
static JSVM_Value Watch(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value onFulfilled = nullptr;
    JSVM_Value onRejected = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateFunction(env, "onFulfilled", JSVM_AUTO_LENGTH, &g_onFulfilled, &onFulfilled),
               nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateFunction(env, "onRejected", JSVM_AUTO_LENGTH, &g_onRejected, &onRejected), nullptr);
    JSVM_Value derived = nullptr;
    JSVM_CHECK(env, OH_JSVM_PromiseRegisterHandler(env, argv[0], onFulfilled, onRejected, &derived), nullptr);
    return derived;
}

// Settles job i: resolves it with a message, or rejects it with an Error.
static int32_t FinishJob(JSVM_Env env, int i, bool succeed)
{
    Job &job = g_jobs[i];
    char text[64] = "";
    JSVM_Value message = nullptr;
    if (succeed) {
        snprintf(text, sizeof(text), "%s finished", job.name);
        JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, text, JSVM_AUTO_LENGTH, &message), -1);
        JSVM_CHECK(env, OH_JSVM_ResolveDeferred(env, job.deferred, message), -1);
    } else {
        snprintf(text, sizeof(text), "%s failed", job.name);
        JSVM_Value error = nullptr;
        JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, text, JSVM_AUTO_LENGTH, &message), -1);
        JSVM_CHECK(env, OH_JSVM_CreateError(env, nullptr, message, &error), -1);
        JSVM_CHECK(env, OH_JSVM_RejectDeferred(env, job.deferred, error), -1);
    }
    job.deferred = nullptr; // a deferred is used up by settling it
    OH_LOG_INFO(LOG_APP, "JSVM job '%{public}s' %{public}s natively", job.name, succeed ? "resolved" : "rejected");
    return 0;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},
    {.data = nullptr, .callback = Start},
    {.data = nullptr, .callback = Watch},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"start", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"watch", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

// Starts three jobs and reacts to them from script and natively.
static const char *srcCallNative = R"JS(
const download = start('download');
const upload = start('upload');
const cleanup = start('cleanup');
download.then((v) => log(`script then: ${v}`));
watch(upload).then((e) => log(`the native handler's result is passed on: ${e.message}`));
watch(cleanup);
(async () => {
  try {
    const [a, b] = await Promise.all([download, upload]);
    log(`all done: ${a}, ${b}`);
  } catch (e) {
    log(`Promise.all rejected: ${e.message}`);
  }
})();
log(`script ends; Promise.resolve(1) is a promise: ${Promise.resolve(1) instanceof Promise}`);
)JS";

static bool g_jsvmInitialized = false;

// Runs srcCallNative under the explicit microtask policy, settles the jobs
// natively and then lets the reactions run at a checkpoint.
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
    JSVM_CHECK(env, OH_JSVM_SetMicrotaskPolicy(vm, JSVM_MICROTASK_EXPLICIT), -1);

    JSVM_Value source = nullptr;
    JSVM_Script script = nullptr;
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, srcCallNative, JSVM_AUTO_LENGTH, &source), -1);
    JSVM_CHECK(env, OH_JSVM_CompileScript(env, source, nullptr, 0, true, nullptr, &script), -1);
    JSVM_CHECK(env, OH_JSVM_RunScript(env, script, &result), -1);

    // The native side finishes the jobs; nothing reacts yet.
    FinishJob(env, 0, true);
    FinishJob(env, 1, false);
    FinishJob(env, 2, true);
    OH_LOG_INFO(LOG_APP, "JSVM before OH_JSVM_PerformMicrotaskCheckpoint");
    JSVM_CHECK(env, OH_JSVM_PerformMicrotaskCheckpoint(vm), -1);
    OH_LOG_INFO(LOG_APP, "JSVM after OH_JSVM_PerformMicrotaskCheckpoint");
    JSVM_CHECK(env, OH_JSVM_SetMicrotaskPolicy(vm, JSVM_MICROTASK_AUTO), -1);

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
