/*
 * snapshot.h: the engine side of startup snapshots (snapshot.c). The
 * journal that records and replays an env's set-up is Go
 * (cmd/libjsvm/journal.go); these are the few steps that need the engine.
 */
#ifndef LIBJSVM_SNAPSHOT_H
#define LIBJSVM_SNAPSHOT_H

#include "core.h"

/* Keeps the ArrayBuffer behind v (an ArrayBuffer, typed array or DataView)
 * alive in env's list of buffers whose bytes the host was handed, so that
 * a snapshot can carry their final contents. Returns its index in the
 * list, or -1 when v has no buffer. */
int jsvm_snap_hold(JSVM_Env env, JSVM_Value v);
/* The bytes of held buffer i now: 0 and *data/*len, or -1 if detached. */
int jsvm_snap_held_bytes(JSVM_Env env, uint32_t i, void **data, size_t *len);
/* Writes bytes into held buffer i if it has exactly len bytes (else no-op). */
void jsvm_snap_held_write(JSVM_Env env, uint32_t i, const void *data, size_t len);
/* Releases the held buffers (env teardown). */
void jsvm_snap_release_held(JSVM_Env env);
/* After a replay: closes every handle scope the replay left open (their
 * values and scripts die), and drops a pending exception. */
void jsvm_snap_restore_done(JSVM_Env env);

#endif
