/*
 * bench_cache.h: code-cache ops of bench_core.c (included there).
 *  q  compile a generated ~500 KB script from source
 *     (CompileScriptWithOrigin; baseline JS_Eval with JS_EVAL_FLAG_COMPILE_ONLY)
 *  r  compile the same script with a valid code cache
 *     (CompileScriptWithOrigin + cache; baseline JS_ReadObject of the
 *     JS_WriteObject output, as a plain-C embedder would keep bytecode)
 *  s, t  the same two on a real library: lodash from Debian's libjs-lodash
 *     (/usr/share/javascript/lodash/lodash.js); skipped with a note when the
 *     file is missing (apt-get install libjs-lodash)
 * Each JSVM compile runs in a handle scope closed right after it, so the
 * script is freed per iteration, as the baseline frees its function.
 * After the table, bench_core prints the speed-up source -> cache of both
 * sides (target: >= 10x on the JSVM side).
 */
#define LODASH_PATH "/usr/share/javascript/lodash/lodash.js"

static char *gen_src, *lodash_src;
static size_t gen_len, lodash_len;
static JSVM_Value jgen_str, jlodash_str;
static const uint8_t *jgen_cache, *jlodash_cache;
static size_t jgen_cache_len, jlodash_cache_len;
static JSVM_ScriptOrigin gen_origin = {NULL, "generated.js", 0, 0};
static JSVM_ScriptOrigin lodash_origin = {NULL, "lodash.js", 0, 0};

/* ~500 KB of module-shaped code: IIFEs with constants, object literals,
 * strings, loops, a class with a getter and a template literal, arrows. */
static char *cache_gen_script(size_t target, size_t *len)
{
    size_t cap = target + 4096, n = 0;
    char *s = malloc(cap);
    int i;
    for (i = 0; n < target; i++)
        n += (size_t)snprintf(
            s + n, cap - n,
            "var M%d = (function () {\n"
            "  'use strict';\n"
            "  const NAME = 'module-%d';\n"
            "  const table = { id: %d, label: \"Label number %d\", tags: ['alpha%d', 'beta', 'gamma'],\n"
            "                  nested: { depth: %d, ok: %s, ratio: %d.25 } };\n"
            "  function helper%d(x, y) {\n"
            "    let s = 0;\n"
            "    for (let i = 0; i < x; i++) { s += (i * y) %% 7; if (s > 1000) break; }\n"
            "    return s + table.id;\n"
            "  }\n"
            "  class Widget%d {\n"
            "    constructor(n) { this.n = n; this.name = NAME; }\n"
            "    render() { return `<${this.name} n=${this.n} size=${this.size}>`; }\n"
            "    get size() { return this.n * 2; }\n"
            "  }\n"
            "  const fmt = (v) => NAME + ':' + String(v).padStart(6, '0');\n"
            "  return { helper: helper%d, Widget: Widget%d, fmt, table };\n"
            "})();\n",
            i, i, i, i, i, i % 5, i % 2 ? "true" : "false", i % 10, i, i, i, i);
    n += (size_t)snprintf(s + n, cap - n, "M0.helper(10, 3) + M%d.table.id", i - 1);
    *len = n;
    return s;
}

static char *cache_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(s);
        return NULL;
    }
    fclose(f);
    s[n] = 0;
    *len = (size_t)n;
    return s;
}

/* A note instead of a number when an op cannot run. */
static const char *cache_op_unavailable(char id)
{
    if ((id == 's' || id == 't') && !lodash_src)
        return "skipped: " LODASH_PATH " not found (apt-get install libjs-lodash)";
    return NULL;
}

static void jsvm_cache_prepare(const char *src, size_t len, JSVM_ScriptOrigin *o, JSVM_Value *str,
                               const uint8_t **cache, size_t *cache_len)
{
    JSVM_Script s;
    CHECK(OH_JSVM_CreateStringUtf8(jenv, src, len, str));
    CHECK(OH_JSVM_CompileScriptWithOrigin(jenv, *str, NULL, 0, false, NULL, o, &s));
    CHECK(OH_JSVM_CreateCodeCache(jenv, s, cache, cache_len));
    bool rejected = true;
    CHECK(OH_JSVM_CompileScriptWithOrigin(jenv, *str, *cache, *cache_len, false, &rejected, o, &s));
    if (rejected)
        CHECK(!"the code cache is accepted");
}

static void jsvm_cache_setup(void)
{
    gen_src = cache_gen_script(500 * 1024, &gen_len);
    lodash_src = cache_read_file(LODASH_PATH, &lodash_len);
    jsvm_cache_prepare(gen_src, gen_len, &gen_origin, &jgen_str, &jgen_cache, &jgen_cache_len);
    if (lodash_src)
        jsvm_cache_prepare(lodash_src, lodash_len, &lodash_origin, &jlodash_str, &jlodash_cache,
                           &jlodash_cache_len);
    /* the generated script computes what it should */
    JSVM_Script s;
    JSVM_Value r;
    CHECK(OH_JSVM_CompileScriptWithOrigin(jenv, jgen_str, jgen_cache, jgen_cache_len, false, NULL, &gen_origin, &s));
    CHECK(OH_JSVM_RunScript(jenv, s, &r));
    int32_t v = 0;
    CHECK(OH_JSVM_GetValueInt32(jenv, r, &v));
    if (v < 12)
        CHECK(!"generated script result");
}

static void jsvm_cache_teardown(void)
{
    CHECK(OH_JSVM_ReleaseCache(jenv, jgen_cache, JSVM_CACHE_TYPE_JS));
    if (jlodash_cache)
        CHECK(OH_JSVM_ReleaseCache(jenv, jlodash_cache, JSVM_CACHE_TYPE_JS));
}

static void jsvm_compile_n(long n, JSVM_Value str, JSVM_ScriptOrigin *o, const uint8_t *cache, size_t len)
{
    for (long i = 0; i < n; i++) {
        JSVM_HandleScope hs;
        JSVM_Script s;
        bool rejected = false;
        bad |= OH_JSVM_OpenHandleScope(jenv, &hs);
        bad |= OH_JSVM_CompileScriptWithOrigin(jenv, str, cache, len, false, &rejected, o, &s);
        bad |= rejected;
        bad |= OH_JSVM_CloseHandleScope(jenv, hs);
    }
}

static void jsvm_q(long n) { jsvm_compile_n(n, jgen_str, &gen_origin, NULL, 0); }
static void jsvm_r(long n) { jsvm_compile_n(n, jgen_str, &gen_origin, jgen_cache, jgen_cache_len); }
static void jsvm_s(long n) { jsvm_compile_n(n, jlodash_str, &lodash_origin, NULL, 0); }
static void jsvm_t(long n) { jsvm_compile_n(n, jlodash_str, &lodash_origin, jlodash_cache, jlodash_cache_len); }

#ifndef BENCH_JSVM_ONLY
static uint8_t *qgen_bc, *qlodash_bc;
static size_t qgen_bc_len, qlodash_bc_len;

static uint8_t *base_cache_prepare(const char *src, size_t len, const char *name, size_t *bc_len)
{
    JSValue f = JS_Eval(qctx, src, len, name, JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_COMPILE_ONLY);
    if (JS_IsException(f))
        CHECK(!"JS_Eval compile-only");
    uint8_t *bc = JS_WriteObject(qctx, bc_len, f, JS_WRITE_OBJ_BYTECODE);
    JS_FreeValue(qctx, f);
    if (!bc)
        CHECK(!"JS_WriteObject");
    return bc;
}

static void base_cache_setup(void)
{
    qgen_bc = base_cache_prepare(gen_src, gen_len, "generated.js", &qgen_bc_len);
    if (lodash_src)
        qlodash_bc = base_cache_prepare(lodash_src, lodash_len, "lodash.js", &qlodash_bc_len);
}

static void base_cache_teardown(void)
{
    js_free(qctx, qgen_bc);
    if (qlodash_bc)
        js_free(qctx, qlodash_bc);
}

static void base_eval_n(long n, const char *src, size_t len, const char *name)
{
    for (long i = 0; i < n; i++) {
        JSValue f = JS_Eval(qctx, src, len, name, JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_COMPILE_ONLY);
        bad |= JS_IsException(f);
        JS_FreeValue(qctx, f);
    }
}

static void base_read_n(long n, const uint8_t *bc, size_t len)
{
    for (long i = 0; i < n; i++) {
        JSValue f = JS_ReadObject(qctx, bc, len, JS_READ_OBJ_BYTECODE);
        bad |= JS_IsException(f);
        JS_FreeValue(qctx, f);
    }
}

static void base_q(long n) { base_eval_n(n, gen_src, gen_len, "generated.js"); }
static void base_r(long n) { base_read_n(n, qgen_bc, qgen_bc_len); }
static void base_s(long n) { base_eval_n(n, lodash_src, lodash_len, "lodash.js"); }
static void base_t(long n) { base_read_n(n, qlodash_bc, qlodash_bc_len); }
#endif
