/*
 * test_threads.c: the VM lock (AcquireLock/ReleaseLock/IsLocked), using a VM
 * from threads other than the one that created it, independent VMs on
 * parallel threads, and JS stack overflow on stacks of different sizes,
 * including recursion through native callbacks (spec 2.3, 3.4).
 *
 * Threading discipline of the checks: the counters of common.h are plain
 * ints, so EXPECT_* is only used by one thread at a time - either while the
 * other threads are parked in pthread_join, or while holding the VM lock.
 * Everything a thread observes outside those windows is recorded in its own
 * struct and checked by the main thread after the join.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

#include "common.h"

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Runs fn(arg) on a new thread with the given stack size (0: default) and
 * waits for it. */
static void run_on_thread(size_t stack, void *(*fn)(void *), void *arg)
{
    pthread_attr_t a;
    pthread_t t;
    pthread_attr_init(&a);
    if (stack)
        EXPECT_EQ_INT(pthread_attr_setstacksize(&a, stack), 0);
    EXPECT_EQ_INT(pthread_create(&t, &a, fn, arg), 0);
    pthread_join(t, NULL);
    pthread_attr_destroy(&a);
}

/* ---- a VM shared between threads ---- */

/* Created on the calling thread; no scope is left open, so that any thread
 * can then take the lock and enter it. */
typedef struct {
    JSVM_VM vm;
    JSVM_Env env;
} shared_vm;

static void shared_create(shared_vm *s, size_t n, const JSVM_PropertyDescriptor *d)
{
    JSVM_VMScope vs;
    jt_init();
    memset(s, 0, sizeof *s);
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(NULL, &s->vm), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(s->vm, &vs), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(s->vm, n, d, &s->env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(s->vm, vs), JSVM_OK);
}

static void shared_destroy(shared_vm *s)
{
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(s->env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(s->vm), JSVM_OK);
}

typedef struct {
    JSVM_VMScope vs;
    JSVM_EnvScope es;
    JSVM_HandleScope hs;
} session;

/* Lock -> VM scope -> env scope -> handle scope (spec 2.3). The checks run
 * after AcquireLock returned, i.e. with the lock held. */
static void enter(shared_vm *s, session *x)
{
    CHECK_OK(s->env, OH_JSVM_AcquireLock(s->env));
    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(s->vm, &x->vs), JSVM_OK);
    CHECK_OK(s->env, OH_JSVM_OpenEnvScope(s->env, &x->es));
    CHECK_OK(s->env, OH_JSVM_OpenHandleScope(s->env, &x->hs));
}

/* Closes in reverse order and releases the lock; returns ReleaseLock's
 * status for the caller to check (after the release, another thread may
 * already be using the env). */
static JSVM_Status leave(shared_vm *s, session *x)
{
    CHECK_OK(s->env, OH_JSVM_CloseHandleScope(s->env, x->hs));
    CHECK_OK(s->env, OH_JSVM_CloseEnvScope(s->env, x->es));
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(s->vm, x->vs), JSVM_OK);
    return OH_JSVM_ReleaseLock(s->env);
}

static bool is_locked(JSVM_Env env, JSVM_Status *st)
{
    bool b = true; /* poison: a false answer must really be written */
    *st = OH_JSVM_IsLocked(env, &b);
    return b;
}

/* ---- native callbacks shared by the tests (one thread at a time) ---- */

static pthread_t last_native_thread;
static long bumps;

/* twice(x) = 2x; records the thread it ran on. */
static JSVM_Value Twice(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value arg, out = NULL;
    double d = 0;
    last_native_thread = pthread_self();
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetValueDouble(env, arg, &d));
    CHECK_OK(env, OH_JSVM_CreateDouble(env, d * 2, &out));
    return out;
}

/* bump(): increments a plain C counter; only correct if calls are
 * serialised (by the VM lock). */
static JSVM_Value Bump(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value out = NULL;
    long v = bumps;
    (void)info;
    sched_yield(); /* widen the window a missing lock would expose */
    bumps = v + 1;
    CHECK_OK(env, OH_JSVM_CreateInt64(env, bumps, &out));
    return out;
}

static int reenter_depth, reenter_max, reenter_bad_status;

/* reenter(fn): calls fn(fn) and returns its result. A failed call must be
 * JSVM_PENDING_EXCEPTION; returning NULL then propagates the exception. */
static JSVM_Value Reenter(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value fn = NULL, global = NULL, r = NULL;
    JSVM_Status st;
    if (OH_JSVM_GetCbInfo(env, info, &argc, &fn, NULL, NULL) != JSVM_OK ||
        OH_JSVM_GetGlobal(env, &global) != JSVM_OK) {
        reenter_bad_status++;
        return NULL;
    }
    if (++reenter_depth > reenter_max)
        reenter_max = reenter_depth;
    st = OH_JSVM_CallFunction(env, global, fn, 1, &fn, &r);
    reenter_depth--;
    if (st != JSVM_OK && st != JSVM_PENDING_EXCEPTION)
        reenter_bad_status++;
    return st == JSVM_OK ? r : NULL;
}

static int nest_depth, nest_max;

/* nest(n, step): 0 if n == 0, else step(n - 1); checks that a value it
 * created before the nested call survives it. */
static JSVM_Value Nest(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2], global = NULL, mine = NULL, arg = NULL, r = NULL;
    int32_t n = -1;
    char label[32];
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, argv[0], &n));
    if (++nest_depth > nest_max)
        nest_max = nest_depth;
    if (n <= 0) {
        nest_depth--;
        CHECK_OK(env, OH_JSVM_CreateInt32(env, 0, &r));
        return r;
    }
    snprintf(label, sizeof label, "level %d", (int)n);
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, label, JSVM_AUTO_LENGTH, &mine));
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    CHECK_OK(env, OH_JSVM_CreateInt32(env, n - 1, &arg));
    CHECK_OK(env, OH_JSVM_CallFunction(env, global, argv[1], 1, &arg, &r));
    EXPECT_STREQ(jt_str(env, mine), label);
    nest_depth--;
    return r;
}

static JSVM_CallbackStruct twice_cb = {Twice, NULL};
static JSVM_CallbackStruct bump_cb = {Bump, NULL};
static JSVM_CallbackStruct reenter_cb = {Reenter, NULL};
static JSVM_CallbackStruct nest_cb = {Nest, NULL};

static const JSVM_PropertyDescriptor natives[] = {
    {"twice", NULL, &twice_cb, NULL, NULL, NULL, JSVM_DEFAULT},
    {"bump", NULL, &bump_cb, NULL, NULL, NULL, JSVM_DEFAULT},
    {"reenter", NULL, &reenter_cb, NULL, NULL, NULL, JSVM_DEFAULT},
    {"nest", NULL, &nest_cb, NULL, NULL, NULL, JSVM_DEFAULT},
};
#define NATIVES (sizeof natives / sizeof natives[0])

/* ---- lock ---- */

static void lock_null_args(void)
{
    jt_fixture f;
    bool b = false;
    jt_setup(&f);
    EXPECT_VM_STATUS(OH_JSVM_AcquireLock(NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseLock(NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_IsLocked(NULL, &b), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_IsLocked(f.env, NULL), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

typedef struct {
    JSVM_Env env;
    bool locked_before, locked_after;
    JSVM_Status st_is1, st_release, st_is2;
} other_view;

/* From another thread: the main thread's lock is not "held" here, and
 * ReleaseLock here must not release it. */
static void *look_from_other_thread(void *p)
{
    other_view *o = p;
    o->locked_before = is_locked(o->env, &o->st_is1);
    o->st_release = OH_JSVM_ReleaseLock(o->env);
    o->locked_after = is_locked(o->env, &o->st_is2);
    return NULL;
}

/* IsLocked: false before, true after acquire on this thread, unchanged by a
 * nested acquire, false on another thread; one release releases. */
static void lock_state_and_nesting(void)
{
    shared_vm s;
    session x;
    other_view o;
    JSVM_Status st;
    shared_create(&s, 0, NULL);

    EXPECT_TRUE(!is_locked(s.env, &st));
    EXPECT_EQ_INT(st, JSVM_OK);
    CHECK_OK(s.env, OH_JSVM_AcquireLock(s.env));
    EXPECT_TRUE(is_locked(s.env, &st));
    /* nested acquire on the same thread: a no-op, not a deadlock */
    CHECK_OK(s.env, OH_JSVM_AcquireLock(s.env));
    EXPECT_TRUE(is_locked(s.env, &st));

    memset(&o, 0, sizeof o);
    o.env = s.env;
    o.locked_before = o.locked_after = true;
    run_on_thread(0, look_from_other_thread, &o);
    EXPECT_TRUE(!o.locked_before);
    EXPECT_TRUE(!o.locked_after);
    EXPECT_EQ_INT(o.st_is1, JSVM_OK);
    EXPECT_EQ_INT(o.st_release, JSVM_OK);
    EXPECT_EQ_INT(o.st_is2, JSVM_OK);
    /* still ours */
    EXPECT_TRUE(is_locked(s.env, &st));

    CHECK_OK(s.env, OH_JSVM_ReleaseLock(s.env));
    EXPECT_TRUE(!is_locked(s.env, &st));
    /* releasing a lock not held is harmless */
    CHECK_OK(s.env, OH_JSVM_ReleaseLock(s.env));
    EXPECT_TRUE(!is_locked(s.env, &st));

    /* and the lock can be taken again to run JS */
    enter(&s, &x);
    JT_ASSERT_JS(s.env, "2 ** 10 === 1024");
    EXPECT_EQ_INT(leave(&s, &x), JSVM_OK);
    shared_destroy(&s);
}

typedef struct {
    JSVM_Env env;
    atomic_int started, acquired, released;
    int saw_released;
    bool locked_inside;
    JSVM_Status st_acquire, st_is, st_release;
} contender;

static void *contend(void *p)
{
    contender *c = p;
    atomic_store(&c->started, 1);
    c->st_acquire = OH_JSVM_AcquireLock(c->env); /* blocks while main holds it */
    c->saw_released = atomic_load(&c->released);
    atomic_store(&c->acquired, 1);
    c->locked_inside = is_locked(c->env, &c->st_is);
    c->st_release = OH_JSVM_ReleaseLock(c->env);
    return NULL;
}

/* A second thread's AcquireLock blocks until the holder releases. */
static void acquire_blocks_until_release(void)
{
    shared_vm s;
    contender c;
    pthread_t t;
    JSVM_Status st_main_release, st;
    shared_create(&s, 0, NULL);
    memset(&c, 0, sizeof c);
    c.env = s.env;
    c.saw_released = -1;

    CHECK_OK(s.env, OH_JSVM_AcquireLock(s.env));
    EXPECT_EQ_INT(pthread_create(&t, NULL, contend, &c), 0);
    for (int i = 0; i < 5000 && !atomic_load(&c.started); i++)
        sleep_ms(1);
    sleep_ms(200); /* give it ample time to (wrongly) get the lock */
    EXPECT_EQ_INT(atomic_load(&c.acquired), 0);

    atomic_store(&c.released, 1);
    st_main_release = OH_JSVM_ReleaseLock(s.env);
    pthread_join(t, NULL);

    EXPECT_EQ_INT(st_main_release, JSVM_OK);
    EXPECT_EQ_INT(atomic_load(&c.acquired), 1);
    EXPECT_EQ_INT(c.saw_released, 1); /* got the lock only after the release */
    EXPECT_EQ_INT(c.st_acquire, JSVM_OK);
    EXPECT_TRUE(c.locked_inside);
    EXPECT_EQ_INT(c.st_is, JSVM_OK);
    EXPECT_EQ_INT(c.st_release, JSVM_OK);
    EXPECT_TRUE(!is_locked(s.env, &st));
    shared_destroy(&s);
}

typedef struct {
    JSVM_Env env;
    atomic_int acquired;
    bool locked;
    JSVM_Status st_acquire, st_is, st_release;
} lock_taker;

static void *take_lock(void *p)
{
    lock_taker *t = p;
    t->st_acquire = OH_JSVM_AcquireLock(t->env);
    atomic_store(&t->acquired, 1);
    t->locked = is_locked(t->env, &t->st_is);
    t->st_release = OH_JSVM_ReleaseLock(t->env);
    return NULL;
}

/* DestroyEnv releases a VM lock its thread holds through that env (spec
 * 3.2): another env of the same VM can then be locked from another thread. */
static void destroy_env_releases_lock(void)
{
    shared_vm s;
    JSVM_VMScope vs;
    JSVM_Env env2 = NULL;
    lock_taker t;
    pthread_t th;
    shared_create(&s, 0, NULL);
    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(s.vm, &vs), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(s.vm, 0, NULL, &env2), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(s.vm, vs), JSVM_OK);

    CHECK_OK(s.env, OH_JSVM_AcquireLock(s.env));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(s.env), JSVM_OK);

    memset(&t, 0, sizeof t);
    t.env = env2;
    EXPECT_EQ_INT(pthread_create(&th, NULL, take_lock, &t), 0);
    for (int i = 0; i < 5000 && !atomic_load(&t.acquired); i++)
        sleep_ms(1);
    if (!atomic_load(&t.acquired)) {
        /* deadlocked on the lock the destroyed env kept: leave the thread
         * and the VM behind, the process can still report */
        jt_fail(__FILE__, __LINE__, "AcquireLock on another env blocks after DestroyEnv of the holder");
        pthread_detach(th);
        return;
    }
    pthread_join(th, NULL);
    EXPECT_EQ_INT(t.st_acquire, JSVM_OK);
    EXPECT_TRUE(t.locked);
    EXPECT_EQ_INT(t.st_is, JSVM_OK);
    EXPECT_EQ_INT(t.st_release, JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(s.vm), JSVM_OK);
}

/* ---- a VM used from another thread ---- */

static void *use_vm_on_thread(void *p)
{
    shared_vm *s = p;
    session x;
    JSVM_Status st;
    enter(s, &x);
    EXPECT_TRUE(is_locked(s->env, &st));
    /* globals set by the main thread, a native call on this thread */
    JT_ASSERT_JS(s->env, "fromMain === 2 && twice(21) === 42");
    EXPECT_TRUE(pthread_equal(last_native_thread, pthread_self()));
    /* a JS<->native chain 50 deep on this thread */
    nest_depth = nest_max = 0;
    JT_ASSERT_JS(s->env, "function step(n) { return nest(n, step) + 1 } nest(50, step) === 50");
    EXPECT_EQ_INT(nest_max, 51);
    /* an object made here, used later by the main thread */
    JT_RUN(s->env, "globalThis.fromThread = {who: 'thread', f: (x) => twice(x) + 1}; 1");
    EXPECT_EQ_INT(leave(s, &x), JSVM_OK);
    return NULL;
}

static void vm_used_from_other_thread(void)
{
    shared_vm s;
    session x;
    shared_create(&s, NATIVES, natives);

    enter(&s, &x);
    JT_RUN(s.env, "globalThis.fromMain = twice(1)");
    EXPECT_TRUE(pthread_equal(last_native_thread, pthread_self()));
    EXPECT_EQ_INT(leave(&s, &x), JSVM_OK);

    run_on_thread(0, use_vm_on_thread, &s);

    enter(&s, &x);
    JT_ASSERT_JS(s.env, "fromThread.who === 'thread' && fromThread.f(20) === 41");
    EXPECT_TRUE(pthread_equal(last_native_thread, pthread_self()));
    EXPECT_EQ_INT(leave(&s, &x), JSVM_OK);
    shared_destroy(&s);
}

/* ---- threads taking turns on one VM ---- */

enum { TURN_THREADS = 4, TURNS = 250 };

typedef struct {
    shared_vm *s;
    int bad_release;
} turn_taker;

static void *take_turns(void *p)
{
    turn_taker *t = p;
    for (int i = 0; i < TURNS; i++) {
        session x;
        JSVM_Status st;
        enter(t->s, &x);
        EXPECT_TRUE(is_locked(t->s->env, &st));
        /* read-modify-write in JS and in C, both unsafe without the lock */
        JT_ASSERT_JS(t->s->env, "(() => { const before = count; bump(); count = before + 1; return count > 0; })()");
        if (leave(t->s, &x) != JSVM_OK)
            t->bad_release++;
    }
    return NULL;
}

static void threads_take_turns(void)
{
    shared_vm s;
    session x;
    pthread_t th[TURN_THREADS];
    turn_taker tt[TURN_THREADS];
    shared_create(&s, NATIVES, natives);
    bumps = 0;

    enter(&s, &x);
    JT_RUN(s.env, "globalThis.count = 0");
    EXPECT_EQ_INT(leave(&s, &x), JSVM_OK);

    for (int i = 0; i < TURN_THREADS; i++) {
        tt[i].s = &s;
        tt[i].bad_release = 0;
        EXPECT_EQ_INT(pthread_create(&th[i], NULL, take_turns, &tt[i]), 0);
    }
    for (int i = 0; i < TURN_THREADS; i++) {
        pthread_join(th[i], NULL);
        EXPECT_EQ_INT(tt[i].bad_release, 0);
    }

    EXPECT_EQ_INT(bumps, TURN_THREADS * TURNS);
    enter(&s, &x);
    JT_ASSERT_JS(s.env, "count === 1000");
    EXPECT_EQ_INT(leave(&s, &x), JSVM_OK);
    shared_destroy(&s);
}

/* ---- independent VMs on parallel threads (no shared lock needed) ---- */

enum { PAR_THREADS = 4, PAR_ROUNDS = 20 };

static JSVM_Value Square(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value arg, out = NULL;
    double d = 0;
    if (OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, NULL) != JSVM_OK ||
        OH_JSVM_GetValueDouble(env, arg, &d) != JSVM_OK ||
        OH_JSVM_CreateDouble(env, d * d, &out) != JSVM_OK)
        return NULL;
    return out;
}
static JSVM_CallbackStruct square_cb = {Square, NULL};

typedef struct {
    int id;
    int failures; /* counted here, checked by main after the join */
} par_worker;

static void *own_vm_worker(void *p)
{
    par_worker *w = p;
    JSVM_PropertyDescriptor d[] = {{"square", NULL, &square_cb, NULL, NULL, NULL, JSVM_DEFAULT}};
    for (int round = 0; round < PAR_ROUNDS; round++) {
        JSVM_VM vm = NULL;
        JSVM_VMScope vs;
        JSVM_Env env = NULL;
        JSVM_EnvScope es;
        JSVM_HandleScope hs;
        JSVM_Value src = NULL, r = NULL;
        JSVM_Script script = NULL;
        double got = 0;
        char code[160];
        if (OH_JSVM_CreateVM(NULL, &vm) != JSVM_OK || OH_JSVM_OpenVMScope(vm, &vs) != JSVM_OK ||
            OH_JSVM_CreateEnv(vm, 1, d, &env) != JSVM_OK || OH_JSVM_OpenEnvScope(env, &es) != JSVM_OK ||
            OH_JSVM_OpenHandleScope(env, &hs) != JSVM_OK) {
            w->failures++;
            return NULL;
        }
        /* sum of squares 1..100 = 338350, plus the worker's id */
        snprintf(code, sizeof code,
                 "let s = %d; for (let i = 1; i <= 100; i++) s += square(i);"
                 " JSON.parse(JSON.stringify({s})).s", w->id);
        if (OH_JSVM_CreateStringUtf8(env, code, JSVM_AUTO_LENGTH, &src) != JSVM_OK ||
            OH_JSVM_CompileScript(env, src, NULL, 0, false, NULL, &script) != JSVM_OK ||
            OH_JSVM_RunScript(env, script, &r) != JSVM_OK ||
            OH_JSVM_GetValueDouble(env, r, &got) != JSVM_OK || got != 338350 + w->id)
            w->failures++;
        if (OH_JSVM_CloseHandleScope(env, hs) != JSVM_OK || OH_JSVM_CloseEnvScope(env, es) != JSVM_OK ||
            OH_JSVM_DestroyEnv(env) != JSVM_OK || OH_JSVM_CloseVMScope(vm, vs) != JSVM_OK ||
            OH_JSVM_DestroyVM(vm) != JSVM_OK)
            w->failures++;
    }
    return NULL;
}

static void independent_vms_in_parallel(void)
{
    pthread_t th[PAR_THREADS];
    par_worker w[PAR_THREADS];
    jt_init();
    for (int i = 0; i < PAR_THREADS; i++) {
        w[i].id = i;
        w[i].failures = 0;
        EXPECT_EQ_INT(pthread_create(&th[i], NULL, own_vm_worker, &w[i]), 0);
    }
    for (int i = 0; i < PAR_THREADS; i++) {
        pthread_join(th[i], NULL);
        EXPECT_EQ_INT(w[i].failures, 0);
    }
}

/* ---- stack overflow ---- */

#define JS_OVERFLOW "function f() { return f() + 1 } try { f(); false } catch (e) { e instanceof RangeError }"
/* JS -> native -> OH_JSVM_CallFunction -> JS -> native ... */
#define JS_NATIVE_OVERFLOW \
    "function g() { return reenter(g) + 1 } try { g(); false } catch (e) { e instanceof RangeError }"

/* Overflows in both ways, twice each, and checks the VM afterwards. The env
 * must be entered. */
static void overflow_suite(JSVM_Env env)
{
    bool pending = true;
    for (int i = 0; i < 2; i++) {
        JT_ASSERT_JS(env, JS_OVERFLOW);
        JT_ASSERT_JS(env, "[1, 2, 3].reduce((a, b) => a + b) === 6");

        reenter_depth = reenter_max = reenter_bad_status = 0;
        JT_ASSERT_JS(env, JS_NATIVE_OVERFLOW);
        EXPECT_TRUE(reenter_max > 1); /* it really recursed through C */
        EXPECT_EQ_INT(reenter_bad_status, 0);
        EXPECT_EQ_INT(reenter_depth, 0);
        /* the native still works at shallow depth */
        JT_ASSERT_JS(env, "reenter(() => 41) + 1 === 42");
        CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &pending));
        EXPECT_TRUE(!pending);
    }
    nest_depth = nest_max = 0;
    JT_ASSERT_JS(env, "function step(n) { return nest(n, step) + 1 } nest(50, step) === 50");
    EXPECT_EQ_INT(nest_max, 51);
}

static void stack_overflow_main_thread(void)
{
    jt_fixture f;
    jt_setup_with(&f, NATIVES, natives);
    overflow_suite(f.env);
    jt_teardown(&f);
}

static void *overflow_on_thread(void *p)
{
    shared_vm *s = p;
    session x;
    enter(s, &x);
    overflow_suite(s->env);
    EXPECT_EQ_INT(leave(s, &x), JSVM_OK);
    return NULL;
}

/* The VM is created on the main thread (8 MiB stack) and then used on a
 * thread whose stack is much smaller: the JS stack limit must follow the
 * thread actually running, not the creator's. */
static void stack_overflow_small_stack_thread(void)
{
    shared_vm s;
    shared_create(&s, NATIVES, natives);
    run_on_thread(512 * 1024, overflow_on_thread, &s);
    /* and back on the main thread */
    overflow_on_thread(&s);
    shared_destroy(&s);
}

static void stack_overflow_8mb_thread(void)
{
    shared_vm s;
    shared_create(&s, NATIVES, natives);
    run_on_thread(8 * 1024 * 1024, overflow_on_thread, &s);
    shared_destroy(&s);
}

/* A VM created and used entirely on a small-stack thread. */
static void *own_vm_small_stack(void *p)
{
    jt_fixture f;
    (void)p;
    jt_setup_with(&f, NATIVES, natives);
    overflow_suite(f.env);
    jt_teardown(&f);
    return NULL;
}

static void stack_overflow_vm_created_on_small_thread(void)
{
    run_on_thread(512 * 1024, own_vm_small_stack, NULL);
}

static void nesting_50_levels(void)
{
    jt_fixture f;
    jt_setup_with(&f, NATIVES, natives);
    nest_depth = nest_max = 0;
    JT_ASSERT_JS(f.env, "function step(n) { return nest(n, step) + 1 } nest(50, step) === 50");
    EXPECT_EQ_INT(nest_max, 51);
    EXPECT_EQ_INT(nest_depth, 0);
    /* again, from a callback chain that starts with OH_JSVM_CallFunction */
    JSVM_Value step = JT_RUN(f.env, "step");
    JSVM_Value global = NULL, arg = NULL, r = NULL;
    int32_t n = 0;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, 50, &arg));
    nest_depth = nest_max = 0;
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, step, 1, &arg, &r));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 51);
    EXPECT_EQ_INT(nest_max, 51);
    jt_teardown(&f);
}

/* Native -> OH_JSVM_CallFunction -> the same native, with no JS frame in
 * between: reenter(reenter). Must also end in a catchable RangeError.
 * Last in the list: a library without a stack check on this path overflows
 * the C stack and kills the process. */
static void native_to_native_recursion_overflow(void)
{
    jt_fixture f;
    jt_setup_with(&f, NATIVES, natives);
    reenter_depth = reenter_max = reenter_bad_status = 0;
    JT_ASSERT_JS(f.env, "try { reenter(reenter); false } catch (e) { e instanceof RangeError }");
    EXPECT_EQ_INT(reenter_bad_status, 0);
    JT_ASSERT_JS(f.env, "reenter(() => 41) + 1 === 42");
    jt_teardown(&f);
}

JT_MAIN("threads",
        JT_TEST(lock_null_args),
        JT_TEST(lock_state_and_nesting),
        JT_TEST(acquire_blocks_until_release),
        JT_TEST(destroy_env_releases_lock),
        JT_TEST(vm_used_from_other_thread),
        JT_TEST(threads_take_turns),
        JT_TEST(independent_vms_in_parallel),
        JT_TEST(nesting_50_levels),
        JT_TEST(stack_overflow_main_thread),
        JT_TEST(stack_overflow_small_stack_thread),
        JT_TEST(stack_overflow_8mb_thread),
        JT_TEST(stack_overflow_vm_created_on_small_thread),
        JT_TEST(native_to_native_recursion_overflow))
