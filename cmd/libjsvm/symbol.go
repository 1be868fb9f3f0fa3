package main

/*
#include "values.h"
*/
import "C"

// jsvmCreateSymbol implements OH_JSVM_CreateSymbol (description optional; a
// non-string one is JSVM_STRING_EXPECTED).
//
//export jsvmCreateSymbol
func jsvmCreateSymbol(env C.JSVM_Env, description C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_create_symbol(env, description, result)
}

// jsvmSymbolFor implements OH_JSVM_SymbolFor (Symbol.for of a UTF-8 key).
//
//export jsvmSymbolFor
func jsvmSymbolFor(env C.JSVM_Env, utf8description *C.char, length C.size_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil || !lengthOK(utf8description != nil, length) {
		return stInvalidArg
	}
	return C.jsvm_op_symbol_for(env, utf8description, length, result)
}

// wellKnown returns the engine's own well-known symbol which (JSVM_WK_*).
func wellKnown(env C.JSVM_Env, which C.int, result *C.JSVM_Value) C.JSVM_Status {
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_wellknown_symbol(env, which, result)
}

// jsvmGetSymbolAsyncIterator implements OH_JSVM_GetSymbolAsyncIterator.
//
//export jsvmGetSymbolAsyncIterator
func jsvmGetSymbolAsyncIterator(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_ASYNC_ITERATOR, result)
}

// jsvmGetSymbolHasInstance implements OH_JSVM_GetSymbolHasInstance.
//
//export jsvmGetSymbolHasInstance
func jsvmGetSymbolHasInstance(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_HAS_INSTANCE, result)
}

// jsvmGetSymbolIsConcatSpreadable implements OH_JSVM_GetSymbolIsConcatSpreadable.
//
//export jsvmGetSymbolIsConcatSpreadable
func jsvmGetSymbolIsConcatSpreadable(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_IS_CONCAT_SPREADABLE, result)
}

// jsvmGetSymbolMatch implements OH_JSVM_GetSymbolMatch.
//
//export jsvmGetSymbolMatch
func jsvmGetSymbolMatch(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_MATCH, result)
}

// jsvmGetSymbolReplace implements OH_JSVM_GetSymbolReplace.
//
//export jsvmGetSymbolReplace
func jsvmGetSymbolReplace(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_REPLACE, result)
}

// jsvmGetSymbolSearch implements OH_JSVM_GetSymbolSearch.
//
//export jsvmGetSymbolSearch
func jsvmGetSymbolSearch(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_SEARCH, result)
}

// jsvmGetSymbolSplit implements OH_JSVM_GetSymbolSplit.
//
//export jsvmGetSymbolSplit
func jsvmGetSymbolSplit(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_SPLIT, result)
}

// jsvmGetSymbolToPrimitive implements OH_JSVM_GetSymbolToPrimitive.
//
//export jsvmGetSymbolToPrimitive
func jsvmGetSymbolToPrimitive(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_TO_PRIMITIVE, result)
}

// jsvmGetSymbolUnscopables implements OH_JSVM_GetSymbolUnscopables.
//
//export jsvmGetSymbolUnscopables
func jsvmGetSymbolUnscopables(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_UNSCOPABLES, result)
}

// jsvmGetSymbolToStringTag implements OH_JSVM_GetSymbolToStringTag.
//
//export jsvmGetSymbolToStringTag
func jsvmGetSymbolToStringTag(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_TO_STRING_TAG, result)
}

// jsvmGetSymbolIterator implements OH_JSVM_GetSymbolIterator.
//
//export jsvmGetSymbolIterator
func jsvmGetSymbolIterator(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return wellKnown(env, C.JSVM_WK_ITERATOR, result)
}
