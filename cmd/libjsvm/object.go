package main

/*
#include "object.h"
*/
import "C"

// The property functions embedders call in loops (Get/Set/HasNamedProperty,
// Get/SetProperty, Get/SetElement) are C, in fast_object.c. These are the
// rest of spec §3.12; each makes one call into pkg/engine/object.c.

// jsvmDefineProperties implements OH_JSVM_DefineProperties: own properties
// from descriptors (key from utf8name or name; accessor, method or value;
// WRITABLE/ENUMERABLE/CONFIGURABLE honoured, JSVM_STATIC ignored). The
// JSVM_CallbackStruct pointers are kept, not copied.
//
//export jsvmDefineProperties
func jsvmDefineProperties(env C.JSVM_Env, object C.JSVM_Value, propertyCount C.size_t, properties *C.JSVM_PropertyDescriptor) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || (propertyCount > 0 && properties == nil) {
		return badArgsJS(env)
	}
	return C.jsvm_op_define_properties(env, object, propertyCount, properties)
}

// jsvmGetPropertyNames implements OH_JSVM_GetPropertyNames: the enumerable
// string keys of object and its prototypes, as for...in sees them.
//
//export jsvmGetPropertyNames
func jsvmGetPropertyNames(env C.JSVM_Env, object C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_property_names(env, object, C.JSVM_KEY_INCLUDE_PROTOTYPES,
		C.JSVM_KEY_ENUMERABLE|C.JSVM_KEY_SKIP_SYMBOLS, C.JSVM_KEY_NUMBERS_TO_STRINGS, result)
}

// jsvmGetAllPropertyNames implements OH_JSVM_GetAllPropertyNames.
//
//export jsvmGetAllPropertyNames
func jsvmGetAllPropertyNames(env C.JSVM_Env, object C.JSVM_Value, keyMode C.JSVM_KeyCollectionMode, keyFilter C.JSVM_KeyFilter, keyConversion C.JSVM_KeyConversion, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || result == nil ||
		(keyMode != C.JSVM_KEY_INCLUDE_PROTOTYPES && keyMode != C.JSVM_KEY_OWN_ONLY) ||
		(keyConversion != C.JSVM_KEY_KEEP_NUMBERS && keyConversion != C.JSVM_KEY_NUMBERS_TO_STRINGS) {
		return badArgsJS(env)
	}
	return C.jsvm_op_property_names(env, object, C.int(keyMode), C.int(keyFilter), C.int(keyConversion), result)
}

// jsvmHasProperty implements OH_JSVM_HasProperty: key in object.
//
//export jsvmHasProperty
func jsvmHasProperty(env C.JSVM_Env, object C.JSVM_Value, key C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || key == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_has(env, object, C.JSVM_KEY_VALUE, key, 0, result)
}

// jsvmDeleteProperty implements OH_JSVM_DeleteProperty; result (optional)
// is false when the property is non-configurable.
//
//export jsvmDeleteProperty
func jsvmDeleteProperty(env C.JSVM_Env, object C.JSVM_Value, key C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || key == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_delete(env, object, C.JSVM_KEY_VALUE, key, 0, result)
}

// jsvmHasOwnProperty implements OH_JSVM_HasOwnProperty; key must be a string
// or a symbol (JSVM_NAME_EXPECTED otherwise).
//
//export jsvmHasOwnProperty
func jsvmHasOwnProperty(env C.JSVM_Env, object C.JSVM_Value, key C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || key == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_has_own(env, object, key, result)
}

// jsvmHasElement implements OH_JSVM_HasElement: index in object.
//
//export jsvmHasElement
func jsvmHasElement(env C.JSVM_Env, object C.JSVM_Value, index C.uint32_t, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_has(env, object, C.JSVM_KEY_INDEX, nil, index, result)
}

// jsvmDeleteElement implements OH_JSVM_DeleteElement; result is optional.
//
//export jsvmDeleteElement
func jsvmDeleteElement(env C.JSVM_Env, object C.JSVM_Value, index C.uint32_t, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_delete(env, object, C.JSVM_KEY_INDEX, nil, index, result)
}

// jsvmGetArrayLength implements OH_JSVM_GetArrayLength: Array instances only
// (JSVM_ARRAY_EXPECTED, *result = 0, for anything else).
//
//export jsvmGetArrayLength
func jsvmGetArrayLength(env C.JSVM_Env, value C.JSVM_Value, result *C.uint32_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_array_length(env, value, result)
}

// jsvmGetPrototype implements OH_JSVM_GetPrototype.
//
//export jsvmGetPrototype
func jsvmGetPrototype(env C.JSVM_Env, object C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_get_prototype(env, object, result)
}

// jsvmObjectGetPrototypeOf implements OH_JSVM_ObjectGetPrototypeOf (the same
// operation as OH_JSVM_GetPrototype).
//
//export jsvmObjectGetPrototypeOf
func jsvmObjectGetPrototypeOf(env C.JSVM_Env, object C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_get_prototype(env, object, result)
}

// jsvmObjectSetPrototypeOf implements OH_JSVM_ObjectSetPrototypeOf: the
// prototype must be an object (JS null included in the refusal, as in the
// reference implementation); a refusal is JSVM_GENERIC_FAILURE.
//
//export jsvmObjectSetPrototypeOf
func jsvmObjectSetPrototypeOf(env C.JSVM_Env, object C.JSVM_Value, prototype C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || prototype == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_set_prototype(env, object, prototype)
}

// jsvmObjectFreeze implements OH_JSVM_ObjectFreeze.
//
//export jsvmObjectFreeze
func jsvmObjectFreeze(env C.JSVM_Env, object C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_integrity(env, object, 1)
}

// jsvmObjectSeal implements OH_JSVM_ObjectSeal.
//
//export jsvmObjectSeal
func jsvmObjectSeal(env C.JSVM_Env, object C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_integrity(env, object, 0)
}

// jsvmJsonParse implements OH_JSVM_JsonParse: a SyntaxError stays pending.
//
//export jsvmJsonParse
func jsvmJsonParse(env C.JSVM_Env, jsonString C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if jsonString == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_json_parse(env, jsonString, result)
}

// jsvmJsonStringify implements OH_JSVM_JsonStringify: always a string
// ("undefined" for values JSON cannot represent, as V8's JSON::Stringify).
//
//export jsvmJsonStringify
func jsvmJsonStringify(env C.JSVM_Env, jsonObject C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if jsonObject == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_json_stringify(env, jsonObject, result)
}
