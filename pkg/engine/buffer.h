/*
 * buffer.h: ArrayBuffer, backing stores, TypedArray and DataView operations
 * (buffer.c). Conventions of ops.h and values.h.
 *
 * Ownership: a buffer from CreateArraybuffer is engine memory (freed with
 * the ArrayBuffer); one from CreateArrayBufferFromBackingStoreData is the
 * caller's and is never freed here; one from
 * CreateArrayBufferFromExternalMemory is the caller's until the
 * ArrayBuffer dies or is detached, when its finalizer is called.
 */
#ifndef LIBJSVM_BUFFER_H
#define LIBJSVM_BUFFER_H

#include "values.h"

JSVM_Status jsvm_op_create_arraybuffer(JSVM_Env env, size_t len, void **data,
                                       JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_arraybuffer_info(JSVM_Env env, JSVM_Value ab, void **data, size_t *len);
JSVM_Status jsvm_op_detach_arraybuffer(JSVM_Env env, JSVM_Value ab);
JSVM_Status jsvm_op_alloc_backing_store(size_t len, int initialized, void **data);
void jsvm_op_free_backing_store(void *data);
JSVM_Status jsvm_op_arraybuffer_from_backing_store(JSVM_Env env, void *data, size_t size,
                                                   size_t offset, size_t len,
                                                   JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_arraybuffer_from_external(JSVM_Env env, void *data, size_t len,
                                              JSVM_FinalizeArrayBuffer fin, void *hint,
                                              bool *copied, JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_create_typedarray(JSVM_Env env, int type, size_t len, JSVM_Value ab,
                                      size_t offset, JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_typedarray_info(JSVM_Env env, JSVM_Value ta, JSVM_TypedarrayType *type,
                                    size_t *len, void **data, JSVM_Value *ab, size_t *offset);
JSVM_Status jsvm_op_create_dataview(JSVM_Env env, size_t len, JSVM_Value ab, size_t offset,
                                    JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_dataview_info(JSVM_Env env, JSVM_Value dv, size_t *len, void **data,
                                  JSVM_Value *ab, size_t *offset);

/* The largest ArrayBuffer QuickJS accepts (its lengths are int32). */
#define JSVM_AB_MAX_LENGTH ((size_t)INT32_MAX)

/* Used by values.c at env set-up and teardown. */
int jsvm_buffer_install_guard(JSVM_Env env);
void jsvm_buffer_orphan_all(JSVM_Env env);

#endif
