/*
 * memory.h: memory limits, heap statistics and the VM-level handlers
 * (OOM, fatal error, promise rejection) of issue 5. See memory.c.
 */
#ifndef LIBJSVM_MEMORY_H
#define LIBJSVM_MEMORY_H

#include "core.h"

/* A runtime whose allocator enforces the VM's memory limit (with a reserve
 * for the out-of-memory error) and records the peak; *heap receives the
 * allocator state, freed with jsvm_mem_free_heap after JS_FreeRuntime. */
struct jsvm_heap;
JSRuntime *jsvm_mem_new_runtime(struct jsvm_heap **heap);
void jsvm_mem_free_heap(struct jsvm_heap *heap);

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
