/*
 * core.c: handle stack, scopes, JS entry bookkeeping, the native-callback
 * trampoline, property descriptors, the finalizer queue and env/VM
 * allocation. See core.h for the ownership rules.
 */

#include <stdlib.h>
#include <pthread.h>

#include "core.h"
#include "native.h"
#include "values.h"
#include "memory.h"
#include "snapshot.h"

const char *jsvm_status_messages[JSVM_STATUS_COUNT];
const char *jsvm_engine_name = "QuickJS-ng";
const char *jsvm_engine_version = JSVM_QJS_VERSION_STR;
JSClassID jsvm_fn_class_id;

/* ------------------------------------------------------------------ */
/* handle stack and scopes                                             */

jsvm_chunk *jsvm_grow(JSVM_Env env)
{
    jsvm_chunk *c = env->cur;
    if (!c->next) {
        jsvm_chunk *n = calloc(1, sizeof(*n));
        if (!n) {
            /* like QuickJS itself, allocation failure of a 4 KiB chunk is
             * fatal; the VM's fatal-error handler hears of it first */
            jsvm_mem_fatal(env->vm, "jsvm_grow", "out of memory allocating a handle-stack chunk");
            abort();
        }
        n->prev = c;
        c->next = n;
    }
    env->cur = c->next;
    env->top = 0;
    return env->cur;
}

/* Frees every slot above (chunk, top) and makes it the stack top. Chunks are
 * kept (high-water) so handle creation stays allocation-free. */
static void jsvm_unwind(JSVM_Env env, jsvm_chunk *chunk, uint32_t top)
{
    JSContext *ctx = env->ctx;
    for (;;) {
        jsvm_chunk *c = env->cur;
        uint32_t lo = (c == chunk) ? top : 0;
        for (uint32_t i = env->top; i > lo; i--)
            JS_FreeValue(ctx, c->slot[i - 1]);
        if (c == chunk) {
            env->top = top;
            return;
        }
        env->cur = c->prev;
        env->top = JSVM_CHUNK_SLOTS;
    }
}

/* Frees non-retained scripts created at scope depth > depth. */
static void jsvm_scripts_unwind(JSVM_Env env, uint32_t depth)
{
    jsvm_script *s;
    while ((s = env->scoped_scripts) && s->depth > depth) {
        env->scoped_scripts = s->next;
        if (s->next)
            s->next->prev = NULL;
        jsvm_script_free(env->ctx, s);
    }
}

static void jsvm_scripts_free(JSVM_Env env, jsvm_script **list)
{
    for (jsvm_script *s = *list, *n; s; s = n) {
        n = s->next;
        jsvm_script_free(env->ctx, s);
    }
    *list = NULL;
}

JSVM_Status jsvm_scope_open(JSVM_Env env, int escapable, uintptr_t *out)
{
    if (env->nscopes >= env->cap_scopes) {
        /* nscopes can exceed the capacity: a callback's implicit scope only
         * counts (see jsvm_fn_call) and has no record. */
        uint32_t cap = env->cap_scopes ? env->cap_scopes : 16;
        while (cap <= env->nscopes)
            cap *= 2;
        jsvm_scope *s = realloc(env->scopes, cap * sizeof(*s));
        if (!s)
            return JSVM_GENERIC_FAILURE;
        env->scopes = s;
        env->cap_scopes = cap;
    }
    JSValue *reserved = NULL;
    if (escapable)
        reserved = (JSValue *)jsvm_push(env, JS_UNDEFINED);
    jsvm_scope *s = &env->scopes[env->nscopes++];
    s->chunk = env->cur;
    s->top = env->top;
    s->escapable = (uint8_t)escapable;
    s->escaped = 0;
    s->escape_slot = reserved;
    *out = env->nscopes;
    return JSVM_OK;
}

JSVM_Status jsvm_scope_close(JSVM_Env env, uintptr_t handle, int escapable)
{
    /* Only the innermost scope may be closed (LIFO), and a native callback
     * may only close scopes it opened itself. */
    if (env->nscopes <= env->scope_floor || handle != env->nscopes)
        return JSVM_HANDLE_SCOPE_MISMATCH;
    jsvm_scope *s = &env->scopes[env->nscopes - 1];
    if (!!s->escapable != !!escapable)
        return JSVM_HANDLE_SCOPE_MISMATCH;
    jsvm_unwind(env, s->chunk, s->top);
    env->nscopes--;
    if (env->scoped_scripts)
        jsvm_scripts_unwind(env, env->nscopes);
    return JSVM_OK;
}

JSVM_Status jsvm_scope_escape(JSVM_Env env, uintptr_t handle, JSVM_Value v,
                              JSVM_Value *out)
{
    if (handle <= env->scope_floor || handle > env->nscopes)
        return JSVM_INVALID_ARG;
    jsvm_scope *s = &env->scopes[handle - 1];
    if (!s->escapable)
        return JSVM_INVALID_ARG;
    if (s->escaped)
        return JSVM_ESCAPE_CALLED_TWICE;
    s->escaped = 1;
    *s->escape_slot = JS_DupValue(env->ctx, jsvm_v(v));
    *out = (JSVM_Value)s->escape_slot;
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* id tables                                                           */

_Static_assert(sizeof(uintptr_t) >= 8, "an id carries a 32-bit generation and a 32-bit slot");

typedef struct {
    uint32_t gen; /* 0 = free; read directly by jsvm_idtab_get (core.h) */
    uint32_t next_free;
} jsvm_idhdr;

#define JSVM_IDHDR 16 /* header padded to 16 bytes: keeps JSValue payloads aligned */
_Static_assert(sizeof(jsvm_idhdr) <= JSVM_IDHDR, "id table header");

/* Ids travel through Go as pointer-typed values (JSVM_Ref, JSVM_Deferred
 * are pointer typedefs), and Go's garbage collector checks pointers that
 * fall inside its heap. An id is (generation << 32 | slot + 1), so
 * generations 0xc0..0xff would make ids that look like addresses of the Go
 * heap (which starts at 0xc000000000 on 64-bit Linux): they are skipped. */
static uint32_t jsvm_next_gen(void)
{
    static uint32_t counter;
    uint32_t g;
    do
        g = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
    while (g == 0 || (g >= 0xc0 && g <= 0xff));
    return g;
}

void jsvm_idtab_init(jsvm_idtab *t, size_t payload)
{
    memset(t, 0, sizeof(*t));
    t->size = (uint32_t)(JSVM_IDHDR + ((payload + 15) & ~(size_t)15));
}

static jsvm_idhdr *jsvm_idtab_hdr(const jsvm_idtab *t, uint32_t i)
{
    return (jsvm_idhdr *)(t->slots + (size_t)i * t->size);
}

void *jsvm_idtab_add(jsvm_idtab *t, uintptr_t *id)
{
    uint32_t i;
    if (t->free_head) {
        i = t->free_head - 1;
        t->free_head = jsvm_idtab_hdr(t, i)->next_free;
    } else {
        if (t->n == t->cap) {
            if (t->cap >= UINT32_MAX / 2)
                return NULL;
            uint32_t cap = t->cap ? t->cap * 2 : 16;
            unsigned char *p = realloc(t->slots, (size_t)cap * t->size);
            if (!p)
                return NULL;
            t->slots = p;
            t->cap = cap;
        }
        i = t->n++;
    }
    jsvm_idhdr *h = jsvm_idtab_hdr(t, i);
    h->gen = jsvm_next_gen();
    h->next_free = 0;
    t->live++;
    void *payload = (unsigned char *)h + JSVM_IDHDR;
    memset(payload, 0, t->size - JSVM_IDHDR);
    *id = ((uintptr_t)h->gen << 32) | (uintptr_t)(i + 1);
    return payload;
}

void jsvm_idtab_remove(jsvm_idtab *t, uintptr_t id)
{
    jsvm_idtab_remove_at(t, (uint32_t)id - 1);
}

void jsvm_idtab_remove_at(jsvm_idtab *t, uint32_t i)
{
    jsvm_idhdr *h = jsvm_idtab_hdr(t, i);
    h->gen = 0;
    h->next_free = t->free_head;
    t->free_head = i + 1;
    t->live--;
}

void *jsvm_idtab_at(const jsvm_idtab *t, uint32_t i)
{
    jsvm_idhdr *h = jsvm_idtab_hdr(t, i);
    return h->gen ? (unsigned char *)h + JSVM_IDHDR : NULL;
}

void jsvm_idtab_free(jsvm_idtab *t)
{
    free(t->slots);
    size_t payload = t->size - JSVM_IDHDR;
    jsvm_idtab_init(t, payload);
}

/* ------------------------------------------------------------------ */
/* entering JS                                                         */

/* Lowest usable address of the calling thread's stack, cached per thread:
 * pthread_getattr_np reads /proc on the main thread. */
static __thread uintptr_t jsvm_stack_lo;

static size_t jsvm_stack_room(void)
{
    if (!jsvm_stack_lo) {
        pthread_attr_t a;
        void *addr = NULL;
        size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &a) != 0)
            return 0;
        pthread_attr_getstack(&a, &addr, &size);
        pthread_attr_destroy(&a);
        jsvm_stack_lo = (uintptr_t)addr;
    }
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    return sp > jsvm_stack_lo ? sp - jsvm_stack_lo : 0;
}

/* Room kept below the JS limit for native callbacks, the Go runtime's cgo
 * transitions and QuickJS's own C frames after it reports the overflow. */
#define JSVM_STACK_MARGIN (256 * 1024)

void jsvm_vm_enter(struct JSVM_VM__ *vm)
{
    if (vm->depth++ != 0)
        return;
    /* The limit is an absolute address (stack base + margin), so it stays
     * right for every entry on the same thread: recompute it only when the
     * VM is entered from another thread than last time. */
    if (!vm->stack_thread_set || !pthread_equal(vm->stack_thread, pthread_self())) {
        vm->stack_thread = pthread_self();
        vm->stack_thread_set = 1;
        size_t room = jsvm_stack_room();
        size_t limit = room > 2 * JSVM_STACK_MARGIN ? room - JSVM_STACK_MARGIN : room / 2;
        JS_UpdateStackTop(vm->rt);
        JS_SetMaxStackSize(vm->rt, limit);
        vm->stack_limit = (uintptr_t)__builtin_frame_address(0) - limit;
    }
    /* A safe point of the collection schedule (memory.c): garbage made
     * from C since the last collection is collected before JS runs. After
     * the depth increment, so callbacks run at depth 1 and API calls they
     * make do not run the outermost-leave work (microtasks, finalizers). */
    jsvm_gc_poll(vm);
}

void jsvm_enter(JSVM_Env env)
{
    jsvm_vm_enter(env->vm);
}

void jsvm_run_microtasks(JSRuntime *rt)
{
    JSContext *jctx;
    for (;;) {
        int r = JS_ExecutePendingJob(rt, &jctx);
        if (r == 0)
            break;
        if (r < 0) {
            /* A job threw outside any promise (rare: promise jobs catch
             * their own errors). Nothing can receive it; drop it so it does
             * not masquerade as the caller's pending exception. */
            JS_FreeValue(jctx, JS_GetException(jctx));
        }
    }
}

void jsvm_leave(JSVM_Env env)
{
    if (--env->vm->depth == 0) {
        /* an out-of-memory error reaching the API boundary (memory.c) */
        if (env->vm->oom_handler)
            jsvm_mem_check_oom(env);
        if (env->vm->microtask_policy == JSVM_MICROTASK_AUTO && !JS_HasException(env->ctx))
            jsvm_run_microtasks(env->rt);
        if (env->nfins)
            jsvm_fin_drain(env);
    }
}

void jsvm_microtask_checkpoint(JSVM_Env env)
{
    jsvm_enter(env);
    jsvm_run_microtasks(env->rt);
    /* leave without the auto-policy drain: the queue is empty already */
    if (--env->vm->depth == 0 && env->nfins)
        jsvm_fin_drain(env);
}

/* ------------------------------------------------------------------ */
/* native functions                                                    */

static void jsvm_fn_finalizer(JSRuntime *rt, JSValueConst val)
{
    jsvm_fn_rec *r = JS_GetOpaque(val, jsvm_fn_class_id);
    if (r) {
        JS_FreeValueRT(rt, r->check_proto);
        JS_FreeValueRT(rt, r->handler);
        if (r->cls)
            jsvm_class_unref(r->cls);
        js_free_rt(rt, r);
    }
}

static void jsvm_fn_mark(JSRuntime *rt, JSValueConst val, JS_MarkFunc *mark)
{
    jsvm_fn_rec *r = JS_GetOpaque(val, jsvm_fn_class_id);
    if (r) {
        JS_MarkValue(rt, r->check_proto, mark);
        JS_MarkValue(rt, r->handler, mark);
    }
}

/* The slow half of jsvm_frame_end (core.h): scripts and handles to free. */
void jsvm_frame_unwind(JSVM_Env env, jsvm_frame *f)
{
    if (env->scoped_scripts)
        jsvm_scripts_unwind(env, env->nscopes);
    if (env->top != f->top || env->cur != f->chunk)
        jsvm_unwind(env, f->chunk, f->top);
}

/* Whether obj's prototype chain contains proto (the receiver check of class
 * methods). */
static int jsvm_inherits(JSContext *ctx, JSValueConst obj, JSValueConst proto)
{
    if (!JS_IsObject(obj))
        return 0;
    JSValue p = JS_GetPrototype(ctx, obj);
    for (int guard = 0; JS_IsObject(p) && guard < 10000; guard++) {
        if (JS_VALUE_GET_PTR(p) == JS_VALUE_GET_PTR(proto)) {
            JS_FreeValue(ctx, p);
            return 1;
        }
        JSValue next = JS_GetPrototype(ctx, p);
        JS_FreeValue(ctx, p);
        p = next;
    }
    if (JS_IsException(p))
        JS_FreeValue(ctx, JS_GetException(ctx));
    JS_FreeValue(ctx, p);
    return 0;
}

/* The trampoline: QuickJS -> user C callback, with a handle scope around the
 * call. Never goes through Go. */
static JSValue jsvm_fn_call(JSContext *ctx, JSValueConst func_obj,
                            JSValueConst this_val, int argc,
                            JSValueConst *argv, int flags)
{
    jsvm_fn_rec *r = JS_GetOpaque(func_obj, jsvm_fn_class_id);
    JSVM_Env env = r->env;
    struct JSVM_CallbackInfo__ info;
    JSValue self = JS_UNDEFINED;

    /* QuickJS checks the stack only when it enters bytecode, so a native
     * function calling a native function (through OH_JSVM_CallFunction)
     * would recurse unchecked: check here, with the same limit. */
    if ((uintptr_t)__builtin_frame_address(0) < env->vm->stack_limit)
        return JS_ThrowRangeError(ctx, "Maximum call stack size exceeded");

    info.argc = argc;
    info.argv = argv;
    info.data = r->cb->data;
    info.is_construct = (flags & JS_CALL_FLAG_CONSTRUCTOR) != 0;
    if (!info.is_construct && !JS_IsUndefined(r->check_proto) &&
        !jsvm_inherits(ctx, this_val, r->check_proto))
        return JS_ThrowTypeError(ctx, "Illegal invocation");
    if (info.is_construct && r->cls) {
        /* classes with interceptors or a call handler build their own
         * instances (class.c) */
        self = jsvm_class_new_instance(env, r, this_val);
        if (JS_IsException(self))
            return self;
        info.this_val = self;
        info.new_target = this_val;
    } else if (info.is_construct) {
        /* this_val is new.target: build the receiver from its prototype. */
        JSValue proto = JS_GetPropertyStr(ctx, this_val, "prototype");
        if (JS_IsException(proto))
            return proto;
        /* Instances are objects of our own class, so that native state
         * (wrap, type tag) lives in their opaque slot. A non-object
         * new.target.prototype falls back to %Object.prototype%. */
        JSValue p2 = JS_IsObject(proto) ? JS_DupValue(ctx, proto) : JS_GetClassProto(ctx, 1 /* JS_CLASS_OBJECT */);
        self = JS_NewObjectProtoClass(ctx, p2, jsvm_obj_class_id);
        JS_FreeValue(ctx, p2);
        JS_FreeValue(ctx, proto);
        if (JS_IsException(self))
            return self;
        info.this_val = self;
        info.new_target = this_val;
    } else if (JS_IsObject(this_val)) {
        info.this_val = this_val;
        info.new_target = JS_UNDEFINED;
    } else {
        /* API functions are sloppy-mode functions (as V8's are): undefined
         * and null become the global object, primitives are boxed. */
        if (JS_IsUndefined(this_val) || JS_IsNull(this_val)) {
            info.this_val = env->k_global;
        } else {
            self = JS_ToObject(ctx, this_val);
            if (JS_IsException(self))
                return self;
            info.this_val = self;
        }
        info.new_target = JS_UNDEFINED;
    }

    /* The callback runs in a handle scope of its own, which it cannot close
     * (scope_floor): its values and scripts die when it returns. The scope
     * is only counted, never recorded: nothing reads a record at or below
     * the floor, so the hot path stays a few stores. */
    jsvm_frame frame;
    jsvm_frame_begin(env, &frame);
    JSVM_Value rv = r->cb->callback(env, (JSVM_CallbackInfo)&info);

    JSValue ret;
    if (JS_HasException(ctx)) {
        ret = JS_EXCEPTION;
    } else if (rv) {
        ret = JS_DupValue(ctx, jsvm_v(rv));
    } else {
        ret = JS_UNDEFINED;
    }
    jsvm_frame_end(env, &frame);

    if (info.is_construct) {
        if (JS_IsException(ret) || JS_IsObject(ret)) {
            JS_FreeValue(ctx, self);
            return ret;
        }
        JS_FreeValue(ctx, ret);
        return self;
    }
    if (!JS_IsUndefined(self)) /* the boxed receiver (JS_FreeValue is not inline) */
        JS_FreeValue(ctx, self);
    return ret;
}

int jsvm_register_classes(JSRuntime *rt)
{
    /* Class ids come from a per-runtime counter that starts at the same
     * value in every runtime; allocating ours first in each runtime gives
     * the same id everywhere, which the global relies on. */
    JSClassID id = 0;
    JS_NewClassID(rt, &id);
    if (jsvm_fn_class_id == 0)
        jsvm_fn_class_id = id;
    else if (id != jsvm_fn_class_id)
        return -1;
    JSClassDef def;
    memset(&def, 0, sizeof(def));
    def.class_name = "Function";
    def.finalizer = jsvm_fn_finalizer;
    def.gc_mark = jsvm_fn_mark;
    def.call = jsvm_fn_call;
    if (JS_NewClass(rt, jsvm_fn_class_id, &def) < 0)
        return -1;
    return jsvm_native_register_classes(rt);
}

JSValue jsvm_new_function(JSVM_Env env, const char *name, size_t len,
                          JSVM_CallbackStruct *cb)
{
    return jsvm_new_function_ex(env, name, len, cb, JS_UNDEFINED);
}

JSValue jsvm_new_function_ex(JSVM_Env env, const char *name, size_t len,
                             JSVM_CallbackStruct *cb, JSValueConst check_proto)
{
    JSContext *ctx = env->ctx;
    JSValue fproto = JS_GetFunctionProto(ctx);
    JSValue f = JS_NewObjectProtoClass(ctx, fproto, jsvm_fn_class_id);
    JS_FreeValue(ctx, fproto);
    if (JS_IsException(f))
        return f;
    jsvm_fn_rec *r = js_malloc(ctx, sizeof(*r));
    if (!r) {
        JS_FreeValue(ctx, f);
        return JS_EXCEPTION;
    }
    memset(r, 0, sizeof(*r));
    r->cb = cb;
    r->env = env;
    r->check_proto = JS_DupValue(ctx, check_proto);
    r->handler = JS_UNDEFINED;
    r->self = JS_UNDEFINED;
    JS_SetOpaque(f, r);
    JSValue n = name ? JS_NewStringLen(ctx, name, len) : JS_NewString(ctx, "");
    if (JS_IsException(n) ||
        JS_DefinePropertyValueStr(ctx, f, "length", JS_NewInt32(ctx, 0), JS_PROP_CONFIGURABLE) < 0 ||
        JS_DefinePropertyValueStr(ctx, f, "name", n, JS_PROP_CONFIGURABLE) < 0) {
        JS_FreeValue(ctx, f);
        return JS_EXCEPTION;
    }
    /* Functions from the API are constructible, with an ordinary prototype
     * object, like functions made from a V8 FunctionTemplate. */
    JSValue proto = JS_NewObject(ctx);
    if (JS_IsException(proto) || JS_SetConstructor(ctx, f, proto) < 0) {
        JS_FreeValue(ctx, proto);
        JS_FreeValue(ctx, f);
        return JS_EXCEPTION;
    }
    JS_FreeValue(ctx, proto);
    JS_SetConstructorBit(ctx, f, true);
    return f;
}

/* ------------------------------------------------------------------ */
/* property descriptors                                                */

static int jsvm_prop_flags(JSVM_PropertyAttributes a, int accessor)
{
    int f = 0;
    if (a & JSVM_CONFIGURABLE)
        f |= JS_PROP_CONFIGURABLE;
    if (a & JSVM_ENUMERABLE)
        f |= JS_PROP_ENUMERABLE;
    if (!accessor && (a & JSVM_WRITABLE))
        f |= JS_PROP_WRITABLE;
    return f;
}

JSVM_Status jsvm_define_props(JSVM_Env env, JSValueConst obj, size_t n,
                              const JSVM_PropertyDescriptor *props,
                              int skip_static, int utf8name_only)
{
    (void)utf8name_only;
    return jsvm_define_props_ex(env, obj, n, props,
                                skip_static ? JSVM_PROPS_INSTANCE : JSVM_PROPS_ALL, JS_UNDEFINED);
}

JSVM_Status jsvm_define_props_ex(JSVM_Env env, JSValueConst obj, size_t n,
                                 const JSVM_PropertyDescriptor *props, int which,
                                 JSValueConst check_proto)
{
    JSContext *ctx = env->ctx;
    for (size_t i = 0; i < n; i++) {
        const JSVM_PropertyDescriptor *p = &props[i];
        int is_static = (p->attributes & JSVM_STATIC) != 0;
        if ((which == JSVM_PROPS_INSTANCE && is_static) || (which == JSVM_PROPS_STATIC && !is_static))
            continue;
        /* class methods and accessors check their receiver unless asked not to */
        JSValueConst chk = (p->attributes & JSVM_NO_RECEIVER_CHECK) ? JS_UNDEFINED : check_proto;
        JSAtom atom;
        const char *fname = p->utf8name;
        if (p->utf8name) {
            atom = JS_NewAtom(ctx, p->utf8name);
        } else if (p->name) {
            JSValue k = jsvm_v(p->name);
            if (!JS_IsString(k) && !JS_IsSymbol(k))
                return JSVM_NAME_EXPECTED;
            atom = JS_ValueToAtom(ctx, k);
        } else {
            return JSVM_NAME_EXPECTED;
        }
        if (atom == JS_ATOM_NULL)
            return JSVM_PENDING_EXCEPTION;
        int rc;
        if (p->getter || p->setter) {
            JSValue g = JS_UNDEFINED, s = JS_UNDEFINED;
            if (p->getter) {
                g = jsvm_new_function_ex(env, fname, fname ? strlen(fname) : 0, p->getter, chk);
                if (JS_IsException(g)) {
                    JS_FreeAtom(ctx, atom);
                    return JSVM_PENDING_EXCEPTION;
                }
            }
            if (p->setter) {
                s = jsvm_new_function_ex(env, fname, fname ? strlen(fname) : 0, p->setter, chk);
                if (JS_IsException(s)) {
                    JS_FreeValue(ctx, g);
                    JS_FreeAtom(ctx, atom);
                    return JSVM_PENDING_EXCEPTION;
                }
            }
            rc = JS_DefinePropertyGetSet(ctx, obj, atom, g, s,
                                         jsvm_prop_flags(p->attributes, 1) | JS_PROP_THROW);
        } else {
            JSValue v;
            if (p->method) {
                v = jsvm_new_function_ex(env, fname, fname ? strlen(fname) : 0, p->method, chk);
                if (JS_IsException(v)) {
                    JS_FreeAtom(ctx, atom);
                    return JSVM_PENDING_EXCEPTION;
                }
            } else if (p->value) {
                v = JS_DupValue(ctx, jsvm_v(p->value));
            } else {
                v = JS_UNDEFINED;
            }
            rc = JS_DefinePropertyValue(ctx, obj, atom, v,
                                        jsvm_prop_flags(p->attributes, 0) | JS_PROP_THROW);
        }
        JS_FreeAtom(ctx, atom);
        if (rc < 0)
            return JSVM_PENDING_EXCEPTION;
    }
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* finalizer queue                                                     */

void jsvm_fin_enqueue(JSVM_Env env, JSVM_Finalize cb, void *data, void *hint)
{
    if (env->nfins == env->cap_fins) {
        uint32_t cap = env->cap_fins ? env->cap_fins * 2 : 16;
        jsvm_fin *f = realloc(env->fins, cap * sizeof(*f));
        if (!f)
            abort();
        env->fins = f;
        env->cap_fins = cap;
    }
    env->fins[env->nfins].cb = cb;
    env->fins[env->nfins].data = data;
    env->fins[env->nfins].hint = hint;
    env->nfins++;
}

/* Runs queued finalizers at a safe point (never inside a GC step). A
 * finalizer may queue more; they run in the same drain. */
void jsvm_fin_drain(JSVM_Env env)
{
    if (env->draining)
        return;
    env->draining = 1;
    uint32_t i = 0;
    while (i < env->nfins) {
        jsvm_fin f = env->fins[i++];
        f.cb(env, f.data, f.hint);
    }
    env->nfins = 0;
    env->draining = 0;
}

/* ------------------------------------------------------------------ */
/* VM lock                                                             */

int jsvm_lock_held_by_me(struct JSVM_VM__ *vm)
{
    return __atomic_load_n(&vm->lock_held, __ATOMIC_ACQUIRE) &&
           pthread_equal(vm->lock_owner, pthread_self());
}

void jsvm_lock(struct JSVM_VM__ *vm)
{
    if (jsvm_lock_held_by_me(vm))
        return; /* nested acquire on the same thread is a no-op */
    pthread_mutex_lock(&vm->lock);
    vm->lock_owner = pthread_self();
    __atomic_store_n(&vm->lock_held, 1, __ATOMIC_RELEASE);
}

void jsvm_unlock_if_owner(struct JSVM_VM__ *vm)
{
    if (!jsvm_lock_held_by_me(vm))
        return;
    __atomic_store_n(&vm->lock_held, 0, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&vm->lock);
}

/* ------------------------------------------------------------------ */
/* env / VM lifecycle                                                  */

struct JSVM_VM__ *jsvm_vm_new(JSRuntime *rt)
{
    struct JSVM_VM__ *vm = calloc(1, sizeof(*vm));
    if (!vm)
        return NULL;
    vm->rt = rt;
    vm->microtask_policy = JSVM_MICROTASK_AUTO;
    pthread_mutex_init(&vm->lock, NULL);
    JS_SetRuntimeOpaque(rt, vm);
    return vm;
}

void jsvm_vm_free(struct JSVM_VM__ *vm)
{
    JS_FreeRuntime(vm->rt); /* collects everything itself */
    jsvm_mem_free_heap(vm->heap); /* its allocator's state (memory.c) */
    pthread_mutex_destroy(&vm->lock);
    free(vm);
}

JSVM_Env jsvm_env_new(struct JSVM_VM__ *vm)
{
    JSVM_Env env = calloc(1, sizeof(*env));
    if (!env)
        return NULL;
    env->first = env->cur = calloc(1, sizeof(jsvm_chunk));
    if (!env->first) {
        free(env);
        return NULL;
    }
    env->ctx = JS_NewContext(vm->rt);
    if (!env->ctx) {
        free(env->first);
        free(env);
        return NULL;
    }
    env->rt = vm->rt;
    env->vm = vm;
    JS_SetContextOpaque(env->ctx, env);
    env->k_undefined = JS_UNDEFINED;
    env->k_null = JS_NULL;
    env->k_true = JS_TRUE;
    env->k_false = JS_FALSE;
    env->k_global = JS_GetGlobalObject(env->ctx);
    env->stamp_ctor = env->stamp_get = env->stamp_getw = JS_UNDEFINED;
    jsvm_idtab_init(&env->refs, sizeof(struct jsvm_ref *));
    /* before anything can run in the context (values.c captures builtins) */
    if (jsvm_vals_init(env) < 0) {
        JS_FreeValue(env->ctx, env->k_global);
        JS_FreeContext(env->ctx);
        free(env->first);
        free(env);
        return NULL;
    }
    vm->envs++;
    return env;
}

/* Releases what the user's handles, scripts, references and pending
 * exception keep alive. */
static void jsvm_env_release(JSVM_Env env)
{
    jsvm_unwind(env, env->first, 0); /* whatever scopes are still open */
    env->nscopes = 0;
    env->scope_floor = 0;
    jsvm_scripts_free(env, &env->scoped_scripts);
    jsvm_scripts_free(env, &env->retained_scripts);
    if (JS_HasException(env->ctx))
        JS_FreeValue(env->ctx, JS_GetException(env->ctx));
}

void jsvm_env_free(JSVM_Env env)
{
    /* 1. Drop the user's handles and scripts; objects only they kept alive
     *    die and queue their finalizers. 2. Objects still alive (reachable
     *    from the global object, from references or from other envs) have
     *    their finalizers queued now and forget the env. 3. The finalizers
     *    and the instance-data finalizer run while the context, the
     *    references and the intrinsics are still valid, so they may use the
     *    API (e.g. delete the reference Wrap returned). Repeat in case they
     *    attached more. 4. Release references and intrinsics, free the
     *    context: records are detached, so no user code runs inside the
     *    final collection except external-buffer finalizers (env NULL). */
    for (int round = 0; round < 4; round++) {
        jsvm_env_release(env);
        if (env->natives) {
            JS_RunGC(env->rt);
            jsvm_native_env_finalize(env);
        }
        if (round == 0 && env->instance_cb) {
            jsvm_fin_enqueue(env, env->instance_cb, env->instance_data, env->instance_hint);
            env->instance_cb = NULL;
        }
        if (!env->nfins)
            break;
        jsvm_fin_drain(env);
    }
    jsvm_env_release(env);
    jsvm_native_env_release_refs(env);
    jsvm_native_env_finalize(env); /* records the last finalizers created */
    jsvm_fin_drain(env);
    jsvm_snap_release_held(env);
    jsvm_vals_release(env);
    JS_FreeValue(env->ctx, env->k_global);
    JS_FreeContext(env->ctx);
    JS_RunGC(env->rt);
    jsvm_fin_drain(env);
    jsvm_vals_free(env);
    env->vm->envs--;
    for (jsvm_chunk *c = env->first, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    free(env->scopes);
    free(env->fins);
    jsvm_idtab_free(&env->refs);
    free(env);
}
