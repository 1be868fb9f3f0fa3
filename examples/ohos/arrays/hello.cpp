// hello.cpp -- libjsvm example in the shape of OpenHarmony's JSVM-API
// "arrays and buffers" guide: arrays made natively, an ArrayBuffer whose
// bytes native code fills through the data pointer and script reads (and
// the other way round), typed arrays and a DataView over that buffer with
// their info, and OH_JSVM_DetachArraybuffer. Run: jsvm-ohos-run hello.cpp
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

// range(n): [0, 1, ..., n - 1], and an empty array of length n beside it.
static JSVM_Value Range(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    uint32_t n = 0;
    JSVM_CHECK(env, OH_JSVM_GetValueUint32(env, argv[0], &n), nullptr);
    JSVM_Value array = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateArray(env, &array), nullptr);
    for (uint32_t i = 0; i < n; i++) {
        JSVM_Value element = nullptr;
        JSVM_CHECK(env, OH_JSVM_CreateUint32(env, i, &element), nullptr);
        JSVM_CHECK(env, OH_JSVM_SetElement(env, array, i, element), nullptr);
    }
    JSVM_Value sized = nullptr;
    uint32_t length = 0;
    uint32_t sizedLength = 0;
    bool isArray = false;
    JSVM_CHECK(env, OH_JSVM_CreateArrayWithLength(env, n, &sized), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetArrayLength(env, array, &length), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetArrayLength(env, sized, &sizedLength), nullptr);
    JSVM_CHECK(env, OH_JSVM_IsArray(env, array, &isArray), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM arrays: filled length %{public}u (IsArray %{public}d), with length %{public}u",
                length, isArray, sizedLength);
    return array;
}

// The buffer shared by the native functions below, kept by a reference.
static JSVM_Ref g_bufferRef = nullptr;

// makeBuffer(): a 16-byte ArrayBuffer filled from C: bytes 1, 2, ..., 16.
static JSVM_Value MakeBuffer(JSVM_Env env, JSVM_CallbackInfo info)
{
    void *data = nullptr;
    JSVM_Value buffer = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateArraybuffer(env, 16, &data, &buffer), nullptr);
    uint8_t *bytes = static_cast<uint8_t *>(data);
    for (int i = 0; i < 16; i++) {
        bytes[i] = static_cast<uint8_t>(i + 1);
    }
    JSVM_CHECK(env, OH_JSVM_CreateReference(env, buffer, 1, &g_bufferRef), nullptr);
    bool isBuffer = false;
    JSVM_CHECK(env, OH_JSVM_IsArraybuffer(env, buffer, &isBuffer), nullptr);
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_CreateArraybuffer: 16 bytes filled natively, IsArraybuffer %{public}d",
                isBuffer);
    return buffer;
}

// sumBuffer(): the sum of the shared buffer's bytes, read through the data
// pointer (sees what script wrote).
static JSVM_Value SumBuffer(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value buffer = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetReferenceValue(env, g_bufferRef, &buffer), nullptr);
    void *data = nullptr;
    size_t byteLength = 0;
    JSVM_CHECK(env, OH_JSVM_GetArraybufferInfo(env, buffer, &data, &byteLength), nullptr);
    uint32_t sum = 0;
    for (size_t i = 0; i < byteLength; i++) {
        sum += static_cast<uint8_t *>(data)[i];
    }
    OH_LOG_INFO(LOG_APP, "JSVM OH_JSVM_GetArraybufferInfo: %{public}zu bytes, sum %{public}u", byteLength, sum);
    return nullptr;
}

static const char *TypedArrayName(JSVM_TypedarrayType type)
{
    switch (type) {
        case JSVM_INT8_ARRAY: return "Int8Array";
        case JSVM_UINT8_ARRAY: return "Uint8Array";
        case JSVM_UINT8_CLAMPED_ARRAY: return "Uint8ClampedArray";
        case JSVM_INT16_ARRAY: return "Int16Array";
        case JSVM_UINT16_ARRAY: return "Uint16Array";
        case JSVM_INT32_ARRAY: return "Int32Array";
        case JSVM_UINT32_ARRAY: return "Uint32Array";
        case JSVM_FLOAT32_ARRAY: return "Float32Array";
        case JSVM_FLOAT64_ARRAY: return "Float64Array";
        case JSVM_BIGINT64_ARRAY: return "BigInt64Array";
        case JSVM_BIGUINT64_ARRAY: return "BigUint64Array";
    }
    return "?";
}

// views(): a Uint16Array of 4 elements at byte 4 and a DataView of 8 bytes
// at byte 8 over the shared buffer, returned as [typed, view].
static JSVM_Value Views(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value buffer = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetReferenceValue(env, g_bufferRef, &buffer), nullptr);
    void *base = nullptr;
    size_t byteLength = 0;
    JSVM_CHECK(env, OH_JSVM_GetArraybufferInfo(env, buffer, &base, &byteLength), nullptr);

    JSVM_Value typed = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT16_ARRAY, 4, buffer, 4, &typed), nullptr);
    JSVM_TypedarrayType type = JSVM_INT8_ARRAY;
    size_t length = 0;
    void *data = nullptr;
    JSVM_Value typedBuffer = nullptr;
    size_t byteOffset = 0;
    bool isTyped = false;
    bool sameBuffer = false;
    JSVM_CHECK(env, OH_JSVM_GetTypedarrayInfo(env, typed, &type, &length, &data, &typedBuffer, &byteOffset), nullptr);
    JSVM_CHECK(env, OH_JSVM_IsTypedarray(env, typed, &isTyped), nullptr);
    JSVM_CHECK(env, OH_JSVM_StrictEquals(env, typedBuffer, buffer, &sameBuffer), nullptr);
    OH_LOG_INFO(LOG_APP,
                "JSVM OH_JSVM_GetTypedarrayInfo: %{public}s, length %{public}zu, byte offset %{public}zu, "
                "data at base + %{public}td, same buffer %{public}d, IsTypedarray %{public}d",
                TypedArrayName(type), length, byteOffset, static_cast<uint8_t *>(data) - static_cast<uint8_t *>(base),
                sameBuffer, isTyped);

    JSVM_Value view = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateDataview(env, 8, buffer, 8, &view), nullptr);
    size_t viewLength = 0;
    void *viewData = nullptr;
    JSVM_Value viewBuffer = nullptr;
    size_t viewOffset = 0;
    bool isView = false;
    JSVM_CHECK(env, OH_JSVM_GetDataviewInfo(env, view, &viewLength, &viewData, &viewBuffer, &viewOffset), nullptr);
    JSVM_CHECK(env, OH_JSVM_IsDataview(env, view, &isView), nullptr);
    OH_LOG_INFO(LOG_APP,
                "JSVM OH_JSVM_GetDataviewInfo: byte length %{public}zu, byte offset %{public}zu, "
                "data at base + %{public}td, IsDataview %{public}d",
                viewLength, viewOffset, static_cast<uint8_t *>(viewData) - static_cast<uint8_t *>(base), isView);
    // Native writes through the view's pointer: a little-endian 32-bit value.
    uint8_t *out = static_cast<uint8_t *>(viewData);
    uint32_t magic = 0xCAFEF00D;
    for (int i = 0; i < 4; i++) {
        out[i] = static_cast<uint8_t>(magic >> (8 * i));
    }

    JSVM_Value pair = nullptr;
    JSVM_CHECK(env, OH_JSVM_CreateArrayWithLength(env, 2, &pair), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetElement(env, pair, 0, typed), nullptr);
    JSVM_CHECK(env, OH_JSVM_SetElement(env, pair, 1, view), nullptr);
    return pair;
}

// detach(typed): detaches the shared buffer; the views lose their bytes.
static JSVM_Value Detach(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {nullptr};
    JSVM_CHECK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, nullptr, nullptr), nullptr);
    JSVM_Value buffer = nullptr;
    JSVM_CHECK(env, OH_JSVM_GetReferenceValue(env, g_bufferRef, &buffer), nullptr);
    bool before = false;
    bool after = false;
    JSVM_CHECK(env, OH_JSVM_IsDetachedArraybuffer(env, buffer, &before), nullptr);
    JSVM_CHECK(env, OH_JSVM_DetachArraybuffer(env, buffer), nullptr);
    JSVM_CHECK(env, OH_JSVM_IsDetachedArraybuffer(env, buffer, &after), nullptr);
    void *data = nullptr;
    size_t byteLength = 0;
    size_t length = 0;
    JSVM_CHECK(env, OH_JSVM_GetArraybufferInfo(env, buffer, &data, &byteLength), nullptr);
    JSVM_CHECK(env, OH_JSVM_GetTypedarrayInfo(env, argv[0], nullptr, &length, nullptr, nullptr, nullptr), nullptr);
    OH_LOG_INFO(LOG_APP,
                "JSVM OH_JSVM_DetachArraybuffer: detached %{public}d -> %{public}d, byte length %{public}zu, "
                "typed array length %{public}zu",
                before, after, byteLength, length);
    JSVM_CHECK(env, OH_JSVM_DeleteReference(env, g_bufferRef), nullptr);
    g_bufferRef = nullptr;
    return nullptr;
}

static JSVM_CallbackStruct param[] = {
    {.data = nullptr, .callback = Log},       {.data = nullptr, .callback = Range},
    {.data = nullptr, .callback = MakeBuffer}, {.data = nullptr, .callback = SumBuffer},
    {.data = nullptr, .callback = Views},     {.data = nullptr, .callback = Detach},
};
static JSVM_CallbackStruct *method = param;
static JSVM_PropertyDescriptor descriptor[] = {
    {"log", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"range", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"makeBuffer", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"sumBuffer", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"views", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
    {"detach", nullptr, method++, nullptr, nullptr, nullptr, JSVM_DEFAULT},
};

static const char *srcCallNative = R"JS(
const r = range(5);
log(`range(5) = [${r}], Array.isArray ${Array.isArray(r)}`);

const buffer = makeBuffer();
const bytes = new Uint8Array(buffer);
log(`script sees ${buffer.byteLength} bytes: ${bytes.join(' ')}`);
sumBuffer();
bytes.fill(0, 0, 4);
bytes[15] = 100;
log('script cleared bytes 0-3 and set byte 15 to 100');
sumBuffer();

const [typed, view] = views();
log(`${typed.constructor.name} at byte ${typed.byteOffset}: ${Array.from(typed, (v) => v.toString(16)).join(' ')}`);
log(`DataView.getUint32(0, true) = 0x${view.getUint32(0, true).toString(16)}, bytes 8-11: ${bytes.slice(8, 12).join(' ')}`);
typed[0] = 0xffff;
log(`typed[0] = 0xffff: bytes 4-5 are ${bytes[4]} ${bytes[5]}`);

detach(typed);
log(`after detach: buffer.byteLength ${buffer.byteLength}, bytes.length ${bytes.length}, typed.length ${typed.length}`);
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
