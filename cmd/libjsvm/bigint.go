package main

/*
#include "values.h"
*/
import "C"

// jsvmCreateBigintInt64 implements OH_JSVM_CreateBigintInt64.
//
//export jsvmCreateBigintInt64
func jsvmCreateBigintInt64(env C.JSVM_Env, value C.int64_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_bigint_int64(env, value, result)
}

// jsvmCreateBigintUint64 implements OH_JSVM_CreateBigintUint64.
//
//export jsvmCreateBigintUint64
func jsvmCreateBigintUint64(env C.JSVM_Env, value C.uint64_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_bigint_uint64(env, value, result)
}

// jsvmCreateBigintWords implements OH_JSVM_CreateBigintWords. words is
// required even for wordCount 0, as in the reference implementation; a value
// larger than QuickJS's BigInt limit (2^20 bits) leaves a RangeError pending.
//
//export jsvmCreateBigintWords
func jsvmCreateBigintWords(env C.JSVM_Env, signBit C.int, wordCount C.size_t, words *C.uint64_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if words == nil || result == nil || wordCount > 0x7fffffff {
		return badArgsJS(env)
	}
	return C.jsvm_op_bigint_words(env, signBit, wordCount, words, result)
}

// jsvmGetValueBigintInt64 implements OH_JSVM_GetValueBigintInt64: the value
// modulo 2^64 as two's complement; *lossless tells whether it fitted.
//
//export jsvmGetValueBigintInt64
func jsvmGetValueBigintInt64(env C.JSVM_Env, value C.JSVM_Value, result *C.int64_t, lossless *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || result == nil || lossless == nil {
		return stInvalidArg
	}
	return C.jsvm_op_get_bigint_int64(env, value, result, lossless)
}

// jsvmGetValueBigintUint64 implements OH_JSVM_GetValueBigintUint64 (modulo
// 2^64; *lossless is false for negative or too large values).
//
//export jsvmGetValueBigintUint64
func jsvmGetValueBigintUint64(env C.JSVM_Env, value C.JSVM_Value, result *C.uint64_t, lossless *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || result == nil || lossless == nil {
		return stInvalidArg
	}
	return C.jsvm_op_get_bigint_uint64(env, value, result, lossless)
}

// jsvmGetValueBigintWords implements OH_JSVM_GetValueBigintWords. With signBit
// and words both NULL it reports the number of words needed; otherwise both
// are required, the lowest *wordCount words are written and *wordCount
// becomes the number needed (V8's ToWordsArray).
//
//export jsvmGetValueBigintWords
func jsvmGetValueBigintWords(env C.JSVM_Env, value C.JSVM_Value, signBit *C.int, wordCount *C.size_t, words *C.uint64_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || wordCount == nil || (signBit == nil) != (words == nil) {
		return stInvalidArg
	}
	return C.jsvm_op_get_bigint_words(env, value, signBit, wordCount, words)
}
