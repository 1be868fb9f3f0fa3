/*
 * ops.h: engine operations behind the Go exports of cmd/libjsvm. Each export
 * makes one call here, so a JSVM call costs one cgo transition. Functions
 * return a JSVM_Status; arguments were validated by the Go caller (non-NULL
 * env and out pointers, lengths), values are valid handles of env.
 * Functions marked "runs JS" follow the pending-exception protocol: they
 * refuse with JSVM_PENDING_EXCEPTION if one is pending on entry and return it
 * when the engine threw (the exception stays pending).
 */
#ifndef LIBJSVM_OPS_H
#define LIBJSVM_OPS_H

#include "core.h"
#include "cache.h"

/* vm / env */
JSVM_Status jsvm_op_create_vm(const JSVM_CreateVMOptions *opts, JSVM_VM *out);
JSVM_Status jsvm_op_create_env(JSVM_VM vm, size_t n, const JSVM_PropertyDescriptor *props, JSVM_Env *out);
void jsvm_op_microtask_checkpoint_vm(JSVM_VM vm);
void jsvm_op_gc(JSVM_Env env, int level);

/* values */
JSVM_Status jsvm_op_string(JSVM_Env env, int kind, const void *str, size_t len, JSVM_Value *out);
JSVM_Status jsvm_op_get_string(JSVM_Env env, int kind, JSVM_Value v, void *buf, size_t bufsize, size_t *out);
JSVM_Value jsvm_op_new_object(JSVM_Env env);
JSVM_Status jsvm_op_new_array(JSVM_Env env, int with_len, size_t len, JSVM_Value *out);
#define JSVM_STR_UTF8 0
#define JSVM_STR_LATIN1 1
#define JSVM_STR_UTF16 2

/* scripts (runs JS) */
JSVM_Status jsvm_op_compile(JSVM_Env env, JSVM_Value src, const char *filename, int line, JSVM_Script *out);
/* The same, consuming cache[0..cache_len) (non-NULL) if it validates, with
 * bg a live BackgroundDeserialize result or NULL. On success *rejected (if
 * non-NULL) says whether the source was compiled instead, and *verdict why
 * (cache.h, for the debug log). */
JSVM_Status jsvm_op_compile_cached(JSVM_Env env, JSVM_Value src, const char *filename, int line,
                                   const uint8_t *cache, size_t cache_len, JSVM_DeserializeResult bg,
                                   bool *rejected, int *verdict, JSVM_Script *out);
/* Not JS-running: works with an exception pending, leaves it as it was.
 * *data is malloc'd (the Go layer registers it for OH_JSVM_ReleaseCache). */
JSVM_Status jsvm_op_create_code_cache(JSVM_Env env, JSVM_Script script, const uint8_t **data, size_t *length);
JSVM_Status jsvm_op_run(JSVM_Env env, JSVM_Script script, JSVM_Value *out);
JSVM_Status jsvm_op_retain_script(JSVM_Env env, JSVM_Script script);
JSVM_Status jsvm_op_release_script(JSVM_Env env, JSVM_Script script);

/* functions (runs JS) */
JSVM_Status jsvm_op_create_function(JSVM_Env env, const char *name, size_t len, JSVM_CallbackStruct *cb, JSVM_Value *out);
JSVM_Status jsvm_op_call(JSVM_Env env, JSVM_Value recv, JSVM_Value fn, size_t argc, const JSVM_Value *argv, JSVM_Value *out);
JSVM_Status jsvm_op_new_instance(JSVM_Env env, JSVM_Value ctor, size_t argc, const JSVM_Value *argv, JSVM_Value *out);
JSVM_Status jsvm_op_function_with_script(JSVM_Env env, const char *name, size_t len, size_t argc, const JSVM_Value *argv, JSVM_Value body, JSVM_Value *out);

/* errors */
#define JSVM_ERR_ERROR 0
#define JSVM_ERR_TYPE 1
#define JSVM_ERR_RANGE 2
#define JSVM_ERR_SYNTAX 3
JSVM_Status jsvm_op_create_error(JSVM_Env env, int kind, JSVM_Value code, JSVM_Value msg, JSVM_Value *out);
JSVM_Status jsvm_op_throw_error(JSVM_Env env, int kind, const char *code, const char *msg);
JSVM_Status jsvm_op_throw(JSVM_Env env, JSVM_Value err);
JSVM_Value jsvm_op_take_exception(JSVM_Env env);
int jsvm_op_has_exception(JSVM_Env env);

#endif
