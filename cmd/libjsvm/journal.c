/*
 * journal.c: entry of journaled calls (journal.h). The recording itself is
 * Go (journal.go: libjsvmJournalCall); this file only decides whether a
 * call is recorded and switches the env's hook off around the real call.
 */
#include "journal_gen.h"
#include "_cgo_export.h"

JSVM_Status jsvm_journal_dispatch(JSVM_Env env, int fn, jsvm_word *w)
{
    int saved = env->journal;
    env->journal = 0;
    JSVM_Status st = jsvm_fn_dispatch(fn, w);
    env->journal = saved;
    return st;
}

JSVM_Status jsvm_journal_call(JSVM_Env env, int fn, jsvm_word *w)
{
    if (env->vm->depth > 0)
        return jsvm_journal_dispatch(env, fn, w);
    return libjsvmJournalCall(env, fn, w);
}

/* A code cache of a script the journal just saw compiled, so that the
 * replay skips the parser: the public OH_JSVM_CreateCodeCache (it is not
 * journaled, and the caller restores the env's last error). 0 and the
 * buffer, or -1: the replay then compiles from source. */
int jsvm_journal_code_cache(JSVM_Env env, JSVM_Script script, uint8_t **data, size_t *len)
{
    const uint8_t *p = NULL;
    size_t n = 0;
    if (OH_JSVM_CreateCodeCache(env, script, &p, &n) != JSVM_OK || !p)
        return -1;
    *data = (uint8_t *)p;
    *len = n;
    return 0;
}

void jsvm_journal_code_cache_free(JSVM_Env env, uint8_t *data)
{
    OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS);
}
