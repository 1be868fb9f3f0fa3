// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "BigInt" guide: BigInts created natively from int64, uint64 and 64-bit
// words, read back in each form with the lossless flag telling when a value
// did not fit, and the word count query. Run: jsvm-ohos-run hello.cpp
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

#include <cinttypes>

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

// made(): BigInts created natively, returned as an object for the script.
static JSVM_Value Made(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value made = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateObject(env, &made), nullptr);
    JSVM_Value value = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateBigintInt64(env, INT64_MIN, &value), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, made, "int64Min", value), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateBigintUint64(env, UINT64_MAX, &value), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, made, "uint64Max", value), nullptr);
    // -(2^64 * 3 + 5): words are little-endian 64-bit digits of the magnitude.
    const uint64_t words[] = {5, 3};
    JSVM_CHECK(env, OH_JSVM_CreateBigintWords(env, 1, 2, words, &value), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetNamedProperty(env, made, "fromWords", value), nullptr);
    bool isBigInt = false;
    JSVM_ValueType type = JSVM_UNDEFINED;
    JSVM_CHECK(env, OH_JSVM_IsBigInt(env, value, &isBigInt), nullptr);
    JSVM_CHECK(env, OH_JSVM_Typeof(env, value, &type), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM created three BigInts: IsBigInt %{public}d, Typeof is JSVM_BIGINT %{public}d",
                isBigInt, type == JSVM_BIGINT);
    return made;
}

// read(label, value): the value as int64, as uint64, and as words.
static JSVM_Value Read(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char label[64] = "";
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[0], label, sizeof(label), &length), nullptr);
    JSVM_Value value = argv[1];

    int64_t asInt64 = 0;
    uint64_t asUint64 = 0;
    bool int64Lossless = false;
    bool uint64Lossless = false;
    JSVM_CHECK(env, OH_JSVM_GetValueBigintInt64(env, value, &asInt64, &int64Lossless), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetValueBigintUint64(env, value, &asUint64, &uint64Lossless), nullptr);
    OH_LOG_INFO(LOG_APP,
                "JSVM %{public}s: int64 %{public}" PRId64 " (lossless %{public}d), uint64 %{public}" PRIu64
                " (lossless %{public}d)",
                label, asInt64, int64Lossless, asUint64, uint64Lossless);

    // First ask how many words the value needs, then read them.
    size_t wordCount = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueBigintWords(env, value, nullptr, &wordCount, nullptr), nullptr);
    uint64_t words[4] = {0, 0, 0, 0};
    int signBit = 0;
    size_t capacity = 4;
    JSVM_CHECK(env, OH_JSVM_GetValueBigintWords(env, value, &signBit, &capacity, words), nullptr);
    char text[160] = "";
    int used = 0;
    for (size_t i = 0; i < wordCount && i < 4; i++) {
        used += snprintf(text + used, sizeof(text) - used, "%s0x%" PRIx64, i > 0 ? " " : "", words[i]);
    }
    OH_LOG_INFO(LOG_APP, "JSVM %{public}s: sign %{public}d, %{public}zu word(s) [%{public}s]", label, signBit,
                wordCount, text);
    return nullptr;
}

// notABigInt(value): what the getters say about a Number.
static JSVM_Value NotABigInt(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    int64_t value = 0;
    bool lossless = false;
    JSVM_Status status = OH_JSVM_GetValueBigintInt64(env, argv[0], &value, &lossless);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetValueBigintInt64 of a Number: status %{public}d (JSVM_BIGINT_EXPECTED %{public}d)",
                status, status == JSVM_BIGINT_EXPECTED);
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},
    {.data = nullptr, .callback = Made},
    {.data = nullptr, .callback = Read},
    {.data = nullptr, .callback = NotABigInt},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"made", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"read", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"notABigInt", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const m = made();
log(`int64Min = ${m.int64Min}`);
log(`uint64Max = ${m.uint64Max}, 2n ** 64n - 1n equal: ${m.uint64Max === 2n ** 64n - 1n}`);
log(`fromWords = ${m.fromWords}, equal to -(3n << 64n) - 5n: ${m.fromWords === -(3n << 64n) - 5n}`);

read('0n', 0n);
read('42n', 42n);
read('-1n', -1n);
read('int64Min', m.int64Min);
read('uint64Max', m.uint64Max);
read('2n ** 64n + 7n', 2n ** 64n + 7n);
read('fromWords', m.fromWords);
read('2n ** 130n', 2n ** 130n);
notABigInt(42);
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
