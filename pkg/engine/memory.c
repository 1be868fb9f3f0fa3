/*
 * memory.c: memory limits (JSVM_CreateVMOptions heap sizes and QuickJS's
 * controls), heap statistics, and the VM-level handlers for out-of-memory
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
struct jsvm_heap {
    size_t limit;     /* 0 = none */
    size_t reserve;   /* headroom opened by a refusal */
    size_t used;      /* usable bytes currently allocated */
    size_t peak;
    int oom;          /* a request was refused; reserve open */
    uint64_t failures; /* allocations that returned NULL (refused or failed) */
};

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

static void jsvm_heap_sub(struct jsvm_heap *h, size_t n)
{
    h->used -= n;
    if (h->oom && h->used < h->limit)
        h->oom = 0;
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
    jsvm_heap_sub(h, old);
    jsvm_heap_add(h, p);
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
    *heap = h;
    return rt;
}

void jsvm_mem_free_heap(struct jsvm_heap *heap)
{
    free(heap);
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
     * cycle collection (QuickJS's GC threshold; it adapts after each GC). */
    if (threshold)
        JS_SetGCThreshold(vm->rt, limit && threshold > limit ? limit : threshold);
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

void jsvm_mem_heap_stats(struct JSVM_VM__ *vm, JSVM_HeapStatistics *out)
{
    JSMemoryUsage u;
    JS_ComputeMemoryUsage(vm->rt, &u);
    size_t malloced = u.malloc_size > 0 ? (size_t)u.malloc_size : 0;
    size_t used = u.memory_used_size > 0 ? (size_t)u.memory_used_size : 0;
    size_t limit = vm->mem_limit ? vm->mem_limit : jsvm_default_limit();
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
