/*
 * core.h: the C core of libjsvm, shared by pkg/engine (core.c) and the ABI
 * layer (cmd/libjsvm/*.c, and the Go exports through cgo).
 *
 * Why C: a JSVM_Value must be creatable without crossing into Go (a cgo
 * transition costs 20-50 ns, more than the whole operation in QuickJS), and
 * QuickJS must call native callbacks without going through Go. So the handle
 * stack, scopes, the callback trampoline, the finalizer queue and the hot leaf
 * functions live here; everything else is Go (see docs/RATIONALE.md).
 *
 * Ownership rules, in one place:
 *  - A JSVM_Value is a JSValue* pointing into the env's handle stack (owned by
 *    the innermost handle scope), into a callback's argument array (borrowed
 *    for the duration of the callback), or at one of the env's constant slots.
 *  - Every JSValue stored in a handle-stack slot holds one reference; closing a
 *    scope frees them. Constant slots hold references freed at env teardown.
 *  - JSVM_Env and JSVM_VM are C structs allocated by the Go layer with calloc
 *    (jsvm_env_new / jsvm_vm_new) and freed by it; Go keeps its own per-env
 *    state in a table indexed by `id`.
 */
#ifndef LIBJSVM_CORE_H
#define LIBJSVM_CORE_H

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quickjs.h"
#include "ark_runtime/jsvm.h"

#if QJS_VERSION_MAJOR != 0 || QJS_VERSION_MINOR != 15 || QJS_VERSION_PATCH != 1
#error "libjsvm is pinned to quickjs-ng 0.15.1 (github.com/buke/quickjs-go v0.7.7); update go.mod and this check together"
#endif

#define JSVM_STR_(x) #x
#define JSVM_STR(x) JSVM_STR_(x)
#define JSVM_QJS_VERSION_STR JSVM_STR(QJS_VERSION_MAJOR) "." JSVM_STR(QJS_VERSION_MINOR) "." JSVM_STR(QJS_VERSION_PATCH) QJS_VERSION_SUFFIX

#define JSVM_CORE_API_VERSION 9u   /* what OH_JSVM_GetVersion reports */
#define JSVM_STATUS_COUNT 26       /* keep in sync with pkg/status (status_test.go) */
#define JSVM_CHUNK_SLOTS 254       /* 16-byte slots: a chunk is ~4 KiB */

/* Fixed English messages, indexed by JSVM_Status; filled from pkg/status at
 * OH_JSVM_Init and never freed. Entry 0 is NULL. */
extern const char *jsvm_status_messages[JSVM_STATUS_COUNT];

/* What OH_JSVM_GetVMInfo reports as engine and version (static strings). */
extern const char *jsvm_engine_name;
extern const char *jsvm_engine_version;

/* A table of fixed-size payloads named by ids: an id is
 * (generation << 32 | slot + 1), with generations from one process-wide
 * counter. An id that was removed (or belongs to another table) is never
 * found again, so handles given to users (references, deferreds) can be
 * checked instead of dereferenced: a double delete is a status, not a crash.
 * Payload pointers are valid until the next add (the slots may move). */
typedef struct jsvm_idtab {
    unsigned char *slots;
    uint32_t size;               /* bytes per slot: header + payload */
    uint32_t n, cap, free_head, live;
} jsvm_idtab;
void jsvm_idtab_init(jsvm_idtab *t, size_t payload);
void *jsvm_idtab_add(jsvm_idtab *t, uintptr_t *id);  /* zeroed payload, NULL when out of memory */
static inline void *jsvm_idtab_get(const jsvm_idtab *t, uintptr_t id)
{
    /* slot layout: uint32 generation (0 = free), uint32 next free, padding
     * to 16 bytes, payload */
    uint32_t gen = (uint32_t)(id >> 32), i = (uint32_t)id - 1;
    if (gen == 0 || (uint32_t)id == 0 || i >= t->n)
        return NULL;
    unsigned char *slot = t->slots + (size_t)i * t->size;
    return *(uint32_t *)slot == gen ? slot + 16 : NULL;
}
void jsvm_idtab_remove(jsvm_idtab *t, uintptr_t id); /* id must be live */
void *jsvm_idtab_at(const jsvm_idtab *t, uint32_t i); /* slot i's payload, NULL if free */
void jsvm_idtab_remove_at(jsvm_idtab *t, uint32_t i); /* slot i must be live */
void jsvm_idtab_free(jsvm_idtab *t);

typedef struct jsvm_chunk {
    struct jsvm_chunk *prev, *next;
    JSValue slot[JSVM_CHUNK_SLOTS];
} jsvm_chunk;

/* One open handle scope: the stack position at open time. An escapable scope
 * also owns a slot reserved in its parent (escape_slot). */
typedef struct jsvm_scope {
    jsvm_chunk *chunk;
    uint32_t top;
    uint8_t escapable;
    uint8_t escaped;
    JSValue *escape_slot;
} jsvm_scope;

/* A compiled script. Non-retained scripts die with the handle scope that was
 * innermost at compile time; retained ones live until OH_JSVM_ReleaseScript
 * or env teardown. */
typedef struct jsvm_script {
    uint32_t magic;      /* JSVM_SCRIPT_MAGIC while alive */
    uint32_t depth;      /* scope depth at creation */
    uint8_t retained;
    uint8_t has_origin;  /* origin_hash is set; else the default origin */
    uint32_t origin_hash;/* jsvm_origin_hash of the origin (cache.h) */
    JSValue fn;          /* compiled function (bytecode) */
    JSValue src;         /* the source string (one reference): OH_JSVM_CreateCodeCache
                          * hashes it, so that plain compiles never do; undefined
                          * for scripts a snapshot restore loaded without it */
    struct jsvm_script *next, *prev;
} jsvm_script;
#define JSVM_SCRIPT_MAGIC 0x5c1e7a11u

/* Frees a script unlinked from its list. */
static inline void jsvm_script_free(JSContext *ctx, jsvm_script *s)
{
    s->magic = 0;
    JS_FreeValue(ctx, s->fn);
    JS_FreeValue(ctx, s->src);
    free(s);
}

/* A finalizer waiting for a safe point (never run inside a QuickJS GC step). */
typedef struct jsvm_fin {
    JSVM_Finalize cb;
    void *data, *hint;
} jsvm_fin;

struct JSVM_VM__ {
    JSRuntime *rt;
    uint32_t id;                 /* id in the Go registry (cmd/libjsvm/registry.go) */
    int microtask_policy;        /* JSVM_MicrotaskPolicy */
    pthread_mutex_t lock;        /* OH_JSVM_AcquireLock */
    pthread_t lock_owner;
    int lock_held;
    uintptr_t vm_scopes;         /* open VM scopes (bookkeeping only) */
    int64_t external_memory;     /* OH_JSVM_AdjustExternalMemory total */
    int envs;                    /* live envs */
    int depth;                   /* JS entry depth: API calls running JS + native callbacks */
    uintptr_t stack_limit;       /* lowest stack address JS may use on the running thread */
    pthread_t stack_thread;      /* the thread stack_limit was computed for */
    int stack_thread_set;
    /* memory.c (issue 5): limits, statistics, VM-level handlers */
    struct jsvm_heap *heap;      /* allocator state (limit, usage, peak) and GC callbacks; never NULL once created */
    size_t mem_limit;            /* the memory limit in bytes; 0 = none */
    size_t peak_malloc;          /* highest malloc_size seen (heap statistics) */
    uint64_t oom_seen;           /* allocation failures already looked at (OOM handler) */
    JSVM_HandlerForOOMError oom_handler;
    JSVM_HandlerForFatalError fatal_handler;
    JSVM_HandlerForPromiseReject reject_handler;
};

struct JSVM_Env__ {
    JSContext *ctx;
    JSRuntime *rt;
    struct JSVM_VM__ *vm;
    uint32_t id;                 /* id in its VM's env table in the Go registry */
    JSVM_ExtendedErrorInfo last_error;
    /* handle stack */
    jsvm_chunk *first, *cur;
    uint32_t top;                /* next free slot in cur */
    jsvm_scope *scopes;
    uint32_t nscopes, cap_scopes;
    uint32_t scope_floor;        /* scopes opened outside the running callback */
    uintptr_t env_scopes;
    /* constant slots: JSVM_Values that never die while the env lives */
    JSValue k_undefined, k_null, k_true, k_false, k_global;
    /* scripts */
    jsvm_script *scoped_scripts;   /* newest first, by depth */
    jsvm_script *retained_scripts;
    /* finalizer queue */
    jsvm_fin *fins;
    uint32_t nfins, cap_fins;
    int draining;
    /* native state (native.c) */
    struct jsvm_native *natives;  /* live records of this env */
    jsvm_idtab refs;              /* JSVM_Ref ids -> struct jsvm_ref * */
    JSValue stamp_ctor;           /* hidden class adding the #h field (lazy) */
    JSValue stamp_get;            /* (o) => o.#h or undefined, for proxies */
    JSValue stamp_getw;           /* (o) => o.#w or undefined, for proxies */
    JSAtom holder_atom;           /* the #h private name */
    JSAtom wrap_atom;             /* the #w private name: the wrapped pointer */
    void *instance_data;          /* OH_JSVM_SetInstanceData */
    JSVM_Finalize instance_cb;
    void *instance_hint;
    /* intrinsics, deferreds, external buffers (values.h) */
    struct jsvm_vals *vals;
    /* startup snapshots (cmd/libjsvm/journal.go): nonzero while host calls
     * on this env are recorded; the buffers whose bytes the host was handed
     * (their contents go into a snapshot) */
    int journal;
    /* set by the replayer around a compile whose code cache comes from the
     * (checksummed) snapshot with the script it was made for: the cache's
     * source checks are skipped, and the source string may be a stand-in */
    uint8_t jr_trust;
    JSValue *jr_held;
    uint32_t jr_nheld, jr_capheld;
};


/* The JSVM_CallbackInfo of one native call; lives on the trampoline's stack. */
struct JSVM_CallbackInfo__ {
    JSValue this_val;
    JSValue new_target;          /* JS_UNDEFINED unless a construct call */
    int argc;
    JSValueConst *argv;
    void *data;                  /* JSVM_CallbackStruct.data */
    int is_construct;
};

/* ---- last error (the only place C records it) ---- */
static inline JSVM_Status jsvm_set_status(JSVM_Env env, JSVM_Status st)
{
    env->last_error.errorCode = st;
    env->last_error.errorMessage = jsvm_status_messages[st];
    return st;
}

/* ---- handle stack ---- */
jsvm_chunk *jsvm_grow(JSVM_Env env);

static inline JSVM_Value jsvm_push(JSVM_Env env, JSValue v)
{
    jsvm_chunk *c = env->cur;
    if (__builtin_expect(env->top == JSVM_CHUNK_SLOTS, 0))
        c = jsvm_grow(env);
    JSValue *s = &c->slot[env->top++];
    *s = v;
    return (JSVM_Value)s;
}

static inline JSValue jsvm_v(JSVM_Value v) { return *(JSValue *)v; }

/* Handle scopes. Scope handles are depth+1, so a stale or foreign handle is
 * detected as a mismatch instead of being dereferenced. */
JSVM_Status jsvm_scope_open(JSVM_Env env, int escapable, uintptr_t *out);
JSVM_Status jsvm_scope_close(JSVM_Env env, uintptr_t handle, int escapable);
JSVM_Status jsvm_scope_escape(JSVM_Env env, uintptr_t handle, JSVM_Value v,
                              JSVM_Value *out);

/* ---- entering JS ---- */
/* jsvm_enter/jsvm_leave bracket every API call that may run JS. The outermost
 * enter re-latches QuickJS's stack top for the calling thread (a VM may be
 * used from another thread than the one that created it) and sizes the JS
 * stack limit to what this thread really has; the outermost leave runs
 * microtasks under the auto policy and drains queued finalizers. */
void jsvm_vm_enter(struct JSVM_VM__ *vm);
void jsvm_enter(JSVM_Env env);
void jsvm_run_microtasks(JSRuntime *rt);
void jsvm_leave(JSVM_Env env);
/* Runs every queued microtask now (OH_JSVM_PerformMicrotaskCheckpoint). */
void jsvm_microtask_checkpoint(JSVM_Env env);

/* Records a JS exception from the just-failed engine call. Returns
 * JSVM_PENDING_EXCEPTION (the exception stays pending in QuickJS). */
static inline JSVM_Status jsvm_pending(JSVM_Env env)
{
    (void)env;
    return JSVM_PENDING_EXCEPTION;
}

static inline int jsvm_has_exception(JSVM_Env env)
{
    return JS_HasException(env->ctx);
}

/* ---- functions ---- */
struct jsvm_class;

/* The opaque of a function made by the API (class jsvm_fn_class_id). */
typedef struct jsvm_fn_rec {
    JSVM_CallbackStruct *cb;     /* user-owned; must outlive the function */
    JSVM_Env env;
    JSValue check_proto;         /* methods: receiver must inherit from it (owned; JS_UNDEFINED = no check) */
    struct jsvm_class *cls;      /* constructors of classes with interceptors / call handler (counted) */
    JSValue handler;             /* those constructors: the Proxy handler of instances (owned) */
    JSValue self;                /* callable intercepted instances: their proxy (raw, unowned) */
} jsvm_fn_rec;

/* A native callback's frame: the implicit handle scope the callback runs in
 * (it cannot close it), and the JS depth. */
typedef struct jsvm_frame {
    jsvm_chunk *chunk;
    uint32_t top, scope, saved_floor;
} jsvm_frame;
void jsvm_frame_unwind(JSVM_Env env, jsvm_frame *f);

static inline void jsvm_frame_begin(JSVM_Env env, jsvm_frame *f)
{
    f->chunk = env->cur;
    f->top = env->top;
    f->scope = ++env->nscopes;
    f->saved_floor = env->scope_floor;
    env->scope_floor = f->scope;
    env->vm->depth++;
}

static inline void jsvm_frame_end(JSVM_Env env, jsvm_frame *f)
{
    env->vm->depth--;
    env->scope_floor = f->saved_floor;
    /* Close the callback's scope and any it forgot to close (the reference
     * implementation aborts the process on the latter). */
    env->nscopes = f->scope - 1;
    if ((env->scoped_scripts && env->scoped_scripts->depth > env->nscopes) ||
        env->top != f->top || env->cur != f->chunk)
        jsvm_frame_unwind(env, f);
}

/* class.c */
void jsvm_class_unref(struct jsvm_class *cls);
JSValue jsvm_class_new_instance(JSVM_Env env, jsvm_fn_rec *ctor, JSValueConst new_target);

extern JSClassID jsvm_fn_class_id;
int jsvm_register_classes(JSRuntime *rt);
/* Creates a JS function calling cb->callback. name may be NULL. */
JSValue jsvm_new_function(JSVM_Env env, const char *name, size_t len,
                          JSVM_CallbackStruct *cb);
/* Same, with a receiver check: calls whose this does not inherit from
 * check_proto throw TypeError "Illegal invocation". */
JSValue jsvm_new_function_ex(JSVM_Env env, const char *name, size_t len,
                             JSVM_CallbackStruct *cb, JSValueConst check_proto);

/* Installs descriptors on obj; skip_static drops JSVM_STATIC entries.
 * Returns JSVM_OK, JSVM_NAME_EXPECTED, JSVM_INVALID_ARG or
 * JSVM_PENDING_EXCEPTION. */
JSVM_Status jsvm_define_props(JSVM_Env env, JSValueConst obj, size_t n,
                              const JSVM_PropertyDescriptor *props,
                              int skip_static, int utf8name_only);
/* which: JSVM_PROPS_ALL, only JSVM_STATIC entries, or only the others;
 * check_proto as for jsvm_new_function_ex (entries with
 * JSVM_NO_RECEIVER_CHECK are exempt). */
#define JSVM_PROPS_ALL 0
#define JSVM_PROPS_STATIC 1
#define JSVM_PROPS_INSTANCE 2
JSVM_Status jsvm_define_props_ex(JSVM_Env env, JSValueConst obj, size_t n,
                                 const JSVM_PropertyDescriptor *props, int which,
                                 JSValueConst check_proto);

/* ---- finalizer queue ---- */
void jsvm_fin_enqueue(JSVM_Env env, JSVM_Finalize cb, void *data, void *hint);
void jsvm_fin_drain(JSVM_Env env);

/* ---- VM lock (OH_JSVM_AcquireLock); recursive per thread ---- */
void jsvm_lock(struct JSVM_VM__ *vm);
void jsvm_unlock_if_owner(struct JSVM_VM__ *vm);
int jsvm_lock_held_by_me(struct JSVM_VM__ *vm);

/* ---- env / VM lifecycle helpers used by Go ---- */
struct JSVM_VM__ *jsvm_vm_new(JSRuntime *rt);
void jsvm_vm_free(struct JSVM_VM__ *vm);
JSVM_Env jsvm_env_new(struct JSVM_VM__ *vm);
/* Releases every value the env holds and frees the context and the struct. */
void jsvm_env_free(JSVM_Env env);

#endif
