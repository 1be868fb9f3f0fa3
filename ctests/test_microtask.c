/*
 * test_microtask.c: microtask policy, PerformMicrotaskCheckpoint and
 * PumpMessageLoop (spec §3.26, §8.10).
 *
 * Checks that a microtask has (not) run are made by a later script that reads
 * state while it evaluates: a script's own checkpoint only happens after it
 * returns, so what it sees is the state left by earlier calls.
 */
#include "common.h"

/* ---------------------------------------------------------------- helpers */

/* ------------------------------------------------------------ tests */

static void auto_policy_default(void)
{
    jt_fixture f;
    jt_setup(&f);
    /* during the script the reaction has not run; right after RunScript it has */
    JT_ASSERT_JS(f.env, "Promise.resolve().then(() => { globalThis.done = 1; }); globalThis.done === undefined");
    JT_ASSERT_JS(f.env, "globalThis.done === 1");

    /* chains of reactions all run at the same checkpoint */
    JT_RUN(f.env, "globalThis.steps = [];"
                  "Promise.resolve(1).then((v) => { steps.push(v); return v + 1; })"
                  ".then((v) => { steps.push(v); return Promise.resolve(v + 1); })"
                  ".then((v) => { steps.push(v); });");
    JT_ASSERT_JS(f.env, "steps.join() === '1,2,3'");

    /* a microtask run by CallFunction as the outermost call */
    JSVM_Value global = NULL, fn = JT_RUN(f.env, "(function () { Promise.resolve().then(() => { globalThis.fromCall = 1; }); "
                                                 "return globalThis.fromCall === undefined; })");
    JSVM_Value r = NULL;
    bool b = false;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, fn, 0, NULL, &r));
    CHECK_OK(f.env, OH_JSVM_GetValueBool(f.env, r, &b));
    EXPECT_TRUE(b);
    JT_ASSERT_JS(f.env, "globalThis.fromCall === 1");

    /* a rejection nobody handles does not become a pending exception */
    JT_RUN(f.env, "Promise.resolve().then(() => { throw new Error('in microtask'); });");
    EXPECT_TRUE(!pending(f.env));
    JT_RUN(f.env, "Promise.reject(new Error('unhandled'));");
    EXPECT_TRUE(!pending(f.env));
    /* and later microtasks still run */
    JT_RUN(f.env, "Promise.resolve().then(() => { throw 1; }); Promise.resolve().then(() => { globalThis.after = 1; });");
    EXPECT_TRUE(!pending(f.env));
    JT_ASSERT_JS(f.env, "globalThis.after === 1");
    jt_teardown(&f);
}

static void explicit_policy(void)
{
    jt_fixture f;
    jt_setup(&f);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);

    JT_RUN(f.env, "Promise.resolve().then(() => { globalThis.done = 1; });");
    JT_ASSERT_JS(f.env, "globalThis.done === undefined");
    JT_ASSERT_JS(f.env, "globalThis.done === undefined"); /* still: no script returns run it */

    /* nor does CallFunction */
    JSVM_Value global = NULL, noop = JT_RUN(f.env, "(function () { return 1; })");
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, noop, 0, NULL, NULL));
    JT_ASSERT_JS(f.env, "globalThis.done === undefined");

    /* nor PumpMessageLoop */
    bool ran = true;
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(f.vm, &ran), JSVM_OK);
    EXPECT_TRUE(!ran);
    JT_ASSERT_JS(f.env, "globalThis.done === undefined");

    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
    JT_ASSERT_JS(f.env, "globalThis.done === 1");

    /* a checkpoint runs microtasks queued by microtasks, in FIFO order */
    JT_RUN(f.env, "globalThis.order = [];"
                  "Promise.resolve().then(() => { order.push('a1'); Promise.resolve().then(() => order.push('a2')); });"
                  "Promise.resolve().then(() => order.push('b1'));");
    JT_ASSERT_JS(f.env, "order.length === 0");
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
    JT_ASSERT_JS(f.env, "order.join() === 'a1,b1,a2'");

    /* an empty checkpoint is fine */
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);

    /* back to AUTO */
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_AUTO), JSVM_OK);
    JT_RUN(f.env, "Promise.resolve().then(() => { globalThis.done2 = 2; });");
    JT_ASSERT_JS(f.env, "globalThis.done2 === 2");

    /* microtasks still queued when switching to AUTO run at the next outermost return */
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
    JT_RUN(f.env, "Promise.resolve().then(() => { globalThis.done3 = 3; });");
    JT_ASSERT_JS(f.env, "globalThis.done3 === undefined");
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_AUTO), JSVM_OK);
    JT_RUN(f.env, "0");
    JT_ASSERT_JS(f.env, "globalThis.done3 === 3");

    /* invalid arguments */
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(NULL, JSVM_MICROTASK_AUTO), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, (JSVM_MicrotaskPolicy)2), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, (JSVM_MicrotaskPolicy)-1), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(NULL), JSVM_INVALID_ARG);
    /* the invalid policy did not change the (AUTO) policy */
    JT_RUN(f.env, "Promise.resolve().then(() => { globalThis.done4 = 4; });");
    JT_ASSERT_JS(f.env, "globalThis.done4 === 4");
    jt_teardown(&f);
}

/* Policy is per VM: EXPLICIT on one VM does not affect another. */
static void policy_is_per_vm(void)
{
    jt_fixture a, b;
    jt_setup(&a);
    jt_setup(&b);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(a.vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
    JT_RUN(a.env, "Promise.resolve().then(() => { globalThis.x = 1; });");
    JT_RUN(b.env, "Promise.resolve().then(() => { globalThis.x = 1; });");
    JT_ASSERT_JS(a.env, "globalThis.x === undefined");
    JT_ASSERT_JS(b.env, "globalThis.x === 1");
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(a.vm), JSVM_OK);
    JT_ASSERT_JS(a.env, "globalThis.x === 1");
    /* teardown in reverse order of setup */
    jt_teardown(&b);
    jt_teardown(&a);
}

/* ---- microtasks queued inside a native callback ---- */

static int inner_log_len = -1;
/* nat(): runs JS that queues a microtask and logs, then reads the log length. */
static JSVM_Value QueueInCallback(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value global = NULL, fn = NULL, r = NULL;
    int32_t n = -1;
    (void)info;
    JT_RUN(env, "Promise.resolve().then(() => log.push('micro')); log.push('cb-script');");
    /* a nested CallFunction returning must not run microtasks either */
    fn = JT_RUN(env, "(function () { Promise.resolve().then(() => log.push('micro2')); log.push('cb-call'); return log.length; })");
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    if (fn)
        CHECK_OK(env, OH_JSVM_CallFunction(env, global, fn, 0, NULL, &r));
    if (r)
        CHECK_OK(env, OH_JSVM_GetValueInt32(env, r, &n));
    inner_log_len = n;
    return NULL;
}
static JSVM_CallbackStruct queue_cb = {QueueInCallback, NULL};

static void microtasks_from_native_callback(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "nat", JSVM_AUTO_LENGTH, &queue_cb, &fn));
    set_global(f.env, "nat", fn);

    JT_RUN(f.env, "globalThis.log = ['start']; nat(); log.push('after-nat');");
    EXPECT_EQ_INT(inner_log_len, 3); /* start, cb-script, cb-call: no microtask yet */
    JT_ASSERT_JS(f.env, "log.join() === 'start,cb-script,cb-call,after-nat,micro,micro2'");

    /* called directly from C: microtasks run when CallFunction returns */
    JT_RUN(f.env, "globalThis.log = [];");
    JSVM_Value global = NULL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    inner_log_len = -1;
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, fn, 0, NULL, NULL));
    EXPECT_EQ_INT(inner_log_len, 2);
    JT_ASSERT_JS(f.env, "log.join() === 'cb-script,cb-call,micro,micro2'");

    /* microtasks in a native callback under EXPLICIT: only at the checkpoint */
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
    JT_RUN(f.env, "globalThis.log = []; nat();");
    JT_ASSERT_JS(f.env, "log.join() === 'cb-script,cb-call'");
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
    JT_ASSERT_JS(f.env, "log.join() === 'cb-script,cb-call,micro,micro2'");
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_AUTO), JSVM_OK);
    jt_teardown(&f);
}

/* A native function used as a promise reaction. */
static int reaction_calls;
static JSVM_Value Reaction(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value arg = NULL;
    int32_t n = 0;
    reaction_calls++;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, arg, &n));
    if (n < 0) {
        CHECK_OK(env, OH_JSVM_ThrowRangeError(env, "NEG", "negative"));
        return NULL;
    }
    /* runs JS (which queues another microtask) from inside a microtask */
    JT_RUN(env, "log.push('native'); Promise.resolve().then(() => log.push('queued-by-native'));");
    JSVM_Value out = NULL;
    CHECK_OK(env, OH_JSVM_CreateInt32(env, n * 2, &out));
    return out;
}
static JSVM_CallbackStruct reaction_cb = {Reaction, NULL};

static void native_reaction(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "react", JSVM_AUTO_LENGTH, &reaction_cb, &fn));
    set_global(f.env, "react", fn);
    reaction_calls = 0;
    JT_RUN(f.env, "globalThis.log = []; Promise.resolve(21).then(react).then((v) => log.push('v' + v));"
                  " log.push('sync');");
    EXPECT_EQ_INT(reaction_calls, 1);
    JT_ASSERT_JS(f.env, "log.join() === 'sync,native,queued-by-native,v42'");

    /* a reaction that throws rejects the derived promise; nothing stays pending */
    JT_RUN(f.env, "Promise.resolve(-1).then(react).catch((e) => { globalThis.rej = e; });");
    EXPECT_TRUE(!pending(f.env));
    JT_ASSERT_JS(f.env, "rej instanceof RangeError && rej.code === 'NEG'");
    EXPECT_EQ_INT(reaction_calls, 2);
    jt_teardown(&f);
}

static void async_await_chains(void)
{
    jt_fixture f;
    jt_setup(&f);
    JT_RUN(f.env, "async function b(x) { await null; await Promise.resolve(); return x + 1; }"
                  "async function a(x) { const y = await b(x); const z = await b(y); return z * 2; }"
                  "globalThis.res = undefined;"
                  "a(1).then((v) => { globalThis.res = v; });");
    JT_ASSERT_JS(f.env, "res === 6");

    /* async errors become rejections, caught by await in another async function */
    JT_RUN(f.env, "async function bad() { await 0; throw new TypeError('async'); }"
                  "(async () => { try { await bad(); globalThis.caught = 'no'; }"
                  " catch (e) { globalThis.caught = e instanceof TypeError && e.message; } })();");
    JT_ASSERT_JS(f.env, "caught === 'async'");
    EXPECT_TRUE(!pending(f.env));

    /* a long await loop */
    JT_RUN(f.env, "(async () => { let s = 0; for (let i = 0; i < 1000; i++) s += await i; globalThis.sum = s; })();");
    JT_ASSERT_JS(f.env, "sum === 499500");

    /* under EXPLICIT: one checkpoint completes the whole chain */
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
    JT_RUN(f.env, "globalThis.res2 = undefined; a(10).then((v) => { globalThis.res2 = v; });");
    JT_ASSERT_JS(f.env, "res2 === undefined");
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
    JT_ASSERT_JS(f.env, "res2 === 24");
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_AUTO), JSVM_OK);

    /* Promise combinators */
    JT_RUN(f.env, "Promise.all([a(0), b(5), Promise.resolve(7)]).then((v) => { globalThis.all = v.join(); });"
                  "Promise.allSettled([Promise.reject(1), b(1)]).then((v) => {"
                  " globalThis.settled = v.map((x) => x.status).join(); });");
    JT_ASSERT_JS(f.env, "all === '4,6,7' && settled === 'rejected,fulfilled'");
    jt_teardown(&f);
}

static void pump_message_loop(void)
{
    jt_fixture f;
    jt_setup(&f);
    bool ran = true;
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(f.vm, &ran), JSVM_OK);
    EXPECT_TRUE(!ran);
    /* after running some JS, there are still no platform tasks */
    JT_RUN(f.env, "for (let i = 0; i < 1000; i++) new Array(100);");
    ran = true;
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(f.vm, &ran), JSVM_OK);
    EXPECT_TRUE(!ran);
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(f.vm, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(NULL, &ran), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

JT_MAIN("microtask",
        JT_TEST(auto_policy_default),
        JT_TEST(explicit_policy),
        JT_TEST(policy_is_per_vm),
        JT_TEST(microtasks_from_native_callback),
        JT_TEST(native_reaction),
        JT_TEST(async_await_chains),
        JT_TEST(pump_message_loop))
