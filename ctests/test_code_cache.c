/*
 * test_code_cache.c: code caches (spec §2.5, §3.5): OH_JSVM_CreateCodeCache,
 * OH_JSVM_ReleaseCache, consumption by OH_JSVM_CompileScript /
 * CompileScriptWithOrigin / CompileScriptWithOptions (every option id),
 * OH_JSVM_BackgroundDeserialize and OH_JSVM_ReleaseDeserializeResult.
 *
 * Some checks know the cache format (docs/RATIONALE.md, "Code caches"):
 * they change header fields and recompute the header checksum with their own
 * CRC32C, so that each field's own check is what rejects the cache.
 *
 * The binary has three more entry points, used by the tests themselves and
 * by `make fuzz`:
 *   test_code_cache --write-cache FILE   compile, write a cache to FILE
 *   test_code_cache --read-cache FILE    consume FILE; exit 0 if accepted and right
 *   test_code_cache --fuzz SECONDS [SEED]  the mutation fuzz, for SECONDS
 * The cross-process test re-executes /proc/self/exe with posix_spawn (never
 * fork without exec: the library contains a Go runtime).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common.h"

/* failure messages quoting long strings (stack traces) may be cut short */
#pragma GCC diagnostic ignored "-Wformat-truncation"

extern char **environ;

/* ------------------------------------------------------------- sources */

/* Global declarations, a class, closures, a tagged template, a regexp, a
 * BigInt: evaluates to RESULT_MAIN. let/const/class at top level: run once
 * per env. */
static const char SRC_MAIN[] =
    "class Point { constructor(x, y) { this.x = x; this.y = y; } get len() { return Math.hypot(this.x, this.y); } }\n"
    "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n"
    "const tag = (s, ...v) => s.raw.join('|') + v.join(',');\n"
    "var re = /a(b+)c/g;\n"
    "let big = 2n ** 70n;\n"
    "function describe() {\n"
    "  return [new Point(3, 4).len, fib(15), tag`x${1}y${2}z`, 'abbbc abc'.replace(re, '<$1>'),\n"
    "          String(big % 1000n), [1, 2, 3].map((x) => x * x).join('+')].join(';');\n"
    "}\n"
    "function fail() {\n"
    "  throw new Error('boom');\n"
    "}\n"
    "function trace() { try { fail(); } catch (e) { return e.stack; } }\n"
    "describe()";
static const char RESULT_MAIN[] = "5;610;x|y|z1,2;<bbb> <b>;424;1+4+9";

/* The same length as SRC_MAIN, one character different. */
static char src_main_twin[sizeof SRC_MAIN];

/* Re-runnable (var and function only), for loops in one env: evaluates to
 * "ok:" + a sum. */
static const char SRC_RERUN[] =
    "var hits = (typeof hits === 'number' ? hits : 0) + 1;\n"
    "function sq(x) { return x * x; }\n"
    "function total(n) { var s = 0; for (var i = 1; i <= n; i++) s += sq(i); return s; }\n"
    "var words = ['alpha', 'beta', 'gamma'].map(function (w) { return w.toUpperCase(); });\n"
    "'ok:' + total(10) + ':' + words.join('-')";
static const char RESULT_RERUN[] = "ok:385:ALPHA-BETA-GAMMA";

/* ------------------------------------------------------------- helpers */

static JSVM_Value str(JSVM_Env env, const char *s) { return make_str(env, s); }

static const char *run_str(JSVM_Env env, JSVM_Script s)
{
    JSVM_Value r = NULL;
    if (!s)
        return "(no script)";
    CHECK_OK(env, OH_JSVM_RunScript(env, s, &r));
    return r ? jt_str(env, r) : "(failed)";
}

/* Compiles src (CompileScript, or WithOrigin when name is non-NULL). */
static JSVM_Script compile_plain(JSVM_Env env, const char *src, const char *name, size_t line)
{
    JSVM_Script s = NULL;
    if (name) {
        JSVM_ScriptOrigin o = {NULL, name, line, 0};
        CHECK_OK(env, OH_JSVM_CompileScriptWithOrigin(env, str(env, src), NULL, 0, false, NULL, &o, &s));
    } else {
        CHECK_OK(env, OH_JSVM_CompileScript(env, str(env, src), NULL, 0, false, NULL, &s));
    }
    return s;
}

/* Compiles src with a cache; *rejected receives the verdict. */
static JSVM_Script compile_cached(JSVM_Env env, const char *src, const char *name, size_t line,
                                  const uint8_t *cache, size_t len, bool *rejected)
{
    JSVM_Script s = NULL;
    *rejected = true;
    if (name) {
        JSVM_ScriptOrigin o = {NULL, name, line, 0};
        CHECK_OK(env, OH_JSVM_CompileScriptWithOrigin(env, str(env, src), cache, len, false, rejected, &o, &s));
    } else {
        CHECK_OK(env, OH_JSVM_CompileScript(env, str(env, src), cache, len, false, rejected, &s));
    }
    return s;
}

/* A cache of src under the given origin, copied into test memory (the
 * library's buffer is released at once). */
static uint8_t *make_cache(JSVM_Env env, const char *src, const char *name, size_t line, size_t *len)
{
    const uint8_t *data = NULL;
    *len = 0;
    JSVM_Script s = compile_plain(env, src, name, line);
    if (!s)
        return NULL;
    CHECK_OK(env, OH_JSVM_CreateCodeCache(env, s, &data, len));
    if (!data)
        return NULL;
    uint8_t *copy = malloc(*len);
    memcpy(copy, data, *len);
    CHECK_OK(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS));
    return copy;
}

/* A second VM + env: "another VM, fresh state" for the round trips. */
#define WITH_FRESH(g) for (jt_fixture g##_ = {0}, *g = (jt_setup(&g##_), &g##_); g; jt_teardown(g), g = NULL)

#define EXPECT_CONTAINS(hay, needle)                                                                 \
    do {                                                                                             \
        const char *h_ = (hay);                                                                      \
        jt_checks++;                                                                                 \
        if (!h_ || !strstr(h_, (needle))) {                                                          \
            char m_[1024];                                                                           \
            snprintf(m_, sizeof m_, "\"%s\" does not contain \"%s\"", h_ ? h_ : "(null)", (needle)); \
            jt_fail(__FILE__, __LINE__, m_);                                                         \
        }                                                                                            \
    } while (0)

/* Runs src in env and returns its string result (copied to buf). */
static const char *eval_str(JSVM_Env env, const char *src, char *buf, size_t n)
{
    JSVM_Value r = JT_RUN(env, src);
    snprintf(buf, n, "%s", r ? jt_str(env, r) : "(failed)");
    return buf;
}

/* ---------------------------------------------- the format, for the tests */
/* Independent of the library: bitwise CRC32C and the hash of cache.h. */

static uint32_t t_crc32c(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1)));
    }
    return ~crc;
}

static void t_st32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static uint32_t t_ld32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t t_ld64(const uint8_t *p) { return t_ld32(p) | (uint64_t)t_ld32(p + 4) << 32; }
static void t_st64(uint8_t *p, uint64_t v)
{
    t_st32(p, (uint32_t)v);
    t_st32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t t_hash(const uint8_t *p, size_t n)
{
    if (n < 4096)
        return t_crc32c(0, p, n);
    size_t l = (n / 3) & ~(size_t)7;
    uint8_t t[12];
    t_st32(t, t_crc32c(0, p, l));
    t_st32(t + 4, t_crc32c(0, p + l, l));
    t_st32(t + 8, t_crc32c(0, p + 2 * l, n - 2 * l));
    return t_crc32c(0, t, 12);
}

#define HDR 64
static void fix_header_sum(uint8_t *c) { t_st32(c + 60, t_crc32c(0, c, 60)); }

/* ------------------------------------------------------------- round trips */

static void roundtrip_compile_script(void)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, SRC_MAIN, NULL, 0, &len);
    EXPECT_TRUE(cache != NULL && len > HDR);
    char want_fn[2048], want_cls[2048], want_stack[2048], got[2048];
    /* what a compile from source gives, in a fresh VM */
    WITH_FRESH(g)
    {
        EXPECT_STREQ(run_str(g->env, compile_plain(g->env, SRC_MAIN, NULL, 0)), RESULT_MAIN);
        eval_str(g->env, "String(describe)", want_fn, sizeof want_fn);
        eval_str(g->env, "String(Point)", want_cls, sizeof want_cls);
        eval_str(g->env, "trace()", want_stack, sizeof want_stack);
    }
    /* the cache, in another fresh VM: accepted, same behaviour */
    WITH_FRESH(g)
    {
        bool rejected = true;
        JSVM_Script s = compile_cached(g->env, SRC_MAIN, NULL, 0, cache, len, &rejected);
        EXPECT_TRUE(!rejected);
        EXPECT_STREQ(run_str(g->env, s), RESULT_MAIN);
        EXPECT_STREQ(eval_str(g->env, "String(describe)", got, sizeof got), want_fn);
        EXPECT_STREQ(eval_str(g->env, "String(Point)", got, sizeof got), want_cls);
        EXPECT_STREQ(eval_str(g->env, "trace()", got, sizeof got), want_stack);
        EXPECT_CONTAINS(want_fn, "function describe() {\n  return [new Point");
        JT_ASSERT_JS(g->env, "fib(20) === 6765 && typeof tag === 'function' && re.global");
        /* the cached script can be run again in a scope of its own, retained */
        CHECK_OK(g->env, OH_JSVM_RetainScript(g->env, s));
        CHECK_OK(g->env, OH_JSVM_ReleaseScript(g->env, s));
    }
    /* the same env that made it: accepted too */
    bool rejected = true;
    JSVM_Script s = compile_cached(f.env, SRC_RERUN, NULL, 0, cache, len, &rejected);
    EXPECT_TRUE(rejected); /* another source */
    EXPECT_STREQ(run_str(f.env, s), RESULT_RERUN);
    free(cache);
    jt_teardown(&f);
}

static void roundtrip_with_origin(void)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, SRC_MAIN, "app/main.js", 10, &len);
    char want_stack[2048], got[2048];
    WITH_FRESH(g)
    {
        run_str(g->env, compile_plain(g->env, SRC_MAIN, "app/main.js", 10));
        eval_str(g->env, "trace()", want_stack, sizeof want_stack);
    }
    EXPECT_CONTAINS(want_stack, "app/main.js:21"); /* line 11 of the script, offset 10 */
    WITH_FRESH(g)
    {
        bool rejected = true;
        JSVM_Script s = compile_cached(g->env, SRC_MAIN, "app/main.js", 10, cache, len, &rejected);
        EXPECT_TRUE(!rejected);
        EXPECT_STREQ(run_str(g->env, s), RESULT_MAIN);
        EXPECT_STREQ(eval_str(g->env, "trace()", got, sizeof got), want_stack);
        /* an uncaught error reports the origin too */
        JSVM_Status st;
        EXPECT_TRUE(jt_run_status(g->env, "fail()", &st) == NULL);
        EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
        JSVM_Value e = take_exception(g->env);
        JSVM_Value stack = call_js(g->env, "(e) => String(e.stack)", 1, &e);
        EXPECT_CONTAINS(jt_str(g->env, stack), "app/main.js:21");
    }
    /* CompileScript (no origin) and WithOrigin("<script>", 0) compile to the
     * same bytecode, so their caches are interchangeable */
    size_t l2 = 0;
    uint8_t *plain = make_cache(f.env, SRC_RERUN, NULL, 0, &l2);
    bool rejected = true;
    EXPECT_STREQ(run_str(f.env, compile_cached(f.env, SRC_RERUN, "<script>", 0, plain, l2, &rejected)),
                 RESULT_RERUN);
    EXPECT_TRUE(!rejected);
    free(plain);
    free(cache);
    jt_teardown(&f);
}

/* CompileScriptWithOptions in mode CONSUME_CODE_CACHE. */
static JSVM_Status compile_options(JSVM_Env env, const char *src, JSVM_ScriptOrigin *origin, int mode,
                                   JSVM_CodeCache *cc, JSVM_DeserializeResult bg, bool *rejected, JSVM_Script *out)
{
    JSVM_CompileOptions o[5];
    size_t n = 0;
    o[n].id = JSVM_COMPILE_MODE;
    o[n++].content.num = mode;
    if (cc) {
        o[n].id = JSVM_COMPILE_CODE_CACHE;
        o[n++].content.ptr = cc;
    }
    if (origin) {
        o[n].id = JSVM_COMPILE_SCRIPT_ORIGIN;
        o[n++].content.ptr = origin;
    }
    if (bg) {
        o[n].id = JSVM_COMPILE_BACKGROUND_DESERIALIZE_RESULT;
        o[n++].content.ptr = bg;
    }
    if (rejected) {
        o[n].id = JSVM_COMPILE_CODE_CACHE_REJECTED;
        o[n++].content.ptr = rejected;
    }
    return OH_JSVM_CompileScriptWithOptions(env, str(env, src), n, o, out);
}

static void roundtrip_with_options(void)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, SRC_MAIN, "opt.js", 3, &len);
    char want_stack[2048], got[2048];
    WITH_FRESH(g)
    {
        JSVM_ScriptOrigin o = {NULL, "opt.js", 3, 0};
        JSVM_Script s = NULL;
        CHECK_OK(g->env, compile_options(g->env, SRC_MAIN, &o, JSVM_COMPILE_MODE_DEFAULT, NULL, NULL, NULL, &s));
        EXPECT_STREQ(run_str(g->env, s), RESULT_MAIN);
        eval_str(g->env, "trace()", want_stack, sizeof want_stack);
    }
    EXPECT_CONTAINS(want_stack, "opt.js:14");
    WITH_FRESH(g)
    {
        JSVM_ScriptOrigin o = {NULL, "opt.js", 3, 0};
        JSVM_CodeCache cc = {cache, len};
        JSVM_Script s = NULL;
        bool rejected = true;
        CHECK_OK(g->env, compile_options(g->env, SRC_MAIN, &o, JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, &cc, NULL,
                                         &rejected, &s));
        EXPECT_TRUE(!rejected);
        EXPECT_STREQ(run_str(g->env, s), RESULT_MAIN);
        EXPECT_STREQ(eval_str(g->env, "trace()", got, sizeof got), want_stack);
    }
    /* a cache from CompileScriptWithOptions is consumed by the others */
    JSVM_Script s = NULL;
    JSVM_ScriptOrigin o = {NULL, "o2.js", 0, 0};
    CHECK_OK(f.env, compile_options(f.env, SRC_RERUN, &o, JSVM_COMPILE_MODE_EAGER_COMPILE, NULL, NULL, NULL, &s));
    const uint8_t *data = NULL;
    size_t dl = 0;
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, s, &data, &dl));
    bool rejected = true;
    EXPECT_STREQ(run_str(f.env, compile_cached(f.env, SRC_RERUN, "o2.js", 0, data, dl, &rejected)), RESULT_RERUN);
    EXPECT_TRUE(!rejected);
    CHECK_OK(f.env, OH_JSVM_ReleaseCache(f.env, data, JSVM_CACHE_TYPE_JS));
    free(cache);
    jt_teardown(&f);
}

/* A cache made after the script ran (and ran twice) is the same as before. */
static void cache_after_run(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Script s = compile_plain(f.env, SRC_RERUN, NULL, 0);
    const uint8_t *before = NULL, *after = NULL;
    size_t lb = 0, la = 0;
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, s, &before, &lb));
    EXPECT_STREQ(run_str(f.env, s), RESULT_RERUN);
    EXPECT_STREQ(run_str(f.env, s), RESULT_RERUN);
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, s, &after, &la));
    EXPECT_TRUE(before && after && before != after);
    EXPECT_EQ_INT(la, lb);
    EXPECT_TRUE(before && after && la == lb && memcmp(before, after, la) == 0);
    CHECK_OK(f.env, OH_JSVM_ReleaseCache(f.env, before, JSVM_CACHE_TYPE_JS));
    CHECK_OK(f.env, OH_JSVM_ReleaseCache(f.env, after, JSVM_CACHE_TYPE_JS));
    /* the same with classes, closures, a tagged template and a regexp that
     * have been used, in a fresh VM; and the later cache still works */
    WITH_FRESH(g)
    {
        JSVM_Script m = compile_plain(g->env, SRC_MAIN, "used.js", 0);
        CHECK_OK(g->env, OH_JSVM_CreateCodeCache(g->env, m, &before, &lb));
        EXPECT_STREQ(run_str(g->env, m), RESULT_MAIN);
        JT_ASSERT_JS(g->env, "describe() === describe() && trace().includes('used.js')");
        CHECK_OK(g->env, OH_JSVM_CreateCodeCache(g->env, m, &after, &la));
        EXPECT_TRUE(la == lb && memcmp(before, after, la) == 0);
        CHECK_OK(g->env, OH_JSVM_ReleaseCache(g->env, before, JSVM_CACHE_TYPE_JS));
    }
    WITH_FRESH(g)
    {
        bool rejected = true;
        EXPECT_STREQ(run_str(g->env, compile_cached(g->env, SRC_MAIN, "used.js", 0, after, la, &rejected)),
                     RESULT_MAIN);
        EXPECT_TRUE(!rejected);
        CHECK_OK(g->env, OH_JSVM_ReleaseCache(g->env, after, JSVM_CACHE_TYPE_JS));
    }
    jt_teardown(&f);
}

/* A large script (~300 KB): round trip, and the library's hashes agree
 * with the documented definition above 4 KiB (three lanes). */
static char *gen_script(size_t target, int variant)
{
    size_t cap = target + 4096, n = 0;
    char *s = malloc(cap);
    n += (size_t)snprintf(s + n, cap - n, "var lib%d = {};\n", variant);
    for (int i = 0; n < target; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "lib%d.f%d = function (a, b) { var o = {k%d: a, s: 'text %d of the library'};"
                              " return o.k%d * %d + (b || 0) + o.s.length; };\n",
                              variant, i, i, i, i, i % 97);
    snprintf(s + n, cap - n, "lib%d.f7(2, 3) + lib%d.f100(1)", variant, variant);
    return s;
}

static void large_script(void)
{
    jt_fixture f;
    jt_setup(&f);
    char *src = gen_script(300 * 1024, 1);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, src, "big.js", 0, &len);
    EXPECT_TRUE(cache && len > 300 * 1024);
    if (cache) {
        EXPECT_EQ_INT(t_ld64(cache + 24), strlen(src));
        EXPECT_EQ_INT(t_ld32(cache + 32), t_hash((const uint8_t *)src, strlen(src)));
        EXPECT_EQ_INT(t_ld32(cache + 36), t_hash(cache + HDR, len - HDR));
        EXPECT_EQ_INT(t_ld32(cache + 60), t_crc32c(0, cache, 60));
    }
    WITH_FRESH(g)
    {
        bool rejected = true;
        JSVM_Script s = compile_cached(g->env, src, "big.js", 0, cache, len, &rejected);
        EXPECT_TRUE(!rejected);
        JSVM_Value r = NULL;
        int32_t v = 0;
        CHECK_OK(g->env, OH_JSVM_RunScript(g->env, s, &r));
        CHECK_OK(g->env, OH_JSVM_GetValueInt32(g->env, r, &v));
        EXPECT_EQ_INT(v, 2 * 7 + 3 + 21 + 1 * 3 + 23); /* f7(2, 3) + f100(1) */
        JT_ASSERT_JS(g->env, "String(lib1.f5).startsWith('function (a, b) { var o = {k5: a')");
    }
    free(cache);
    free(src);
    jt_teardown(&f);
}

/* ------------------------------------------------------------- rejection */

/* Compiles SRC_RERUN with the bytes c[0..n) as its cache: returns whether it
 * was rejected; the script must compile and give the right result either
 * way. */
static bool rejected_rerun(JSVM_Env env, const uint8_t *c, size_t n, int how)
{
    JSVM_HandleScope hs = NULL;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    bool rejected = false;
    JSVM_Script s = NULL;
    JSVM_Value src = str(env, SRC_RERUN);
    if (how == 0) {
        CHECK_OK(env, OH_JSVM_CompileScript(env, src, c, n, false, &rejected, &s));
    } else if (how == 1) {
        JSVM_ScriptOrigin o = {NULL, "<script>", 0, 0};
        CHECK_OK(env, OH_JSVM_CompileScriptWithOrigin(env, src, c, n, true, &rejected, &o, &s));
    } else {
        JSVM_CodeCache cc = {(uint8_t *)c, n};
        JSVM_CompileOptions o[3] = {{JSVM_COMPILE_MODE, {.num = JSVM_COMPILE_MODE_CONSUME_CODE_CACHE}},
                                    {JSVM_COMPILE_CODE_CACHE, {.ptr = &cc}},
                                    {JSVM_COMPILE_CODE_CACHE_REJECTED, {.ptr = &rejected}}};
        CHECK_OK(env, OH_JSVM_CompileScriptWithOptions(env, src, 3, o, &s));
    }
    JSVM_Value r = NULL;
    if (s)
        CHECK_OK(env, OH_JSVM_RunScript(env, s, &r));
    const char *got = r ? jt_str(env, r) : "(failed)";
    if (strcmp(got, RESULT_RERUN) != 0) {
        char m[256];
        snprintf(m, sizeof m, "cache of %zu bytes: result \"%s\"", n, got);
        jt_fail(__FILE__, __LINE__, m);
    }
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    return rejected;
}

static void rejects_mismatches(void)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, SRC_MAIN, "m.js", 5, &len);
    bool rejected = false;
    /* same origin, other source of the same length (one character) */
    EXPECT_EQ_INT(strlen(src_main_twin), strlen(SRC_MAIN));
    WITH_FRESH(g)
    {
        JSVM_Script s = compile_cached(g->env, src_main_twin, "m.js", 5, cache, len, &rejected);
        EXPECT_TRUE(rejected);
        EXPECT_STREQ(run_str(g->env, s), "5;610;x|y|z1,2;<bbb> <b>;424;1+4+16"); /* the twin's own result */
    }
    /* same source, other origins */
    WITH_FRESH(g)
    {
        run_str(g->env, compile_cached(g->env, SRC_MAIN, "other.js", 5, cache, len, &rejected));
        EXPECT_TRUE(rejected);
        char st[2048];
        EXPECT_CONTAINS(eval_str(g->env, "trace()", st, sizeof st), "other.js:16");
    }
    WITH_FRESH(g)
    {
        run_str(g->env, compile_cached(g->env, SRC_MAIN, "m.js", 6, cache, len, &rejected));
        EXPECT_TRUE(rejected);
        char st[2048];
        EXPECT_CONTAINS(eval_str(g->env, "trace()", st, sizeof st), "m.js:17");
    }
    WITH_FRESH(g)
    {
        EXPECT_STREQ(run_str(g->env, compile_cached(g->env, SRC_MAIN, NULL, 0, cache, len, &rejected)), RESULT_MAIN);
        EXPECT_TRUE(rejected); /* no origin */
    }
    WITH_FRESH(g)
    {
        EXPECT_STREQ(run_str(g->env, compile_cached(g->env, SRC_MAIN, "m.js", 5, cache, len, &rejected)),
                     RESULT_MAIN);
        EXPECT_TRUE(!rejected); /* the control */
    }
    /* a cache of a script compiled without origin, consumed under one */
    size_t l2 = 0;
    uint8_t *plain = make_cache(f.env, SRC_RERUN, NULL, 0, &l2);
    JSVM_Value r = NULL;
    JSVM_ScriptOrigin o = {NULL, "x.js", 0, 0};
    JSVM_Script s = NULL;
    CHECK_OK(f.env, OH_JSVM_CompileScriptWithOrigin(f.env, str(f.env, SRC_RERUN), plain, l2, false, &rejected, &o, &s));
    EXPECT_TRUE(rejected);
    CHECK_OK(f.env, OH_JSVM_RunScript(f.env, s, &r));
    free(plain);
    free(cache);
    jt_teardown(&f);
}

static void rejects_corruption(void)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, SRC_RERUN, NULL, 0, &len);
    uint8_t *c = malloc(len + 64);
    EXPECT_TRUE(!rejected_rerun(f.env, cache, len, 0)); /* control */

    /* each byte of the header, flipped */
    for (size_t i = 0; i < HDR; i++) {
        memcpy(c, cache, len);
        c[i] ^= 0xff;
        if (!rejected_rerun(f.env, c, len, (int)(i % 3))) {
            char m[64];
            snprintf(m, sizeof m, "header byte %zu flipped: accepted", i);
            jt_fail(__FILE__, __LINE__, m);
        }
    }
    /* random single-bit flips in the payload */
    uint32_t x = 12345;
    for (int k = 0; k < 300; k++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        size_t i = HDR + x % (len - HDR);
        memcpy(c, cache, len);
        c[i] ^= (uint8_t)(1u << (x >> 28 & 7));
        if (!rejected_rerun(f.env, c, len, k % 3)) {
            char m[64];
            snprintf(m, sizeof m, "payload byte %zu flipped: accepted", i);
            jt_fail(__FILE__, __LINE__, m);
        }
    }
    /* every truncation */
    for (size_t n = 0; n < len; n++)
        if (!rejected_rerun(f.env, cache, n, (int)(n % 3))) {
            char m[64];
            snprintf(m, sizeof m, "truncated to %zu bytes: accepted", n);
            jt_fail(__FILE__, __LINE__, m);
        }
    /* trailing bytes */
    for (size_t extra = 1; extra <= 64; extra *= 2) {
        memcpy(c, cache, len);
        memset(c + len, 0, extra);
        EXPECT_TRUE(rejected_rerun(f.env, c, len + extra, 0));
    }
    /* arbitrary bytes */
    static const uint8_t junk[16] = {0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    EXPECT_TRUE(rejected_rerun(f.env, junk, sizeof junk, 0));
    memset(c, 0, len);
    EXPECT_TRUE(rejected_rerun(f.env, c, len, 1));
    EXPECT_TRUE(rejected_rerun(f.env, cache, 0, 2)); /* a non-NULL pointer with length 0 */
    free(c);
    free(cache);
    jt_teardown(&f);
}

/* Header fields changed one at a time, the header checksum recomputed: the
 * field's own check rejects the cache. Also proves the documented layout. */
static void rejects_header_fields(void)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, SRC_RERUN, NULL, 0, &len);
    uint8_t *c = malloc(len);
    if (!cache) {
        jt_teardown(&f);
        return;
    }
    /* the documented layout */
    EXPECT_TRUE(memcmp(cache, "LJCC", 4) == 0);
    EXPECT_EQ_INT(cache[4] | cache[5] << 8, 1);   /* format version */
    EXPECT_EQ_INT(cache[6] | cache[7] << 8, HDR); /* header size */
    EXPECT_EQ_INT(t_ld32(cache + 8), 0x000f01);   /* quickjs-ng 0.15.1 */
    EXPECT_EQ_INT(t_ld32(cache + 16), 3);         /* writer flags */
    EXPECT_EQ_INT(t_ld64(cache + 24), strlen(SRC_RERUN));
    EXPECT_EQ_INT(t_ld32(cache + 32), t_hash((const uint8_t *)SRC_RERUN, strlen(SRC_RERUN)));
    EXPECT_EQ_INT(t_ld32(cache + 36), t_hash(cache + HDR, len - HDR));
    EXPECT_EQ_INT(t_ld64(cache + 40), len - HDR);
    EXPECT_EQ_INT(t_ld32(cache + 60), t_crc32c(0, cache, 60));
    uint8_t origin[4 + 8];
    t_st32(origin, 1);
    memcpy(origin + 4, "<script>", 8);
    EXPECT_EQ_INT(t_ld32(cache + 20), t_crc32c(0, origin, sizeof origin));
    for (int i = 48; i < 60; i++)
        EXPECT_EQ_INT(cache[i], 0);

    /* re-encoding without a change is accepted: the test's CRC is the library's */
    memcpy(c, cache, len);
    fix_header_sum(c);
    EXPECT_TRUE(!rejected_rerun(f.env, c, len, 0));

    struct {
        int off, width;
        int64_t delta;
        const char *what;
    } fields[] = {
        {4, 2, 1, "format version"},
        {6, 2, 1, "header size"},
        {8, 4, 1, "engine version"},
        {8, 4, 1 << 8, "engine minor version"},
        {12, 4, 1, "build tag"},
        {16, 4, -1, "writer flags (no inner-sum flag)"},
        {16, 4, 4, "writer flags (unknown bit)"},
        {20, 4, 1, "origin hash"},
        {24, 8, 1, "source length +1"},
        {24, 8, -1, "source length -1"},
        {32, 4, 1, "source hash"},
        {36, 4, 1, "payload hash"},
        {40, 8, 1, "payload length +1"},
        {40, 8, -1, "payload length -1"},
        {48, 4, 1, "reserved"},
        {56, 4, 1 << 24, "reserved (last)"},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        memcpy(c, cache, len);
        uint8_t *p = c + fields[i].off;
        if (fields[i].width == 2) {
            uint16_t v = (uint16_t)((p[0] | p[1] << 8) + fields[i].delta);
            p[0] = (uint8_t)v;
            p[1] = (uint8_t)(v >> 8);
        } else if (fields[i].width == 4) {
            t_st32(p, (uint32_t)(t_ld32(p) + fields[i].delta));
        } else {
            t_st64(p, t_ld64(p) + (uint64_t)fields[i].delta);
        }
        fix_header_sum(c);
        if (!rejected_rerun(f.env, c, len, (int)(i % 3))) {
            char m[128];
            snprintf(m, sizeof m, "header field changed (%s), checksum fixed: accepted", fields[i].what);
            jt_fail(__FILE__, __LINE__, m);
        }
    }
    /* a payload change with its hash and the header checksum recomputed:
     * only a change the engine itself refuses can be caught (QuickJS's
     * version byte); the checksums are no defence against a deliberate
     * writer (docs/RATIONALE.md) */
    memcpy(c, cache, len);
    c[HDR] ^= 1;
    t_st32(c + 36, t_hash(c + HDR, len - HDR));
    fix_header_sum(c);
    EXPECT_TRUE(rejected_rerun(f.env, c, len, 0));
    free(c);
    free(cache);
    jt_teardown(&f);
}

/* ------------------------------------------------------------- cacheRejected */

static void cache_rejected_written_only_with_cache(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Script s = NULL;
    JSVM_ScriptOrigin o = {NULL, "w.js", 0, 0};
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, SRC_RERUN, NULL, 0, &len);
    /* no cache: left alone (both values) */
    for (int v = 0; v < 2; v++) {
        bool rejected = v;
        CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, str(f.env, "1"), NULL, 0, false, &rejected, &s));
        EXPECT_EQ_INT(rejected, v);
        CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, str(f.env, "1"), NULL, 5, false, &rejected, &s));
        EXPECT_EQ_INT(rejected, v);
        CHECK_OK(f.env, OH_JSVM_CompileScriptWithOrigin(f.env, str(f.env, "1"), NULL, 0, false, &rejected, &o, &s));
        EXPECT_EQ_INT(rejected, v);
        /* options without CONSUME_CODE_CACHE: the cache and the output are not used */
        JSVM_CodeCache cc = {cache, len};
        CHECK_OK(f.env, compile_options(f.env, SRC_RERUN, NULL, JSVM_COMPILE_MODE_DEFAULT, &cc, NULL, &rejected, &s));
        EXPECT_EQ_INT(rejected, v);
        EXPECT_STREQ(run_str(f.env, s), RESULT_RERUN);
        CHECK_OK(f.env, compile_options(f.env, SRC_RERUN, NULL, JSVM_COMPILE_MODE_EAGER_COMPILE, &cc, NULL, &rejected,
                                        &s));
        EXPECT_EQ_INT(rejected, v);
    }
    /* a cache with a NULL cacheRejected is fine */
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, str(f.env, SRC_RERUN), cache, len, false, NULL, &s));
    EXPECT_STREQ(run_str(f.env, s), RESULT_RERUN);
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, str(f.env, SRC_RERUN), cache, 3, false, NULL, &s));
    EXPECT_STREQ(run_str(f.env, s), RESULT_RERUN);
    /* with a cache: written, true or false */
    bool rejected = true;
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, str(f.env, SRC_RERUN), cache, len, false, &rejected, &s));
    EXPECT_TRUE(!rejected);
    rejected = false;
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, str(f.env, SRC_RERUN), cache, len - 1, false, &rejected, &s));
    EXPECT_TRUE(rejected);
    /* a syntax error with a cache: fails, output untouched */
    rejected = false;
    s = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, str(f.env, "(("), cache, len, false, &rejected, &s),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(!rejected && s == NULL);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof SyntaxError");
    rejected = false;
    JSVM_CodeCache cc = {cache, len};
    EXPECT_STATUS(f.env,
                  compile_options(f.env, "((", NULL, JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, &cc, NULL, &rejected, &s),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(!rejected && s == NULL);
    take_exception(f.env);
    free(cache);
    jt_teardown(&f);
}

/* ------------------------------------------------------------- ReleaseCache */

static void release_cache_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Script s = compile_plain(f.env, SRC_RERUN, NULL, 0);
    const uint8_t *data = NULL, *d2 = NULL;
    size_t len = 0, l2 = 0;
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, s, &data, &len));
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, s, &d2, &l2));
    EXPECT_TRUE(data != d2 && len == l2);

    EXPECT_VM_STATUS(OH_JSVM_ReleaseCache(NULL, data, JSVM_CACHE_TYPE_JS), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, NULL, JSVM_CACHE_TYPE_JS), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, data, (JSVM_CacheType)2), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, data, (JSVM_CacheType)-1), JSVM_INVALID_ARG);
    /* a JS cache is not a wasm cache (and this library makes none) */
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, data, JSVM_CACHE_TYPE_WASM), JSVM_INVALID_ARG);
    /* foreign pointers: stack, heap, inside one of ours */
    uint8_t local[64] = {0};
    uint8_t *heap = malloc(64);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, local, JSVM_CACHE_TYPE_JS), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, heap, JSVM_CACHE_TYPE_JS), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, data + 1, JSVM_CACHE_TYPE_JS), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, local, JSVM_CACHE_TYPE_WASM), JSVM_INVALID_ARG);
    free(heap);
    /* none of the failures freed it: still a valid cache */
    bool rejected = true;
    run_str(f.env, compile_cached(f.env, SRC_RERUN, NULL, 0, data, len, &rejected));
    EXPECT_TRUE(!rejected);
    CHECK_OK(f.env, OH_JSVM_ReleaseCache(f.env, data, JSVM_CACHE_TYPE_JS));
    /* double release */
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseCache(f.env, data, JSVM_CACHE_TYPE_JS), JSVM_INVALID_ARG);
    /* a buffer outlives the env and the VM that made it; any env releases it */
    WITH_FRESH(g)
    {
        CHECK_OK(g->env, OH_JSVM_ReleaseCache(g->env, d2, JSVM_CACHE_TYPE_JS));
        EXPECT_STATUS(g->env, OH_JSVM_ReleaseCache(g->env, d2, JSVM_CACHE_TYPE_JS), JSVM_INVALID_ARG);
    }
    jt_teardown(&f);
}

static void create_code_cache_cases(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Script s = compile_plain(f.env, SRC_RERUN, NULL, 0);
    const uint8_t *data = NULL;
    size_t len = 0;
    /* with an exception pending: works, and the exception stays */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "still here"));
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, s, &data, &len));
    EXPECT_TRUE(pending(f.env));
    JSVM_Value e = take_exception(f.env);
    EXPECT_JS(f.env, e, "(e) => e.message === 'still here'");
    CHECK_OK(f.env, OH_JSVM_ReleaseCache(f.env, data, JSVM_CACHE_TYPE_JS));
    /* ReleaseCache with an exception pending */
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, s, &data, &len));
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "again"));
    CHECK_OK(f.env, OH_JSVM_ReleaseCache(f.env, data, JSVM_CACHE_TYPE_JS));
    EXPECT_TRUE(pending(f.env));
    take_exception(f.env);
    /* a retained script, after its scope closed */
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Script kept = compile_plain(f.env, SRC_RERUN, "kept.js", 2);
    CHECK_OK(f.env, OH_JSVM_RetainScript(f.env, kept));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, kept, &data, &len));
    bool rejected = true;
    EXPECT_STREQ(run_str(f.env, compile_cached(f.env, SRC_RERUN, "kept.js", 2, data, len, &rejected)), RESULT_RERUN);
    EXPECT_TRUE(!rejected);
    CHECK_OK(f.env, OH_JSVM_ReleaseCache(f.env, data, JSVM_CACHE_TYPE_JS));
    CHECK_OK(f.env, OH_JSVM_ReleaseScript(f.env, kept));
    /* a script compiled from a cache makes the same cache */
    size_t l1 = 0;
    uint8_t *c1 = make_cache(f.env, SRC_RERUN, NULL, 0, &l1);
    JSVM_Script from_cache = compile_cached(f.env, SRC_RERUN, NULL, 0, c1, l1, &rejected);
    EXPECT_TRUE(!rejected);
    CHECK_OK(f.env, OH_JSVM_CreateCodeCache(f.env, from_cache, &data, &len));
    EXPECT_TRUE(len == l1 && memcmp(data, c1, l1) == 0);
    CHECK_OK(f.env, OH_JSVM_ReleaseCache(f.env, data, JSVM_CACHE_TYPE_JS));
    free(c1);
    /* non-ASCII and UTF-16 sources */
    static const char *const uni[] = {"var s\xc3\xa9 = '\xe2\x82\xac\xf0\x9f\x98\x80'; s\xc3\xa9 + s\xc3\xa9.length",
                                      "var l1 = 'caf\xc3\xa9'; l1.toUpperCase()"};
    for (int i = 0; i < 2; i++) {
        char want[256], got[256];
        size_t ul = 0;
        uint8_t *uc = make_cache(f.env, uni[i], NULL, 0, &ul);
        snprintf(want, sizeof want, "%s", run_str(f.env, compile_plain(f.env, uni[i], NULL, 0)));
        snprintf(got, sizeof got, "%s", run_str(f.env, compile_cached(f.env, uni[i], NULL, 0, uc, ul, &rejected)));
        EXPECT_TRUE(!rejected);
        EXPECT_STREQ(got, want);
        free(uc);
    }
    jt_teardown(&f);
}

/* Serialisation failing (the VM's memory limit) is JSVM_GENERIC_FAILURE,
 * with nothing pending, and the VM stays usable. */
static void create_code_cache_out_of_memory(void)
{
    jt_init();
    JSVM_CreateVMOptions opts;
    memset(&opts, 0, sizeof opts);
    opts.maxOldGenerationSize = 24u << 20;
    JSVM_VM vm = NULL;
    JSVM_Env env = NULL;
    JSVM_HandleScope hs = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(&opts, &vm), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &env), JSVM_OK);
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    char *src = gen_script(1 << 20, 2);
    JSVM_Script s = compile_plain(env, src, NULL, 0);
    /* fill the heap to the limit, keep it full */
    JT_RUN(env, "globalThis.hog = []; try { for (;;) hog.push(new Array(4096).fill(1.5)); } catch (e) {} hog.length");
    const uint8_t *data = NULL;
    size_t len = 0;
    JSVM_Status st = OH_JSVM_CreateCodeCache(env, s, &data, &len);
    jt_check_last(env, st, "CreateCodeCache", __FILE__, __LINE__);
    EXPECT_EQ_INT(st, JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(data == NULL);
    EXPECT_TRUE(!pending(env));
    /* memory back: it works */
    JT_RUN(env, "hog = null");
    CHECK_OK(env, OH_JSVM_MemoryPressureNotification(env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
    CHECK_OK(env, OH_JSVM_CreateCodeCache(env, s, &data, &len));
    if (data)
        CHECK_OK(env, OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS));
    free(src);
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm), JSVM_OK);
}

/* ------------------------------------------------------------- options */

static void options_handling(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Script s = NULL;
    size_t len = 0;
    uint8_t *cache = make_cache(env, SRC_RERUN, NULL, 0, &len);
    JSVM_CodeCache cc = {cache, len}, null_cache = {NULL, 16};
    JSVM_Value src = str(env, SRC_RERUN);

    /* modes out of range */
    int bad_modes[] = {-1, 5, 100};
    for (int i = 0; i < 3; i++) {
        JSVM_CompileOptions o = {JSVM_COMPILE_MODE, {.num = bad_modes[i]}};
        s = NULL;
        EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, src, 1, &o, &s), JSVM_INVALID_ARG);
        EXPECT_TRUE(s == NULL);
    }
    /* every valid mode compiles (the non-cache ones behave like DEFAULT) */
    for (int m = 0; m <= 4; m++) {
        s = NULL;
        EXPECT_STATUS(env, compile_options(env, SRC_RERUN, NULL, m, &cc, NULL, NULL, &s), JSVM_OK);
        EXPECT_STREQ(run_str(env, s), RESULT_RERUN);
    }
    /* CONSUME_CODE_CACHE without a cache: no option, a NULL pointer, a NULL cache field */
    EXPECT_STATUS(env, compile_options(env, SRC_RERUN, NULL, JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, NULL, NULL, NULL, &s),
                  JSVM_INVALID_ARG);
    {
        JSVM_CompileOptions o[2] = {{JSVM_COMPILE_MODE, {.num = JSVM_COMPILE_MODE_CONSUME_CODE_CACHE}},
                                    {JSVM_COMPILE_CODE_CACHE, {.ptr = NULL}}};
        EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, src, 2, o, &s), JSVM_INVALID_ARG);
    }
    EXPECT_STATUS(env,
                  compile_options(env, SRC_RERUN, NULL, JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, &null_cache, NULL, NULL, &s),
                  JSVM_INVALID_ARG);
    /* NULL options: fine with count 0, not with count > 0 */
    EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, src, 1, NULL, &s), JSVM_INVALID_ARG);
    s = NULL;
    CHECK_OK(env, OH_JSVM_CompileScriptWithOptions(env, src, 0, NULL, &s));
    EXPECT_STREQ(run_str(env, s), RESULT_RERUN);
    /* unknown ids are ignored, profiles and source maps accepted */
    {
        int profile_data[3] = {1, 2, 3};
        JSVM_CompileProfile profile = {profile_data, 3};
        bool rejected = true;
        JSVM_CompileOptions o[7] = {{(JSVM_CompileOptionId)99, {.ptr = (void *)(uintptr_t)0xdead}},
                                    {JSVM_COMPILE_MODE, {.num = JSVM_COMPILE_MODE_CONSUME_CODE_CACHE}},
                                    {JSVM_COMPILE_COMPILE_PROFILE, {.ptr = (void *)&profile}},
                                    {JSVM_COMPILE_ENABLE_SOURCE_MAP, {.boolean = true}},
                                    {JSVM_COMPILE_CODE_CACHE, {.ptr = &cc}},
                                    {(JSVM_CompileOptionId)7, {.num = -5}},
                                    {JSVM_COMPILE_CODE_CACHE_REJECTED, {.ptr = &rejected}}};
        s = NULL;
        CHECK_OK(env, OH_JSVM_CompileScriptWithOptions(env, src, 7, o, &s));
        EXPECT_TRUE(!rejected);
        EXPECT_STREQ(run_str(env, s), RESULT_RERUN);
        /* a NULL rejected pointer and a NULL background result are ignored */
        JSVM_CompileOptions p[4] = {{JSVM_COMPILE_MODE, {.num = JSVM_COMPILE_MODE_CONSUME_CODE_CACHE}},
                                    {JSVM_COMPILE_CODE_CACHE, {.ptr = &cc}},
                                    {JSVM_COMPILE_CODE_CACHE_REJECTED, {.ptr = NULL}},
                                    {JSVM_COMPILE_BACKGROUND_DESERIALIZE_RESULT, {.ptr = NULL}}};
        CHECK_OK(env, OH_JSVM_CompileScriptWithOptions(env, src, 4, p, &s));
        /* the last MODE counts */
        JSVM_CompileOptions q[3] = {{JSVM_COMPILE_MODE, {.num = JSVM_COMPILE_MODE_CONSUME_CODE_CACHE}},
                                    {JSVM_COMPILE_MODE, {.num = JSVM_COMPILE_MODE_DEFAULT}},
                                    {JSVM_COMPILE_CODE_CACHE_REJECTED, {.ptr = &rejected}}};
        rejected = true;
        CHECK_OK(env, OH_JSVM_CompileScriptWithOptions(env, src, 3, q, &s));
        EXPECT_TRUE(rejected); /* DEFAULT: not written */
    }
    /* the origin is applied; a NULL origin pointer means none; no resourceName is invalid */
    {
        JSVM_ScriptOrigin o = {"map.json", "opts/origin.js", 20, 7};
        JSVM_Script t = NULL;
        CHECK_OK(env, compile_options(env, "new Error('x').stack", &o, JSVM_COMPILE_MODE_DEFAULT, NULL, NULL, NULL, &t));
        EXPECT_CONTAINS(run_str(env, t), "opts/origin.js:21");
        JSVM_CompileOptions n[1] = {{JSVM_COMPILE_SCRIPT_ORIGIN, {.ptr = NULL}}};
        CHECK_OK(env, OH_JSVM_CompileScriptWithOptions(env, str(env, "new Error('y').stack"), 1, n, &t));
        EXPECT_CONTAINS(run_str(env, t), "<script>");
        JSVM_ScriptOrigin noname = {NULL, NULL, 0, 0};
        t = NULL;
        EXPECT_STATUS(env, compile_options(env, "1", &noname, JSVM_COMPILE_MODE_DEFAULT, NULL, NULL, NULL, &t),
                      JSVM_INVALID_ARG);
        EXPECT_TRUE(t == NULL);
    }
    /* rejected-out written when consuming: a bad cache says true */
    {
        bool rejected = false;
        JSVM_CodeCache shortc = {cache, len - 1};
        CHECK_OK(env, compile_options(env, SRC_RERUN, NULL, JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, &shortc, NULL,
                                      &rejected, &s));
        EXPECT_TRUE(rejected);
        EXPECT_STREQ(run_str(env, s), RESULT_RERUN);
        JSVM_ScriptOrigin o = {NULL, "elsewhere.js", 0, 0};
        rejected = false;
        CHECK_OK(env, compile_options(env, SRC_RERUN, &o, JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, &cc, NULL, &rejected,
                                      &s));
        EXPECT_TRUE(rejected);
    }
    /* wrong types and the pending-exception protocol */
    s = NULL;
    EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, make_int(env, 3), 0, NULL, &s), JSVM_STRING_EXPECTED);
    EXPECT_STATUS(env, compile_options(env, "1", NULL, JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, &cc, NULL, NULL, &s), JSVM_OK);
    {
        JSVM_CompileOptions o[2] = {{JSVM_COMPILE_MODE, {.num = JSVM_COMPILE_MODE_CONSUME_CODE_CACHE}},
                                    {JSVM_COMPILE_CODE_CACHE, {.ptr = &cc}}};
        JSVM_Value num = make_int(env, 3);
        s = NULL;
        EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, num, 2, o, &s), JSVM_STRING_EXPECTED);
        CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
        EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, src, 2, o, &s), JSVM_PENDING_EXCEPTION);
        EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, src, 1, NULL, &s), JSVM_PENDING_EXCEPTION);
        EXPECT_STATUS(env, OH_JSVM_CompileScriptWithOptions(env, NULL, 2, o, &s), JSVM_PENDING_EXCEPTION);
        EXPECT_STATUS(env, OH_JSVM_CompileScript(env, src, cache, len, false, NULL, &s), JSVM_PENDING_EXCEPTION);
        EXPECT_TRUE(s == NULL);
        EXPECT_JS(env, take_exception(env), "(e) => e.message === 'pending'");
    }
    free(cache);
    jt_teardown(&f);
}

/* ------------------------------------------------------------- background */

static JSVM_Status compile_bg(JSVM_Env env, const char *src, uint8_t *cache, size_t len, JSVM_DeserializeResult bg,
                              bool *rejected, JSVM_Script *out)
{
    JSVM_CodeCache cc = {cache, len};
    return compile_options(env, src, NULL, JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, &cc, bg, rejected, out);
}

static void background_deserialize(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    size_t len = 0;
    uint8_t *cache = make_cache(env, SRC_RERUN, NULL, 0, &len);
    JSVM_Script s = NULL;
    bool rejected = true;

    /* a good cache */
    JSVM_DeserializeResult r = NULL;
    JSVM_CodeCache cc = {cache, len};
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, cc, &r), JSVM_OK);
    EXPECT_TRUE(r != NULL);
    CHECK_OK(env, compile_bg(env, SRC_RERUN, cache, len, r, &rejected, &s));
    EXPECT_TRUE(!rejected);
    EXPECT_STREQ(run_str(env, s), RESULT_RERUN);
    /* the result can be used again, and with another source (rejected then) */
    rejected = true;
    CHECK_OK(env, compile_bg(env, SRC_RERUN, cache, len, r, &rejected, &s));
    EXPECT_TRUE(!rejected);
    CHECK_OK(env, compile_bg(env, "'other'", cache, len, r, &rejected, &s));
    EXPECT_TRUE(rejected);
    EXPECT_STREQ(run_str(env, s), "other");
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);
    /* release errors */
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_INVALID_ARG); /* double */
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(NULL), JSVM_INVALID_ARG);
    uint64_t fake[16] = {0};
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult((JSVM_DeserializeResult)fake), JSVM_INVALID_ARG);
    /* a released result passed to a compile is invalid, in CONSUME mode */
    EXPECT_STATUS(env, compile_bg(env, SRC_RERUN, cache, len, r, &rejected, &s), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, compile_bg(env, SRC_RERUN, cache, len, (JSVM_DeserializeResult)fake, &rejected, &s),
                  JSVM_INVALID_ARG);

    /* a corrupted cache: rejected by the worker's verdict */
    uint8_t *bad = malloc(len);
    memcpy(bad, cache, len);
    bad[len / 2] ^= 0x10;
    JSVM_CodeCache bc = {bad, len};
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, bc, &r), JSVM_OK);
    rejected = false;
    CHECK_OK(env, compile_bg(env, SRC_RERUN, bad, len, r, &rejected, &s));
    EXPECT_TRUE(rejected);
    EXPECT_STREQ(run_str(env, s), RESULT_RERUN);
    /* the same result with another cache (the good one): ignored, normal validation */
    rejected = true;
    CHECK_OK(env, compile_bg(env, SRC_RERUN, cache, len, r, &rejected, &s));
    EXPECT_TRUE(!rejected);
    /* ... and with the same pointer but another length: ignored too */
    rejected = false;
    CHECK_OK(env, compile_bg(env, SRC_RERUN, bad, len - 1, r, &rejected, &s));
    EXPECT_TRUE(rejected);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);

    /* the compile takes the worker's verdict rather than hashing the payload
     * again: bytes repaired after the worker saw them corrupted stay
     * rejected through that result (the worker has long finished after
     * 200 ms: it hashes a few hundred bytes) */
    memcpy(bad, cache, len);
    bad[len - 2] ^= 0x01;
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, bc, &r), JSVM_OK);
    usleep(200 * 1000);
    bad[len - 2] ^= 0x01;
    rejected = false;
    CHECK_OK(env, compile_bg(env, SRC_RERUN, bad, len, r, &rejected, &s));
    EXPECT_TRUE(rejected);
    rejected = true;
    CHECK_OK(env, compile_bg(env, SRC_RERUN, bad, len, NULL, &rejected, &s)); /* without the result */
    EXPECT_TRUE(!rejected);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);

    /* a good result handed to a compile with a copy of its bytes elsewhere */
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, cc, &r), JSVM_OK);
    memcpy(bad, cache, len);
    rejected = true;
    CHECK_OK(env, compile_bg(env, SRC_RERUN, bad, len, r, &rejected, &s));
    EXPECT_TRUE(!rejected);
    /* DEFAULT mode: the result is not used (nor checked) */
    rejected = true;
    CHECK_OK(env, compile_options(env, SRC_RERUN, NULL, JSVM_COMPILE_MODE_DEFAULT, &cc, r, &rejected, &s));
    EXPECT_TRUE(rejected);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);

    /* a result released without being used */
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, cc, &r), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);

    /* argument errors: *result is NULL afterwards */
    JSVM_CodeCache empty = {cache, 0}, none = {NULL, 10};
    r = (JSVM_DeserializeResult)fake;
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(NULL, cc, &r), JSVM_INVALID_ARG);
    EXPECT_TRUE(r == NULL);
    r = (JSVM_DeserializeResult)fake;
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, empty, &r), JSVM_INVALID_ARG);
    EXPECT_TRUE(r == NULL);
    r = (JSVM_DeserializeResult)fake;
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, none, &r), JSVM_INVALID_ARG);
    EXPECT_TRUE(r == NULL);
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, cc, NULL), JSVM_INVALID_ARG);
    /* junk bytes: accepted as input, rejected at the compile */
    static uint8_t junk[100] = {1, 2, 3};
    JSVM_CodeCache jc = {junk, sizeof junk};
    EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, jc, &r), JSVM_OK);
    rejected = false;
    CHECK_OK(env, compile_bg(env, SRC_RERUN, junk, sizeof junk, r, &rejected, &s));
    EXPECT_TRUE(rejected);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);
    free(bad);
    free(cache);
    jt_teardown(&f);
}

/* Large caches: the compile right after BackgroundDeserialize (the worker
 * may still be hashing: the compile waits for it), and many results at once,
 * good and corrupted, consumed out of order. */
static void background_many(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    char *src = gen_script(1 << 20, 3);
    size_t len = 0;
    uint8_t *cache = make_cache(env, src, NULL, 0, &len);
    enum { N = 24 };
    uint8_t *copies[N];
    JSVM_DeserializeResult rs[N];
    for (int i = 0; i < N; i++) {
        copies[i] = malloc(len);
        memcpy(copies[i], cache, len);
        if (i % 3 == 2)
            copies[i][len - 1 - (size_t)i * 1000] ^= 0x40; /* every third corrupted */
        JSVM_CodeCache cc = {copies[i], len};
        rs[i] = NULL;
        EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, cc, &rs[i]), JSVM_OK);
        if (i == 0) {
            /* immediately: the worker is most likely still running */
            bool rejected = true;
            JSVM_Script s = NULL;
            CHECK_OK(env, compile_bg(env, src, copies[0], len, rs[0], &rejected, &s));
            EXPECT_TRUE(!rejected);
            int32_t v = 0;
            JSVM_Value r = NULL;
            CHECK_OK(env, OH_JSVM_RunScript(env, s, &r));
            CHECK_OK(env, OH_JSVM_GetValueInt32(env, r, &v));
            EXPECT_EQ_INT(v, 2 * 7 + 3 + 21 + 1 * 3 + 23); /* f7(2, 3) + f100(1) */
        }
    }
    for (int k = 0; k < N; k++) {
        int i = (k * 7) % N; /* out of order */
        JSVM_HandleScope hs = NULL;
        CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
        bool rejected = i % 3 != 2;
        JSVM_Script s = NULL;
        CHECK_OK(env, compile_bg(env, src, copies[i], len, rs[i], &rejected, &s));
        EXPECT_EQ_INT(rejected, i % 3 == 2);
        CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    }
    for (int i = 0; i < N; i++) {
        EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(rs[i]), JSVM_OK);
        free(copies[i]);
    }
    free(cache);
    free(src);
    jt_teardown(&f);
}

/* BackgroundDeserialize and releases from other threads, while the VM's
 * thread compiles. */
typedef struct {
    JSVM_VM vm;
    uint8_t *cache;
    size_t len;
    JSVM_DeserializeResult r;
    int ok;
} bg_job;

static void *bg_thread(void *arg)
{
    bg_job *j = arg;
    JSVM_CodeCache cc = {j->cache, j->len};
    j->ok = OH_JSVM_BackgroundDeserialize(j->vm, cc, &j->r) == JSVM_OK;
    return NULL;
}

static void *bg_release_thread(void *arg)
{
    bg_job *j = arg;
    j->ok = OH_JSVM_ReleaseDeserializeResult(j->r) == JSVM_OK &&
            OH_JSVM_ReleaseDeserializeResult(j->r) == JSVM_INVALID_ARG;
    return NULL;
}

static void background_threads(void)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, SRC_RERUN, NULL, 0, &len);
    enum { T = 8 };
    pthread_t th[T];
    bg_job jobs[T];
    for (int i = 0; i < T; i++) {
        jobs[i] = (bg_job){f.vm, cache, len, NULL, 0};
        pthread_create(&th[i], NULL, bg_thread, &jobs[i]);
    }
    for (int i = 0; i < T; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < T; i++) {
        EXPECT_TRUE(jobs[i].ok);
        bool rejected = true;
        JSVM_Script s = NULL;
        CHECK_OK(f.env, compile_bg(f.env, SRC_RERUN, cache, len, jobs[i].r, &rejected, &s));
        EXPECT_TRUE(!rejected);
        pthread_create(&th[i], NULL, bg_release_thread, &jobs[i]);
    }
    for (int i = 0; i < T; i++) {
        pthread_join(th[i], NULL);
        EXPECT_TRUE(jobs[i].ok);
    }
    free(cache);
    jt_teardown(&f);
}

/* ------------------------------------------------------------- other checks */

static void version_tag(void)
{
    JSVM_VMInfo a, b;
    jt_init();
    EXPECT_VM_STATUS(OH_JSVM_GetVMInfo(&a), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_GetVMInfo(&b), JSVM_OK);
    EXPECT_TRUE(a.cachedDataVersionTag != 0);
    EXPECT_EQ_INT(a.cachedDataVersionTag, b.cachedDataVersionTag);
    /* it is the caches' build tag extended by their format version, so it
     * changes with either */
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *cache = make_cache(f.env, "1", NULL, 0, &len);
    static const uint8_t format[4] = {1, 0, 0, 0};
    if (cache)
        EXPECT_EQ_INT(a.cachedDataVersionTag, t_crc32c(t_ld32(cache + 12), format, 4));
    free(cache);
    jt_teardown(&f);
}

/* ------------------------------------------------------------- cross-process */

static int write_file(const char *path, const void *p, size_t n)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return -1;
    size_t w = fwrite(p, 1, n, fp);
    return fclose(fp) == 0 && w == n ? 0 : -1;
}

static uint8_t *read_file(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long sz = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    uint8_t *p = malloc(sz > 0 ? (size_t)sz : 1);
    *n = fread(p, 1, (size_t)(sz > 0 ? sz : 0), fp);
    fclose(fp);
    return p;
}

/* --write-cache FILE: the cache of SRC_MAIN under origin "xproc.js":7. */
static int child_write(const char *path)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *c = make_cache(f.env, SRC_MAIN, "xproc.js", 7, &len);
    int rc = c && write_file(path, c, len) == 0 ? 0 : 2;
    free(c);
    jt_teardown(&f);
    return jt_failures ? 2 : rc;
}

/* --read-cache FILE: 0 if the cache is accepted and the script is right,
 * 3 if rejected, 2 on other failures. */
static int child_read(const char *path)
{
    size_t len = 0;
    uint8_t *c = read_file(path, &len);
    if (!c)
        return 2;
    int failures = jt_failures;
    jt_fixture f;
    jt_setup(&f);
    bool rejected = true;
    char st[2048];
    JSVM_Script s = compile_cached(f.env, SRC_MAIN, "xproc.js", 7, c, len, &rejected);
    int rc = strcmp(run_str(f.env, s), RESULT_MAIN) == 0 &&
                     strstr(eval_str(f.env, "trace()", st, sizeof st), "xproc.js:18")
                 ? 0
                 : 2;
    if (rc == 0 && rejected)
        rc = 3;
    free(c);
    jt_teardown(&f);
    return jt_failures != failures ? 2 : rc;
}

static int spawn_self(const char *mode, const char *path)
{
    char *argv[] = {(char *)"test_code_cache", (char *)mode, (char *)path, NULL};
    pid_t pid;
    int status = 0;
    if (posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ) != 0)
        return -1;
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void cross_process(void)
{
    char path[] = "/tmp/libjsvm_cache_XXXXXX";
    int fd = mkstemp(path);
    EXPECT_TRUE(fd >= 0);
    if (fd < 0)
        return;
    close(fd);
    /* one process writes, another reads */
    EXPECT_EQ_INT(spawn_self("--write-cache", path), 0);
    EXPECT_EQ_INT(spawn_self("--read-cache", path), 0);
    /* and this one reads it too */
    EXPECT_EQ_INT(child_read(path), 0);
    /* this one writes, a child reads */
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *c = make_cache(f.env, SRC_MAIN, "xproc.js", 7, &len);
    EXPECT_EQ_INT(write_file(path, c, len), 0);
    EXPECT_EQ_INT(spawn_self("--read-cache", path), 0);
    /* a corrupted file is rejected over there */
    c[len - 3] ^= 1;
    EXPECT_EQ_INT(write_file(path, c, len), 0);
    EXPECT_EQ_INT(spawn_self("--read-cache", path), 3);
    free(c);
    jt_teardown(&f);
    unlink(path);
}

/* ------------------------------------------------------------- fuzz */

static uint64_t rng;
static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

/* One seeded mutation of base into out (capacity cap); returns the length.
 * Header-field mutations recompute the header checksum so that the field's
 * own check is exercised. */
static size_t mutate(const uint8_t *base, size_t len, uint8_t *out, size_t cap)
{
    size_t n = len, i, k;
    memcpy(out, base, len);
    switch (rnd() % 10) {
    case 0: /* flip 1-4 bits anywhere */
        for (k = 1 + rnd() % 4; k; k--) {
            i = rnd() % n;
            out[i] ^= (uint8_t)(1u << (rnd() % 8));
        }
        break;
    case 1: /* random byte values */
        for (k = 1 + rnd() % 3; k; k--)
            out[rnd() % n] = (uint8_t)rnd();
        break;
    case 2: /* insert bytes */
        k = 1 + rnd() % 16;
        if (n + k > cap)
            k = cap - n;
        i = rnd() % (n + 1);
        memmove(out + i + k, out + i, n - i);
        for (size_t j = 0; j < k; j++)
            out[i + j] = (uint8_t)rnd();
        n += k;
        break;
    case 3: /* delete a range */
        i = rnd() % n;
        k = 1 + rnd() % 32;
        if (i + k > n)
            k = n - i;
        memmove(out + i, out + i + k, n - i - k);
        n -= k;
        break;
    case 4: /* truncate */
        n = rnd() % n;
        break;
    case 5: /* append */
        k = 1 + rnd() % 64;
        if (n + k > cap)
            k = cap - n;
        for (size_t j = 0; j < k; j++)
            out[n + j] = (uint8_t)rnd();
        n += k;
        break;
    case 6: { /* a header word changed, header checksum recomputed */
        i = 4 + (rnd() % 14) * 4; /* 4..56 */
        uint32_t v = t_ld32(out + i);
        t_st32(out + i, rnd() % 2 ? v ^ (1u << (rnd() % 32)) : v + 1 + rnd() % 3);
        fix_header_sum(out);
        break;
    }
    case 7: /* payload bytes swapped */
        i = HDR + rnd() % (n - HDR);
        k = HDR + rnd() % (n - HDR);
        {
            uint8_t t = out[i];
            out[i] = out[k];
            out[k] = t;
        }
        break;
    case 8: /* a chunk duplicated over another */
        k = 1 + rnd() % 16;
        i = rnd() % (n - k);
        memmove(out + rnd() % (n - k), out + i, k);
        break;
    default: /* a length field made to match a truncation, checksum fixed */
        n = HDR + rnd() % (n - HDR);
        t_st64(out + 40, n - HDR);
        fix_header_sum(out);
        break;
    }
    return n;
}

/* Mutates a cache of SRC_RERUN `iters` times (or for `seconds`) and checks
 * that every changed cache is rejected, every unchanged one accepted, and
 * that the script always compiles and gives its result. Returns the number
 * of iterations run. */
static long fuzz_run(uint64_t seed, long iters, double seconds)
{
    jt_fixture f;
    jt_setup(&f);
    size_t len = 0;
    uint8_t *base = make_cache(f.env, SRC_RERUN, NULL, 0, &len);
    size_t cap = len + 128;
    uint8_t *buf = malloc(cap);
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rng = seed ? seed : 1;
    long it = 0, same = 0;
    for (; base; it++) {
        if (iters >= 0 && it >= iters)
            break;
        if (seconds > 0 && (it & 63) == 0) {
            clock_gettime(CLOCK_MONOTONIC, &t);
            if ((double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) * 1e-9 >= seconds)
                break;
        }
        size_t n = mutate(base, len, buf, cap);
        bool unchanged = n == len && memcmp(buf, base, len) == 0;
        int how = (int)(rnd() % 4);
        bool rejected;
        if (how == 3) {
            /* through BackgroundDeserialize */
            JSVM_DeserializeResult r = NULL;
            JSVM_CodeCache cc = {buf, n};
            JSVM_Script s = NULL;
            JSVM_HandleScope hs = NULL;
            CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
            rejected = !unchanged;
            if (n == 0) {
                rejected = rejected_rerun(f.env, buf, n, 0); /* BackgroundDeserialize refuses length 0 */
            } else {
                EXPECT_VM_STATUS(OH_JSVM_BackgroundDeserialize(f.vm, cc, &r), JSVM_OK);
                CHECK_OK(f.env, compile_bg(f.env, SRC_RERUN, buf, n, r, &rejected, &s));
                EXPECT_STREQ(run_str(f.env, s), RESULT_RERUN);
                EXPECT_VM_STATUS(OH_JSVM_ReleaseDeserializeResult(r), JSVM_OK);
            }
            CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
        } else {
            rejected = rejected_rerun(f.env, buf, n, how);
        }
        same += unchanged;
        if (rejected == unchanged) {
            char m[160];
            snprintf(m, sizeof m, "fuzz seed %llu iteration %ld: %s cache (%zu bytes) was %s",
                     (unsigned long long)seed, it, unchanged ? "an unchanged" : "a mutated", n,
                     rejected ? "rejected" : "accepted");
            jt_fail(__FILE__, __LINE__, m);
            if (jt_failures > 20)
                break;
        }
    }
    free(buf);
    free(base);
    jt_teardown(&f);
    if (seconds > 0)
        printf("fuzz: seed %llu, %ld mutations (%ld unchanged)\n", (unsigned long long)seed, it, same);
    return it;
}

static void fuzz_deterministic(void)
{
    EXPECT_EQ_INT(fuzz_run(20261121, 4000, 0), 4000);
}

static int fuzz_main(int argc, char **argv)
{
    double seconds = argc > 2 ? atof(argv[2]) : 60;
    uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 0) : 0;
    if (!seed) {
        int fd = open("/dev/urandom", O_RDONLY);
        if (fd < 0 || read(fd, &seed, sizeof seed) != (ssize_t)sizeof seed)
            seed = (uint64_t)time(NULL);
        if (fd >= 0)
            close(fd);
    }
    printf("fuzz: seed %llu for %.0f s (rerun with: test_code_cache --fuzz %.0f %llu)\n",
           (unsigned long long)seed, seconds, seconds, (unsigned long long)seed);
    fflush(stdout);
    fuzz_run(seed, -1, seconds);
    printf("%s: %d checks, %d failures\n", jt_failures ? "FAIL" : "ok", jt_checks, jt_failures);
    return jt_failures ? 1 : 0;
}

/* ------------------------------------------------------------- main */

int main(int argc, char **argv)
{
    static const jt_test tests[] = {
        JT_TEST(roundtrip_compile_script),
        JT_TEST(roundtrip_with_origin),
        JT_TEST(roundtrip_with_options),
        JT_TEST(cache_after_run),
        JT_TEST(large_script),
        JT_TEST(rejects_mismatches),
        JT_TEST(rejects_corruption),
        JT_TEST(rejects_header_fields),
        JT_TEST(cache_rejected_written_only_with_cache),
        JT_TEST(release_cache_errors),
        JT_TEST(create_code_cache_cases),
        JT_TEST(create_code_cache_out_of_memory),
        JT_TEST(options_handling),
        JT_TEST(background_deserialize),
        JT_TEST(background_many),
        JT_TEST(background_threads),
        JT_TEST(version_tag),
        JT_TEST(cross_process),
        JT_TEST(fuzz_deterministic),
    };
    memcpy(src_main_twin, SRC_MAIN, sizeof SRC_MAIN);
    strstr(src_main_twin, "[1, 2, 3]")[7] = '4'; /* same length, other result */
    if (argc == 3 && !strcmp(argv[1], "--write-cache"))
        return child_write(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "--read-cache"))
        return child_read(argv[2]);
    if (argc >= 2 && !strcmp(argv[1], "--fuzz"))
        return fuzz_main(argc, argv);
    return jt_main("code_cache", tests, sizeof tests / sizeof tests[0]);
}
