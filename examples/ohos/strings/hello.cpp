// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "strings" guide: strings created natively in UTF-8, UTF-16 and Latin-1,
// read back in each encoding, lengths asked for with a NULL buffer, and
// copies truncated to a small buffer. Run: jsvm-ohos-run hello.cpp
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

// describe(s): logs s as UTF-8 with its UTF-8 byte length and UTF-16 length.
static JSVM_Value Describe(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    size_t utf8Length = 0;
    size_t utf16Length = 0;
    JSVM_Status status = OH_JSVM_GetValueStringUtf8(env, argv[0], nullptr, 0, &utf8Length);
    if (status != JSVM_OK) {
        OH_LOG_ERROR(LOG_APP, "JSVM OH_JSVM_GetValueStringUtf8: not a string (status %{public}d)", status);
        return nullptr;
    }
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf16(env, argv[0], nullptr, 0, &utf16Length), nullptr);
    char text[128] = "";
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[0], text, sizeof(text), &utf8Length), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM describe: \"%{public}s\" has %{public}zu UTF-8 bytes, %{public}zu UTF-16 units", text,
                utf8Length, utf16Length);
    return nullptr;
}

// makeStrings(): returns [utf8, utf16, latin1] strings created natively.
static JSVM_Value MakeStrings(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value utf8 = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "na\xC3\xAFve caf\xC3\xA9 \xE2\x82\xAC", JSVM_AUTO_LENGTH, &utf8),
               nullptr);
    const char16_t wide[] = u"\u4F60\u597D, JSVM";
    JSVM_Value utf16 = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf16(env, wide, JSVM_AUTO_LENGTH, &utf16), nullptr);
    const char latin1Bytes[] = "gr\xFC\xDF Gott"; // ü and ß as single Latin-1 bytes
    JSVM_Value latin1 = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateStringLatin1(env, latin1Bytes, JSVM_AUTO_LENGTH, &latin1), nullptr);
    // Pack the three into an array with a function made from script text.
    const char *pack = "return [a, b, c];";
    JSVM_Value body = nullptr;
    JSVM_Value names[3] = {nullptr, nullptr, nullptr};
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "a", 1, &names[0]), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "b", 1, &names[1]), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, "c", 1, &names[2]), nullptr);
    JSVM_CHECK(env, OH_JSVM_CreateStringUtf8(env, pack, JSVM_AUTO_LENGTH, &body), nullptr);
    JSVM_Value packer = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateFunctionWithScript(env, "pack", JSVM_AUTO_LENGTH, 3, names, body, &packer),
               nullptr);
    JSVM_Value undefined = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetUndefined(env, &undefined), nullptr);
    JSVM_Value strings[3] = {utf8, utf16, latin1};
    JSVM_Value array = nullptr;
    JSVM_CHECK(env, OH_JSVM_CallFunction(env, undefined, packer, 3, strings, &array), nullptr);
    return array;
}

// truncate(s): copies s into buffers too small for it.
static JSVM_Value Truncate(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    char small[6];
    size_t copied = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf8(env, argv[0], small, sizeof(small), &copied), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetValueStringUtf8 into 6 bytes: \"%{public}s\" (%{public}zu copied)", small,
                copied);
    char latin1[6];
    JSVM_CHECK(env, OH_JSVM_GetValueStringLatin1(env, argv[0], latin1, sizeof(latin1), &copied), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetValueStringLatin1 into 6 bytes: \"%{public}s\" (%{public}zu copied)", latin1,
                copied);
    char16_t wide[4];
    JSVM_CHECK(env, OH_JSVM_GetValueStringUtf16(env, argv[0], wide, 4, &copied), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetValueStringUtf16 into 4 units: %{public}zu copied, first unit U+%{public}04X",
                copied, static_cast<unsigned>(wide[0]));
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Describe},
    {.data = nullptr, .callback = MakeStrings},
    {.data = nullptr, .callback = Truncate},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"describe", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"makeStrings", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"truncate", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
describe('plain ASCII');
describe('emoji \u{1F600} takes two UTF-16 units');
const [fromUtf8, fromUtf16, fromLatin1] = makeStrings();
describe(fromUtf8);
describe(fromUtf16);
describe(fromLatin1);
describe(fromUtf16.length + ' characters, starts with ' + fromUtf16.charCodeAt(0).toString(16));
truncate('truncated text');
describe(42);
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
