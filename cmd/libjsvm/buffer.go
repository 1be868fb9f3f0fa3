package main

/*
#include "buffer.h"
*/
import "C"

import "unsafe"

// jsvmCreateArraybuffer implements OH_JSVM_CreateArraybuffer: zero-filled;
// *data (optional) is the buffer's own memory, not a copy.
//
//export jsvmCreateArraybuffer
func jsvmCreateArraybuffer(env C.JSVM_Env, byteLength C.size_t, data *unsafe.Pointer, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_arraybuffer(env, byteLength, data, result)
}

// jsvmGetArraybufferInfo implements OH_JSVM_GetArraybufferInfo (outputs
// optional; a detached buffer has NULL data and length 0).
//
//export jsvmGetArraybufferInfo
func jsvmGetArraybufferInfo(env C.JSVM_Env, arraybuffer C.JSVM_Value, data *unsafe.Pointer, byteLength *C.size_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if arraybuffer == nil {
		return stInvalidArg
	}
	return C.jsvm_op_arraybuffer_info(env, arraybuffer, data, byteLength)
}

// jsvmIsArraybuffer implements OH_JSVM_IsArraybuffer (false for a
// SharedArrayBuffer, as in V8).
//
//export jsvmIsArraybuffer
func jsvmIsArraybuffer(env C.JSVM_Env, value C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_ARRAYBUFFER, value, result)
}

// jsvmDetachArraybuffer implements OH_JSVM_DetachArraybuffer: every view of
// the buffer then has length 0. An immutable ArrayBuffer is
// JSVM_DETACHABLE_ARRAYBUFFER_EXPECTED; detaching twice is allowed.
//
//export jsvmDetachArraybuffer
func jsvmDetachArraybuffer(env C.JSVM_Env, arraybuffer C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if arraybuffer == nil {
		return stInvalidArg
	}
	return C.jsvm_op_detach_arraybuffer(env, arraybuffer)
}

// jsvmIsDetachedArraybuffer implements OH_JSVM_IsDetachedArraybuffer.
//
//export jsvmIsDetachedArraybuffer
func jsvmIsDetachedArraybuffer(env C.JSVM_Env, value C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_DETACHED, value, result)
}

// jsvmAllocateArrayBufferBackingStoreData implements
// OH_JSVM_AllocateArrayBufferBackingStoreData (malloc/calloc; any
// initialized value other than JSVM_ZERO_INITIALIZED leaves it
// uninitialized, as in the reference implementation).
//
//export jsvmAllocateArrayBufferBackingStoreData
func jsvmAllocateArrayBufferBackingStoreData(byteLength C.size_t, initialized C.JSVM_InitializedFlag, data *unsafe.Pointer) (st C.JSVM_Status) {
	defer guard(&st)
	if data == nil {
		return stInvalidArg
	}
	return C.jsvm_op_alloc_backing_store(byteLength, C.int(initialized), data)
}

// jsvmFreeArrayBufferBackingStoreData implements
// OH_JSVM_FreeArrayBufferBackingStoreData.
//
//export jsvmFreeArrayBufferBackingStoreData
func jsvmFreeArrayBufferBackingStoreData(data unsafe.Pointer) (st C.JSVM_Status) {
	defer guard(&st)
	if data == nil {
		return stInvalidArg
	}
	C.jsvm_op_free_backing_store(data)
	return stOK
}

// jsvmCreateArrayBufferFromBackingStoreData implements
// OH_JSVM_CreateArrayBufferFromBackingStoreData: no copy, and the caller
// keeps ownership of data (the library never frees it).
//
//export jsvmCreateArrayBufferFromBackingStoreData
func jsvmCreateArrayBufferFromBackingStoreData(env C.JSVM_Env, data unsafe.Pointer, backingStoreSize, offset, arrayBufferSize C.size_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if data == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_arraybuffer_from_backing_store(env, data, backingStoreSize, offset, arrayBufferSize, result)
}

// jsvmCreateArrayBufferFromExternalMemory implements
// OH_JSVM_CreateArrayBufferFromExternalMemory (experimental): always
// zero-copy. finalizeCb runs once the buffer is collected or detached, from
// the env's finalizer queue, with a NULL env.
//
//export jsvmCreateArrayBufferFromExternalMemory
func jsvmCreateArrayBufferFromExternalMemory(env C.JSVM_Env, externalData unsafe.Pointer, byteLength C.size_t, finalizeCb C.JSVM_FinalizeArrayBuffer, finalizeHint unsafe.Pointer, copied *C.bool, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_arraybuffer_from_external(env, externalData, byteLength, finalizeCb, finalizeHint, copied, result)
}

// jsvmCreateTypedarray implements OH_JSVM_CreateTypedarray. A misaligned
// byteOffset or a view past the end leaves a RangeError pending and returns
// JSVM_GENERIC_FAILURE, as the reference implementation does.
//
//export jsvmCreateTypedarray
func jsvmCreateTypedarray(env C.JSVM_Env, typ C.JSVM_TypedarrayType, length C.size_t, arraybuffer C.JSVM_Value, byteOffset C.size_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if arraybuffer == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_typedarray(env, C.int(typ), length, arraybuffer, byteOffset, result)
}

// jsvmGetTypedarrayInfo implements OH_JSVM_GetTypedarrayInfo (outputs
// optional; *data is already offset by byteOffset).
//
//export jsvmGetTypedarrayInfo
func jsvmGetTypedarrayInfo(env C.JSVM_Env, typedarray C.JSVM_Value, typ *C.JSVM_TypedarrayType, length *C.size_t, data *unsafe.Pointer, arraybuffer *C.JSVM_Value, byteOffset *C.size_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if typedarray == nil {
		return stInvalidArg
	}
	return C.jsvm_op_typedarray_info(env, typedarray, typ, length, data, arraybuffer, byteOffset)
}

// jsvmIsTypedarray implements OH_JSVM_IsTypedarray.
//
//export jsvmIsTypedarray
func jsvmIsTypedarray(env C.JSVM_Env, value C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_TYPEDARRAY, value, result)
}

// jsvmCreateDataview implements OH_JSVM_CreateDataview (a view past the end
// leaves a RangeError pending: JSVM_PENDING_EXCEPTION).
//
//export jsvmCreateDataview
func jsvmCreateDataview(env C.JSVM_Env, length C.size_t, arraybuffer C.JSVM_Value, byteOffset C.size_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if arraybuffer == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_dataview(env, length, arraybuffer, byteOffset, result)
}

// jsvmGetDataviewInfo implements OH_JSVM_GetDataviewInfo (outputs optional).
//
//export jsvmGetDataviewInfo
func jsvmGetDataviewInfo(env C.JSVM_Env, dataview C.JSVM_Value, bytelength *C.size_t, data *unsafe.Pointer, arraybuffer *C.JSVM_Value, byteOffset *C.size_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if dataview == nil {
		return stInvalidArg
	}
	return C.jsvm_op_dataview_info(env, dataview, bytelength, data, arraybuffer, byteOffset)
}

// jsvmIsDataview implements OH_JSVM_IsDataview.
//
//export jsvmIsDataview
func jsvmIsDataview(env C.JSVM_Env, value C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_DATAVIEW, value, result)
}
