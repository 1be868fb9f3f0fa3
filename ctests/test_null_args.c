/*
 * test_null_args.c: argument validation of every exported function (spec
 * §2.1): a NULL env / vm, every NULL mandatory pointer or value, and the wrong
 * value types for which the spec names a status. Plus the contents of
 * OH_JSVM_GetLastErrorInfo (message table, reset on success).
 *
 * Layout: one case per function, named after it, in the table at the bottom.
 * To cover a new function, write a NULL_CASE(Name) { ... } and add
 * CASE_ENTRY(Name) to the table; the test `table_covers_required_exports`
 * fails while a function listed in ctests/required_exports.txt has no case.
 *
 * Every case runs in a fresh VM + env with a handle scope open (f->env,
 * f->vm). EXPECT_INVALID first makes a successful call so that the env's last
 * error is JSVM_OK, then checks that the call returns JSVM_INVALID_ARG and
 * that exactly this status was recorded (a function that forgets to record
 * its failure is caught). Invalid-argument failures must not leave an
 * exception pending; this is checked after each case.
 */
/* OH_JSVM_CreateArrayBufferFromExternalMemory is declared only with this */
#define JSVM_EXPERIMENTAL
#include <stdint.h>

#include "common.h"

/* ---- helpers ---- */

/* Makes the env's last error JSVM_OK with a call that cannot fail. */
static void prime(JSVM_Env env)
{
    JSVM_Value u = NULL;
    const JSVM_ExtendedErrorInfo *info = NULL;
    if (OH_JSVM_GetUndefined(env, &u) != JSVM_OK || OH_JSVM_GetLastErrorInfo(env, &info) != JSVM_OK || !info ||
        info->errorCode != JSVM_OK)
        jt_fail(__FILE__, __LINE__, "priming call did not record JSVM_OK");
}

/* call (on env) returns want, recorded as env's last error; env's last error was OK before. */
#define EXPECT_ST(env, call, want)               \
    do {                                         \
        prime(env);                              \
        EXPECT_STATUS((env), (call), (want));    \
    } while (0)
#define EXPECT_INVALID(env, call) EXPECT_ST((env), (call), JSVM_INVALID_ARG)
#define EXPECT_OK(env, call) EXPECT_ST((env), (call), JSVM_OK)

/* A call with a NULL env or vm: JSVM_INVALID_ARG, nothing to record. */
#define EXPECT_NULL_HANDLE(call) EXPECT_VM_STATUS((call), JSVM_INVALID_ARG)

/* A sentinel handle value, to check that outputs are left alone on failure. */
#define SENTINEL ((JSVM_Value)(uintptr_t)0x5e17)

static JSVM_Value run(JSVM_Env env, const char *src) { return JT_RUN(env, src); }

static JSVM_Value num(JSVM_Env env, double d)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateDouble(env, d, &v));
    return v;
}

static JSVM_Value str(JSVM_Env env, const char *s)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, s, JSVM_AUTO_LENGTH, &v));
    return v;
}

static JSVM_Value undef(JSVM_Env env)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_GetUndefined(env, &v));
    return v;
}

static JSVM_Script compile(JSVM_Env env, const char *src)
{
    JSVM_Script s = NULL;
    CHECK_OK(env, OH_JSVM_CompileScript(env, str(env, src), NULL, 0, false, NULL, &s));
    return s;
}

/* After a case: no exception may be pending (clears it if one is). */
static void expect_no_exception(JSVM_Env env)
{
    bool pending = false;
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &pending));
    if (pending) {
        JSVM_Value e = NULL;
        OH_JSVM_GetAndClearLastException(env, &e);
        jt_fail(__FILE__, __LINE__, "an exception was left pending");
    }
}

/* Clears the exception that the previous call was expected to leave pending. */
static void expect_and_clear_exception(JSVM_Env env)
{
    bool pending = false;
    JSVM_Value e = NULL;
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &pending));
    EXPECT_TRUE(pending);
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
}

/* NULL_CASE(Name) { body using f->env, f->vm } defines the case for OH_JSVM_Name. */
#define NULL_CASE(name)                                     \
    static void nc_##name(jt_fixture *f);                   \
    static void t_##name(void)                              \
    {                                                       \
        jt_fixture fx;                                      \
        jt_setup(&fx);                                      \
        nc_##name(&fx);                                     \
        expect_no_exception(fx.env);                        \
        jt_teardown(&fx);                                   \
    }                                                       \
    static void nc_##name(jt_fixture *f)

/* =====================================================================
 * Process init & VM lifecycle
 * ===================================================================== */

NULL_CASE(Init)
{
    (void)f;
    /* options may be NULL; the process is already initialised. */
    EXPECT_VM_STATUS(OH_JSVM_Init(NULL), JSVM_GENERIC_FAILURE);
}

NULL_CASE(CreateVM)
{
    (void)f;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateVM(NULL, NULL));
    JSVM_VM vm = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(NULL, &vm), JSVM_OK);
    EXPECT_TRUE(vm != NULL);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm), JSVM_OK);
}

NULL_CASE(DestroyVM)
{
    (void)f;
    EXPECT_NULL_HANDLE(OH_JSVM_DestroyVM(NULL));
}

NULL_CASE(CreateSnapshot)
{
    const char *blob = NULL;
    size_t size = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateSnapshot(NULL, 1, &f->env, &blob, &size));
    EXPECT_NULL_HANDLE(OH_JSVM_CreateSnapshot(f->vm, 1, &f->env, NULL, &size));
    EXPECT_NULL_HANDLE(OH_JSVM_CreateSnapshot(f->vm, 1, &f->env, &blob, NULL));
    EXPECT_NULL_HANDLE(OH_JSVM_CreateSnapshot(f->vm, 1, NULL, &blob, &size));
    /* the fixture's VM was not created for snapshotting */
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(f->vm, 1, &f->env, &blob, &size), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(blob == NULL && size == 0);
}

NULL_CASE(CreateEnvFromSnapshot)
{
    JSVM_Env env = (JSVM_Env)SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateEnvFromSnapshot(NULL, 0, &env));
    EXPECT_NULL_HANDLE(OH_JSVM_CreateEnvFromSnapshot(f->vm, 0, NULL));
    /* the fixture's VM has no snapshot */
    EXPECT_VM_STATUS(OH_JSVM_CreateEnvFromSnapshot(f->vm, 0, &env), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(env == NULL);
}

NULL_CASE(GetVM)
{
    JSVM_VM vm = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetVM(NULL, &vm));
    EXPECT_TRUE(vm == NULL);
    EXPECT_INVALID(f->env, OH_JSVM_GetVM(f->env, NULL));
    EXPECT_OK(f->env, OH_JSVM_GetVM(f->env, &vm));
    EXPECT_TRUE(vm == f->vm);
}

/* =====================================================================
 * Env lifecycle
 * ===================================================================== */

NULL_CASE(CreateEnv)
{
    JSVM_Env env = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateEnv(NULL, 0, NULL, &env));
    EXPECT_NULL_HANDLE(OH_JSVM_CreateEnv(f->vm, 0, NULL, NULL));
    /* propertyCount > 0 needs the descriptors. */
    EXPECT_NULL_HANDLE(OH_JSVM_CreateEnv(f->vm, 1, NULL, &env));
    EXPECT_TRUE(env == NULL);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f->vm, 0, NULL, &env), JSVM_OK);
    EXPECT_TRUE(env != NULL);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);
}

NULL_CASE(DestroyEnv)
{
    (void)f;
    EXPECT_NULL_HANDLE(OH_JSVM_DestroyEnv(NULL));
}

/* =====================================================================
 * Scopes
 * ===================================================================== */

NULL_CASE(OpenVMScope)
{
    JSVM_VMScope s = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_OpenVMScope(NULL, &s));
    EXPECT_NULL_HANDLE(OH_JSVM_OpenVMScope(f->vm, NULL));
    EXPECT_TRUE(s == NULL);
}

NULL_CASE(CloseVMScope)
{
    JSVM_VMScope s = NULL;
    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(f->vm, &s), JSVM_OK);
    EXPECT_NULL_HANDLE(OH_JSVM_CloseVMScope(NULL, s));
    EXPECT_NULL_HANDLE(OH_JSVM_CloseVMScope(f->vm, NULL));
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(f->vm, s), JSVM_OK);
}

NULL_CASE(OpenEnvScope)
{
    JSVM_EnvScope s = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_OpenEnvScope(NULL, &s));
    EXPECT_INVALID(f->env, OH_JSVM_OpenEnvScope(f->env, NULL));
    EXPECT_TRUE(s == NULL);
}

NULL_CASE(CloseEnvScope)
{
    JSVM_EnvScope s = NULL;
    CHECK_OK(f->env, OH_JSVM_OpenEnvScope(f->env, &s));
    EXPECT_NULL_HANDLE(OH_JSVM_CloseEnvScope(NULL, s));
    EXPECT_INVALID(f->env, OH_JSVM_CloseEnvScope(f->env, NULL));
    EXPECT_OK(f->env, OH_JSVM_CloseEnvScope(f->env, s));
}

NULL_CASE(OpenHandleScope)
{
    JSVM_HandleScope s = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_OpenHandleScope(NULL, &s));
    EXPECT_INVALID(f->env, OH_JSVM_OpenHandleScope(f->env, NULL));
    EXPECT_TRUE(s == NULL);
}

NULL_CASE(CloseHandleScope)
{
    JSVM_HandleScope s = NULL;
    CHECK_OK(f->env, OH_JSVM_OpenHandleScope(f->env, &s));
    EXPECT_NULL_HANDLE(OH_JSVM_CloseHandleScope(NULL, s));
    EXPECT_INVALID(f->env, OH_JSVM_CloseHandleScope(f->env, NULL));
    EXPECT_OK(f->env, OH_JSVM_CloseHandleScope(f->env, s));
}

NULL_CASE(OpenEscapableHandleScope)
{
    JSVM_EscapableHandleScope s = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_OpenEscapableHandleScope(NULL, &s));
    EXPECT_INVALID(f->env, OH_JSVM_OpenEscapableHandleScope(f->env, NULL));
    EXPECT_TRUE(s == NULL);
}

NULL_CASE(CloseEscapableHandleScope)
{
    JSVM_EscapableHandleScope s = NULL;
    CHECK_OK(f->env, OH_JSVM_OpenEscapableHandleScope(f->env, &s));
    EXPECT_NULL_HANDLE(OH_JSVM_CloseEscapableHandleScope(NULL, s));
    EXPECT_INVALID(f->env, OH_JSVM_CloseEscapableHandleScope(f->env, NULL));
    EXPECT_OK(f->env, OH_JSVM_CloseEscapableHandleScope(f->env, s));
}

NULL_CASE(EscapeHandle)
{
    JSVM_Env env = f->env;
    JSVM_EscapableHandleScope s = NULL;
    CHECK_OK(env, OH_JSVM_OpenEscapableHandleScope(env, &s));
    JSVM_Value v = num(env, 1), out = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_EscapeHandle(NULL, s, v, &out));
    EXPECT_INVALID(env, OH_JSVM_EscapeHandle(env, NULL, v, &out));
    EXPECT_INVALID(env, OH_JSVM_EscapeHandle(env, s, NULL, &out));
    EXPECT_INVALID(env, OH_JSVM_EscapeHandle(env, s, v, NULL));
    EXPECT_TRUE(out == SENTINEL);
    /* None of the failures used up the scope's one escape. */
    EXPECT_OK(env, OH_JSVM_EscapeHandle(env, s, v, &out));
    CHECK_OK(env, OH_JSVM_CloseEscapableHandleScope(env, s));
    double d = 0;
    CHECK_OK(env, OH_JSVM_GetValueDouble(env, out, &d));
    EXPECT_TRUE(d == 1);
}

/* =====================================================================
 * Locking
 * ===================================================================== */

NULL_CASE(IsLocked)
{
    bool locked = true;
    EXPECT_NULL_HANDLE(OH_JSVM_IsLocked(NULL, &locked));
    EXPECT_INVALID(f->env, OH_JSVM_IsLocked(f->env, NULL));
    EXPECT_OK(f->env, OH_JSVM_IsLocked(f->env, &locked));
    EXPECT_TRUE(!locked);
}

NULL_CASE(AcquireLock)
{
    EXPECT_NULL_HANDLE(OH_JSVM_AcquireLock(NULL));
    EXPECT_OK(f->env, OH_JSVM_AcquireLock(f->env));
    EXPECT_OK(f->env, OH_JSVM_ReleaseLock(f->env));
}

NULL_CASE(ReleaseLock)
{
    CHECK_OK(f->env, OH_JSVM_AcquireLock(f->env));
    EXPECT_NULL_HANDLE(OH_JSVM_ReleaseLock(NULL));
    bool locked = false;
    CHECK_OK(f->env, OH_JSVM_IsLocked(f->env, &locked));
    EXPECT_TRUE(locked); /* the NULL call released nothing */
    EXPECT_OK(f->env, OH_JSVM_ReleaseLock(f->env));
}

/* =====================================================================
 * Scripts
 * ===================================================================== */

NULL_CASE(CompileScript)
{
    JSVM_Env env = f->env;
    JSVM_Value src = str(env, "1 + 1");
    JSVM_Script s = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_CompileScript(NULL, src, NULL, 0, false, NULL, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScript(env, NULL, NULL, 0, false, NULL, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScript(env, src, NULL, 0, false, NULL, NULL));
    EXPECT_ST(env, OH_JSVM_CompileScript(env, num(env, 42), NULL, 0, false, NULL, &s), JSVM_STRING_EXPECTED);
    EXPECT_ST(env, OH_JSVM_CompileScript(env, run(env, "({})"), NULL, 0, false, NULL, &s), JSVM_STRING_EXPECTED);
    EXPECT_ST(env, OH_JSVM_CompileScript(env, undef(env), NULL, 0, false, NULL, &s), JSVM_STRING_EXPECTED);
    EXPECT_TRUE(s == NULL);
    EXPECT_OK(env, OH_JSVM_CompileScript(env, src, NULL, 0, false, NULL, &s));
    EXPECT_TRUE(s != NULL);
}

NULL_CASE(CompileScriptWithOrigin)
{
    JSVM_Env env = f->env;
    JSVM_Value src = str(env, "1 + 1");
    JSVM_ScriptOrigin origin = {NULL, "test.js", 0, 0}, noname = {NULL, NULL, 0, 0};
    JSVM_Script s = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_CompileScriptWithOrigin(NULL, src, NULL, 0, false, NULL, &origin, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOrigin(env, NULL, NULL, 0, false, NULL, &origin, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOrigin(env, src, NULL, 0, false, NULL, &origin, NULL));
    /* origin and its resourceName are required. */
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOrigin(env, src, NULL, 0, false, NULL, NULL, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOrigin(env, src, NULL, 0, false, NULL, &noname, &s));
    EXPECT_ST(env, OH_JSVM_CompileScriptWithOrigin(env, num(env, 42), NULL, 0, false, NULL, &origin, &s),
              JSVM_STRING_EXPECTED);
    EXPECT_TRUE(s == NULL);
    EXPECT_OK(env, OH_JSVM_CompileScriptWithOrigin(env, src, NULL, 0, false, NULL, &origin, &s));
    EXPECT_TRUE(s != NULL);
}

NULL_CASE(RunScript)
{
    JSVM_Env env = f->env;
    JSVM_Script s = compile(env, "globalThis.runs = (globalThis.runs || 0) + 1");
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_RunScript(NULL, s, &r));
    EXPECT_INVALID(env, OH_JSVM_RunScript(env, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_RunScript(env, s, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_RunScript(env, s, &r));
    /* None of the failing calls ran the script. */
    JT_ASSERT_JS(env, "runs === 1");
}

NULL_CASE(RetainScript)
{
    JSVM_Env env = f->env;
    JSVM_Script s = compile(env, "1");
    EXPECT_NULL_HANDLE(OH_JSVM_RetainScript(NULL, s));
    EXPECT_INVALID(env, OH_JSVM_RetainScript(env, NULL));
    EXPECT_OK(env, OH_JSVM_RetainScript(env, s));
    EXPECT_OK(env, OH_JSVM_ReleaseScript(env, s));
}

NULL_CASE(ReleaseScript)
{
    JSVM_Env env = f->env;
    JSVM_Script s = compile(env, "1");
    CHECK_OK(env, OH_JSVM_RetainScript(env, s));
    EXPECT_NULL_HANDLE(OH_JSVM_ReleaseScript(NULL, s));
    EXPECT_INVALID(env, OH_JSVM_ReleaseScript(env, NULL));
    EXPECT_OK(env, OH_JSVM_ReleaseScript(env, s));
}

/* A cache of "1 + 1" (owned by the library; release it). */
static const uint8_t *cache_of(JSVM_Env env, size_t *len)
{
    const uint8_t *data = NULL;
    CHECK_OK(env, OH_JSVM_CreateCodeCache(env, compile(env, "1 + 1"), &data, len));
    return data;
}

NULL_CASE(CompileScriptWithOptions)
{
    JSVM_Env env = f->env;
    JSVM_Value src = str(env, "1 + 1");
    size_t len = 0;
    const uint8_t *data = cache_of(env, &len);
    JSVM_CodeCache cc = {(uint8_t *)data, len};
    JSVM_CompileOptions opts[2] = {{JSVM_COMPILE_MODE, {.num = JSVM_COMPILE_MODE_CONSUME_CODE_CACHE}},
                                   {JSVM_COMPILE_CODE_CACHE, {.ptr = &cc}}};
    JSVM_CompileOptions bad_mode = {JSVM_COMPILE_MODE, {.num = 5}};
    JSVM_ScriptOrigin noname = {NULL, NULL, 0, 0};
    JSVM_CompileOptions bad_origin = {JSVM_COMPILE_SCRIPT_ORIGIN, {.ptr = &noname}};
    JSVM_Script s = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_CompileScriptWithOptions(NULL, src, 2, opts, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOptions(env, NULL, 2, opts, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOptions(env, src, 2, opts, NULL));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOptions(env, src, 2, NULL, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOptions(env, src, 1, &bad_mode, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOptions(env, src, 1, &bad_origin, &s));
    EXPECT_INVALID(env, OH_JSVM_CompileScriptWithOptions(env, src, 1, opts, &s)); /* CONSUME without a cache */
    EXPECT_ST(env, OH_JSVM_CompileScriptWithOptions(env, num(env, 42), 2, opts, &s), JSVM_STRING_EXPECTED);
    EXPECT_ST(env, OH_JSVM_CompileScriptWithOptions(env, undef(env), 0, NULL, &s), JSVM_STRING_EXPECTED);
    EXPECT_TRUE(s == NULL);
    EXPECT_OK(env, OH_JSVM_CompileScriptWithOptions(env, src, 0, NULL, &s));
    EXPECT_OK(env, OH_JSVM_CompileScriptWithOptions(env, src, 2, opts, &s));
    EXPECT_TRUE(s != NULL);
    EXPECT_OK(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS));
}

NULL_CASE(CreateCodeCache)
{
    JSVM_Env env = f->env;
    JSVM_Script s = compile(env, "1 + 1");
    const uint8_t *data = (const uint8_t *)SENTINEL;
    size_t len = 7;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateCodeCache(NULL, s, &data, &len));
    EXPECT_INVALID(env, OH_JSVM_CreateCodeCache(env, NULL, &data, &len));
    EXPECT_INVALID(env, OH_JSVM_CreateCodeCache(env, s, NULL, &len));
    EXPECT_INVALID(env, OH_JSVM_CreateCodeCache(env, s, &data, NULL));
    EXPECT_TRUE(data == (const uint8_t *)SENTINEL && len == 7);
    EXPECT_OK(env, OH_JSVM_CreateCodeCache(env, s, &data, &len));
    EXPECT_TRUE(data != NULL && len > 0);
    EXPECT_OK(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS));
}

NULL_CASE(ReleaseCache)
{
    JSVM_Env env = f->env;
    size_t len = 0;
    const uint8_t *data = cache_of(env, &len);
    uint8_t foreign[8] = {0};
    EXPECT_NULL_HANDLE(OH_JSVM_ReleaseCache(NULL, data, JSVM_CACHE_TYPE_JS));
    EXPECT_INVALID(env, OH_JSVM_ReleaseCache(env, NULL, JSVM_CACHE_TYPE_JS));
    EXPECT_INVALID(env, OH_JSVM_ReleaseCache(env, data, (JSVM_CacheType)9));
    EXPECT_INVALID(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_WASM));
    EXPECT_INVALID(env, OH_JSVM_ReleaseCache(env, foreign, JSVM_CACHE_TYPE_JS));
    EXPECT_OK(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS));
    EXPECT_INVALID(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS)); /* twice */
}

NULL_CASE(BackgroundDeserialize)
{
    JSVM_Env env = f->env;
    size_t len = 0;
    const uint8_t *data = cache_of(env, &len);
    JSVM_CodeCache cc = {(uint8_t *)data, len}, empty = {(uint8_t *)data, 0}, none = {NULL, len};
    JSVM_DeserializeResult r = (JSVM_DeserializeResult)SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_BackgroundDeserialize(NULL, cc, &r));
    EXPECT_TRUE(r == NULL); /* *result is cleared on failure */
    EXPECT_NULL_HANDLE(OH_JSVM_BackgroundDeserialize(f->vm, cc, NULL));
    r = (JSVM_DeserializeResult)SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_BackgroundDeserialize(f->vm, empty, &r));
    EXPECT_TRUE(r == NULL);
    r = (JSVM_DeserializeResult)SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_BackgroundDeserialize(f->vm, none, &r));
    EXPECT_TRUE(r == NULL);
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f->vm, cc, &r), JSVM_OK);
    EXPECT_TRUE(r != NULL);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);
    EXPECT_OK(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS));
}

NULL_CASE(ReleaseDeserializeResult)
{
    JSVM_Env env = f->env;
    size_t len = 0;
    const uint8_t *data = cache_of(env, &len);
    JSVM_CodeCache cc = {(uint8_t *)data, len};
    JSVM_DeserializeResult r = NULL;
    uint64_t foreign[8] = {0};
    EXPECT_NULL_HANDLE(OH_JSVM_ReleaseDeserializeResult(NULL));
    EXPECT_NULL_HANDLE(OH_JSVM_ReleaseDeserializeResult((JSVM_DeserializeResult)foreign));
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f->vm, cc, &r), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);
    EXPECT_NULL_HANDLE(OH_JSVM_ReleaseDeserializeResult(r)); /* twice */
    EXPECT_OK(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS));
}

/* =====================================================================
 * Value creation
 * ===================================================================== */

NULL_CASE(CreateArray)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateArray(NULL, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateArray(f->env, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateArrayWithLength)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateArrayWithLength(NULL, 3, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateArrayWithLength(f->env, 3, NULL));
    EXPECT_INVALID(f->env, OH_JSVM_CreateArrayWithLength(f->env, (size_t)UINT32_MAX + 1, &v));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateObject)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateObject(NULL, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateObject(f->env, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateInt32)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateInt32(NULL, 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateInt32(f->env, 1, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateUint32)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateUint32(NULL, 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateUint32(f->env, 1, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateInt64)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateInt64(NULL, 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateInt64(f->env, 1, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateDouble)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateDouble(NULL, 1.5, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateDouble(f->env, 1.5, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateStringUtf8)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateStringUtf8(NULL, "a", 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringUtf8(f->env, "a", 1, NULL));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringUtf8(f->env, NULL, 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringUtf8(f->env, NULL, JSVM_AUTO_LENGTH, &v));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateStringLatin1)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateStringLatin1(NULL, "a", 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringLatin1(f->env, "a", 1, NULL));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringLatin1(f->env, NULL, 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringLatin1(f->env, NULL, JSVM_AUTO_LENGTH, &v));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(CreateStringUtf16)
{
    static const char16_t a[] = {'a', 0};
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateStringUtf16(NULL, a, 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringUtf16(f->env, a, 1, NULL));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringUtf16(f->env, NULL, 1, &v));
    EXPECT_INVALID(f->env, OH_JSVM_CreateStringUtf16(f->env, NULL, JSVM_AUTO_LENGTH, &v));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(GetBoolean)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetBoolean(NULL, true, &v));
    EXPECT_INVALID(f->env, OH_JSVM_GetBoolean(f->env, true, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(GetGlobal)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetGlobal(NULL, &v));
    EXPECT_INVALID(f->env, OH_JSVM_GetGlobal(f->env, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(GetNull)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetNull(NULL, &v));
    EXPECT_INVALID(f->env, OH_JSVM_GetNull(f->env, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

NULL_CASE(GetUndefined)
{
    JSVM_Value v = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetUndefined(NULL, &v));
    EXPECT_INVALID(f->env, OH_JSVM_GetUndefined(f->env, NULL));
    EXPECT_TRUE(v == SENTINEL);
}

/* =====================================================================
 * Value extraction
 * ===================================================================== */

NULL_CASE(GetValueBool)
{
    JSVM_Env env = f->env;
    JSVM_Value t = NULL;
    CHECK_OK(env, OH_JSVM_GetBoolean(env, true, &t));
    bool b = false;
    EXPECT_NULL_HANDLE(OH_JSVM_GetValueBool(NULL, t, &b));
    EXPECT_INVALID(env, OH_JSVM_GetValueBool(env, NULL, &b));
    EXPECT_INVALID(env, OH_JSVM_GetValueBool(env, t, NULL));
    EXPECT_ST(env, OH_JSVM_GetValueBool(env, num(env, 1), &b), JSVM_BOOLEAN_EXPECTED);
    EXPECT_ST(env, OH_JSVM_GetValueBool(env, str(env, "true"), &b), JSVM_BOOLEAN_EXPECTED);
    EXPECT_TRUE(b == false);
}

/* The four number getters share their rules. */
#define NUMBER_GETTER_CASE(name, ctype)                                                        \
    NULL_CASE(name)                                                                            \
    {                                                                                          \
        JSVM_Env env = f->env;                                                                 \
        JSVM_Value n = num(env, 7);                                                            \
        ctype out = 0;                                                                         \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, n, &out));                                     \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, &out));                                  \
        EXPECT_INVALID(env, OH_JSVM_##name(env, n, NULL));                                     \
        EXPECT_ST(env, OH_JSVM_##name(env, str(env, "7"), &out), JSVM_NUMBER_EXPECTED);        \
        EXPECT_ST(env, OH_JSVM_##name(env, undef(env), &out), JSVM_NUMBER_EXPECTED);           \
        EXPECT_ST(env, OH_JSVM_##name(env, run(env, "7n"), &out), JSVM_NUMBER_EXPECTED);       \
        EXPECT_TRUE(out == 0);                                                                 \
        EXPECT_OK(env, OH_JSVM_##name(env, n, &out));                                          \
        EXPECT_TRUE(out == 7);                                                                 \
    }
NUMBER_GETTER_CASE(GetValueDouble, double)
NUMBER_GETTER_CASE(GetValueInt32, int32_t)
NUMBER_GETTER_CASE(GetValueUint32, uint32_t)
NUMBER_GETTER_CASE(GetValueInt64, int64_t)

/* The three string getters share their rules. */
#define STRING_GETTER_CASE(name, ctype)                                                          \
    NULL_CASE(name)                                                                              \
    {                                                                                            \
        JSVM_Env env = f->env;                                                                   \
        JSVM_Value s = str(env, "abc");                                                          \
        ctype buf[8];                                                                            \
        size_t n = 99;                                                                           \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, s, buf, 8, &n));                                 \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, buf, 8, &n));                              \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, NULL, 0, &n));                             \
        /* a length query needs somewhere to put the length */                                   \
        EXPECT_INVALID(env, OH_JSVM_##name(env, s, NULL, 0, NULL));                              \
        EXPECT_ST(env, OH_JSVM_##name(env, num(env, 1), buf, 8, &n), JSVM_STRING_EXPECTED);      \
        EXPECT_ST(env, OH_JSVM_##name(env, num(env, 1), NULL, 0, &n), JSVM_STRING_EXPECTED);     \
        EXPECT_EQ_INT(n, 99);                                                                    \
        EXPECT_OK(env, OH_JSVM_##name(env, s, NULL, 0, &n));                                     \
        EXPECT_EQ_INT(n, 3);                                                                     \
        EXPECT_OK(env, OH_JSVM_##name(env, s, buf, 8, NULL));                                    \
        EXPECT_TRUE(buf[0] == 'a' && buf[3] == 0);                                               \
    }
STRING_GETTER_CASE(GetValueStringUtf8, char)
STRING_GETTER_CASE(GetValueStringLatin1, char)
STRING_GETTER_CASE(GetValueStringUtf16, char16_t)

/* =====================================================================
 * Functions and callbacks
 * ===================================================================== */

static JSVM_Value cb_return_7(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    JSVM_Value v = NULL;
    OH_JSVM_CreateInt32(env, 7, &v);
    return v;
}
static JSVM_CallbackStruct cb7 = {cb_return_7, NULL};

NULL_CASE(CallFunction)
{
    JSVM_Env env = f->env;
    JSVM_Value fn = run(env, "(function () { globalThis.calls = (globalThis.calls || 0) + 1; return 5; })");
    JSVM_Value recv = undef(env), arg = num(env, 1), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CallFunction(NULL, recv, fn, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CallFunction(env, NULL, fn, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CallFunction(env, recv, NULL, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CallFunction(env, recv, fn, 1, NULL, &r));
    /* Not a function: JSVM_INVALID_ARG, and nothing thrown. */
    EXPECT_INVALID(env, OH_JSVM_CallFunction(env, recv, arg, 1, &arg, &r));
    EXPECT_INVALID(env, OH_JSVM_CallFunction(env, recv, str(env, "f"), 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CallFunction(env, recv, run(env, "({})"), 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CallFunction(env, recv, undef(env), 0, NULL, &r));
    EXPECT_TRUE(r == SENTINEL);
    expect_no_exception(env);
    JT_ASSERT_JS(env, "globalThis.calls === undefined");
    /* result is optional; argv may be NULL when argc is 0. */
    EXPECT_OK(env, OH_JSVM_CallFunction(env, recv, fn, 0, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_CallFunction(env, recv, fn, 1, &arg, &r));
    JT_ASSERT_JS(env, "globalThis.calls === 2");
}

NULL_CASE(CreateFunction)
{
    JSVM_Env env = f->env;
    JSVM_Value fn = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateFunction(NULL, "f", JSVM_AUTO_LENGTH, &cb7, &fn));
    EXPECT_INVALID(env, OH_JSVM_CreateFunction(env, "f", JSVM_AUTO_LENGTH, NULL, &fn));
    EXPECT_INVALID(env, OH_JSVM_CreateFunction(env, "f", JSVM_AUTO_LENGTH, &cb7, NULL));
    EXPECT_TRUE(fn == SENTINEL);
    /* The name is optional. */
    EXPECT_OK(env, OH_JSVM_CreateFunction(env, NULL, 0, &cb7, &fn));
    JSVM_Value r = NULL;
    int32_t i = 0;
    CHECK_OK(env, OH_JSVM_CallFunction(env, undef(env), fn, 0, NULL, &r));
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, r, &i));
    EXPECT_EQ_INT(i, 7);
}

NULL_CASE(CreateFunctionWithScript)
{
    JSVM_Env env = f->env;
    JSVM_Value body = str(env, "return a + 1;"), params[1] = {str(env, "a")}, bad[1] = {num(env, 1)};
    JSVM_Value fn = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateFunctionWithScript(NULL, "f", JSVM_AUTO_LENGTH, 1, params, body, &fn));
    EXPECT_INVALID(env, OH_JSVM_CreateFunctionWithScript(env, "f", JSVM_AUTO_LENGTH, 1, params, NULL, &fn));
    EXPECT_INVALID(env, OH_JSVM_CreateFunctionWithScript(env, "f", JSVM_AUTO_LENGTH, 1, params, body, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateFunctionWithScript(env, "f", JSVM_AUTO_LENGTH, 1, NULL, body, &fn));
    EXPECT_ST(env, OH_JSVM_CreateFunctionWithScript(env, "f", JSVM_AUTO_LENGTH, 1, params, num(env, 1), &fn),
              JSVM_STRING_EXPECTED);
    EXPECT_ST(env, OH_JSVM_CreateFunctionWithScript(env, "f", JSVM_AUTO_LENGTH, 1, bad, body, &fn),
              JSVM_STRING_EXPECTED);
    EXPECT_TRUE(fn == SENTINEL);
    /* funcName optional. */
    EXPECT_OK(env, OH_JSVM_CreateFunctionWithScript(env, NULL, 0, 1, params, body, &fn));
    JSVM_Value arg = num(env, 41), r = NULL;
    int32_t i = 0;
    CHECK_OK(env, OH_JSVM_CallFunction(env, undef(env), fn, 1, &arg, &r));
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, r, &i));
    EXPECT_EQ_INT(i, 42);
}

/* Callback checks: which one is chosen by the callback's data. */
enum { CB_INFO = 1, CB_NEW_TARGET = 2 };
static int cb_ran;

static JSVM_Value cb_checks(JSVM_Env env, JSVM_CallbackInfo info)
{
    void *data = NULL;
    size_t argc = 2;
    JSVM_Value argv[2] = {SENTINEL, SENTINEL}, nt = SENTINEL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, NULL, &data));
    int which = data ? *(int *)data : 0;
    if (which == CB_INFO) {
        EXPECT_NULL_HANDLE(OH_JSVM_GetCbInfo(NULL, info, &argc, argv, NULL, NULL));
        EXPECT_INVALID(env, OH_JSVM_GetCbInfo(env, NULL, &argc, argv, NULL, NULL));
        /* argv needs argc (its capacity). */
        EXPECT_INVALID(env, OH_JSVM_GetCbInfo(env, info, NULL, argv, NULL, NULL));
        EXPECT_TRUE(argv[0] == SENTINEL && argc == 2);
        /* Every output is optional. */
        EXPECT_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, NULL, NULL));
        EXPECT_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, NULL, NULL));
        EXPECT_EQ_INT(argc, 1);
        cb_ran |= CB_INFO;
    } else if (which == CB_NEW_TARGET) {
        EXPECT_NULL_HANDLE(OH_JSVM_GetNewTarget(NULL, info, &nt));
        EXPECT_INVALID(env, OH_JSVM_GetNewTarget(env, NULL, &nt));
        EXPECT_INVALID(env, OH_JSVM_GetNewTarget(env, info, NULL));
        EXPECT_TRUE(nt == SENTINEL);
        EXPECT_OK(env, OH_JSVM_GetNewTarget(env, info, &nt));
        EXPECT_TRUE(nt != NULL && nt != SENTINEL); /* a construct call */
        cb_ran |= CB_NEW_TARGET;
    } else {
        jt_fail(__FILE__, __LINE__, "callback data lost");
    }
    return NULL;
}

static int cb_info_kind = CB_INFO, cb_nt_kind = CB_NEW_TARGET;
static JSVM_CallbackStruct cb_info_struct = {cb_checks, &cb_info_kind};
static JSVM_CallbackStruct cb_nt_struct = {cb_checks, &cb_nt_kind};

NULL_CASE(GetCbInfo)
{
    JSVM_Env env = f->env;
    size_t argc = 0;
    /* No callback info outside a callback. */
    EXPECT_INVALID(env, OH_JSVM_GetCbInfo(env, NULL, &argc, NULL, NULL, NULL));
    JSVM_Value fn = NULL, arg = num(env, 3);
    CHECK_OK(env, OH_JSVM_CreateFunction(env, "checks", JSVM_AUTO_LENGTH, &cb_info_struct, &fn));
    cb_ran = 0;
    CHECK_OK(env, OH_JSVM_CallFunction(env, undef(env), fn, 1, &arg, NULL));
    EXPECT_EQ_INT(cb_ran, CB_INFO);
}

NULL_CASE(GetNewTarget)
{
    JSVM_Env env = f->env;
    JSVM_Value nt = SENTINEL;
    EXPECT_INVALID(env, OH_JSVM_GetNewTarget(env, NULL, &nt));
    EXPECT_TRUE(nt == SENTINEL);
    JSVM_Value fn = NULL, obj = NULL;
    CHECK_OK(env, OH_JSVM_CreateFunction(env, "Checks", JSVM_AUTO_LENGTH, &cb_nt_struct, &fn));
    cb_ran = 0;
    CHECK_OK(env, OH_JSVM_NewInstance(env, fn, 0, NULL, &obj));
    EXPECT_EQ_INT(cb_ran, CB_NEW_TARGET);
}

NULL_CASE(NewInstance)
{
    JSVM_Env env = f->env;
    JSVM_Value ctor = run(env, "(function C(x) { this.x = x; globalThis.made = (globalThis.made || 0) + 1; })");
    JSVM_Value arg = num(env, 9), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_NewInstance(NULL, ctor, 1, &arg, &r));
    EXPECT_INVALID(env, OH_JSVM_NewInstance(env, NULL, 1, &arg, &r));
    EXPECT_INVALID(env, OH_JSVM_NewInstance(env, ctor, 1, &arg, NULL));
    EXPECT_INVALID(env, OH_JSVM_NewInstance(env, ctor, 1, NULL, &r));
    /* Not a function: JSVM_INVALID_ARG, nothing thrown. */
    EXPECT_INVALID(env, OH_JSVM_NewInstance(env, arg, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_NewInstance(env, run(env, "({})"), 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_NewInstance(env, str(env, "C"), 0, NULL, &r));
    EXPECT_TRUE(r == SENTINEL);
    expect_no_exception(env);
    JT_ASSERT_JS(env, "globalThis.made === undefined");
    EXPECT_OK(env, OH_JSVM_NewInstance(env, ctor, 1, &arg, &r));
    EXPECT_TRUE(r != SENTINEL && r != NULL);
}

/* =====================================================================
 * Errors and exceptions
 * ===================================================================== */

NULL_CASE(GetLastErrorInfo)
{
    const JSVM_ExtendedErrorInfo *info = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetLastErrorInfo(NULL, &info));
    EXPECT_TRUE(info == NULL);
    EXPECT_INVALID(f->env, OH_JSVM_GetLastErrorInfo(f->env, NULL));
    /* GetLastErrorInfo reports the previous call (here its own failure) and
     * does not record its own success, so EXPECT_VM_STATUS. */
    EXPECT_VM_STATUS(OH_JSVM_GetLastErrorInfo(f->env, &info), JSVM_OK);
    EXPECT_TRUE(info != NULL && info->errorCode == JSVM_INVALID_ARG);
}

NULL_CASE(Throw)
{
    JSVM_Env env = f->env;
    EXPECT_NULL_HANDLE(OH_JSVM_Throw(NULL, num(env, 1)));
    EXPECT_INVALID(env, OH_JSVM_Throw(env, NULL));
    expect_no_exception(env);
    EXPECT_OK(env, OH_JSVM_Throw(env, num(env, 1)));
    expect_and_clear_exception(env);
}

/* The four Throw*Error functions share their rules: msg required, code optional. */
#define THROW_ERROR_CASE(name)                                          \
    NULL_CASE(name)                                                     \
    {                                                                   \
        JSVM_Env env = f->env;                                          \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, "CODE", "msg"));        \
        EXPECT_INVALID(env, OH_JSVM_##name(env, "CODE", NULL));         \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, NULL));           \
        expect_no_exception(env);                                       \
        EXPECT_OK(env, OH_JSVM_##name(env, NULL, "msg"));               \
        expect_and_clear_exception(env);                                \
    }
THROW_ERROR_CASE(ThrowError)
THROW_ERROR_CASE(ThrowTypeError)
THROW_ERROR_CASE(ThrowRangeError)
THROW_ERROR_CASE(ThrowSyntaxError)

NULL_CASE(IsError)
{
    JSVM_Env env = f->env;
    JSVM_Value e = run(env, "new Error('x')");
    bool b = false;
    EXPECT_NULL_HANDLE(OH_JSVM_IsError(NULL, e, &b));
    EXPECT_INVALID(env, OH_JSVM_IsError(env, NULL, &b));
    EXPECT_INVALID(env, OH_JSVM_IsError(env, e, NULL));
    EXPECT_TRUE(!b);
    EXPECT_OK(env, OH_JSVM_IsError(env, e, &b));
    EXPECT_TRUE(b);
}

/* The four Create*Error functions share their rules: msg a required string, code an optional string. */
#define CREATE_ERROR_CASE(name)                                                                  \
    NULL_CASE(name)                                                                              \
    {                                                                                            \
        JSVM_Env env = f->env;                                                                   \
        JSVM_Value code = str(env, "CODE"), msg = str(env, "msg"), r = SENTINEL;                 \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, code, msg, &r));                                 \
        EXPECT_INVALID(env, OH_JSVM_##name(env, code, NULL, &r));                                \
        EXPECT_INVALID(env, OH_JSVM_##name(env, code, msg, NULL));                               \
        EXPECT_ST(env, OH_JSVM_##name(env, code, num(env, 1), &r), JSVM_STRING_EXPECTED);        \
        EXPECT_ST(env, OH_JSVM_##name(env, NULL, run(env, "({})"), &r), JSVM_STRING_EXPECTED);   \
        EXPECT_ST(env, OH_JSVM_##name(env, num(env, 1), msg, &r), JSVM_STRING_EXPECTED);         \
        EXPECT_TRUE(r == SENTINEL);                                                              \
        EXPECT_OK(env, OH_JSVM_##name(env, NULL, msg, &r));                                      \
        bool is = false;                                                                         \
        CHECK_OK(env, OH_JSVM_IsError(env, r, &is));                                             \
        EXPECT_TRUE(is);                                                                         \
    }
CREATE_ERROR_CASE(CreateError)
CREATE_ERROR_CASE(CreateTypeError)
CREATE_ERROR_CASE(CreateRangeError)
CREATE_ERROR_CASE(CreateSyntaxError)

NULL_CASE(GetAndClearLastException)
{
    JSVM_Env env = f->env;
    JSVM_Value e = SENTINEL;
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_NULL_HANDLE(OH_JSVM_GetAndClearLastException(NULL, &e));
    EXPECT_INVALID(env, OH_JSVM_GetAndClearLastException(env, NULL));
    EXPECT_TRUE(e == SENTINEL);
    /* Neither failing call cleared the exception. */
    bool pending = false;
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &pending));
    EXPECT_TRUE(pending);
    EXPECT_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    bool is = false;
    CHECK_OK(env, OH_JSVM_IsError(env, e, &is));
    EXPECT_TRUE(is);
}

NULL_CASE(IsExceptionPending)
{
    bool pending = true;
    EXPECT_NULL_HANDLE(OH_JSVM_IsExceptionPending(NULL, &pending));
    EXPECT_INVALID(f->env, OH_JSVM_IsExceptionPending(f->env, NULL));
    EXPECT_OK(f->env, OH_JSVM_IsExceptionPending(f->env, &pending));
    EXPECT_TRUE(!pending);
}

/* =====================================================================
 * Type checks, coercion, objects (spec §3.10-§3.12)
 * ===================================================================== */

NULL_CASE(Typeof)
{
    JSVM_Env env = f->env;
    JSVM_Value v = num(env, 1);
    JSVM_ValueType t = (JSVM_ValueType)77;
    EXPECT_NULL_HANDLE(OH_JSVM_Typeof(NULL, v, &t));
    EXPECT_INVALID(env, OH_JSVM_Typeof(env, NULL, &t));
    EXPECT_INVALID(env, OH_JSVM_Typeof(env, v, NULL));
    EXPECT_TRUE(t == (JSVM_ValueType)77);
    EXPECT_OK(env, OH_JSVM_Typeof(env, v, &t));
    EXPECT_TRUE(t == JSVM_NUMBER);
}

/* The Is* predicates share their rules: value and result required. */
#define PREDICATE_CASE(name, src, want)                           \
    NULL_CASE(name)                                               \
    {                                                             \
        JSVM_Env env = f->env;                                    \
        JSVM_Value v = run(env, src);                             \
        bool b = !(want);                                         \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, v, &b));          \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, &b));       \
        EXPECT_INVALID(env, OH_JSVM_##name(env, v, NULL));        \
        EXPECT_TRUE(b == !(want));                                \
        EXPECT_OK(env, OH_JSVM_##name(env, v, &b));               \
        EXPECT_TRUE(b == (want));                                 \
    }
PREDICATE_CASE(IsArray, "[1]", true)
PREDICATE_CASE(IsCallable, "(() => 1)", true)
PREDICATE_CASE(IsUndefined, "undefined", true)
PREDICATE_CASE(IsNull, "null", true)
PREDICATE_CASE(IsNullOrUndefined, "null", true)
PREDICATE_CASE(IsBoolean, "false", true)
PREDICATE_CASE(IsNumber, "1.5", true)
PREDICATE_CASE(IsString, "'s'", true)
PREDICATE_CASE(IsSymbol, "Symbol()", true)
PREDICATE_CASE(IsFunction, "(function () {})", true)
PREDICATE_CASE(IsObject, "({})", true)
PREDICATE_CASE(IsBigInt, "1n", true)
PREDICATE_CASE(IsConstructor, "(class {})", true)
PREDICATE_CASE(IsBigIntObject, "Object(1n)", true)
PREDICATE_CASE(IsBooleanObject, "new Boolean(true)", true)
PREDICATE_CASE(IsStringObject, "new String('s')", true)
PREDICATE_CASE(IsNumberObject, "new Number(2)", true)
PREDICATE_CASE(IsSymbolObject, "Object(Symbol())", true)

/* StrictEquals and Equals: both values and the result required. */
#define EQUALS_CASE(name)                                              \
    NULL_CASE(name)                                                    \
    {                                                                  \
        JSVM_Env env = f->env;                                         \
        JSVM_Value a = num(env, 1), b = str(env, "1");                 \
        bool r = true;                                                 \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, a, a, &r));            \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, a, &r));         \
        EXPECT_INVALID(env, OH_JSVM_##name(env, a, NULL, &r));         \
        EXPECT_INVALID(env, OH_JSVM_##name(env, a, a, NULL));          \
        EXPECT_TRUE(r);                                                \
        EXPECT_OK(env, OH_JSVM_##name(env, a, a, &r));                 \
        EXPECT_TRUE(r);                                                \
        EXPECT_OK(env, OH_JSVM_##name(env, a, b, &r));                 \
    }
EQUALS_CASE(StrictEquals)
EQUALS_CASE(Equals)

NULL_CASE(Instanceof)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "[]"), c = run(env, "Array");
    bool r = false;
    EXPECT_NULL_HANDLE(OH_JSVM_Instanceof(NULL, o, c, &r));
    EXPECT_INVALID(env, OH_JSVM_Instanceof(env, NULL, c, &r));
    EXPECT_INVALID(env, OH_JSVM_Instanceof(env, o, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_Instanceof(env, o, c, NULL));
    EXPECT_TRUE(!r);
    EXPECT_OK(env, OH_JSVM_Instanceof(env, o, c, &r));
    EXPECT_TRUE(r);
    /* a constructor that is not a function: FUNCTION_EXPECTED, TypeError pending */
    EXPECT_ST(env, OH_JSVM_Instanceof(env, o, num(env, 1), &r), JSVM_FUNCTION_EXPECTED);
    expect_and_clear_exception(env);
    EXPECT_ST(env, OH_JSVM_Instanceof(env, o, undef(env), &r), JSVM_OBJECT_EXPECTED);
    expect_and_clear_exception(env);
}

/* The five coercions: value and result required. */
#define COERCE_CASE(name, src)                                    \
    NULL_CASE(name)                                               \
    {                                                             \
        JSVM_Env env = f->env;                                    \
        JSVM_Value v = run(env, src), r = SENTINEL;               \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, v, &r));          \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, &r));       \
        EXPECT_INVALID(env, OH_JSVM_##name(env, v, NULL));        \
        EXPECT_TRUE(r == SENTINEL);                               \
        EXPECT_OK(env, OH_JSVM_##name(env, v, &r));               \
        EXPECT_TRUE(r != SENTINEL && r != NULL);                  \
    }
COERCE_CASE(CoerceToBool, "0")
COERCE_CASE(CoerceToNumber, "'12'")
COERCE_CASE(CoerceToObject, "'s'")
COERCE_CASE(CoerceToString, "12")
COERCE_CASE(CoerceToBigInt, "'12'")

NULL_CASE(DefineProperties)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "({})");
    JSVM_PropertyDescriptor d = {"x", NULL, NULL, NULL, NULL, num(env, 1), JSVM_DEFAULT_JSPROPERTY};
    EXPECT_NULL_HANDLE(OH_JSVM_DefineProperties(NULL, o, 1, &d));
    EXPECT_INVALID(env, OH_JSVM_DefineProperties(env, NULL, 1, &d));
    EXPECT_INVALID(env, OH_JSVM_DefineProperties(env, o, 1, NULL));
    /* descriptors may be NULL when there are none */
    EXPECT_OK(env, OH_JSVM_DefineProperties(env, o, 0, NULL));
    EXPECT_OK(env, OH_JSVM_DefineProperties(env, o, 1, &d));
    JSVM_PropertyDescriptor bad = {NULL, num(env, 1), NULL, NULL, NULL, num(env, 1), JSVM_DEFAULT};
    EXPECT_ST(env, OH_JSVM_DefineProperties(env, o, 1, &bad), JSVM_NAME_EXPECTED);
}

NULL_CASE(GetPropertyNames)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "({ a: 1 })"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetPropertyNames(NULL, o, &r));
    EXPECT_INVALID(env, OH_JSVM_GetPropertyNames(env, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_GetPropertyNames(env, o, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_GetPropertyNames(env, o, &r));
}

NULL_CASE(GetAllPropertyNames)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "({ a: 1 })"), r = SENTINEL;
    const JSVM_KeyCollectionMode M = JSVM_KEY_OWN_ONLY;
    const JSVM_KeyFilter F = JSVM_KEY_ALL_PROPERTIES;
    const JSVM_KeyConversion C = JSVM_KEY_KEEP_NUMBERS;
    EXPECT_NULL_HANDLE(OH_JSVM_GetAllPropertyNames(NULL, o, M, F, C, &r));
    EXPECT_INVALID(env, OH_JSVM_GetAllPropertyNames(env, NULL, M, F, C, &r));
    EXPECT_INVALID(env, OH_JSVM_GetAllPropertyNames(env, o, M, F, C, NULL));
    /* out-of-range mode or conversion */
    EXPECT_INVALID(env, OH_JSVM_GetAllPropertyNames(env, o, (JSVM_KeyCollectionMode)2, F, C, &r));
    EXPECT_INVALID(env, OH_JSVM_GetAllPropertyNames(env, o, M, F, (JSVM_KeyConversion)2, &r));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_GetAllPropertyNames(env, o, M, F, C, &r));
}

NULL_CASE(SetProperty)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "globalThis.o = {}; o"), k = str(env, "k"), v = num(env, 1);
    EXPECT_NULL_HANDLE(OH_JSVM_SetProperty(NULL, o, k, v));
    EXPECT_INVALID(env, OH_JSVM_SetProperty(env, NULL, k, v));
    EXPECT_INVALID(env, OH_JSVM_SetProperty(env, o, NULL, v));
    EXPECT_INVALID(env, OH_JSVM_SetProperty(env, o, k, NULL));
    JT_ASSERT_JS(env, "!('k' in o)");
    EXPECT_OK(env, OH_JSVM_SetProperty(env, o, k, v));
    JT_ASSERT_JS(env, "o.k === 1");
}

NULL_CASE(GetProperty)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "({ k: 1 })"), k = str(env, "k"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetProperty(NULL, o, k, &r));
    EXPECT_INVALID(env, OH_JSVM_GetProperty(env, NULL, k, &r));
    EXPECT_INVALID(env, OH_JSVM_GetProperty(env, o, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_GetProperty(env, o, k, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_GetProperty(env, o, k, &r));
}

/* HasProperty and HasOwnProperty: object, key and result required. */
#define HAS_KEY_CASE(name)                                             \
    NULL_CASE(name)                                                    \
    {                                                                  \
        JSVM_Env env = f->env;                                         \
        JSVM_Value o = run(env, "({ k: 1 })"), k = str(env, "k");      \
        bool r = false;                                                \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, o, k, &r));            \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, k, &r));         \
        EXPECT_INVALID(env, OH_JSVM_##name(env, o, NULL, &r));         \
        EXPECT_INVALID(env, OH_JSVM_##name(env, o, k, NULL));          \
        EXPECT_TRUE(!r);                                               \
        EXPECT_OK(env, OH_JSVM_##name(env, o, k, &r));                 \
        EXPECT_TRUE(r);                                                \
    }
HAS_KEY_CASE(HasProperty)
HAS_KEY_CASE(HasOwnProperty)

NULL_CASE(DeleteProperty)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "globalThis.o = { k: 1, j: 2 }; o"), k = str(env, "k");
    bool r = false;
    EXPECT_NULL_HANDLE(OH_JSVM_DeleteProperty(NULL, o, k, &r));
    EXPECT_INVALID(env, OH_JSVM_DeleteProperty(env, NULL, k, &r));
    EXPECT_INVALID(env, OH_JSVM_DeleteProperty(env, o, NULL, &r));
    JT_ASSERT_JS(env, "o.k === 1");
    /* result is optional */
    EXPECT_OK(env, OH_JSVM_DeleteProperty(env, o, k, NULL));
    EXPECT_OK(env, OH_JSVM_DeleteProperty(env, o, str(env, "j"), &r));
    EXPECT_TRUE(r);
    JT_ASSERT_JS(env, "!('k' in o) && !('j' in o)");
}

NULL_CASE(SetNamedProperty)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "globalThis.o = {}; o"), v = num(env, 1);
    EXPECT_NULL_HANDLE(OH_JSVM_SetNamedProperty(NULL, o, "k", v));
    EXPECT_INVALID(env, OH_JSVM_SetNamedProperty(env, NULL, "k", v));
    EXPECT_INVALID(env, OH_JSVM_SetNamedProperty(env, o, NULL, v));
    EXPECT_INVALID(env, OH_JSVM_SetNamedProperty(env, o, "k", NULL));
    JT_ASSERT_JS(env, "Object.keys(o).length === 0");
    EXPECT_OK(env, OH_JSVM_SetNamedProperty(env, o, "k", v));
    JT_ASSERT_JS(env, "o.k === 1");
}

NULL_CASE(GetNamedProperty)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "({ k: 1 })"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetNamedProperty(NULL, o, "k", &r));
    EXPECT_INVALID(env, OH_JSVM_GetNamedProperty(env, NULL, "k", &r));
    EXPECT_INVALID(env, OH_JSVM_GetNamedProperty(env, o, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_GetNamedProperty(env, o, "k", NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_GetNamedProperty(env, o, "k", &r));
}

NULL_CASE(HasNamedProperty)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "({ k: 1 })");
    bool r = false;
    EXPECT_NULL_HANDLE(OH_JSVM_HasNamedProperty(NULL, o, "k", &r));
    EXPECT_INVALID(env, OH_JSVM_HasNamedProperty(env, NULL, "k", &r));
    EXPECT_INVALID(env, OH_JSVM_HasNamedProperty(env, o, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_HasNamedProperty(env, o, "k", NULL));
    EXPECT_TRUE(!r);
    EXPECT_OK(env, OH_JSVM_HasNamedProperty(env, o, "k", &r));
    EXPECT_TRUE(r);
}

NULL_CASE(SetElement)
{
    JSVM_Env env = f->env;
    JSVM_Value a = run(env, "globalThis.a = []; a"), v = num(env, 1);
    EXPECT_NULL_HANDLE(OH_JSVM_SetElement(NULL, a, 0, v));
    EXPECT_INVALID(env, OH_JSVM_SetElement(env, NULL, 0, v));
    EXPECT_INVALID(env, OH_JSVM_SetElement(env, a, 0, NULL));
    JT_ASSERT_JS(env, "a.length === 0");
    EXPECT_OK(env, OH_JSVM_SetElement(env, a, 0, v));
    JT_ASSERT_JS(env, "a[0] === 1");
}

NULL_CASE(GetElement)
{
    JSVM_Env env = f->env;
    JSVM_Value a = run(env, "[1]"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_GetElement(NULL, a, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_GetElement(env, NULL, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_GetElement(env, a, 0, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_GetElement(env, a, 0, &r));
}

NULL_CASE(HasElement)
{
    JSVM_Env env = f->env;
    JSVM_Value a = run(env, "[1]");
    bool r = false;
    EXPECT_NULL_HANDLE(OH_JSVM_HasElement(NULL, a, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_HasElement(env, NULL, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_HasElement(env, a, 0, NULL));
    EXPECT_TRUE(!r);
    EXPECT_OK(env, OH_JSVM_HasElement(env, a, 0, &r));
    EXPECT_TRUE(r);
}

NULL_CASE(DeleteElement)
{
    JSVM_Env env = f->env;
    JSVM_Value a = run(env, "globalThis.a = [1, 2]; a");
    bool r = false;
    EXPECT_NULL_HANDLE(OH_JSVM_DeleteElement(NULL, a, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_DeleteElement(env, NULL, 0, &r));
    JT_ASSERT_JS(env, "0 in a");
    /* result is optional */
    EXPECT_OK(env, OH_JSVM_DeleteElement(env, a, 0, NULL));
    EXPECT_OK(env, OH_JSVM_DeleteElement(env, a, 1, &r));
    EXPECT_TRUE(r);
    JT_ASSERT_JS(env, "!(0 in a) && !(1 in a)");
}

NULL_CASE(GetArrayLength)
{
    JSVM_Env env = f->env;
    JSVM_Value a = run(env, "[1, 2]");
    uint32_t n = 7;
    EXPECT_NULL_HANDLE(OH_JSVM_GetArrayLength(NULL, a, &n));
    EXPECT_INVALID(env, OH_JSVM_GetArrayLength(env, NULL, &n));
    EXPECT_INVALID(env, OH_JSVM_GetArrayLength(env, a, NULL));
    EXPECT_TRUE(n == 7);
    EXPECT_OK(env, OH_JSVM_GetArrayLength(env, a, &n));
    EXPECT_TRUE(n == 2);
    EXPECT_ST(env, OH_JSVM_GetArrayLength(env, run(env, "({ length: 2 })"), &n), JSVM_ARRAY_EXPECTED);
    EXPECT_TRUE(n == 0);
}

/* GetPrototype and ObjectGetPrototypeOf: object and result required. */
#define GET_PROTO_CASE(name)                                       \
    NULL_CASE(name)                                                \
    {                                                              \
        JSVM_Env env = f->env;                                     \
        JSVM_Value o = run(env, "[]"), r = SENTINEL;               \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, o, &r));           \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, &r));        \
        EXPECT_INVALID(env, OH_JSVM_##name(env, o, NULL));         \
        EXPECT_TRUE(r == SENTINEL);                                \
        EXPECT_OK(env, OH_JSVM_##name(env, o, &r));                \
        EXPECT_TRUE(r != SENTINEL && r != NULL);                   \
    }
GET_PROTO_CASE(GetPrototype)
GET_PROTO_CASE(ObjectGetPrototypeOf)

NULL_CASE(ObjectSetPrototypeOf)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "globalThis.o = {}; o"), p = run(env, "globalThis.p = {}; p"), nul = NULL;
    CHECK_OK(env, OH_JSVM_GetNull(env, &nul));
    EXPECT_NULL_HANDLE(OH_JSVM_ObjectSetPrototypeOf(NULL, o, p));
    EXPECT_INVALID(env, OH_JSVM_ObjectSetPrototypeOf(env, NULL, p));
    EXPECT_INVALID(env, OH_JSVM_ObjectSetPrototypeOf(env, o, NULL));
    /* the prototype must be an object; JS null is refused too */
    EXPECT_INVALID(env, OH_JSVM_ObjectSetPrototypeOf(env, o, nul));
    EXPECT_INVALID(env, OH_JSVM_ObjectSetPrototypeOf(env, o, num(env, 1)));
    JT_ASSERT_JS(env, "Object.getPrototypeOf(o) === Object.prototype");
    EXPECT_OK(env, OH_JSVM_ObjectSetPrototypeOf(env, o, p));
    JT_ASSERT_JS(env, "Object.getPrototypeOf(o) === p");
}

/* ObjectFreeze and ObjectSeal: the object is required. */
#define INTEGRITY_CASE(name, check)                                 \
    NULL_CASE(name)                                                 \
    {                                                               \
        JSVM_Env env = f->env;                                      \
        JSVM_Value o = run(env, "globalThis.o = { k: 1 }; o");      \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, o));                \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL));             \
        JT_ASSERT_JS(env, "Object.isExtensible(o)");                \
        EXPECT_OK(env, OH_JSVM_##name(env, o));                     \
        JT_ASSERT_JS(env, check);                                   \
    }
INTEGRITY_CASE(ObjectFreeze, "Object.isFrozen(o)")
INTEGRITY_CASE(ObjectSeal, "Object.isSealed(o)")

NULL_CASE(JsonParse)
{
    JSVM_Env env = f->env;
    JSVM_Value s = str(env, "[1]"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_JsonParse(NULL, s, &r));
    EXPECT_INVALID(env, OH_JSVM_JsonParse(env, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_JsonParse(env, s, NULL));
    EXPECT_ST(env, OH_JSVM_JsonParse(env, num(env, 1), &r), JSVM_STRING_EXPECTED);
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_JsonParse(env, s, &r));
    EXPECT_ST(env, OH_JSVM_JsonParse(env, str(env, "[1"), &r), JSVM_PENDING_EXCEPTION);
    expect_and_clear_exception(env);
}

NULL_CASE(JsonStringify)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "({ a: 1 })"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_JsonStringify(NULL, o, &r));
    EXPECT_INVALID(env, OH_JSVM_JsonStringify(env, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_JsonStringify(env, o, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_JsonStringify(env, o, &r));
}

/* =====================================================================
 * Microtasks, memory, version
 * ===================================================================== */

NULL_CASE(SetMicrotaskPolicy)
{
    EXPECT_NULL_HANDLE(OH_JSVM_SetMicrotaskPolicy(NULL, JSVM_MICROTASK_AUTO));
    EXPECT_NULL_HANDLE(OH_JSVM_SetMicrotaskPolicy(f->vm, (JSVM_MicrotaskPolicy)7));
    EXPECT_NULL_HANDLE(OH_JSVM_SetMicrotaskPolicy(f->vm, (JSVM_MicrotaskPolicy)-1));
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f->vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f->vm, JSVM_MICROTASK_AUTO), JSVM_OK);
}

NULL_CASE(PerformMicrotaskCheckpoint)
{
    EXPECT_NULL_HANDLE(OH_JSVM_PerformMicrotaskCheckpoint(NULL));
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f->vm), JSVM_OK);
}

NULL_CASE(PumpMessageLoop)
{
    bool ran = true;
    EXPECT_NULL_HANDLE(OH_JSVM_PumpMessageLoop(NULL, &ran));
    EXPECT_NULL_HANDLE(OH_JSVM_PumpMessageLoop(f->vm, NULL));
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(f->vm, &ran), JSVM_OK);
}

NULL_CASE(AdjustExternalMemory)
{
    int64_t total = -1;
    EXPECT_NULL_HANDLE(OH_JSVM_AdjustExternalMemory(NULL, 1024, &total));
    EXPECT_INVALID(f->env, OH_JSVM_AdjustExternalMemory(f->env, 1024, NULL));
    EXPECT_TRUE(total == -1);
    EXPECT_OK(f->env, OH_JSVM_AdjustExternalMemory(f->env, 0, &total));
    EXPECT_TRUE(total >= 0);
}

NULL_CASE(MemoryPressureNotification)
{
    EXPECT_NULL_HANDLE(OH_JSVM_MemoryPressureNotification(NULL, JSVM_MEMORY_PRESSURE_LEVEL_NONE));
    EXPECT_OK(f->env, OH_JSVM_MemoryPressureNotification(f->env, JSVM_MEMORY_PRESSURE_LEVEL_NONE));
}

NULL_CASE(GetVersion)
{
    uint32_t v = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_GetVersion(NULL, &v));
    EXPECT_INVALID(f->env, OH_JSVM_GetVersion(f->env, NULL));
    EXPECT_TRUE(v == 0);
    EXPECT_OK(f->env, OH_JSVM_GetVersion(f->env, &v));
    EXPECT_TRUE(v > 0);
}

NULL_CASE(GetVMInfo)
{
    (void)f;
    JSVM_VMInfo info;
    memset(&info, 0, sizeof info);
    EXPECT_NULL_HANDLE(OH_JSVM_GetVMInfo(NULL));
    EXPECT_VM_STATUS(OH_JSVM_GetVMInfo(&info), JSVM_OK);
    EXPECT_TRUE(info.engine != NULL && info.version != NULL);
}

/* =====================================================================
 * Value types: external strings, BigInt, Symbol, Date, buffers,
 * Map/Set/RegExp/Proxy, promises
 * ===================================================================== */

static int ext_fin_calls;
static void ext_str_fin(JSVM_Env env, void *data, void *hint)
{
    (void)env;
    (void)data;
    (void)hint;
    ext_fin_calls++;
}

NULL_CASE(CreateExternalStringLatin1)
{
    JSVM_Env env = f->env;
    char s[] = "abc";
    JSVM_Value r = SENTINEL;
    bool copied = false;
    ext_fin_calls = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateExternalStringLatin1(NULL, s, 3, ext_str_fin, NULL, &r, &copied));
    EXPECT_INVALID(env, OH_JSVM_CreateExternalStringLatin1(env, s, 3, ext_str_fin, NULL, NULL, &copied));
    EXPECT_INVALID(env, OH_JSVM_CreateExternalStringLatin1(env, s, 3, ext_str_fin, NULL, &r, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateExternalStringLatin1(env, NULL, 3, ext_str_fin, NULL, &r, &copied));
    EXPECT_TRUE(r == SENTINEL && ext_fin_calls == 0);
    EXPECT_OK(env, OH_JSVM_CreateExternalStringLatin1(env, s, 3, ext_str_fin, NULL, &r, &copied));
    EXPECT_TRUE(copied && ext_fin_calls == 1);
}

NULL_CASE(CreateExternalStringUtf16)
{
    JSVM_Env env = f->env;
    char16_t s[] = {'a', 'b', 0};
    JSVM_Value r = SENTINEL;
    bool copied = false;
    ext_fin_calls = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateExternalStringUtf16(NULL, s, 2, ext_str_fin, NULL, &r, &copied));
    EXPECT_INVALID(env, OH_JSVM_CreateExternalStringUtf16(env, s, 2, ext_str_fin, NULL, NULL, &copied));
    EXPECT_INVALID(env, OH_JSVM_CreateExternalStringUtf16(env, s, 2, ext_str_fin, NULL, &r, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateExternalStringUtf16(env, NULL, 2, ext_str_fin, NULL, &r, &copied));
    EXPECT_TRUE(r == SENTINEL && ext_fin_calls == 0);
    EXPECT_OK(env, OH_JSVM_CreateExternalStringUtf16(env, s, JSVM_AUTO_LENGTH, ext_str_fin, NULL, &r, &copied));
    EXPECT_TRUE(copied && ext_fin_calls == 1);
}

NULL_CASE(CreateBigintInt64)
{
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateBigintInt64(NULL, 1, &r));
    EXPECT_INVALID(f->env, OH_JSVM_CreateBigintInt64(f->env, 1, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(f->env, OH_JSVM_CreateBigintInt64(f->env, -1, &r));
}

NULL_CASE(CreateBigintUint64)
{
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateBigintUint64(NULL, 1, &r));
    EXPECT_INVALID(f->env, OH_JSVM_CreateBigintUint64(f->env, 1, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(f->env, OH_JSVM_CreateBigintUint64(f->env, UINT64_MAX, &r));
}

NULL_CASE(CreateBigintWords)
{
    JSVM_Env env = f->env;
    uint64_t w[2] = {1, 2};
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateBigintWords(NULL, 0, 2, w, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateBigintWords(env, 0, 2, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateBigintWords(env, 0, 2, w, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateBigintWords(env, 0, (size_t)INT32_MAX + 1, w, &r));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_CreateBigintWords(env, 1, 2, w, &r));
}

/* The two fixed-width BigInt getters share their rules. */
#define BIGINT_GETTER_CASE(name, ctype)                                                          \
    NULL_CASE(name)                                                                              \
    {                                                                                            \
        JSVM_Env env = f->env;                                                                   \
        JSVM_Value b = run(env, "5n");                                                           \
        ctype out = 0;                                                                           \
        bool lossless = false;                                                                   \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, b, &out, &lossless));                            \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, &out, &lossless));                         \
        EXPECT_INVALID(env, OH_JSVM_##name(env, b, NULL, &lossless));                            \
        EXPECT_INVALID(env, OH_JSVM_##name(env, b, &out, NULL));                                 \
        EXPECT_ST(env, OH_JSVM_##name(env, num(env, 5), &out, &lossless), JSVM_BIGINT_EXPECTED); \
        EXPECT_ST(env, OH_JSVM_##name(env, str(env, "5"), &out, &lossless), JSVM_BIGINT_EXPECTED); \
        EXPECT_TRUE(out == 0 && !lossless);                                                      \
        EXPECT_OK(env, OH_JSVM_##name(env, b, &out, &lossless));                                 \
        EXPECT_TRUE(out == 5 && lossless);                                                       \
    }
BIGINT_GETTER_CASE(GetValueBigintInt64, int64_t)
BIGINT_GETTER_CASE(GetValueBigintUint64, uint64_t)

NULL_CASE(GetValueBigintWords)
{
    JSVM_Env env = f->env;
    JSVM_Value b = run(env, "-(2n ** 64n)");
    int sign = 7;
    size_t count = 2;
    uint64_t w[2] = {9, 9};
    EXPECT_NULL_HANDLE(OH_JSVM_GetValueBigintWords(NULL, b, &sign, &count, w));
    EXPECT_INVALID(env, OH_JSVM_GetValueBigintWords(env, NULL, &sign, &count, w));
    EXPECT_INVALID(env, OH_JSVM_GetValueBigintWords(env, b, &sign, NULL, w));
    EXPECT_INVALID(env, OH_JSVM_GetValueBigintWords(env, b, NULL, NULL, NULL));
    /* sign and words go together (both NULL is the count query) */
    EXPECT_INVALID(env, OH_JSVM_GetValueBigintWords(env, b, NULL, &count, w));
    EXPECT_INVALID(env, OH_JSVM_GetValueBigintWords(env, b, &sign, &count, NULL));
    EXPECT_ST(env, OH_JSVM_GetValueBigintWords(env, num(env, 1), &sign, &count, w), JSVM_BIGINT_EXPECTED);
    EXPECT_TRUE(sign == 7 && count == 2 && w[0] == 9);
    EXPECT_OK(env, OH_JSVM_GetValueBigintWords(env, b, NULL, &count, NULL));
    EXPECT_EQ_INT(count, 2);
    EXPECT_OK(env, OH_JSVM_GetValueBigintWords(env, b, &sign, &count, w));
    EXPECT_TRUE(sign == 1 && count == 2 && w[0] == 0 && w[1] == 1);
}

NULL_CASE(CreateSymbol)
{
    JSVM_Env env = f->env;
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateSymbol(NULL, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateSymbol(env, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateSymbol(env, str(env, "d"), NULL));
    EXPECT_ST(env, OH_JSVM_CreateSymbol(env, num(env, 1), &r), JSVM_STRING_EXPECTED);
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_CreateSymbol(env, NULL, &r));
}

NULL_CASE(SymbolFor)
{
    JSVM_Env env = f->env;
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_SymbolFor(NULL, "k", 1, &r));
    EXPECT_INVALID(env, OH_JSVM_SymbolFor(env, "k", 1, NULL));
    EXPECT_INVALID(env, OH_JSVM_SymbolFor(env, NULL, 1, &r));
    EXPECT_INVALID(env, OH_JSVM_SymbolFor(env, "k", (size_t)INT32_MAX + 1, &r));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_SymbolFor(env, "k", JSVM_AUTO_LENGTH, &r));
}

/* The eleven well-known symbol getters share their rules. */
#define WELLKNOWN_CASE(name)                                  \
    NULL_CASE(name)                                           \
    {                                                         \
        JSVM_Value r = SENTINEL;                              \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, &r));         \
        EXPECT_INVALID(f->env, OH_JSVM_##name(f->env, NULL)); \
        EXPECT_TRUE(r == SENTINEL);                           \
        EXPECT_OK(f->env, OH_JSVM_##name(f->env, &r));        \
        EXPECT_TRUE(r != SENTINEL && r != NULL);              \
    }
WELLKNOWN_CASE(GetSymbolAsyncIterator)
WELLKNOWN_CASE(GetSymbolHasInstance)
WELLKNOWN_CASE(GetSymbolIsConcatSpreadable)
WELLKNOWN_CASE(GetSymbolMatch)
WELLKNOWN_CASE(GetSymbolReplace)
WELLKNOWN_CASE(GetSymbolSearch)
WELLKNOWN_CASE(GetSymbolSplit)
WELLKNOWN_CASE(GetSymbolToPrimitive)
WELLKNOWN_CASE(GetSymbolUnscopables)
WELLKNOWN_CASE(GetSymbolToStringTag)
WELLKNOWN_CASE(GetSymbolIterator)

/* The type tests share their rules: a value that is and one that is not. */
#define IS_CASE(name, yes_src, no_src)                           \
    NULL_CASE(name)                                              \
    {                                                            \
        JSVM_Env env = f->env;                                   \
        JSVM_Value yes = run(env, yes_src), no = run(env, no_src); \
        bool b = false;                                          \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, yes, &b));       \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, &b));      \
        EXPECT_INVALID(env, OH_JSVM_##name(env, yes, NULL));     \
        EXPECT_TRUE(!b);                                         \
        EXPECT_OK(env, OH_JSVM_##name(env, yes, &b));            \
        EXPECT_TRUE(b);                                          \
        EXPECT_OK(env, OH_JSVM_##name(env, no, &b));             \
        EXPECT_TRUE(!b);                                         \
    }
IS_CASE(IsDate, "new Date(0)", "0")
IS_CASE(IsArraybuffer, "new ArrayBuffer(1)", "new Uint8Array(1)")
IS_CASE(IsDetachedArraybuffer, "(() => { const a = new ArrayBuffer(1); a.transfer(); return a; })()",
        "new ArrayBuffer(1)")
IS_CASE(IsTypedarray, "new Uint8Array(1)", "new DataView(new ArrayBuffer(1))")
IS_CASE(IsDataview, "new DataView(new ArrayBuffer(1))", "new Uint8Array(1)")
IS_CASE(IsMap, "new Map()", "new WeakMap()")
IS_CASE(IsSet, "new Set()", "new WeakSet()")
IS_CASE(IsRegExp, "/x/", "'x'")
IS_CASE(IsProxy, "new Proxy({}, {})", "({})")
IS_CASE(IsPromise, "Promise.resolve()", "({ then() {} })")

NULL_CASE(CreateDate)
{
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateDate(NULL, 0, &r));
    EXPECT_INVALID(f->env, OH_JSVM_CreateDate(f->env, 0, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(f->env, OH_JSVM_CreateDate(f->env, 0, &r));
}

NULL_CASE(GetDateValue)
{
    JSVM_Env env = f->env;
    JSVM_Value d = run(env, "new Date(5)");
    double t = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_GetDateValue(NULL, d, &t));
    EXPECT_INVALID(env, OH_JSVM_GetDateValue(env, NULL, &t));
    EXPECT_INVALID(env, OH_JSVM_GetDateValue(env, d, NULL));
    EXPECT_ST(env, OH_JSVM_GetDateValue(env, num(env, 5), &t), JSVM_DATE_EXPECTED);
    EXPECT_TRUE(t == 0);
    EXPECT_OK(env, OH_JSVM_GetDateValue(env, d, &t));
    EXPECT_TRUE(t == 5);
}

NULL_CASE(CreateArraybuffer)
{
    JSVM_Value r = SENTINEL;
    void *data = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateArraybuffer(NULL, 8, &data, &r));
    EXPECT_INVALID(f->env, OH_JSVM_CreateArraybuffer(f->env, 8, &data, NULL));
    EXPECT_TRUE(r == SENTINEL && data == NULL);
    EXPECT_OK(f->env, OH_JSVM_CreateArraybuffer(f->env, 8, NULL, &r));
}

NULL_CASE(GetArraybufferInfo)
{
    JSVM_Env env = f->env;
    JSVM_Value ab = run(env, "new ArrayBuffer(8)");
    void *data = NULL;
    size_t len = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_GetArraybufferInfo(NULL, ab, &data, &len));
    EXPECT_INVALID(env, OH_JSVM_GetArraybufferInfo(env, NULL, &data, &len));
    EXPECT_INVALID(env, OH_JSVM_GetArraybufferInfo(env, run(env, "new Uint8Array(8)"), &data, &len));
    EXPECT_TRUE(data == NULL && len == 0);
    EXPECT_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &data, &len));
    EXPECT_TRUE(data != NULL && len == 8);
}

NULL_CASE(DetachArraybuffer)
{
    JSVM_Env env = f->env;
    EXPECT_NULL_HANDLE(OH_JSVM_DetachArraybuffer(NULL, run(env, "new ArrayBuffer(8)")));
    EXPECT_INVALID(env, OH_JSVM_DetachArraybuffer(env, NULL));
    EXPECT_ST(env, OH_JSVM_DetachArraybuffer(env, run(env, "({})")), JSVM_ARRAYBUFFER_EXPECTED);
    EXPECT_ST(env, OH_JSVM_DetachArraybuffer(env, run(env, "new ArrayBuffer(8).transferToImmutable()")),
              JSVM_DETACHABLE_ARRAYBUFFER_EXPECTED);
    EXPECT_OK(env, OH_JSVM_DetachArraybuffer(env, run(env, "new ArrayBuffer(8)")));
}

NULL_CASE(AllocateArrayBufferBackingStoreData)
{
    (void)f;
    void *data = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_AllocateArrayBufferBackingStoreData(8, JSVM_ZERO_INITIALIZED, NULL));
    EXPECT_VM_STATUS(OH_JSVM_AllocateArrayBufferBackingStoreData(8, JSVM_ZERO_INITIALIZED, &data), JSVM_OK);
    EXPECT_TRUE(data != NULL);
    EXPECT_VM_STATUS(OH_JSVM_FreeArrayBufferBackingStoreData(data), JSVM_OK);
}

NULL_CASE(FreeArrayBufferBackingStoreData)
{
    (void)f;
    void *data = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_FreeArrayBufferBackingStoreData(NULL));
    EXPECT_VM_STATUS(OH_JSVM_AllocateArrayBufferBackingStoreData(8, JSVM_UNINITIALIZED, &data), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_FreeArrayBufferBackingStoreData(data), JSVM_OK);
}

NULL_CASE(CreateArrayBufferFromBackingStoreData)
{
    JSVM_Env env = f->env;
    static uint8_t store[16];
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateArrayBufferFromBackingStoreData(NULL, store, 16, 0, 16, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, NULL, 16, 0, 16, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 16, 0, 16, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 16, 8, 9, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 16, 0, 0, &r));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 16, 8, 8, &r));
}

NULL_CASE(CreateArrayBufferFromExternalMemory)
{
    JSVM_Env env = f->env;
    static uint64_t mem[2];
    JSVM_Value r = SENTINEL;
    bool copied = true;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateArrayBufferFromExternalMemory(NULL, mem, 16, NULL, NULL, &copied, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 16, NULL, NULL, &copied, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, NULL, 16, NULL, NULL, &copied, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, (uint8_t *)mem + 2, 8, NULL, NULL, &copied,
                                                                    &r));
    EXPECT_TRUE(r == SENTINEL && copied);
    EXPECT_OK(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 16, NULL, NULL, NULL, &r));
    EXPECT_OK(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 16, NULL, NULL, &copied, &r));
    EXPECT_TRUE(!copied);
}

NULL_CASE(CreateTypedarray)
{
    JSVM_Env env = f->env;
    JSVM_Value ab = run(env, "new ArrayBuffer(8)"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateTypedarray(NULL, JSVM_UINT8_ARRAY, 8, ab, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 8, NULL, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 8, ab, 0, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateTypedarray(env, (JSVM_TypedarrayType)42, 8, ab, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 8, run(env, "({})"), 0, &r));
    EXPECT_TRUE(r == SENTINEL);
    /* range errors: a RangeError is left pending */
    EXPECT_ST(env, OH_JSVM_CreateTypedarray(env, JSVM_INT32_ARRAY, 1, ab, 2, &r), JSVM_GENERIC_FAILURE);
    expect_and_clear_exception(env);
    EXPECT_OK(env, OH_JSVM_CreateTypedarray(env, JSVM_INT32_ARRAY, 2, ab, 0, &r));
}

NULL_CASE(GetTypedarrayInfo)
{
    JSVM_Env env = f->env;
    JSVM_Value ta = run(env, "new Int16Array(4)");
    size_t len = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_GetTypedarrayInfo(NULL, ta, NULL, &len, NULL, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_GetTypedarrayInfo(env, NULL, NULL, &len, NULL, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_GetTypedarrayInfo(env, run(env, "new ArrayBuffer(4)"), NULL, &len, NULL, NULL, NULL));
    EXPECT_TRUE(len == 0);
    EXPECT_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, NULL, NULL, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, &len, NULL, NULL, NULL));
    EXPECT_TRUE(len == 4);
}

NULL_CASE(CreateDataview)
{
    JSVM_Env env = f->env;
    JSVM_Value ab = run(env, "new ArrayBuffer(8)"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateDataview(NULL, 8, ab, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateDataview(env, 8, NULL, 0, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateDataview(env, 8, ab, 0, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateDataview(env, 8, run(env, "new Uint8Array(8)"), 0, &r));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_ST(env, OH_JSVM_CreateDataview(env, 9, ab, 0, &r), JSVM_PENDING_EXCEPTION);
    expect_and_clear_exception(env);
    EXPECT_OK(env, OH_JSVM_CreateDataview(env, 8, ab, 0, &r));
}

NULL_CASE(GetDataviewInfo)
{
    JSVM_Env env = f->env;
    JSVM_Value dv = run(env, "new DataView(new ArrayBuffer(8), 2)");
    size_t len = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_GetDataviewInfo(NULL, dv, &len, NULL, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_GetDataviewInfo(env, NULL, &len, NULL, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_GetDataviewInfo(env, run(env, "new Uint8Array(8)"), &len, NULL, NULL, NULL));
    EXPECT_TRUE(len == 0);
    EXPECT_OK(env, OH_JSVM_GetDataviewInfo(env, dv, NULL, NULL, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_GetDataviewInfo(env, dv, &len, NULL, NULL, NULL));
    EXPECT_TRUE(len == 6);
}

NULL_CASE(CreateMap)
{
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateMap(NULL, &r));
    EXPECT_INVALID(f->env, OH_JSVM_CreateMap(f->env, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(f->env, OH_JSVM_CreateMap(f->env, &r));
}

NULL_CASE(CreateSet)
{
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateSet(NULL, &r));
    EXPECT_INVALID(f->env, OH_JSVM_CreateSet(f->env, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(f->env, OH_JSVM_CreateSet(f->env, &r));
}

NULL_CASE(CreateRegExp)
{
    JSVM_Env env = f->env;
    JSVM_Value pat = str(env, "a+"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateRegExp(NULL, pat, JSVM_REGEXP_GLOBAL, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateRegExp(env, NULL, JSVM_REGEXP_GLOBAL, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateRegExp(env, pat, JSVM_REGEXP_GLOBAL, NULL));
    EXPECT_INVALID(env, OH_JSVM_CreateRegExp(env, pat, (JSVM_RegExpFlags)0x1000, &r));
    EXPECT_ST(env, OH_JSVM_CreateRegExp(env, num(env, 1), JSVM_REGEXP_GLOBAL, &r), JSVM_STRING_EXPECTED);
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_ST(env, OH_JSVM_CreateRegExp(env, str(env, "("), JSVM_REGEXP_NONE, &r), JSVM_GENERIC_FAILURE);
    expect_and_clear_exception(env);
    EXPECT_OK(env, OH_JSVM_CreateRegExp(env, pat, JSVM_REGEXP_GLOBAL, &r));
}

NULL_CASE(CreateProxy)
{
    JSVM_Env env = f->env;
    JSVM_Value o = run(env, "({})"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateProxy(NULL, o, o, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateProxy(env, NULL, o, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateProxy(env, o, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateProxy(env, o, o, NULL));
    EXPECT_ST(env, OH_JSVM_CreateProxy(env, num(env, 1), o, &r), JSVM_OBJECT_EXPECTED);
    EXPECT_ST(env, OH_JSVM_CreateProxy(env, o, num(env, 1), &r), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_CreateProxy(env, o, o, &r));
}

NULL_CASE(ProxyGetTarget)
{
    JSVM_Env env = f->env;
    JSVM_Value p = run(env, "new Proxy({}, {})"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_ProxyGetTarget(NULL, p, &r));
    EXPECT_INVALID(env, OH_JSVM_ProxyGetTarget(env, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_ProxyGetTarget(env, p, NULL));
    EXPECT_ST(env, OH_JSVM_ProxyGetTarget(env, run(env, "({})"), &r), JSVM_INVALID_TYPE);
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_ProxyGetTarget(env, p, &r));
}

NULL_CASE(CreatePromise)
{
    JSVM_Env env = f->env;
    JSVM_Deferred d = NULL;
    JSVM_Value p = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreatePromise(NULL, &d, &p));
    EXPECT_INVALID(env, OH_JSVM_CreatePromise(env, NULL, &p));
    EXPECT_INVALID(env, OH_JSVM_CreatePromise(env, &d, NULL));
    EXPECT_TRUE(d == NULL && p == SENTINEL);
    EXPECT_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    EXPECT_OK(env, OH_JSVM_ResolveDeferred(env, d, num(env, 1)));
}

/* Resolve and Reject share their rules, including settling only once. */
#define SETTLE_CASE(name)                                                 \
    NULL_CASE(name)                                                       \
    {                                                                     \
        JSVM_Env env = f->env;                                            \
        JSVM_Deferred d = NULL;                                           \
        JSVM_Value p = NULL, v = num(env, 1);                             \
        CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));                \
        EXPECT_NULL_HANDLE(OH_JSVM_##name(NULL, d, v));                   \
        EXPECT_INVALID(env, OH_JSVM_##name(env, NULL, v));                \
        EXPECT_INVALID(env, OH_JSVM_##name(env, d, NULL));                \
        EXPECT_OK(env, OH_JSVM_##name(env, d, v));                        \
        EXPECT_INVALID(env, OH_JSVM_##name(env, d, v));                   \
        run(env, "0"); /* lets an unhandled rejection settle quietly */  \
    }
SETTLE_CASE(ResolveDeferred)
SETTLE_CASE(RejectDeferred)

NULL_CASE(PromiseRegisterHandler)
{
    JSVM_Env env = f->env;
    JSVM_Value p = run(env, "Promise.resolve(1)"), fn = run(env, "(function () {})"), r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_PromiseRegisterHandler(NULL, p, fn, fn, &r));
    EXPECT_INVALID(env, OH_JSVM_PromiseRegisterHandler(env, NULL, fn, fn, &r));
    EXPECT_INVALID(env, OH_JSVM_PromiseRegisterHandler(env, p, NULL, NULL, &r));
    EXPECT_ST(env, OH_JSVM_PromiseRegisterHandler(env, run(env, "({})"), fn, fn, &r), JSVM_INVALID_TYPE);
    EXPECT_ST(env, OH_JSVM_PromiseRegisterHandler(env, p, num(env, 1), fn, &r), JSVM_INVALID_TYPE);
    EXPECT_ST(env, OH_JSVM_PromiseRegisterHandler(env, p, fn, num(env, 1), &r), JSVM_INVALID_TYPE);
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_PromiseRegisterHandler(env, p, fn, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_PromiseRegisterHandler(env, p, NULL, fn, &r));
    EXPECT_TRUE(r != SENTINEL);
}

/* =====================================================================
 * GetLastErrorInfo contents
 * ===================================================================== */

static const JSVM_ExtendedErrorInfo *last(JSVM_Env env)
{
    const JSVM_ExtendedErrorInfo *info = NULL;
    if (OH_JSVM_GetLastErrorInfo(env, &info) != JSVM_OK || !info) {
        jt_fail(__FILE__, __LINE__, "GetLastErrorInfo failed");
        static const JSVM_ExtendedErrorInfo none = {"(none)", NULL, 0, (JSVM_Status)-1};
        return &none;
    }
    return info;
}

/* The last error is want, with its fixed message and the engine fields cleared. */
#define EXPECT_LAST(env, want, text)                                \
    do {                                                            \
        const JSVM_ExtendedErrorInfo *i_ = last(env);               \
        EXPECT_EQ_INT(i_->errorCode, (want));                       \
        EXPECT_STREQ(i_->errorMessage, (text));                     \
        EXPECT_TRUE(i_->engineReserved == NULL);                    \
        EXPECT_EQ_INT(i_->engineErrorCode, 0);                      \
    } while (0)

static void error_messages(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value v = NULL;
    double d = 0;
    bool b = false;
    size_t n = 0;

    EXPECT_INVALID(env, OH_JSVM_CreateInt32(env, 1, NULL));
    EXPECT_LAST(env, JSVM_INVALID_ARG, "Invalid argument");

    EXPECT_ST(env, OH_JSVM_GetValueDouble(env, str(env, "x"), &d), JSVM_NUMBER_EXPECTED);
    EXPECT_LAST(env, JSVM_NUMBER_EXPECTED, "A number was expected");

    EXPECT_ST(env, OH_JSVM_GetValueStringUtf8(env, num(env, 1), NULL, 0, &n), JSVM_STRING_EXPECTED);
    EXPECT_LAST(env, JSVM_STRING_EXPECTED, "A string was expected");

    EXPECT_ST(env, OH_JSVM_GetValueBool(env, num(env, 1), &b), JSVM_BOOLEAN_EXPECTED);
    EXPECT_LAST(env, JSVM_BOOLEAN_EXPECTED, "A boolean was expected");

    /* A JS-running call while an exception is pending. */
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "boom"));
    JSVM_Script s = NULL;
    EXPECT_ST(env, OH_JSVM_CompileScript(env, str(env, "1"), NULL, 0, false, NULL, &s), JSVM_PENDING_EXCEPTION);
    EXPECT_LAST(env, JSVM_PENDING_EXCEPTION, "An exception is pending");
    expect_and_clear_exception(env);

    /* A script that throws. */
    s = compile(env, "throw new RangeError('r')");
    JSVM_Value r = NULL;
    EXPECT_ST(env, OH_JSVM_RunScript(env, s, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_LAST(env, JSVM_PENDING_EXCEPTION, "An exception is pending");
    expect_and_clear_exception(env);

    /* A function body that does not compile (spec: JSVM_GENERIC_FAILURE, exception pending). */
    JSVM_Value fn = NULL;
    EXPECT_ST(env, OH_JSVM_CreateFunctionWithScript(env, NULL, 0, 0, NULL, str(env, "return )"), &fn),
              JSVM_GENERIC_FAILURE);
    EXPECT_LAST(env, JSVM_GENERIC_FAILURE, "Unknown failure");
    expect_and_clear_exception(env);

    /* Escaping twice. */
    JSVM_EscapableHandleScope es = NULL;
    CHECK_OK(env, OH_JSVM_OpenEscapableHandleScope(env, &es));
    v = num(env, 1);
    JSVM_Value out = NULL;
    CHECK_OK(env, OH_JSVM_EscapeHandle(env, es, v, &out));
    EXPECT_ST(env, OH_JSVM_EscapeHandle(env, es, v, &out), JSVM_ESCAPE_CALLED_TWICE);
    EXPECT_LAST(env, JSVM_ESCAPE_CALLED_TWICE, "OH_JSVM_EscapeHandle already called on scope");
    CHECK_OK(env, OH_JSVM_CloseEscapableHandleScope(env, es));

    expect_no_exception(env);
    jt_teardown(&f);
}

/* Success clears the record: JSVM_OK and a NULL message. */
static void success_resets_last_error(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value v = NULL;

    EXPECT_INVALID(env, OH_JSVM_CreateObject(env, NULL));
    EXPECT_LAST(env, JSVM_INVALID_ARG, "Invalid argument");
    CHECK_OK(env, OH_JSVM_CreateObject(env, &v));
    const JSVM_ExtendedErrorInfo *i = last(env);
    EXPECT_EQ_INT(i->errorCode, JSVM_OK);
    EXPECT_TRUE(i->errorMessage == NULL);
    EXPECT_TRUE(i->engineReserved == NULL);
    EXPECT_EQ_INT(i->engineErrorCode, 0);

    /* Also after a type error, and through functions implemented in different ways. */
    double d = 0;
    EXPECT_STATUS(env, OH_JSVM_GetValueDouble(env, str(env, "x"), &d), JSVM_NUMBER_EXPECTED);
    CHECK_OK(env, OH_JSVM_GetValueDouble(env, num(env, 2), &d));
    EXPECT_EQ_INT(last(env)->errorCode, JSVM_OK);
    EXPECT_TRUE(last(env)->errorMessage == NULL);

    EXPECT_STATUS(env, OH_JSVM_CreateStringUtf8(env, NULL, 3, &v), JSVM_INVALID_ARG);
    JT_RUN(env, "1 + 1"); /* CreateString + CompileScript + RunScript */
    EXPECT_EQ_INT(last(env)->errorCode, JSVM_OK);
    EXPECT_TRUE(last(env)->errorMessage == NULL);

    /* And after a pending exception was cleared. */
    JSVM_Script s = compile(env, "1");
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "x"));
    EXPECT_STATUS(env, OH_JSVM_RunScript(env, s, &v), JSVM_PENDING_EXCEPTION);
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &v));
    EXPECT_EQ_INT(last(env)->errorCode, JSVM_OK);
    EXPECT_TRUE(last(env)->errorMessage == NULL);
    jt_teardown(&f);
}

/* GetLastErrorInfo reports the previous call and does not reset it; the
 * pointer is env-owned and stays valid, its contents follow later calls. */
static void last_error_info_is_stable(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    const JSVM_ExtendedErrorInfo *a = NULL, *b = NULL;
    JSVM_Value v = NULL;
    EXPECT_INVALID(env, OH_JSVM_GetGlobal(env, NULL));
    EXPECT_VM_STATUS(OH_JSVM_GetLastErrorInfo(env, &a), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_GetLastErrorInfo(env, &b), JSVM_OK);
    EXPECT_TRUE(a == b && a != NULL);
    EXPECT_EQ_INT(b->errorCode, JSVM_INVALID_ARG);
    /* The same struct now shows the next call's status. */
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &v));
    EXPECT_EQ_INT(a->errorCode, JSVM_OK);
    EXPECT_TRUE(a->errorMessage == NULL);
    bool flag = false;
    EXPECT_STATUS(env, OH_JSVM_GetValueBool(env, v, &flag), JSVM_BOOLEAN_EXPECTED);
    EXPECT_EQ_INT(a->errorCode, JSVM_BOOLEAN_EXPECTED);
    EXPECT_STREQ(a->errorMessage, "A boolean was expected");
    jt_teardown(&f);
}

/* Each env has its own record. */
static void last_error_is_per_env(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env2 = NULL;
    JSVM_EnvScope es2 = NULL;
    JSVM_HandleScope hs2 = NULL;
    JSVM_Value v = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f.vm, 0, NULL, &env2), JSVM_OK);
    CHECK_OK(env2, OH_JSVM_OpenEnvScope(env2, &es2));
    CHECK_OK(env2, OH_JSVM_OpenHandleScope(env2, &hs2));

    EXPECT_INVALID(f.env, OH_JSVM_CreateArray(f.env, NULL));
    CHECK_OK(env2, OH_JSVM_CreateArray(env2, &v));
    EXPECT_LAST(f.env, JSVM_INVALID_ARG, "Invalid argument");
    EXPECT_EQ_INT(last(env2)->errorCode, JSVM_OK);

    /* A NULL-env call changes neither. */
    EXPECT_NULL_HANDLE(OH_JSVM_CreateArray(NULL, NULL));
    EXPECT_LAST(f.env, JSVM_INVALID_ARG, "Invalid argument");
    EXPECT_EQ_INT(last(env2)->errorCode, JSVM_OK);

    CHECK_OK(env2, OH_JSVM_CloseHandleScope(env2, hs2));
    CHECK_OK(env2, OH_JSVM_CloseEnvScope(env2, es2));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);
    jt_teardown(&f);
}

/* While an exception is pending (spec §2.2): the JS-running functions fail
 * with JSVM_PENDING_EXCEPTION on entry, before looking at their other
 * arguments (only a NULL env comes first); the others keep validating their
 * arguments and work normally. */
static void pending_exception_before_argument_checks(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value fn = run(env, "(function () {})"), recv = undef(env), src = str(env, "1"), v = NULL;
    JSVM_Script script = compile(env, "1");
    JSVM_ScriptOrigin origin = {NULL, "t.js", 0, 0};
    JSVM_Script s = NULL;
    const JSVM_Status P = JSVM_PENDING_EXCEPTION;

    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    /* env+JS functions, each with one NULL mandatory argument. */
    EXPECT_STATUS(env, OH_JSVM_CompileScript(env, NULL, NULL, 0, false, NULL, &s), P);
    EXPECT_STATUS(env, OH_JSVM_CompileScript(env, src, NULL, 0, false, NULL, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOrigin(env, NULL, NULL, 0, false, NULL, &origin, &s), P);
    EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, NULL, 0, NULL, &s), P);
    EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, src, 1, NULL, &s), P);
    EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, src, 0, NULL, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_RunScript(env, NULL, &v), P);
    EXPECT_STATUS(env, OH_JSVM_RunScript(env, script, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_CallFunction(env, NULL, fn, 0, NULL, &v), P);
    EXPECT_STATUS(env, OH_JSVM_CallFunction(env, recv, NULL, 0, NULL, &v), P);
    EXPECT_STATUS(env, OH_JSVM_CreateFunction(env, "f", JSVM_AUTO_LENGTH, &cb7, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_CreateFunction(env, "f", JSVM_AUTO_LENGTH, NULL, &v), P);
    EXPECT_STATUS(env, OH_JSVM_NewInstance(env, NULL, 0, NULL, &v), P);
    EXPECT_STATUS(env, OH_JSVM_NewInstance(env, fn, 0, NULL, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_CreateFunctionWithScript(env, NULL, 0, 0, NULL, NULL, &v), P);
    EXPECT_STATUS(env, OH_JSVM_Throw(env, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_ThrowError(env, NULL, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_ThrowTypeError(env, NULL, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_ThrowRangeError(env, NULL, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_ThrowSyntaxError(env, NULL, NULL), P);
    /* and with valid arguments */
    EXPECT_STATUS(env, OH_JSVM_CallFunction(env, recv, fn, 0, NULL, &v), P);
    EXPECT_STATUS(env, OH_JSVM_CreateFunction(env, "f", JSVM_AUTO_LENGTH, &cb7, &v), P);
    EXPECT_STATUS(env, OH_JSVM_ThrowError(env, NULL, "second"), P);

    /* env functions still validate and work. */
    EXPECT_STATUS(env, OH_JSVM_CreateInt32(env, 1, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetValueDouble(env, src, (double *)NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateError(env, NULL, NULL, &v), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateStringUtf8(env, "x", 1, &v), JSVM_OK);
    double d = 0;
    EXPECT_STATUS(env, OH_JSVM_GetValueDouble(env, v, &d), JSVM_NUMBER_EXPECTED);
    EXPECT_STATUS(env, OH_JSVM_CreateDouble(env, 2, &v), JSVM_OK);
    const uint8_t *cache = NULL;
    size_t cache_len = 0;
    EXPECT_STATUS(env, OH_JSVM_CreateCodeCache(env, script, NULL, &cache_len), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateCodeCache(env, script, &cache, &cache_len), JSVM_OK);
    EXPECT_STATUS(env, OH_JSVM_ReleaseCache(env, cache, JSVM_CACHE_TYPE_WASM), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_ReleaseCache(env, cache, JSVM_CACHE_TYPE_JS), JSVM_OK);

    /* The original exception is still the pending one. */
    JSVM_Value e = NULL, msg = NULL;
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    JSVM_Value getmsg = run(env, "(function (e) { return e.message; })");
    CHECK_OK(env, OH_JSVM_CallFunction(env, recv, getmsg, 1, &e, &msg));
    char buf[32] = "";
    CHECK_OK(env, OH_JSVM_GetValueStringUtf8(env, msg, buf, sizeof buf, NULL));
    EXPECT_STREQ(buf, "pending");
    jt_teardown(&f);
}

/* =====================================================================
 * Native state: classes, wrap, type tags, externals, references,
 * instance data, private keys
 * ===================================================================== */

static JSVM_Value NopCb(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct nop_cb = {NopCb, NULL};
static JSVM_CallbackStruct no_fn_cb = {NULL, NULL};

static JSVM_Value obj(JSVM_Env env)
{
    JSVM_Value o = NULL;
    CHECK_OK(env, OH_JSVM_CreateObject(env, &o));
    return o;
}

NULL_CASE(DefineClass)
{
    JSVM_Env env = f->env;
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_DefineClass(NULL, "C", JSVM_AUTO_LENGTH, &nop_cb, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClass(env, NULL, JSVM_AUTO_LENGTH, &nop_cb, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClass(env, "C", JSVM_AUTO_LENGTH, NULL, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClass(env, "C", JSVM_AUTO_LENGTH, &no_fn_cb, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClass(env, "C", JSVM_AUTO_LENGTH, &nop_cb, 1, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClass(env, "C", JSVM_AUTO_LENGTH, &nop_cb, 0, NULL, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_DefineClass(env, "C", JSVM_AUTO_LENGTH, &nop_cb, 0, NULL, &r));
}

NULL_CASE(DefineClassWithPropertyHandler)
{
    JSVM_Env env = f->env;
    JSVM_PropertyHandlerConfigurationStruct cfg;
    memset(&cfg, 0, sizeof cfg);
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_DefineClassWithPropertyHandler(NULL, "C", 1, &nop_cb, 0, NULL, &cfg, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithPropertyHandler(env, NULL, 1, &nop_cb, 0, NULL, &cfg, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithPropertyHandler(env, "C", 1, NULL, 0, NULL, &cfg, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithPropertyHandler(env, "C", 1, &nop_cb, 0, NULL, NULL, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithPropertyHandler(env, "C", 1, &nop_cb, 0, NULL, &cfg, NULL, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_DefineClassWithPropertyHandler(env, "C", 1, &nop_cb, 0, NULL, &cfg, NULL, &r));
}

NULL_CASE(DefineClassWithOptions)
{
    JSVM_Env env = f->env;
    JSVM_DefineClassOptions bad;
    memset(&bad, 0, sizeof bad);
    bad.id = (JSVM_DefineClassOptionsId)99;
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_DefineClassWithOptions(NULL, "C", 1, &nop_cb, 0, NULL, NULL, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithOptions(env, NULL, 1, &nop_cb, 0, NULL, NULL, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithOptions(env, "C", 1, NULL, 0, NULL, NULL, 0, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithOptions(env, "C", 1, &nop_cb, 0, NULL, NULL, 1, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithOptions(env, "C", 1, &nop_cb, 0, NULL, NULL, 0, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithOptions(env, "C", 1, &nop_cb, 0, NULL, NULL, 1, &bad, &r));
    /* a parent that is not a class made by the API */
    EXPECT_INVALID(env, OH_JSVM_DefineClassWithOptions(env, "C", 1, &nop_cb, 0, NULL, obj(env), 0, NULL, &r));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_DefineClassWithOptions(env, "C", 1, &nop_cb, 0, NULL, NULL, 0, NULL, &r));
}

NULL_CASE(Wrap)
{
    JSVM_Env env = f->env;
    JSVM_Value o = obj(env);
    EXPECT_NULL_HANDLE(OH_JSVM_Wrap(NULL, o, (void *)1, NULL, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_Wrap(env, NULL, (void *)1, NULL, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_Wrap(env, num(env, 1), (void *)1, NULL, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_Wrap(env, o, (void *)1, NULL, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_Wrap(env, o, (void *)2, NULL, NULL, NULL)); /* already wrapped */
}

NULL_CASE(Unwrap)
{
    JSVM_Env env = f->env;
    JSVM_Value o = obj(env);
    void *p = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_Unwrap(NULL, o, &p));
    EXPECT_INVALID(env, OH_JSVM_Unwrap(env, NULL, &p));
    EXPECT_INVALID(env, OH_JSVM_Unwrap(env, o, NULL));
    EXPECT_INVALID(env, OH_JSVM_Unwrap(env, o, &p)); /* not wrapped */
    EXPECT_INVALID(env, OH_JSVM_Unwrap(env, num(env, 1), &p));
    EXPECT_OK(env, OH_JSVM_Wrap(env, o, (void *)3, NULL, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_Unwrap(env, o, &p));
    EXPECT_TRUE(p == (void *)3);
}

NULL_CASE(RemoveWrap)
{
    JSVM_Env env = f->env;
    JSVM_Value o = obj(env);
    void *p = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_RemoveWrap(NULL, o, &p));
    EXPECT_INVALID(env, OH_JSVM_RemoveWrap(env, NULL, &p));
    EXPECT_INVALID(env, OH_JSVM_RemoveWrap(env, o, &p)); /* not wrapped */
    EXPECT_OK(env, OH_JSVM_Wrap(env, o, (void *)4, NULL, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_RemoveWrap(env, o, NULL)); /* result optional */
    EXPECT_INVALID(env, OH_JSVM_Unwrap(env, o, &p));
}

static void NopFin(JSVM_Env env, void *data, void *hint)
{
    (void)env;
    (void)data;
    (void)hint;
}

NULL_CASE(AddFinalizer)
{
    JSVM_Env env = f->env;
    JSVM_Value o = obj(env);
    EXPECT_NULL_HANDLE(OH_JSVM_AddFinalizer(NULL, o, NULL, NopFin, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_AddFinalizer(env, NULL, NULL, NopFin, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_AddFinalizer(env, o, NULL, NULL, NULL, NULL));
    EXPECT_INVALID(env, OH_JSVM_AddFinalizer(env, num(env, 2), NULL, NopFin, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_AddFinalizer(env, o, NULL, NopFin, NULL, NULL));
}

static const JSVM_TypeTag tag1 = {1, 2};

NULL_CASE(TypeTagObject)
{
    JSVM_Env env = f->env;
    JSVM_Value o = obj(env);
    EXPECT_NULL_HANDLE(OH_JSVM_TypeTagObject(NULL, o, &tag1));
    EXPECT_INVALID(env, OH_JSVM_TypeTagObject(env, NULL, &tag1));
    EXPECT_INVALID(env, OH_JSVM_TypeTagObject(env, o, NULL));
    EXPECT_ST(env, OH_JSVM_TypeTagObject(env, undef(env), &tag1), JSVM_OBJECT_EXPECTED);
    EXPECT_OK(env, OH_JSVM_TypeTagObject(env, o, &tag1));
    EXPECT_INVALID(env, OH_JSVM_TypeTagObject(env, o, &tag1)); /* already tagged */
}

NULL_CASE(CheckObjectTypeTag)
{
    JSVM_Env env = f->env;
    JSVM_Value o = obj(env);
    bool b = true;
    EXPECT_NULL_HANDLE(OH_JSVM_CheckObjectTypeTag(NULL, o, &tag1, &b));
    EXPECT_INVALID(env, OH_JSVM_CheckObjectTypeTag(env, NULL, &tag1, &b));
    EXPECT_INVALID(env, OH_JSVM_CheckObjectTypeTag(env, o, NULL, &b));
    EXPECT_INVALID(env, OH_JSVM_CheckObjectTypeTag(env, o, &tag1, NULL));
    EXPECT_ST(env, OH_JSVM_CheckObjectTypeTag(env, num(env, 1), &tag1, &b), JSVM_OBJECT_EXPECTED);
    EXPECT_OK(env, OH_JSVM_CheckObjectTypeTag(env, o, &tag1, &b));
    EXPECT_TRUE(!b);
}

NULL_CASE(CreateExternal)
{
    JSVM_Env env = f->env;
    JSVM_Value r = SENTINEL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateExternal(NULL, (void *)1, NULL, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_CreateExternal(env, (void *)1, NULL, NULL, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_CreateExternal(env, (void *)1, NULL, NULL, &r));
}

NULL_CASE(GetValueExternal)
{
    JSVM_Env env = f->env;
    JSVM_Value e = NULL;
    void *p = NULL;
    EXPECT_OK(env, OH_JSVM_CreateExternal(env, (void *)9, NULL, NULL, &e));
    EXPECT_NULL_HANDLE(OH_JSVM_GetValueExternal(NULL, e, &p));
    EXPECT_INVALID(env, OH_JSVM_GetValueExternal(env, NULL, &p));
    EXPECT_INVALID(env, OH_JSVM_GetValueExternal(env, e, NULL));
    EXPECT_INVALID(env, OH_JSVM_GetValueExternal(env, obj(env), &p));
    EXPECT_OK(env, OH_JSVM_GetValueExternal(env, e, &p));
    EXPECT_TRUE(p == (void *)9);
}

NULL_CASE(CreateReference)
{
    JSVM_Env env = f->env;
    JSVM_Ref ref = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreateReference(NULL, obj(env), 1, &ref));
    EXPECT_INVALID(env, OH_JSVM_CreateReference(env, NULL, 1, &ref));
    EXPECT_INVALID(env, OH_JSVM_CreateReference(env, obj(env), 1, NULL));
    EXPECT_OK(env, OH_JSVM_CreateReference(env, num(env, 1), 0, &ref));
    EXPECT_OK(env, OH_JSVM_DeleteReference(env, ref));
}

NULL_CASE(DeleteReference)
{
    JSVM_Env env = f->env;
    JSVM_Ref ref = NULL;
    EXPECT_OK(env, OH_JSVM_CreateReference(env, obj(env), 1, &ref));
    EXPECT_NULL_HANDLE(OH_JSVM_DeleteReference(NULL, ref));
    EXPECT_INVALID(env, OH_JSVM_DeleteReference(env, NULL));
    EXPECT_OK(env, OH_JSVM_DeleteReference(env, ref));
    EXPECT_INVALID(env, OH_JSVM_DeleteReference(env, ref)); /* twice */
}

NULL_CASE(ReferenceRef)
{
    JSVM_Env env = f->env;
    JSVM_Ref ref = NULL;
    uint32_t c = 0;
    EXPECT_OK(env, OH_JSVM_CreateReference(env, obj(env), 1, &ref));
    EXPECT_NULL_HANDLE(OH_JSVM_ReferenceRef(NULL, ref, &c));
    EXPECT_INVALID(env, OH_JSVM_ReferenceRef(env, NULL, &c));
    EXPECT_OK(env, OH_JSVM_ReferenceRef(env, ref, NULL)); /* result optional */
    EXPECT_OK(env, OH_JSVM_ReferenceRef(env, ref, &c));
    EXPECT_EQ_INT(c, 3);
    EXPECT_OK(env, OH_JSVM_DeleteReference(env, ref));
    EXPECT_INVALID(env, OH_JSVM_ReferenceRef(env, ref, &c));
}

NULL_CASE(ReferenceUnref)
{
    JSVM_Env env = f->env;
    JSVM_Ref ref = NULL;
    uint32_t c = 9;
    EXPECT_OK(env, OH_JSVM_CreateReference(env, num(env, 1), 1, &ref));
    EXPECT_NULL_HANDLE(OH_JSVM_ReferenceUnref(NULL, ref, &c));
    EXPECT_INVALID(env, OH_JSVM_ReferenceUnref(env, NULL, &c));
    EXPECT_OK(env, OH_JSVM_ReferenceUnref(env, ref, &c));
    EXPECT_EQ_INT(c, 0);
    EXPECT_ST(env, OH_JSVM_ReferenceUnref(env, ref, &c), JSVM_GENERIC_FAILURE);
    EXPECT_OK(env, OH_JSVM_DeleteReference(env, ref));
}

NULL_CASE(GetReferenceValue)
{
    JSVM_Env env = f->env;
    JSVM_Ref ref = NULL;
    JSVM_Value r = SENTINEL;
    EXPECT_OK(env, OH_JSVM_CreateReference(env, num(env, 5), 0, &ref));
    EXPECT_NULL_HANDLE(OH_JSVM_GetReferenceValue(NULL, ref, &r));
    EXPECT_INVALID(env, OH_JSVM_GetReferenceValue(env, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_GetReferenceValue(env, ref, NULL));
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_GetReferenceValue(env, ref, &r));
    EXPECT_JS(env, r, "(x) => x === 5");
    EXPECT_OK(env, OH_JSVM_DeleteReference(env, ref));
    EXPECT_INVALID(env, OH_JSVM_GetReferenceValue(env, ref, &r));
}

NULL_CASE(CreateDataReference)
{
    JSVM_Env env = f->env;
    JSVM_Data key = NULL;
    JSVM_Ref ref = NULL;
    EXPECT_OK(env, OH_JSVM_CreatePrivate(env, NULL, &key));
    EXPECT_NULL_HANDLE(OH_JSVM_CreateDataReference(NULL, key, 1, &ref));
    EXPECT_INVALID(env, OH_JSVM_CreateDataReference(env, NULL, 1, &ref));
    EXPECT_INVALID(env, OH_JSVM_CreateDataReference(env, key, 0, &ref)); /* data refs are strong */
    EXPECT_INVALID(env, OH_JSVM_CreateDataReference(env, key, 1, NULL));
    EXPECT_OK(env, OH_JSVM_CreateDataReference(env, key, 1, &ref));
    EXPECT_OK(env, OH_JSVM_DeleteReference(env, ref));
}

NULL_CASE(GetReferenceData)
{
    JSVM_Env env = f->env;
    JSVM_Data key = NULL, got = NULL;
    JSVM_Ref ref = NULL, vref = NULL;
    EXPECT_OK(env, OH_JSVM_CreatePrivate(env, NULL, &key));
    EXPECT_OK(env, OH_JSVM_CreateDataReference(env, key, 1, &ref));
    EXPECT_OK(env, OH_JSVM_CreateReference(env, obj(env), 1, &vref));
    EXPECT_NULL_HANDLE(OH_JSVM_GetReferenceData(NULL, ref, &got));
    EXPECT_INVALID(env, OH_JSVM_GetReferenceData(env, NULL, &got));
    EXPECT_INVALID(env, OH_JSVM_GetReferenceData(env, ref, NULL));
    EXPECT_INVALID(env, OH_JSVM_GetReferenceData(env, vref, &got)); /* a value reference */
    EXPECT_OK(env, OH_JSVM_GetReferenceData(env, ref, &got));
    EXPECT_TRUE(got != NULL);
    EXPECT_OK(env, OH_JSVM_DeleteReference(env, ref));
    EXPECT_OK(env, OH_JSVM_DeleteReference(env, vref));
}

NULL_CASE(SetInstanceData)
{
    JSVM_Env env = f->env;
    EXPECT_NULL_HANDLE(OH_JSVM_SetInstanceData(NULL, (void *)1, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_SetInstanceData(env, (void *)1, NULL, NULL));
    EXPECT_OK(env, OH_JSVM_SetInstanceData(env, NULL, NULL, NULL));
}

NULL_CASE(GetInstanceData)
{
    JSVM_Env env = f->env;
    void *d = (void *)7;
    EXPECT_NULL_HANDLE(OH_JSVM_GetInstanceData(NULL, &d));
    EXPECT_INVALID(env, OH_JSVM_GetInstanceData(env, NULL));
    EXPECT_OK(env, OH_JSVM_GetInstanceData(env, &d));
    EXPECT_TRUE(d == NULL);
}

NULL_CASE(CreatePrivate)
{
    JSVM_Env env = f->env;
    JSVM_Data key = NULL;
    EXPECT_NULL_HANDLE(OH_JSVM_CreatePrivate(NULL, NULL, &key));
    EXPECT_INVALID(env, OH_JSVM_CreatePrivate(env, NULL, NULL));
    EXPECT_ST(env, OH_JSVM_CreatePrivate(env, num(env, 1), &key), JSVM_STRING_EXPECTED);
    EXPECT_OK(env, OH_JSVM_CreatePrivate(env, str(env, "k"), &key));
}

NULL_CASE(SetPrivate)
{
    JSVM_Env env = f->env;
    JSVM_Data key = NULL;
    JSVM_Value o = obj(env), v = num(env, 1);
    EXPECT_OK(env, OH_JSVM_CreatePrivate(env, NULL, &key));
    EXPECT_NULL_HANDLE(OH_JSVM_SetPrivate(NULL, o, key, v));
    EXPECT_INVALID(env, OH_JSVM_SetPrivate(env, NULL, key, v));
    EXPECT_INVALID(env, OH_JSVM_SetPrivate(env, o, NULL, v));
    EXPECT_INVALID(env, OH_JSVM_SetPrivate(env, o, key, NULL));
    EXPECT_INVALID(env, OH_JSVM_SetPrivate(env, o, (JSVM_Data)v, v)); /* not a private key */
    EXPECT_ST(env, OH_JSVM_SetPrivate(env, v, key, v), JSVM_OBJECT_EXPECTED);
    EXPECT_OK(env, OH_JSVM_SetPrivate(env, o, key, v));
}

NULL_CASE(GetPrivate)
{
    JSVM_Env env = f->env;
    JSVM_Data key = NULL;
    JSVM_Value o = obj(env), r = SENTINEL;
    EXPECT_OK(env, OH_JSVM_CreatePrivate(env, NULL, &key));
    EXPECT_NULL_HANDLE(OH_JSVM_GetPrivate(NULL, o, key, &r));
    EXPECT_INVALID(env, OH_JSVM_GetPrivate(env, NULL, key, &r));
    EXPECT_INVALID(env, OH_JSVM_GetPrivate(env, o, NULL, &r));
    EXPECT_INVALID(env, OH_JSVM_GetPrivate(env, o, key, NULL));
    EXPECT_ST(env, OH_JSVM_GetPrivate(env, num(env, 1), key, &r), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_OK(env, OH_JSVM_GetPrivate(env, o, key, &r));
    EXPECT_JS(env, r, "(x) => x === undefined");
}

NULL_CASE(DeletePrivate)
{
    JSVM_Env env = f->env;
    JSVM_Data key = NULL;
    JSVM_Value o = obj(env);
    EXPECT_OK(env, OH_JSVM_CreatePrivate(env, NULL, &key));
    EXPECT_NULL_HANDLE(OH_JSVM_DeletePrivate(NULL, o, key));
    EXPECT_INVALID(env, OH_JSVM_DeletePrivate(env, NULL, key));
    EXPECT_INVALID(env, OH_JSVM_DeletePrivate(env, o, NULL));
    EXPECT_ST(env, OH_JSVM_DeletePrivate(env, num(env, 1), key), JSVM_OBJECT_EXPECTED);
    EXPECT_OK(env, OH_JSVM_DeletePrivate(env, o, key));
}

/* ---- heap statistics and VM handlers (issue 5) ---- */

static void nc_oom(const char *location, const char *detail, bool heap) { (void)location; (void)detail; (void)heap; }
static void nc_fatal(const char *location, const char *message) { (void)location; (void)message; }
static void nc_reject(JSVM_Env env, JSVM_PromiseRejectEvent ev, JSVM_Value info) { (void)env; (void)ev; (void)info; }

NULL_CASE(GetHeapStatistics)
{
    JSVM_HeapStatistics hs;
    memset(&hs, 0, sizeof hs);
    EXPECT_NULL_HANDLE(OH_JSVM_GetHeapStatistics(NULL, &hs));
    EXPECT_NULL_HANDLE(OH_JSVM_GetHeapStatistics(f->vm, NULL));
    EXPECT_TRUE(hs.heapSizeLimit == 0);
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(f->vm, &hs), JSVM_OK);
    EXPECT_TRUE(hs.heapSizeLimit > 0);
}

NULL_CASE(SetHandlerForOOMError)
{
    EXPECT_NULL_HANDLE(OH_JSVM_SetHandlerForOOMError(NULL, nc_oom));
    EXPECT_NULL_HANDLE(OH_JSVM_SetHandlerForOOMError(NULL, NULL));
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForOOMError(f->vm, nc_oom), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForOOMError(f->vm, NULL), JSVM_OK);
}

NULL_CASE(SetHandlerForFatalError)
{
    EXPECT_NULL_HANDLE(OH_JSVM_SetHandlerForFatalError(NULL, nc_fatal));
    EXPECT_NULL_HANDLE(OH_JSVM_SetHandlerForFatalError(NULL, NULL));
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForFatalError(f->vm, nc_fatal), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForFatalError(f->vm, NULL), JSVM_OK);
}

NULL_CASE(SetHandlerForPromiseReject)
{
    EXPECT_NULL_HANDLE(OH_JSVM_SetHandlerForPromiseReject(NULL, nc_reject));
    EXPECT_NULL_HANDLE(OH_JSVM_SetHandlerForPromiseReject(NULL, NULL));
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(f->vm, nc_reject), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(f->vm, NULL), JSVM_OK);
}

/* ---- GC handlers and heap threshold (issue 5) ---- */

static void nc_gc(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)vm; (void)type; (void)flags; (void)data;
}
static void nc_thr(JSVM_VM vm, uint64_t threshold, void *data) { (void)vm; (void)threshold; (void)data; }

NULL_CASE(AddHandlerForGC)
{
    int d = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_AddHandlerForGC(NULL, JSVM_CB_TRIGGER_BEFORE_GC, nc_gc, JSVM_GC_TYPE_ALL, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_AddHandlerForGC(f->vm, JSVM_CB_TRIGGER_BEFORE_GC, NULL, JSVM_GC_TYPE_ALL, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_AddHandlerForGC(f->vm, (JSVM_CBTriggerTimeForGC)2, nc_gc, JSVM_GC_TYPE_ALL, &d));
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(f->vm, JSVM_CB_TRIGGER_BEFORE_GC, nc_gc, JSVM_GC_TYPE_ALL, &d), JSVM_OK);
    EXPECT_NULL_HANDLE(OH_JSVM_AddHandlerForGC(f->vm, JSVM_CB_TRIGGER_BEFORE_GC, nc_gc, JSVM_GC_TYPE_ALL, &d));
    /* userData may be NULL */
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(f->vm, JSVM_CB_TRIGGER_AFTER_GC, nc_gc, JSVM_GC_TYPE_ALL, NULL), JSVM_OK);
}

NULL_CASE(RemoveHandlerForGC)
{
    int d = 0;
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(f->vm, JSVM_CB_TRIGGER_AFTER_GC, nc_gc, JSVM_GC_TYPE_ALL, &d), JSVM_OK);
    EXPECT_NULL_HANDLE(OH_JSVM_RemoveHandlerForGC(NULL, JSVM_CB_TRIGGER_AFTER_GC, nc_gc, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_RemoveHandlerForGC(f->vm, JSVM_CB_TRIGGER_AFTER_GC, NULL, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_RemoveHandlerForGC(f->vm, (JSVM_CBTriggerTimeForGC)5, nc_gc, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_RemoveHandlerForGC(f->vm, JSVM_CB_TRIGGER_AFTER_GC, nc_gc, NULL));
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(f->vm, JSVM_CB_TRIGGER_AFTER_GC, nc_gc, &d), JSVM_OK);
    EXPECT_NULL_HANDLE(OH_JSVM_RemoveHandlerForGC(f->vm, JSVM_CB_TRIGGER_AFTER_GC, nc_gc, &d));
}

NULL_CASE(SetHeapThresholdCallback)
{
    int d = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_SetHeapThresholdCallback(NULL, 1 << 20, nc_thr, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_SetHeapThresholdCallback(f->vm, 1 << 20, NULL, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_SetHeapThresholdCallback(f->vm, 0, nc_thr, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_SetHeapThresholdCallback(f->vm, UINT64_MAX, nc_thr, &d));
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(f->vm, 1 << 20, nc_thr, NULL), JSVM_OK);
    EXPECT_NULL_HANDLE(OH_JSVM_SetHeapThresholdCallback(f->vm, 1 << 20, nc_thr, NULL));
}

NULL_CASE(ClearHeapThresholdCallback)
{
    int d = 0;
    EXPECT_NULL_HANDLE(OH_JSVM_ClearHeapThresholdCallback(f->vm, 1 << 20, nc_thr, &d)); /* none registered */
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(f->vm, 1 << 20, nc_thr, &d), JSVM_OK);
    EXPECT_NULL_HANDLE(OH_JSVM_ClearHeapThresholdCallback(NULL, 1 << 20, nc_thr, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_ClearHeapThresholdCallback(f->vm, 1 << 20, NULL, &d));
    EXPECT_NULL_HANDLE(OH_JSVM_ClearHeapThresholdCallback(f->vm, 1 << 20, nc_thr, NULL));
    EXPECT_NULL_HANDLE(OH_JSVM_ClearHeapThresholdCallback(f->vm, 0, nc_thr, &d));
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(f->vm, 1 << 20, nc_thr, &d), JSVM_OK);
}

/* =====================================================================
 * The table
 * ===================================================================== */

#define CASE_ENTRY(name) {"OH_JSVM_" #name, t_##name}

static const jt_test null_cases[] = {
    /* init & VM */
    CASE_ENTRY(Init), CASE_ENTRY(CreateVM), CASE_ENTRY(DestroyVM), CASE_ENTRY(GetVM),
    CASE_ENTRY(CreateSnapshot), CASE_ENTRY(CreateEnvFromSnapshot),
    /* env */
    CASE_ENTRY(CreateEnv), CASE_ENTRY(DestroyEnv),
    /* scopes */
    CASE_ENTRY(OpenVMScope), CASE_ENTRY(CloseVMScope), CASE_ENTRY(OpenEnvScope), CASE_ENTRY(CloseEnvScope),
    CASE_ENTRY(OpenHandleScope), CASE_ENTRY(CloseHandleScope), CASE_ENTRY(OpenEscapableHandleScope),
    CASE_ENTRY(CloseEscapableHandleScope), CASE_ENTRY(EscapeHandle),
    /* locking */
    CASE_ENTRY(IsLocked), CASE_ENTRY(AcquireLock), CASE_ENTRY(ReleaseLock),
    /* scripts */
    CASE_ENTRY(CompileScript), CASE_ENTRY(CompileScriptWithOrigin), CASE_ENTRY(RunScript),
    CASE_ENTRY(RetainScript), CASE_ENTRY(ReleaseScript), CASE_ENTRY(CompileScriptWithOptions),
    CASE_ENTRY(CreateCodeCache), CASE_ENTRY(ReleaseCache), CASE_ENTRY(BackgroundDeserialize),
    CASE_ENTRY(ReleaseDeserializeResult),
    /* value creation */
    CASE_ENTRY(CreateArray), CASE_ENTRY(CreateArrayWithLength), CASE_ENTRY(CreateObject), CASE_ENTRY(CreateInt32),
    CASE_ENTRY(CreateUint32), CASE_ENTRY(CreateInt64), CASE_ENTRY(CreateDouble), CASE_ENTRY(CreateStringUtf8),
    CASE_ENTRY(CreateStringLatin1), CASE_ENTRY(CreateStringUtf16), CASE_ENTRY(GetBoolean), CASE_ENTRY(GetGlobal),
    CASE_ENTRY(GetNull), CASE_ENTRY(GetUndefined),
    /* value extraction */
    CASE_ENTRY(GetValueBool), CASE_ENTRY(GetValueDouble), CASE_ENTRY(GetValueInt32), CASE_ENTRY(GetValueUint32),
    CASE_ENTRY(GetValueInt64), CASE_ENTRY(GetValueStringUtf8), CASE_ENTRY(GetValueStringLatin1),
    CASE_ENTRY(GetValueStringUtf16),
    /* functions */
    CASE_ENTRY(CallFunction), CASE_ENTRY(CreateFunction), CASE_ENTRY(CreateFunctionWithScript),
    CASE_ENTRY(GetCbInfo), CASE_ENTRY(GetNewTarget), CASE_ENTRY(NewInstance),
    /* errors */
    CASE_ENTRY(GetLastErrorInfo), CASE_ENTRY(Throw), CASE_ENTRY(ThrowError), CASE_ENTRY(ThrowTypeError),
    CASE_ENTRY(ThrowRangeError), CASE_ENTRY(ThrowSyntaxError), CASE_ENTRY(IsError), CASE_ENTRY(CreateError),
    CASE_ENTRY(CreateTypeError), CASE_ENTRY(CreateRangeError), CASE_ENTRY(CreateSyntaxError),
    CASE_ENTRY(GetAndClearLastException), CASE_ENTRY(IsExceptionPending),
    /* type checks, coercion, objects */
    CASE_ENTRY(Typeof), CASE_ENTRY(Instanceof), CASE_ENTRY(IsArray), CASE_ENTRY(StrictEquals), CASE_ENTRY(Equals),
    CASE_ENTRY(IsCallable), CASE_ENTRY(IsUndefined), CASE_ENTRY(IsNull), CASE_ENTRY(IsNullOrUndefined),
    CASE_ENTRY(IsBoolean), CASE_ENTRY(IsNumber), CASE_ENTRY(IsString), CASE_ENTRY(IsSymbol), CASE_ENTRY(IsFunction),
    CASE_ENTRY(IsObject), CASE_ENTRY(IsBigInt), CASE_ENTRY(IsConstructor), CASE_ENTRY(IsBigIntObject),
    CASE_ENTRY(IsBooleanObject), CASE_ENTRY(IsStringObject), CASE_ENTRY(IsNumberObject), CASE_ENTRY(IsSymbolObject),
    CASE_ENTRY(CoerceToBool), CASE_ENTRY(CoerceToNumber), CASE_ENTRY(CoerceToObject), CASE_ENTRY(CoerceToString),
    CASE_ENTRY(CoerceToBigInt),
    CASE_ENTRY(DefineProperties), CASE_ENTRY(GetPropertyNames), CASE_ENTRY(GetAllPropertyNames),
    CASE_ENTRY(SetProperty), CASE_ENTRY(GetProperty), CASE_ENTRY(HasProperty), CASE_ENTRY(DeleteProperty),
    CASE_ENTRY(HasOwnProperty), CASE_ENTRY(SetNamedProperty), CASE_ENTRY(GetNamedProperty),
    CASE_ENTRY(HasNamedProperty), CASE_ENTRY(SetElement), CASE_ENTRY(GetElement), CASE_ENTRY(HasElement),
    CASE_ENTRY(DeleteElement), CASE_ENTRY(GetArrayLength), CASE_ENTRY(GetPrototype), CASE_ENTRY(ObjectGetPrototypeOf),
    CASE_ENTRY(ObjectSetPrototypeOf), CASE_ENTRY(ObjectFreeze), CASE_ENTRY(ObjectSeal), CASE_ENTRY(JsonParse),
    CASE_ENTRY(JsonStringify),
    /* microtasks, memory, version */
    CASE_ENTRY(SetMicrotaskPolicy), CASE_ENTRY(PerformMicrotaskCheckpoint), CASE_ENTRY(PumpMessageLoop),
    CASE_ENTRY(AdjustExternalMemory), CASE_ENTRY(MemoryPressureNotification), CASE_ENTRY(GetVersion),
    CASE_ENTRY(GetVMInfo),
    /* native state */
    CASE_ENTRY(DefineClass), CASE_ENTRY(DefineClassWithPropertyHandler), CASE_ENTRY(DefineClassWithOptions),
    CASE_ENTRY(Wrap), CASE_ENTRY(Unwrap), CASE_ENTRY(RemoveWrap), CASE_ENTRY(AddFinalizer),
    CASE_ENTRY(TypeTagObject), CASE_ENTRY(CheckObjectTypeTag), CASE_ENTRY(CreateExternal),
    CASE_ENTRY(GetValueExternal), CASE_ENTRY(CreateReference), CASE_ENTRY(DeleteReference),
    CASE_ENTRY(ReferenceRef), CASE_ENTRY(ReferenceUnref), CASE_ENTRY(GetReferenceValue),
    CASE_ENTRY(CreateDataReference), CASE_ENTRY(GetReferenceData), CASE_ENTRY(SetInstanceData),
    CASE_ENTRY(GetInstanceData), CASE_ENTRY(CreatePrivate), CASE_ENTRY(SetPrivate), CASE_ENTRY(GetPrivate),
    CASE_ENTRY(DeletePrivate),
    /* external strings, BigInt */
    CASE_ENTRY(CreateExternalStringLatin1), CASE_ENTRY(CreateExternalStringUtf16), CASE_ENTRY(CreateBigintInt64),
    CASE_ENTRY(CreateBigintUint64), CASE_ENTRY(CreateBigintWords), CASE_ENTRY(GetValueBigintInt64),
    CASE_ENTRY(GetValueBigintUint64), CASE_ENTRY(GetValueBigintWords),
    /* symbols */
    CASE_ENTRY(CreateSymbol), CASE_ENTRY(SymbolFor), CASE_ENTRY(GetSymbolAsyncIterator),
    CASE_ENTRY(GetSymbolHasInstance), CASE_ENTRY(GetSymbolIsConcatSpreadable), CASE_ENTRY(GetSymbolMatch),
    CASE_ENTRY(GetSymbolReplace), CASE_ENTRY(GetSymbolSearch), CASE_ENTRY(GetSymbolSplit),
    CASE_ENTRY(GetSymbolToPrimitive), CASE_ENTRY(GetSymbolUnscopables), CASE_ENTRY(GetSymbolToStringTag),
    CASE_ENTRY(GetSymbolIterator),
    /* dates */
    CASE_ENTRY(CreateDate), CASE_ENTRY(IsDate), CASE_ENTRY(GetDateValue),
    /* buffers */
    CASE_ENTRY(CreateArraybuffer), CASE_ENTRY(GetArraybufferInfo), CASE_ENTRY(IsArraybuffer),
    CASE_ENTRY(DetachArraybuffer), CASE_ENTRY(IsDetachedArraybuffer), CASE_ENTRY(AllocateArrayBufferBackingStoreData),
    CASE_ENTRY(FreeArrayBufferBackingStoreData), CASE_ENTRY(CreateArrayBufferFromBackingStoreData),
    CASE_ENTRY(CreateArrayBufferFromExternalMemory), CASE_ENTRY(CreateTypedarray), CASE_ENTRY(GetTypedarrayInfo),
    CASE_ENTRY(IsTypedarray), CASE_ENTRY(CreateDataview), CASE_ENTRY(GetDataviewInfo), CASE_ENTRY(IsDataview),
    /* Map, Set, RegExp, Proxy */
    CASE_ENTRY(CreateMap), CASE_ENTRY(CreateSet), CASE_ENTRY(CreateRegExp), CASE_ENTRY(CreateProxy), CASE_ENTRY(IsMap),
    CASE_ENTRY(IsSet), CASE_ENTRY(IsRegExp), CASE_ENTRY(IsProxy), CASE_ENTRY(ProxyGetTarget),
    /* promises */
    CASE_ENTRY(CreatePromise), CASE_ENTRY(ResolveDeferred), CASE_ENTRY(RejectDeferred), CASE_ENTRY(IsPromise),
    CASE_ENTRY(PromiseRegisterHandler),
    /* heap statistics, VM handlers */
    CASE_ENTRY(GetHeapStatistics), CASE_ENTRY(SetHandlerForOOMError), CASE_ENTRY(SetHandlerForFatalError),
    CASE_ENTRY(SetHandlerForPromiseReject),
    /* GC handlers, heap threshold */
    CASE_ENTRY(AddHandlerForGC), CASE_ENTRY(RemoveHandlerForGC), CASE_ENTRY(SetHeapThresholdCallback),
    CASE_ENTRY(ClearHeapThresholdCallback),
};
#define N_CASES (sizeof null_cases / sizeof null_cases[0])

/* Every function in ctests/required_exports.txt (next to this file) has a case. */
static void table_covers_required_exports(void)
{
    char path[4096];
    const char *file = __FILE__, *slash = strrchr(file, '/');
    size_t dir = slash ? (size_t)(slash - file + 1) : 0;
    snprintf(path, sizeof path, "%.*srequired_exports.txt", (int)dir, file);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        char msg[4200];
        snprintf(msg, sizeof msg, "cannot open %s", path);
        jt_fail(__FILE__, __LINE__, msg);
        return;
    }
    char line[256];
    int listed = 0;
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n \t")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        listed++;
        bool found = false;
        for (size_t i = 0; i < N_CASES && !found; i++)
            found = strcmp(null_cases[i].name, line) == 0;
        if (!found) {
            char msg[300];
            snprintf(msg, sizeof msg, "no argument-validation case for %s", line);
            jt_fail(__FILE__, __LINE__, msg);
        }
    }
    fclose(fp);
    EXPECT_TRUE(listed >= 71);
    /* No case is listed twice. */
    for (size_t i = 0; i < N_CASES; i++)
        for (size_t j = i + 1; j < N_CASES; j++)
            EXPECT_TRUE(strcmp(null_cases[i].name, null_cases[j].name) != 0);
}

int main(void)
{
    static const jt_test extra[] = {
        JT_TEST(error_messages),
        JT_TEST(success_resets_last_error),
        JT_TEST(last_error_info_is_stable),
        JT_TEST(last_error_is_per_env),
        JT_TEST(pending_exception_before_argument_checks),
        JT_TEST(table_covers_required_exports),
    };
    enum { N_EXTRA = sizeof extra / sizeof extra[0] };
    static jt_test all[N_CASES + N_EXTRA];
    memcpy(all, null_cases, sizeof null_cases);
    memcpy(all + N_CASES, extra, sizeof extra);
    return jt_main("null_args", all, N_CASES + N_EXTRA);
}
