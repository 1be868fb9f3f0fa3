/*
 * object.h: engine operations for objects, properties, keys, prototypes,
 * JSON, type checks and coercions (spec §3.10-§3.12).
 *
 * Two kinds of callers:
 *  - cmd/libjsvm/fast_object.c, the OH_JSVM_* functions implemented in C
 *    because embedders call them in loops (named/keyed/indexed get and set,
 *    typeof and the Is* checks): they use the jsvm_obj_* helpers below.
 *  - the Go exports of cmd/libjsvm (object.go, check.go, coerce.go): one
 *    call into a jsvm_op_* function each.
 *
 * Contract (as in ops.h): arguments were validated by the caller (non-NULL
 * env, handles and out pointers); handles are values of env. Functions marked
 * "runs JS" follow the pending-exception protocol (refuse with
 * JSVM_PENDING_EXCEPTION if one is pending on entry; an exception the engine
 * throws stays pending and is reported as JSVM_PENDING_EXCEPTION or the
 * specific status the spec names); the others never leave one pending.
 * Results are pushed on the handle stack (the slot owns the reference).
 */
#ifndef LIBJSVM_OBJECT_H
#define LIBJSVM_OBJECT_H

#include "core.h"

/* ---- type checks (do not run JS; safe while an exception is pending) ---- */

/* TODO(externals): true for values made by OH_JSVM_CreateExternal. Externals
 * are not implemented yet; until they are, every object of no special class
 * is an ordinary object and OH_JSVM_Typeof reports JSVM_OBJECT for it. The
 * externals work replaces the body of this function (object.c). */
#include "native.h" /* jsvm_is_external */

/* OH_JSVM_Typeof: JSVM_OK and *out, or JSVM_INVALID_ARG for a value of no
 * known kind (engine-internal tags). */
JSVM_Status jsvm_obj_typeof(JSContext *ctx, JSValueConst v, JSVM_ValueType *out);

/* Exact class checks for boxed primitives (new Number(1), Object(1n), ...). */
#define JSVM_BOX_NUMBER 0
#define JSVM_BOX_STRING 1
#define JSVM_BOX_BOOLEAN 2
#define JSVM_BOX_SYMBOL 3
#define JSVM_BOX_BIGINT 4
int jsvm_is_boxed(JSContext *ctx, JSValueConst v, int kind);

/* ---- property access from C (run JS) ---- */

/* The hot paths behind OH_JSVM_{Set,Get,Has}NamedProperty,
 * OH_JSVM_{Set,Get}Property and OH_JSVM_{Set,Get}Element. object is
 * ToObject-coerced (null/undefined: JSVM_OBJECT_EXPECTED with a TypeError
 * pending). A set the object refuses (read-only property, accessor without a
 * setter, non-extensible object) is JSVM_GENERIC_FAILURE with nothing
 * pending; a getter, setter, proxy trap or key conversion that throws is
 * JSVM_PENDING_EXCEPTION. */
JSVM_Status jsvm_obj_set_named(JSVM_Env env, JSValueConst obj, const char *name, JSValueConst val);
JSVM_Status jsvm_obj_get_named(JSVM_Env env, JSValueConst obj, const char *name, JSVM_Value *out);
JSVM_Status jsvm_obj_has_named(JSVM_Env env, JSValueConst obj, const char *name, bool *out);
JSVM_Status jsvm_obj_set(JSVM_Env env, JSValueConst obj, JSValueConst key, JSValueConst val);
JSVM_Status jsvm_obj_get(JSVM_Env env, JSValueConst obj, JSValueConst key, JSVM_Value *out);
JSVM_Status jsvm_obj_set_index(JSVM_Env env, JSValueConst obj, uint32_t index, JSValueConst val);
JSVM_Status jsvm_obj_get_index(JSVM_Env env, JSValueConst obj, uint32_t index, JSVM_Value *out);

/* ---- operations behind Go exports (all run JS) ---- */

/* Has/Delete by key (any value, ToPropertyKey-converted) or by index. */
#define JSVM_KEY_VALUE 0 /* key is the JSVM_Value */
#define JSVM_KEY_INDEX 1 /* key is index */
JSVM_Status jsvm_op_has(JSVM_Env env, JSVM_Value object, int kind, JSVM_Value key, uint32_t index, bool *out);
JSVM_Status jsvm_op_delete(JSVM_Env env, JSVM_Value object, int kind, JSVM_Value key, uint32_t index, bool *out);
/* Own-property check; key must be a string or symbol (JSVM_NAME_EXPECTED). */
JSVM_Status jsvm_op_has_own(JSVM_Env env, JSVM_Value object, JSVM_Value key, bool *out);

JSVM_Status jsvm_op_define_properties(JSVM_Env env, JSVM_Value object, size_t n, const JSVM_PropertyDescriptor *props);

/* GetAllPropertyNames; mode and conversion were range-checked by the caller. */
JSVM_Status jsvm_op_property_names(JSVM_Env env, JSVM_Value object, int mode, int filter, int conversion,
                                   JSVM_Value *out);

JSVM_Status jsvm_op_array_length(JSVM_Env env, JSVM_Value value, uint32_t *out);
JSVM_Status jsvm_op_get_prototype(JSVM_Env env, JSVM_Value object, JSVM_Value *out);
JSVM_Status jsvm_op_set_prototype(JSVM_Env env, JSVM_Value object, JSVM_Value proto);
/* freeze != 0: Object.freeze, else Object.seal. */
JSVM_Status jsvm_op_integrity(JSVM_Env env, JSVM_Value object, int freeze);
JSVM_Status jsvm_op_json_parse(JSVM_Env env, JSVM_Value str, JSVM_Value *out);
JSVM_Status jsvm_op_json_stringify(JSVM_Env env, JSVM_Value value, JSVM_Value *out);

/* checks that may run JS */
JSVM_Status jsvm_op_instanceof(JSVM_Env env, JSVM_Value object, JSVM_Value ctor, bool *out);
JSVM_Status jsvm_op_equals(JSVM_Env env, JSVM_Value a, JSVM_Value b, bool *out);

/* coercions */
#define JSVM_COERCE_BOOL 0
#define JSVM_COERCE_NUMBER 1
#define JSVM_COERCE_OBJECT 2
#define JSVM_COERCE_STRING 3
#define JSVM_COERCE_BIGINT 4
JSVM_Status jsvm_op_coerce(JSVM_Env env, int kind, JSVM_Value value, JSVM_Value *out);

#endif
