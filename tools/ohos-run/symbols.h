/* symbols.h: unresolved-symbol report for modules that fail to load (symbols.c). */
#ifndef JSVM_OHOS_RUN_SYMBOLS_H
#define JSVM_OHOS_RUN_SYMBOLS_H

/*
 * Calls report(name, ctx) for every undefined, non-weak dynamic symbol of
 * the ELF64 shared object at path that neither the process's global scope
 * (the host, libjsvm.so, libc) nor the object's own DT_NEEDED libraries
 * define. Returns how many were reported, or -1 when path cannot be read as
 * an ELF64 file.
 */
int jsvm_missing_symbols(const char *path, void (*report)(const char *name, void *ctx), void *ctx);

#endif
