// memory_guide.cpp: a program in the shape of OpenHarmony's "memory
// management" usage guide (our own code): native functions registered through
// a descriptor table with out-of-order designated initializers (which only
// clang++ accepts), logging through hilog with %{public} qualifiers, called
// from JS. The expected log lines are in memory_guide.expected.
#include "ark_runtime/jsvm.h"
#include "hilog/log.h"

#include <cstring>

static JSVM_Value AdjustExternalMemory(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    int64_t change = 1024 * 1024; // 1 MiB held natively
    int64_t adjustedValue = 0;
    JSVM_Status status = OH_JSVM_AdjustExternalMemory(env, change, &adjustedValue);
    if (status != JSVM_OK) {
        OH_LOG_ERROR(LOG_APP, "JSVM OH_JSVM_AdjustExternalMemory: failed");
    } else {
        OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_AdjustExternalMemory: success");
        OH_LOG_INFO(LOG_APP, "JSVM Allocate memory size: %{public}d", adjustedValue);
    }
    JSVM_Value checked;
    OH_JSVM_GetBoolean(env, true, &checked);
    return checked;
}

static JSVM_Value MemoryPressureNotification(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    JSVM_Status status = OH_JSVM_MemoryPressureNotification(env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL);
    if (status != JSVM_OK) {
        OH_LOG_ERROR(LOG_APP, "JSVM OH_JSVM_MemoryPressureNotification: failed");
    } else {
        OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_MemoryPressureNotification: success");
        OH_LOG_INFO(LOG_APP, "JSVM Current JSVM memory pressure level: %{public}d",
                    JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL);
    }
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = AdjustExternalMemory},
    {.data = nullptr, .callback = MemoryPressureNotification},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"adjustExternalMemory", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"memoryPressureNotification", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
adjustExternalMemory();
memoryPressureNotification();
)JS";

int main()
{
    JSVM_InitOptions initOptions;
    memset(&initOptions, 0, sizeof(initOptions));
    if (OH_JSVM_Init(&initOptions) != JSVM_OK)
        return 1;
    JSVM_CreateVMOptions options;
    memset(&options, 0, sizeof(options));
    JSVM_VM vm;
    JSVM_VMScope vmScope;
    JSVM_Env env;
    JSVM_EnvScope envScope;
    JSVM_HandleScope handleScope;
    if (OH_JSVM_CreateVM(&options, &vm) != JSVM_OK)
        return 1;
    OH_JSVM_OpenVMScope(vm, &vmScope);
    OH_JSVM_CreateEnv(vm, sizeof(descriptor) / sizeof(descriptor[0]), descriptor, &env);
    OH_JSVM_OpenEnvScope(env, &envScope);
    OH_JSVM_OpenHandleScope(env, &handleScope);

    JSVM_Value sourceCode;
    JSVM_Script script;
    JSVM_Value result;
    int rc = 0;
    if (OH_JSVM_CreateStringUtf8(env, srcCallNative, JSVM_AUTO_LENGTH, &sourceCode) != JSVM_OK ||
        OH_JSVM_CompileScript(env, sourceCode, nullptr, 0, true, nullptr, &script) != JSVM_OK ||
        OH_JSVM_RunScript(env, script, &result) != JSVM_OK) {
        OH_LOG_ERROR(LOG_APP, "JSVM script failed");
        rc = 1;
    }

    OH_JSVM_CloseHandleScope(env, handleScope);
    OH_JSVM_CloseEnvScope(env, envScope);
    OH_JSVM_DestroyEnv(env);
    OH_JSVM_CloseVMScope(vm, vmScope);
    OH_JSVM_DestroyVM(vm);
    return rc;
}
