/*
 * native.h: native state attached to JS objects (wrap, type tag, extra
 * finalizers, weak references), references, externals and private keys.
 *
 * Where the state lives: every object that carries native state has one
 * jsvm_native record.
 *  - Instances of API classes and externals are objects of our own classes;
 *    the record is their opaque pointer (a 2 ns lookup).
 *  - Any other object (plain, frozen, function, proxy, array ...) gets a
 *    hidden holder object stored in a JS private field (#h) of a class that
 *    the env evaluates once. Private fields are invisible to every reflection
 *    API, can be added to frozen objects and live on a Proxy itself. The
 *    holder's opaque is the record.
 * The record dies with the object: the class finalizer of the instance,
 * external or holder runs then (inside QuickJS's free/GC step), clears the
 * weak references that point to the object and *queues* the user finalizers
 * on the env; they run at the next safe point (core.h).
 */
#ifndef LIBJSVM_NATIVE_H
#define LIBJSVM_NATIVE_H

#include "core.h"

typedef struct jsvm_native {
    JSVM_Env env;                /* NULL once the env was destroyed */
    void *wrap_data;
    JSVM_Finalize wrap_cb;
    void *wrap_hint;
    uint8_t wrapped;
    uint8_t tagged;
    JSVM_TypeTag tag;
    void *external_data;         /* externals only */
    jsvm_fin *fins;              /* AddFinalizer entries (and an external's finalizer) */
    uint32_t nfins, cap_fins;
    struct jsvm_ref *weak;       /* weak references to this object */
    JSValue self;                /* target of an intercepted instance: the proxy (raw) */
    uint8_t has_self;
    struct jsvm_native *next, *prev; /* env->natives */
} jsvm_native;

/* A reference. The JSVM_Ref handle is an id into the env's reference table
 * (slot index and generation), not this struct's address, so using a
 * deleted reference is reported (JSVM_INVALID_ARG), not a use-after-free. */
typedef struct jsvm_ref {
    JSVM_Env env;
    uint32_t count;
    uint8_t is_data;             /* holds a JSVM_Data (private key) */
    uint8_t weak;                /* count == 0 on an object: value not owned */
    uint8_t alive;               /* weak target not collected yet */
    JSValue value;               /* owned unless weak */
    jsvm_native *target;         /* weak: the record whose finalizer clears us */
    struct jsvm_ref *wnext, *wprev; /* target->weak list */
} jsvm_ref;

extern JSClassID jsvm_obj_class_id;    /* instances of API classes */
extern JSClassID jsvm_ext_class_id;    /* externals */
extern JSClassID jsvm_holder_class_id; /* hidden holders */
extern JSClassID jsvm_pkey_class_id;   /* private keys (JSVM_Data) */

int jsvm_native_register_classes(JSRuntime *rt);

/* The record of obj; with create, made on demand (may run the env's hidden
 * helper script; a pending exception is preserved). NULL if none / failure
 * (with create: JSVM_GENERIC_FAILURE in *st, else left alone). */
jsvm_native *jsvm_native_of(JSVM_Env env, JSValueConst obj, int create, JSVM_Status *st);

/* Env teardown: runs/queues every finalizer still attached to records of
 * this env, detaches the records, frees references. Called by jsvm_env_free
 * before the context is freed (refs) and after (records). */
void jsvm_native_env_release_refs(JSVM_Env env);
void jsvm_native_env_finalize(JSVM_Env env);

/* wrap / tags / finalizers */
JSVM_Status jsvm_op_wrap(JSVM_Env env, JSVM_Value obj, void *data, JSVM_Finalize cb, void *hint, JSVM_Ref *result);
JSVM_Status jsvm_op_unwrap(JSVM_Env env, JSVM_Value obj, void **result, int remove);
JSVM_Status jsvm_op_add_finalizer(JSVM_Env env, JSVM_Value obj, void *data, JSVM_Finalize cb, void *hint, JSVM_Ref *result);
JSVM_Status jsvm_op_type_tag(JSVM_Env env, JSVM_Value obj, const JSVM_TypeTag *tag, bool *check);

/* externals */
JSVM_Status jsvm_op_create_external(JSVM_Env env, void *data, JSVM_Finalize cb, void *hint, JSVM_Value *result);
int jsvm_is_external(JSValueConst v);

/* references */
JSVM_Status jsvm_op_create_ref(JSVM_Env env, JSValueConst v, uint32_t count, int is_data, JSVM_Ref *result);
JSVM_Status jsvm_op_delete_ref(JSVM_Env env, JSVM_Ref ref);
JSVM_Status jsvm_op_ref_adjust(JSVM_Env env, JSVM_Ref ref, int delta, uint32_t *result);
jsvm_ref *jsvm_ref_lookup(JSVM_Env env, JSVM_Ref ref);

/* classes (class.c) */
JSVM_Status jsvm_op_define_class(JSVM_Env env, const char *name, size_t len, JSVM_Callback ctor_cb,
                                 size_t n, const JSVM_PropertyDescriptor *props, JSVM_Value parent,
                                 JSVM_PropertyHandlerCfg cfg, JSVM_Callback call_cb,
                                 JSVM_Value *result);
JSVM_Status jsvm_op_define_class_options(JSVM_Env env, const char *name, size_t len,
                                         JSVM_Callback ctor_cb, size_t n,
                                         const JSVM_PropertyDescriptor *props, JSVM_Value parent,
                                         size_t nopts, const JSVM_DefineClassOptions *opts,
                                         JSVM_Value *result);

/* private keys */
JSVM_Status jsvm_op_create_private(JSVM_Env env, JSVM_Value description, JSVM_Data *result);
#define JSVM_PRIV_SET 0
#define JSVM_PRIV_GET 1
#define JSVM_PRIV_DELETE 2
JSVM_Status jsvm_op_private(JSVM_Env env, int op, JSVM_Value obj, JSVM_Data key, JSVM_Value value, JSVM_Value *result);

#endif
