/*
 * jsvm-ohos-run: runs an OpenHarmony-style JSVM-API module on Linux.
 *
 *   jsvm-ohos-run [options] hello.cpp [more.cpp ...] [-- compiler args]
 *   jsvm-ohos-run [options] libentry.so
 *
 * It plays the part of the device's ArkTS side: builds the module with
 * clang++ against the SDK this host belongs to (the libjsvm.so it is linked
 * with and the headers next to it), dlopen()s it so its constructor calls
 * napi_module_register, calls the module's init with an exports object, then
 * calls the entry points (runTest unless --entry says otherwise) with no
 * arguments, as `import m from 'libentry.so'; m.runTest()` would. The
 * module's OH_LOG_* lines go to stdout; everything the host says goes to
 * stderr, so stdout can be compared with a device's log.
 *
 * Files: napi.c is the N-API layer the module calls, sandbox.c maps the
 * app's directories (/data/storage/el1, /data/storage/el2) to a directory
 * of the host, symbols.c explains load failures. Exit status: 0 success,
 * 1 the module failed to build, load or run, 2 bad usage.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "napi_host.h"
#include "sandbox.h"
#include "symbols.h"

#define PROG "jsvm-ohos-run"

static bool verbose;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(PROG ": ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

#define NOTE(...)               \
    do {                        \
        if (verbose)            \
            say(__VA_ARGS__);   \
    } while (0)

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0) {
        say("out of memory");
        exit(1);
    }
    return s;
}

/* ------------------------------------------------------------------------
 * OH_JSVM_Init as the module sees it.
 *
 * OH_JSVM_Init succeeds once per process. On a device the ArkTS side does
 * not use JSVM, so the module's own first OH_JSVM_Init is that call and
 * succeeds. Here the host needs a JSVM env before the module runs, so it
 * initializes libjsvm itself (through real_init, with empty options) and
 * this definition, which the module binds to because the host exports its
 * symbols (-rdynamic), gives the module the device's answers: JSVM_OK the
 * first time, JSVM_GENERIC_FAILURE after.
 *
 * Each call's options are passed on to libjsvm's OH_JSVM_Init all the same,
 * whose answer the module does not see: the library refuses the call but
 * takes its externalReferences if no earlier call registered a table, so
 * the module's table (the native callbacks its startup snapshots refer to)
 * is the one snapshots use, as on a device. The engine flags (argc/argv)
 * have no effect on QuickJS either way.
 * ---------------------------------------------------------------------- */

typedef JSVM_Status (*init_fn)(const JSVM_InitOptions *);

static bool module_called_init;
static bool library_initialized; /* a call to libjsvm's OH_JSVM_Init succeeded */

/* libjsvm's OH_JSVM_Init. */
static JSVM_Status library_init(const JSVM_InitOptions *options)
{
    init_fn init = (init_fn)dlsym(RTLD_NEXT, "OH_JSVM_Init");
    JSVM_Status st = init ? init(options) : JSVM_GENERIC_FAILURE;
    if (st == JSVM_OK)
        __atomic_store_n(&library_initialized, true, __ATOMIC_RELEASE);
    return st;
}

JSVM_Status OH_JSVM_Init(const JSVM_InitOptions *options)
{
    library_init(options);
    if (__atomic_exchange_n(&module_called_init, true, __ATOMIC_ACQ_REL))
        return JSVM_GENERIC_FAILURE;
    return JSVM_OK;
}

/* The host's initialization. The library may be initialized already, by a
 * module that called OH_JSVM_Init from its constructor. */
static bool real_init(void)
{
    JSVM_InitOptions options;
    memset(&options, 0, sizeof options);
    library_init(&options);
    return __atomic_load_n(&library_initialized, __ATOMIC_ACQUIRE);
}

/* ------------------------------------------------------------------------
 * The SDK: the directory of the libjsvm.so this process uses, and the
 * include directory next to it (PREFIX/lib -> PREFIX/include once
 * installed; build/ -> include/ in the source tree).
 * ---------------------------------------------------------------------- */

struct sdk {
    char *libdir;
    char *incdir;
    char *lib; /* libjsvm.so's real path */
};

static bool find_sdk(struct sdk *sdk)
{
    void *h = dlopen("libjsvm.so", RTLD_LAZY | RTLD_NOLOAD);
    struct link_map *lm = NULL;
    if (!h || dlinfo(h, RTLD_DI_LINKMAP, &lm) != 0 || !lm || !lm->l_name) {
        say("cannot locate the libjsvm.so this program runs with");
        return false;
    }
    sdk->lib = realpath(lm->l_name, NULL);
    dlclose(h);
    if (!sdk->lib) {
        say("cannot resolve %s: %s", lm->l_name, strerror(errno));
        return false;
    }
    sdk->libdir = xasprintf("%.*s", (int)(strrchr(sdk->lib, '/') - sdk->lib), sdk->lib);
    char *inc = xasprintf("%s/../include", sdk->libdir);
    sdk->incdir = realpath(inc, NULL);
    free(inc);
    char *probe = sdk->incdir ? xasprintf("%s/napi/native_api.h", sdk->incdir) : NULL;
    bool ok = probe && access(probe, R_OK) == 0;
    if (!ok)
        say("no SDK headers next to %s (expected %s/../include/napi/native_api.h)", sdk->lib, sdk->libdir);
    free(probe);
    return ok;
}

/* ------------------------------------------------------------------------
 * Building a module. Each source is compiled to an object with a
 * dependency file, then linked into a shared object; both are cached in a
 * per-user directory keyed by the sources' paths, the compiler and its
 * arguments, and rebuilt when a file they depend on is newer (like make).
 * Outputs are written under a temporary name and renamed, so concurrent
 * runs never see half-written files.
 * ---------------------------------------------------------------------- */

struct build {
    const char *cxx;
    char **srcs;
    int nsrcs;
    char **extra; /* arguments after "--" */
    int nextra;
    bool rebuild;
    const char *output; /* -o: link here instead of the cache */
};

static bool is_clang(const char *cxx)
{
    const char *base = strrchr(cxx, '/');
    return strstr(base ? base + 1 : cxx, "clang") != NULL;
}

static bool newer(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec != b->tv_sec ? a->tv_sec > b->tv_sec : a->tv_nsec > b->tv_nsec;
}

static bool mtime(const char *path, struct timespec *t)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    *t = st.st_mtim;
    return true;
}

/* True when every prerequisite listed in the make-style depfile exists
 * and is not newer than t. */
static bool deps_not_newer(const char *depfile, const struct timespec *t)
{
    FILE *f = fopen(depfile, "r");
    if (!f)
        return false;
    char *text = NULL;
    size_t cap = 0;
    ssize_t n = getdelim(&text, &cap, '\0', f);
    fclose(f);
    if (n <= 0) {
        free(text);
        return false;
    }
    /* Skip "target:"; the prerequisites follow, separated by blanks and
     * backslash-newlines, with "\ " for a space inside a name. */
    char *p = text;
    while (*p && !(p[0] == ':' && (p[1] == ' ' || p[1] == '\n' || p[1] == '\0')))
        p++;
    bool ok = *p == ':';
    char name[PATH_MAX];
    size_t len = 0;
    for (p = ok ? p + 1 : p; ok; p++) {
        if (p[0] == '\\' && p[1] == '\n') {
            p++;
            continue;
        }
        bool end = *p == '\0' || *p == ' ' || *p == '\t' || *p == '\n';
        if (!end) {
            if (p[0] == '\\' && p[1] == ' ')
                p++;
            if (len + 1 < sizeof name)
                name[len++] = *p;
            continue;
        }
        if (len > 0) {
            struct timespec dt;
            name[len] = '\0';
            len = 0;
            if (!mtime(name, &dt) || newer(&dt, t))
                ok = false;
        }
        if (*p == '\0')
            break;
    }
    free(text);
    return ok;
}

/* Runs argv; the tool's output (stdout and stderr) goes to log. Returns its exit status. */
static int run_tool(char **argv, const char *log)
{
    if (verbose) {
        fputs(PROG ": $", stderr);
        for (char **a = argv; *a; a++)
            fprintf(stderr, " %s", *a);
        fputc('\n', stderr);
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        say("fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        execvp(argv[0], argv);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Copies the compiler's output to stderr and adds a hint for the mistakes
 * people porting OpenHarmony code make. */
static void show_tool_log(const char *log, const char *cxx)
{
    FILE *f = fopen(log, "r");
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    bool designators = false, napi = false;
    while (getline(&line, &cap, f) > 0) {
        fputs(line, stderr);
        designators |= strstr(line, "designator order") != NULL;
        /* clang quotes identifiers with ', gcc with U+2018 */
        napi |= strstr(line, "error") && (strstr(line, "'napi_") || strstr(line, "\xe2\x80\x98napi_"));
    }
    free(line);
    fclose(f);
    if (designators)
        say("hint: OpenHarmony sources use out-of-order designated initializers, which %s rejects; "
            "build them with clang++ (the default; unset CXX)", cxx);
    if (napi)
        say("hint: napi/native_api.h declares only the N-API subset used to register modules "
            "(see docs/porting.md)");
}

static bool link_arg(const char *a)
{
    size_t n = strlen(a);
    return strncmp(a, "-l", 2) == 0 || strncmp(a, "-L", 2) == 0 || strncmp(a, "-Wl,", 4) == 0 ||
           (n > 2 && (strcmp(a + n - 2, ".a") == 0 || strcmp(a + n - 2, ".o") == 0)) ||
           (n > 3 && strcmp(a + n - 3, ".so") == 0);
}

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (h ^ 0xff) * 0x100000001b3ULL; /* field separator */
}

/* The per-user cache directory, created private; refuses one owned by
 * someone else (a shared /tmp). */
static char *cache_root(void)
{
    const char *env = getenv("JSVM_OHOS_RUN_CACHE");
    const char *tmp = getenv("TMPDIR");
    char *dir = env && *env ? xasprintf("%s", env)
                            : xasprintf("%s/" PROG "-%u", tmp && *tmp ? tmp : "/tmp", (unsigned)getuid());
    struct stat st;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        say("cannot create the cache directory %s: %s", dir, strerror(errno));
        return NULL;
    }
    if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid()) {
        say("the cache directory %s is not a directory owned by you; set JSVM_OHOS_RUN_CACHE", dir);
        return NULL;
    }
    return dir;
}

/* Builds the module; returns the path of the shared object (malloc'ed) or NULL. */
static char *build_module(const struct build *b, const struct sdk *sdk)
{
    char *root = cache_root();
    char **abs = calloc((size_t)b->nsrcs, sizeof *abs);
    char **objs = calloc((size_t)b->nsrcs, sizeof *objs);
    char *dir = NULL, *log = NULL, *so = NULL;
    if (!root || !abs || !objs)
        goto out;
    uint64_t key = 0xcbf29ce484222325ULL;
    for (int i = 0; i < b->nsrcs; i++) {
        if (!(abs[i] = realpath(b->srcs[i], NULL))) {
            say("%s: %s", b->srcs[i], strerror(errno));
            goto out;
        }
        key = fnv(key, abs[i]);
    }
    key = fnv(fnv(fnv(key, b->cxx), sdk->incdir), sdk->libdir);
    for (int i = 0; i < b->nextra; i++)
        key = fnv(key, b->extra[i]);
    const char *base = strrchr(abs[0], '/') + 1;
    const char *dot = strrchr(base, '.');
    dir = xasprintf("%s/%.*s-%016llx", root, (int)(dot ? dot - base : (long)strlen(base)), base,
                    (unsigned long long)key);
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        say("cannot create %s: %s", dir, strerror(errno));
        goto out;
    }
    log = xasprintf("%s/build.%d.log", dir, (int)getpid());
    bool clang = is_clang(b->cxx);
    bool relink = b->rebuild || b->output;

    for (int i = 0; i < b->nsrcs; i++) {
        objs[i] = xasprintf("%s/%d.o", dir, i);
        char *dep = xasprintf("%s/%d.d", dir, i);
        struct timespec t;
        if (!b->rebuild && mtime(objs[i], &t) && deps_not_newer(dep, &t)) {
            free(dep);
            continue;
        }
        char *tmpo = xasprintf("%s.%d.tmp", objs[i], (int)getpid());
        char *tmpd = xasprintf("%s.%d.tmp", dep, (int)getpid());
        char *incflag = xasprintf("-I%s", sdk->incdir);
        char *argv[32 + b->nextra];
        int n = 0;
        argv[n++] = (char *)b->cxx;
        argv[n++] = "-std=c++17";
        argv[n++] = "-fPIC";
        argv[n++] = "-g";
        if (clang) { /* what OpenHarmony sources do on purpose; keep the output readable */
            argv[n++] = "-Wno-c99-designator";
            argv[n++] = "-Wno-reorder-init-list";
        }
        argv[n++] = incflag;
        for (int k = 0; k < b->nextra; k++)
            if (!link_arg(b->extra[k]))
                argv[n++] = b->extra[k];
        argv[n++] = "-MMD";
        argv[n++] = "-MF";
        argv[n++] = tmpd;
        argv[n++] = "-c";
        argv[n++] = abs[i];
        argv[n++] = "-o";
        argv[n++] = tmpo;
        argv[n] = NULL;
        NOTE("compiling %s", b->srcs[i]);
        int rc = run_tool(argv, log);
        show_tool_log(log, b->cxx);
        bool ok = rc == 0 && rename(tmpd, dep) == 0 && rename(tmpo, objs[i]) == 0;
        if (!ok) {
            unlink(tmpo);
            unlink(tmpd);
            say("compiling %s failed%s", b->srcs[i],
                rc == 127 ? " (is clang++ installed? set CXX to choose a compiler)" : "");
        }
        free(tmpo);
        free(tmpd);
        free(incflag);
        free(dep);
        if (!ok)
            goto out;
        relink = true;
    }

    so = b->output ? xasprintf("%s", b->output) : xasprintf("%s/module.so", dir);
    struct timespec tso, to;
    if (!relink && mtime(so, &tso)) {
        for (int i = 0; i < b->nsrcs && !relink; i++)
            relink = !mtime(objs[i], &to) || newer(&to, &tso);
    } else {
        relink = true;
    }
    if (relink) {
        char *tmp = xasprintf("%s.%d.tmp", so, (int)getpid());
        char *ldir = xasprintf("-L%s", sdk->libdir);
        char *rpath = xasprintf("-Wl,-rpath,%s", sdk->libdir);
        char *argv[16 + b->nsrcs + b->nextra];
        int n = 0;
        argv[n++] = (char *)b->cxx;
        argv[n++] = "-shared";
        for (int i = 0; i < b->nsrcs; i++)
            argv[n++] = objs[i];
        argv[n++] = "-o";
        argv[n++] = tmp;
        for (int k = 0; k < b->nextra; k++)
            if (link_arg(b->extra[k]))
                argv[n++] = b->extra[k];
        argv[n++] = ldir;
        argv[n++] = "-ljsvm";
        argv[n++] = rpath;
        argv[n] = NULL;
        NOTE("linking %s", so);
        int rc = run_tool(argv, log);
        show_tool_log(log, b->cxx);
        if (rc != 0 || rename(tmp, so) != 0) {
            unlink(tmp);
            say("linking %s failed", so);
            free(so);
            so = NULL;
        }
        free(tmp);
        free(ldir);
        free(rpath);
    } else {
        NOTE("using the cached build %s", so);
    }
out:
    if (log)
        unlink(log);
    free(log);
    for (int i = 0; abs && objs && i < b->nsrcs; i++) {
        free(abs[i]);
        free(objs[i]);
    }
    free(abs);
    free(objs);
    free(dir);
    free(root);
    return so;
}

/* ------------------------------------------------------------------------
 * Loading
 * ---------------------------------------------------------------------- */

/* Lists one unresolved symbol; the first one prints the heading. ctx is
 * the module's name as the user gave it. */
static void report_missing(const char *name, void *ctx)
{
    static bool heading_printed;
    if (!heading_printed) {
        say("cannot load %s: it uses functions that are not available here:", (const char *)ctx);
        heading_printed = true;
    }
    const char *why = "defined by neither the host, libjsvm.so nor the module's libraries";
    if (strncmp(name, "OH_JSVM_", 8) == 0)
        why = "a JSVM-API function libjsvm does not implement yet (`make coverage` lists them)";
    else if (strncmp(name, "napi_", 5) == 0)
        why = "an N-API function outside the host's subset (docs/porting.md)";
    fprintf(stderr, "  %s: %s\n", name, why);
}

/* dlopen()s the module; on failure says why, listing every missing symbol. */
static void *load_module(const char *so, const char *shown)
{
    void *h = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (h)
        return h;
    const char *err = dlerror();
    if (err && strstr(err, "undefined symbol") && jsvm_missing_symbols(so, report_missing, (void *)shown) > 0)
        return NULL;
    /* dlerror() repeats the path first; shown already names the module. */
    size_t n = strlen(so);
    if (err && strncmp(err, so, n) == 0 && strncmp(err + n, ": ", 2) == 0)
        err += n + 2;
    say("cannot load %s: %s", shown, err ? err : "unknown error");
    return NULL;
}

/* The module the shared object registered while loading, or its
 * napi_register_module_v1 (Node's symbol-based registration). */
static bool find_module(void *h, size_t before, const char *shown, napi_module *out)
{
    size_t after = jsvm_napi_module_count();
    if (after > before) {
        *out = *jsvm_napi_module_at(before);
        if (after - before > 1)
            say("note: %s registered %zu modules; using the first, '%s'", shown, after - before,
                out->nm_modname ? out->nm_modname : "");
        if (!out->nm_register_func) {
            say("module '%s' in %s has no init function (nm_register_func is NULL)",
                out->nm_modname ? out->nm_modname : "", shown);
            return false;
        }
        return true;
    }
    void *v1 = dlsym(h, "napi_register_module_v1");
    if (v1) {
        memset(out, 0, sizeof *out);
        out->nm_modname = "napi_register_module_v1";
        out->nm_register_func = (napi_addon_register_func)v1;
        return true;
    }
    say("%s registered no module: nothing called napi_module_register while it loaded "
        "(OpenHarmony modules call it from a function marked __attribute__((constructor)))",
        shown);
    return false;
}

/* ------------------------------------------------------------------------
 * Running
 * ---------------------------------------------------------------------- */

/* Reports and clears the exception pending on env after what (a description
 * of the call that threw). */
static void report_exception(napi_env env, const char *what)
{
    napi_value e;
    if (napi_get_and_clear_last_exception(env, &e) != napi_ok) {
        say("uncaught exception in %s", what);
        return;
    }
    char *text = jsvm_napi_describe(env, e);
    say("uncaught exception in %s: %s", what, text ? text : "(cannot be printed)");
    free(text);
}

static const char *type_name(napi_valuetype t)
{
    static const char *const names[] = {"undefined", "null",     "a boolean", "a number", "a string",
                                        "a symbol",  "an object", "a function", "an external", "a bigint"};
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "a value";
}

/* Calls exports[name]() the way the ArkTS side calls a module function. */
static bool call_entry(napi_env env, napi_value exports, const char *modname, const char *name)
{
    napi_handle_scope scope;
    napi_value fn, result;
    napi_valuetype type = napi_undefined;
    bool ok = false;
    napi_open_handle_scope(env, &scope);
    if (napi_get_named_property(env, exports, name, &fn) != napi_ok || napi_typeof(env, fn, &type) != napi_ok) {
        say("cannot read the entry point '%s' from the exports of module '%s'", name, modname);
    } else if (type == napi_undefined) {
        char *keys = jsvm_napi_keys(env, exports);
        say("entry point '%s' not found: module '%s' exports %s%s", name, modname,
            keys && *keys ? keys : "nothing", keys && *keys ? "" : " (its init defined no properties)");
        free(keys);
    } else if (type != napi_function) {
        say("entry point '%s' of module '%s' is %s, not a function", name, modname, type_name(type));
    } else {
        NOTE("calling %s()", name);
        napi_status st = napi_call_function(env, exports, fn, 0, NULL, &result);
        if (st == napi_pending_exception) {
            char *what = xasprintf("%s()", name);
            report_exception(env, what);
            free(what);
        } else if (st != napi_ok) {
            say("calling %s() failed (napi_status %d)", name, (int)st);
        } else {
            ok = true;
            if (verbose && napi_typeof(env, result, &type) == napi_ok)
                say("%s() returned %s", name, type_name(type));
        }
    }
    napi_close_handle_scope(env, scope);
    return ok;
}

static bool run_module(const napi_module *mod, char **entries, int nentries)
{
    const char *modname = mod->nm_modname ? mod->nm_modname : "";
    JSVM_VM vm = NULL;
    JSVM_VMScope vmScope;
    JSVM_Env jenv = NULL;
    JSVM_EnvScope envScope;
    JSVM_HandleScope handleScope;
    JSVM_CreateVMOptions options;
    memset(&options, 0, sizeof options);
    if (!real_init() || OH_JSVM_CreateVM(&options, &vm) != JSVM_OK ||
        OH_JSVM_OpenVMScope(vm, &vmScope) != JSVM_OK || OH_JSVM_CreateEnv(vm, 0, NULL, &jenv) != JSVM_OK ||
        OH_JSVM_OpenEnvScope(jenv, &envScope) != JSVM_OK || OH_JSVM_OpenHandleScope(jenv, &handleScope) != JSVM_OK) {
        say("cannot create the host's JSVM environment");
        return false;
    }
    napi_env env = jsvm_napi_env_new(jenv);
    bool ok = env != NULL;
    if (!ok)
        say("cannot set up the N-API layer");

    napi_value exports = NULL;
    if (ok && napi_create_object(env, &exports) != napi_ok) {
        say("cannot create the exports object");
        ok = false;
    }
    if (ok) {
        NOTE("calling the init of module '%s'", modname);
        napi_value ret = mod->nm_register_func(env, exports);
        bool pending = false;
        napi_is_exception_pending(env, &pending);
        if (pending) {
            char *what = xasprintf("the init of module '%s'", modname);
            report_exception(env, what);
            free(what);
            ok = false;
        } else if (ret) {
            exports = ret;
        }
    }
    for (int i = 0; ok && i < nentries; i++)
        ok = call_entry(env, exports, modname, entries[i]);

    jsvm_napi_env_free(env);
    OH_JSVM_CloseHandleScope(jenv, handleScope);
    OH_JSVM_CloseEnvScope(jenv, envScope);
    OH_JSVM_DestroyEnv(jenv);
    OH_JSVM_CloseVMScope(vm, vmScope);
    OH_JSVM_DestroyVM(vm);
    return ok;
}

/* Sets up the app sandbox in dir (--sandbox), else in $JSVM_OHOS_SANDBOX,
 * else in the cache directory's sandbox/. */
static bool start_sandbox(const char *dir)
{
    const char *env = getenv("JSVM_OHOS_SANDBOX");
    char *path = NULL;
    if (dir) {
        path = xasprintf("%s", dir);
    } else if (env && *env) {
        path = xasprintf("%s", env);
    } else {
        char *cache = cache_root();
        if (!cache)
            return false;
        path = xasprintf("%s/sandbox", cache);
        free(cache);
    }
    char *why = NULL;
    bool ok = jsvm_sandbox_start(path, &why);
    if (ok)
        NOTE("app sandbox: /data/storage/el1 and /data/storage/el2 are %s/el1 and %s/el2", jsvm_sandbox_root(),
             jsvm_sandbox_root());
    else
        say("%s", why ? why : "cannot set up the app sandbox");
    free(why);
    free(path);
    return ok;
}

/* ------------------------------------------------------------------------
 * Command line
 * ---------------------------------------------------------------------- */

static void usage(FILE *f)
{
    fprintf(f,
            "usage: " PROG " [options] SOURCE... [-- COMPILER-ARGS...]\n"
            "       " PROG " [options] MODULE.so\n"
            "Builds an OpenHarmony-style JSVM-API module (C++ sources, with clang++) or takes a\n"
            "built one, loads it, calls its init and then its entry points, as the ArkTS side of\n"
            "a device does. The module's log lines go to stdout, the host's messages to stderr.\n"
            "\n"
            "  -e, --entry NAME  call exports.NAME() (repeatable, in order; default: runTest)\n"
            "  -o FILE           only build the module into FILE, do not run it\n"
            "      --sandbox DIR the app sandbox: the module's /data/storage/el1 and\n"
            "                    /data/storage/el2 are DIR/el1 and DIR/el2 (created with\n"
            "                    base/files, base/cache, base/temp, base/preferences)\n"
            "      --rebuild     rebuild even if the cached build is up to date\n"
            "  -v, --verbose     tell on stderr what the host does\n"
            "  -h, --help        this text\n"
            "Arguments after -- go to the compiler (-D, -I, ...) or the linker (-l, -L, -Wl,...).\n"
            "Environment: CXX (compiler, default clang++), JSVM_OHOS_RUN_CACHE (build cache,\n"
            "default $TMPDIR/" PROG "-UID), JSVM_OHOS_SANDBOX (the app sandbox when\n"
            "--sandbox is not given; default: the build cache's sandbox/ directory).\n");
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcmp(s + n - m, suffix) == 0;
}

static bool is_source(const char *s)
{
    return has_suffix(s, ".cpp") || has_suffix(s, ".cc") || has_suffix(s, ".cxx") || has_suffix(s, ".c++") ||
           has_suffix(s, ".C");
}

static bool is_module(const char *s)
{
    return has_suffix(s, ".so") || strstr(s, ".so.") != NULL;
}

int main(int argc, char **argv)
{
    struct build b;
    memset(&b, 0, sizeof b);
    b.cxx = getenv("CXX") && *getenv("CXX") ? getenv("CXX") : "clang++";
    b.srcs = calloc((size_t)argc, sizeof *b.srcs);
    char **entries = calloc((size_t)argc + 1, sizeof *entries);
    int nentries = 0;
    const char *so_arg = NULL;
    const char *sandbox = NULL;
    if (!b.srcs || !entries) {
        say("out of memory");
        return 1;
    }

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            b.extra = argv + i + 1;
            b.nextra = argc - i - 1;
            break;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            verbose = true;
        } else if (strcmp(a, "--rebuild") == 0) {
            b.rebuild = true;
        } else if (strcmp(a, "-e") == 0 || strcmp(a, "--entry") == 0 || strcmp(a, "-o") == 0 ||
                   strcmp(a, "--sandbox") == 0) {
            if (i + 1 == argc) {
                say("%s needs an argument (see --help)", a);
                return 2;
            }
            if (a[1] == 'o')
                b.output = argv[++i];
            else if (a[2] == 's')
                sandbox = argv[++i];
            else
                entries[nentries++] = argv[++i];
        } else if (strncmp(a, "--entry=", 8) == 0) {
            entries[nentries++] = argv[i] + 8;
        } else if (strncmp(a, "--sandbox=", 10) == 0) {
            sandbox = argv[i] + 10;
        } else if (a[0] == '-') {
            say("unknown option %s (see --help)", a);
            return 2;
        } else if (is_source(a)) {
            b.srcs[b.nsrcs++] = argv[i];
        } else if (is_module(a) && !so_arg) {
            so_arg = a;
        } else {
            say("%s: expected C++ sources (.cpp, .cc, ...) or one shared object (.so)", a);
            return 2;
        }
    }
    if ((b.nsrcs == 0) == (so_arg == NULL)) {
        if (b.nsrcs || so_arg)
            say("give either sources or a shared object, not both");
        usage(stderr);
        return 2;
    }
    if (b.output && !b.nsrcs) {
        say("-o builds sources; %s is built already", so_arg);
        return 2;
    }
    if (nentries == 0)
        entries[nentries++] = "runTest";

    char *so = NULL;
    const char *shown = so_arg;
    if (b.nsrcs) {
        struct sdk sdk;
        if (!find_sdk(&sdk) || !(so = build_module(&b, &sdk)))
            return 1;
        if (b.output)
            return 0;
        shown = b.srcs[0];
    } else if (!(so = realpath(so_arg, NULL))) {
        say("%s: %s", so_arg, strerror(errno));
        return 1;
    }

    if (!start_sandbox(sandbox))
        return 1;
    NOTE("loading %s", so);
    size_t before = jsvm_napi_module_count();
    void *h = load_module(so, shown);
    napi_module mod;
    if (!h || !find_module(h, before, shown, &mod))
        return 1;
    bool ok = run_module(&mod, entries, nentries);
    free(so);
    free(entries);
    free(b.srcs);
    return ok ? 0 : 1;
}
