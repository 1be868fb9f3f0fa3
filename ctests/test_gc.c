/*
 * test_gc.c: GC handlers and the heap-threshold callback (spec 3.27, 8.11,
 * 8.12; issue 5): OH_JSVM_AddHandlerForGC, OH_JSVM_RemoveHandlerForGC,
 * OH_JSVM_SetHeapThresholdCallback, OH_JSVM_ClearHeapThresholdCallback,
 * and the collection schedule behind them (the library runs every
 * collection itself: QuickJS's automatic one is off).
 */
#include "common.h"

#define MiB ((size_t)1 << 20)

/* the common fixture; open_box(b, limit): limit 0 means no memory limit */
typedef jt_fixture box;
#define open_box(b, limit) jt_setup_limit((b), (limit))
#define close_box(b) jt_teardown(b)

static void pressure(box *b, JSVM_MemoryPressureLevel level)
{
    CHECK_OK(b->env, OH_JSVM_MemoryPressureNotification(b->env, level));
}

static JSVM_HeapStatistics stats(box *b)
{
    JSVM_HeapStatistics hs;
    memset(&hs, 0, sizeof hs);
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b->vm, &hs), JSVM_OK);
    return hs;
}

/* Makes 2e5 pairs of objects referring to each other: cyclic garbage that
 * reference counting alone never frees (~50 MiB if nothing collects). */
#define CYCLES "for (let i = 0; i < 2e5; i++) { const a = {}, b = { a }; a.b = b; } 0"

/* ---- an event log shared by the callbacks ---- */

enum { EV_BEFORE = 1, EV_AFTER, EV_THRESHOLD };

typedef struct {
    int kind;
    JSVM_VM vm;
    JSVM_GCType type;
    JSVM_GCCallbackFlags flags;
    uint64_t threshold;
    void *data;
} event;

static event evlog[256];
static int nev;

static void log_reset(void) { nev = 0; }

static void log_add(int kind, JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, uint64_t thr, void *data)
{
    if (nev < (int)(sizeof evlog / sizeof evlog[0]))
        evlog[nev++] = (event){kind, vm, type, flags, thr, data};
}

static void on_before(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    log_add(EV_BEFORE, vm, type, flags, 0, data);
}

static void on_after(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    log_add(EV_AFTER, vm, type, flags, 0, data);
}

static void on_threshold(JSVM_VM vm, uint64_t threshold, void *data)
{
    log_add(EV_THRESHOLD, vm, 0, 0, threshold, data);
}

/* A handler that only counts (data: an int counter). */
static void count_gc(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)vm;
    (void)type;
    (void)flags;
    ++*(int *)data;
}

static void count_thr(JSVM_VM vm, uint64_t threshold, void *data)
{
    (void)vm;
    (void)threshold;
    ++*(int *)data;
}

static void nop_gc(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)vm; (void)type; (void)flags; (void)data;
}

static void nop_thr(JSVM_VM vm, uint64_t threshold, void *data)
{
    (void)vm; (void)threshold; (void)data;
}

/* ---- registration ---- */

static void gc_handler_registration_errors(void)
{
    box b;
    int d1 = 0, d2 = 0;
    open_box(&b, 0);
    JSVM_VM vm = b.vm;
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(NULL, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, JSVM_GC_TYPE_ALL, &d1),
                     JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, NULL, JSVM_GC_TYPE_ALL, &d1),
                     JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, (JSVM_CBTriggerTimeForGC)2, nop_gc, JSVM_GC_TYPE_ALL, &d1),
                     JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, (JSVM_CBTriggerTimeForGC)-1, nop_gc, JSVM_GC_TYPE_ALL, &d1),
                     JSVM_INVALID_ARG);

    /* identity is (trigger, handler, userData) */
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, JSVM_GC_TYPE_ALL, &d1), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, JSVM_GC_TYPE_ALL, &d1),
                     JSVM_INVALID_ARG);
    /* a different mask does not make it another registration */
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, JSVM_GC_TYPE_SCAVENGE, &d1),
                     JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, JSVM_GC_TYPE_ALL, &d2), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_AFTER_GC, nop_gc, JSVM_GC_TYPE_ALL, &d1), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, JSVM_GC_TYPE_ALL, &d1), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, JSVM_GC_TYPE_ALL, NULL), JSVM_OK);

    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(NULL, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, &d1), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, NULL, &d1), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, (JSVM_CBTriggerTimeForGC)7, nop_gc, &d1), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_AFTER_GC, nop_gc, &d2), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, &d2), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, &d1), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, &d1), JSVM_INVALID_ARG);
    /* the others are still there */
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, &d2), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_AFTER_GC, nop_gc, &d1), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, NULL), JSVM_OK);
    /* removed: can be added again */
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, nop_gc, JSVM_GC_TYPE_ALL, &d1), JSVM_OK);
    /* left registered: freed with the VM */
    close_box(&b);
    EXPECT_EQ_INT(d1, 0); /* count_gc stayed registered: teardown collections call nobody */
}

static void threshold_registration_errors(void)
{
    box b;
    int d = 0, e = 0;
    open_box(&b, 0);
    JSVM_VM vm = b.vm;
    uint64_t limit = stats(&b).heapSizeLimit;
    EXPECT_TRUE(limit > 0);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(NULL, 1 * MiB, nop_thr, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(vm, 1 * MiB, NULL, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(vm, 0, nop_thr, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(vm, limit + 1, nop_thr, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(vm, UINT64_MAX, nop_thr, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(vm, 1 * MiB, nop_thr, &d), JSVM_INVALID_ARG); /* none yet */

    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(vm, limit, nop_thr, &d), JSVM_OK); /* the limit itself is fine */
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(vm, limit, nop_thr, &d), JSVM_INVALID_ARG); /* one per VM */
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(vm, 1 * MiB, count_thr, &e), JSVM_INVALID_ARG);
    /* Clear needs the exact triple */
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(NULL, limit, nop_thr, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(vm, limit - 1, nop_thr, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(vm, limit, count_thr, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(vm, limit, nop_thr, &e), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(vm, limit, NULL, &d), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(vm, limit, nop_thr, &d), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(vm, limit, nop_thr, &d), JSVM_INVALID_ARG);
    /* cleared: a new one may be registered; left registered at teardown */
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(vm, 1, count_thr, &e), JSVM_OK);
    close_box(&b);
    EXPECT_EQ_INT(e, 0);

    /* under a memory limit, heapSizeLimit is the limit */
    open_box(&b, 16 * MiB);
    EXPECT_EQ_INT(stats(&b).heapSizeLimit, 16 * MiB);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(b.vm, 16 * MiB + 1, nop_thr, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(b.vm, 16 * MiB, nop_thr, NULL), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(b.vm, 16 * MiB, nop_thr, NULL), JSVM_OK);
    close_box(&b);
}

/* ---- handlers around MemoryPressureNotification ---- */

static void expect_pair(JSVM_VM vm, JSVM_GCCallbackFlags flags, void *data)
{
    EXPECT_EQ_INT(nev, 2);
    EXPECT_EQ_INT(evlog[0].kind, EV_BEFORE);
    EXPECT_EQ_INT(evlog[1].kind, EV_AFTER);
    for (int i = 0; i < 2 && i < nev; i++) {
        EXPECT_TRUE(evlog[i].vm == vm);
        EXPECT_EQ_INT(evlog[i].type, JSVM_GC_TYPE_MARK_SWEEP_COMPACT);
        EXPECT_EQ_INT(evlog[i].flags, flags);
        EXPECT_TRUE(evlog[i].data == data);
    }
}

static void pressure_fires_handlers(void)
{
    box b;
    int tag = 0;
    open_box(&b, 0);
    /* registered after-handler first: the order of the calls is before, after */
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, on_after, JSVM_GC_TYPE_ALL, &tag), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, on_before, JSVM_GC_TYPE_ALL, &tag),
                     JSVM_OK);
    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_NONE); /* no collection */
    EXPECT_EQ_INT(nev, 0);

    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    expect_pair(b.vm, JSVM_GC_CALLBACK_FORCED, &tag);

    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL);
    expect_pair(b.vm, JSVM_GC_CALLBACK_COLLECT_ALL_AVAILABLE_GARBAGE, &tag);

    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_LOW_MEMORY);
    expect_pair(b.vm, JSVM_GC_CALLBACK_COLLECT_ALL_AVAILABLE_GARBAGE, &tag);

    /* an invalid level collects nothing */
    log_reset();
    EXPECT_STATUS(b.env, OH_JSVM_MemoryPressureNotification(b.env, (JSVM_MemoryPressureLevel)9), JSVM_INVALID_ARG);
    EXPECT_EQ_INT(nev, 0);

    /* remove stops them */
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, on_before, &tag), JSVM_OK);
    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(nev, 1);
    EXPECT_EQ_INT(evlog[0].kind, EV_AFTER);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, on_after, &tag), JSVM_OK);
    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL);
    EXPECT_EQ_INT(nev, 0);
    close_box(&b);
}

/* Only masks containing MARK_SWEEP_COMPACT fire: QuickJS's collector is a
 * full cycle collection, never a scavenge or an incremental step. */
static void mask_filters_handlers(void)
{
    box b;
    int young = 0, full = 0, all = 0, none = 0;
    open_box(&b, 0);
    JSVM_GCType young_mask = (JSVM_GCType)(JSVM_GC_TYPE_SCAVENGE | JSVM_GC_TYPE_MINOR_MARK_COMPACT |
                                           JSVM_GC_TYPE_INCREMENTAL_MARKING | JSVM_GC_TYPE_PROCESS_WEAK_CALLBACKS);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, young_mask, &young), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, count_gc, young_mask, &young), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, (JSVM_GCType)0, &none), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, count_gc,
                                             JSVM_GC_TYPE_MARK_SWEEP_COMPACT, &full), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, count_gc, JSVM_GC_TYPE_ALL, &all), JSVM_OK);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL);
    JT_RUN(b.env, CYCLES); /* scheduled collections too */
    EXPECT_EQ_INT(young, 0);
    EXPECT_EQ_INT(none, 0);
    EXPECT_TRUE(full > 2);
    EXPECT_EQ_INT(all, full);
    close_box(&b);
}

/* ---- the library's own schedule ---- */

static int sched_n;
static JSVM_GCCallbackFlags sched_flags;
static JSVM_GCType sched_type;
static void on_scheduled(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)vm;
    (void)data;
    sched_n++;
    sched_type = type;
    sched_flags = flags;
}

/* A script making lots of cyclic garbage: collections happen on their own
 * (QuickJS's automatic trigger is off, so these are the library's), they
 * fire the handlers, and memory stays bounded. Nothing collecting would
 * leave ~50 MiB per 2e5 iterations. */
static void scheduled_collections_collect_cycles(void)
{
    box b;
    int before = 0, after = 0;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, JSVM_GC_TYPE_ALL, &before),
                     JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, count_gc, JSVM_GC_TYPE_ALL, &after),
                     JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, on_scheduled, JSVM_GC_TYPE_ALL, NULL),
                     JSVM_OK);
    sched_n = 0;
    sched_flags = (JSVM_GCCallbackFlags)-1;
    JT_RUN(b.env, CYCLES);
    EXPECT_TRUE(before >= 5);
    EXPECT_EQ_INT(after, before);
    EXPECT_EQ_INT(sched_n, before);
    EXPECT_EQ_INT(sched_flags, JSVM_NO_GC_CALLBACK_FLAGS);
    EXPECT_EQ_INT(sched_type, JSVM_GC_TYPE_MARK_SWEEP_COMPACT);
    JSVM_HeapStatistics h1 = stats(&b);
    EXPECT_TRUE(h1.peakMallocedMemory < 8 * MiB);

    /* ten times as much garbage: the peak does not grow with it */
    JT_RUN(b.env, "for (let k = 0; k < 10; k++) { " CYCLES "; } 0");
    JSVM_HeapStatistics h2 = stats(&b);
    EXPECT_TRUE(h2.peakMallocedMemory < 8 * MiB);
    EXPECT_TRUE(before >= 50);
    EXPECT_EQ_INT(after, before);

    /* and without handlers the schedule works the same */
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, &before), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, count_gc, &after), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, on_scheduled, NULL), JSVM_OK);
    JT_RUN(b.env, "for (let k = 0; k < 5; k++) { " CYCLES "; } 0");
    EXPECT_TRUE(stats(&b).peakMallocedMemory < 8 * MiB);
    close_box(&b);
}

/* Allocation from C alone (no JS entry) never collects; the next call that
 * enters JS does. */
static void collection_at_next_js_entry(void)
{
    box b;
    int n = 0;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, JSVM_GC_TYPE_ALL, &n), JSVM_OK);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE); /* a fresh schedule */
    EXPECT_EQ_INT(n, 1);
    JSVM_HeapStatistics h0 = stats(&b);
    char text[1024];
    memset(text, 'x', sizeof text - 1);
    text[sizeof text - 1] = 0;
    JSVM_HandleScope hs;
    CHECK_OK(b.env, OH_JSVM_OpenHandleScope(b.env, &hs));
    for (int i = 0; i < 4000; i++) { /* ~4 MiB of live strings */
        JSVM_Value s = NULL;
        CHECK_OK(b.env, OH_JSVM_CreateStringUtf8(b.env, text, JSVM_AUTO_LENGTH, &s));
    }
    EXPECT_TRUE(stats(&b).totalHeapSize > h0.totalHeapSize + 3 * MiB);
    EXPECT_EQ_INT(n, 1); /* nothing entered JS */
    JT_RUN(b.env, "0");
    EXPECT_EQ_INT(n, 2);
    JT_RUN(b.env, "1"); /* rescheduled from the live size: no new collection */
    EXPECT_EQ_INT(n, 2);
    CHECK_OK(b.env, OH_JSVM_CloseHandleScope(b.env, hs));
    close_box(&b);
}

/* QuickJS never collects on its own: allocating objects from C (where
 * QuickJS's automatic trigger would collect inside JS_NewObject) leaves a
 * garbage cycle alone until the library collects, with the handlers. */
static int fin_runs;
static void on_fin(JSVM_Env env, void *data, void *hint)
{
    (void)env; (void)data; (void)hint;
    fin_runs++;
}

static void engine_never_collects_on_its_own(void)
{
    box b;
    int n = 0;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, JSVM_GC_TYPE_ALL, &n), JSVM_OK);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(n, 1);
    fin_runs = 0;
    JSVM_HandleScope hs;
    JSVM_Value o = NULL;
    CHECK_OK(b.env, OH_JSVM_OpenHandleScope(b.env, &hs));
    CHECK_OK(b.env, OH_JSVM_CreateObject(b.env, &o));
    CHECK_OK(b.env, OH_JSVM_AddFinalizer(b.env, o, NULL, on_fin, NULL, NULL));
    CHECK_OK(b.env, OH_JSVM_SetNamedProperty(b.env, o, "self", o));
    CHECK_OK(b.env, OH_JSVM_CloseHandleScope(b.env, hs)); /* o: a garbage cycle */
    CHECK_OK(b.env, OH_JSVM_OpenHandleScope(b.env, &hs));
    for (int i = 0; i < 50000; i++) /* ~5 MiB of objects, no JS entry */
        CHECK_OK(b.env, OH_JSVM_CreateObject(b.env, &o));
    CHECK_OK(b.env, OH_JSVM_CloseHandleScope(b.env, hs));
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_NONE); /* runs queued finalizers, collects nothing */
    EXPECT_EQ_INT(fin_runs, 0);
    EXPECT_EQ_INT(n, 1);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(fin_runs, 1);
    EXPECT_EQ_INT(n, 2);
    close_box(&b);
}

/* Cycles made from C through the API are collected too (SetNamedProperty
 * enters JS: a setter could run). */
static void cycles_made_from_c_are_collected(void)
{
    box b;
    int n = 0;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, count_gc, JSVM_GC_TYPE_ALL, &n), JSVM_OK);
    for (int i = 0; i < 100000; i++) {
        JSVM_HandleScope hs;
        JSVM_Value a = NULL, c = NULL;
        CHECK_OK(b.env, OH_JSVM_OpenHandleScope(b.env, &hs));
        CHECK_OK(b.env, OH_JSVM_CreateObject(b.env, &a));
        CHECK_OK(b.env, OH_JSVM_CreateObject(b.env, &c));
        CHECK_OK(b.env, OH_JSVM_SetNamedProperty(b.env, a, "c", c));
        CHECK_OK(b.env, OH_JSVM_SetNamedProperty(b.env, c, "a", a));
        CHECK_OK(b.env, OH_JSVM_CloseHandleScope(b.env, hs));
    }
    EXPECT_TRUE(n >= 3);
    EXPECT_TRUE(stats(&b).peakMallocedMemory < 8 * MiB);
    close_box(&b);
}

/* Teardown collections (DestroyEnv, DestroyVM) call no handler. */
static void teardown_calls_no_handler(void)
{
    box b;
    int n = 0, t = 0;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, JSVM_GC_TYPE_ALL, &n), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, count_gc, JSVM_GC_TYPE_ALL, &n), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(b.vm, 1, count_thr, &t), JSVM_OK);
    JT_RUN(b.env, "globalThis.ring = []; for (let i = 0; i < 1000; i++) { const a = {}; a.self = a; ring.push(a); } 0");
    int seen = n, seen_t = t;
    JSVM_Env env2 = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(b.vm, 0, NULL, &env2), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);
    close_box(&b);
    EXPECT_EQ_INT(n, seen);
    EXPECT_EQ_INT(t, seen_t);
}

/* ---- heap threshold ---- */

static void threshold_fires_while_above(void)
{
    box b;
    int tag = 0, gctag = 0;
    open_box(&b, 0);
    const uint64_t T = 4 * MiB;
    EXPECT_TRUE(stats(&b).totalHeapSize < T);
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(b.vm, T, on_threshold, &tag), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, on_before, JSVM_GC_TYPE_ALL, &gctag),
                     JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, on_after, JSVM_GC_TYPE_ALL, &gctag),
                     JSVM_OK);

    /* below: the GC handlers run, the threshold callback does not */
    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(nev, 2);
    EXPECT_EQ_INT(evlog[0].kind, EV_BEFORE);

    /* above: it runs first, with its threshold and data, at every collection */
    JT_RUN(b.env, "globalThis.keep = Array.from({ length: 100000 }, (_, i) => ({ i, s: 'v' + i })); 0");
    EXPECT_TRUE(stats(&b).totalHeapSize >= T);
    for (int round = 0; round < 3; round++) {
        log_reset();
        pressure(&b, round == 1 ? JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL : JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
        EXPECT_EQ_INT(nev, 3);
        EXPECT_EQ_INT(evlog[0].kind, EV_THRESHOLD);
        EXPECT_TRUE(evlog[0].vm == b.vm);
        EXPECT_EQ_INT(evlog[0].threshold, T);
        EXPECT_TRUE(evlog[0].data == &tag);
        EXPECT_EQ_INT(evlog[1].kind, EV_BEFORE);
        EXPECT_EQ_INT(evlog[2].kind, EV_AFTER);
    }
    /* scheduled collections too, while usage stays above */
    int thr_seen = 0, gc_seen = 0;
    log_reset();
    JT_RUN(b.env, "for (let i = 0; i < 1e5; i++) { const a = {}, b = { a }; a.b = b; } 0");
    for (int i = 0; i < nev; i++) {
        thr_seen += evlog[i].kind == EV_THRESHOLD;
        gc_seen += evlog[i].kind == EV_BEFORE;
    }
    EXPECT_TRUE(gc_seen >= 1);
    EXPECT_EQ_INT(thr_seen, gc_seen);

    /* usage falls below (reference counting frees the array at once):
     * no more calls */
    JT_RUN(b.env, "globalThis.keep = null; 0");
    EXPECT_TRUE(stats(&b).totalHeapSize < T);
    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(nev, 2);
    EXPECT_EQ_INT(evlog[0].kind, EV_BEFORE);

    /* cleared: no more calls even when above */
    JT_RUN(b.env, "globalThis.keep = Array.from({ length: 100000 }, (_, i) => ({ i, s: 'v' + i })); 0");
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(b.vm, T, on_threshold, &tag), JSVM_OK);
    log_reset();
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(nev, 2);
    EXPECT_EQ_INT(evlog[0].kind, EV_BEFORE);
    close_box(&b);
}

/* The callback clears itself and registers another, from inside. */
static int a_calls, b_calls;
static JSVM_Status a_clear_st, a_set_st, b_set_again_st;
static int b_tag;
static void thr_b(JSVM_VM vm, uint64_t threshold, void *data)
{
    b_calls++;
    EXPECT_TRUE(data == &b_tag);
    EXPECT_EQ_INT(threshold, 2 * MiB);
    /* one per VM, also from inside */
    b_set_again_st = OH_JSVM_SetHeapThresholdCallback(vm, 3 * MiB, thr_b, data);
}

static void thr_a(JSVM_VM vm, uint64_t threshold, void *data)
{
    a_calls++;
    a_clear_st = OH_JSVM_ClearHeapThresholdCallback(vm, threshold, thr_a, data);
    a_set_st = OH_JSVM_SetHeapThresholdCallback(vm, 2 * MiB, thr_b, &b_tag);
}

static void threshold_reregister_from_callback(void)
{
    box b;
    int a_tag = 0;
    open_box(&b, 0);
    JT_RUN(b.env, "globalThis.keep = Array.from({ length: 60000 }, (_, i) => ({ i, s: 'v' + i })); 0");
    EXPECT_TRUE(stats(&b).totalHeapSize >= 3 * MiB);
    a_calls = b_calls = 0;
    a_clear_st = a_set_st = b_set_again_st = JSVM_GENERIC_FAILURE;
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(b.vm, 1 * MiB, thr_a, &a_tag), JSVM_OK);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(a_calls, 1);
    EXPECT_EQ_INT(b_calls, 0); /* registered during this collection: not called in it */
    EXPECT_EQ_INT(a_clear_st, JSVM_OK);
    EXPECT_EQ_INT(a_set_st, JSVM_OK);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(a_calls, 1);
    EXPECT_EQ_INT(b_calls, 1);
    EXPECT_EQ_INT(b_set_again_st, JSVM_INVALID_ARG);
    /* the registered one is now B's triple */
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(b.vm, 1 * MiB, thr_a, &a_tag), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(b.vm, 2 * MiB, thr_b, &b_tag), JSVM_OK);
    close_box(&b);
}

/* ---- callbacks that collect, or change the handlers, while called ---- */

static box *cur_box;
static int reentry_thr, reentry_before, reentry_after;
static void thr_forcing(JSVM_VM vm, uint64_t threshold, void *data)
{
    (void)vm; (void)threshold; (void)data;
    reentry_thr++;
    /* asks for a collection from inside one: it runs without callbacks */
    OH_JSVM_MemoryPressureNotification(cur_box->env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL);
}

static void gc_forcing(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)vm; (void)type; (void)flags;
    ++*(int *)data;
    OH_JSVM_MemoryPressureNotification(cur_box->env, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
}

static void callbacks_are_not_reentered(void)
{
    box b;
    open_box(&b, 0);
    cur_box = &b;
    reentry_thr = reentry_before = reentry_after = 0;
    EXPECT_VM_STATUS(OH_JSVM_SetHeapThresholdCallback(b.vm, 1, thr_forcing, NULL), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, gc_forcing, JSVM_GC_TYPE_ALL,
                                             &reentry_before), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, gc_forcing, JSVM_GC_TYPE_ALL,
                                             &reentry_after), JSVM_OK);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(reentry_thr, 1);
    EXPECT_EQ_INT(reentry_before, 1);
    EXPECT_EQ_INT(reentry_after, 1);
    /* scheduled collections during a script: once each per collection */
    JT_RUN(b.env, CYCLES);
    EXPECT_TRUE(reentry_before > 1);
    EXPECT_EQ_INT(reentry_after, reentry_before);
    EXPECT_EQ_INT(reentry_thr, reentry_before);
    JT_ASSERT_JS(b.env, "[1, 2, 3].join() === '1,2,3'");
    cur_box = NULL;
    EXPECT_VM_STATUS(OH_JSVM_ClearHeapThresholdCallback(b.vm, 1, thr_forcing, NULL), JSVM_OK);
    close_box(&b);
}

/* A handler that adds and removes handlers while handlers are being called. */
static int m_self, m_victim, m_added_before, m_added_after, m_many[40];
static JSVM_Status m_st[4];
static void m_plain(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)vm; (void)type; (void)flags;
    ++*(int *)data;
}

static void m_mutator(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)type; (void)flags;
    ++*(int *)data;
    m_st[0] = OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, m_mutator, data); /* itself */
    m_st[1] = OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, &m_victim); /* one not yet called */
    m_st[2] = OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, JSVM_GC_TYPE_ALL, &m_added_before);
    m_st[3] = OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_AFTER_GC, m_plain, JSVM_GC_TYPE_ALL, &m_added_after);
    /* enough to move the array */
    for (int i = 0; i < 40; i++)
        OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, JSVM_GC_TYPE_ALL, &m_many[i]);
    /* removed and added back during the same dispatch */
    OH_JSVM_RemoveHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, &m_many[0]);
    OH_JSVM_AddHandlerForGC(vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, JSVM_GC_TYPE_ALL, &m_many[0]);
}

static void handlers_change_during_dispatch(void)
{
    box b;
    open_box(&b, 0);
    m_self = m_victim = m_added_before = m_added_after = 0;
    memset(m_many, 0, sizeof m_many);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, m_mutator, JSVM_GC_TYPE_ALL, &m_self),
                     JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, JSVM_GC_TYPE_ALL, &m_victim),
                     JSVM_OK);
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    for (int i = 0; i < 4; i++)
        EXPECT_EQ_INT(m_st[i], JSVM_OK);
    EXPECT_EQ_INT(m_self, 1);
    EXPECT_EQ_INT(m_victim, 0);       /* removed before its turn */
    EXPECT_EQ_INT(m_added_before, 0); /* added during this pass: from the next collection on */
    EXPECT_EQ_INT(m_added_after, 1);  /* the after pass started after it was added */
    EXPECT_EQ_INT(m_many[5], 0);

    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(m_self, 1);
    EXPECT_EQ_INT(m_victim, 0);
    EXPECT_EQ_INT(m_added_before, 1);
    EXPECT_EQ_INT(m_added_after, 2);
    for (int i = 0; i < 40; i++)
        EXPECT_EQ_INT(m_many[i], 1);
    /* the removed ones are gone for good, the others still registered */
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, m_mutator, &m_self),
                     JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, &m_victim),
                     JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, &m_many[0]), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, m_plain, &m_many[0]),
                     JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, m_plain, &m_added_after), JSVM_OK);
    close_box(&b);
}

/* The same handler with several userData: each call gets its own. */
static void *ud_seen[8];
static int ud_n;
static void ud_handler(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)vm; (void)type; (void)flags;
    if (ud_n < 8)
        ud_seen[ud_n++] = data;
}

static void handler_userdata_round_trip(void)
{
    box b;
    int x = 0, y = 0;
    open_box(&b, 0);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, ud_handler, JSVM_GC_TYPE_ALL, &x), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, ud_handler, JSVM_GC_TYPE_ALL, &y), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, ud_handler, JSVM_GC_TYPE_ALL,
                                             (void *)(uintptr_t)0xdeadbeef), JSVM_OK);
    ud_n = 0;
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(ud_n, 3);
    EXPECT_TRUE(ud_seen[0] == &x);
    EXPECT_TRUE(ud_seen[1] == &y);
    EXPECT_TRUE(ud_seen[2] == (void *)(uintptr_t)0xdeadbeef);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b.vm, JSVM_CB_TRIGGER_BEFORE_GC, ud_handler, &x), JSVM_OK);
    ud_n = 0;
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(ud_n, 2);
    EXPECT_TRUE(ud_seen[0] == &y);
    close_box(&b);
}

/* Handlers belong to their VM. */
static void handlers_are_per_vm(void)
{
    box b1, b2;
    int n1 = 0, n2 = 0;
    open_box(&b1, 0);
    open_box(&b2, 0);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b1.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, JSVM_GC_TYPE_ALL, &n1), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b2.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, JSVM_GC_TYPE_ALL, &n2), JSVM_OK);
    pressure(&b1, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_EQ_INT(n1, 1);
    EXPECT_EQ_INT(n2, 0);
    EXPECT_VM_STATUS(OH_JSVM_RemoveHandlerForGC(b2.vm, JSVM_CB_TRIGGER_BEFORE_GC, count_gc, &n1), JSVM_INVALID_ARG);
    close_box(&b2);
    close_box(&b1);
}

/* ---- under a memory limit ---- */

#define GROW "function grow() { const a = []; for (;;) a.push({ i: a.length, s: 'x' + a.length }); }\n"

static void memory_limit_with_handlers(void)
{
    box b;
    int n = 0;
    open_box(&b, 16 * MiB);
    EXPECT_VM_STATUS(OH_JSVM_AddHandlerForGC(b.vm, JSVM_CB_TRIGGER_AFTER_GC, count_gc, JSVM_GC_TYPE_ALL, &n), JSVM_OK);
    /* cycles are collected before the limit refuses anything: ~50 MiB of
     * garbage through a 16 MiB VM */
    JT_RUN(b.env, CYCLES);
    EXPECT_TRUE(n >= 5);
    /* with ~10 MiB of live data the garbage still fits between collections */
    JT_RUN(b.env, "globalThis.keep = Array.from({ length: 45000 }, (_, i) => ({ i, s: 'v' + i })); 0");
    EXPECT_TRUE(stats(&b).totalHeapSize > 8 * MiB);
    JT_RUN(b.env, CYCLES);
    JT_RUN(b.env, "globalThis.keep = null; 0");

    /* running out is still a catchable error, and the VM survives */
    JT_RUN(b.env, GROW "0");
    JT_ASSERT_JS(b.env, "let m = ''; try { grow(); } catch (e) { m = e.message; } m === 'out of memory'");
    JT_ASSERT_JS(b.env, "Array.from({ length: 1000 }, (_, i) => i).length === 1000");

    /* live data within 256 KiB of the limit (in ~2 KiB blocks, so that
     * QuickJS's per-block estimate in totalHeapSize stays small): a loop
     * that allocates nothing (200 interrupt polls) does not make the
     * schedule collect at every safe point */
    JT_RUN(b.env, "globalThis.full = []; "
                  "function fill(n) { for (let i = 0; i < n; i++) full.push(new Array(128).fill(i)); } 0");
    JSVM_Value fill = JT_RUN(b.env, "fill"), undef = NULL, r = NULL, arg = NULL;
    CHECK_OK(b.env, OH_JSVM_GetUndefined(b.env, &undef));
    CHECK_OK(b.env, OH_JSVM_CreateInt32(b.env, 20, &arg));
    while (stats(&b).totalHeapSize < 16 * MiB - 256 * 1024)
        CHECK_OK(b.env, OH_JSVM_CallFunction(b.env, undef, fill, 1, &arg, &r));
    pressure(&b, JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
    EXPECT_TRUE(stats(&b).totalHeapSize >= 16 * MiB - 256 * 1024);
    int before = n;
    JT_ASSERT_JS(b.env, "let s = 0; for (let i = 0; i < 2e6; i++) s += i & 7; s > 0");
    EXPECT_TRUE(n - before <= 1);
    JT_RUN(b.env, "globalThis.full = null; 0");
    JT_RUN(b.env, CYCLES);
    EXPECT_TRUE(stats(&b).peakMallocedMemory <= 16 * MiB + 256 * 1024);
    close_box(&b);
}

JT_MAIN("gc",
        JT_TEST(gc_handler_registration_errors),
        JT_TEST(threshold_registration_errors),
        JT_TEST(pressure_fires_handlers),
        JT_TEST(mask_filters_handlers),
        JT_TEST(scheduled_collections_collect_cycles),
        JT_TEST(collection_at_next_js_entry),
        JT_TEST(engine_never_collects_on_its_own),
        JT_TEST(cycles_made_from_c_are_collected),
        JT_TEST(teardown_calls_no_handler),
        JT_TEST(threshold_fires_while_above),
        JT_TEST(threshold_reregister_from_callback),
        JT_TEST(callbacks_are_not_reentered),
        JT_TEST(handlers_change_during_dispatch),
        JT_TEST(handler_userdata_round_trip),
        JT_TEST(handlers_are_per_vm),
        JT_TEST(memory_limit_with_handlers))
