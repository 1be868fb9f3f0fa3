/*
 * bench_core.c: ns per operation on libjsvm's hot paths, each beside the
 * same operation written in plain C against the same QuickJS, measured in
 * the same run (make bench; docs/bench.md).
 *
 *   a  JS -> native callback, empty body
 *   b  JS -> native callback doing GetCbInfo, 2x GetValueDouble, CreateDouble
 *   c  CreateDouble + GetValueDouble from C (handle scope cycled every 1000)
 *   d  CallFunction of a 2-argument JS function from C
 *   e  CreateVM + CreateEnv + run "1+1" + destroy everything
 *   f  set + get of 8 named properties on one object from C
 *      (SetNamedProperty + GetNamedProperty, handle scope cycled every 125
 *      ops; baseline JS_SetPropertyStr + JS_GetPropertyStr + JS_FreeValue)
 *   g  64-byte UTF-8 string: CreateStringUtf8 + GetValueStringUtf8
 *   h  CreateArraybuffer of 1 MiB + fill from C + read in JS
 *   i  CreateBigintWords + GetValueBigintWords of 4 words
 *   j  CreatePromise + ResolveDeferred + PerformMicrotaskCheckpoint
 *   k-p  Unwrap, NewInstance, GetReferenceValue (bench_native.h)
 *   q-t  compile ~500 KB of generated code and lodash, from source and with
 *        a code cache (bench_cache.h)
 *   u  MemoryPressureNotification(MODERATE), one full collection of a small
 *      heap, with one empty GC handler registered; its "baseline" is the
 *      same call on an identical VM without a handler, so the ratio is the
 *      handler's overhead per collection (both sides are JSVM)
 *
 * The program is linked against libjsvm_full.so: the library built without
 * its linker version script, so it also exports QuickJS's JS_* symbols. The
 * OH_JSVM_* path and the plain-C baseline therefore run the very same
 * compiled QuickJS in one process. Built with -DBENCH_JSVM_ONLY it links the
 * shipped libjsvm.so instead and measures the OH_JSVM_* side only.
 *
 * Method: per op and side, calibrate N so that one repetition takes --ms
 * milliseconds, run one warm-up repetition, then --reps repetitions with the
 * two sides interleaved (alternating which goes first); report the median
 * ns/op of each side and their ratio, plus the range of the per-repetition
 * ratios (each JSVM run over the baseline run next to it in time: on a busy
 * machine a wide range means the ratio is noise-bound). Nothing is
 * subtracted. Timing is reported, never asserted: the exit status is non-zero
 * only if an API call failed or returned a wrong value.
 *
 * --callgrind (run under valgrind --tool=callgrind by callgrind.sh) runs each
 * op once per side with a fixed N, zeroing the counters before the run and
 * dumping them after it, labelled "<op> <side> n=N".
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ark_runtime/jsvm.h"
#ifndef BENCH_JSVM_ONLY
#include "quickjs.h"
#endif

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif
#ifndef HAVE_CALLGRIND
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(s) ((void)(s))
#endif

/* Setup failures abort; failures inside timed loops are OR-ed into `bad`
 * (as cheap as ignoring them) and reported at the end. */
#define CHECK(call)                                                         \
    do {                                                                    \
        int st_ = (int)(call);                                              \
        if (st_ != 0) {                                                     \
            fprintf(stderr, "bench: %s failed: %d (line %d)\n", #call, st_, \
                    __LINE__);                                              \
            exit(2);                                                        \
        }                                                                   \
    } while (0)

static unsigned bad;         /* OR of statuses / error flags in timed code */
static volatile double sink; /* keeps results observable */

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* ------------------------------------------------------------------ */
/* JSVM side                                                           */

static const char RUNNER_SRC[] =
    "(function (f, n) { for (let i = 0; i < n; i++) f(i, 2.5); })";
static const char ADD_SRC[] = "(function (a, b) { return a + b; })";

static JSVM_VM jvm;
static JSVM_Env jenv;
static JSVM_HandleScope jscope;
static JSVM_Value jrunner, jfa, jfb, jadd, jundef, jargs[2];

/* (f): the object and the 8 values stored in it, created once */
static const char *const PROP_NAMES[8] = {"alpha", "beta", "gamma", "delta",
                                          "epsilon", "zeta", "eta", "theta"};
static JSVM_Value jobj, jpropv[8];

static JSVM_Value cb_empty(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}

static JSVM_Value cb_work(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2], r;
    double x, y;
    bad |= OH_JSVM_GetCbInfo(env, info, &argc, argv, NULL, NULL);
    bad |= OH_JSVM_GetValueDouble(env, argv[0], &x);
    bad |= OH_JSVM_GetValueDouble(env, argv[1], &y);
    bad |= OH_JSVM_CreateDouble(env, x + y, &r);
    return r;
}

static JSVM_CallbackStruct cb_empty_s = {cb_empty, NULL};
static JSVM_CallbackStruct cb_work_s = {cb_work, NULL};

static JSVM_Value jsvm_eval(const char *src)
{
    JSVM_Value s, r;
    JSVM_Script script;
    CHECK(OH_JSVM_CreateStringUtf8(jenv, src, JSVM_AUTO_LENGTH, &s));
    CHECK(OH_JSVM_CompileScript(jenv, s, NULL, 0, true, NULL, &script));
    CHECK(OH_JSVM_RunScript(jenv, script, &r));
    return r;
}

static double jsvm_num(JSVM_Value v)
{
    double d = NAN;
    CHECK(OH_JSVM_GetValueDouble(jenv, v, &d));
    return d;
}

static void jsvm_values_setup(void); /* (g-j), below */

static void jsvm_setup(void)
{
    CHECK(OH_JSVM_Init(NULL));
    CHECK(OH_JSVM_CreateVM(NULL, &jvm));
    CHECK(OH_JSVM_CreateEnv(jvm, 0, NULL, &jenv));
    CHECK(OH_JSVM_OpenHandleScope(jenv, &jscope));
    jrunner = jsvm_eval(RUNNER_SRC);
    jadd = jsvm_eval(ADD_SRC);
    CHECK(OH_JSVM_CreateFunction(jenv, "fa", JSVM_AUTO_LENGTH, &cb_empty_s, &jfa));
    CHECK(OH_JSVM_CreateFunction(jenv, "fb", JSVM_AUTO_LENGTH, &cb_work_s, &jfb));
    CHECK(OH_JSVM_GetUndefined(jenv, &jundef));
    CHECK(OH_JSVM_CreateDouble(jenv, 1.5, &jargs[0]));
    CHECK(OH_JSVM_CreateDouble(jenv, 2.5, &jargs[1]));
    CHECK(OH_JSVM_CreateObject(jenv, &jobj));
    for (int i = 0; i < 8; i++) {
        CHECK(OH_JSVM_CreateInt32(jenv, i * 3, &jpropv[i]));
        CHECK(OH_JSVM_SetNamedProperty(jenv, jobj, PROP_NAMES[i], jpropv[i]));
    }

    /* the callbacks and the function compute what they should */
    JSVM_Value r, a2[2];
    CHECK(OH_JSVM_CreateDouble(jenv, 1, &a2[0]));
    CHECK(OH_JSVM_CreateDouble(jenv, 2.5, &a2[1]));
    CHECK(OH_JSVM_CallFunction(jenv, jundef, jfb, 2, a2, &r));
    if (jsvm_num(r) != 3.5)
        CHECK(!"fb(1, 2.5) == 3.5");
    CHECK(OH_JSVM_CallFunction(jenv, jundef, jadd, 2, jargs, &r));
    if (jsvm_num(r) != 4)
        CHECK(!"add(1.5, 2.5) == 4");
    CHECK(OH_JSVM_GetNamedProperty(jenv, jobj, "delta", &r));
    if (jsvm_num(r) != 9)
        CHECK(!"obj.delta == 9");
    jsvm_values_setup();
}

static void jsvm_teardown(void)
{
    CHECK(OH_JSVM_CloseHandleScope(jenv, jscope));
    CHECK(OH_JSVM_DestroyEnv(jenv));
    CHECK(OH_JSVM_DestroyVM(jvm));
}

/* runner(f, n) inside its own handle scope: the loop of (a) and (b). n is
 * passed as an int (a double would send every `i < n` down QuickJS's slow
 * relational path, inflating both sides alike). */
static void jsvm_loop(JSVM_Value f, long n)
{
    JSVM_HandleScope s;
    JSVM_Value args[2], r;
    bad |= OH_JSVM_OpenHandleScope(jenv, &s);
    args[0] = f;
    bad |= OH_JSVM_CreateInt32(jenv, (int32_t)n, &args[1]);
    bad |= OH_JSVM_CallFunction(jenv, jundef, jrunner, 2, args, &r);
    bad |= OH_JSVM_CloseHandleScope(jenv, s);
}

static void jsvm_a(long n) { jsvm_loop(jfa, n); }
static void jsvm_b(long n) { jsvm_loop(jfb, n); }

static void jsvm_c(long n)
{
    JSVM_HandleScope s;
    JSVM_Value v;
    double d, sum = 0;
    for (long k = 0; k < n; k += 1000) {
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        for (int j = 0; j < 1000; j++) {
            bad |= OH_JSVM_CreateDouble(jenv, j + 0.5, &v);
            bad |= OH_JSVM_GetValueDouble(jenv, v, &d);
            sum += d;
        }
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
    sink = sum;
}

static void jsvm_d(long n)
{
    JSVM_HandleScope s;
    JSVM_Value r;
    for (long k = 0; k < n; k += 1000) {
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        for (int j = 0; j < 1000; j++)
            bad |= OH_JSVM_CallFunction(jenv, jundef, jadd, 2, jargs, &r);
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
}

/* n sets + gets of the 8 properties. The values are pre-made handles, as
 * the baseline's JS_NewInt32 costs nothing; each get makes a handle, freed
 * when the scope is cycled. */
static void jsvm_f(long n)
{
    JSVM_HandleScope s;
    JSVM_Value r = NULL;
    for (long k = 0; k < n; k += 125) {
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        for (int j = 0; j < 125; j++) {
            for (int i = 0; i < 8; i++) {
                bad |= OH_JSVM_SetNamedProperty(jenv, jobj, PROP_NAMES[i], jpropv[i]);
                bad |= OH_JSVM_GetNamedProperty(jenv, jobj, PROP_NAMES[i], &r);
            }
        }
        bad |= (r == NULL);
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
}

static void jsvm_e(long n)
{
    for (long i = 0; i < n; i++) {
        JSVM_VM vm;
        JSVM_VMScope vs;
        JSVM_Env env;
        JSVM_EnvScope es;
        JSVM_HandleScope hs;
        JSVM_Value src, r;
        JSVM_Script script;
        int32_t v = 0;
        bad |= OH_JSVM_CreateVM(NULL, &vm);
        bad |= OH_JSVM_OpenVMScope(vm, &vs);
        bad |= OH_JSVM_CreateEnv(vm, 0, NULL, &env);
        bad |= OH_JSVM_OpenEnvScope(env, &es);
        bad |= OH_JSVM_OpenHandleScope(env, &hs);
        bad |= OH_JSVM_CreateStringUtf8(env, "1+1", 3, &src);
        bad |= OH_JSVM_CompileScript(env, src, NULL, 0, true, NULL, &script);
        bad |= OH_JSVM_RunScript(env, script, &r);
        bad |= OH_JSVM_GetValueInt32(env, r, &v);
        bad |= (v != 2);
        bad |= OH_JSVM_CloseHandleScope(env, hs);
        bad |= OH_JSVM_CloseEnvScope(env, es);
        bad |= OH_JSVM_DestroyEnv(env);
        bad |= OH_JSVM_CloseVMScope(vm, vs);
        bad |= OH_JSVM_DestroyVM(vm);
    }
}


/* ---- value types (g-j) ---- */

/* 64 bytes of UTF-8, some of it outside ASCII (13 two-byte characters) */
static const char STR64[] = "h\xc3\xa9llo w\xc3\xb6rld, gr\xc3\xbc\xc3\x9f""e \xc3\xa0 tous \xc3\xa9t\xc3\xa9 \xc3\xa7""a va "
                            "\xc3\xa6\xc3\xb8\xc3\xa5 \xc3\xb1 abcdefghij";
#define STR64_LEN 64
#define AB_LEN (1 << 20)
static const char READER_SRC[] =
    "(function (ab) { const u = new Uint8Array(ab); return u[0] + u[524288] + u[1048575]; })";
/* four words, the top one with its high bit set: a 256-bit magnitude */
static const uint64_t WORDS4[4] = {0x0123456789abcdefull, 0xfedcba9876543210ull, 0x0f1e2d3c4b5a6978ull,
                                   0x8899aabbccddeeffull};
static JSVM_Value jreader;

static void jsvm_values_setup(void)
{
    jreader = jsvm_eval(READER_SRC);
}

static void jsvm_g(long n)
{
    JSVM_HandleScope s;
    JSVM_Value v;
    char buf[STR64_LEN + 1];
    size_t len;
    for (long k = 0; k < n; k += 1000) {
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        for (int j = 0; j < 1000; j++) {
            bad |= OH_JSVM_CreateStringUtf8(jenv, STR64, STR64_LEN, &v);
            bad |= OH_JSVM_GetValueStringUtf8(jenv, v, buf, sizeof buf, &len);
            bad |= (len != STR64_LEN) | (unsigned)(buf[63] != 'j');
        }
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
}

static void jsvm_h(long n)
{
    for (long i = 0; i < n; i++) {
        JSVM_HandleScope s;
        JSVM_Value ab, r;
        void *data;
        int32_t sum = 0;
        int fill = (int)(i & 63) + 1;
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        bad |= OH_JSVM_CreateArraybuffer(jenv, AB_LEN, &data, &ab);
        memset(data, fill, AB_LEN);
        bad |= OH_JSVM_CallFunction(jenv, jundef, jreader, 1, &ab, &r);
        bad |= OH_JSVM_GetValueInt32(jenv, r, &sum);
        bad |= (sum != 3 * fill);
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
}

static void jsvm_i(long n)
{
    JSVM_HandleScope s;
    JSVM_Value v;
    uint64_t out[4];
    int sign;
    size_t count;
    for (long k = 0; k < n; k += 1000) {
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        for (int j = 0; j < 1000; j++) {
            bad |= OH_JSVM_CreateBigintWords(jenv, j & 1, 4, WORDS4, &v);
            count = 4;
            bad |= OH_JSVM_GetValueBigintWords(jenv, v, &sign, &count, out);
            bad |= (count != 4) | (unsigned)(sign != (j & 1)) | (unsigned)(out[3] != WORDS4[3]) |
                   (unsigned)(out[0] != WORDS4[0]);
        }
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
}

static void jsvm_j(long n)
{
    JSVM_HandleScope s;
    JSVM_Deferred d;
    JSVM_Value p;
    for (long k = 0; k < n; k += 1000) {
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        for (int j = 0; j < 1000; j++) {
            bad |= OH_JSVM_CreatePromise(jenv, &d, &p);
            bad |= OH_JSVM_ResolveDeferred(jenv, d, jargs[0]);
            bad |= OH_JSVM_PerformMicrotaskCheckpoint(jvm);
        }
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
}

/* ------------------------------------------------------------------ */
/* plain-C baseline on the same QuickJS                                */

#ifndef BENCH_JSVM_ONLY
static JSRuntime *qrt;
static JSContext *qctx;
static JSValue qrunner, qfa, qfb, qadd, qargs[2], qobj;

static JSValue q_empty(JSContext *ctx, JSValueConst this_val, int argc,
                       JSValueConst *argv)
{
    (void)ctx;
    (void)this_val;
    (void)argc;
    (void)argv;
    return JS_UNDEFINED;
}

static JSValue q_work(JSContext *ctx, JSValueConst this_val, int argc,
                      JSValueConst *argv)
{
    double x, y;
    (void)this_val;
    (void)argc; /* length 2: QuickJS pads missing arguments with undefined */
    bad |= (unsigned)JS_ToFloat64(ctx, &x, argv[0]);
    bad |= (unsigned)JS_ToFloat64(ctx, &y, argv[1]);
    return JS_NewFloat64(ctx, x + y);
}

static JSValue q_eval(const char *src)
{
    JSValue v = JS_Eval(qctx, src, strlen(src), "<bench>", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(v))
        CHECK(!"JS_Eval");
    return v;
}

static double q_num(JSValue v)
{
    double d = NAN;
    CHECK(JS_ToFloat64(qctx, &d, v));
    JS_FreeValue(qctx, v);
    return d;
}

static void base_values_setup(void); /* (g-j), below */

static void base_setup(void)
{
    qrt = JS_NewRuntime();
    qctx = JS_NewContext(qrt);
    if (!qrt || !qctx)
        CHECK(!"JS_NewRuntime/JS_NewContext");
    qrunner = q_eval(RUNNER_SRC);
    qadd = q_eval(ADD_SRC);
    qfa = JS_NewCFunction2(qctx, q_empty, "fa", 2, JS_CFUNC_generic, 0);
    qfb = JS_NewCFunction2(qctx, q_work, "fb", 2, JS_CFUNC_generic, 0);
    qargs[0] = JS_NewFloat64(qctx, 1.5);
    qargs[1] = JS_NewFloat64(qctx, 2.5);
    qobj = JS_NewObject(qctx);
    for (int i = 0; i < 8; i++)
        CHECK(JS_SetPropertyStr(qctx, qobj, PROP_NAMES[i], JS_NewInt32(qctx, i * 3)) < 0);

    JSValue a2[2] = {JS_NewFloat64(qctx, 1), JS_NewFloat64(qctx, 2.5)};
    if (q_num(JS_Call(qctx, qfb, JS_UNDEFINED, 2, a2)) != 3.5)
        CHECK(!"fb(1, 2.5) == 3.5");
    if (q_num(JS_Call(qctx, qadd, JS_UNDEFINED, 2, qargs)) != 4)
        CHECK(!"add(1.5, 2.5) == 4");
    base_values_setup();
}

static void base_values_teardown(void); /* (g-j), below */

static void base_teardown(void)
{
    base_values_teardown();
    JS_FreeValue(qctx, qrunner);
    JS_FreeValue(qctx, qadd);
    JS_FreeValue(qctx, qfa);
    JS_FreeValue(qctx, qfb);
    JS_FreeValue(qctx, qobj);
    JS_FreeContext(qctx);
    JS_FreeRuntime(qrt);
}

static void base_loop(JSValue f, long n)
{
    JSValue args[2] = {f, JS_NewInt32(qctx, (int32_t)n)};
    JSValue r = JS_Call(qctx, qrunner, JS_UNDEFINED, 2, args);
    bad |= JS_IsException(r);
    JS_FreeValue(qctx, r);
}

static void base_a(long n) { base_loop(qfa, n); }
static void base_b(long n) { base_loop(qfb, n); }

static void base_c(long n)
{
    JSValue v;
    double d, sum = 0;
    for (long k = 0; k < n; k += 1000) {
        for (int j = 0; j < 1000; j++) {
            v = JS_NewFloat64(qctx, j + 0.5);
            bad |= (unsigned)JS_ToFloat64(qctx, &d, v);
            JS_FreeValue(qctx, v);
            sum += d;
        }
    }
    sink = sum;
}

static void base_d(long n)
{
    for (long k = 0; k < n; k += 1000) {
        for (int j = 0; j < 1000; j++) {
            JSValue r = JS_Call(qctx, qadd, JS_UNDEFINED, 2, qargs);
            bad |= JS_IsException(r);
            JS_FreeValue(qctx, r);
        }
    }
}

static void base_f(long n)
{
    for (long k = 0; k < n; k++) {
        for (int i = 0; i < 8; i++) {
            bad |= JS_SetPropertyStr(qctx, qobj, PROP_NAMES[i], JS_NewInt32(qctx, i * 3)) < 0;
            JSValue v = JS_GetPropertyStr(qctx, qobj, PROP_NAMES[i]);
            bad |= JS_IsException(v);
            JS_FreeValue(qctx, v);
        }
    }
}

static void base_e(long n)
{
    for (long i = 0; i < n; i++) {
        JSRuntime *rt = JS_NewRuntime();
        JSContext *ctx = JS_NewContext(rt);
        JSValue r = JS_Eval(ctx, "1+1", 3, "<bench>", JS_EVAL_TYPE_GLOBAL);
        bad |= !(JS_VALUE_GET_TAG(r) == JS_TAG_INT && JS_VALUE_GET_INT(r) == 2);
        JS_FreeValue(ctx, r);
        JS_FreeContext(ctx);
        JS_FreeRuntime(rt);
    }
}

/* ---- value types (g-j): the same operations written against QuickJS ---- */

static JSValue qreader, qbigint, qtostring, qasintn;

static void base_values_setup(void)
{
    JSValue g = JS_GetGlobalObject(qctx), proto;
    qreader = q_eval(READER_SRC);
    qbigint = JS_GetPropertyStr(qctx, g, "BigInt");
    qasintn = JS_GetPropertyStr(qctx, qbigint, "asIntN");
    proto = JS_GetPropertyStr(qctx, qbigint, "prototype");
    qtostring = JS_GetPropertyStr(qctx, proto, "toString");
    JS_FreeValue(qctx, proto);
    JS_FreeValue(qctx, g);
}

static void base_values_teardown(void)
{
    JS_FreeValue(qctx, qreader);
    JS_FreeValue(qctx, qbigint);
    JS_FreeValue(qctx, qasintn);
    JS_FreeValue(qctx, qtostring);
}

static void base_g(long n)
{
    char buf[STR64_LEN + 1];
    for (long k = 0; k < n; k++) {
        size_t len;
        JSValue v = JS_NewStringLen(qctx, STR64, STR64_LEN);
        const char *c = JS_ToCStringLen(qctx, &len, v);
        bad |= (c == NULL);
        memcpy(buf, c, len < STR64_LEN ? len : STR64_LEN);
        buf[STR64_LEN] = 0;
        bad |= (len != STR64_LEN) | (unsigned)(buf[63] != 'j');
        JS_FreeCString(qctx, c);
        JS_FreeValue(qctx, v);
    }
}

static void q_free_buf(JSRuntime *rt, void *opaque, void *ptr)
{
    (void)opaque;
    js_free_rt(rt, ptr);
}

static void base_h(long n)
{
    for (long i = 0; i < n; i++) {
        int fill = (int)(i & 63) + 1;
        uint8_t *data = js_mallocz(qctx, AB_LEN);
        JSValue ab = JS_NewArrayBuffer(qctx, data, AB_LEN, q_free_buf, NULL, false);
        memset(data, fill, AB_LEN);
        JSValue r = JS_Call(qctx, qreader, JS_UNDEFINED, 1, &ab);
        bad |= !(JS_VALUE_GET_TAG(r) == JS_TAG_INT && JS_VALUE_GET_INT(r) == 3 * fill);
        JS_FreeValue(qctx, r);
        JS_FreeValue(qctx, ab);
    }
}

/* QuickJS has no BigInt words API: the baseline is the method libjsvm
 * uses (a hex literal parsed by BigInt, toString(16) parsed back), written
 * directly against the engine. */
static JSValue q_bigint_words(int sign, const uint64_t *w)
{
    static const char hex[] = "0123456789abcdef";
    char buf[3 + 64];
    buf[0] = '0';
    buf[1] = 'x';
    buf[2] = sign ? '1' : '0';
    uint64_t carry = 1;
    for (int i = 0; i < 4; i++) {
        uint64_t x = sign ? ~w[i] + carry : w[i];
        if (sign)
            carry = carry && x == 0;
        for (int d = 0; d < 16; d++)
            buf[3 + 16 * (3 - i) + d] = hex[(x >> (60 - 4 * d)) & 15];
    }
    JSValue str = JS_NewStringLen(qctx, buf, sizeof buf);
    JSValue r = JS_Call(qctx, qbigint, JS_UNDEFINED, 1, &str);
    JS_FreeValue(qctx, str);
    if (sign) {
        JSValue args[2] = {JS_NewInt32(qctx, 257), r};
        JSValue neg = JS_Call(qctx, qasintn, JS_UNDEFINED, 2, args);
        JS_FreeValue(qctx, r);
        r = neg;
    }
    return r;
}

static int q_words_of(JSValue v, int *sign, uint64_t *w)
{
    JSValue radix = JS_NewInt32(qctx, 16);
    JSValue s = JS_Call(qctx, qtostring, v, 1, &radix);
    size_t len;
    const char *c = JS_ToCStringLen(qctx, &len, s), *end = c + len, *d = c;
    JS_FreeValue(qctx, s);
    *sign = *d == '-';
    d += *sign;
    int nw = (int)((end - d + 15) / 16);
    for (int i = 0; i < nw && i < 4; i++) {
        const char *hi = end - 16 * (i + 1) < d ? d : end - 16 * (i + 1);
        uint64_t x = 0;
        for (const char *q = hi; q < end - 16 * i; q++)
            x = (x << 4) | (uint64_t)(*q <= '9' ? *q - '0' : *q - 'a' + 10);
        w[i] = x;
    }
    JS_FreeCString(qctx, c);
    return nw;
}

static void base_i(long n)
{
    uint64_t out[4];
    int sign;
    for (long k = 0; k < n; k++) {
        int j = (int)(k & 1);
        JSValue v = q_bigint_words(j, WORDS4);
        int count = q_words_of(v, &sign, out);
        bad |= (count != 4) | (unsigned)(sign != j) | (unsigned)(out[3] != WORDS4[3]) |
               (unsigned)(out[0] != WORDS4[0]);
        JS_FreeValue(qctx, v);
    }
}

static void base_j(long n)
{
    JSContext *jctx;
    for (long k = 0; k < n; k++) {
        JSValue funcs[2];
        JSValue p = JS_NewPromiseCapability(qctx, funcs);
        JSValue r = JS_Call(qctx, funcs[0], JS_UNDEFINED, 1, &qargs[0]);
        bad |= JS_IsException(r);
        JS_FreeValue(qctx, r);
        JS_FreeValue(qctx, funcs[0]);
        JS_FreeValue(qctx, funcs[1]);
        JS_FreeValue(qctx, p);
        while (JS_ExecutePendingJob(qrt, &jctx) > 0)
            ;
    }
}
#endif /* BENCH_JSVM_ONLY */

#include "bench_native.h"
#include "bench_cache.h"

/* ---- (u): the cost of a registered GC handler per collection ---- */

static JSVM_VM gcvm[2];       /* [0] with one handler, [1] without */
static JSVM_Env gcenv[2];
static long gc_calls;

static void gc_empty(JSVM_VM vm, JSVM_GCType type, JSVM_GCCallbackFlags flags, void *data)
{
    (void)vm;
    (void)type;
    (void)flags;
    (void)data;
    gc_calls++; /* the one store shows it ran (checked at setup) */
}

static void jsvm_gc_setup(void)
{
    for (int i = 0; i < 2; i++) {
        CHECK(OH_JSVM_CreateVM(NULL, &gcvm[i]));
        CHECK(OH_JSVM_CreateEnv(gcvm[i], 0, NULL, &gcenv[i]));
    }
    CHECK(OH_JSVM_AddHandlerForGC(gcvm[0], JSVM_CB_TRIGGER_BEFORE_GC, gc_empty, JSVM_GC_TYPE_ALL, NULL));
    CHECK(OH_JSVM_MemoryPressureNotification(gcenv[0], JSVM_MEMORY_PRESSURE_LEVEL_MODERATE));
    CHECK(OH_JSVM_MemoryPressureNotification(gcenv[1], JSVM_MEMORY_PRESSURE_LEVEL_MODERATE));
    if (gc_calls != 1)
        CHECK(!"the GC handler runs once per collection, on its VM only");
}

static void jsvm_gc_teardown(void)
{
    for (int i = 0; i < 2; i++) {
        CHECK(OH_JSVM_DestroyEnv(gcenv[i]));
        CHECK(OH_JSVM_DestroyVM(gcvm[i]));
    }
}

static void jsvm_gc_pressure(int i, long n)
{
    for (long k = 0; k < n; k++)
        bad |= OH_JSVM_MemoryPressureNotification(gcenv[i], JSVM_MEMORY_PRESSURE_LEVEL_MODERATE);
}

static void jsvm_u(long n) { jsvm_gc_pressure(0, n); }
static void jsvm_u0(long n) { jsvm_gc_pressure(1, n); }

/* ------------------------------------------------------------------ */
/* harness                                                             */

typedef void (*run_fn)(long n);

typedef struct {
    char id;
    const char *what;
    long granule;          /* N is a multiple of this */
    long cg_iters;         /* N under --callgrind */
    double target;         /* max ratio; 0 = none */
    run_fn side[2];        /* [0] JSVM, [1] baseline */
} op_t;

#ifdef BENCH_JSVM_ONLY
#define BASE(f) NULL
#else
#define BASE(f) f
#endif

static const op_t ops[] = {
    {'a', "JS->native callback, empty body", 1, 200000, 1.2, {jsvm_a, BASE(base_a)}},
    {'b', "callback: GetCbInfo + 2 GetValueDouble + CreateDouble", 1, 200000, 2.0, {jsvm_b, BASE(base_b)}},
    {'c', "CreateDouble + GetValueDouble from C", 1000, 1000000, 0, {jsvm_c, BASE(base_c)}},
    {'d', "CallFunction, 2-arg JS function, from C", 1000, 200000, 0, {jsvm_d, BASE(base_d)}},
    {'e', "CreateVM+CreateEnv+run \"1+1\"+destroy", 1, 50, 1.5, {jsvm_e, BASE(base_e)}},
    {'f', "8x (SetNamedProperty + GetNamedProperty) from C", 125, 100000, 2.0, {jsvm_f, BASE(base_f)}},
    {'g', "64-byte UTF-8 string: create + read back", 1000, 200000, 2.0, {jsvm_g, BASE(base_g)}},
    {'h', "CreateArraybuffer 1 MiB + fill from C + read in JS", 1, 200, 2.0, {jsvm_h, BASE(base_h)}},
    {'i', "CreateBigintWords + GetValueBigintWords, 4 words", 1000, 100000, 2.0, {jsvm_i, BASE(base_i)}},
    {'j', "CreatePromise + ResolveDeferred + checkpoint", 1000, 100000, 2.0, {jsvm_j, BASE(base_j)}},
    {'k', "Unwrap, 1,000 objects among 100,000 wrapped", 1000, 1000000, 2.0, {jsvm_k, BASE(base_k)}},
    {'l', "Unwrap, 1,000 objects among 1,000 wrapped", 1000, 1000000, 0, {jsvm_l, BASE(base_l)}},
    {'m', "Unwrap, 1,000 objects among 200,000 wrapped", 1000, 1000000, 0, {jsvm_m, BASE(base_m)}},
    {'n', "NewInstance of a native class", 1000, 200000, 2.0, {jsvm_n, BASE(base_n)}},
    {'o', "GetReferenceValue (strong)", 1000, 1000000, 2.0, {jsvm_o, BASE(base_o)}},
    {'p', "Unwrap at random over 100,000 wrapped (memory-bound)", 1000, 1000000, 0, {jsvm_p, BASE(base_p)}},
    {'q', "compile generated 500 KB script from source", 1, 3, 0, {jsvm_q, BASE(base_q)}},
    {'r', "compile generated 500 KB script with code cache", 1, 20, 0, {jsvm_r, BASE(base_r)}},
    {'s', "compile lodash.js (532 KB) from source", 1, 3, 0, {jsvm_s, BASE(base_s)}},
    {'t', "compile lodash.js (532 KB) with code cache", 1, 20, 0, {jsvm_t, BASE(base_t)}},
    /* both sides JSVM: with one empty GC handler / without */
    {'u', "GC (MemoryPressure MODERATE), 1 empty GC handler vs none", 1, 2000, 0, {jsvm_u, jsvm_u0}},
};
#define NOPS (sizeof ops / sizeof ops[0])

static double time_run(run_fn f, long n)
{
    double t0 = now_ns();
    f(n);
    return now_ns() - t0;
}

/* A fixed N (--iters): a multiple of granule, at most 2^30. */
static long round_iters(long n, long granule)
{
    if (n > (1L << 30))
        n = 1L << 30;
    return (n + granule - 1) / granule * granule;
}

/* N such that one repetition takes about target_ns. */
static long calibrate(run_fn f, long granule, double target_ns)
{
    long n = granule;
    for (;;) {
        double t = time_run(f, n);
        if (t >= target_ns / 16 || n >= (1L << 28)) {
            double want = (double)n * target_ns / (t > 1 ? t : 1);
            if (want > (double)(1L << 30))
                want = (double)(1L << 30); /* the JS loop bound is an int32 */
            long m = ((long)want + granule - 1) / granule * granule;
            return m < granule ? granule : m;
        }
        n *= 4;
    }
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

/* Other processes competing for the CPUs make wall-clock ratios noisy. */
static void print_load(const char *when)
{
    double la[1];
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    if (getloadavg(la, 1) != 1 || ncpu < 1)
        return;
    printf("load average %s: %.2f on %ld CPUs%s\n", when, la[0], ncpu,
           la[0] > 0.5 * (double)ncpu ? " (busy machine: expect noisy ratios)" : "");
}

/* What one more copy of the 1 MiB buffer of (h) would cost: a copy-free
 * path shows no such term in (h)'s JSVM - C difference. */
static void print_copy_reference(void)
{
    enum { N = 200 };
    char *a = malloc(AB_LEN), *b = malloc(AB_LEN);
    double t[N];
    memset(a, 1, AB_LEN);
    memset(b, 2, AB_LEN);
    for (int i = 0; i < N; i++) {
        double t0 = now_ns();
        memcpy(i & 1 ? a : b, i & 1 ? b : a, AB_LEN);
        t[i] = now_ns() - t0;
    }
    sink = a[7] + b[9];
    printf("reference for (h): memcpy of 1 MiB (warm) = %.0f ns (median of %d)\n", median(t, N), N);
    free(a);
    free(b);
}

/* Medians of the ops that ran, [id][side] (0 = not run). */
static double op_median[128][2];

/* Source -> cache speed-up of (q, r) and (s, t), on both sides. */
static void print_cache_speedup(int nsides)
{
    static const char pairs[2][3] = {"qr", "st"};
    static const char *const what[2] = {"generated 500 KB", "lodash.js"};
    for (int p = 0; p < 2; p++) {
        double *src = op_median[(unsigned char)pairs[p][0]], *cached = op_median[(unsigned char)pairs[p][1]];
        if (src[0] <= 0 || cached[0] <= 0)
            continue;
        printf("code cache speed-up, %s: JSVM %.1fx (%.2f ms -> %.3f ms, target >= 10x)", what[p], src[0] / cached[0],
               src[0] / 1e6, cached[0] / 1e6);
        if (nsides > 1 && src[1] > 0 && cached[1] > 0)
            printf("; plain C JS_Eval -> JS_ReadObject %.1fx (%.2f ms -> %.3f ms)", src[1] / cached[1], src[1] / 1e6,
                   cached[1] / 1e6);
        printf("\n");
    }
}

static void usage(void)
{
    fprintf(stderr,
            "usage: bench_core [--only=abcdefghijklmnopqrstu] [--reps=R] [--ms=T] [--jsvm-only]\n"
            "                  [--callgrind [--iters=N]]\n"
            "  --reps=R     repetitions per op and side (default 9)\n"
            "  --ms=T       target milliseconds per repetition (default 60)\n"
            "  --only=ops   run only these ops (letters of the table)\n"
            "  --jsvm-only  skip the plain-C baseline\n"
            "  --callgrind  one run per op and side with fixed N, dumping callgrind stats\n"
            "  --iters=N    fixed N (default: calibrated; per-op default under --callgrind)\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int reps = 9, callgrind = 0, jsvm_only = 0;
    double ms = 60;
    long iters = 0;
    const char *only = "abcdefghijklmnopqrstu";

#ifdef BENCH_JSVM_ONLY
    jsvm_only = 1;
#endif
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strncmp(a, "--reps=", 7))
            reps = atoi(a + 7);
        else if (!strncmp(a, "--ms=", 5))
            ms = atof(a + 5);
        else if (!strncmp(a, "--only=", 7))
            only = a + 7;
        else if (!strncmp(a, "--iters=", 8))
            iters = atol(a + 8);
        else if (!strcmp(a, "--jsvm-only"))
            jsvm_only = 1;
        else if (!strcmp(a, "--callgrind"))
            callgrind = 1;
        else
            usage();
    }
    if (reps < 1 || reps > 101 || ms <= 0)
        usage();
#ifndef HAVE_CALLGRIND
    if (callgrind) {
        fprintf(stderr, "bench: built without <valgrind/callgrind.h>; --callgrind unavailable\n");
        return 2;
    }
#endif
    int nsides = jsvm_only ? 1 : 2;

    jsvm_setup();
    jsvm_native_setup();
    jsvm_gc_setup();
    jsvm_cache_setup();
#ifndef BENCH_JSVM_ONLY
    if (!jsvm_only) {
        base_setup();
        base_native_setup();
        base_cache_setup();
    }
#endif

    JSVM_VMInfo vi;
    CHECK(OH_JSVM_GetVMInfo(&vi));
    printf("libjsvm bench_core: %s %s, %s\n", vi.engine, vi.version,
#ifdef BENCH_JSVM_ONLY
           "linked against the shipped libjsvm.so (JSVM side only)"
#else
           "JSVM and plain-C baseline on the same QuickJS build (libjsvm_full.so)"
#endif
    );

    if (callgrind) {
        /* Instruction counts: one run per op and side, stats dumped per run. */
        for (size_t o = 0; o < NOPS; o++) {
            const op_t *op = &ops[o];
            if (!strchr(only, op->id) || cache_op_unavailable(op->id))
                continue;
            long n = iters > 0 ? round_iters(iters, op->granule) : op->cg_iters;
            for (int s = 0; s < nsides; s++) {
                char label[64];
                op->side[s](op->granule); /* warm: first-use costs stay out */
                snprintf(label, sizeof label, "%c %s n=%ld", op->id, s ? "base" : "jsvm", n);
                CALLGRIND_ZERO_STATS;
                op->side[s](n);
                CALLGRIND_DUMP_STATS_AT(label);
                printf("ran %s\n", label);
            }
        }
    } else {
        printf("%d repetitions of ~%.0f ms per op and side, sides interleaved; median ns/op\n",
               reps, ms);
        print_load("before");
        printf("\n");
        if (jsvm_only) {
            printf("| op | operation | JSVM ns/op | JSVM min |\n|---|---|---:|---:|\n");
        } else {
            printf("| op | operation | JSVM ns/op | C ns/op | ratio | paired range | target | met |\n"
                   "|---|---|---:|---:|---:|---:|---:|---|\n");
        }
        fflush(stdout);
        for (size_t o = 0; o < NOPS; o++) {
            const op_t *op = &ops[o];
            if (!strchr(only, op->id))
                continue;
            if (cache_op_unavailable(op->id)) {
                printf("| %c | %s | %s |\n", op->id, op->what, cache_op_unavailable(op->id));
                fflush(stdout);
                continue;
            }
            long n[2];
            double t[2][101], pair[101], med[2], mn[2];
            for (int s = 0; s < nsides; s++) {
                n[s] = iters > 0 ? round_iters(iters, op->granule)
                                 : calibrate(op->side[s], op->granule, ms * 1e6);
                op->side[s](n[s]); /* warm-up repetition */
            }
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < nsides; k++) {
                    int s = (r & 1) ? nsides - 1 - k : k;
                    t[s][r] = time_run(op->side[s], n[s]) / (double)n[s];
                }
            }
            for (int r = 0; r < reps && !jsvm_only; r++)
                pair[r] = t[0][r] / t[1][r]; /* two runs adjacent in time */
            for (int s = 0; s < nsides; s++) {
                med[s] = median(t[s], reps); /* sorts t[s] */
                mn[s] = t[s][0];
            }
            const char *fmt = strchr("ehqrstu", op->id) ? "%.0f" : "%.1f";
            for (int s = 0; s < nsides; s++)
                op_median[(unsigned char)op->id][s] = med[s];
            char j[32], b[32], jm[32];
            snprintf(j, sizeof j, fmt, med[0]);
            snprintf(jm, sizeof jm, fmt, mn[0]);
            if (jsvm_only) {
                printf("| %c | %s | %s | %s |\n", op->id, op->what, j, jm);
            } else {
                snprintf(b, sizeof b, fmt, med[1]);
                double ratio = med[0] / med[1];
                median(pair, reps); /* sorts: pair[0] and pair[reps-1] are the extremes */
                char tgt[16] = "-", met[16] = "-";
                if (op->target > 0) {
                    /* "?": some paired ratios fall on the other side of the
                     * target, so the verdict is within the noise */
                    int straddle = pair[0] <= op->target && pair[reps - 1] > op->target;
                    snprintf(tgt, sizeof tgt, "<= %.1fx", op->target);
                    snprintf(met, sizeof met, "%s%s", ratio <= op->target ? "yes" : "NO",
                             straddle ? "?" : "");
                }
                printf("| %c | %s | %s | %s | %.2fx | %.2f-%.2f | %s | %s |\n", op->id, op->what,
                       j, b, ratio, pair[0], pair[reps - 1], tgt, met);
            }
            fflush(stdout);
        }
    }

    if (!callgrind) {
        printf("\n");
        if (strchr(only, 'h'))
            print_copy_reference();
        print_cache_speedup(nsides);
        print_load("after");
    }
#ifndef BENCH_JSVM_ONLY
    if (!jsvm_only) {
        base_cache_teardown();
        base_native_teardown();
        base_teardown();
    }
#endif
    jsvm_gc_teardown();
    jsvm_cache_teardown();
    jsvm_native_teardown();
    jsvm_teardown();
    if (bad) {
        fprintf(stderr, "bench: an API call failed or returned a wrong value inside a timed loop\n");
        return 1;
    }
    return 0;
}
