/*
 * sandbox.c: the app sandbox of jsvm-ohos-run.
 *
 * On a device an app sees its own directories at /data/storage/el1/base
 * and /data/storage/el2/base (files/, cache/, temp/, preferences/ ...), and
 * modules write there: the snapshot guide keeps its blob in
 * /data/storage/el2/base/files. Those paths do not exist on Linux, so the
 * host maps them to a directory of its own: a path that starts with
 * /data/storage/el1 or /data/storage/el2 (followed by '/' or the end) is
 * rewritten to DIR/el1... or DIR/el2...; every other path, relative ones
 * included, is passed on untouched.
 *
 * The mapping is done by interposition. The host is linked with -rdynamic,
 * so the functions defined here are in its dynamic symbol table, and the
 * dynamic linker binds every later reference to them, from the module and
 * from the libraries it uses (libstdc++'s std::fstream calls fopen64,
 * std::filesystem calls open, openat, stat, mkdir, remove ...), before
 * libc's. Each one rewrites its path arguments and calls libc's function,
 * found with dlsym(RTLD_NEXT). libc's own internal calls (fopen opening its
 * file, remove calling unlink) do not go through the dynamic linker, so a
 * path is rewritten exactly once.
 *
 * The interposed functions are those that name a file by path and that a
 * module plausibly calls directly or through libstdc++: opening files
 * (fopen, freopen, open, openat and their *64 twins, which 32-bit
 * large-file builds call), their metadata (stat, lstat, access), and the
 * directory operations (mkdir, rmdir, opendir, unlink, remove, rename,
 * truncate). Functions that take a directory descriptor and a relative path
 * (unlinkat, fdopendir, ...) need nothing: the descriptor was opened through
 * a mapped path. Not mapped: chdir, realpath, mkstemp, link/symlink,
 * *at() calls other than openat given absolute paths, and fortified
 * (__open_2) entry points.
 *
 * It is a redirection, not a jail: "/data/storage/el2/../../x" leaves the
 * sandbox as it would leave the app's directory on a device, and the
 * module is native code with the process's rights anyway.
 *
 * Thread safety and errno: the mapping is switched on once, before the
 * module is loaded, and read-only afterwards. libc's functions are looked
 * up by a constructor, before main() and before any other thread exists
 * (so that the child of the host's fork() never needs dlsym, which takes
 * the loader's lock); a call that comes earlier still (another library's
 * constructor) looks its function up itself, and racing look-ups store the
 * same pointer. A wrapper changes errno only when it fails itself: a mapped
 * path longer than PATH_MAX (ENAMETOOLONG) or a function libc lacks
 * (ENOSYS).
 */
#undef _FORTIFY_SOURCE /* the fortified headers define open() inline */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbox.h"

/* ------------------------------------------------------------------------
 * The mapping
 * ---------------------------------------------------------------------- */

#define STORAGE "/data/storage"         /* replaced by the sandbox directory */
#define STORAGE_EL STORAGE "/el"        /* followed by 1 or 2, then '/' or the end */

static char root[PATH_MAX];
static size_t root_len;
static bool active; /* written once, before the module runs */

const char *jsvm_sandbox_root(void)
{
    return __atomic_load_n(&active, __ATOMIC_ACQUIRE) ? root : NULL;
}

/* Sets *out to path itself, or to its place in the sandbox written to buf
 * (PATH_MAX bytes); false with errno ENAMETOOLONG when that does not fit.
 * Not inlined: libc declares most path parameters nonnull, and the NULL
 * check must survive (libc reports EFAULT or its own error for a NULL
 * path; a wrapper must not crash instead). */
__attribute__((noinline)) static bool map(const char *path, char *buf, const char **out)
{
    *out = path;
    if (path == NULL || path[0] != '/' || !__atomic_load_n(&active, __ATOMIC_ACQUIRE))
        return true;
    const size_t n = sizeof STORAGE_EL - 1;
    if (strncmp(path, STORAGE_EL, n) != 0 || (path[n] != '1' && path[n] != '2') ||
        (path[n + 1] != '/' && path[n + 1] != '\0'))
        return true;
    const char *rest = path + sizeof STORAGE - 1; /* "/el2/base/..." */
    size_t len = strlen(rest);
    if (root_len + len >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return false;
    }
    memcpy(buf, root, root_len);
    memcpy(buf + root_len, rest, len + 1);
    *out = buf;
    return true;
}

/* ------------------------------------------------------------------------
 * libc's functions
 * ---------------------------------------------------------------------- */

#define SANDBOX_FUNCS(X)                                                                              \
    X(fopen) X(fopen64) X(freopen) X(freopen64) X(open) X(open64) X(openat) X(openat64) X(stat) X(stat64) \
    X(lstat) X(lstat64) X(access) X(mkdir) X(rmdir) X(opendir) X(unlink) X(remove) X(rename) X(truncate)

#define AS_ENUM(f) F_##f,
#define AS_NAME(f) #f,
enum { SANDBOX_FUNCS(AS_ENUM) N_FUNCS };
static const char *const names[N_FUNCS] = {SANDBOX_FUNCS(AS_NAME)};
static void *real[N_FUNCS];

/* libc's function i; NULL with errno ENOSYS if there is none. */
static void *resolve(int i)
{
    void *p = __atomic_load_n(&real[i], __ATOMIC_ACQUIRE);
    if (p)
        return p;
    int saved = errno;
    p = dlsym(RTLD_NEXT, names[i]);
    errno = saved;
    if (!p) {
        errno = ENOSYS;
        return NULL;
    }
    __atomic_store_n(&real[i], p, __ATOMIC_RELEASE);
    return p;
}

__attribute__((constructor)) static void resolve_all(void)
{
    for (int i = 0; i < N_FUNCS; i++)
        resolve(i);
}

/* ------------------------------------------------------------------------
 * The interposed functions. WRAP defines one whose path parameter is
 * called path: it maps path to p_ and returns libc's name(args), or fail
 * when the mapping or the look-up failed (errno says why).
 * ---------------------------------------------------------------------- */

#define WRAP(ret, fail, name, params, ...)                  \
    ret name params                                         \
    {                                                       \
        char buf_[PATH_MAX];                                \
        const char *p_;                                     \
        if (!map(path, buf_, &p_))                          \
            return fail;                                    \
        ret(*real_) params = (ret(*) params)resolve(F_##name); \
        if (!real_)                                         \
            return fail;                                    \
        return real_(__VA_ARGS__);                          \
    }

WRAP(FILE *, NULL, fopen, (const char *path, const char *mode), p_, mode)
WRAP(FILE *, NULL, fopen64, (const char *path, const char *mode), p_, mode)
WRAP(FILE *, NULL, freopen, (const char *path, const char *mode, FILE *stream), p_, mode, stream)
WRAP(FILE *, NULL, freopen64, (const char *path, const char *mode, FILE *stream), p_, mode, stream)
WRAP(int, -1, stat, (const char *path, struct stat *st), p_, st)
WRAP(int, -1, stat64, (const char *path, struct stat64 *st), p_, st)
WRAP(int, -1, lstat, (const char *path, struct stat *st), p_, st)
WRAP(int, -1, lstat64, (const char *path, struct stat64 *st), p_, st)
WRAP(int, -1, access, (const char *path, int how), p_, how)
WRAP(int, -1, mkdir, (const char *path, mode_t mode), p_, mode)
WRAP(int, -1, rmdir, (const char *path), p_)
WRAP(DIR *, NULL, opendir, (const char *path), p_)
WRAP(int, -1, unlink, (const char *path), p_)
WRAP(int, -1, remove, (const char *path), p_)
WRAP(int, -1, truncate, (const char *path, off_t length), p_, length)

int rename(const char *from, const char *to)
{
    char buf1[PATH_MAX], buf2[PATH_MAX];
    const char *p1, *p2;
    if (!map(from, buf1, &p1) || !map(to, buf2, &p2))
        return -1;
    int (*real_)(const char *, const char *) = (int (*)(const char *, const char *))resolve(F_rename);
    if (!real_)
        return -1;
    return real_(p1, p2);
}

/* open and openat take a mode only when they may create a file (the
 * caller passes none otherwise, so it must not be read). */
static bool needs_mode(int flags)
{
    return (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE;
}

#define WRAP_OPEN(name, params, flagsarg, ...)                                       \
    int name params                                                                  \
    {                                                                                \
        mode_t mode = 0;                                                             \
        if (needs_mode(flagsarg)) {                                                  \
            va_list ap;                                                              \
            va_start(ap, flagsarg);                                                  \
            mode = va_arg(ap, mode_t);                                               \
            va_end(ap);                                                              \
        }                                                                            \
        char buf_[PATH_MAX];                                                         \
        const char *p_;                                                              \
        if (!map(path, buf_, &p_))                                                   \
            return -1;                                                               \
        int (*real_) params = (int (*) params)resolve(F_##name);                     \
        if (!real_)                                                                  \
            return -1;                                                               \
        return real_(__VA_ARGS__, mode);                                             \
    }

WRAP_OPEN(open, (const char *path, int flags, ...), flags, p_, flags)
WRAP_OPEN(open64, (const char *path, int flags, ...), flags, p_, flags)
WRAP_OPEN(openat, (int dirfd, const char *path, int flags, ...), flags, dirfd, p_, flags)
WRAP_OPEN(openat64, (int dirfd, const char *path, int flags, ...), flags, dirfd, p_, flags)

/* ------------------------------------------------------------------------
 * Setting up
 * ---------------------------------------------------------------------- */

/* mkdir -p; true if path is a directory afterwards. */
static bool make_dirs(const char *path)
{
    char buf[PATH_MAX];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf) {
        errno = n ? ENAMETOOLONG : ENOENT;
        return false;
    }
    memcpy(buf, path, n + 1);
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST)
            return false;
        *p = c;
        if (c == '\0')
            break;
    }
    struct stat st;
    if (stat(buf, &st) != 0)
        return false;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return false;
    }
    return true;
}

static char *message(const char *fmt, const char *path, int err)
{
    char *s = NULL;
    if (asprintf(&s, fmt, path, strerror(err)) < 0)
        s = NULL;
    return s;
}

bool jsvm_sandbox_start(const char *dir, char **why)
{
    static const char *const levels[] = {"el1", "el2"};
    static const char *const subdirs[] = {"files", "cache", "temp", "preferences"};
    *why = NULL;
    if (!make_dirs(dir)) {
        *why = message("cannot create the app sandbox %s: %s", dir, errno);
        return false;
    }
    char *abs = realpath(dir, NULL);
    if (!abs || strlen(abs) + sizeof "/el1/base/preferences" > sizeof root) {
        *why = message("cannot use the app sandbox %s: %s", dir, abs ? ENAMETOOLONG : errno);
        free(abs);
        return false;
    }
    for (size_t l = 0; l < sizeof levels / sizeof levels[0]; l++) {
        for (size_t s = 0; s < sizeof subdirs / sizeof subdirs[0]; s++) {
            char path[PATH_MAX];
            snprintf(path, sizeof path, "%s/%s/base/%s", abs, levels[l], subdirs[s]);
            if (!make_dirs(path)) {
                *why = message("cannot create %s in the app sandbox: %s", path, errno);
                free(abs);
                return false;
            }
        }
    }
    root_len = strlen(abs);
    memcpy(root, abs, root_len + 1);
    free(abs);
    __atomic_store_n(&active, true, __ATOMIC_RELEASE);
    return true;
}
