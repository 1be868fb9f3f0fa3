/*
 * napi_host.h: what the host (main.c) needs from the N-API layer (napi.c)
 * beyond the public napi/native_api.h. Internal to jsvm-ohos-run.
 *
 * Ownership: the host creates the JSVM VM and env; jsvm_napi_env_new wraps
 * that env (it does not own it) and must be freed with jsvm_napi_env_free
 * before the JSVM env is destroyed. Modules registered with
 * napi_module_register are recorded in load order; the napi_module structs
 * belong to the modules.
 */
#ifndef JSVM_OHOS_RUN_NAPI_HOST_H
#define JSVM_OHOS_RUN_NAPI_HOST_H

#include "ark_runtime/jsvm.h"
#include "napi/native_api.h"

/*
 * Wraps env (which must have a handle scope open) as a napi_env. Returns
 * NULL when the helper functions cannot be compiled.
 */
napi_env jsvm_napi_env_new(JSVM_Env env);
/* Releases what jsvm_napi_env_new and the module's calls allocated. */
void jsvm_napi_env_free(napi_env env);

/* The modules registered so far (napi_module_register), oldest first. */
size_t jsvm_napi_module_count(void);
napi_module* jsvm_napi_module_at(size_t i);

/*
 * A printable description of a thrown value (for an Error: "Name: message"
 * followed by its stack, if any), malloc'ed, or NULL. Must be called with no
 * exception pending.
 */
char* jsvm_napi_describe(napi_env env, napi_value value);
/* The own property names of object (enumerable or not) joined by ", ", malloc'ed, or NULL. */
char* jsvm_napi_keys(napi_env env, napi_value object);

#endif
