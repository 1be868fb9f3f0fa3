/*
 * promise.h: promises and deferreds (promise.c). Conventions of ops.h and
 * values.h.
 *
 * A JSVM_Deferred is not a pointer: it encodes a slot of the env's deferred
 * table and the slot's generation (values.h), so settling a deferred a
 * second time is reported (JSVM_INVALID_ARG) instead of touching freed
 * memory. The slot's resolving functions are released when the deferred is
 * used, or at env teardown for deferreds never used.
 */
#ifndef LIBJSVM_PROMISE_H
#define LIBJSVM_PROMISE_H

#include "values.h"

JSVM_Status jsvm_op_create_promise(JSVM_Env env, JSVM_Deferred *deferred,
                                   JSVM_Value *promise); /* runs JS */
JSVM_Status jsvm_op_settle_deferred(JSVM_Env env, JSVM_Deferred deferred, JSVM_Value v,
                                    int reject); /* runs JS */
JSVM_Status jsvm_op_promise_then(JSVM_Env env, JSVM_Value promise, JSVM_Value on_ok,
                                 JSVM_Value on_err, JSVM_Value *out); /* runs JS */

/* Releases every deferred still held (env teardown). */
void jsvm_promise_release_all(JSVM_Env env);

#endif
