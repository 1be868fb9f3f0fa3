/*
 * test_promise.c: OH_JSVM_CreatePromise, ResolveDeferred, RejectDeferred,
 * IsPromise and PromiseRegisterHandler (spec §3.20, §8.9, §8.10).
 *
 * Reactions are observed by later scripts or by native handlers that record
 * what they received, under both microtask policies: AUTO runs them when the
 * outermost API call returns, EXPLICIT only at a checkpoint.
 */
#include <stdint.h>

#include "common.h"

#define CALL_JS(env, fnsrc, argc, argv) call_js_at((env), (fnsrc), (argc), (argv), __FILE__, __LINE__)

static bool is_promise(JSVM_Env env, JSVM_Value v)
{
    bool b = false;
    CHECK_OK(env, OH_JSVM_IsPromise(env, v, &b));
    return b;
}

/* Attaches JS reactions that record the outcome in globalThis[name]. */
static void watch(JSVM_Env env, JSVM_Value promise, const char *name)
{
    JSVM_Value args[2] = {promise, make_str(env, name)};
    CALL_JS(env, "(function (p, n) { p.then((v) => { globalThis[n] = { ok: v }; },"
                 " (e) => { globalThis[n] = { err: e }; }); })",
            2, args);
}

/* ---- native handlers: record calls and the value received ---- */

static int fulfilled_calls, rejected_calls;
static JSVM_Value handler_seen(JSVM_Env env, JSVM_CallbackInfo info, int *calls, const char *global_name)
{
    size_t argc = 1;
    JSVM_Value v = NULL, r = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &v, NULL, NULL));
    (*calls)++;
    JSVM_Value args[2] = {make_str(env, global_name), v};
    CALL_JS(env, "(function (n, v) { globalThis[n] = v; })", 2, args);
    /* the derived promise is fulfilled with this */
    CHECK_OK(env, OH_JSVM_CreateInt32(env, 100 + *calls, &r));
    return r;
}
static JSVM_Value on_fulfilled(JSVM_Env env, JSVM_CallbackInfo info)
{
    return handler_seen(env, info, &fulfilled_calls, "fulfilledWith");
}
static JSVM_Value on_rejected(JSVM_Env env, JSVM_CallbackInfo info)
{
    return handler_seen(env, info, &rejected_calls, "rejectedWith");
}
static JSVM_CallbackStruct on_fulfilled_cb = {on_fulfilled, NULL};
static JSVM_CallbackStruct on_rejected_cb = {on_rejected, NULL};

static JSVM_Value native_fn(JSVM_Env env, JSVM_CallbackStruct *cb)
{
    JSVM_Value f = NULL;
    CHECK_OK(env, OH_JSVM_CreateFunction(env, "handler", JSVM_AUTO_LENGTH, cb, &f));
    return f;
}

/* ---- tests ---- */

static void create_and_settle_auto(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Deferred d = NULL, d2 = NULL;
    JSVM_Value p = NULL, p2 = NULL;
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    EXPECT_TRUE(d != NULL && p != NULL);
    EXPECT_TRUE(is_promise(env, p));
    EXPECT_JS(env, p, "(p) => p instanceof Promise && Object.getPrototypeOf(p) === Promise.prototype");
    watch(env, p, "r1");
    JT_ASSERT_JS(env, "globalThis.r1 === undefined");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, make_int(env, 42)));
    /* AUTO policy: the reaction ran when ResolveDeferred returned */
    JT_ASSERT_JS(env, "globalThis.r1 && globalThis.r1.ok === 42");

    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d2, &p2));
    watch(env, p2, "r2");
    JSVM_Value err = JT_RUN(env, "new TypeError('nope')");
    CHECK_OK(env, OH_JSVM_RejectDeferred(env, d2, err));
    JT_ASSERT_JS(env, "globalThis.r2 && globalThis.r2.err instanceof TypeError && r2.err.message === 'nope'");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

static void settle_explicit_policy(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
    JSVM_Deferred d = NULL;
    JSVM_Value p = NULL;
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    watch(env, p, "r");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, make_str(env, "done")));
    JT_ASSERT_JS(env, "globalThis.r === undefined");
    JT_ASSERT_JS(env, "globalThis.r === undefined");
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
    JT_ASSERT_JS(env, "globalThis.r && r.ok === 'done'");
    jt_teardown(&f);
}

/* A deferred settles once: the second use is an error status, never a
 * crash, and does not change the promise. */
static void settle_once(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Deferred d = NULL;
    JSVM_Value p = NULL;
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    watch(env, p, "once");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, make_int(env, 1)));
    EXPECT_STATUS(env, OH_JSVM_ResolveDeferred(env, d, make_int(env, 2)), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_RejectDeferred(env, d, make_int(env, 3)), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    JT_ASSERT_JS(env, "once.ok === 1");

    /* also after the slot was reused by newer deferreds */
    JSVM_Deferred stale = NULL, fresh[40];
    JSVM_Value ps[40];
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &stale, &p));
    CHECK_OK(env, OH_JSVM_RejectDeferred(env, stale, make_int(env, 0)));
    JT_RUN(env, "0"); /* the rejection was unhandled: nothing else happens */
    for (int i = 0; i < 40; i++)
        CHECK_OK(env, OH_JSVM_CreatePromise(env, &fresh[i], &ps[i]));
    for (int i = 0; i < 40; i++)
        EXPECT_TRUE(fresh[i] != stale);
    EXPECT_STATUS(env, OH_JSVM_ResolveDeferred(env, stale, make_int(env, 9)), JSVM_INVALID_ARG);
    /* settle in an interleaved order; each one only once */
    for (int i = 0; i < 40; i += 2)
        CHECK_OK(env, OH_JSVM_ResolveDeferred(env, fresh[i], make_int(env, i)));
    for (int i = 1; i < 40; i += 2)
        CHECK_OK(env, OH_JSVM_RejectDeferred(env, fresh[i], make_int(env, -i)));
    for (int i = 0; i < 40; i++)
        EXPECT_STATUS(env, OH_JSVM_ResolveDeferred(env, fresh[i], make_int(env, 0)), JSVM_INVALID_ARG);
    JSVM_Value arr = NULL;
    CHECK_OK(env, OH_JSVM_CreateArrayWithLength(env, 40, &arr));
    JSVM_Value args[1] = {arr};
    for (int i = 0; i < 40; i++) {
        JSVM_Value a2[3] = {arr, make_int(env, i), ps[i]};
        CALL_JS(env, "(function (a, i, p) { a[i] = p; })", 3, a2);
    }
    CALL_JS(env, "(function (a) { Promise.allSettled(a).then((rs) => { globalThis.settled = rs; }); })", 1, args);
    JT_ASSERT_JS(env, "settled.length === 40 && settled.every((r, i) => i % 2 === 0 ?"
                      " r.status === 'fulfilled' && r.value === i : r.status === 'rejected' && r.reason === -i)");
    jt_teardown(&f);
}

/* A deferred that is never used is released at env teardown; one from
 * another env is not accepted. */
static void unused_and_foreign_deferreds(void)
{
    jt_fixture f, g;
    jt_setup(&f);
    jt_setup(&g);
    JSVM_Deferred d = NULL, other = NULL;
    JSVM_Value p = NULL;
    for (int i = 0; i < 10; i++)
        CHECK_OK(f.env, OH_JSVM_CreatePromise(f.env, &d, &p));
    CHECK_OK(g.env, OH_JSVM_CreatePromise(g.env, &other, &p));
    EXPECT_STATUS(f.env, OH_JSVM_ResolveDeferred(f.env, other, make_int(f.env, 1)), JSVM_INVALID_ARG);
    EXPECT_STATUS(g.env, OH_JSVM_ResolveDeferred(g.env, d, make_int(g.env, 1)), JSVM_INVALID_ARG);
    CHECK_OK(g.env, OH_JSVM_ResolveDeferred(g.env, other, make_int(g.env, 1)));
    /* garbage handles */
    EXPECT_STATUS(f.env, OH_JSVM_ResolveDeferred(f.env, (JSVM_Deferred)(uintptr_t)1, make_int(f.env, 1)),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_RejectDeferred(f.env, (JSVM_Deferred)(uintptr_t)0xffffffff00000001ull,
                                                make_int(f.env, 1)),
                  JSVM_INVALID_ARG);
    jt_teardown(&g);
    jt_teardown(&f); /* ten pending deferreds released without a leak abort */
}

static void resolve_with_promises_and_thenables(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Deferred d = NULL;
    JSVM_Value p = NULL;
    /* a promise adopts another promise's state */
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    watch(env, p, "a");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, JT_RUN(env, "Promise.resolve('inner')")));
    JT_ASSERT_JS(env, "a.ok === 'inner'");
    /* a thenable's then runs */
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    watch(env, p, "b");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, JT_RUN(env, "({ then(ok) { ok('thenable'); } })")));
    JT_ASSERT_JS(env, "b.ok === 'thenable'");
    /* a thenable whose `then` getter throws rejects the promise; the call succeeds */
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    watch(env, p, "c");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, JT_RUN(env, "({ get then() { throw new RangeError('getter'); } })")));
    EXPECT_TRUE(!pending(env));
    JT_ASSERT_JS(env, "c.err instanceof RangeError");
    /* resolving with itself rejects with a TypeError */
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    watch(env, p, "s");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, p));
    JT_ASSERT_JS(env, "s.err instanceof TypeError");
    /* rejecting with a promise does not unwrap it */
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    watch(env, p, "rj");
    CHECK_OK(env, OH_JSVM_RejectDeferred(env, d, JT_RUN(env, "globalThis.inner = Promise.resolve(1); inner")));
    JT_ASSERT_JS(env, "rj.err === inner");
    jt_teardown(&f);
}

static void is_promise_checks(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    EXPECT_TRUE(is_promise(env, JT_RUN(env, "Promise.resolve(1)")));
    EXPECT_TRUE(is_promise(env, JT_RUN(env, "(async () => 1)()")));
    EXPECT_TRUE(is_promise(env, JT_RUN(env, "class P extends Promise {}; P.resolve(1)")));
    const char *no[] = {"({ then() {} })", "Promise", "Promise.prototype", "1", "null", "new Proxy(Promise.resolve(), {})"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        EXPECT_TRUE(!is_promise(env, JT_RUN(env, no[i])));
    bool b;
    EXPECT_STATUS(env, OH_JSVM_IsPromise(env, NULL, &b), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_IsPromise(env, JT_RUN(env, "1"), NULL), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

/* then/catch from native code, with native handlers, under both policies. */
static void register_handler(void)
{
    for (int policy = 0; policy < 2; policy++) {
        jt_fixture f;
        jt_setup(&f);
        JSVM_Env env = f.env;
        bool explicit_policy = policy == 1;
        if (explicit_policy)
            EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
        fulfilled_calls = rejected_calls = 0;
        JSVM_Value ok_fn = native_fn(env, &on_fulfilled_cb), err_fn = native_fn(env, &on_rejected_cb);

        /* both handlers; fulfilled */
        JSVM_Deferred d = NULL;
        JSVM_Value p = NULL, derived = NULL;
        CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
        CHECK_OK(env, OH_JSVM_PromiseRegisterHandler(env, p, ok_fn, err_fn, &derived));
        EXPECT_TRUE(is_promise(env, derived));
        watch(env, derived, "derived1");
        CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, make_str(env, "v1")));
        EXPECT_EQ_INT(fulfilled_calls, explicit_policy ? 0 : 1);
        if (explicit_policy)
            EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
        EXPECT_EQ_INT(fulfilled_calls, 1);
        EXPECT_EQ_INT(rejected_calls, 0);
        JT_ASSERT_JS(env, "fulfilledWith === 'v1' && derived1.ok === 101");

        /* catch only; rejected */
        CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
        CHECK_OK(env, OH_JSVM_PromiseRegisterHandler(env, p, NULL, err_fn, &derived));
        watch(env, derived, "derived2");
        CHECK_OK(env, OH_JSVM_RejectDeferred(env, d, make_str(env, "bad")));
        if (explicit_policy) {
            EXPECT_EQ_INT(rejected_calls, 0);
            EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
        }
        EXPECT_EQ_INT(rejected_calls, 1);
        JT_ASSERT_JS(env, "rejectedWith === 'bad' && derived2.ok === 101");

        /* fulfilled handler only; a rejection passes through to the derived promise */
        CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
        CHECK_OK(env, OH_JSVM_PromiseRegisterHandler(env, p, ok_fn, NULL, &derived));
        watch(env, derived, "derived3");
        CHECK_OK(env, OH_JSVM_RejectDeferred(env, d, make_str(env, "through")));
        if (explicit_policy)
            EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
        EXPECT_EQ_INT(fulfilled_calls, 1);
        JT_ASSERT_JS(env, "derived3.err === 'through'");

        /* on an already settled promise made in JS; result optional */
        JSVM_Value settled = JT_RUN(env, "Promise.resolve('early')");
        CHECK_OK(env, OH_JSVM_PromiseRegisterHandler(env, settled, ok_fn, NULL, NULL));
        if (explicit_policy) {
            EXPECT_EQ_INT(fulfilled_calls, 1);
            EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
        }
        EXPECT_EQ_INT(fulfilled_calls, 2);
        JT_ASSERT_JS(env, "fulfilledWith === 'early'");

        /* JS handlers work too, and the engine's then is used even when
         * a script replaced Promise.prototype.then */
        JT_RUN(env, "Promise.prototype.then = function () { throw new Error('replaced'); };");
        CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
        CHECK_OK(env, OH_JSVM_PromiseRegisterHandler(env, p, JT_RUN(env, "(v) => { globalThis.jsGot = v; }"), NULL,
                                                     NULL));
        CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, make_int(env, 5)));
        if (explicit_policy)
            EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
        JT_ASSERT_JS(env, "globalThis.jsGot === 5");
        EXPECT_TRUE(!pending(env));
        jt_teardown(&f);
    }
}

static void register_handler_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Deferred d = NULL;
    JSVM_Value p = NULL, r = NULL, fn = JT_RUN(env, "(function () {})");
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    EXPECT_STATUS(env, OH_JSVM_PromiseRegisterHandler(env, p, NULL, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_PromiseRegisterHandler(env, NULL, fn, fn, &r), JSVM_INVALID_ARG);
    const char *not_promise[] = {"({ then() {} })", "1", "({})", "Promise"};
    for (size_t i = 0; i < sizeof not_promise / sizeof not_promise[0]; i++)
        EXPECT_STATUS(env, OH_JSVM_PromiseRegisterHandler(env, JT_RUN(env, not_promise[i]), fn, fn, &r),
                      JSVM_INVALID_TYPE);
    const char *not_fn[] = {"1", "({})", "'f'", "null", "undefined"};
    for (size_t i = 0; i < sizeof not_fn / sizeof not_fn[0]; i++) {
        JSVM_Value bad = JT_RUN(env, not_fn[i]);
        EXPECT_STATUS(env, OH_JSVM_PromiseRegisterHandler(env, p, bad, fn, &r), JSVM_INVALID_TYPE);
        EXPECT_STATUS(env, OH_JSVM_PromiseRegisterHandler(env, p, fn, bad, &r), JSVM_INVALID_TYPE);
        EXPECT_STATUS(env, OH_JSVM_PromiseRegisterHandler(env, p, NULL, bad, &r), JSVM_INVALID_TYPE);
    }
    EXPECT_TRUE(r == NULL && !pending(env));
    /* none of that registered anything: the promise is still unhandled-free */
    watch(env, p, "late");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, make_int(env, 8)));
    JT_ASSERT_JS(env, "late.ok === 8");
    jt_teardown(&f);
}

static void invalid_args(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Deferred d = NULL;
    JSVM_Value p = NULL;
    EXPECT_STATUS(env, OH_JSVM_CreatePromise(env, NULL, &p), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreatePromise(env, &d, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(d == NULL && p == NULL);
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    EXPECT_STATUS(env, OH_JSVM_ResolveDeferred(env, NULL, make_int(env, 1)), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_RejectDeferred(env, NULL, make_int(env, 1)), JSVM_INVALID_ARG);
    /* a NULL value does not use up the deferred */
    EXPECT_STATUS(env, OH_JSVM_ResolveDeferred(env, d, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_RejectDeferred(env, d, NULL), JSVM_INVALID_ARG);
    watch(env, p, "x");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, make_int(env, 1)));
    JT_ASSERT_JS(env, "x.ok === 1");
    EXPECT_VM_STATUS(OH_JSVM_CreatePromise(NULL, &d, &p), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ResolveDeferred(NULL, d, p), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RejectDeferred(NULL, d, p), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_PromiseRegisterHandler(NULL, p, p, p, &p), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

/* All but IsPromise run JS: refused while an exception is pending, and a
 * refused settle does not use up the deferred. */
static void pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Deferred d = NULL, d2 = NULL;
    JSVM_Value p = NULL, p2 = NULL, r = NULL, fn = JT_RUN(env, "(function () {})");
    CHECK_OK(env, OH_JSVM_CreatePromise(env, &d, &p));
    watch(env, p, "afterwards");
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_STATUS(env, OH_JSVM_CreatePromise(env, &d2, &p2), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreatePromise(env, NULL, &p2), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_ResolveDeferred(env, d, make_int(env, 1)), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_RejectDeferred(env, d, make_int(env, 1)), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_ResolveDeferred(env, d, NULL), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_PromiseRegisterHandler(env, p, fn, NULL, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_PromiseRegisterHandler(env, p, NULL, NULL, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(d2 == NULL && p2 == NULL && r == NULL);
    EXPECT_TRUE(is_promise(env, p));
    EXPECT_JS(env, take_exception(env), "(e) => e.message === 'pending'");
    CHECK_OK(env, OH_JSVM_ResolveDeferred(env, d, make_int(env, 2)));
    JT_ASSERT_JS(env, "afterwards.ok === 2");
    jt_teardown(&f);
}

JT_MAIN("promise", JT_TEST(create_and_settle_auto), JT_TEST(settle_explicit_policy), JT_TEST(settle_once),
        JT_TEST(unused_and_foreign_deferreds), JT_TEST(resolve_with_promises_and_thenables),
        JT_TEST(is_promise_checks), JT_TEST(register_handler), JT_TEST(register_handler_errors),
        JT_TEST(invalid_args), JT_TEST(pending_exception))
