// hello.cpp -- libjsvm example in the shape of OpenHarmony's "Working with VM
// Snapshots" guide: OH_JSVM_Init registers the native callbacks a snapshot
// may refer to (JSVM_InitOptions.externalReferences); a VM created for
// snapshotting builds an env with a native function and some script state;
// OH_JSVM_CreateSnapshot turns it into a blob, which is saved in the app's
// files directory; the blob is read back, a VM is created from it, and
// OH_JSVM_CreateEnvFromSnapshot restores the env, whose createHelloString()
// works again.
//
// runTest does both halves in one call. createSnapshot and restoreSnapshot
// do one half each, so that they can run in two processes:
//     jsvm-ohos-run hello.cpp -e createSnapshot
//     jsvm-ohos-run hello.cpp -e restoreSnapshot
// (jsvm-ohos-run maps /data/storage/el2 to its app sandbox directory, so
// the second process finds the file the first one wrote.)
// Run: jsvm-ohos-run hello.cpp
#include "napi/native_api.h"
#include "ark_runtime/jsvm.h"
#include "hilog/log.h"

#include <cstring>
#include <fstream>
#include <vector>

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

// The app's files directory on the device (el2: available once the user
// has unlocked the device).
static const char *g_blobPath = "/data/storage/el2/base/files/test_blob.bin";

// createHelloString(): the native function the snapshotted env carries.
static JSVM_Value CreateHelloString(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "Hello world!", JSVM_AUTO_LENGTH, &result), nullptr);
    return result;
}

// A snapshot cannot hold a native address: it refers to a callback by its
// position in this table, which every process passes to OH_JSVM_Init, so the
// process that restores the snapshot finds its own CreateHelloString there.
static JSVM_CallbackStruct helloCb = {.data = nullptr, .callback = CreateHelloString};
static intptr_t g_externalReferences[] = {
    (intptr_t)&helloCb,
    0, // end of the table
};

// Script state recorded with the env: a function and a variable set by a
// call to the native function.
static const char *srcSetUp = R"JS(
function shout(text) { return text.toUpperCase(); }
var created = shout(createHelloString());
)JS";

static bool g_jsvmInitialized = false;

// OH_JSVM_Init, once per process, with the external references.
static bool InitJSVM()
{
    if (!g_jsvmInitialized) {
        JSVM_InitOptions initOptions;
        memset(&initOptions, 0, sizeof(initOptions));
        initOptions.externalReferences = g_externalReferences;
        JSVM_CHECK(nullptr, OH_JSVM_Init(&initOptions), false);
        g_jsvmInitialized = true;
    }
    return true;
}

// Compiles and runs source; returns the completion value or nullptr.
static JSVM_Value RunSource(JSVM_Env env, const char *source)
{
    JSVM_Value code = nullptr;
    JSVM_Script script = nullptr;
    JSVM_Value result = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, source, JSVM_AUTO_LENGTH, &code), nullptr);
    JSVM_CHECK(env, OH_JSVM_CompileScript(env, code, nullptr, 0, true, nullptr, &script), nullptr);
    JSVM_CHECK(env, OH_JSVM_RunScript(env, script, &result), nullptr);
    return result;
}

// Runs source and logs its string value after label; false if it failed.
static bool LogStringResult(JSVM_Env env, const char *label, const char *source)
{
    JSVM_Value result = RunSource(env, source);
    if (result == nullptr) {
        return false;
    }
    char text[128] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, result, text, sizeof(text), &length), false);
    OH_LOG_INFO(LOG_APP, "JSVM %{public}s: %{public}s", label, text);
    return true;
}

// First half: builds an env in a VM created for snapshotting, snapshots it
// and saves the blob. *blobSize is the size written.
static bool CreateVMSnapshot(size_t *blobSize)
{
    JSVM_CreateVMOptions vmOptions;
    memset(&vmOptions, 0, sizeof(vmOptions));
    vmOptions.isForSnapshotting = true;
    JSVM_VM vm = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_CreateVM(&vmOptions, &vm), false);
    JSVM_VMScope vmScope = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_OpenVMScope(vm, &vmScope), false);

    // The env's global gets createHelloString, whose callback struct is in
    // the external references.
    JSVM_PropertyDescriptor descriptor[] = {
        {"createHelloString", nullptr, &helloCb, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    };
    JSVM_Env env = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_CreateEnv(vm, sizeof(descriptor) / sizeof(descriptor[0]), descriptor, &env), false);
    JSVM_EnvScope envScope = nullptr;
    JSVM_CHECK(env, OH_JSVM_OpenEnvScope(env, &envScope), false);
    JSVM_HandleScope handleScope = nullptr;
    JSVM_CHECK(env, OH_JSVM_OpenHandleScope(env, &handleScope), false);
    bool ok = RunSource(env, srcSetUp) != nullptr && LogStringResult(env, "set-up script ran", "created");
    JSVM_CHECK(env, OH_JSVM_CloseHandleScope(env, handleScope), false);
    if (!ok) {
        return false;
    }

    const char *blobData = nullptr;
    *blobSize = 0;
    JSVM_Env envs[1] = {env};
    JSVM_CHECK(env, OH_JSVM_CreateSnapshot(vm, 1, envs, &blobData, blobSize), false);

    // The blob's size depends on the engine and its version, so it is not
    // logged: the log stays the same on every build.
    std::ofstream file(g_blobPath, std::ios::out | std::ios::binary | std::ios::trunc);
    file.write(blobData, static_cast<std::streamsize>(*blobSize));
    file.close();
    if (!file) {
        OH_LOG_ERROR(LOG_APP, "JSVM cannot write %{public}s", g_blobPath);
        return false;
    }
    OH_LOG_INFO(LOG_APP, "JSVM snapshot of 1 env written to %{public}s", g_blobPath);

    JSVM_CHECK(env, OH_JSVM_CloseEnvScope(env, envScope), false);
    JSVM_CHECK(nullptr, OH_JSVM_DestroyEnv(env), false);
    JSVM_CHECK(nullptr, OH_JSVM_CloseVMScope(vm, vmScope), false);
    JSVM_CHECK(nullptr, OH_JSVM_DestroyVM(vm), false);
    return true;
}

// Second half: reads the blob back, creates a VM from it and restores the
// env. expectedSize is the size the first half wrote, or 0 if it ran in
// another process.
static bool RunVMSnapshot(size_t expectedSize)
{
    std::ifstream file(g_blobPath, std::ios::in | std::ios::binary | std::ios::ate);
    if (!file) {
        OH_LOG_ERROR(LOG_APP, "JSVM cannot read %{public}s: create the snapshot first", g_blobPath);
        return false;
    }
    std::streamoff end = file.tellg();
    // The VM reads the blob while it lives: blobData must outlive it.
    std::vector<char> blobData(end > 0 ? static_cast<size_t>(end) : 0);
    file.seekg(0, std::ios::beg);
    file.read(blobData.data(), static_cast<std::streamsize>(blobData.size()));
    file.close();
    if (!file || blobData.empty()) {
        OH_LOG_ERROR(LOG_APP, "JSVM cannot read %{public}s", g_blobPath);
        return false;
    }
    OH_LOG_INFO(LOG_APP, "JSVM snapshot read back from %{public}s", g_blobPath);
    if (expectedSize != 0) {
        OH_LOG_INFO(LOG_APP, "JSVM the file holds %{public}s",
                    blobData.size() == expectedSize ? "as many bytes as were written" : "a different size");
    }

    JSVM_CreateVMOptions vmOptions;
    memset(&vmOptions, 0, sizeof(vmOptions));
    vmOptions.snapshotBlobData = blobData.data();
    vmOptions.snapshotBlobSize = blobData.size();
    JSVM_VM vm = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_CreateVM(&vmOptions, &vm), false);
    JSVM_VMScope vmScope = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_OpenVMScope(vm, &vmScope), false);

    // Context 0 of the snapshot: the env recorded above, global functions,
    // script state and all.
    JSVM_Env env = nullptr;
    JSVM_CHECK(nullptr, OH_JSVM_CreateEnvFromSnapshot(vm, 0, &env), false);
    JSVM_EnvScope envScope = nullptr;
    JSVM_CHECK(env, OH_JSVM_OpenEnvScope(env, &envScope), false);
    JSVM_HandleScope handleScope = nullptr;
    JSVM_CHECK(env, OH_JSVM_OpenHandleScope(env, &handleScope), false);

    // createHelloString is defined in the restored env without any call here.
    JSVM_Value result = RunSource(env, "createHelloString()");
    char text[128] = "";
    size_t length = 0;
    bool ok = result != nullptr &&
              OH_JSVM_GetValueStringUtf8(env, result, text, sizeof(text), &length) == JSVM_OK &&
              strcmp(text, "Hello world!") == 0;
    if (ok) {
        OH_LOG_INFO(LOG_APP, "JSVM createHelloString() in the restored env: %{public}s", text);
    } else {
        OH_LOG_ERROR(LOG_APP, "JSVM createHelloString() in the restored env: '%{public}s', expected 'Hello world!'",
                     text);
    }
    ok = ok && LogStringResult(env, "script state in the restored env", "created + ' / ' + shout('restored')");
    JSVM_CHECK(env, OH_JSVM_CloseHandleScope(env, handleScope), false);

    JSVM_CHECK(env, OH_JSVM_CloseEnvScope(env, envScope), false);
    JSVM_CHECK(nullptr, OH_JSVM_DestroyEnv(env), false);
    JSVM_CHECK(nullptr, OH_JSVM_CloseVMScope(vm, vmScope), false);
    JSVM_CHECK(nullptr, OH_JSVM_DestroyVM(vm), false);
    if (ok) {
        OH_LOG_INFO(LOG_APP, "JSVM restored env and VM destroyed");
    }
    return ok;
}

// The entry points report a failed step to the ArkTS caller as an
// exception; the log says which step it was.
static napi_value Finish(napi_env env, bool ok, const char *what)
{
    if (!ok) {
        napi_throw_error(env, nullptr, what);
        return nullptr;
    }
    napi_value ret = nullptr;
    napi_create_int32(env, 0, &ret);
    return ret;
}

// runTest(): both halves, one after the other.
static napi_value RunTest(napi_env env, napi_callback_info info)
{
    size_t blobSize = 0;
    bool ok = InitJSVM() && CreateVMSnapshot(&blobSize) && RunVMSnapshot(blobSize);
    return Finish(env, ok, "the snapshot test failed");
}

// createSnapshot(): the first half only.
static napi_value CreateSnapshot(napi_env env, napi_callback_info info)
{
    size_t blobSize = 0;
    return Finish(env, InitJSVM() && CreateVMSnapshot(&blobSize), "creating the snapshot failed");
}

// restoreSnapshot(): the second half only, from the file a createSnapshot()
// call wrote, in this process or an earlier one.
static napi_value RestoreSnapshot(napi_env env, napi_callback_info info)
{
    return Finish(env, InitJSVM() && RunVMSnapshot(0), "restoring the snapshot failed");
}

EXTERN_C_START
static napi_value Init(napi_env env, napi_value exports)
{
    napi_property_descriptor desc[] = {
        {"runTest", nullptr, RunTest, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"createSnapshot", nullptr, CreateSnapshot, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"restoreSnapshot", nullptr, RestoreSnapshot, nullptr, nullptr, nullptr, napi_default, nullptr},
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
