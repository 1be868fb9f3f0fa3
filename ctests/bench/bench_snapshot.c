/*
 * bench_snapshot.c: start-up from a snapshot against start-up from source
 * (make bench; docs/bench.md, "Startup snapshots").
 *
 * The set-up is ~500 KB of generated JS of the shape of a library's
 * initialisation (modules made of functions, classes, closures, constant
 * tables and a little top-level work), plus a native function registered
 * through a property descriptor. Measured, each in a fresh VM per
 * repetition (envs destroyed outside the timed region):
 *
 *   source    OH_JSVM_CreateEnv + CreateStringUtf8 + CompileScript +
 *             RunScript of the set-up
 *   snapshot  OH_JSVM_CreateEnvFromSnapshot of an env that ran that set-up
 *   C-source  plain QuickJS on the same build: JS_NewContext + JS_Eval
 *   C-bytecode plain QuickJS: JS_NewContext + JS_ReadObject of the set-up's
 *             bytecode + JS_EvalFunction (what restoring costs at best on
 *             an engine without a heap serialiser)
 *
 * Reported: the median of each, source/snapshot (target >= 5x) and
 * snapshot/C-bytecode (what the journal adds on top of the engine), and
 * the sizes of the blob and of the bytecode. Timing is reported, never
 * asserted.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ark_runtime/jsvm.h"
#include "quickjs.h"

#define CHECK(call)                                                                   \
    do {                                                                              \
        int st_ = (int)(call);                                                        \
        if (st_ != 0) {                                                               \
            fprintf(stderr, "bench_snapshot: %s failed: %d (line %d)\n", #call, st_, __LINE__); \
            exit(2);                                                                  \
        }                                                                             \
    } while (0)

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- the set-up script ---- */

static char *gen_setup(size_t target, size_t *len)
{
    size_t cap = target + 4096, n = 0;
    char *s = malloc(cap);
    n += (size_t)sprintf(s + n, "var registry = Object.create(null); var nativeHello = hello();\n");
    for (int i = 0; n + 2048 < target; i++) {
        n += (size_t)snprintf(s + n, cap - n,
            "registry.m%d = (function () {\n"
            "  'use strict';\n"
            "  const TABLE = [%d, %d, %d, %d, 'k%d', 'label for module %d', { deep: [%d, %d] }];\n"
            "  let calls = 0;\n"
            "  function scale%d(x, y) { calls++; return (x * %d + y) / (TABLE[0] + 1); }\n"
            "  function describe%d(o) { return Object.keys(o).map((k) => k + '=' + o[k]).join('&'); }\n"
            "  class Shape%d {\n"
            "    constructor(w, h) { this.w = w; this.h = h; }\n"
            "    area() { return this.w * this.h + %d; }\n"
            "    static unit() { return new Shape%d(1, 1); }\n"
            "    get ratio() { return this.h === 0 ? 0 : this.w / this.h; }\n"
            "  }\n"
            "  const memo = new Map();\n"
            "  function cached%d(n) { if (!memo.has(n)) memo.set(n, scale%d(n, n + 1)); return memo.get(n); }\n"
            "  return { scale: scale%d, describe: describe%d, Shape: Shape%d, cached: cached%d,\n"
            "           count: () => calls, name: 'module-%d', version: [1, %d, 0] };\n"
            "})();\n",
            i, i, i * 2, i * 3, i * 5, i, i, i, i + 1, i, i % 7 + 1, i, i, i, i, i, i, i, i, i, i, i, i % 10);
    }
    /* what the bench reads back to check both paths built the same thing
     * (called outside the timed region) */
    n += (size_t)sprintf(s + n, "var moduleCount = Object.keys(registry).length;\n"
                                "function checksum() { return Object.values(registry).reduce((a, m) => a + m.cached(3), nativeHello.length); }\n");
    *len = n;
    return s;
}

/* ---- JSVM side ---- */

static JSVM_Value hello(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    JSVM_Value v = NULL;
    OH_JSVM_CreateStringUtf8(env, "hello", JSVM_AUTO_LENGTH, &v);
    return v;
}
static JSVM_CallbackStruct hello_cb = {hello, NULL};
static intptr_t externals[] = {(intptr_t)&hello_cb, 0};
static JSVM_PropertyDescriptor globals[] = {{"hello", NULL, &hello_cb, NULL, NULL, NULL, JSVM_DEFAULT}};

static const char *setup_src;
static size_t setup_len;

static JSVM_Env env_from_source(JSVM_VM vm)
{
    JSVM_Env env;
    JSVM_HandleScope hs;
    JSVM_Value src, r;
    JSVM_Script script;
    CHECK(OH_JSVM_CreateEnv(vm, 1, globals, &env));
    CHECK(OH_JSVM_OpenHandleScope(env, &hs));
    CHECK(OH_JSVM_CreateStringUtf8(env, setup_src, setup_len, &src));
    CHECK(OH_JSVM_CompileScript(env, src, NULL, 0, false, NULL, &script));
    CHECK(OH_JSVM_RunScript(env, script, &r));
    CHECK(OH_JSVM_CloseHandleScope(env, hs));
    return env;
}

/* checksum of an env: what the set-up computed (both paths must agree) */
static double env_checksum(JSVM_Env env)
{
    JSVM_HandleScope hs;
    JSVM_Value g, v;
    double d = 0;
    CHECK(OH_JSVM_OpenHandleScope(env, &hs));
    CHECK(OH_JSVM_GetGlobal(env, &g));
    CHECK(OH_JSVM_GetNamedProperty(env, g, "checksum", &v));
    CHECK(OH_JSVM_CallFunction(env, g, v, 0, NULL, &v));
    CHECK(OH_JSVM_GetValueDouble(env, v, &d));
    CHECK(OH_JSVM_CloseHandleScope(env, hs));
    return d;
}

/* ---- plain QuickJS side ---- */

static JSValue q_eval(JSContext *ctx, int flags)
{
    return JS_Eval(ctx, setup_src, setup_len, "<setup>", JS_EVAL_TYPE_GLOBAL | flags);
}

static JSValue q_hello(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    (void)argv;
    return JS_NewString(ctx, "hello");
}

static JSContext *q_context(JSRuntime *rt)
{
    JSContext *ctx = JS_NewContext(rt);
    JSValue g = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, g, "hello", JS_NewCFunction(ctx, q_hello, "hello", 0));
    JS_FreeValue(ctx, g);
    return ctx;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    *len = fread(b, 1, (size_t)n, f);
    b[*len] = 0;
    fclose(f);
    return b;
}

/* Measures one set-up (setup_src) and prints its rows. */
static void bench_setup(const char *what, int reps)
{
    /* the snapshot */
    JSVM_CreateVMOptions o;
    memset(&o, 0, sizeof o);
    o.isForSnapshotting = true;
    JSVM_VM svm;
    CHECK(OH_JSVM_CreateVM(&o, &svm));
    JSVM_Env senv = env_from_source(svm);
    double want = env_checksum(senv);
    const char *blob;
    size_t blob_size;
    CHECK(OH_JSVM_CreateSnapshot(svm, 1, &senv, &blob, &blob_size));
    CHECK(OH_JSVM_DestroyEnv(senv));
    CHECK(OH_JSVM_DestroyVM(svm));

    /* bytecode for the plain-C restore */
    JSRuntime *qrt = JS_NewRuntime();
    JSContext *qctx = q_context(qrt);
    JSValue fn = q_eval(qctx, JS_EVAL_FLAG_COMPILE_ONLY);
    size_t bc_len = 0;
    uint8_t *bc = JS_WriteObject(qctx, &bc_len, fn, JS_WRITE_OBJ_BYTECODE);
    JS_FreeValue(qctx, fn);
    JS_FreeContext(qctx);

    double *t[4];
    for (int k = 0; k < 4; k++)
        t[k] = calloc((size_t)reps, sizeof(double));
    memset(&o, 0, sizeof o);
    o.snapshotBlobData = blob;
    o.snapshotBlobSize = blob_size;
    for (int r = 0; r < reps + 1; r++) { /* the first round warms up */
        JSVM_VM vm;
        JSVM_Env env;
        CHECK(OH_JSVM_CreateVM(&o, &vm));
        double t0 = now_ms();
        env = env_from_source(vm);
        double t1 = now_ms();
        if (env_checksum(env) != want)
            CHECK(!"checksum from source");
        CHECK(OH_JSVM_DestroyEnv(env));
        double t2 = now_ms();
        CHECK(OH_JSVM_CreateEnvFromSnapshot(vm, 0, &env));
        double t3 = now_ms();
        if (env_checksum(env) != want)
            CHECK(!"checksum from snapshot");
        CHECK(OH_JSVM_DestroyEnv(env));
        CHECK(OH_JSVM_DestroyVM(vm));

        double t4 = now_ms();
        JSContext *c1 = q_context(qrt);
        JSValue v = q_eval(c1, 0);
        double t5 = now_ms();
        if (JS_IsException(v))
            CHECK(!"plain C eval");
        JS_FreeValue(c1, v);
        JS_FreeContext(c1);
        double t6 = now_ms();
        JSContext *c2 = q_context(qrt);
        JSValue f = JS_ReadObject(c2, bc, bc_len, JS_READ_OBJ_BYTECODE);
        JSValue v2 = JS_EvalFunction(c2, f);
        double t7 = now_ms();
        if (JS_IsException(v2))
            CHECK(!"plain C bytecode");
        JS_FreeValue(c2, v2);
        JS_FreeContext(c2);
        if (r > 0) {
            t[0][r - 1] = t1 - t0;
            t[1][r - 1] = t3 - t2;
            t[2][r - 1] = t5 - t4;
            t[3][r - 1] = t7 - t6;
        }
    }
    double source = median(t[0], reps), snap = median(t[1], reps);
    double csrc = median(t[2], reps), cbc = median(t[3], reps);
    printf("%s: set-up of %zu KB of JS (%zu-byte blob, %zu-byte QuickJS bytecode), %d reps, medians\n",
           what, setup_len / 1024, blob_size, bc_len, reps);
    printf("  %-44s %9.3f ms\n", "CreateEnv + compile + run set-up (source)", source);
    printf("  %-44s %9.3f ms\n", "CreateEnvFromSnapshot", snap);
    printf("  %-44s %9.3f ms\n", "plain C: JS_NewContext + JS_Eval", csrc);
    printf("  %-44s %9.3f ms\n", "plain C: JS_NewContext + ReadObject + Eval", cbc);
    printf("  source / snapshot = %.1fx (target >= 5x: %s); snapshot / plain-C bytecode = %.2fx\n",
           source / snap, source / snap >= 5 ? "met" : "NO", snap / cbc);
    js_free_rt(qrt, bc);
    JS_FreeRuntime(qrt);
    for (int k = 0; k < 4; k++)
        free(t[k]);
}

int main(int argc, char **argv)
{
    int reps = 9;
    size_t target = 500 * 1024;
    const char *lodash = "/usr/share/javascript/lodash/lodash.js";
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--reps=", 7) == 0)
            reps = atoi(argv[i] + 7);
        else if (strncmp(argv[i], "--kib=", 6) == 0)
            target = (size_t)atoi(argv[i] + 6) * 1024;
    }
    if (reps < 1 || reps > 1000)
        reps = 9;
    JSVM_InitOptions init;
    memset(&init, 0, sizeof init);
    init.externalReferences = externals;
    CHECK(OH_JSVM_Init(&init));

    char *gen = gen_setup(target, &setup_len);
    setup_src = gen;
    bench_setup("startup snapshot, generated library-shaped set-up", reps);
    free(gen);

    /* lodash as the set-up, with the two lines the bench needs */
    size_t n = 0;
    char *lib = read_file(lodash, &n);
    if (!lib) {
        printf("(lodash set-up skipped: %s missing; apt-get install -y libjs-lodash)\n", lodash);
        return 0;
    }
    const char *pre = "var nativeHello = hello();\n";
    const char *post = "\nfunction checksum() { return _.sum([1, 2, 3]) + Object.keys(_).length + nativeHello.length; }\n";
    char *src = malloc(strlen(pre) + n + strlen(post) + 1);
    sprintf(src, "%s%s%s", pre, lib, post);
    setup_src = src;
    setup_len = strlen(src);
    bench_setup("startup snapshot, lodash.js as the set-up", reps);
    free(src);
    free(lib);
    return 0;
}
