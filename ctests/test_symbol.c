/*
 * test_symbol.c: OH_JSVM_CreateSymbol, SymbolFor and the 11 well-known
 * symbol getters (spec §3.23).
 *
 * The well-known symbols are checked by use, not only by identity: a native
 * method stored under the symbol from GetSymbolIterator must make an object
 * iterable by for...of, which only the engine's own Symbol.iterator does.
 */
#include <limits.h>
#include <stdint.h>

#include "common.h"

#define CALL_JS(env, fnsrc, argc, argv) call_js_at((env), (fnsrc), (argc), (argv), __FILE__, __LINE__)

#define EXPECT_JS_CALL(env, fnsrc, argc, argv)                                  \
    do {                                                                        \
        JSVM_Value r_ = CALL_JS((env), (fnsrc), (argc), (argv));                \
        bool b_ = false;                                                        \
        jt_checks++;                                                            \
        if (!r_ || OH_JSVM_GetValueBool((env), r_, &b_) != JSVM_OK || !b_)      \
            jt_fail(__FILE__, __LINE__, "JS call did not return true: " fnsrc); \
    } while (0)

typedef JSVM_Status (*getter_fn)(JSVM_Env, JSVM_Value *);

static const struct {
    const char *name;
    getter_fn get;
} wellknown[] = {
    {"asyncIterator", OH_JSVM_GetSymbolAsyncIterator},
    {"hasInstance", OH_JSVM_GetSymbolHasInstance},
    {"isConcatSpreadable", OH_JSVM_GetSymbolIsConcatSpreadable},
    {"match", OH_JSVM_GetSymbolMatch},
    {"replace", OH_JSVM_GetSymbolReplace},
    {"search", OH_JSVM_GetSymbolSearch},
    {"split", OH_JSVM_GetSymbolSplit},
    {"toPrimitive", OH_JSVM_GetSymbolToPrimitive},
    {"unscopables", OH_JSVM_GetSymbolUnscopables},
    {"toStringTag", OH_JSVM_GetSymbolToStringTag},
    {"iterator", OH_JSVM_GetSymbolIterator},
};
#define N_WK (sizeof wellknown / sizeof wellknown[0])

/* obj[key] = value, from JS */
static void put(JSVM_Env env, JSVM_Value obj, JSVM_Value key, JSVM_Value value)
{
    JSVM_Value args[3] = {obj, key, value};
    CALL_JS(env, "(function (o, k, v) { o[k] = v; })", 3, args);
}

/* ---- CreateSymbol ---- */

static void create_symbol(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value a = NULL, b = NULL, c = NULL;
    CHECK_OK(env, OH_JSVM_CreateSymbol(env, NULL, &a));
    EXPECT_JS(env, a, "(s) => typeof s === 'symbol' && s.description === undefined && String(s) === 'Symbol()'");
    CHECK_OK(env, OH_JSVM_CreateSymbol(env, make_str(env, "abc"), &b));
    CHECK_OK(env, OH_JSVM_CreateSymbol(env, make_str(env, "abc"), &c));
    EXPECT_JS(env, b, "(s) => typeof s === 'symbol' && s.description === 'abc'");
    JSVM_Value args[2] = {b, c};
    EXPECT_JS_CALL(env, "(function (x, y) { return x !== y && x.description === y.description &&"
                        " Symbol.keyFor(x) === undefined; })",
                   2, args);
    /* the description is kept exactly: NUL, non-BMP, lone surrogate */
    JSVM_Value d = NULL, s = NULL;
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, "a\0b\xF0\x9F\x98\x80", 7, &d));
    CHECK_OK(env, OH_JSVM_CreateSymbol(env, d, &s));
    EXPECT_JS(env, s, "(s) => s.description === 'a\\0b\\u{1F600}'");
    static const char16_t lone[] = {0x61, 0xD800, 0x62};
    CHECK_OK(env, OH_JSVM_CreateStringUtf16(env, lone, 3, &d));
    CHECK_OK(env, OH_JSVM_CreateSymbol(env, d, &s));
    EXPECT_JS(env, s, "(s) => s.description === 'a\\uD800b'");
    CHECK_OK(env, OH_JSVM_CreateSymbol(env, make_str(env, ""), &s));
    EXPECT_JS(env, s, "(s) => s.description === ''");

    /* usable as a property key */
    JSVM_Value obj = JT_RUN(env, "({})");
    put(env, obj, b, make_int(env, 7));
    JSVM_Value args2[2] = {obj, b};
    EXPECT_JS_CALL(env, "(function (o, k) { return o[k] === 7 && Object.getOwnPropertySymbols(o)[0] === k; })", 2,
                   args2);

    /* non-string descriptions */
    const char *bad[] = {"1", "({})", "Symbol('x')", "null", "undefined", "1n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        s = NULL;
        EXPECT_STATUS(env, OH_JSVM_CreateSymbol(env, JT_RUN(env, bad[i]), &s), JSVM_STRING_EXPECTED);
        EXPECT_TRUE(s == NULL);
    }
    EXPECT_STATUS(env, OH_JSVM_CreateSymbol(env, NULL, NULL), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

/* ---- SymbolFor ---- */

static void symbol_for(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value a = NULL, b = NULL, c = NULL;
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "key", JSVM_AUTO_LENGTH, &a));
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "keyboard", 3, &b));
    JSVM_Value args[2] = {a, b};
    EXPECT_JS_CALL(env, "(function (x, y) { return typeof x === 'symbol' && x === y && x === Symbol.for('key') &&"
                        " Symbol.keyFor(x) === 'key'; })",
                   2, args);
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "other", JSVM_AUTO_LENGTH, &c));
    args[1] = c;
    EXPECT_JS_CALL(env, "(function (x, y) { return x !== y && y === Symbol.for('other'); })", 2, args);

    /* empty key, NULL with length 0 */
    CHECK_OK(env, OH_JSVM_SymbolFor(env, NULL, 0, &a));
    EXPECT_JS(env, a, "(s) => s === Symbol.for('') && Symbol.keyFor(s) === ''");
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "", JSVM_AUTO_LENGTH, &b));
    EXPECT_JS(env, b, "(s) => s === Symbol.for('')");

    /* explicit lengths keep NULs and UTF-8 */
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "a\0b", 3, &a));
    EXPECT_JS(env, a, "(s) => s === Symbol.for('a\\0b') && s !== Symbol.for('a')");
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "caf\xC3\xA9", JSVM_AUTO_LENGTH, &a));
    EXPECT_JS(env, a, "(s) => s === Symbol.for('caf\\u00e9')");

    /* a registry symbol made in JS first is found */
    JT_RUN(env, "globalThis.early = Symbol.for('early');");
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "early", JSVM_AUTO_LENGTH, &a));
    EXPECT_JS(env, a, "(s) => s === early");

    /* argument rules of string lengths */
    a = NULL;
    EXPECT_STATUS(env, OH_JSVM_SymbolFor(env, NULL, 3, &a), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_SymbolFor(env, "x", (size_t)INT_MAX + 1, &a), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_SymbolFor(env, "x", 1, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(a == NULL);
    jt_teardown(&f);
}

/* ---- well-known symbols ---- */

static void wellknown_identity(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    for (size_t i = 0; i < N_WK; i++) {
        JSVM_Value s = NULL, again = NULL;
        CHECK_OK(env, wellknown[i].get(env, &s));
        CHECK_OK(env, wellknown[i].get(env, &again));
        JSVM_Value args[3] = {s, again, make_str(env, wellknown[i].name)};
        EXPECT_JS_CALL(env, "(function (s, t, name) { return typeof s === 'symbol' && s === t && s === Symbol[name] &&"
                            " s.description === 'Symbol.' + name; })",
                       3, args);
        EXPECT_STATUS(env, wellknown[i].get(env, NULL), JSVM_INVALID_ARG);
        EXPECT_VM_STATUS(wellknown[i].get(NULL, &s), JSVM_INVALID_ARG);
    }
    jt_teardown(&f);
}

/* A native Symbol.iterator method: returns an iterator over 0, 1, 2. */
static JSVM_Value native_iterator(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    return JT_RUN(env, "({ i: 0, next() { return this.i < 3 ? { value: this.i++, done: false } : { done: true }; } })");
}
static JSVM_CallbackStruct native_iterator_cb = {native_iterator, NULL};

static JSVM_Value native_to_primitive(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value hint = NULL, r = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &hint, NULL, NULL));
    /* 42 for number hints, "str" otherwise */
    char buf[16] = "";
    OH_JSVM_GetValueStringUtf8(env, hint, buf, sizeof buf, NULL);
    if (strcmp(buf, "number") == 0)
        CHECK_OK(env, OH_JSVM_CreateInt32(env, 42, &r));
    else
        r = make_str(env, "str");
    return r;
}
static JSVM_CallbackStruct native_to_primitive_cb = {native_to_primitive, NULL};

static JSVM_Value native_has_instance(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value v = NULL, r = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &v, NULL, NULL));
    double d = 0; /* numbers are "instances" */
    bool is_number = OH_JSVM_GetValueDouble(env, v, &d) == JSVM_OK;
    CHECK_OK(env, OH_JSVM_GetBoolean(env, is_number, &r));
    return r;
}
static JSVM_CallbackStruct native_has_instance_cb = {native_has_instance, NULL};

static JSVM_Value fn(JSVM_Env env, JSVM_CallbackStruct *cb)
{
    JSVM_Value f = NULL;
    CHECK_OK(env, OH_JSVM_CreateFunction(env, "native", JSVM_AUTO_LENGTH, cb, &f));
    return f;
}

static void wellknown_protocols(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value sym = NULL, obj = JT_RUN(env, "({})");

    CHECK_OK(env, OH_JSVM_GetSymbolIterator(env, &sym));
    put(env, obj, sym, fn(env, &native_iterator_cb));
    EXPECT_JS(env, obj, "(o) => { const a = []; for (const x of o) a.push(x); return a.join() === '0,1,2' &&"
                        " [...o].length === 3 && Array.from(o).join() === '0,1,2'; }");

    obj = JT_RUN(env, "({})");
    CHECK_OK(env, OH_JSVM_GetSymbolToPrimitive(env, &sym));
    put(env, obj, sym, fn(env, &native_to_primitive_cb));
    EXPECT_JS(env, obj, "(o) => +o === 42 && `${o}` === 'str'");

    JSVM_Value ctor = JT_RUN(env, "(function C() {})");
    CHECK_OK(env, OH_JSVM_GetSymbolHasInstance(env, &sym));
    JSVM_Value args[3] = {ctor, sym, fn(env, &native_has_instance_cb)};
    CALL_JS(env, "(function (c, k, f) { Object.defineProperty(c, k, { value: f }); })", 3, args);
    EXPECT_JS(env, ctor, "(C) => 5 instanceof C && !({} instanceof C)");

    obj = JT_RUN(env, "({})");
    CHECK_OK(env, OH_JSVM_GetSymbolToStringTag(env, &sym));
    put(env, obj, sym, make_str(env, "Native"));
    EXPECT_JS(env, obj, "(o) => Object.prototype.toString.call(o) === '[object Native]'");

    obj = JT_RUN(env, "({ length: 2, 0: 'a', 1: 'b' })");
    CHECK_OK(env, OH_JSVM_GetSymbolIsConcatSpreadable(env, &sym));
    JSVM_Value t = NULL;
    CHECK_OK(env, OH_JSVM_GetBoolean(env, true, &t));
    put(env, obj, sym, t);
    EXPECT_JS(env, obj, "(o) => [0].concat(o).join() === '0,a,b'");

    /* the string protocols, each with a JS function stored under the symbol */
    static const struct {
        getter_fn get;
        const char *call;
    } str_protocols[] = {
        {OH_JSVM_GetSymbolMatch, "'abc'.match(o) === 'match'"},
        {OH_JSVM_GetSymbolReplace, "'abc'.replace(o, 'x') === 'replace'"},
        {OH_JSVM_GetSymbolSearch, "'abc'.search(o) === 'search'"},
        {OH_JSVM_GetSymbolSplit, "'abc'.split(o) === 'split'"},
    };
    static const char *const names[] = {"match", "replace", "search", "split"};
    for (size_t i = 0; i < 4; i++) {
        obj = JT_RUN(env, "({})");
        CHECK_OK(env, str_protocols[i].get(env, &sym));
        char src[96];
        snprintf(src, sizeof src, "(function () { return '%s'; })", names[i]);
        put(env, obj, sym, JT_RUN(env, src));
        char pred[128];
        snprintf(pred, sizeof pred, "(o) => %s", str_protocols[i].call);
        jt_checks++;
        if (!js_check(env, pred, obj))
            jt_fail(__FILE__, __LINE__, pred);
    }

    /* unscopables: a name listed there is skipped by `with` */
    CHECK_OK(env, OH_JSVM_GetSymbolUnscopables(env, &sym));
    obj = JT_RUN(env, "({ hidden: 'inner' })");
    put(env, obj, sym, JT_RUN(env, "({ hidden: true })"));
    EXPECT_JS(env, obj, "(o) => (new Function('o', 'var hidden = \"outer\"; with (o) { return hidden; }'))(o) === 'outer'");

    /* asyncIterator: drives for await */
    CHECK_OK(env, OH_JSVM_GetSymbolAsyncIterator(env, &sym));
    obj = JT_RUN(env, "({})");
    put(env, obj, sym, JT_RUN(env, "(async function* () { yield 1; yield 2; })"));
    CALL_JS(env, "(function (o) { (async () => { let s = 0; for await (const x of o) s += x; globalThis.asum = s; })(); })",
            1, &obj);
    JT_ASSERT_JS(env, "globalThis.asum === 3");
    jt_teardown(&f);
}

/* The getters return the engine's symbols even after a script replaced
 * globalThis.Symbol. */
static void replaced_symbol_global(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JT_RUN(env, "globalThis.realSymbol = Symbol;"
                "globalThis.Symbol = { iterator: 'fake', for: () => 'fake', asyncIterator: 'fake' };");
    for (size_t i = 0; i < N_WK; i++) {
        JSVM_Value s = NULL;
        CHECK_OK(env, wellknown[i].get(env, &s));
        JSVM_Value args[2] = {s, make_str(env, wellknown[i].name)};
        EXPECT_JS_CALL(env, "(function (s, n) { return s === realSymbol[n]; })", 2, args);
    }
    JSVM_Value s = NULL;
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "k", JSVM_AUTO_LENGTH, &s));
    EXPECT_JS(env, s, "(s) => typeof s === 'symbol' && s === realSymbol.for('k')");
    CHECK_OK(env, OH_JSVM_CreateSymbol(env, make_str(env, "d"), &s));
    EXPECT_JS(env, s, "(s) => typeof s === 'symbol' && s.description === 'd'");
    jt_teardown(&f);
}

/* All 13 are "env" functions: they work while an exception is pending and
 * leave it pending. */
static void pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value desc = make_str(env, "d"), s = NULL;
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    CHECK_OK(env, OH_JSVM_CreateSymbol(env, desc, &s));
    JSVM_Value created = s;
    CHECK_OK(env, OH_JSVM_SymbolFor(env, "pk", JSVM_AUTO_LENGTH, &s));
    JSVM_Value registered = s;
    JSVM_Value got[N_WK];
    for (size_t i = 0; i < N_WK; i++)
        CHECK_OK(env, wellknown[i].get(env, &got[i]));
    EXPECT_STATUS(env, OH_JSVM_CreateSymbol(env, make_int(env, 1), &s), JSVM_STRING_EXPECTED);
    EXPECT_JS(env, take_exception(env), "(e) => e instanceof Error && e.message === 'pending'");
    EXPECT_JS(env, created, "(s) => typeof s === 'symbol' && s.description === 'd'");
    EXPECT_JS(env, registered, "(s) => s === Symbol.for('pk')");
    EXPECT_JS(env, got[N_WK - 1], "(s) => s === Symbol.iterator");
    jt_teardown(&f);
}

JT_MAIN("symbol", JT_TEST(create_symbol), JT_TEST(symbol_for), JT_TEST(wellknown_identity),
        JT_TEST(wellknown_protocols), JT_TEST(replaced_symbol_global), JT_TEST(pending_exception))
