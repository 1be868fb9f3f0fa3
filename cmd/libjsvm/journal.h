/*
 * journal.h: the C side of the set-up journal behind startup snapshots
 * (cmd/libjsvm/journal.go has the design). The generated journal_gen.h
 * gives every journaled OH_JSVM_* a hook, JSVM_JOURNALED(Name, args...),
 * that costs one load and one predictable branch when the env records no
 * journal (env->journal == 0, every env outside a snapshotting VM).
 */
#ifndef LIBJSVM_JOURNAL_H
#define LIBJSVM_JOURNAL_H

#include "core.h"

/* One argument of a journaled call, packed: every parameter of the API
 * fits in 64 bits. */
typedef union {
    uint64_t u;
    void *p;
    double d;
} jsvm_word;

/* Records (through Go) and performs a journaled call. Calls made from
 * inside JS (native callbacks, finalizers, handlers: VM depth > 0) are
 * performed without being recorded: replaying the outer call repeats them. */
JSVM_Status jsvm_journal_call(JSVM_Env env, int fn, jsvm_word *w);
/* Performs call fn with env's hook off (no recording, no recursion). */
JSVM_Status jsvm_journal_dispatch(JSVM_Env env, int fn, jsvm_word *w);
/* Generated (journal_gen.c): calls OH_JSVM_<fn> with the unpacked words. */
JSVM_Status jsvm_fn_dispatch(int fn, const jsvm_word *w);

/* A code cache of script for the journal (journal.c). */
int jsvm_journal_code_cache(JSVM_Env env, JSVM_Script script, uint8_t **data, size_t *len);
void jsvm_journal_code_cache_free(JSVM_Env env, uint8_t *data);

#endif
