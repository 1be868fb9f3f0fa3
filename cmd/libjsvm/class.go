package main

/*
#include "ops.h"
#include "native.h"
*/
import "C"

// classArgs checks what every DefineClass* needs: a name (length rules of
// strings), a constructor with a callback, a result, and descriptors when a
// count is given. JS-running kind: a pending exception wins.
func classArgs(name *C.char, length C.size_t, ctor C.JSVM_Callback, n C.size_t, props *C.JSVM_PropertyDescriptor, result *C.JSVM_Value) bool {
	return name != nil && lengthOK(true, length) && ctor != nil && ctor.callback != nil &&
		result != nil && (n == 0 || props != nil)
}

// jsvmDefineClass implements OH_JSVM_DefineClass: JSVM_STATIC descriptors on
// the constructor, the others on the prototype (methods receiver-checked
// unless JSVM_NO_RECEIVER_CHECK). The class is not bound anywhere.
//
//export jsvmDefineClass
func jsvmDefineClass(env C.JSVM_Env, utf8name *C.char, length C.size_t, constructor C.JSVM_Callback, propertyCount C.size_t, properties *C.JSVM_PropertyDescriptor, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if !classArgs(utf8name, length, constructor, propertyCount, properties, result) {
		return badArgsJS(env)
	}
	return C.jsvm_op_define_class(env, utf8name, length, constructor, propertyCount, properties, nil, nil, nil, result)
}

// jsvmDefineClassWithPropertyHandler implements
// OH_JSVM_DefineClassWithPropertyHandler: instances see every property
// access through the interceptors of propertyHandlerCfg, and are callable
// when callAsFunctionCallback is given. Both structs are kept, not copied.
//
//export jsvmDefineClassWithPropertyHandler
func jsvmDefineClassWithPropertyHandler(env C.JSVM_Env, utf8name *C.char, length C.size_t, constructor C.JSVM_Callback, propertyCount C.size_t, properties *C.JSVM_PropertyDescriptor, propertyHandlerCfg C.JSVM_PropertyHandlerCfg, callAsFunctionCallback C.JSVM_Callback, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if !classArgs(utf8name, length, constructor, propertyCount, properties, result) || propertyHandlerCfg == nil ||
		(callAsFunctionCallback != nil && callAsFunctionCallback.callback == nil) {
		return badArgsJS(env)
	}
	return C.jsvm_op_define_class(env, utf8name, length, constructor, propertyCount, properties, nil, propertyHandlerCfg, callAsFunctionCallback, result)
}

// jsvmDefineClassWithOptions implements OH_JSVM_DefineClassWithOptions:
// an optional parent class made by this API, and options (normal, internal
// field count, property handler). Unknown option ids are JSVM_INVALID_ARG.
//
//export jsvmDefineClassWithOptions
func jsvmDefineClassWithOptions(env C.JSVM_Env, utf8name *C.char, length C.size_t, constructor C.JSVM_Callback, propertyCount C.size_t, properties *C.JSVM_PropertyDescriptor, parentClass C.JSVM_Value, option_count C.size_t, options *C.JSVM_DefineClassOptions, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if !classArgs(utf8name, length, constructor, propertyCount, properties, result) || (option_count > 0 && options == nil) {
		return badArgsJS(env)
	}
	return C.jsvm_op_define_class_options(env, utf8name, length, constructor, propertyCount, properties, parentClass, option_count, options, result)
}
