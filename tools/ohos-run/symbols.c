/*
 * symbols.c: after dlopen() failed, find every function the module needs
 * that nothing in the process provides. dlerror() names only the first
 * unresolved symbol; reading the module's dynamic symbol table lets the host
 * list all of them at once ("uses OH_JSVM_SetNamedProperty, OH_JSVM_Typeof,
 * which libjsvm does not export yet").
 */
#define _GNU_SOURCE
#include "symbols.h"

#include <dlfcn.h>
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n > 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n)) != NULL &&
            fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        }
        *size = n > 0 ? (size_t)n : 0;
    }
    fclose(f);
    return buf;
}

/* The section table entry i, or NULL when it lies outside the file. */
static const Elf64_Shdr *section(const unsigned char *img, size_t size, size_t i)
{
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
    if (i >= eh->e_shnum || eh->e_shentsize != sizeof(Elf64_Shdr))
        return NULL;
    size_t off = eh->e_shoff + i * sizeof(Elf64_Shdr);
    if (off < eh->e_shoff || off + sizeof(Elf64_Shdr) > size)
        return NULL;
    return (const Elf64_Shdr *)(img + off);
}

static int in_file(const Elf64_Shdr *sh, size_t size)
{
    return sh && sh->sh_type != SHT_NOBITS && sh->sh_offset <= size && sh->sh_size <= size - sh->sh_offset;
}

/* The NUL-terminated string at off in string section strtab, or NULL. */
static const char *str_at(const unsigned char *img, const Elf64_Shdr *strtab, size_t off)
{
    if (off >= strtab->sh_size)
        return NULL;
    const char *s = (const char *)img + strtab->sh_offset + off;
    return memchr(s, '\0', strtab->sh_size - off) ? s : NULL;
}

int jsvm_missing_symbols(const char *path, void (*report)(const char *name, void *ctx), void *ctx)
{
    size_t size = 0;
    unsigned char *img = read_file(path, &size);
    if (!img)
        return -1;
    int missing = -1;
    void *needed[32];
    size_t nneeded = 0;
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
    if (size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64)
        goto out;

    /* The module's own libraries (libstdc++, ...) are not in the host's
     * global scope; symbols they define are not missing. */
    for (size_t i = 0; i < eh->e_shnum; i++) {
        const Elf64_Shdr *dyn = section(img, size, i);
        if (!in_file(dyn, size) || dyn->sh_type != SHT_DYNAMIC)
            continue;
        const Elf64_Shdr *strtab = section(img, size, dyn->sh_link);
        if (!in_file(strtab, size))
            continue;
        const Elf64_Dyn *d = (const Elf64_Dyn *)(img + dyn->sh_offset);
        for (size_t j = 0; j < dyn->sh_size / sizeof *d && d[j].d_tag != DT_NULL; j++) {
            const char *lib = d[j].d_tag == DT_NEEDED ? str_at(img, strtab, d[j].d_un.d_val) : NULL;
            void *h = lib && nneeded < sizeof needed / sizeof needed[0] ? dlopen(lib, RTLD_LAZY | RTLD_LOCAL) : NULL;
            if (h)
                needed[nneeded++] = h;
        }
    }

    missing = 0;
    for (size_t i = 0; i < eh->e_shnum; i++) {
        const Elf64_Shdr *symtab = section(img, size, i);
        if (!in_file(symtab, size) || symtab->sh_type != SHT_DYNSYM)
            continue;
        const Elf64_Shdr *strtab = section(img, size, symtab->sh_link);
        if (!in_file(strtab, size))
            continue;
        const Elf64_Sym *sym = (const Elf64_Sym *)(img + symtab->sh_offset);
        for (size_t j = 1; j < symtab->sh_size / sizeof *sym; j++) {
            if (sym[j].st_shndx != SHN_UNDEF || ELF64_ST_BIND(sym[j].st_info) != STB_GLOBAL)
                continue; /* defined here, or weak (may stay unresolved) */
            const char *name = str_at(img, strtab, sym[j].st_name);
            if (!name || !*name || dlsym(RTLD_DEFAULT, name))
                continue;
            size_t k = 0;
            while (k < nneeded && !dlsym(needed[k], name))
                k++;
            if (k == nneeded) {
                report(name, ctx);
                missing++;
            }
        }
    }
out:
    while (nneeded > 0)
        dlclose(needed[--nneeded]);
    free(img);
    return missing;
}
