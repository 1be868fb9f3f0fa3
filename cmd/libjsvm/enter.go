package main

/*
#include "ops.h"
*/
import "C"

import (
	"fmt"
	"os"

	"github.com/libjsvm/libjsvm/pkg/status"
)

// code converts a status to the C type an export returns.
func code(c status.Code) C.JSVM_Status { return C.JSVM_Status(c) }

var (
	stOK         = code(status.OK)
	stInvalidArg = code(status.InvalidArg)
)

// exit is deferred by every env-taking export once the env is known to be
// non-NULL: it records *st as the env's last error (the one place Go does so;
// the C core's jsvm_set_status is the other) and turns a panic into
// JSVM_GENERIC_FAILURE so that none crosses into C.
func exit(env C.JSVM_Env, st *C.JSVM_Status) {
	if r := recover(); r != nil {
		*st = code(status.GenericFailure)
		debugf("panic: %v", r)
	}
	// The record is C memory: write it directly (a cgo call would cost more
	// than most exports' work). Same fields as jsvm_set_status in core.h.
	env.last_error.errorCode = *st
	env.last_error.errorMessage = C.jsvm_status_messages[*st]
}

// guard is exit for exports without an env (VM-level and global functions):
// there is no last-error record to update.
func guard(st *C.JSVM_Status) {
	if r := recover(); r != nil {
		*st = code(status.GenericFailure)
		debugf("panic: %v", r)
	}
}

// badArgsJS is the status of a JS-running export whose arguments are
// invalid: JSVM_PENDING_EXCEPTION if an exception is pending (the protocol's
// check comes first, as in the reference implementation), else
// JSVM_INVALID_ARG. The engine operations check for a pending exception on
// entry themselves, so the valid-argument path pays no extra cgo call.
func badArgsJS(env C.JSVM_Env) C.JSVM_Status {
	if C.jsvm_op_has_exception(env) != 0 {
		return code(status.PendingException)
	}
	return stInvalidArg
}

// debug output is opt-in (LIBJSVM_DEBUG=1): a library must not write to the
// host's stdout/stderr on its own.
var debugOn = os.Getenv("LIBJSVM_DEBUG") != ""

func debugf(format string, args ...any) {
	if debugOn {
		fmt.Fprintf(os.Stderr, "libjsvm: "+format+"\n", args...)
	}
}

// autoLength is JSVM_AUTO_LENGTH (SIZE_MAX).
const autoLength = ^C.size_t(0)

// lengthOK applies the string-length rules of the spec: NULL only with length
// 0 (or AUTO), and explicit lengths up to INT_MAX.
func lengthOK(str bool, n C.size_t) bool {
	if !str {
		return n == 0
	}
	return n == autoLength || n <= 0x7fffffff
}
