/*
 * fast_values.c: OH_JSVM_* of the value-type work implemented in C, like
 * fast.c and for the same reason: through Go each call pays a cgo
 * transition (~40-50 ns plus cgo's pointer checks), which for these is
 * more than the engine's own work. Measured in docs/bench.md (op g: a
 * 64-byte UTF-8 string created and read back went from 2.7x to about 1.4x
 * the plain-C baseline when these two left Go; op j, CreatePromise +
 * ResolveDeferred + checkpoint, from about 2.0x to 1.3x).
 *
 * Each function checks its arguments exactly as the Go exports do, calls
 * the same engine operation and records its status with jsvm_set_status.
 */
#include <limits.h>

#include "ops.h"
#include "journal_gen.h"
#include "promise.h"

/* Same macros as fast.c (kept local: each file is its own translation unit). */
#define CHECK_ENV(env)               \
    do {                             \
        if (!(env))                  \
            return JSVM_INVALID_ARG; \
    } while (0)
#define RETURN(env, st) return jsvm_set_status((env), (st))
#define CHECK_ARG(env, cond)                 \
    do {                                     \
        if (!(cond))                         \
            RETURN((env), JSVM_INVALID_ARG); \
    } while (0)

/* Invalid arguments of a JS-running function: the pending-exception check
 * comes first (badArgsJS in enter.go). */
#define BAD_ARGS_JS(env) RETURN((env), JS_HasException((env)->ctx) ? JSVM_PENDING_EXCEPTION : JSVM_INVALID_ARG)

/* The spec's string-length rule: NULL only with length 0; an explicit
 * length at most INT_MAX (lengthOK in enter.go). */
static inline int jsvm_length_ok(const void *str, size_t len)
{
    if (!str)
        return len == 0;
    return len == JSVM_AUTO_LENGTH || len <= INT_MAX;
}

JSVM_Status OH_JSVM_CreateStringUtf8(JSVM_Env env, const char *str, size_t length, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CreateStringUtf8, env, str, length, result);
    CHECK_ARG(env, result && jsvm_length_ok(str, length));
    RETURN(env, jsvm_op_string(env, JSVM_STR_UTF8, str, length, result));
}

/* Truncation never splits a UTF-8 sequence; without a buffer the call is a
 * length query, so result is required. */
JSVM_Status OH_JSVM_GetValueStringUtf8(JSVM_Env env, JSVM_Value value, char *buf, size_t bufsize, size_t *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && (buf || result));
    RETURN(env, jsvm_op_get_string(env, JSVM_STR_UTF8, value, buf, bufsize, result));
}

/* ---- promises (promise.c) ---- */

JSVM_Status OH_JSVM_CreatePromise(JSVM_Env env, JSVM_Deferred *deferred, JSVM_Value *promise)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CreatePromise, env, deferred, promise);
    if (!deferred || !promise)
        BAD_ARGS_JS(env);
    RETURN(env, jsvm_op_create_promise(env, deferred, promise));
}

/* The deferred is used up; using it again is JSVM_INVALID_ARG. A refused
 * call (bad value, pending exception) does not use it up. */
JSVM_Status OH_JSVM_ResolveDeferred(JSVM_Env env, JSVM_Deferred deferred, JSVM_Value resolution)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(ResolveDeferred, env, deferred, resolution);
    if (!deferred || !resolution)
        BAD_ARGS_JS(env);
    RETURN(env, jsvm_op_settle_deferred(env, deferred, resolution, 0));
}

JSVM_Status OH_JSVM_RejectDeferred(JSVM_Env env, JSVM_Deferred deferred, JSVM_Value rejection)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(RejectDeferred, env, deferred, rejection);
    if (!deferred || !rejection)
        BAD_ARGS_JS(env);
    RETURN(env, jsvm_op_settle_deferred(env, deferred, rejection, 1));
}
