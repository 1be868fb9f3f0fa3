// Package engine is the C core of libjsvm over QuickJS (quickjs-ng 0.15.1 as
// compiled by github.com/buke/quickjs-go, which this package links in).
//
// The core (core.h, core.c, ops.h, ops.c) owns the engine-facing state:
// the per-env handle stack and handle scopes, the native-callback
// trampoline, JS entry/exit bookkeeping (stack limits, microtasks), the
// finalizer queue, and the engine operation behind each Go export of
// cmd/libjsvm. The ownership rules are written at the top of core.h. The value
// types beyond the primitives (BigInt, Symbol, Date, collections, buffers and
// views, promises) are in values.c, buffer.c and promise.c, with their per-env
// state in values.h. Code caches (format, CRC32C checksums, writing,
// validation, reading, the BackgroundDeserialize worker) are in cache.h and
// cache.c.
//
// Threading: an env is used by one thread at a time (the embedder's job, or
// OH_JSVM_AcquireLock's); nothing here takes locks except the VM lock and a
// BackgroundDeserialize result's own mutex. The result's worker thread runs
// engine-free checks only (cache.h says what runs where).
//
// quickjs.h is found through CGO_CFLAGS (the Makefile computes the module's
// directory): this repository does not carry a copy of it.
package engine
