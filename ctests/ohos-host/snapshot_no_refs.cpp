// snapshot_no_refs.cpp: a module that snapshots an env with a native
// function but registers no external references (its OH_JSVM_Init options
// are all zero). The snapshot cannot refer to the function, so
// OH_JSVM_CreateSnapshot must fail with JSVM_GENERIC_FAILURE -- a clear
// status, not a crash -- while an env made of script alone still snapshots.
// snapshot_no_refs.expected holds the log lines.
#include "napi/native_api.h"
#include "ark_runtime/jsvm.h"
#include "hilog/log.h"

#include <cstring>

static JSVM_Value CreateHelloString(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value result = nullptr;
    OH_JSVM_CreateStringUtf8(env, "Hello world!", JSVM_AUTO_LENGTH, &result);
    return result;
}

static JSVM_CallbackStruct helloCb = {.data = nullptr, .callback = CreateHelloString};

static const char *StatusName(JSVM_Status st)
{
    switch (st) {
    case JSVM_OK:
        return "JSVM_OK";
    case JSVM_INVALID_ARG:
        return "JSVM_INVALID_ARG";
    case JSVM_GENERIC_FAILURE:
        return "JSVM_GENERIC_FAILURE";
    default:
        return "another status";
    }
}

// Creates an env in a VM made for snapshotting (with createHelloString on
// its global if native), runs a script in it and snapshots it.
static void Snapshot(bool native)
{
    JSVM_CreateVMOptions vmOptions;
    memset(&vmOptions, 0, sizeof(vmOptions));
    vmOptions.isForSnapshotting = true;
    JSVM_VM vm = nullptr;
    OH_JSVM_CreateVM(&vmOptions, &vm);
    JSVM_PropertyDescriptor descriptor[] = {
        {"createHelloString", nullptr, &helloCb, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    };
    JSVM_Env env = nullptr;
    OH_JSVM_CreateEnv(vm, native ? 1 : 0, native ? descriptor : nullptr, &env);
    JSVM_HandleScope scope = nullptr;
    OH_JSVM_OpenHandleScope(env, &scope);
    JSVM_Value source = nullptr, result = nullptr;
    JSVM_Script script = nullptr;
    const char *text = native ? "createHelloString()" : "var greeting = 'Hello from script'; greeting";
    OH_JSVM_CreateStringUtf8(env, text, JSVM_AUTO_LENGTH, &source);
    OH_JSVM_CompileScript(env, source, nullptr, 0, true, nullptr, &script);
    OH_JSVM_RunScript(env, script, &result);
    char value[64] = "";
    size_t length = 0;
    OH_JSVM_GetValueStringUtf8(env, result, value, sizeof(value), &length);
    OH_JSVM_CloseHandleScope(env, scope);
    OH_LOG_INFO(LOG_APP, "%{public}s env: the script returns '%{public}s'", native ? "native" : "script-only", value);

    const char *blob = nullptr;
    size_t size = 0;
    JSVM_Status st = OH_JSVM_CreateSnapshot(vm, 1, &env, &blob, &size);
    OH_LOG_INFO(LOG_APP, "%{public}s env: OH_JSVM_CreateSnapshot returns %{public}s%{public}s",
                native ? "native" : "script-only", StatusName(st),
                st == JSVM_OK ? (blob != nullptr && size > 0 ? ", with a blob" : ", without a blob") : "");
    OH_JSVM_DestroyEnv(env);
    OH_JSVM_DestroyVM(vm);
}

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    JSVM_InitOptions initOptions;
    memset(&initOptions, 0, sizeof(initOptions));
    OH_LOG_INFO(LOG_APP, "OH_JSVM_Init without externalReferences: %{public}s", StatusName(OH_JSVM_Init(&initOptions)));
    Snapshot(true);
    Snapshot(false);
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

NAPI_MODULE(entry, Init)
