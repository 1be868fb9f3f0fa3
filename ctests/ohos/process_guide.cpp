// process_guide.cpp: the life cycle the JSVM-API process guide describes, in
// our own code: Init once, CreateVM, CreateEnv with a descriptor table, open
// VM/env/handle scopes, compile and run a script that calls native functions,
// then close and destroy everything. Initializers are in declaration order,
// so g++ compiles it as well as clang++. Expected lines: process_guide.expected.
#include "ark_runtime/jsvm.h"
#include "hilog/log.h"

#include <cstdio>
#include <cstring>
#include <string>

// consoleinfo(...args): logs its arguments joined by spaces.
static JSVM_Value ConsoleInfo(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 8;
    JSVM_Value argv[8];
    OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr);
    std::string line;
    for (size_t i = 0; i < argc && i < 8; i++) {
        char buf[256];
        size_t len = 0;
        double d = 0;
        if (OH_JSVM_GetValueStringUtf8(env, argv[i], buf, sizeof(buf), &len) != JSVM_OK) {
            if (OH_JSVM_GetValueDouble(env, argv[i], &d) == JSVM_OK)
                snprintf(buf, sizeof(buf), "%g", d);
            else
                snprintf(buf, sizeof(buf), "<value>");
        }
        if (i)
            line += " ";
        line += buf;
    }
    OH_LOG_INFO(LOG_APP, "JSVM consoleinfo: %{public}s", line.c_str());
    return nullptr;
}

// add(a, b) computed natively.
static JSVM_Value Add(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value args[2];
    OH_JSVM_GetCbInfo(env, info, &argc, args, nullptr, nullptr);
    double a = 0, b = 0;
    OH_JSVM_GetValueDouble(env, args[0], &a);
    OH_JSVM_GetValueDouble(env, args[1], &b);
    JSVM_Value sum;
    OH_JSVM_CreateDouble(env, a + b, &sum);
    return sum;
}

static JSVM_CallbackStruct param[] = {
    {.callback = ConsoleInfo, .data = nullptr},
    {.callback = Add, .data = nullptr},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"consoleinfo", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"add", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
consoleinfo('hello from', 'JS');
const sum = add(40, 2);
consoleinfo('add(40, 2) =', sum);
sum;
)JS";

static bool g_initialized = false;

static int32_t TestJSVM()
{
    if (!g_initialized) {
        JSVM_InitOptions initOptions;
        memset(&initOptions, 0, sizeof(initOptions));
        if (OH_JSVM_Init(&initOptions) != JSVM_OK)
            return -1;
        g_initialized = true;
    }
    JSVM_VM vm;
    JSVM_CreateVMOptions options;
    memset(&options, 0, sizeof(options));
    OH_JSVM_CreateVM(&options, &vm);
    JSVM_VMScope vmScope;
    OH_JSVM_OpenVMScope(vm, &vmScope);
    JSVM_Env env;
    OH_JSVM_CreateEnv(vm, sizeof(descriptor) / sizeof(descriptor[0]), descriptor, &env);
    JSVM_EnvScope envScope;
    OH_JSVM_OpenEnvScope(env, &envScope);
    JSVM_HandleScope handleScope;
    OH_JSVM_OpenHandleScope(env, &handleScope);

    JSVM_Value sourceCode;
    OH_JSVM_CreateStringUtf8(env, srcCallNative, JSVM_AUTO_LENGTH, &sourceCode);
    JSVM_Script script;
    OH_JSVM_CompileScript(env, sourceCode, nullptr, 0, true, nullptr, &script);
    JSVM_Value result;
    int32_t value = -1;
    if (OH_JSVM_RunScript(env, script, &result) == JSVM_OK)
        OH_JSVM_GetValueInt32(env, result, &value);
    OH_LOG_INFO(LOG_APP, "JSVM result: %{public}d", value);

    OH_JSVM_CloseHandleScope(env, handleScope);
    OH_JSVM_CloseEnvScope(env, envScope);
    OH_JSVM_DestroyEnv(env);
    OH_JSVM_CloseVMScope(vm, vmScope);
    OH_JSVM_DestroyVM(vm);
    return value;
}

int main()
{
    // Twice, as an app calling its entry point twice would: Init only once.
    return TestJSVM() == 42 && TestJSVM() == 42 ? 0 : 1;
}
