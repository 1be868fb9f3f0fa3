/*
 * test_keys.c: OH_JSVM_GetAllPropertyNames and OH_JSVM_GetPropertyNames
 * (spec §3.12): every collection mode x key-filter combination x key
 * conversion on one object with string keys, integer keys, symbols,
 * non-enumerable, read-only, non-configurable and accessor properties, and
 * a prototype chain with shadowing.
 *
 * Expectations come from two independent places: lists written out by hand
 * for the combinations that matter most (they pin the order), and, for all
 * 128 combinations, a model written in JavaScript on top of Reflect.ownKeys
 * and Object.getOwnPropertyDescriptor. GetPropertyNames is also compared with
 * what a for...in loop sees.
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- fixture */

/* gp (prototype of proto, itself without prototype) <- proto <- obj */
static const char FIXTURE[] =
    "globalThis.symG = Symbol('g'); globalThis.symP = Symbol('p');"
    "globalThis.symA = Symbol('a'); globalThis.symH = Symbol('h');"
    "globalThis.gp = Object.create(null);"
    "gp.gpOnly = 1; gp.shadowed = 'gp'; gp[5] = 'gp5'; gp[symG] = 1;"
    "Object.defineProperty(gp, 'gpHidden', { value: 1, enumerable: false, writable: true, configurable: true });"
    "globalThis.proto = Object.create(gp);"
    "proto.protoOnly = 1;"
    "Object.defineProperty(proto, 'shadowed', { value: 'p', enumerable: false, writable: true, configurable: true });"
    "proto[1] = 'p1'; proto[symP] = 2;"
    "globalThis.obj = Object.create(proto);"
    "obj.b = 1; obj[10] = 'ten'; obj.a = 2; obj[2] = 'two';"
    "obj['01'] = 'not an index'; obj[4294967295] = 'not an index either'; obj[4294967294] = 'largest index';"
    "obj[5] = 'o5'; obj[symA] = 1;"
    "Object.defineProperty(obj, 'hidden', { value: 1, enumerable: false, writable: true, configurable: true });"
    "Object.defineProperty(obj, 'ro', { value: 1, enumerable: true, writable: false, configurable: true });"
    "Object.defineProperty(obj, 'fixed', { value: 1, enumerable: true, writable: true, configurable: false });"
    "Object.defineProperty(obj, 'acc', { get() { return 1; }, enumerable: true, configurable: true });"
    "Object.defineProperty(obj, 'frozenAcc', { get() { return 1; }, enumerable: true, configurable: false });"
    "Object.defineProperty(obj, symH, { value: 1, enumerable: false, writable: false, configurable: false });"
    /* helpers */
    "globalThis.same = (r, e) => Array.isArray(r) && r.length === e.length && r.every((k, i) => k === e[i]);"
    "globalThis.show = (a) => Array.isArray(a) ? '[' + a.map((k) => typeof k === 'symbol' ? k.toString() :"
    "  typeof k === 'number' ? String(k) : JSON.stringify(k)).join(',') + ']' : String(a);"
    "globalThis.isIndex = (k) => typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k) && Number(k) <= 4294967294;"
    /* the model: what GetAllPropertyNames must return */
    "globalThis.model = (o, own, filter, keep) => {"
    "  const out = [], seen = new Set();"
    "  for (let cur = Object(o); cur !== null; cur = Object.getPrototypeOf(cur)) {"
    "    for (const k of Reflect.ownKeys(cur)) {"
    "      if (!own) { if (seen.has(k)) continue; seen.add(k); }"
    "      if (typeof k === 'string' ? (filter & 8) : (filter & 16)) continue;"
    "      const d = Object.getOwnPropertyDescriptor(cur, k);"
    "      if ((filter & 2) && !d.enumerable) continue;"
    "      if ((filter & 1) && ('value' in d) && !d.writable) continue;"
    "      if ((filter & 4) && !d.configurable) continue;"
    "      out.push(keep && isIndex(k) ? Number(k) : k);"
    "    }"
    "    if (own) break;"
    "  }"
    "  return out;"
    "};"
    "globalThis.forIn = (o) => { const r = []; for (const k in o) r.push(k); return r; };"
    "obj";

#define SENTINEL ((JSVM_Value)(uintptr_t)0x5e17)

/* r (an array of keys) equals the JS expression `expected`; on failure both
 * are shown. */
#define EXPECT_KEYS(env, r, expected) expect_keys_at((env), (r), (expected), __FILE__, __LINE__)
static void expect_keys_at(JSVM_Env env, JSVM_Value r, const char *expected, const char *file, int line)
{
    char src[4096];
    snprintf(src, sizeof src, "(r) => same(r, %s)", expected);
    jt_checks++;
    if (r && js_check(env, src, r))
        return;
    char msg[4096], got[2048] = "(no result)", want[1024] = "";
    if (r) {
        JSVM_Value s = call_js(env, "(r) => show(r)", 1, &r);
        snprintf(got, sizeof got, "%s", jt_str(env, s));
    }
    snprintf(src, sizeof src, "show(%s)", expected);
    snprintf(want, sizeof want, "%s", jt_str(env, JT_RUN(env, src)));
    snprintf(msg, sizeof msg, "keys %s\n    want %s (%s)", got, want, expected);
    jt_fail(file, line, msg);
}

static JSVM_Value all_names(JSVM_Env env, JSVM_Value o, JSVM_KeyCollectionMode mode, int filter,
                            JSVM_KeyConversion conv)
{
    JSVM_Value r = NULL;
    CHECK_OK(env, OH_JSVM_GetAllPropertyNames(env, o, mode, (JSVM_KeyFilter)filter, conv, &r));
    return r;
}

static bool take_exception_is(JSVM_Env env, const char *pred)
{
    bool p = false;
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &p));
    if (!p)
        return false;
    JSVM_Value e = NULL;
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    return e && js_check(env, pred, e);
}

/* ------------------------------------------------------------ own keys */

static void own_keys_by_filter(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, FIXTURE);
    const JSVM_KeyCollectionMode OWN = JSVM_KEY_OWN_ONLY;
    const JSVM_KeyConversion KEEP = JSVM_KEY_KEEP_NUMBERS, STR = JSVM_KEY_NUMBERS_TO_STRINGS;

    /* [[OwnPropertyKeys]] order: indices ascending, then strings, then
     * symbols, each in creation order; "01" and 2^32-1 are not indices. */
    EXPECT_KEYS(env, all_names(env, obj, OWN, JSVM_KEY_ALL_PROPERTIES, KEEP),
                "[2, 5, 10, 4294967294, 'b', 'a', '01', '4294967295', 'hidden', 'ro', 'fixed', 'acc', 'frozenAcc',"
                " symA, symH]");
    EXPECT_KEYS(env, all_names(env, obj, OWN, JSVM_KEY_ALL_PROPERTIES, STR),
                "['2', '5', '10', '4294967294', 'b', 'a', '01', '4294967295', 'hidden', 'ro', 'fixed', 'acc',"
                " 'frozenAcc', symA, symH]");
    EXPECT_KEYS(env, all_names(env, obj, OWN, JSVM_KEY_ENUMERABLE, KEEP),
                "[2, 5, 10, 4294967294, 'b', 'a', '01', '4294967295', 'ro', 'fixed', 'acc', 'frozenAcc', symA]");
    /* WRITABLE: read-only data properties go; accessors stay (no read-only
     * attribute, as in V8) */
    EXPECT_KEYS(env, all_names(env, obj, OWN, JSVM_KEY_WRITABLE, KEEP),
                "[2, 5, 10, 4294967294, 'b', 'a', '01', '4294967295', 'hidden', 'fixed', 'acc', 'frozenAcc', symA]");
    EXPECT_KEYS(env, all_names(env, obj, OWN, JSVM_KEY_CONFIGURABLE, STR),
                "['2', '5', '10', '4294967294', 'b', 'a', '01', '4294967295', 'hidden', 'ro', 'acc', symA]");
    EXPECT_KEYS(env, all_names(env, obj, OWN, JSVM_KEY_SKIP_STRINGS, KEEP), "[symA, symH]");
    EXPECT_KEYS(env, all_names(env, obj, OWN, JSVM_KEY_SKIP_SYMBOLS, KEEP),
                "[2, 5, 10, 4294967294, 'b', 'a', '01', '4294967295', 'hidden', 'ro', 'fixed', 'acc', 'frozenAcc']");
    EXPECT_KEYS(env, all_names(env, obj, OWN, JSVM_KEY_SKIP_STRINGS | JSVM_KEY_SKIP_SYMBOLS, KEEP), "[]");
    EXPECT_KEYS(env,
                all_names(env, obj, OWN, JSVM_KEY_WRITABLE | JSVM_KEY_ENUMERABLE | JSVM_KEY_CONFIGURABLE, KEEP),
                "[2, 5, 10, 4294967294, 'b', 'a', '01', '4294967295', 'acc', symA]");
    EXPECT_KEYS(env,
                all_names(env, obj, OWN, JSVM_KEY_ENUMERABLE | JSVM_KEY_SKIP_STRINGS, STR), "[symA]");
    EXPECT_KEYS(env,
                all_names(env, obj, OWN, JSVM_KEY_WRITABLE | JSVM_KEY_CONFIGURABLE | JSVM_KEY_SKIP_SYMBOLS, STR),
                "['2', '5', '10', '4294967294', 'b', 'a', '01', '4294967295', 'hidden', 'acc']");
    /* numbers really are numbers, strings really strings */
    EXPECT_JS(env, all_names(env, obj, OWN, JSVM_KEY_SKIP_SYMBOLS, KEEP),
              "(r) => typeof r[0] === 'number' && typeof r[3] === 'number' && typeof r[6] === 'string'");
    EXPECT_JS(env, all_names(env, obj, OWN, JSVM_KEY_SKIP_SYMBOLS, STR),
              "(r) => r.every((k) => typeof k === 'string')");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ------------------------------------------------------------ prototype chain */

static void chain_keys(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, FIXTURE), r = NULL;
    const JSVM_KeyCollectionMode ALL = JSVM_KEY_INCLUDE_PROTOTYPES;

    /* each object's keys in turn; a key appears once, where it is nearest
     * (obj[5] shadows gp[5], proto.shadowed shadows gp.shadowed) */
    EXPECT_KEYS(env, all_names(env, obj, ALL, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS),
                "[2, 5, 10, 4294967294, 'b', 'a', '01', '4294967295', 'hidden', 'ro', 'fixed', 'acc', 'frozenAcc',"
                " symA, symH, 1, 'protoOnly', 'shadowed', symP, 'gpOnly', 'gpHidden', symG]");
    /* a non-enumerable nearer property hides an enumerable one further up */
    EXPECT_KEYS(env, all_names(env, obj, ALL, JSVM_KEY_ENUMERABLE, JSVM_KEY_NUMBERS_TO_STRINGS),
                "['2', '5', '10', '4294967294', 'b', 'a', '01', '4294967295', 'ro', 'fixed', 'acc', 'frozenAcc',"
                " symA, '1', 'protoOnly', symP, 'gpOnly', symG]");
    EXPECT_KEYS(env, all_names(env, obj, ALL, JSVM_KEY_SKIP_STRINGS, JSVM_KEY_KEEP_NUMBERS), "[symA, symH, symP, symG]");

    /* GetPropertyNames = (INCLUDE_PROTOTYPES, ENUMERABLE | SKIP_SYMBOLS,
     * NUMBERS_TO_STRINGS), which is what for...in sees */
    const char *for_in = "['2', '5', '10', '4294967294', 'b', 'a', '01', '4294967295', 'ro', 'fixed', 'acc',"
                         " 'frozenAcc', '1', 'protoOnly', 'gpOnly']";
    CHECK_OK(env, OH_JSVM_GetPropertyNames(env, obj, &r));
    EXPECT_KEYS(env, r, for_in);
    EXPECT_KEYS(env, r, "forIn(obj)");
    EXPECT_KEYS(env, all_names(env, obj, ALL, JSVM_KEY_ENUMERABLE | JSVM_KEY_SKIP_SYMBOLS,
                               JSVM_KEY_NUMBERS_TO_STRINGS), for_in);

    /* ordinary objects end at Object.prototype, whose properties are all
     * non-enumerable */
    JSVM_Value plain = JT_RUN(env, "({ x: 1, [Symbol.iterator]: 0 })");
    CHECK_OK(env, OH_JSVM_GetPropertyNames(env, plain, &r));
    EXPECT_KEYS(env, r, "['x']");
    EXPECT_JS(env, all_names(env, plain, ALL, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS),
              "(r) => r[0] === 'x' && r[1] === Symbol.iterator && r.includes('toString') &&"
              " r.includes('hasOwnProperty') && new Set(r).size === r.length");
    /* class instances: methods live on the prototype, non-enumerable;
     * private fields never show */
    JSVM_Value inst = JT_RUN(env, "class K { #secret = 1; field = 2; method() {} static s() {} }; new K()");
    CHECK_OK(env, OH_JSVM_GetPropertyNames(env, inst, &r));
    EXPECT_KEYS(env, r, "['field']");
    EXPECT_JS(env, all_names(env, inst, ALL, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS),
              "(r) => r[0] === 'field' && r[1] === 'constructor' && r[2] === 'method' && !r.some((k) => /secret/.test(String(k)))");
    EXPECT_KEYS(env, all_names(env, inst, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS),
                "['field']");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ------------------------------------------------------------ exhaustive */

/* Every mode x filter (all 32 combinations of the five bits) x conversion,
 * against the model, on the object and on each of its prototypes. */
static void every_combination(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JT_RUN(env, FIXTURE);
    const char *targets[] = {"obj", "proto", "gp"};
    int cases = 0;
    for (size_t t = 0; t < 3; t++) {
        JSVM_Value o = JT_RUN(env, targets[t]);
        for (int own = 0; own <= 1; own++) {
            for (int filter = 0; filter < 32; filter++) {
                for (int keep = 0; keep <= 1; keep++) {
                    JSVM_HandleScope s = NULL;
                    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &s));
                    JSVM_Value r = all_names(env, o, own ? JSVM_KEY_OWN_ONLY : JSVM_KEY_INCLUDE_PROTOTYPES, filter,
                                             keep ? JSVM_KEY_KEEP_NUMBERS : JSVM_KEY_NUMBERS_TO_STRINGS);
                    char expected[128];
                    snprintf(expected, sizeof expected, "model(%s, %d, %d, %d)", targets[t], own, filter, keep);
                    EXPECT_KEYS(env, r, expected);
                    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, s));
                    cases++;
                }
            }
        }
    }
    EXPECT_EQ_INT(cases, 3 * 2 * 32 * 2);
    /* the model itself is not vacuous: it distinguishes the filters */
    JT_ASSERT_JS(env, "model(obj, 1, 0, 1).length === 15 && model(obj, 1, 2, 1).length === 13 &&"
                      " model(obj, 1, 1, 1).length === 13 && model(obj, 1, 4, 1).length === 12 &&"
                      " model(obj, 0, 0, 1).length === 22 && model(obj, 0, 2, 0).length === 18");
    jt_teardown(&f);
}

/* ------------------------------------------------------------ exotic objects */

static void arrays_strings_typed_arrays(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JT_RUN(env, FIXTURE);
    const JSVM_KeyCollectionMode OWN = JSVM_KEY_OWN_ONLY;
    JSVM_Value arr = JT_RUN(env, "var arr = ['a', 'b']; arr.x = 1; arr[5] = 'c'; arr"), r = NULL;
    EXPECT_KEYS(env, all_names(env, arr, OWN, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS), "[0, 1, 5, 'length', 'x']");
    EXPECT_KEYS(env, all_names(env, arr, OWN, JSVM_KEY_ENUMERABLE, JSVM_KEY_NUMBERS_TO_STRINGS), "['0', '1', '5', 'x']");
    EXPECT_KEYS(env, all_names(env, arr, OWN, JSVM_KEY_CONFIGURABLE, JSVM_KEY_KEEP_NUMBERS), "[0, 1, 5, 'x']");
    CHECK_OK(env, OH_JSVM_GetPropertyNames(env, arr, &r));
    EXPECT_KEYS(env, r, "['0', '1', '5', 'x']");
    /* a boxed string: its characters (read-only) and length */
    JSVM_Value str = JT_RUN(env, "new String('hey')");
    EXPECT_KEYS(env, all_names(env, str, OWN, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS), "[0, 1, 2, 'length']");
    EXPECT_KEYS(env, all_names(env, str, OWN, JSVM_KEY_WRITABLE, JSVM_KEY_KEEP_NUMBERS), "[]");
    /* a primitive string is boxed */
    CHECK_OK(env, OH_JSVM_GetPropertyNames(env, make_str(env, "ab"), &r));
    EXPECT_KEYS(env, r, "['0', '1']");
    CHECK_OK(env, OH_JSVM_GetPropertyNames(env, make_int(env, 12), &r));
    EXPECT_KEYS(env, r, "[]");
    /* typed arrays: indices only (length is a prototype getter) */
    JSVM_Value ta = JT_RUN(env, "new Int16Array(3)");
    EXPECT_KEYS(env, all_names(env, ta, OWN, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS), "[0, 1, 2]");
    /* an empty object without prototype */
    EXPECT_KEYS(env, all_names(env, JT_RUN(env, "Object.create(null)"), JSVM_KEY_INCLUDE_PROTOTYPES,
                               JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS), "[]");
    /* many keys, many shadowed: 600 own, 600 on the prototype of which 300 shadowed */
    JSVM_Value big = JT_RUN(env, "var bp = {}; for (let i = 300; i < 900; i++) bp['k' + i] = i;"
                                 " var big = Object.create(bp); for (let i = 0; i < 600; i++) big['k' + i] = i; big");
    EXPECT_JS(env, all_names(env, big, JSVM_KEY_INCLUDE_PROTOTYPES, JSVM_KEY_ENUMERABLE, JSVM_KEY_KEEP_NUMBERS),
              "(r) => r.length === 900 && r.every((k, i) => k === 'k' + i)");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

static void proxies(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JT_RUN(env, FIXTURE);
    JSVM_Value r = SENTINEL;
    /* the ownKeys trap decides the keys and their order; the
     * getOwnPropertyDescriptor trap decides the attributes */
    JSVM_Value px = JT_RUN(env,
                           "globalThis.ps = Symbol('ps'); globalThis.target = { z: 1, a: 2, [ps]: 3 };"
                           " Object.defineProperty(target, 'h', { value: 4, enumerable: false, configurable: true });"
                           " new Proxy(target, { ownKeys() { return ['z', 'h', ps, 'a']; } })");
    EXPECT_KEYS(env, all_names(env, px, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS),
                "['z', 'h', ps, 'a']");
    EXPECT_KEYS(env, all_names(env, px, JSVM_KEY_OWN_ONLY, JSVM_KEY_ENUMERABLE, JSVM_KEY_KEEP_NUMBERS),
                "['z', ps, 'a']");
    EXPECT_KEYS(env, all_names(env, px, JSVM_KEY_OWN_ONLY, JSVM_KEY_SKIP_SYMBOLS, JSVM_KEY_KEEP_NUMBERS),
                "['z', 'h', 'a']");
    /* a proxy in the middle of a chain */
    JSVM_Value child = JT_RUN(env, "globalThis.child = Object.create(new Proxy({ up: 1, z: 0 }, {})); child.own = 1; child");
    EXPECT_KEYS(env, all_names(env, child, JSVM_KEY_INCLUDE_PROTOTYPES, JSVM_KEY_ENUMERABLE,
                               JSVM_KEY_NUMBERS_TO_STRINGS), "['own', 'up', 'z']");
    /* traps that throw: the exception stays pending */
    JSVM_Value bad = JT_RUN(env, "new Proxy({}, { ownKeys() { throw new RangeError('ownKeys'); } })");
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, bad, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof RangeError && e.message === 'ownKeys'"));
    EXPECT_STATUS(env, OH_JSVM_GetPropertyNames(env, bad, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'ownKeys'"));
    JSVM_Value badDesc = JT_RUN(env, "new Proxy({ a: 1 }, { getOwnPropertyDescriptor() { throw 'gopd'; } })");
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, badDesc, JSVM_KEY_OWN_ONLY, JSVM_KEY_ENUMERABLE,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 'gopd'"));
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, badDesc, JSVM_KEY_OWN_ONLY, JSVM_KEY_WRITABLE,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 'gopd'"));
    /* ...but without a filter on attributes the descriptor trap is not needed */
    EXPECT_KEYS(env, all_names(env, badDesc, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS),
                "['a']");
    JSVM_Value badProto = JT_RUN(env, "new Proxy({ a: 1 }, { getPrototypeOf() { throw 'gpo'; } })");
    EXPECT_KEYS(env, all_names(env, badProto, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES, JSVM_KEY_KEEP_NUMBERS),
                "['a']");
    EXPECT_STATUS(env, OH_JSVM_GetPropertyNames(env, badProto, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 'gpo'"));
    EXPECT_TRUE(r == SENTINEL);
    jt_teardown(&f);
}

/* ------------------------------------------------------------ arguments */

static void invalid_arguments(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, FIXTURE), r = SENTINEL, nul = NULL;
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, obj, (JSVM_KeyCollectionMode)2, JSVM_KEY_ALL_PROPERTIES,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, obj, (JSVM_KeyCollectionMode)-1, JSVM_KEY_ALL_PROPERTIES,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, obj, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                   (JSVM_KeyConversion)2, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, obj, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                   (JSVM_KeyConversion)-1, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, obj, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                   JSVM_KEY_KEEP_NUMBERS, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, NULL, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetPropertyNames(env, obj, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetPropertyNames(env, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_TRUE(!pending(env));
    /* unknown filter bits are ignored */
    EXPECT_KEYS(env, all_names(env, obj, JSVM_KEY_OWN_ONLY, 0x100 | JSVM_KEY_SKIP_STRINGS, JSVM_KEY_KEEP_NUMBERS),
                "[symA, symH]");
    /* null and undefined are not objects: TypeError pending */
    CHECK_OK(env, OH_JSVM_GetNull(env, &nul));
    EXPECT_STATUS(env, OH_JSVM_GetPropertyNames(env, nul, &r), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    CHECK_OK(env, OH_JSVM_GetUndefined(env, &nul));
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, nul, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_TRUE(r == SENTINEL);
    jt_teardown(&f);
}

JT_MAIN("keys",
        JT_TEST(own_keys_by_filter),
        JT_TEST(chain_keys),
        JT_TEST(every_combination),
        JT_TEST(arrays_strings_typed_arrays),
        JT_TEST(proxies),
        JT_TEST(invalid_arguments))
