package main

/*
#include "ops.h"
#include "native.h"
*/
import "C"

import "unsafe"

// jsvmWrap implements OH_JSVM_Wrap. Any object can be wrapped (plain,
// frozen, functions, proxies, class instances); the wrap is invisible to JS.
// The optional result is a weak reference the caller must delete.
//
//export jsvmWrap
func jsvmWrap(env C.JSVM_Env, jsObject C.JSVM_Value, nativeObject unsafe.Pointer, finalizeCb C.JSVM_Finalize, finalizeHint unsafe.Pointer, result *C.JSVM_Ref) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if jsObject == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_wrap(env, jsObject, nativeObject, finalizeCb, finalizeHint, result)
}

// jsvmRemoveWrap implements OH_JSVM_RemoveWrap: the wrap's finalizer will
// not run.
//
//export jsvmRemoveWrap
func jsvmRemoveWrap(env C.JSVM_Env, jsObject C.JSVM_Value, result *unsafe.Pointer) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if jsObject == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_unwrap(env, jsObject, result, 1)
}

// jsvmAddFinalizer implements OH_JSVM_AddFinalizer (any number per object).
//
//export jsvmAddFinalizer
func jsvmAddFinalizer(env C.JSVM_Env, jsObject C.JSVM_Value, finalizeData unsafe.Pointer, finalizeCb C.JSVM_Finalize, finalizeHint unsafe.Pointer, result *C.JSVM_Ref) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if jsObject == nil || finalizeCb == nil {
		return stInvalidArg
	}
	return C.jsvm_op_add_finalizer(env, jsObject, finalizeData, finalizeCb, finalizeHint, result)
}

// jsvmTypeTagObject implements OH_JSVM_TypeTagObject (once per object).
//
//export jsvmTypeTagObject
func jsvmTypeTagObject(env C.JSVM_Env, value C.JSVM_Value, typeTag *C.JSVM_TypeTag) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || typeTag == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_type_tag(env, value, typeTag, nil)
}

// jsvmCheckObjectTypeTag implements OH_JSVM_CheckObjectTypeTag: tags are
// compared by value.
//
//export jsvmCheckObjectTypeTag
func jsvmCheckObjectTypeTag(env C.JSVM_Env, value C.JSVM_Value, typeTag *C.JSVM_TypeTag, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || typeTag == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_type_tag(env, value, typeTag, result)
}

// jsvmCreateExternal implements OH_JSVM_CreateExternal: an object with a
// null prototype whose Typeof is JSVM_EXTERNAL.
//
//export jsvmCreateExternal
func jsvmCreateExternal(env C.JSVM_Env, data unsafe.Pointer, finalizeCb C.JSVM_Finalize, finalizeHint unsafe.Pointer, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_external(env, data, finalizeCb, finalizeHint, result)
}

// jsvmCreateReference implements OH_JSVM_CreateReference: any value; a
// count of 0 on an object is weak, primitives always stay retrievable.
//
//export jsvmCreateReference
func jsvmCreateReference(env C.JSVM_Env, value C.JSVM_Value, initialRefcount C.uint32_t, result *C.JSVM_Ref) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_create_ref(env, *(*C.JSValue)(unsafe.Pointer(value)), initialRefcount, 0, result)
}

// jsvmCreateDataReference implements OH_JSVM_CreateDataReference: data
// references are strong only (count > 0).
//
//export jsvmCreateDataReference
func jsvmCreateDataReference(env C.JSVM_Env, data C.JSVM_Data, initialRefcount C.uint32_t, result *C.JSVM_Ref) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if data == nil || result == nil || initialRefcount == 0 {
		return stInvalidArg
	}
	return C.jsvm_op_create_ref(env, *(*C.JSValue)(unsafe.Pointer(data)), initialRefcount, 1, result)
}

// jsvmDeleteReference implements OH_JSVM_DeleteReference. A deleted or
// unknown reference gives JSVM_INVALID_ARG.
//
//export jsvmDeleteReference
func jsvmDeleteReference(env C.JSVM_Env, ref C.JSVM_Ref) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if ref == nil {
		return stInvalidArg
	}
	return C.jsvm_op_delete_ref(env, ref)
}

// jsvmReferenceRef implements OH_JSVM_ReferenceRef.
//
//export jsvmReferenceRef
func jsvmReferenceRef(env C.JSVM_Env, ref C.JSVM_Ref, result *C.uint32_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if ref == nil {
		return stInvalidArg
	}
	return C.jsvm_op_ref_adjust(env, ref, 1, result)
}

// jsvmReferenceUnref implements OH_JSVM_ReferenceUnref: below zero is
// JSVM_GENERIC_FAILURE.
//
//export jsvmReferenceUnref
func jsvmReferenceUnref(env C.JSVM_Env, ref C.JSVM_Ref, result *C.uint32_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if ref == nil {
		return stInvalidArg
	}
	return C.jsvm_op_ref_adjust(env, ref, -1, result)
}

// jsvmCreatePrivate implements OH_JSVM_CreatePrivate: a private key whose
// values are JS private fields (invisible to every reflection API).
//
//export jsvmCreatePrivate
func jsvmCreatePrivate(env C.JSVM_Env, description C.JSVM_Value, result *C.JSVM_Data) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_create_private(env, description, result)
}

func private(env C.JSVM_Env, op C.int, object C.JSVM_Value, key C.JSVM_Data, value C.JSVM_Value, result *C.JSVM_Value) C.JSVM_Status {
	return C.jsvm_op_private(env, op, object, key, value, result)
}

// jsvmSetPrivate implements OH_JSVM_SetPrivate.
//
//export jsvmSetPrivate
func jsvmSetPrivate(env C.JSVM_Env, object C.JSVM_Value, key C.JSVM_Data, value C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || key == nil || value == nil {
		return badArgsJS(env)
	}
	return private(env, C.JSVM_PRIV_SET, object, key, value, nil)
}

// jsvmGetPrivate implements OH_JSVM_GetPrivate (undefined when absent).
//
//export jsvmGetPrivate
func jsvmGetPrivate(env C.JSVM_Env, object C.JSVM_Value, key C.JSVM_Data, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || key == nil || result == nil {
		return badArgsJS(env)
	}
	return private(env, C.JSVM_PRIV_GET, object, key, nil, result)
}

// jsvmDeletePrivate implements OH_JSVM_DeletePrivate.
//
//export jsvmDeletePrivate
func jsvmDeletePrivate(env C.JSVM_Env, object C.JSVM_Value, key C.JSVM_Data) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || key == nil {
		return badArgsJS(env)
	}
	return private(env, C.JSVM_PRIV_DELETE, object, key, nil, nil)
}
