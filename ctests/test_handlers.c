/*
 * test_handlers.c: the VM-level handlers (spec 3.33; issue 5):
 * SetHandlerForOOMError, SetHandlerForFatalError, SetHandlerForPromiseReject.
 */
#include "common.h"

#define MiB ((size_t)1 << 20)

/* the common fixture; open_box(b, limit): limit 0 means no memory limit */
typedef jt_fixture box;
#define open_box(b, limit) jt_setup_limit((b), (limit))
#define close_box(b) jt_teardown(b)

static JSVM_Status run(JSVM_Env env, const char *src)
{
    JSVM_Status st;
    jt_run_status(env, src, &st);
    return st;
}

#define GROW "function grow() { const a = []; for (;;) a.push({ i: a.length, s: 'x' + a.length }); }\n"

/* ---- OOM handler ---- */

static int oom_calls, oom_heap;
static char oom_detail[256], oom_location[256];

static void on_oom(const char *location, const char *detail, bool isHeapOOM)
{
    oom_calls++;
    oom_heap = isHeapOOM;
    snprintf(oom_location, sizeof oom_location, "%s", location ? location : "(null)");
    snprintf(oom_detail, sizeof oom_detail, "%s", detail ? detail : "(null)");
}

static int oom_calls2;
static void on_oom2(const char *location, const char *detail, bool isHeapOOM)
{
    (void)location; (void)detail; (void)isHeapOOM;
    oom_calls2++;
}

static void oom_handler_fires_once_per_oom(void)
{
    box b;
    open_box(&b, 16 * MiB);
    oom_calls = 0;
    JT_RUN(b.env, GROW "0");
    /* a caught OOM before the handler is installed is not reported later */
    JT_ASSERT_JS(b.env, "let early = false; try { grow(); } catch (e) { early = true; } early");
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForOOMError(b.vm, on_oom), JSVM_OK);

    /* no OOM: no call, also for ordinary errors and look-alikes */
    JT_ASSERT_JS(b.env, "Array.from({ length: 1000 }, (_, i) => i).length === 1000");
    EXPECT_EQ_INT(run(b.env, "throw new Error('boom')"), JSVM_PENDING_EXCEPTION);
    take_exception(b.env);
    EXPECT_EQ_INT(run(b.env, "throw new InternalError('out of memory')"), JSVM_PENDING_EXCEPTION);
    take_exception(b.env);
    EXPECT_EQ_INT(run(b.env, "throw new Error('out of memory')"), JSVM_PENDING_EXCEPTION);
    take_exception(b.env);
    EXPECT_EQ_INT(oom_calls, 0);

    /* an uncaught OOM reaching RunScript: exactly one call */
    EXPECT_EQ_INT(run(b.env, "grow()"), JSVM_PENDING_EXCEPTION);
    EXPECT_EQ_INT(oom_calls, 1);
    EXPECT_TRUE(oom_heap);
    EXPECT_TRUE(strstr(oom_detail, "out of memory") != NULL);
    EXPECT_TRUE(oom_location[0] != 0);
    /* env functions while it is pending do not report it again */
    bool pending = false;
    JSVM_Value tmp = NULL;
    CHECK_OK(b.env, OH_JSVM_IsExceptionPending(b.env, &pending));
    EXPECT_TRUE(pending);
    CHECK_OK(b.env, OH_JSVM_CreateBigintInt64(b.env, 5, &tmp));
    EXPECT_EQ_INT(oom_calls, 1);
    JSVM_Value e = take_exception(b.env);
    JSVM_Value msg = NULL;
    CHECK_OK(b.env, OH_JSVM_GetNamedProperty(b.env, e, "message", &msg));
    EXPECT_STREQ(jt_str(b.env, msg), "out of memory");

    /* through CallFunction: a second call */
    JSVM_Value fn = JT_RUN(b.env, "grow"), global = NULL, out = NULL;
    CHECK_OK(b.env, OH_JSVM_GetGlobal(b.env, &global));
    EXPECT_STATUS(b.env, OH_JSVM_CallFunction(b.env, global, fn, 0, NULL, &out), JSVM_PENDING_EXCEPTION);
    EXPECT_EQ_INT(oom_calls, 2);
    take_exception(b.env);

    /* caught inside JS: it never reaches the API boundary */
    JT_ASSERT_JS(b.env, "let ok = false; try { grow(); } catch (e) { ok = e.message === 'out of memory'; } ok");
    EXPECT_EQ_INT(oom_calls, 2);

    /* last call wins; NULL removes */
    oom_calls2 = 0;
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForOOMError(b.vm, on_oom2), JSVM_OK);
    EXPECT_EQ_INT(run(b.env, "grow()"), JSVM_PENDING_EXCEPTION);
    take_exception(b.env);
    EXPECT_EQ_INT(oom_calls, 2);
    EXPECT_EQ_INT(oom_calls2, 1);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForOOMError(b.vm, NULL), JSVM_OK);
    EXPECT_EQ_INT(run(b.env, "grow()"), JSVM_PENDING_EXCEPTION);
    take_exception(b.env);
    EXPECT_EQ_INT(oom_calls, 2);
    EXPECT_EQ_INT(oom_calls2, 1);

    /* the VM survives and is destroyed cleanly */
    JT_ASSERT_JS(b.env, "'ok'.toUpperCase() === 'OK'");
    close_box(&b);
}

/* The handler of one VM does not hear of another VM's OOM. */
static void oom_handler_is_per_vm(void)
{
    box a, b;
    open_box(&a, 8 * MiB);
    open_box(&b, 8 * MiB);
    oom_calls = 0;
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForOOMError(a.vm, on_oom), JSVM_OK);
    EXPECT_EQ_INT(run(b.env, GROW "grow()"), JSVM_PENDING_EXCEPTION);
    take_exception(b.env);
    EXPECT_EQ_INT(oom_calls, 0);
    EXPECT_EQ_INT(run(a.env, GROW "grow()"), JSVM_PENDING_EXCEPTION);
    take_exception(a.env);
    EXPECT_EQ_INT(oom_calls, 1);
    close_box(&b);
    close_box(&a);
}

static void oom_handler_args(void)
{
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForOOMError(NULL, on_oom), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForOOMError(NULL, NULL), JSVM_INVALID_ARG);
}

/* ---- fatal-error handler ---- */

static void on_fatal(const char *location, const char *message) { (void)location; (void)message; }
static void on_fatal2(const char *location, const char *message) { (void)location; (void)message; }

static void fatal_handler_install_remove(void)
{
    box b;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForFatalError(NULL, on_fatal), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForFatalError(NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForFatalError(b.vm, on_fatal), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForFatalError(b.vm, on_fatal2), JSVM_OK);
    /* ordinary errors are not fatal */
    EXPECT_EQ_INT(run(b.env, "null.x"), JSVM_PENDING_EXCEPTION);
    take_exception(b.env);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForFatalError(b.vm, NULL), JSVM_OK);
    JT_ASSERT_JS(b.env, "true");
    close_box(&b);
}

/* ---- promise-reject handler ---- */

#define MAX_EVENTS 16
static struct {
    JSVM_Env env;
    JSVM_PromiseRejectEvent event;
    bool is_promise;
    bool value_undefined;
    double value;
    bool has_value_key;
} events[MAX_EVENTS];
static int nevents;

static void on_reject(JSVM_Env env, JSVM_PromiseRejectEvent ev, JSVM_Value info)
{
    if (nevents >= MAX_EVENTS)
        return;
    int i = nevents++;
    events[i].env = env;
    events[i].event = ev;
    JSVM_Value p = NULL, v = NULL;
    JSVM_ValueType t = JSVM_UNDEFINED;
    bool has = false;
    /* the handler may use the API: handles made here die when it returns */
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, info, "promise", &p));
    CHECK_OK(env, OH_JSVM_IsPromise(env, p, &events[i].is_promise));
    CHECK_OK(env, OH_JSVM_HasNamedProperty(env, info, "value", &has));
    events[i].has_value_key = has;
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, info, "value", &v));
    CHECK_OK(env, OH_JSVM_Typeof(env, v, &t));
    events[i].value_undefined = t == JSVM_UNDEFINED;
    events[i].value = -1;
    if (t == JSVM_NUMBER)
        CHECK_OK(env, OH_JSVM_GetValueDouble(env, v, &events[i].value));
}

static void reset_events(void)
{
    memset(events, 0, sizeof events);
    nevents = 0;
}

static void promise_reject_unhandled(void)
{
    box b;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(b.vm, on_reject), JSVM_OK);
    reset_events();
    JT_RUN(b.env, "Promise.reject(42); 0");
    EXPECT_EQ_INT(nevents, 1);
    EXPECT_TRUE(events[0].env == b.env);
    EXPECT_EQ_INT(events[0].event, JSVM_PROMISE_REJECT_WITH_NO_HANDLER);
    EXPECT_TRUE(events[0].is_promise);
    EXPECT_TRUE(events[0].has_value_key);
    EXPECT_TRUE(events[0].value == 42);

    /* an async function that throws */
    reset_events();
    JT_RUN(b.env, "(async () => { throw 7; })(); 0");
    EXPECT_EQ_INT(nevents, 1);
    EXPECT_EQ_INT(events[0].event, JSVM_PROMISE_REJECT_WITH_NO_HANDLER);
    EXPECT_TRUE(events[0].value == 7);

    /* an executor that rejects before .then is chained: reported, then the
     * late handler (as V8 does) */
    reset_events();
    JT_RUN(b.env, "new Promise((res, rej) => rej(1)).then(null, () => {}); 0");
    EXPECT_EQ_INT(nevents, 2);
    EXPECT_EQ_INT(events[0].event, JSVM_PROMISE_REJECT_WITH_NO_HANDLER);
    EXPECT_TRUE(events[0].value == 1);
    EXPECT_EQ_INT(events[1].event, JSVM_PROMISE_ADD_HANDLER_AFTER_REJECTED);
    /* a handler attached before the rejection: no event */
    reset_events();
    JT_RUN(b.env, "let r_; const q = new Promise((_, rej) => { r_ = rej; }); q.catch(() => {}); r_(3); 0");
    EXPECT_EQ_INT(nevents, 0);

    /* a rejection from C (RejectDeferred) */
    reset_events();
    JSVM_Deferred def = NULL;
    JSVM_Value promise = NULL, reason = NULL;
    CHECK_OK(b.env, OH_JSVM_CreatePromise(b.env, &def, &promise));
    CHECK_OK(b.env, OH_JSVM_CreateInt32(b.env, 99, &reason));
    CHECK_OK(b.env, OH_JSVM_RejectDeferred(b.env, def, reason));
    EXPECT_EQ_INT(nevents, 1);
    EXPECT_EQ_INT(events[0].event, JSVM_PROMISE_REJECT_WITH_NO_HANDLER);
    EXPECT_TRUE(events[0].value == 99);
    close_box(&b);
}

static void promise_reject_handler_added_later(void)
{
    box b;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(b.vm, on_reject), JSVM_OK);
    reset_events();
    JT_RUN(b.env, "globalThis.p = Promise.reject(5); 0");
    EXPECT_EQ_INT(nevents, 1);
    EXPECT_EQ_INT(events[0].event, JSVM_PROMISE_REJECT_WITH_NO_HANDLER);
    EXPECT_TRUE(events[0].value == 5);
    JT_RUN(b.env, "globalThis.seen = null; p.catch(v => { seen = v; }); 0");
    EXPECT_EQ_INT(nevents, 2);
    EXPECT_EQ_INT(events[1].event, JSVM_PROMISE_ADD_HANDLER_AFTER_REJECTED);
    EXPECT_TRUE(events[1].is_promise);
    EXPECT_TRUE(events[1].has_value_key);
    EXPECT_TRUE(events[1].value_undefined);
    JT_ASSERT_JS(b.env, "seen === 5"); /* the catch ran normally */
    /* a second handler on an already handled promise: no event */
    JT_RUN(b.env, "p.catch(() => {}); 0");
    EXPECT_EQ_INT(nevents, 2);
    close_box(&b);
}

static void promise_reject_remove_and_per_env(void)
{
    box b;
    open_box(&b, 0);
    reset_events();
    /* not installed: nothing */
    JT_RUN(b.env, "Promise.reject(1); 0");
    EXPECT_EQ_INT(nevents, 0);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(b.vm, on_reject), JSVM_OK);
    /* the env of the rejecting context is passed */
    JSVM_Env env2 = NULL;
    JSVM_EnvScope es2 = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(b.vm, 0, NULL, &env2), JSVM_OK);
    CHECK_OK(env2, OH_JSVM_OpenEnvScope(env2, &es2));
    JSVM_HandleScope hs2 = NULL;
    CHECK_OK(env2, OH_JSVM_OpenHandleScope(env2, &hs2));
    JT_RUN(env2, "Promise.reject(2); 0");
    EXPECT_EQ_INT(nevents, 1);
    EXPECT_TRUE(events[0].env == env2);
    EXPECT_TRUE(events[0].value == 2);
    CHECK_OK(env2, OH_JSVM_CloseHandleScope(env2, hs2));
    CHECK_OK(env2, OH_JSVM_CloseEnvScope(env2, es2));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);
    /* removed: nothing more */
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(b.vm, NULL), JSVM_OK);
    JT_RUN(b.env, "Promise.reject(3); (async () => { throw 4; })(); 0");
    EXPECT_EQ_INT(nevents, 1);
    close_box(&b);
}

/* Handles the handler creates are released when it returns, and an
 * exception it leaves pending does not leak into the script. */
static int throwing_calls;
static void on_reject_throws(JSVM_Env env, JSVM_PromiseRejectEvent ev, JSVM_Value info)
{
    (void)ev; (void)info;
    throwing_calls++;
    for (int i = 0; i < 1000; i++) {
        JSVM_Value v = NULL;
        OH_JSVM_CreateInt32(env, i, &v);
    }
    OH_JSVM_ThrowError(env, NULL, "from handler");
}

static void promise_reject_handler_exception_dropped(void)
{
    box b;
    open_box(&b, 0);
    throwing_calls = 0;
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(b.vm, on_reject_throws), JSVM_OK);
    JT_ASSERT_JS(b.env, "Promise.reject(1); 'after' === 'after'");
    EXPECT_EQ_INT(throwing_calls, 1);
    bool pending = true;
    CHECK_OK(b.env, OH_JSVM_IsExceptionPending(b.env, &pending));
    EXPECT_TRUE(!pending);
    close_box(&b);
}

static void promise_reject_args(void)
{
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(NULL, on_reject), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHandlerForPromiseReject(NULL, NULL), JSVM_INVALID_ARG);
}

JT_MAIN("handlers",
        JT_TEST(oom_handler_fires_once_per_oom),
        JT_TEST(oom_handler_is_per_vm),
        JT_TEST(oom_handler_args),
        JT_TEST(fatal_handler_install_remove),
        JT_TEST(promise_reject_unhandled),
        JT_TEST(promise_reject_handler_added_later),
        JT_TEST(promise_reject_remove_and_per_env),
        JT_TEST(promise_reject_handler_exception_dropped),
        JT_TEST(promise_reject_args))
