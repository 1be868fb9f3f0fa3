package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// pure lists the env-taking functions that are never journaled: they read
// state without changing what the env holds and create no handle, or
// they concern the host side only (locks, scopes of the env itself,
// inspector, caches handed to the caller, memory accounting). Everything
// else that takes an env first is journaled. A pure function must not have
// a handle output (checked below).
var pure = map[string]bool{
	"AcquireLock": true, "AdjustExternalMemory": true, "CheckObjectTypeTag": true,
	"CloseEnvScope": true, "CloseInspector": true, "CreateCodeCache": true,
	"CreateWasmCache": true, "DestroyEnv": true, "GetArrayLength": true,
	"GetCbInfo": true, "GetDateValue": true, "GetInstanceData": true,
	"GetLastErrorInfo": true, "GetNewTarget": true, "GetVM": true, "GetVersion": true,
	"GetValueBigintInt64": true, "GetValueBigintUint64": true, "GetValueBigintWords": true,
	"GetValueBool": true, "GetValueDouble": true, "GetValueExternal": true,
	"GetValueInt32": true, "GetValueInt64": true, "GetValueStringLatin1": true,
	"GetValueStringUtf16": true, "GetValueStringUtf8": true, "GetValueUint32": true,
	"IsArray": true, "IsArraybuffer": true, "IsBigInt": true, "IsBigIntObject": true,
	"IsBoolean": true, "IsBooleanObject": true, "IsCallable": true, "IsConstructor": true,
	"IsDataview": true, "IsDate": true, "IsDetachedArraybuffer": true, "IsError": true,
	"IsExceptionPending": true, "IsFunction": true, "IsLocked": true, "IsMap": true,
	"IsNull": true, "IsNullOrUndefined": true, "IsNumber": true, "IsNumberObject": true,
	"IsObject": true, "IsPromise": true, "IsProxy": true, "IsRegExp": true, "IsSet": true,
	"IsString": true, "IsStringObject": true, "IsSymbol": true, "IsSymbolObject": true,
	"IsTypedarray": true, "IsUndefined": true, "IsWasmModuleObject": true,
	"MemoryPressureNotification": true, "OpenEnvScope": true, "OpenInspector": true,
	"OpenInspectorWithName": true, "ReleaseCache": true, "ReleaseLock": true,
	"SetDebugOption": true, "StrictEquals": true, "Typeof": true, "Unwrap": true,
	"WaitForDebugger": true,
}

// Parameter kinds of journal signatures (one letter per parameter; the
// recorder in cmd/libjsvm/journal.go and the codec in pkg/snapshot read
// them):
//
//	E  the env                      v  JSVM_Value / JSVM_Data in
//	V  JSVM_Value* / JSVM_Data* out A  const JSVM_Value* array in (count: the previous parameter)
//	l  a length or count consumed by its neighbour (never recorded alone)
//	z  NUL-terminated const char* (may be NULL)
//	s  const char* + next size_t length (UTF-8/Latin-1 bytes, JSVM_AUTO_LENGTH allowed)
//	u  const char16_t* + next size_t length
//	b  const uint8_t* + next size_t length (bytes)
//	w  const uint64_t* words (count: the previous parameter)
//	x  caller memory the library would keep (external strings): not replayable
//	i  integer, bool or enum by value  d  double by value
//	o  scalar or opaque out pointer (scratch on replay)
//	D  void** out that hands the caller an ArrayBuffer's bytes
//	p  void* caller pointer: replayable when NULL or in externalReferences
//	f  function pointer: same rule as p
//	c  JSVM_Callback (a JSVM_CallbackStruct*): same rule, see journal.go
//	r/R JSVM_Ref in/out   q/Q JSVM_Script in/out   k/K JSVM_Deferred in/out
//	h/H handle scope (plain or escapable) in/out
//	P  const JSVM_PropertyDescriptor* (count: the previous parameter)
//	T  const JSVM_TypeTag*          O  JSVM_ScriptOrigin*
//	C  JSVM_CompileOptions[] (count: the previous parameter)
//	Y  JSVM_PropertyHandlerCfg      Z  JSVM_DefineClassOptions[] (count: previous)
func kindOf(p param, next *param) (byte, error) {
	t := p.typ
	switch t {
	case "JSVM_Env":
		return 'E', nil
	case "JSVM_Value", "JSVM_Data":
		return 'v', nil
	case "JSVM_Value*", "JSVM_Data*":
		if p.name == "argv" {
			return 0, fmt.Errorf("non-const argv (an output array) is not journaled")
		}
		return 'V', nil
	case "const JSVM_Value*":
		return 'A', nil
	case "const char*":
		if next != nil && next.typ == "size_t" && next.name == "length" {
			return 's', nil
		}
		return 'z', nil
	case "const char16_t*":
		return 'u', nil
	case "char*", "char16_t*":
		if p.name == "str" {
			return 'x', nil
		}
		return 'o', nil
	case "const uint8_t*":
		return 'b', nil
	case "const uint64_t*":
		return 'w', nil
	case "double":
		return 'd', nil
	case "bool", "int", "int32_t", "uint32_t", "int64_t", "uint64_t", "size_t", "uint16_t":
		return 'i', nil
	case "void*":
		return 'p', nil
	case "void**":
		if p.name == "data" {
			return 'D', nil
		}
		return 'o', nil
	case "JSVM_Finalize", "JSVM_FinalizeArrayBuffer":
		return 'f', nil
	case "JSVM_Callback":
		return 'c', nil
	case "JSVM_Ref":
		return 'r', nil
	case "JSVM_Ref*":
		return 'R', nil
	case "JSVM_Script":
		return 'q', nil
	case "JSVM_Script*":
		return 'Q', nil
	case "JSVM_Deferred":
		return 'k', nil
	case "JSVM_Deferred*":
		return 'K', nil
	case "JSVM_HandleScope", "JSVM_EscapableHandleScope":
		return 'h', nil
	case "JSVM_HandleScope*", "JSVM_EscapableHandleScope*":
		return 'H', nil
	case "const JSVM_PropertyDescriptor*":
		return 'P', nil
	case "const JSVM_TypeTag*":
		return 'T', nil
	case "JSVM_ScriptOrigin*":
		return 'O', nil
	case "JSVM_CompileOptions*":
		return 'C', nil
	case "JSVM_PropertyHandlerCfg":
		return 'Y', nil
	case "JSVM_DefineClassOptions*":
		return 'Z', nil
	}
	if strings.HasSuffix(t, "*") {
		switch strings.TrimSuffix(t, "*") {
		case "bool", "size_t", "uint32_t", "int32_t", "int64_t", "uint64_t", "double", "int",
			"JSVM_ValueType", "JSVM_TypedarrayType":
			return 'o', nil
		}
		return 0, fmt.Errorf("parameter %s %s has no journal kind", t, p.name)
	}
	if strings.HasPrefix(t, "JSVM_") && !strings.HasPrefix(t, "JSVM_Handler") && t != "JSVM_CallbackInfo" &&
		t != "JSVM_VM" && t != "JSVM_OutputStream" {
		return 'i', nil // an enum by value
	}
	return 0, fmt.Errorf("parameter %s %s has no journal kind", t, p.name)
}

// Kinds whose length or count sits in the next / previous parameter.
const (
	withNext = "sub"
	withPrev = "AwPCZ"
)

type jfn struct {
	name   string
	params []param
	sig    string
}

// journaled returns the journaled functions, sorted by name (their ids).
func journaled(a *api) ([]jfn, error) {
	var names []string
	for _, n := range a.exports {
		names = append(names, n)
	}
	for n := range a.cImpl {
		names = append(names, n)
	}
	sort.Strings(names)
	var fns []jfn
	for _, name := range names {
		params, ok := a.decls[name]
		if !ok {
			continue
		}
		ps, err := splitParams(params)
		if err != nil {
			return nil, fmt.Errorf("OH_JSVM_%s: %v", name, err)
		}
		if len(ps) == 0 || ps[0].typ != "JSVM_Env" {
			continue
		}
		sig := make([]byte, len(ps))
		for i := range ps {
			var next *param
			if i+1 < len(ps) {
				next = &ps[i+1]
			}
			k, err := kindOf(ps[i], next)
			if err != nil {
				if pure[name] {
					sig = nil
					break
				}
				return nil, fmt.Errorf("OH_JSVM_%s: %v", name, err)
			}
			sig[i] = k
		}
		if sig != nil && !pure[name] {
			// pair lengths and counts with their neighbours
			for i := range sig {
				switch {
				case strings.IndexByte(withNext, sig[i]) >= 0:
					if i+1 >= len(ps) || ps[i+1].typ != "size_t" {
						return nil, fmt.Errorf("OH_JSVM_%s: %s needs a size_t length after it", name, ps[i].name)
					}
					sig[i+1] = 'l'
				case strings.IndexByte(withPrev, sig[i]) >= 0:
					if i == 0 || ps[i-1].typ != "size_t" {
						return nil, fmt.Errorf("OH_JSVM_%s: %s needs a size_t count before it", name, ps[i].name)
					}
					sig[i-1] = 'l'
				case sig[i] == 'x':
					if i+1 < len(ps) && ps[i+1].typ == "size_t" {
						sig[i+1] = 'l'
					}
				}
			}
		}
		if pure[name] {
			if bytes.ContainsAny(sig, "VRQKH") {
				return nil, fmt.Errorf("OH_JSVM_%s is listed as pure but has a handle output", name)
			}
			continue
		}
		fns = append(fns, jfn{name: name, params: ps, sig: string(sig)})
	}
	return fns, nil
}

func isDouble(t string) bool { return t == "double" }

func isPointer(t string) bool {
	if strings.HasSuffix(t, "*") {
		return true
	}
	switch t {
	case "JSVM_Env", "JSVM_Value", "JSVM_Data", "JSVM_Ref", "JSVM_Script", "JSVM_Deferred",
		"JSVM_HandleScope", "JSVM_EscapableHandleScope", "JSVM_Callback", "JSVM_PropertyHandlerCfg",
		"JSVM_Finalize", "JSVM_FinalizeArrayBuffer", "JSVM_CallbackInfo", "JSVM_VM":
		return true
	}
	return false
}

func genJournalH(fns []jfn) []byte {
	var w bytes.Buffer
	w.WriteString(`/* Code generated by tools/genabi from include/ark_runtime/jsvm.h; DO NOT EDIT. */
/*
 * The set-up journal's hooks (see cmd/libjsvm/journal.go). Each journaled
 * OH_JSVM_* starts with JSVM_JOURNALED(Name, args...): when its env records
 * a journal, the call is packed into words and handed to jsvm_journal_call,
 * which records it and performs it through jsvm_fn_dispatch.
 */
#ifndef LIBJSVM_JOURNAL_GEN_H
#define LIBJSVM_JOURNAL_GEN_H

#include "journal.h"

enum {
`)
	for i, f := range fns {
		fmt.Fprintf(&w, "    JSVM_FN_%s = %d,\n", f.name, i)
	}
	fmt.Fprintf(&w, "    JSVM_FN_COUNT = %d\n};\n", len(fns))
	w.WriteString(`
#define JSVM_JOURNALED(name, env, ...)                          \
    do {                                                        \
        if ((env) && __builtin_expect((env)->journal != 0, 0))  \
            return jsvm_jr_##name((env), __VA_ARGS__);          \
    } while (0)

/* The packing functions (journal_gen.c) are out of line and cold, so that
 * the hot path of every journaled function stays a load, a test and a
 * branch: no stack frame for the words, no saved registers. */
`)
	for _, f := range fns {
		fmt.Fprintf(&w, "JSVM_Status jsvm_jr_%s(%s) __attribute__((cold));\n", f.name, cParams(f.params))
	}
	w.WriteString("\n#endif\n")
	return w.Bytes()
}

// cParams writes a parameter list back in C syntax.
func cParams(ps []param) string {
	decl := make([]string, len(ps))
	for i, p := range ps {
		decl[i] = p.typ + " " + p.name
	}
	return strings.Join(decl, ", ")
}

func genJournalC(fns []jfn) []byte {
	var w bytes.Buffer
	w.WriteString(`/* Code generated by tools/genabi from include/ark_runtime/jsvm.h; DO NOT EDIT. */
/*
 * jsvm_jr_<Name> packs a journaled call into words for jsvm_journal_call.
 * jsvm_fn_dispatch performs a journaled call from its packed words: the
 * recorder uses it to make the call it recorded, the replayer to make the
 * calls of a snapshot again. The function's own journal hook is off while
 * it runs (jsvm_journal_call and the replayer see to that).
 */
#include "journal_gen.h"
`)
	for _, f := range fns {
		fmt.Fprintf(&w, "\nJSVM_Status jsvm_jr_%s(%s)\n{\n    jsvm_word w[%d];\n", f.name, cParams(f.params), len(f.params))
		for i, p := range f.params {
			switch {
			case isDouble(p.typ):
				fmt.Fprintf(&w, "    w[%d].d = %s;\n", i, p.name)
			case isPointer(p.typ):
				fmt.Fprintf(&w, "    w[%d].p = (void *)%s;\n", i, p.name)
			default:
				fmt.Fprintf(&w, "    w[%d].u = (uint64_t)%s;\n", i, p.name)
			}
		}
		fmt.Fprintf(&w, "    return jsvm_journal_call(env, JSVM_FN_%s, w);\n}\n", f.name)
	}
	w.WriteString(`
JSVM_Status jsvm_fn_dispatch(int fn, const jsvm_word *w)
{
    switch (fn) {
`)
	for _, f := range fns {
		var args []string
		for i, p := range f.params {
			switch {
			case isDouble(p.typ):
				args = append(args, fmt.Sprintf("w[%d].d", i))
			case isPointer(p.typ):
				args = append(args, fmt.Sprintf("(%s)w[%d].p", p.typ, i))
			default:
				args = append(args, fmt.Sprintf("(%s)w[%d].u", p.typ, i))
			}
		}
		fmt.Fprintf(&w, "    case JSVM_FN_%s:\n        return OH_JSVM_%s(%s);\n", f.name, f.name, strings.Join(args, ", "))
	}
	w.WriteString("    default:\n        return JSVM_GENERIC_FAILURE;\n    }\n}\n")
	return w.Bytes()
}

func genJournalGo(fns []jfn) []byte {
	var w bytes.Buffer
	w.WriteString(`// Code generated by tools/genabi from include/ark_runtime/jsvm.h; DO NOT EDIT.

package main

// journalFns lists the journaled functions by id (JSVM_FN_* in
// journal_gen.h): the name without OH_JSVM_ and the signature, one kind
// letter per parameter (tools/genabi/journal.go explains the letters).
var journalFns = [...]journalFn{
`)
	for _, f := range fns {
		fmt.Fprintf(&w, "\t{%q, %q},\n", f.name, f.sig)
	}
	w.WriteString("}\n")
	return w.Bytes()
}
