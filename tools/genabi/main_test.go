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

// TestGeneratedIsCurrent regenerates abi.c in memory from the repository's
// header and exports and compares it with the committed file.
func TestGeneratedIsCurrent(t *testing.T) {
	t.Chdir("../..")
	src, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	old, err := readFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(old) != string(src) {
		t.Fatalf("%s is out of date: run make abi", out)
	}
}
