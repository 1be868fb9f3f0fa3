// napi_subset.cpp: exercises every function of include/napi/native_api.h
// through the host, the way a module's Init and runTest use them. Each
// check logs one line; napi_subset.expected holds the lines. Entry points:
// runTest (the checks) and second (shows --entry order and that exports
// keep their state between calls).
#include "napi/native_api.h"
#include "hilog/log.h"

#include <cstring>

#define NAPI_OK(call)                                                                          \
    do {                                                                                       \
        napi_status status_ = (call);                                                          \
        if (status_ != napi_ok) {                                                              \
            const napi_extended_error_info *info_ = nullptr;                                   \
            napi_get_last_error_info(env, &info_);                                             \
            OH_LOG_ERROR(LOG_APP, "FAILED %{public}s: status %{public}d (%{public}s)", #call, \
                         status_, info_ && info_->error_message ? info_->error_message : "");  \
            return nullptr;                                                                    \
        }                                                                                      \
    } while (0)

static const char *TypeName(napi_valuetype t)
{
    static const char *names[] = {"undefined", "null",     "boolean",  "number",   "string",
                                  "symbol",    "object",   "function", "external", "bigint"};
    return names[t];
}

static int g_calls = 0;

// answer getter: 42, with the descriptor's data pointer checked.
static napi_value Answer(napi_env env, napi_callback_info info)
{
    void *data = nullptr;
    NAPI_OK(napi_get_cb_info(env, info, nullptr, nullptr, nullptr, &data));
    napi_value v;
    NAPI_OK(napi_create_int32(env, data == &g_calls ? 42 : -1, &v));
    return v;
}

// add(a, b) made with napi_create_function; data is a scale factor.
static napi_value Add(napi_env env, napi_callback_info info)
{
    size_t argc = 3;
    napi_value argv[3];
    napi_value thisArg;
    void *data = nullptr;
    NAPI_OK(napi_get_cb_info(env, info, &argc, argv, &thisArg, &data));
    napi_valuetype third;
    NAPI_OK(napi_typeof(env, argv[2], &third));
    double a = 0, b = 0;
    NAPI_OK(napi_get_value_double(env, argv[0], &a));
    NAPI_OK(napi_get_value_double(env, argv[1], &b));
    OH_LOG_INFO(LOG_APP, "add: argc %{public}zu, missing third argument is %{public}s", argc, TypeName(third));
    napi_value sum;
    NAPI_OK(napi_create_double(env, (a + b) * *static_cast<double *>(data), &sum));
    return sum;
}

// Thrower(): throws a TypeError with a code.
static napi_value Thrower(napi_env env, napi_callback_info info)
{
    napi_throw_type_error(env, "E_TYPE", "thrown by Thrower");
    return nullptr;
}

// Ctor: called with new, stores its argument on this.
static napi_value Ctor(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value arg, thisArg, newTarget;
    NAPI_OK(napi_get_cb_info(env, info, &argc, &arg, &thisArg, nullptr));
    NAPI_OK(napi_get_new_target(env, info, &newTarget));
    OH_LOG_INFO(LOG_APP, "Ctor: new.target %{public}s", newTarget ? "set" : "missing");
    NAPI_OK(napi_set_named_property(env, thisArg, "stored", arg));
    return nullptr;
}

static double g_scale = 2;

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    g_calls++;
    napi_value exports;
    size_t argc = 0;
    NAPI_OK(napi_get_cb_info(env, info, &argc, nullptr, &exports, nullptr));
    OH_LOG_INFO(LOG_APP, "runTest: argc %{public}zu", argc);

    // Properties defined by Init.
    napi_value version, answer;
    NAPI_OK(napi_get_named_property(env, exports, "version", &version));
    char buf[64];
    size_t len;
    NAPI_OK(napi_get_value_string_utf8(env, version, buf, sizeof(buf), &len));
    NAPI_OK(napi_get_named_property(env, exports, "answer", &answer));
    int32_t answerValue = 0;
    NAPI_OK(napi_get_value_int32(env, answer, &answerValue));
    OH_LOG_INFO(LOG_APP, "exports.version = %{public}s (%{public}zu bytes), exports.answer = %{public}d", buf, len,
                answerValue);
    napi_value readOnly;
    NAPI_OK(napi_create_string_utf8(env, "changed", NAPI_AUTO_LENGTH, &readOnly));
    NAPI_OK(napi_set_named_property(env, exports, "version", readOnly));
    NAPI_OK(napi_get_named_property(env, exports, "version", &version));
    NAPI_OK(napi_get_value_string_utf8(env, version, buf, sizeof(buf), &len));
    OH_LOG_INFO(LOG_APP, "napi_default property after assignment: %{public}s", buf);

    // Values and typeof.
    napi_value values[10];
    NAPI_OK(napi_get_undefined(env, &values[0]));
    NAPI_OK(napi_get_null(env, &values[1]));
    NAPI_OK(napi_get_boolean(env, true, &values[2]));
    NAPI_OK(napi_create_double(env, 1.5, &values[3]));
    NAPI_OK(napi_create_string_utf8(env, "text", 2, &values[4]));
    NAPI_OK(napi_create_object(env, &values[5]));
    NAPI_OK(napi_get_global(env, &values[6]));
    NAPI_OK(napi_create_array_with_length(env, 4, &values[7]));
    NAPI_OK(napi_create_function(env, "add", NAPI_AUTO_LENGTH, Add, &g_scale, &values[8]));
    NAPI_OK(napi_create_array(env, &values[9]));
    for (int i = 0; i < 10; i++) {
        napi_valuetype t;
        NAPI_OK(napi_typeof(env, values[i], &t));
        OH_LOG_INFO(LOG_APP, "typeof value %{public}d: %{public}s", i, TypeName(t));
    }
    NAPI_OK(napi_get_value_string_utf8(env, values[4], nullptr, 0, &len));
    OH_LOG_INFO(LOG_APP, "string created with length 2 has %{public}zu bytes", len);

    // Numbers.
    napi_value n;
    int32_t i32;
    uint32_t u32;
    int64_t i64;
    double d;
    bool flag;
    NAPI_OK(napi_create_int32(env, -5, &n));
    NAPI_OK(napi_get_value_int32(env, n, &i32));
    NAPI_OK(napi_create_uint32(env, 4000000000u, &n));
    NAPI_OK(napi_get_value_uint32(env, n, &u32));
    NAPI_OK(napi_create_int64(env, INT64_C(1) << 40, &n));
    NAPI_OK(napi_get_value_int64(env, n, &i64));
    NAPI_OK(napi_get_value_double(env, n, &d));
    NAPI_OK(napi_get_value_bool(env, values[2], &flag));
    OH_LOG_INFO(LOG_APP, "numbers: %{public}d %{public}u %{public}lld %{public}.0f %{public}d", i32, u32,
                static_cast<long long>(i64), d, flag);

    // Properties and elements.
    napi_value obj = values[5], got;
    bool has;
    NAPI_OK(napi_set_named_property(env, obj, "name", values[4]));
    NAPI_OK(napi_has_named_property(env, obj, "name", &has));
    NAPI_OK(napi_get_named_property(env, obj, "missing", &got));
    napi_valuetype t;
    NAPI_OK(napi_typeof(env, got, &t));
    OH_LOG_INFO(LOG_APP, "obj has name: %{public}d, obj.missing is %{public}s", has, TypeName(t));
    napi_value key;
    NAPI_OK(napi_create_string_utf8(env, "k", NAPI_AUTO_LENGTH, &key));
    NAPI_OK(napi_set_property(env, obj, key, values[3]));
    NAPI_OK(napi_get_property(env, obj, key, &got));
    NAPI_OK(napi_get_value_double(env, got, &d));
    NAPI_OK(napi_has_property(env, obj, key, &has));
    OH_LOG_INFO(LOG_APP, "obj[k] = %{public}.1f, has k: %{public}d", d, has);
    NAPI_OK(napi_set_element(env, values[7], 2, values[3]));
    NAPI_OK(napi_get_element(env, values[7], 2, &got));
    NAPI_OK(napi_strict_equals(env, got, values[3], &flag));
    OH_LOG_INFO(LOG_APP, "array[2] === 1.5: %{public}d", flag);
    NAPI_OK(napi_strict_equals(env, values[0], values[1], &flag));
    OH_LOG_INFO(LOG_APP, "undefined === null: %{public}d", flag);
    napi_status st = napi_set_named_property(env, values[3], "x", values[3]);
    OH_LOG_INFO(LOG_APP, "set property on a number: status %{public}d", st);

    // Functions.
    napi_value args[2], sum;
    NAPI_OK(napi_create_int32(env, 20, &args[0]));
    NAPI_OK(napi_create_int32(env, 1, &args[1]));
    NAPI_OK(napi_call_function(env, values[6], values[8], 2, args, &sum));
    NAPI_OK(napi_get_value_double(env, sum, &d));
    OH_LOG_INFO(LOG_APP, "add(20, 1) with scale 2 = %{public}.0f", d);
    napi_value ctor, instance, stored;
    NAPI_OK(napi_create_function(env, "Ctor", NAPI_AUTO_LENGTH, Ctor, nullptr, &ctor));
    NAPI_OK(napi_new_instance(env, ctor, 1, &values[4], &instance));
    NAPI_OK(napi_get_named_property(env, instance, "stored", &stored));
    NAPI_OK(napi_strict_equals(env, stored, values[4], &flag));
    OH_LOG_INFO(LOG_APP, "new Ctor(s).stored === s: %{public}d", flag);

    // Errors and exceptions.
    napi_value thrower, result, exception;
    NAPI_OK(napi_create_function(env, "thrower", NAPI_AUTO_LENGTH, Thrower, nullptr, &thrower));
    st = napi_call_function(env, values[0], thrower, 0, nullptr, &result);
    NAPI_OK(napi_is_exception_pending(env, &flag));
    OH_LOG_INFO(LOG_APP, "call of thrower: status %{public}d, pending %{public}d", st, flag);
    NAPI_OK(napi_get_and_clear_last_exception(env, &exception));
    NAPI_OK(napi_is_error(env, exception, &flag));
    napi_value code, message;
    NAPI_OK(napi_get_named_property(env, exception, "code", &code));
    NAPI_OK(napi_get_named_property(env, exception, "message", &message));
    char codeBuf[32], messageBuf[64];
    NAPI_OK(napi_get_value_string_utf8(env, code, codeBuf, sizeof(codeBuf), &len));
    NAPI_OK(napi_get_value_string_utf8(env, message, messageBuf, sizeof(messageBuf), &len));
    OH_LOG_INFO(LOG_APP, "caught: is error %{public}d, code %{public}s, message %{public}s", flag, codeBuf,
                messageBuf);
    NAPI_OK(napi_is_exception_pending(env, &flag));
    OH_LOG_INFO(LOG_APP, "pending after clear: %{public}d", flag);
    napi_value errors[3];
    NAPI_OK(napi_create_error(env, nullptr, message, &errors[0]));
    NAPI_OK(napi_create_type_error(env, code, message, &errors[1]));
    NAPI_OK(napi_create_range_error(env, nullptr, message, &errors[2]));
    for (int i = 0; i < 3; i++) {
        NAPI_OK(napi_is_error(env, errors[i], &flag));
        OH_LOG_INFO(LOG_APP, "created error %{public}d is an error: %{public}d", i, flag);
    }
    NAPI_OK(napi_is_error(env, obj, &flag));
    OH_LOG_INFO(LOG_APP, "plain object is an error: %{public}d", flag);
    NAPI_OK(napi_throw(env, errors[2]));
    NAPI_OK(napi_get_and_clear_last_exception(env, &exception));
    NAPI_OK(napi_strict_equals(env, exception, errors[2], &flag));
    OH_LOG_INFO(LOG_APP, "napi_throw then clear gives the same value back: %{public}d", flag);
    napi_throw_error(env, nullptr, "error");
    NAPI_OK(napi_get_and_clear_last_exception(env, &exception));
    napi_throw_range_error(env, nullptr, "range");
    NAPI_OK(napi_get_and_clear_last_exception(env, &exception));

    // Statuses and last-error info.
    st = napi_get_value_double(env, values[4], &d);
    const napi_extended_error_info *error = nullptr;
    NAPI_OK(napi_get_last_error_info(env, &error));
    OH_LOG_INFO(LOG_APP, "number from a string: status %{public}d, info %{public}d \"%{public}s\"", st,
                error->error_code, error->error_message);
    st = napi_get_value_bool(env, nullptr, &flag);
    OH_LOG_INFO(LOG_APP, "NULL value: status %{public}d", st);
    st = napi_create_int32(nullptr, 1, &n);
    OH_LOG_INFO(LOG_APP, "NULL env: status %{public}d", st);
    st = napi_define_properties(env, values[3], 0, nullptr);
    OH_LOG_INFO(LOG_APP, "define properties on a number: status %{public}d", st);
    napi_property_descriptor nameless = {nullptr, nullptr, nullptr, nullptr, nullptr, values[3], napi_default, nullptr};
    st = napi_define_properties(env, obj, 1, &nameless);
    OH_LOG_INFO(LOG_APP, "descriptor without a name: status %{public}d", st);

    // Scopes.
    napi_handle_scope scope;
    NAPI_OK(napi_open_handle_scope(env, &scope));
    for (int i = 0; i < 1000; i++) {
        NAPI_OK(napi_create_object(env, &n));
    }
    NAPI_OK(napi_close_handle_scope(env, scope));
    OH_LOG_INFO(LOG_APP, "handle scope closed");

    napi_value ret;
    NAPI_OK(napi_create_string_utf8(env, "runTest done", NAPI_AUTO_LENGTH, &ret));
    return ret;
}

static napi_value Second(napi_env env, napi_callback_info info)
{
    OH_LOG_INFO(LOG_APP, "second: runTest ran %{public}d time(s) before", g_calls);
    return nullptr;
}

EXTERN_C_START
static napi_value Init(napi_env env, napi_value exports)
{
    napi_value version;
    napi_create_string_utf8(env, "1.0", NAPI_AUTO_LENGTH, &version);
    napi_property_descriptor desc[] = {
        {"runTest", nullptr, RunTest, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"second", nullptr, Second, nullptr, nullptr, nullptr, napi_default_method, nullptr},
        {"version", nullptr, nullptr, nullptr, nullptr, version, napi_enumerable, nullptr},
        {"answer", nullptr, nullptr, Answer, nullptr, nullptr, napi_default, &g_calls},
    };
    napi_status st = napi_define_properties(env, exports, sizeof(desc) / sizeof(desc[0]), desc);
    OH_LOG_INFO(LOG_APP, "Init: napi_define_properties status %{public}d", st);
    return exports;
}
EXTERN_C_END

NAPI_MODULE(napi_subset, Init)
