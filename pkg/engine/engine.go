package engine

/*
#cgo CFLAGS: -I${SRCDIR}/../../include -D_GNU_SOURCE -DJSVM_EXPERIMENTAL -O2
#include "ops.h"
*/
import "C"

import (
	_ "github.com/buke/quickjs-go" // the compiled QuickJS engine
)

// EngineVersion is the QuickJS version the core was compiled against.
const EngineVersion = C.JSVM_QJS_VERSION_STR

// ChunkSlots is the number of value slots per handle-stack chunk.
const ChunkSlots = C.JSVM_CHUNK_SLOTS
