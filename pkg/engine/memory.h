/*
 * memory.h: memory limits, heap statistics, the collection schedule with
 * its GC and heap-threshold callbacks, and the VM-level handlers (OOM,
 * fatal error, promise rejection) of issue 5. See memory.c.
 */
#ifndef LIBJSVM_MEMORY_H
#define LIBJSVM_MEMORY_H

#include "core.h"

/* A registered GC handler (OH_JSVM_AddHandlerForGC). Its identity is
 * (when, cb, data). */
typedef struct jsvm_gc_handler {
    JSVM_HandlerForGC cb;
    void *data;
    uint32_t mask;       /* JSVM_GCType bits it asked for */
    uint8_t when;        /* JSVM_CBTriggerTimeForGC */
    uint8_t removed;     /* removed while handlers were running: swept after */
} jsvm_gc_handler;

/* The VM's heap: the allocator's accounting (memory.c), and the state of the
 * collection schedule the library runs instead of QuickJS's (see
 * jsvm_gc_collect). Public only so that jsvm_gc_poll can be inline. */
struct jsvm_heap {
    size_t limit;      /* 0 = none */
    size_t reserve;    /* headroom opened by a refusal */
    size_t used;       /* usable bytes currently allocated */
    size_t peak;
    int oom;           /* a request was refused; reserve open */
    uint64_t failures; /* allocations that returned NULL (refused or failed) */
    /* the collection schedule (memory.c, jsvm_gc_bound) */
    size_t gc_next;    /* collect at the next safe point once used exceeds this */
    size_t gc_rearm;   /* under a limit: reschedule when used falls below this */
    /* collections and their callbacks */
    int collecting;    /* a collection's callbacks are running */
    uint32_t removed;  /* handlers marked removed during a collection */
    jsvm_gc_handler *handlers;
    uint32_t nhandlers, cap_handlers;
    uint64_t collections; /* collections run with callbacks (scheduled or forced) */
    JSVM_HandlerForHeapThreshold thr_cb; /* OH_JSVM_SetHeapThresholdCallback */
    uint64_t thr;
    void *thr_data;
};

/* A runtime whose allocator enforces the VM's memory limit (with a reserve
 * for the out-of-memory error) and records the peak, with QuickJS's own
 * automatic collection switched off; *heap receives the allocator state,
 * freed with jsvm_mem_free_heap after JS_FreeRuntime. */
JSRuntime *jsvm_mem_new_runtime(struct jsvm_heap **heap);
void jsvm_mem_free_heap(struct jsvm_heap *heap);

/* ---- collections (the library schedules every one; see memory.c) ---- */

/* One collection with the VM's callbacks around it: the heap-threshold
 * callback (if usage is at or above its threshold), the before-handlers,
 * `passes` runs of QuickJS's collector, the after-handlers; then the next
 * scheduled collection is set from what survived. flags is what the
 * handlers receive. Asked for while callbacks are running (a handler that
 * forces a collection), it collects without calling anyone again. Queued
 * finalizers are not run: the caller drains them where that is safe. */
void jsvm_gc_collect(struct JSVM_VM__ *vm, JSVM_GCCallbackFlags flags, int passes);

/* The scheduled collection behind jsvm_gc_poll (out of line). */
void jsvm_gc_scheduled(struct JSVM_VM__ *vm);

/* A safe point: collects when the heap has grown past the schedule. The
 * fast path is one compare. Called at the outermost JS entry and from
 * QuickJS's interrupt handler. */
static inline void jsvm_gc_poll(struct JSVM_VM__ *vm)
{
    struct jsvm_heap *h = vm->heap;
    if (__builtin_expect(h->used > h->gc_next, 0))
        jsvm_gc_scheduled(vm);
}

/* OH_JSVM_AddHandlerForGC / RemoveHandlerForGC / SetHeapThresholdCallback /
 * ClearHeapThresholdCallback: JSVM_OK or JSVM_INVALID_ARG. */
JSVM_Status jsvm_gc_add_handler(struct JSVM_VM__ *vm, JSVM_CBTriggerTimeForGC when,
                                JSVM_HandlerForGC cb, JSVM_GCType mask, void *data);
JSVM_Status jsvm_gc_remove_handler(struct JSVM_VM__ *vm, JSVM_CBTriggerTimeForGC when,
                                   JSVM_HandlerForGC cb, void *data);
JSVM_Status jsvm_gc_set_threshold(struct JSVM_VM__ *vm, uint64_t threshold,
                                  JSVM_HandlerForHeapThreshold cb, void *data);
JSVM_Status jsvm_gc_clear_threshold(struct JSVM_VM__ *vm, uint64_t threshold,
                                    JSVM_HandlerForHeapThreshold cb, void *data);

/* What GetHeapStatistics reports as heapSizeLimit. */
size_t jsvm_mem_heap_limit(struct JSVM_VM__ *vm);

/* Allocations of vm's runtime that failed so far (refused by the limit or
 * by malloc). Some engine calls cannot report an allocation failure
 * (JS_WriteObject returns a short buffer when its buffer cannot grow):
 * their callers compare this before and after (cache writing, ops.c). */
uint64_t jsvm_mem_failures(const struct JSVM_VM__ *vm);

/* Applies JSVM_CreateVMOptions' heap sizes (opts may be NULL) and the
 * LIBJSVM_MEMORY_LIMIT / LIBJSVM_GC_THRESHOLD / LIBJSVM_DUMP_LEAKS
 * environment variables to a new VM. */
void jsvm_mem_configure(struct JSVM_VM__ *vm, const JSVM_CreateVMOptions *opts);

/* Fills every field except the reference-table ones (done by the caller,
 * which knows the VM's envs) and updates the peak. */
void jsvm_mem_heap_stats(struct JSVM_VM__ *vm, JSVM_HeapStatistics *out);
/* Bytes of env's reference table: live slots and capacity. */
void jsvm_mem_env_refs(JSVM_Env env, size_t *used, size_t *total);

/* Installs (or with NULL removes) the promise-rejection handler and the
 * QuickJS rejection tracker behind it. */
void jsvm_mem_set_reject_handler(struct JSVM_VM__ *vm, JSVM_HandlerForPromiseReject h);

/* Installs (or with NULL removes) the OOM handler. */
void jsvm_mem_set_oom_handler(struct JSVM_VM__ *vm, JSVM_HandlerForOOMError h);

/* Called by jsvm_leave when the outermost JS-running call returns and an OOM
 * handler is installed: if allocations failed since the last look and an
 * out-of-memory error is pending, calls the handler (once). */
void jsvm_mem_check_oom(JSVM_Env env);

/* Reports an unrecoverable condition to the VM's fatal-error handler (if
 * any); the caller aborts afterwards. vm may be NULL. */
void jsvm_mem_fatal(struct JSVM_VM__ *vm, const char *location, const char *message);

#endif
