/*
 * common.h: the small test framework of libjsvm's C tests. Uses only the
 * public header.
 *
 * Every check of a call also checks the contract that the returned status
 * equals OH_JSVM_GetLastErrorInfo()->errorCode (for env-taking calls), so
 * that contract is tested on every call of every test.
 */
#ifndef LIBJSVM_CTESTS_COMMON_H
#define LIBJSVM_CTESTS_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ark_runtime/jsvm.h"

#ifdef __cplusplus
extern "C" {
#endif

static int jt_failures;
static int jt_checks;
static const char *jt_current = "";

static inline void jt_fail(const char *file, int line, const char *what)
{
    jt_failures++;
    fprintf(stderr, "FAIL %s (%s:%d): %s\n", jt_current, file, line, what);
}

/* The status recorded on env must be the one the call returned. */
static inline void jt_check_last(JSVM_Env env, JSVM_Status st, const char *call, const char *file, int line)
{
    const JSVM_ExtendedErrorInfo *info = NULL;
    if (!env)
        return;
    if (OH_JSVM_GetLastErrorInfo(env, &info) != JSVM_OK || !info) {
        jt_fail(file, line, "GetLastErrorInfo failed");
        return;
    }
    if (info->errorCode != st) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s returned %d but last error says %d", call, (int)st, (int)info->errorCode);
        jt_fail(file, line, msg);
    }
}

/* EXPECT_STATUS(env, call, want): call returns want, and env's last error agrees. */
#define EXPECT_STATUS(env, call, want)                                                        \
    do {                                                                                      \
        JSVM_Status st_ = (call);                                                             \
        jt_checks++;                                                                          \
        if (st_ != (want)) {                                                                  \
            char msg_[512];                                                                   \
            snprintf(msg_, sizeof msg_, "%s returned %d, want %d", #call, (int)st_, (int)(want)); \
            jt_fail(__FILE__, __LINE__, msg_);                                                \
        }                                                                                     \
        jt_check_last((env), st_, #call, __FILE__, __LINE__);                                 \
    } while (0)

#define CHECK_OK(env, call) EXPECT_STATUS(env, call, JSVM_OK)

/* For calls without an env (VM-level and global functions). */
#define EXPECT_VM_STATUS(call, want) EXPECT_STATUS((JSVM_Env)NULL, call, want)

#define EXPECT_TRUE(cond)                                      \
    do {                                                       \
        jt_checks++;                                           \
        if (!(cond))                                           \
            jt_fail(__FILE__, __LINE__, "expected: " #cond);   \
    } while (0)

#define EXPECT_EQ_INT(a, b)                                                                 \
    do {                                                                                    \
        long long a_ = (long long)(a), b_ = (long long)(b);                                 \
        jt_checks++;                                                                        \
        if (a_ != b_) {                                                                     \
            char msg_[512];                                                                 \
            snprintf(msg_, sizeof msg_, "%s == %lld, want %s == %lld", #a, a_, #b, b_);     \
            jt_fail(__FILE__, __LINE__, msg_);                                              \
        }                                                                                   \
    } while (0)

#define EXPECT_STREQ(a, b)                                                                  \
    do {                                                                                    \
        const char *a_ = (a), *b_ = (b);                                                    \
        jt_checks++;                                                                        \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                            \
            char msg_[1024];                                                                \
            snprintf(msg_, sizeof msg_, "%s == \"%s\", want \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
            jt_fail(__FILE__, __LINE__, msg_);                                              \
        }                                                                                   \
    } while (0)

/* A VM + env + open scopes, as most tests need. */
typedef struct {
    JSVM_VM vm;
    JSVM_VMScope vm_scope;
    JSVM_Env env;
    JSVM_EnvScope env_scope;
    JSVM_HandleScope scope;
} jt_fixture;

static inline void jt_init(void)
{
    /* OK the first time in the process, GENERIC_FAILURE afterwards. */
    JSVM_Status st = OH_JSVM_Init(NULL);
    if (st != JSVM_OK && st != JSVM_GENERIC_FAILURE)
        jt_fail(__FILE__, __LINE__, "OH_JSVM_Init");
}

/* The fixture in a VM made with opts (NULL: defaults) and an env with
 * the global descriptors props. */
static inline void jt_setup_vm(jt_fixture *f, const JSVM_CreateVMOptions *opts, size_t n,
                               const JSVM_PropertyDescriptor *props)
{
    jt_init();
    memset(f, 0, sizeof *f);
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(opts, &f->vm), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(f->vm, &f->vm_scope), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f->vm, n, props, &f->env), JSVM_OK);
    CHECK_OK(f->env, OH_JSVM_OpenEnvScope(f->env, &f->env_scope));
    CHECK_OK(f->env, OH_JSVM_OpenHandleScope(f->env, &f->scope));
}

static inline void jt_setup_with(jt_fixture *f, size_t n, const JSVM_PropertyDescriptor *props)
{
    jt_setup_vm(f, NULL, n, props);
}

static inline void jt_setup(jt_fixture *f) { jt_setup_with(f, 0, NULL); }

/* The fixture in a VM whose memory is limited to limit bytes (0: none). */
static inline void jt_setup_limit(jt_fixture *f, size_t limit)
{
    JSVM_CreateVMOptions o;
    memset(&o, 0, sizeof o);
    o.maxOldGenerationSize = limit;
    jt_setup_vm(f, &o, 0, NULL);
}

static inline void jt_teardown(jt_fixture *f)
{
    CHECK_OK(f->env, OH_JSVM_CloseHandleScope(f->env, f->scope));
    CHECK_OK(f->env, OH_JSVM_CloseEnvScope(f->env, f->env_scope));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(f->env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(f->vm, f->vm_scope), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(f->vm), JSVM_OK);
}

/* Compiles and runs src; returns the result, or NULL with the status in *st. */
static inline JSVM_Value jt_run_status(JSVM_Env env, const char *src, JSVM_Status *st)
{
    JSVM_Value s = NULL, r = NULL;
    JSVM_Script script = NULL;
    *st = OH_JSVM_CreateStringUtf8(env, src, JSVM_AUTO_LENGTH, &s);
    if (*st == JSVM_OK)
        *st = OH_JSVM_CompileScript(env, s, NULL, 0, false, NULL, &script);
    if (*st == JSVM_OK)
        *st = OH_JSVM_RunScript(env, script, &r);
    return *st == JSVM_OK ? r : NULL;
}

/* Compiles and runs src, which must succeed. */
#define JT_RUN(env, src) jt_run_ok((env), (src), __FILE__, __LINE__)
static inline JSVM_Value jt_run_ok(JSVM_Env env, const char *src, const char *file, int line)
{
    JSVM_Status st;
    JSVM_Value r = jt_run_status(env, src, &st);
    jt_checks++;
    if (st != JSVM_OK) {
        char msg[1024];
        JSVM_Value exc = NULL;
        char text[512] = "";
        size_t n = 0;
        /* Report the exception's message (errors) or the value (strings). */
        if (OH_JSVM_GetAndClearLastException(env, &exc) == JSVM_OK && exc) {
            JSVM_Value global = NULL, fn = NULL, msg_v = NULL, src_v = NULL;
            JSVM_Script sc = NULL;
            const char *get = "(function (e) { return String(e && e.stack ? e + '\\n' + e.stack : e); })";
            if (OH_JSVM_GetGlobal(env, &global) == JSVM_OK &&
                OH_JSVM_CreateStringUtf8(env, get, JSVM_AUTO_LENGTH, &src_v) == JSVM_OK &&
                OH_JSVM_CompileScript(env, src_v, NULL, 0, false, NULL, &sc) == JSVM_OK &&
                OH_JSVM_RunScript(env, sc, &fn) == JSVM_OK &&
                OH_JSVM_CallFunction(env, global, fn, 1, &exc, &msg_v) == JSVM_OK)
                OH_JSVM_GetValueStringUtf8(env, msg_v, text, sizeof text, &n);
        }
        snprintf(msg, sizeof msg, "script failed with status %d: %s\n  %s", (int)st, text, src);
        jt_fail(file, line, msg);
    }
    return r;
}

/* Runs src, which must evaluate to true. */
#define JT_ASSERT_JS(env, src)                                               \
    do {                                                                     \
        JSVM_Value r_ = JT_RUN((env), (src));                                \
        bool b_ = false;                                                     \
        jt_checks++;                                                         \
        if (!r_ || OH_JSVM_GetValueBool((env), r_, &b_) != JSVM_OK || !b_)   \
            jt_fail(__FILE__, __LINE__, "JS assertion false: " src);         \
    } while (0)

/* UTF-8 contents of a string value (static buffer; for assertions). */
static inline const char *jt_str(JSVM_Env env, JSVM_Value v)
{
    static char buf[4096];
    size_t n = 0;
    buf[0] = 0;
    if (!v || OH_JSVM_GetValueStringUtf8(env, v, buf, sizeof buf, &n) != JSVM_OK)
        return "(not a string)";
    return buf;
}

/* ---- JS-side helpers shared by the behaviour tests ---- */

/* Evaluates the function expression fn_src and calls it with this = global. */
static inline JSVM_Value call_js(JSVM_Env env, const char *fn_src, size_t argc, const JSVM_Value *argv)
{
    JSVM_Value fn = JT_RUN(env, fn_src), global = NULL, r = NULL;
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    if (!fn)
        return NULL;
    CHECK_OK(env, OH_JSVM_CallFunction(env, global, fn, argc, argv, &r));
    return r;
}

/* pred_src is a JS function expression of one argument returning a boolean. */
static inline bool js_check(JSVM_Env env, const char *pred_src, JSVM_Value v)
{
    bool b = false;
    if (!v)
        return false;
    JSVM_Value r = call_js(env, pred_src, 1, &v);
    if (!r || OH_JSVM_GetValueBool(env, r, &b) != JSVM_OK)
        return false;
    return b;
}

/* Calls the function the script fnsrc evaluates to (this = undefined);
 * failures are reported at file:line. */
static inline JSVM_Value call_js_at(JSVM_Env env, const char *fnsrc, size_t argc, const JSVM_Value *argv,
                                    const char *file, int line)
{
    JSVM_Value fn = jt_run_ok(env, fnsrc, file, line), undef = NULL, r = NULL;
    if (!fn)
        return NULL;
    CHECK_OK(env, OH_JSVM_GetUndefined(env, &undef));
    if (OH_JSVM_CallFunction(env, undef, fn, argc, argv, &r) != JSVM_OK) {
        JSVM_Value exc = NULL;
        OH_JSVM_GetAndClearLastException(env, &exc);
        jt_fail(file, line, "CallFunction failed");
        return NULL;
    }
    return r;
}

/* Resident set size of this process in KiB (-1 if unknown). */
static inline long rss_kb(void)
{
    char line[256];
    long kb = -1;
    FILE *fp = fopen("/proc/self/status", "r");
    if (!fp)
        return -1;
    while (fgets(line, sizeof line, fp))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    fclose(fp);
    return kb;
}

/* EXPECT_JS(env, v, "(x) => ..."): the predicate holds for v. */
#define EXPECT_JS(env, v, pred)                                               \
    do {                                                                      \
        jt_checks++;                                                          \
        if (!js_check((env), (pred), (v)))                                    \
            jt_fail(__FILE__, __LINE__, "JS predicate false: " pred);         \
    } while (0)

#define EXPECT_JS_1(env, fnsrc, v) EXPECT_JS((env), (v), fnsrc)

static inline JSVM_Value make_str(JSVM_Env env, const char *s)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, s, JSVM_AUTO_LENGTH, &v));
    return v;
}

static inline JSVM_Value make_int(JSVM_Env env, int32_t i)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateInt32(env, i, &v));
    return v;
}

/* globalThis[name] = v */
static inline void set_global(JSVM_Env env, const char *name, JSVM_Value v)
{
    JSVM_Value args[2];
    args[0] = make_str(env, name);
    args[1] = v;
    call_js(env, "(function (k, v) { globalThis[k] = v; })", 2, args);
}

/* Creates a native function named name and stores it as globalThis[name]. */
static inline JSVM_Value def_fn(JSVM_Env env, const char *name, JSVM_CallbackStruct *cb)
{
    JSVM_Value fn = NULL;
    CHECK_OK(env, OH_JSVM_CreateFunction(env, name, JSVM_AUTO_LENGTH, cb, &fn));
    if (fn)
        set_global(env, name, fn);
    return fn;
}

static inline bool pending(JSVM_Env env)
{
    bool p = false;
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &p));
    return p;
}

/* Takes (and clears) the pending exception; undefined if none. */
static inline JSVM_Value take_exception(JSVM_Env env)
{
    JSVM_Value e = NULL;
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    return e;
}

typedef void (*jt_test_fn)(void);
typedef struct {
    const char *name;
    jt_test_fn fn;
} jt_test;

/* Runs the tests and prints "N passed, M failed" (read by CI). */
static inline int jt_main(const char *suite, const jt_test *tests, size_t n)
{
    int passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        int before = jt_failures;
        jt_current = tests[i].name;
        tests[i].fn();
        if (jt_failures == before) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "  test %s failed\n", tests[i].name);
        }
    }
    printf("%s: %d checks\n%d passed, %d failed\n", suite, jt_checks, passed, failed);
    return failed ? 1 : 0;
}

#define JT_TEST(name) {#name, name}
#define JT_MAIN(suite, ...)                                                       \
    int main(void)                                                                \
    {                                                                             \
        static const jt_test tests_[] = {__VA_ARGS__};                            \
        return jt_main(suite, tests_, sizeof tests_ / sizeof tests_[0]);          \
    }

#ifdef __cplusplus
}
#endif

#endif
