// Package status defines the JSVM_Status codes, their fixed English messages
// and the mapping from Go errors to codes.
//
// The numeric values mirror jsvm_types.h exactly (keep in sync; status_test.go
// parses the header and fails on any difference). Messages are the texts that
// OH_JSVM_GetLastErrorInfo reports; the C core receives a copy of them at
// OH_JSVM_Init, so they are defined only here.
package status

import "errors"

// Code is a JSVM_Status value. It implements error so that engine helpers can
// return a specific status directly.
type Code int32

// The codes, in jsvm_types.h order.
const (
	OK Code = iota
	InvalidArg
	ObjectExpected
	StringExpected
	NameExpected
	FunctionExpected
	NumberExpected
	BooleanExpected
	ArrayExpected
	GenericFailure
	PendingException
	Cancelled
	EscapeCalledTwice
	HandleScopeMismatch
	CallbackScopeMismatch
	QueueFull
	Closing
	BigintExpected
	DateExpected
	ArraybufferExpected
	DetachableArraybufferExpected
	WouldDeadlock
	NoExternalBuffersAllowed
	CannotRunJS
	InvalidType
	JITModeExpected

	// Count is the number of codes; the C core sizes its message table by it.
	Count = int(iota)
)

var names = [...]string{
	"JSVM_OK", "JSVM_INVALID_ARG", "JSVM_OBJECT_EXPECTED", "JSVM_STRING_EXPECTED",
	"JSVM_NAME_EXPECTED", "JSVM_FUNCTION_EXPECTED", "JSVM_NUMBER_EXPECTED",
	"JSVM_BOOLEAN_EXPECTED", "JSVM_ARRAY_EXPECTED", "JSVM_GENERIC_FAILURE",
	"JSVM_PENDING_EXCEPTION", "JSVM_CANCELLED", "JSVM_ESCAPE_CALLED_TWICE",
	"JSVM_HANDLE_SCOPE_MISMATCH", "JSVM_CALLBACK_SCOPE_MISMATCH", "JSVM_QUEUE_FULL",
	"JSVM_CLOSING", "JSVM_BIGINT_EXPECTED", "JSVM_DATE_EXPECTED",
	"JSVM_ARRAYBUFFER_EXPECTED", "JSVM_DETACHABLE_ARRAYBUFFER_EXPECTED",
	"JSVM_WOULD_DEADLOCK", "JSVM_NO_EXTERNAL_BUFFERS_ALLOWED", "JSVM_CANNOT_RUN_JS",
	"JSVM_INVALID_TYPE", "JSVM_JIT_MODE_EXPECTED",
}

// The texts that the reference implementation reports, so that code and tests
// that compare messages behave the same. Index 0 (JSVM_OK) has no message.
var messages = [...]string{
	"",
	"Invalid argument",
	"An object was expected",
	"A string was expected",
	"A string or symbol was expected",
	"A function was expected",
	"A number was expected",
	"A boolean was expected",
	"An array was expected",
	"Unknown failure",
	"An exception is pending",
	"The async work item was cancelled",
	"OH_JSVM_EscapeHandle already called on scope",
	"Invalid handle scope usage",
	"Invalid callback scope usage",
	"Thread-safe function queue is full",
	"Thread-safe function handle is closing",
	"A bigint was expected",
	"A date was expected",
	"An arraybuffer was expected",
	"A detachable arraybuffer was expected",
	"Main thread would deadlock",
	"External buffers are not allowed",
	"Cannot run JavaScript",
	"Invalid type",
	"Cannot run in Jitless Mode",
}

// String returns the C enumerator name, e.g. "JSVM_NUMBER_EXPECTED".
func (c Code) String() string {
	if c < 0 || int(c) >= Count {
		return "JSVM_STATUS(" + itoa(int(c)) + ")"
	}
	return names[c]
}

// Message returns the fixed English message of c ("" for OK or unknown codes).
func (c Code) Message() string {
	if c < 0 || int(c) >= Count {
		return ""
	}
	return messages[c]
}

func (c Code) Error() string { return c.String() + ": " + c.Message() }

// FromError maps an error to a status: nil is OK, a Code is itself (also when
// wrapped), anything else is GenericFailure. It is the only such mapping.
func FromError(err error) Code {
	if err == nil {
		return OK
	}
	var c Code
	if errors.As(err, &c) {
		return c
	}
	return GenericFailure
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
