/*
 * test_init.c: OH_JSVM_Init and OH_JSVM_GetVMInfo (spec 2.3, 3.1, 3.32).
 *
 * Runs in its own process because OH_JSVM_Init is once per process: the
 * first test below makes the first JSVM call of the process, from 10 threads
 * at once, each passing real JSVM_InitOptions (externalReferences table and
 * argc/argv), so that both the thread-safety of Init and the handling of
 * options are exercised by the one call that can succeed.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>

#include "common.h"

#define NTHREADS 10

/* A native function listed in the externalReferences table (as a snapshot
 * user would); it is also installed in an env below to show that Init with
 * this table leaves native callbacks working. */
static JSVM_Value Seven(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value out = NULL;
    (void)info;
    OH_JSVM_CreateInt32(env, 7, &out);
    return out;
}
static JSVM_CallbackStruct seven_cb = {Seven, NULL};

/* 0-terminated; must stay valid for the whole process (spec 2.5). */
static const intptr_t external_refs[] = {(intptr_t)Seven, (intptr_t)&seven_cb, 0};

static char arg0[] = "test_init";
static char arg1[] = "--libjsvm-test-unrecognised-flag";

typedef struct {
    pthread_barrier_t *start;
    JSVM_InitOptions opts;
    int argc;
    char *argv[3];
    JSVM_Status status;
} init_arg;

static void *init_thread(void *p)
{
    init_arg *a = p;
    a->opts.argc = &a->argc;
    a->opts.argv = a->argv;
    /* All threads leave the barrier together, so the calls really race. */
    pthread_barrier_wait(a->start);
    a->status = OH_JSVM_Init(&a->opts);
    return NULL;
}

/* 10 concurrent first calls: exactly one JSVM_OK, nine GENERIC_FAILURE. */
static void init_concurrent_exactly_once(void)
{
    pthread_barrier_t start;
    pthread_t th[NTHREADS];
    init_arg args[NTHREADS];
    int ok = 0, failed = 0;

    pthread_barrier_init(&start, NULL, NTHREADS);
    for (int i = 0; i < NTHREADS; i++) {
        memset(&args[i], 0, sizeof args[i]);
        args[i].start = &start;
        args[i].opts.externalReferences = external_refs;
        args[i].opts.removeFlags = false;
        args[i].argc = 2;
        args[i].argv[0] = arg0;
        args[i].argv[1] = arg1;
        args[i].argv[2] = NULL;
        args[i].status = (JSVM_Status)-1;
        EXPECT_EQ_INT(pthread_create(&th[i], NULL, init_thread, &args[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&start);

    for (int i = 0; i < NTHREADS; i++) {
        if (args[i].status == JSVM_OK)
            ok++;
        else if (args[i].status == JSVM_GENERIC_FAILURE)
            failed++;
        /* removeFlags == false: argv must be left exactly as given. */
        EXPECT_EQ_INT(args[i].argc, 2);
        EXPECT_TRUE(args[i].argv[0] == arg0 && args[i].argv[1] == arg1 && args[i].argv[2] == NULL);
    }
    EXPECT_EQ_INT(ok, 1);
    EXPECT_EQ_INT(failed, NTHREADS - 1);
}

/* Every later call fails, with or without options. */
static void init_later_calls_fail(void)
{
    JSVM_InitOptions opts;
    memset(&opts, 0, sizeof opts);
    EXPECT_VM_STATUS(OH_JSVM_Init(NULL), JSVM_GENERIC_FAILURE);
    EXPECT_VM_STATUS(OH_JSVM_Init(&opts), JSVM_GENERIC_FAILURE);
    EXPECT_VM_STATUS(OH_JSVM_Init(NULL), JSVM_GENERIC_FAILURE);
}

/* After the Init with options, the engine works: a VM, an env with a native
 * function from the externalReferences table, and a script calling it. */
static void engine_usable_after_init_with_options(void)
{
    JSVM_PropertyDescriptor d[] = {{"seven", NULL, &seven_cb, NULL, NULL, NULL, JSVM_DEFAULT}};
    jt_fixture f;
    jt_setup_with(&f, 1, d);
    JT_ASSERT_JS(f.env, "seven() * 6 === 42");
    jt_teardown(&f);
}

static void vm_info(void)
{
    JSVM_VMInfo info, again;

    EXPECT_VM_STATUS(OH_JSVM_GetVMInfo(NULL), JSVM_INVALID_ARG);

    memset(&info, 0xAB, sizeof info);
    EXPECT_VM_STATUS(OH_JSVM_GetVMInfo(&info), JSVM_OK);
    EXPECT_EQ_INT(info.apiVersion, 1);
    EXPECT_TRUE(info.engine != NULL && info.engine[0] != '\0');
    EXPECT_TRUE(info.version != NULL && info.version[0] != '\0');

    /* Stable across calls: cachedDataVersionTag keys code caches. */
    memset(&again, 0, sizeof again);
    EXPECT_VM_STATUS(OH_JSVM_GetVMInfo(&again), JSVM_OK);
    EXPECT_EQ_INT(again.apiVersion, info.apiVersion);
    EXPECT_EQ_INT(again.cachedDataVersionTag, info.cachedDataVersionTag);
    EXPECT_STREQ(again.engine, info.engine);
    EXPECT_STREQ(again.version, info.version);
}

/* Order matters: the concurrent Init must be the first JSVM call. */
JT_MAIN("init",
        JT_TEST(init_concurrent_exactly_once),
        JT_TEST(init_later_calls_fail),
        JT_TEST(engine_usable_after_init_with_options),
        JT_TEST(vm_info))
