/*
 * sandbox.h: the app sandbox of jsvm-ohos-run (sandbox.c).
 */
#ifndef JSVM_OHOS_SANDBOX_H
#define JSVM_OHOS_SANDBOX_H

#include <stdbool.h>

/* Creates dir (and its parents) and the app directories under it
 * (el1/base/files, el2/base/cache, ...), then maps /data/storage/el1 and
 * /data/storage/el2 to dir/el1 and dir/el2 for the rest of the process.
 * Call once, before the module is loaded. On failure returns false with a
 * message in *why (malloc'ed) and maps nothing. */
bool jsvm_sandbox_start(const char *dir, char **why);

/* The sandbox directory (absolute), or NULL before jsvm_sandbox_start. */
const char *jsvm_sandbox_root(void);

#endif
