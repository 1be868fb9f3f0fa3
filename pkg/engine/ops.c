/*
 * ops.c: the engine side of the Go exports (see ops.h for the contract).
 */
#include <stdlib.h>
#include <limits.h>

#include "ops.h"
#include "cache.h"
#include "memory.h"
#include "values.h"

/* The pending-exception protocol of JS-running entry points. */
#define JS_PREAMBLE(env)                                   \
    do {                                                   \
        if (JS_HasException((env)->ctx))                   \
            return JSVM_PENDING_EXCEPTION;                 \
    } while (0)

/* Frees an engine exception raised by a function that must not leave one
 * pending (allocation failures in "env" kind functions). */
static JSVM_Status jsvm_drop_exception(JSVM_Env env, JSVM_Status st)
{
    if (JS_HasException(env->ctx))
        JS_FreeValue(env->ctx, JS_GetException(env->ctx));
    return st;
}

/* ------------------------------------------------------------------ */
/* vm / env                                                            */

JSVM_Status jsvm_op_create_vm(const JSVM_CreateVMOptions *opts, JSVM_VM *out)
{
    struct jsvm_heap *heap = NULL;
    JSRuntime *rt = jsvm_mem_new_runtime(&heap); /* limit-enforcing allocator (memory.c) */
    if (!rt)
        return JSVM_GENERIC_FAILURE;
    if (jsvm_register_classes(rt) < 0) {
        JS_FreeRuntime(rt);
        jsvm_mem_free_heap(heap);
        return JSVM_GENERIC_FAILURE;
    }
    struct JSVM_VM__ *vm = jsvm_vm_new(rt);
    if (!vm) {
        JS_FreeRuntime(rt);
        jsvm_mem_free_heap(heap);
        return JSVM_GENERIC_FAILURE;
    }
    vm->heap = heap;
    jsvm_mem_configure(vm, opts); /* heap sizes, QuickJS memory controls (memory.c) */
    *out = vm;
    return JSVM_OK;
}

JSVM_Status jsvm_op_create_env(JSVM_VM vm, size_t n,
                               const JSVM_PropertyDescriptor *props,
                               JSVM_Env *out)
{
    JSVM_Env env = jsvm_env_new(vm);
    if (!env)
        return JSVM_GENERIC_FAILURE;
    if (n) {
        jsvm_enter(env);
        JSVM_Status st = jsvm_define_props(env, env->k_global, n, props, 1, 0);
        vm->depth--; /* no microtasks can be queued by defining properties */
        if (st != JSVM_OK) {
            jsvm_env_free(env);
            return st == JSVM_PENDING_EXCEPTION ? JSVM_GENERIC_FAILURE : st;
        }
    }
    *out = env;
    return JSVM_OK;
}

void jsvm_op_microtask_checkpoint_vm(JSVM_VM vm)
{
    jsvm_vm_enter(vm);
    jsvm_run_microtasks(vm->rt);
    vm->depth--;
}

void jsvm_op_gc(JSVM_Env env, int level)
{
    /* One collection with the VM's GC callbacks around it (memory.c). The
     * critical levels run the collector twice: objects freed by the first
     * pass may have released the last references to more cycles. */
    if (level == JSVM_MEMORY_PRESSURE_LEVEL_MODERATE)
        jsvm_gc_collect(env->vm, JSVM_GC_CALLBACK_FORCED, 1);
    else if (level > JSVM_MEMORY_PRESSURE_LEVEL_MODERATE)
        jsvm_gc_collect(env->vm, JSVM_GC_CALLBACK_COLLECT_ALL_AVAILABLE_GARBAGE, 2);
    if (env->nfins)
        jsvm_fin_drain(env);
}

/* ------------------------------------------------------------------ */
/* values                                                              */

static size_t jsvm_u16len(const uint16_t *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

JSVM_Status jsvm_op_string(JSVM_Env env, int kind, const void *str, size_t len,
                           JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue v;
    if (len == JSVM_AUTO_LENGTH)
        len = str ? (kind == JSVM_STR_UTF16 ? jsvm_u16len(str) : strlen(str)) : 0;
    if (len > INT_MAX)
        return JSVM_INVALID_ARG;
    if (len == 0) {
        v = JS_NewStringLen(ctx, "", 0);
    } else if (kind == JSVM_STR_UTF16) {
        v = JS_NewStringUTF16(ctx, str, len);
    } else if (kind == JSVM_STR_UTF8) {
        v = JS_NewStringLen(ctx, str, len);
    } else {
        const uint8_t *b = str;
        size_t i = 0;
        while (i < len && b[i] < 0x80)
            i++;
        if (i == len) {
            v = JS_NewStringLen(ctx, str, len); /* ASCII is valid UTF-8 */
        } else {
            uint16_t small[256], *w = len <= 256 ? small : malloc(len * sizeof(uint16_t));
            if (!w)
                return JSVM_GENERIC_FAILURE;
            for (i = 0; i < len; i++)
                w[i] = b[i];
            v = JS_NewStringUTF16(ctx, w, len);
            if (w != small)
                free(w);
        }
    }
    if (JS_IsException(v))
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    *out = jsvm_push(env, v);
    return JSVM_OK;
}

JSVM_Status jsvm_op_get_string(JSVM_Env env, int kind, JSVM_Value value,
                               void *buf, size_t bufsize, size_t *out)
{
    JSContext *ctx = env->ctx;
    JSValue v = jsvm_v(value);
    if (!JS_IsString(v))
        return JSVM_STRING_EXPECTED;
    size_t n = 0, copy = 0;
    if (kind == JSVM_STR_UTF8) {
        const char *s = JS_ToCStringLen2(ctx, &n, v, false);
        if (!s)
            return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
        if (buf && bufsize > 0) {
            copy = n < bufsize - 1 ? n : bufsize - 1;
            /* never cut a UTF-8 sequence in two */
            while (copy > 0 && copy < n && ((unsigned char)s[copy] & 0xC0) == 0x80)
                copy--;
            memcpy(buf, s, copy);
            ((char *)buf)[copy] = 0;
            /* QuickJS writes a lone surrogate as its 3-byte WTF-8 form
             * (ED A0..BF xx; paired ones become 4-byte UTF-8): output valid
             * UTF-8 with U+FFFD (EF BF BD, also 3 bytes) instead. */
            unsigned char *u = buf;
            for (size_t i = 0; i + 2 < copy; i++) {
                if (u[i] == 0xED && u[i + 1] >= 0xA0) {
                    u[i] = 0xEF;
                    u[i + 1] = 0xBF;
                    u[i + 2] = 0xBD;
                    i += 2;
                }
            }
        }
        JS_FreeCString(ctx, s);
    } else {
        const uint16_t *s = JS_ToCStringLenUTF16(ctx, &n, v);
        if (!s)
            return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
        if (buf && bufsize > 0) {
            copy = n < bufsize - 1 ? n : bufsize - 1;
            if (kind == JSVM_STR_UTF16) {
                memcpy(buf, s, copy * sizeof(uint16_t));
                ((uint16_t *)buf)[copy] = 0;
            } else {
                for (size_t i = 0; i < copy; i++)
                    ((unsigned char *)buf)[i] = (unsigned char)(s[i] & 0xFF);
                ((char *)buf)[copy] = 0;
            }
        }
        JS_FreeCStringUTF16(ctx, s);
    }
    if (out)
        *out = buf ? copy : n;
    return JSVM_OK;
}

JSVM_Value jsvm_op_new_object(JSVM_Env env)
{
    JSValue v = JS_NewObject(env->ctx);
    if (JS_IsException(v)) {
        jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
        return NULL;
    }
    return jsvm_push(env, v);
}

JSVM_Status jsvm_op_new_array(JSVM_Env env, int with_len, size_t len, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    if (with_len && len > UINT32_MAX)
        return JSVM_INVALID_ARG;
    JSValue a = JS_NewArray(ctx);
    if (JS_IsException(a))
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    if (with_len && len > 0 &&
        JS_SetPropertyStr(ctx, a, "length", JS_NewInt64(ctx, (int64_t)len)) < 0) {
        JS_FreeValue(ctx, a);
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    }
    *out = jsvm_push(env, a);
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* scripts                                                             */

static jsvm_script *jsvm_script_of(JSVM_Script s)
{
    jsvm_script *r = (jsvm_script *)s;
    return r && r->magic == JSVM_SCRIPT_MAGIC ? r : NULL;
}

/* The compile behind every compile export. use_cache = 0 is the plain
 * path: no hashing, no cache work at all. With use_cache, cache[0..cache_len)
 * is consumed if it validates (cache.c); otherwise the source is compiled
 * and the cache reported as rejected. */
static JSVM_Status jsvm_compile(JSVM_Env env, JSVM_Value src, const char *filename, int line, int use_cache,
                                const uint8_t *cache, size_t cache_len, struct JSVM_DeserializeResult__ *bg,
                                bool *rejected, int *verdict, JSVM_Script *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    JSValue sv = jsvm_v(src);
    if (!JS_IsString(sv))
        return JSVM_STRING_EXPECTED;
    size_t n;
    const char *code = JS_ToCStringLen(ctx, &n, sv); /* no copy for ASCII sources */
    if (!code)
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    if (line <= 0)
        line = 1;
    /* The origin is baked into the bytecode (file name, line numbers), so a
     * cache carries a hash of it; hashing a name is a few ns. */
    uint32_t oh = filename ? jsvm_origin_hash(filename, line) : 0;
    JSValue fn = JS_UNDEFINED;
    int v = JSVM_CACHE_OK;
    /* a snapshot restore's compile (core.h: jr_trust): the source may be a
     * stand-in, so the cache must load; nothing else is compiled */
    int trusted = use_cache && env->jr_trust;
    if (use_cache)
        v = jsvm_cache_load(env, cache, cache_len, bg, trusted ? NULL : code, n,
                            filename ? oh : jsvm_origin_hash(NULL, line), &fn);
    if (trusted && v != JSVM_CACHE_OK) {
        JS_FreeCString(ctx, code);
        return JSVM_GENERIC_FAILURE;
    }
    if (!use_cache || v != JSVM_CACHE_OK) {
        JSEvalOptions o;
        memset(&o, 0, sizeof(o));
        o.version = JS_EVAL_OPTIONS_VERSION;
        o.eval_flags = JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_COMPILE_ONLY;
        o.filename = filename ? filename : "<script>";
        o.line_num = line;
        jsvm_enter(env);
        fn = JS_Eval2(ctx, code, n, &o);
        jsvm_leave(env);
    }
    JS_FreeCString(ctx, code);
    if (JS_IsException(fn))
        return JSVM_PENDING_EXCEPTION; /* the SyntaxError stays pending */
    jsvm_script *s = calloc(1, sizeof(*s));
    if (!s) {
        JS_FreeValue(ctx, fn);
        return JSVM_GENERIC_FAILURE;
    }
    s->magic = JSVM_SCRIPT_MAGIC;
    s->depth = env->nscopes;
    s->fn = fn;
    s->src = trusted ? JS_UNDEFINED : JS_DupValue(ctx, sv);
    s->has_origin = filename != NULL;
    s->origin_hash = oh;
    s->next = env->scoped_scripts;
    if (s->next)
        s->next->prev = s;
    env->scoped_scripts = s;
    *out = (JSVM_Script)s;
    if (use_cache) {
        if (rejected)
            *rejected = v != JSVM_CACHE_OK;
        *verdict = v;
    }
    return JSVM_OK;
}

JSVM_Status jsvm_op_compile(JSVM_Env env, JSVM_Value src, const char *filename,
                            int line, JSVM_Script *out)
{
    return jsvm_compile(env, src, filename, line, 0, NULL, 0, NULL, NULL, NULL, out);
}

JSVM_Status jsvm_op_compile_cached(JSVM_Env env, JSVM_Value src, const char *filename, int line,
                                   const uint8_t *cache, size_t cache_len, JSVM_DeserializeResult bg,
                                   bool *rejected, int *verdict, JSVM_Script *out)
{
    return jsvm_compile(env, src, filename, line, 1, cache, cache_len, bg, rejected, verdict, out);
}

JSVM_Status jsvm_op_create_code_cache(JSVM_Env env, JSVM_Script script, const uint8_t **data, size_t *length)
{
    jsvm_script *s = jsvm_script_of(script);
    if (!s)
        return JSVM_INVALID_ARG;
    if (!JS_IsString(s->src))
        return JSVM_GENERIC_FAILURE; /* loaded by a snapshot restore without its source */
    JSContext *ctx = env->ctx;
    /* An "env" function: it runs no JS and works with an exception pending,
     * which is parked around the engine calls (they may throw on failure). */
    JSValue parked = jsvm_park(ctx);
    size_t n = 0, len = 0;
    uint8_t *buf = NULL;
    const char *code = JS_ToCStringLen(ctx, &n, s->src);
    if (code) {
        /* the writer recurses: latch this thread's stack limit, without
         * jsvm_leave's microtasks (no JS may run here) */
        jsvm_vm_enter(env->vm);
        uint64_t failures = jsvm_mem_failures(env->vm);
        buf = jsvm_cache_write(ctx, s->fn, code, n, s->has_origin ? s->origin_hash : jsvm_origin_hash(NULL, 1),
                               &len);
        env->vm->depth--;
        /* JS_WriteObject does not report a buffer that could not grow (it
         * returns the bytes it managed to write): any allocation failure
         * during the write voids the result. */
        if (buf && jsvm_mem_failures(env->vm) != failures) {
            free(buf);
            buf = NULL;
        }
        JS_FreeCString(ctx, code);
    }
    jsvm_unpark(ctx, parked);
    if (!buf)
        return JSVM_GENERIC_FAILURE;
    *data = buf;
    *length = len;
    return JSVM_OK;
}

JSVM_Status jsvm_op_run(JSVM_Env env, JSVM_Script script, JSVM_Value *out)
{
    JS_PREAMBLE(env);
    jsvm_script *s = jsvm_script_of(script);
    if (!s)
        return JSVM_INVALID_ARG;
    jsvm_enter(env);
    JSValue r = JS_EvalFunction(env->ctx, JS_DupValue(env->ctx, s->fn));
    if (JS_IsException(r)) {
        jsvm_leave(env);
        return JSVM_PENDING_EXCEPTION;
    }
    *out = jsvm_push(env, r);
    jsvm_leave(env);
    return JSVM_OK;
}

static void jsvm_unlink(jsvm_script **head, jsvm_script *s)
{
    if (s->prev)
        s->prev->next = s->next;
    else
        *head = s->next;
    if (s->next)
        s->next->prev = s->prev;
    s->next = s->prev = NULL;
}

JSVM_Status jsvm_op_retain_script(JSVM_Env env, JSVM_Script script)
{
    jsvm_script *s = jsvm_script_of(script);
    if (!s || s->retained)
        return JSVM_INVALID_ARG;
    jsvm_unlink(&env->scoped_scripts, s);
    s->retained = 1;
    s->next = env->retained_scripts;
    if (s->next)
        s->next->prev = s;
    env->retained_scripts = s;
    return JSVM_OK;
}

JSVM_Status jsvm_op_release_script(JSVM_Env env, JSVM_Script script)
{
    jsvm_script *s = jsvm_script_of(script);
    if (!s || !s->retained)
        return JSVM_INVALID_ARG;
    jsvm_unlink(&env->retained_scripts, s);
    jsvm_script_free(env->ctx, s);
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* functions                                                           */

JSVM_Status jsvm_op_create_function(JSVM_Env env, const char *name, size_t len,
                                    JSVM_CallbackStruct *cb, JSVM_Value *out)
{
    JS_PREAMBLE(env);
    if (name && len == JSVM_AUTO_LENGTH)
        len = strlen(name);
    if (!name)
        len = 0;
    JSValue f = jsvm_new_function(env, name, len, cb);
    if (JS_IsException(f))
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    *out = jsvm_push(env, f);
    return JSVM_OK;
}

/* Copies handle arguments into a JSValue array (borrowed values). */
#define JSVM_ARGS(args, small, argc, argv)                                  \
    JSValue small[8];                                                       \
    JSValue *args = (argc) <= 8 ? small : malloc((argc) * sizeof(JSValue)); \
    if (!args)                                                              \
        return JSVM_GENERIC_FAILURE;                                        \
    for (size_t i_ = 0; i_ < (argc); i_++)                                  \
        args[i_] = jsvm_v((argv)[i_]);

JSVM_Status jsvm_op_call(JSVM_Env env, JSVM_Value recv, JSVM_Value fn,
                         size_t argc, const JSVM_Value *argv, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    JSValue f = jsvm_v(fn);
    if (!JS_IsFunction(ctx, f))
        return JSVM_INVALID_ARG;
    if (argc > INT_MAX)
        return JSVM_INVALID_ARG;
    JSVM_ARGS(args, small, argc, argv);
    jsvm_enter(env);
    JSValue r = JS_Call(ctx, f, jsvm_v(recv), (int)argc, args);
    if (args != small)
        free(args);
    if (JS_IsException(r)) {
        jsvm_leave(env);
        return JSVM_PENDING_EXCEPTION;
    }
    if (out)
        *out = jsvm_push(env, r);
    else
        JS_FreeValue(ctx, r);
    jsvm_leave(env);
    return JSVM_OK;
}

JSVM_Status jsvm_op_new_instance(JSVM_Env env, JSVM_Value ctor, size_t argc,
                                 const JSVM_Value *argv, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    JSValue c = jsvm_v(ctor);
    if (!JS_IsFunction(ctx, c) || argc > INT_MAX)
        return JSVM_INVALID_ARG;
    JSVM_ARGS(args, small, argc, argv);
    jsvm_enter(env);
    JSValue r = JS_CallConstructor(ctx, c, (int)argc, args);
    if (args != small)
        free(args);
    if (JS_IsException(r)) {
        jsvm_leave(env);
        return JSVM_PENDING_EXCEPTION;
    }
    *out = jsvm_push(env, r);
    jsvm_leave(env);
    return JSVM_OK;
}

JSVM_Status jsvm_op_function_with_script(JSVM_Env env, const char *name, size_t len,
                                         size_t argc, const JSVM_Value *argv,
                                         JSVM_Value body, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    if (argc > 65535)
        return JSVM_INVALID_ARG;
    if (!JS_IsString(jsvm_v(body)))
        return JSVM_STRING_EXPECTED;
    for (size_t i = 0; i < argc; i++)
        if (!JS_IsString(jsvm_v(argv[i])))
            return JSVM_STRING_EXPECTED;
    /* new Function(p1, ..., pn, body), with the intrinsic Function
     * constructor (not whatever globalThis.Function is now). */
    JSValue fproto = JS_GetFunctionProto(ctx);
    JSValue fctor = JS_GetPropertyStr(ctx, fproto, "constructor");
    JS_FreeValue(ctx, fproto);
    if (JS_IsException(fctor))
        return JSVM_PENDING_EXCEPTION;
    JSValue *args = malloc((argc + 1) * sizeof(JSValue));
    if (!args) {
        JS_FreeValue(ctx, fctor);
        return JSVM_GENERIC_FAILURE;
    }
    for (size_t i = 0; i < argc; i++)
        args[i] = jsvm_v(argv[i]);
    args[argc] = jsvm_v(body);
    jsvm_enter(env);
    JSValue f = JS_CallConstructor(ctx, fctor, (int)argc + 1, args);
    jsvm_leave(env);
    free(args);
    JS_FreeValue(ctx, fctor);
    if (JS_IsException(f))
        return JSVM_GENERIC_FAILURE; /* the SyntaxError stays pending */
    if (name) {
        if (len == JSVM_AUTO_LENGTH)
            len = strlen(name);
        JSValue n = JS_NewStringLen(ctx, name, len);
        if (JS_IsException(n) ||
            JS_DefinePropertyValueStr(ctx, f, "name", n, JS_PROP_CONFIGURABLE) < 0) {
            JS_FreeValue(ctx, f);
            return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
        }
    }
    *out = jsvm_push(env, f);
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* errors                                                              */

/* A fresh error object of the given kind with an own "message". Uses the
 * engine's intrinsic prototypes, not the (user-replaceable) globals. */
static JSValue jsvm_new_error(JSContext *ctx, int kind, JSValue msg)
{
    JSValue e;
    switch (kind) {
    case JSVM_ERR_TYPE: e = JS_NewTypeError(ctx, "%s", ""); break;
    case JSVM_ERR_RANGE: e = JS_NewRangeError(ctx, "%s", ""); break;
    case JSVM_ERR_SYNTAX: e = JS_NewSyntaxError(ctx, "%s", ""); break;
    default: e = JS_NewError(ctx); break;
    }
    if (JS_IsException(e))
        return e;
    if (JS_DefinePropertyValueStr(ctx, e, "message", msg,
                                  JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE) < 0) {
        JS_FreeValue(ctx, e);
        return JS_EXCEPTION;
    }
    return e;
}

static int jsvm_set_code(JSContext *ctx, JSValue e, JSValue code)
{
    return JS_DefinePropertyValueStr(ctx, e, "code", code,
                                     JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE | JS_PROP_ENUMERABLE);
}

JSVM_Status jsvm_op_create_error(JSVM_Env env, int kind, JSVM_Value code,
                                 JSVM_Value msg, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue m = jsvm_v(msg);
    if (!JS_IsString(m) || (code && !JS_IsString(jsvm_v(code))))
        return JSVM_STRING_EXPECTED;
    JSValue e = jsvm_new_error(ctx, kind, JS_DupValue(ctx, m));
    if (JS_IsException(e))
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    if (code && jsvm_set_code(ctx, e, JS_DupValue(ctx, jsvm_v(code))) < 0) {
        JS_FreeValue(ctx, e);
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    }
    *out = jsvm_push(env, e);
    return JSVM_OK;
}

JSVM_Status jsvm_op_throw_error(JSVM_Env env, int kind, const char *code, const char *msg)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    JSValue m = JS_NewString(ctx, msg);
    if (JS_IsException(m))
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    JSValue e = jsvm_new_error(ctx, kind, m);
    if (JS_IsException(e))
        return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
    if (code) {
        JSValue c = JS_NewString(ctx, code);
        if (JS_IsException(c) || jsvm_set_code(ctx, e, c) < 0) {
            JS_FreeValue(ctx, e);
            return jsvm_drop_exception(env, JSVM_GENERIC_FAILURE);
        }
    }
    JS_Throw(ctx, e);
    return JSVM_OK;
}

JSVM_Status jsvm_op_throw(JSVM_Env env, JSVM_Value err)
{
    JS_PREAMBLE(env);
    JS_Throw(env->ctx, JS_DupValue(env->ctx, jsvm_v(err)));
    return JSVM_OK;
}

int jsvm_op_has_exception(JSVM_Env env)
{
    return JS_HasException(env->ctx);
}

JSVM_Value jsvm_op_take_exception(JSVM_Env env)
{
    if (!JS_HasException(env->ctx))
        return jsvm_push(env, JS_UNDEFINED);
    return jsvm_push(env, JS_GetException(env->ctx));
}
