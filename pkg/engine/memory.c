/*
 * memory.c: memory limits (JSVM_CreateVMOptions heap sizes and QuickJS's
 * controls), heap statistics, the collection schedule with the GC and
 * heap-threshold callbacks, and the VM-level handlers for out-of-memory
 * errors, fatal errors and promise rejections (issue 5).
 *
 * QuickJS enforces a memory limit itself: an allocation that would take
 * the runtime's malloc_size over the limit fails and the engine throws an
 * InternalError "out of memory", which JS can catch. No user code ever runs
 * inside a QuickJS allocation: the OOM handler is called when such an error
 * reaches the API boundary (the outermost JS-running call returns with it
 * pending, see jsvm_leave), and the promise-rejection handler runs inside a
 * callback frame from QuickJS's rejection tracker, a point where the engine
 * may call JS anyway.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <malloc.h>

#include "memory.h"
#include "native.h"
#include "values.h"

/* ------------------------------------------------------------------ */
/* limits                                                              */

/* A size from the environment: decimal bytes with an optional k/m/g
 * suffix (powers of 1024). 0 when unset or malformed. */
static size_t jsvm_env_size(const char *name)
{
    const char *s = getenv(name);
    if (!s || !*s)
        return 0;
    char *end = NULL;
    unsigned long long v = strtoull(s, &end, 10);
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    default: break;
    }
    return *end ? 0 : (size_t)v;
}

/* The VM's allocator. QuickJS checks its own limit (JS_SetMemoryLimit)
 * before calling the allocator, so the error object of the resulting
 * InternalError "out of memory" usually cannot be allocated either and
 * QuickJS throws `null` instead. This allocator enforces the limit itself
 * and, once it has refused a request, opens a small reserve above the
 * limit so that the error (and a catch block's first steps) can still be
 * allocated; the reserve closes when usage falls back under the limit. It
 * also records the exact peak for the heap statistics. */
/* struct jsvm_heap is in memory.h. */

#define JSVM_OOM_RESERVE (256 * 1024)

static int jsvm_heap_admit(struct jsvm_heap *h, size_t add)
{
    if (!h->limit)
        return 1;
    size_t cap = h->oom ? h->limit + h->reserve : h->limit;
    if (add <= cap && h->used <= cap - add)
        return 1;
    h->oom = 1;
    h->failures++;
    return 0;
}

static void jsvm_heap_add(struct jsvm_heap *h, void *p)
{
    h->used += malloc_usable_size(p);
    if (h->used > h->peak)
        h->peak = h->used;
}

static void jsvm_gc_rearm(struct jsvm_heap *h);

/* Usage went down (or a block was resized): close the reserve, rearm the
 * collection schedule. */
static void jsvm_heap_fell(struct jsvm_heap *h)
{
    if (h->oom && h->used < h->limit)
        h->oom = 0;
    if (h->used < h->gc_rearm)
        jsvm_gc_rearm(h);
}

static void jsvm_heap_sub(struct jsvm_heap *h, size_t n)
{
    h->used -= n;
    jsvm_heap_fell(h);
}

static void *jsvm_heap_calloc(void *opaque, size_t count, size_t size)
{
    struct jsvm_heap *h = opaque;
    if (size && count > SIZE_MAX / size)
        return NULL;
    if (!jsvm_heap_admit(h, count * size))
        return NULL;
    void *p = calloc(count, size);
    if (p)
        jsvm_heap_add(h, p);
    else
        h->failures++;
    return p;
}

static void *jsvm_heap_malloc(void *opaque, size_t size)
{
    struct jsvm_heap *h = opaque;
    if (!jsvm_heap_admit(h, size))
        return NULL;
    void *p = malloc(size);
    if (p)
        jsvm_heap_add(h, p);
    else
        h->failures++;
    return p;
}

uint64_t jsvm_mem_failures(const struct JSVM_VM__ *vm)
{
    return vm->heap ? vm->heap->failures : 0;
}

static void jsvm_heap_free(void *opaque, void *ptr)
{
    if (!ptr)
        return;
    jsvm_heap_sub(opaque, malloc_usable_size(ptr));
    free(ptr);
}

static void *jsvm_heap_realloc(void *opaque, void *ptr, size_t size)
{
    struct jsvm_heap *h = opaque;
    if (!ptr)
        return jsvm_heap_malloc(opaque, size);
    size_t old = malloc_usable_size(ptr);
    if (size > old && !jsvm_heap_admit(h, size - old))
        return NULL;
    void *p = realloc(ptr, size);
    if (!p) {
        h->failures++;
        return NULL;
    }
    h->used -= old; /* then the new size: no check sees the dip between */
    jsvm_heap_add(h, p);
    jsvm_heap_fell(h);
    return p;
}

static size_t jsvm_heap_usable(const void *ptr)
{
    return malloc_usable_size((void *)ptr);
}

static const JSMallocFunctions jsvm_heap_funcs = {
    jsvm_heap_calloc, jsvm_heap_malloc, jsvm_heap_free, jsvm_heap_realloc, jsvm_heap_usable,
};

JSRuntime *jsvm_mem_new_runtime(struct jsvm_heap **heap)
{
    struct jsvm_heap *h = calloc(1, sizeof(*h));
    if (!h)
        return NULL;
    JSRuntime *rt = JS_NewRuntime2(&jsvm_heap_funcs, h);
    if (!rt) {
        free(h);
        return NULL;
    }
    /* QuickJS would collect cycles inside object allocations, where no
     * callback may run; the library schedules every collection instead
     * (jsvm_gc_poll). A threshold of SIZE_MAX is never exceeded. Nothing
     * is scheduled until jsvm_mem_configure starts the schedule. */
    JS_SetGCThreshold(rt, (size_t)-1);
    h->gc_next = SIZE_MAX;
    *heap = h;
    return rt;
}

void jsvm_mem_free_heap(struct jsvm_heap *heap)
{
    if (heap)
        free(heap->handlers);
    free(heap);
}

/* ------------------------------------------------------------------ */
/* collections                                                         */

/* QuickJS frees most garbage at once by reference counting; its collector
 * (JS_RunGC) only finds unreachable cycles, and QuickJS runs it itself from
 * object allocations once malloc_size passes a threshold. No user code may
 * run there, so GC callbacks could not be called around those collections.
 * The library therefore switches that trigger off (jsvm_mem_new_runtime)
 * and runs every collection itself, at safe points:
 *  - the outermost JS entry of an API call (jsvm_vm_enter), so garbage
 *    made from C is collected too, at the next call that enters JS;
 *  - QuickJS's interrupt handler, which the interpreter polls every 10,000
 *    branches and calls; an allocation (and so QuickJS's own collection)
 *    could have happened at each of those points, so collecting there is
 *    as safe as it was before.
 * The check at both is one compare of the allocator's byte count with
 * heap->gc_next; the collection itself is out of line (jsvm_gc_scheduled). */

/* QuickJS's initial threshold: the first collection comes once the runtime
 * holds this much, unless the options or LIBJSVM_GC_THRESHOLD say
 * otherwise. Also the floor of later schedules, so small heaps are not
 * collected over and over. */
#define JSVM_GC_MIN (256 * 1024)
/* The least allocation between two collections under a memory limit. */
#define JSVM_GC_MIN_STEP (64 * 1024)

/* Where the schedule puts the next collection, `next` being what the
 * growth policy wants, given `live` bytes in use now.
 *
 * Without a limit, `next` stands. Under a limit L, a collection that comes
 * only after an allocation is refused comes too late: the script has
 * already received its out-of-memory error although garbage cycles might
 * have made room (the allocator cannot collect: it runs inside QuickJS).
 * So the next collection must come before usage reaches L. Capping `next`
 * at a fixed mark below L (say 90%) would do that while live data is small,
 * but once live data itself sits above the mark, every safe point would
 * find usage above it and run a full collection again, each one walking
 * the whole heap for nothing. Instead the collection is put halfway
 * between what is in use and the limit: live + (L - live) / 2. That is
 * still before L, and it always leaves allocation to do between two
 * collections: while live data grows toward L the allowance halves at
 * each collection (reaching L costs about log2(room / 64 KiB) collections
 * more than the growth policy would), a program churning garbage with its
 * live data near L collects every (L - live) / 2 bytes (the price of
 * running close to a limit), and one that allocates nothing does not
 * collect at all. A floor of 64 KiB of allocation between collections
 * keeps a VM at its limit (in the out-of-memory reserve) from collecting
 * at every safe point; its next collection may lie above L, where the
 * allocator refuses anyway.
 *
 * A schedule made while usage was high goes stale when reference counting
 * later frees most of it (a big array dropped): the next collection would
 * still wait until usage climbs back next to L, and cycles made meanwhile
 * could reach L between two polls. So under a limit the allocator
 * reschedules (jsvm_gc_rearm) whenever usage falls below half of what it
 * was when the schedule was made: one compare on its free path.
 *
 * What remains: safe points are polled, not exact. A script allocating
 * faster than half the remaining room between two polls (10,000 branches
 * or calls: 1-2 MiB of small objects in a tight loop) can reach the limit
 * before the collection that would have made room; under small limits (a
 * few MiB) this shows up as an out-of-memory error with collectable
 * garbage in the heap. */
static void jsvm_gc_schedule(struct jsvm_heap *h, size_t live, size_t next)
{
    if (next < JSVM_GC_MIN)
        next = JSVM_GC_MIN;
    h->gc_rearm = 0;
    if (h->limit) {
        size_t room = h->limit > live ? h->limit - live : 0;
        if (next > live + room / 2)
            next = live + room / 2;
        if (next < live + JSVM_GC_MIN_STEP)
            next = live + JSVM_GC_MIN_STEP;
        h->gc_rearm = live / 2;
    }
    h->gc_next = next;
}

/* QuickJS's own policy: collect again when the heap has grown by half of
 * what is in use now. */
static size_t jsvm_gc_growth(size_t live)
{
    return live > SIZE_MAX / 3 ? SIZE_MAX : live + live / 2;
}

/* Called by the allocator (inside QuickJS: it only computes) when usage
 * has halved since the schedule was made under a limit. */
static void jsvm_gc_rearm(struct jsvm_heap *h)
{
    jsvm_gc_schedule(h, h->used, jsvm_gc_growth(h->used));
}

/* QuickJS polls this from the interpreter. Non-zero would throw an
 * uncatchable "interrupted" error: it only serves as a safe point. */
static int jsvm_gc_interrupt(JSRuntime *rt, void *opaque)
{
    (void)rt;
    jsvm_gc_poll(opaque);
    return 0;
}

/* The first collection: once the runtime holds `first` bytes (0 = the
 * default). */
static void jsvm_gc_start(struct JSVM_VM__ *vm, size_t first)
{
    struct jsvm_heap *h = vm->heap;
    jsvm_gc_schedule(h, h->used, first ? first : JSVM_GC_MIN);
    JS_SetInterruptHandler(vm->rt, jsvm_gc_interrupt, vm);
}

/* Calls the handlers registered for `when`. A handler may add or remove
 * handlers: the array may move (so entries are read by index, one at a
 * time), handlers added now wait for the next collection (the count is
 * taken first), and removed ones are only marked (indices stay valid) and
 * are not called once removed. */
static void jsvm_gc_dispatch(struct JSVM_VM__ *vm, int when, JSVM_GCCallbackFlags flags)
{
    struct jsvm_heap *h = vm->heap;
    uint32_t n = h->nhandlers;
    for (uint32_t i = 0; i < n; i++) {
        jsvm_gc_handler e = h->handlers[i];
        if (e.removed || e.when != when || !(e.mask & JSVM_GC_TYPE_MARK_SWEEP_COMPACT))
            continue;
        e.cb(vm, JSVM_GC_TYPE_MARK_SWEEP_COMPACT, flags, e.data);
    }
}

/* Drops the handlers marked removed during a collection. */
static void jsvm_gc_sweep(struct jsvm_heap *h)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < h->nhandlers; i++)
        if (!h->handlers[i].removed)
            h->handlers[k++] = h->handlers[i];
    h->nhandlers = k;
    h->removed = 0;
}

void jsvm_gc_collect(struct JSVM_VM__ *vm, JSVM_GCCallbackFlags flags, int passes)
{
    struct jsvm_heap *h = vm->heap;
    if (h->collecting) {
        /* A callback forced a collection: run it, but call nobody (the
         * callbacks are not re-entrant); the outer collection reschedules. */
        while (passes-- > 0)
            JS_RunGC(vm->rt);
        return;
    }
    h->collecting = 1;
    /* The threshold callback comes first, before the GC handlers; it may
     * clear itself and register another (the fields are read again). */
    if (h->thr_cb && h->used >= h->thr)
        h->thr_cb(vm, h->thr, h->thr_data);
    if (h->nhandlers)
        jsvm_gc_dispatch(vm, JSVM_CB_TRIGGER_BEFORE_GC, flags);
    /* QuickJS's collector is one full, non-generational cycle collection:
     * that is what JSVM_GC_TYPE_MARK_SWEEP_COMPACT describes. */
    while (passes-- > 0)
        JS_RunGC(vm->rt);
    if (h->nhandlers)
        jsvm_gc_dispatch(vm, JSVM_CB_TRIGGER_AFTER_GC, flags);
    h->collecting = 0;
    if (h->removed)
        jsvm_gc_sweep(h);
    h->collections++;
    jsvm_gc_schedule(h, h->used, jsvm_gc_growth(h->used));
}

__attribute__((noinline, cold)) void jsvm_gc_scheduled(struct JSVM_VM__ *vm)
{
    /* A callback that allocates (or enters JS) must not start a collection
     * inside the one whose callbacks are running. */
    if (vm->heap->collecting)
        return;
    jsvm_gc_collect(vm, JSVM_NO_GC_CALLBACK_FLAGS, 1);
}

static jsvm_gc_handler *jsvm_gc_find(struct jsvm_heap *h, int when, JSVM_HandlerForGC cb, void *data)
{
    for (uint32_t i = 0; i < h->nhandlers; i++) {
        jsvm_gc_handler *e = &h->handlers[i];
        if (!e->removed && e->when == when && e->cb == cb && e->data == data)
            return e;
    }
    return NULL;
}

static int jsvm_gc_when_ok(JSVM_CBTriggerTimeForGC when)
{
    return when == JSVM_CB_TRIGGER_BEFORE_GC || when == JSVM_CB_TRIGGER_AFTER_GC;
}

JSVM_Status jsvm_gc_add_handler(struct JSVM_VM__ *vm, JSVM_CBTriggerTimeForGC when,
                                JSVM_HandlerForGC cb, JSVM_GCType mask, void *data)
{
    struct jsvm_heap *h = vm->heap;
    if (!cb || !jsvm_gc_when_ok(when) || jsvm_gc_find(h, (int)when, cb, data))
        return JSVM_INVALID_ARG;
    if (h->nhandlers == h->cap_handlers) {
        uint32_t cap = h->cap_handlers ? h->cap_handlers * 2 : 4;
        jsvm_gc_handler *a = realloc(h->handlers, cap * sizeof(*a));
        if (!a)
            return JSVM_GENERIC_FAILURE;
        h->handlers = a;
        h->cap_handlers = cap;
    }
    jsvm_gc_handler *e = &h->handlers[h->nhandlers++];
    e->cb = cb;
    e->data = data;
    e->mask = (uint32_t)mask;
    e->when = (uint8_t)when;
    e->removed = 0;
    return JSVM_OK;
}

JSVM_Status jsvm_gc_remove_handler(struct JSVM_VM__ *vm, JSVM_CBTriggerTimeForGC when,
                                   JSVM_HandlerForGC cb, void *data)
{
    struct jsvm_heap *h = vm->heap;
    jsvm_gc_handler *e;
    if (!cb || !jsvm_gc_when_ok(when) || !(e = jsvm_gc_find(h, (int)when, cb, data)))
        return JSVM_INVALID_ARG;
    if (h->collecting) {
        /* handlers are being called by index: keep the indices */
        e->removed = 1;
        h->removed++;
        return JSVM_OK;
    }
    uint32_t i = (uint32_t)(e - h->handlers);
    memmove(e, e + 1, (h->nhandlers - i - 1) * sizeof(*e));
    h->nhandlers--;
    return JSVM_OK;
}

JSVM_Status jsvm_gc_set_threshold(struct JSVM_VM__ *vm, uint64_t threshold,
                                  JSVM_HandlerForHeapThreshold cb, void *data)
{
    struct jsvm_heap *h = vm->heap;
    if (!cb || threshold == 0 || threshold > (uint64_t)jsvm_mem_heap_limit(vm) || h->thr_cb)
        return JSVM_INVALID_ARG;
    h->thr_cb = cb;
    h->thr = threshold;
    h->thr_data = data;
    return JSVM_OK;
}

JSVM_Status jsvm_gc_clear_threshold(struct JSVM_VM__ *vm, uint64_t threshold,
                                    JSVM_HandlerForHeapThreshold cb, void *data)
{
    struct jsvm_heap *h = vm->heap;
    if (!h->thr_cb || cb != h->thr_cb || threshold != h->thr || data != h->thr_data)
        return JSVM_INVALID_ARG;
    h->thr_cb = NULL;
    h->thr = 0;
    h->thr_data = NULL;
    return JSVM_OK;
}

void jsvm_mem_configure(struct JSVM_VM__ *vm, const JSVM_CreateVMOptions *opts)
{
    size_t limit = 0, threshold = 0;
    if (opts) {
        /* QuickJS has one heap: both generations' maxima bound it together
         * (the sum saturates instead of wrapping). */
        limit = opts->maxOldGenerationSize + opts->maxYoungGenerationSize;
        if (limit < opts->maxOldGenerationSize)
            limit = SIZE_MAX;
        threshold = opts->initialOldGenerationSize + opts->initialYoungGenerationSize;
        if (threshold < opts->initialOldGenerationSize)
            threshold = SIZE_MAX;
    }
    /* The environment applies when the options leave a value unset. */
    if (!limit)
        limit = jsvm_env_size("LIBJSVM_MEMORY_LIMIT");
    if (!threshold)
        threshold = jsvm_env_size("LIBJSVM_GC_THRESHOLD");
    if (limit && vm->heap) {
        vm->heap->limit = limit;
        vm->heap->reserve = limit / 4 < JSVM_OOM_RESERVE ? limit / 4 : JSVM_OOM_RESERVE;
        vm->mem_limit = limit;
    }
    /* The initial heap size is the amount allocated before the first
     * collection; the schedule adapts after each one. */
    jsvm_gc_start(vm, threshold);
    const char *dump = getenv("LIBJSVM_DUMP_LEAKS");
    if (dump && *dump && strcmp(dump, "0") != 0)
        JS_SetDumpFlags(vm->rt, JS_DUMP_LEAKS | JS_DUMP_ATOM_LEAKS);
}

/* ------------------------------------------------------------------ */
/* heap statistics                                                     */

/* The heap size limit when no limit is set: the machine's physical memory
 * (QuickJS itself has no limit). */
static size_t jsvm_default_limit(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || psize <= 0)
        return (size_t)1 << 32;
    return (size_t)pages * (size_t)psize;
}

size_t jsvm_mem_heap_limit(struct JSVM_VM__ *vm)
{
    return vm->mem_limit ? vm->mem_limit : jsvm_default_limit();
}

void jsvm_mem_heap_stats(struct JSVM_VM__ *vm, JSVM_HeapStatistics *out)
{
    JSMemoryUsage u;
    JS_ComputeMemoryUsage(vm->rt, &u);
    size_t malloced = u.malloc_size > 0 ? (size_t)u.malloc_size : 0;
    size_t used = u.memory_used_size > 0 ? (size_t)u.memory_used_size : 0;
    size_t limit = jsvm_mem_heap_limit(vm);
    if (vm->heap && vm->heap->peak > vm->peak_malloc)
        vm->peak_malloc = vm->heap->peak;
    if (malloced > vm->peak_malloc)
        vm->peak_malloc = malloced;
    memset(out, 0, sizeof(*out));
    out->totalHeapSize = malloced;
    out->totalHeapSizeExecutable = 0; /* no JIT: bytecode is ordinary heap */
    out->totalPhysicalSize = malloced;
    out->totalAvailableSize = limit > malloced ? limit - malloced : 0;
    out->usedHeapSize = used;
    out->heapSizeLimit = limit;
    out->mallocedMemory = malloced;
    out->externalMemory = vm->external_memory > 0 ? (size_t)vm->external_memory : 0;
    out->peakMallocedMemory = vm->peak_malloc;
    out->numberOfNativeContexts = vm->envs > 0 ? (size_t)vm->envs : 0;
    out->numberOfDetachedContexts = 0;
}

void jsvm_mem_env_refs(JSVM_Env env, size_t *used, size_t *total)
{
    size_t live = env->refs.live;
    *used = live * (env->refs.size + sizeof(jsvm_ref));
    *total = (size_t)env->refs.cap * env->refs.size + live * sizeof(jsvm_ref);
}

/* ------------------------------------------------------------------ */
/* out-of-memory handler                                               */

/* Whether exc is the engine's out-of-memory error: an Error object whose
 * own data property message is "out of memory" (reads no getter, runs no
 * JS), or null, which QuickJS throws when even the error object cannot be
 * allocated. Only consulted after an allocation really failed. */
static int jsvm_is_oom_error(JSContext *ctx, JSValueConst exc)
{
    if (JS_IsNull(exc))
        return 1;
    if (!JS_IsError(exc))
        return 0;
    JSAtom a = JS_NewAtom(ctx, "message");
    if (a == JS_ATOM_NULL)
        return 0;
    JSPropertyDescriptor d;
    int r = JS_GetOwnProperty(ctx, &d, exc, a);
    JS_FreeAtom(ctx, a);
    if (r <= 0)
        return 0;
    int is = 0;
    if (!(d.flags & JS_PROP_GETSET) && JS_IsString(d.value)) {
        size_t len = 0;
        const char *s = JS_ToCStringLen(ctx, &len, d.value);
        if (s) {
            is = len == 13 && memcmp(s, "out of memory", 13) == 0;
            JS_FreeCString(ctx, s);
        }
    }
    JS_FreeValue(ctx, d.value);
    JS_FreeValue(ctx, d.getter);
    JS_FreeValue(ctx, d.setter);
    return is;
}

void jsvm_mem_check_oom(JSVM_Env env)
{
    struct JSVM_VM__ *vm = env->vm;
    JSVM_HandlerForOOMError h = vm->oom_handler;
    if (!h || !vm->heap || vm->heap->failures == vm->oom_seen)
        return;
    /* Allocations failed during this call: an OOM error that reaches the
     * boundary is reported once; one caught inside JS is not. */
    vm->oom_seen = vm->heap->failures;
    JSContext *ctx = env->ctx;
    if (!JS_HasException(ctx))
        return;
    JSValue exc = jsvm_park(ctx);
    int is = jsvm_is_oom_error(ctx, exc);
    jsvm_unpark(ctx, exc);
    if (!is)
        return;
    char detail[128];
    if (vm->mem_limit)
        snprintf(detail, sizeof detail, "JavaScript heap out of memory (limit %zu bytes)", vm->mem_limit);
    else
        snprintf(detail, sizeof detail, "JavaScript heap out of memory (allocation failed)");
    h("QuickJS allocation", detail, true);
}

void jsvm_mem_set_oom_handler(struct JSVM_VM__ *vm, JSVM_HandlerForOOMError h)
{
    vm->oom_handler = h;
    /* failures before the handler was installed are not its business */
    if (vm->heap)
        vm->oom_seen = vm->heap->failures;
}

/* ------------------------------------------------------------------ */
/* fatal errors                                                        */

void jsvm_mem_fatal(struct JSVM_VM__ *vm, const char *location, const char *message)
{
    if (vm && vm->fatal_handler)
        vm->fatal_handler(location, message);
}

/* ------------------------------------------------------------------ */
/* promise rejections                                                  */

static void jsvm_reject_tracker(JSContext *ctx, JSValueConst promise,
                                JSValueConst reason, bool is_handled,
                                void *opaque)
{
    struct JSVM_VM__ *vm = opaque;
    JSVM_HandlerForPromiseReject h = vm->reject_handler;
    JSVM_Env env = JS_GetContextOpaque(ctx);
    if (!h || !env || env->vm != vm)
        return;
    /* QuickJS calls the tracker between engine steps (never inside an
     * allocation or a GC). The handler runs in a callback frame: its
     * handles die when it returns and it cannot close outer scopes. An
     * exception it leaves pending cannot go anywhere and is dropped; one
     * pending before (none in practice) is kept. */
    JSValue parked = jsvm_park(ctx);
    jsvm_frame f;
    jsvm_frame_begin(env, &f);
    JSValue info = JS_NewObject(ctx);
    if (!JS_IsException(info)) {
        JSVM_Value v = jsvm_push(env, info);
        if (JS_SetPropertyStr(ctx, info, "promise", JS_DupValue(ctx, promise)) >= 0 &&
            JS_SetPropertyStr(ctx, info, "value",
                              is_handled ? JS_UNDEFINED : JS_DupValue(ctx, reason)) >= 0)
            h(env, is_handled ? JSVM_PROMISE_ADD_HANDLER_AFTER_REJECTED : JSVM_PROMISE_REJECT_WITH_NO_HANDLER, v);
    }
    jsvm_frame_end(env, &f);
    jsvm_unpark(ctx, parked);
}

void jsvm_mem_set_reject_handler(struct JSVM_VM__ *vm, JSVM_HandlerForPromiseReject h)
{
    vm->reject_handler = h;
    JS_SetHostPromiseRejectionTracker(vm->rt, h ? jsvm_reject_tracker : NULL, vm);
}
