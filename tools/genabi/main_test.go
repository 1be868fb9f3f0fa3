package main

import (
	"reflect"
	"testing"
)

func TestForwardArgs(t *testing.T) {
	cases := []struct {
		params string
		want   []string
	}{
		{"JSVM_VM vm", []string{"vm"}},
		{"void", nil},
		{"JSVM_Env env, const char* str, size_t length, JSVM_Value* result",
			[]string{"env", "(char*)str", "length", "result"}},
		{"JSVM_Env env, const JSVM_ExtendedErrorInfo** result",
			[]string{"env", "(JSVM_ExtendedErrorInfo**)result"}},
		{"JSVM_Env env, size_t optionCount, JSVM_CompileOptions options[], JSVM_Script* result",
			[]string{"env", "optionCount", "options", "result"}},
		{"JSVM_Env env, const uint8_t** data", []string{"env", "(uint8_t**)data"}},
	}
	for _, c := range cases {
		got, err := forwardArgs(c.params)
		if err != nil {
			t.Errorf("forwardArgs(%q): %v", c.params, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("forwardArgs(%q) = %q, want %q", c.params, got, c.want)
		}
	}
	if _, err := forwardArgs("JSVM_Env"); err == nil {
		t.Error("a parameter without a name should be an error")
	}
}

// TestGeneratedIsCurrent regenerates abi.c and the journal tables in memory
// from the repository's header and sources and compares them with the
// committed files.
func TestGeneratedIsCurrent(t *testing.T) {
	t.Chdir("../..")
	files, err := generateAll()
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		old, err := readFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(old) != string(src) {
			t.Errorf("%s is out of date: run make abi", name)
		}
	}
}

func TestKinds(t *testing.T) {
	cases := []struct {
		params string
		want   string
	}{
		{"JSVM_Env env, const char* str, size_t length, JSVM_Value* result", "EslV"},
		{"JSVM_Env env, JSVM_Value recv, JSVM_Value func, size_t argc, const JSVM_Value* argv, JSVM_Value* result", "EvvlAV"},
		{"JSVM_Env env, JSVM_Value object, const char* utf8name, JSVM_Value value", "Evzv"},
		{"JSVM_Env env, int signBit, size_t wordCount, const uint64_t* words, JSVM_Value* result", "EilwV"},
		{"JSVM_Env env, double value, JSVM_Value* result", "EdV"},
		{"JSVM_Env env, size_t byteLength, void** data, JSVM_Value* result", "EiDV"},
		{"JSVM_Env env, JSVM_Value jsObject, void* nativeObject, JSVM_Finalize finalizeCb, void* finalizeHint, JSVM_Ref* result", "EvpfpR"},
		{"JSVM_Env env, JSVM_Value script, size_t optionCount, JSVM_CompileOptions options[], JSVM_Script* result", "EvlCQ"},
		{"JSVM_Env env, JSVM_TypedarrayType type, size_t length, JSVM_Value arraybuffer, size_t byteOffset, JSVM_Value* result", "EiiviV"},
		{"JSVM_Env env, JSVM_EscapableHandleScope scope, JSVM_Value escapee, JSVM_Value* result", "EhvV"},
		{"JSVM_Env env, JSVM_Value value, const JSVM_TypeTag* typeTag", "EvT"},
		{"JSVM_Env env, char16_t* str, size_t length, JSVM_Finalize finalizeCallback, void* finalizeHint, JSVM_Value* result, bool* copied", "ExlfpVo"},
	}
	for _, c := range cases {
		a := &api{decls: map[string]string{"F": c.params}, exports: []string{"F"}, cImpl: map[string]string{}}
		fns, err := journaled(a)
		if err != nil || len(fns) != 1 {
			t.Errorf("%q: %v", c.params, err)
			continue
		}
		if fns[0].sig != c.want {
			t.Errorf("%q: signature %q, want %q", c.params, fns[0].sig, c.want)
		}
	}
	// a length with nothing to pair with, an unknown type
	for _, bad := range []string{
		"JSVM_Env env, const JSVM_Value* argv",
		"JSVM_Env env, struct Foo* foo",
	} {
		a := &api{decls: map[string]string{"F": bad}, exports: []string{"F"}, cImpl: map[string]string{}}
		if _, err := journaled(a); err == nil {
			t.Errorf("%q should be refused", bad)
		}
	}
}

// A function listed as pure must not produce handles: the journal would
// lose track of them.
func TestPureHasNoHandleOutputs(t *testing.T) {
	a := &api{decls: map[string]string{"GetVM": "JSVM_Env env, JSVM_Value* result"}, exports: []string{"GetVM"},
		cImpl: map[string]string{}}
	if _, err := journaled(a); err == nil {
		t.Error("a pure function with a JSVM_Value* output was accepted")
	}
}
