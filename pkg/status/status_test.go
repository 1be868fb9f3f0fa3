package status

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// TestMatchesHeader parses jsvm_types.h and checks every JSVM_Status member's
// name and value against this package (our version of a static_assert).
func TestMatchesHeader(t *testing.T) {
	src, err := os.ReadFile("../../include/ark_runtime/jsvm_types.h")
	if err != nil {
		t.Fatal(err)
	}
	// The status enum is the one that contains JSVM_OK.
	block := regexp.MustCompile(`(?s)typedef enum \{([^}]*\bJSVM_OK\b[^}]*)\}\s*JSVM_Status;`).FindSubmatch(src)
	if block == nil {
		t.Fatal("JSVM_Status enum not found in jsvm_types.h")
	}
	// Members are "NAME" or "NAME = N"; as in C, an implicit value is the
	// previous one plus one.
	members := regexp.MustCompile(`(JSVM_[A-Z0-9_]+)\s*(?:=\s*(\d+))?\s*,?`).FindAllSubmatch(stripComments(block[1]), -1)
	if len(members) != Count {
		t.Fatalf("header has %d JSVM_Status members, package has %d", len(members), Count)
	}
	next := 0
	for _, m := range members {
		v := next
		if len(m[2]) > 0 {
			v, _ = strconv.Atoi(string(m[2]))
		}
		next = v + 1
		if got := Code(v).String(); got != string(m[1]) {
			t.Errorf("value %d: header says %s, package says %s", v, m[1], got)
		}
	}
}

func stripComments(b []byte) []byte {
	b = regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAll(b, nil)
	return regexp.MustCompile(`//[^\n]*`).ReplaceAll(b, nil)
}

func TestMessages(t *testing.T) {
	cases := []struct {
		code Code
		want string
	}{
		{OK, ""},
		{InvalidArg, "Invalid argument"},
		{PendingException, "An exception is pending"},
		{EscapeCalledTwice, "OH_JSVM_EscapeHandle already called on scope"},
		{JITModeExpected, "Cannot run in Jitless Mode"},
		{Code(99), ""},
	}
	for _, c := range cases {
		if got := c.code.Message(); got != c.want {
			t.Errorf("%v.Message() = %q, want %q", c.code, got, c.want)
		}
	}
	for i := 1; i < Count; i++ {
		if Code(i).Message() == "" {
			t.Errorf("code %d has no message", i)
		}
	}
}

func TestFromError(t *testing.T) {
	if FromError(nil) != OK {
		t.Error("nil should be OK")
	}
	if FromError(NumberExpected) != NumberExpected {
		t.Error("a Code maps to itself")
	}
	if FromError(fmt.Errorf("wrapped: %w", DateExpected)) != DateExpected {
		t.Error("a wrapped Code maps to itself")
	}
	if FromError(errors.New("boom")) != GenericFailure {
		t.Error("other errors map to GenericFailure")
	}
	if Code(-3).String() != "JSVM_STATUS(-3)" {
		t.Errorf("unknown code string: %s", Code(-3).String())
	}
}
