/*
 * test_object.c: properties by name, key and index, has/delete/own,
 * DefineProperties, arrays, prototypes, freeze/seal and JSON (spec §3.12,
 * §8.3). Key enumeration is in test_keys.c; throwing accessors and proxies
 * in test_coerce.c.
 *
 * Every effect is checked from JavaScript as well (property descriptors,
 * Object.isFrozen, ...), so that a value that only round-trips through the
 * library cannot pass.
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

#define SENTINEL ((JSVM_Value)(uintptr_t)0x5e17)

/* The JS function fnsrc called with (a, b) returns true. */
#define EXPECT_JS2(env, a, b, fnsrc)                                             \
    do {                                                                         \
        JSVM_Value args_[2] = {(a), (b)};                                        \
        JSVM_Value r_ = call_js_at((env), (fnsrc), 2, args_, __FILE__, __LINE__); \
        bool b_ = false;                                                         \
        jt_checks++;                                                             \
        if (!r_ || OH_JSVM_GetValueBool((env), r_, &b_) != JSVM_OK || !b_)       \
            jt_fail(__FILE__, __LINE__, "JS predicate false: " fnsrc);           \
    } while (0)

/* Takes the pending exception (one must be pending) and checks it. */
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

static JSVM_Value get_undefined(JSVM_Env env)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_GetUndefined(env, &v));
    return v;
}

static JSVM_Value get_null(JSVM_Env env)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_GetNull(env, &v));
    return v;
}

static int32_t as_i32(JSVM_Env env, JSVM_Value v)
{
    int32_t r = 0x5a5a5a5a;
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, v, &r));
    return r;
}

/* ------------------------------------------------------------ named */

static void named_set_get_has(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = NULL, v = NULL;
    bool has = false;
    CHECK_OK(env, OH_JSVM_CreateObject(env, &obj));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "x", make_int(env, 7)));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "name", make_str(env, "abc")));
    /* UTF-8 names */
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "h\xC3\xA9llo", make_int(env, 1)));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "\xF0\x9F\x98\x80", make_int(env, 2)));
    /* integer-like names are array indices */
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "3", make_int(env, 3)));
    /* the empty name is a name */
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "", make_int(env, 4)));
    EXPECT_JS(env, obj,
              "(o) => o.x === 7 && o.name === 'abc' && o['h\\u00e9llo'] === 1 && o['\\u{1F600}'] === 2 &&"
              " o[3] === 3 && o[''] === 4 && Object.keys(o).join() === '3,x,name,h\\u00e9llo,\\u{1F600},'");

    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, obj, "x", &v));
    EXPECT_EQ_INT(as_i32(env, v), 7);
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, obj, "h\xC3\xA9llo", &v));
    EXPECT_EQ_INT(as_i32(env, v), 1);
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, obj, "3", &v));
    EXPECT_EQ_INT(as_i32(env, v), 3);
    /* missing: undefined, not an error */
    v = NULL;
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, obj, "missing", &v));
    EXPECT_JS(env, v, "(v) => v === undefined");
    /* inherited */
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, obj, "toString", &v));
    EXPECT_JS(env, v, "(v) => v === Object.prototype.toString");

    /* overwrite */
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "x", make_str(env, "seven")));
    EXPECT_JS(env, obj, "(o) => o.x === 'seven'");

    CHECK_OK(env, OH_JSVM_HasNamedProperty(env, obj, "x", &has));
    EXPECT_TRUE(has);
    CHECK_OK(env, OH_JSVM_HasNamedProperty(env, obj, "", &has));
    EXPECT_TRUE(has);
    CHECK_OK(env, OH_JSVM_HasNamedProperty(env, obj, "toString", &has));
    EXPECT_TRUE(has); /* inherited counts */
    CHECK_OK(env, OH_JSVM_HasNamedProperty(env, obj, "nope", &has));
    EXPECT_TRUE(!has);

    /* setters and getters defined in JS run, with this = the object */
    JSVM_Value acc = JT_RUN(env, "({ _v: 1, get v() { return this._v * 10; }, set v(x) { this._v = x + 1; } })");
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, acc, "v", make_int(env, 4)));
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, acc, "v", &v));
    EXPECT_EQ_INT(as_i32(env, v), 50);

    /* the global object */
    JSVM_Value global = NULL;
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "fromC", make_int(env, 99)));
    JT_ASSERT_JS(env, "fromC === 99");
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, global, "Math", &v));
    EXPECT_JS(env, v, "(m) => m === Math");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* The object operand is ToObject-coerced: primitives are boxed, null and
 * undefined are JSVM_OBJECT_EXPECTED with a TypeError pending. */
static void named_on_primitives(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value s = make_str(env, "abc"), n = make_int(env, 5), v = NULL;
    bool has = false;
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, s, "length", &v));
    EXPECT_EQ_INT(as_i32(env, v), 3);
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, s, "1", &v));
    EXPECT_JS(env, v, "(c) => c === 'b'");
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, n, "toFixed", &v));
    EXPECT_JS(env, v, "(f) => f === Number.prototype.toFixed");
    CHECK_OK(env, OH_JSVM_HasNamedProperty(env, s, "length", &has));
    EXPECT_TRUE(has);
    /* a set on a primitive goes to a temporary wrapper: no error, no effect */
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, n, "foo", make_int(env, 1)));
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, n, "foo", &v));
    EXPECT_JS(env, v, "(v) => v === undefined");

    JSVM_Value nul = get_null(env), und = get_undefined(env);
    v = SENTINEL;
    EXPECT_STATUS(env, OH_JSVM_GetNamedProperty(env, nul, "x", &v), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(v == SENTINEL);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, und, "x", n), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_HasNamedProperty(env, nul, "x", &has), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_GetProperty(env, und, s, &v), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_SetProperty(env, nul, s, n), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_GetElement(env, nul, 0, &v), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, und, 0, n), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_HasProperty(env, nul, s, &has), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_HasElement(env, und, 0, &has), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_DeleteProperty(env, nul, s, &has), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_DeleteElement(env, und, 0, NULL), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_HasOwnProperty(env, nul, s, &has), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ------------------------------------------------------------ by key */

static void property_by_key(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = NULL, v = NULL;
    bool has = false;
    CHECK_OK(env, OH_JSVM_CreateObject(env, &obj));
    JSVM_Value sym = JT_RUN(env, "globalThis.sym = Symbol('k'); sym");
    /* string, symbol and number keys */
    CHECK_OK(env, OH_JSVM_SetProperty(env, obj, make_str(env, "s"), make_int(env, 1)));
    CHECK_OK(env, OH_JSVM_SetProperty(env, obj, sym, make_int(env, 2)));
    CHECK_OK(env, OH_JSVM_SetProperty(env, obj, make_int(env, 7), make_int(env, 3)));
    JSVM_Value half = NULL;
    CHECK_OK(env, OH_JSVM_CreateDouble(env, 1.5, &half));
    CHECK_OK(env, OH_JSVM_SetProperty(env, obj, half, make_int(env, 4)));
    /* an object key goes through its toString */
    JSVM_Value objkey = JT_RUN(env, "({ toString() { return 'fromToString'; } })");
    CHECK_OK(env, OH_JSVM_SetProperty(env, obj, objkey, make_int(env, 5)));
    /* null/undefined/true keys become "null"/"undefined"/"true" */
    CHECK_OK(env, OH_JSVM_SetProperty(env, obj, get_null(env), make_int(env, 6)));
    EXPECT_JS(env, obj,
              "(o) => o.s === 1 && o[sym] === 2 && o['7'] === 3 && o['1.5'] === 4 && o.fromToString === 5 &&"
              " o['null'] === 6 && Reflect.ownKeys(o).length === 6");

    CHECK_OK(env, OH_JSVM_GetProperty(env, obj, sym, &v));
    EXPECT_EQ_INT(as_i32(env, v), 2);
    CHECK_OK(env, OH_JSVM_GetProperty(env, obj, make_str(env, "7"), &v));
    EXPECT_EQ_INT(as_i32(env, v), 3);
    CHECK_OK(env, OH_JSVM_GetProperty(env, obj, make_int(env, 7), &v));
    EXPECT_EQ_INT(as_i32(env, v), 3);
    CHECK_OK(env, OH_JSVM_GetProperty(env, obj, objkey, &v));
    EXPECT_EQ_INT(as_i32(env, v), 5);
    CHECK_OK(env, OH_JSVM_GetProperty(env, obj, make_str(env, "absent"), &v));
    EXPECT_JS(env, v, "(v) => v === undefined");

    CHECK_OK(env, OH_JSVM_HasProperty(env, obj, sym, &has));
    EXPECT_TRUE(has);
    CHECK_OK(env, OH_JSVM_HasProperty(env, obj, make_int(env, 7), &has));
    EXPECT_TRUE(has);
    CHECK_OK(env, OH_JSVM_HasProperty(env, obj, make_str(env, "hasOwnProperty"), &has));
    EXPECT_TRUE(has);
    JSVM_Value other = JT_RUN(env, "Symbol('k')"); /* same description, another symbol */
    CHECK_OK(env, OH_JSVM_HasProperty(env, obj, other, &has));
    EXPECT_TRUE(!has);

    /* a key whose conversion throws: pending, nothing written */
    JSVM_Value badkey = JT_RUN(env, "({ toString() { throw new RangeError('bad key'); } })");
    EXPECT_STATUS(env, OH_JSVM_SetProperty(env, obj, badkey, make_int(env, 1)), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof RangeError && e.message === 'bad key'"));
    v = SENTINEL;
    EXPECT_STATUS(env, OH_JSVM_GetProperty(env, obj, badkey, &v), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(v == SENTINEL);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'bad key'"));
    EXPECT_STATUS(env, OH_JSVM_HasProperty(env, obj, badkey, &has), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'bad key'"));
    EXPECT_STATUS(env, OH_JSVM_DeleteProperty(env, obj, badkey, &has), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'bad key'"));
    EXPECT_JS(env, obj, "(o) => Reflect.ownKeys(o).length === 6");
    jt_teardown(&f);
}

/* ------------------------------------------------------------ elements */

static void elements(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value arr = NULL, v = NULL, obj = NULL;
    bool has = false;
    CHECK_OK(env, OH_JSVM_CreateArray(env, &arr));
    for (uint32_t i = 0; i < 5; i++)
        CHECK_OK(env, OH_JSVM_SetElement(env, arr, i, make_int(env, (int32_t)(i * 10))));
    EXPECT_JS(env, arr, "(a) => Array.isArray(a) && a.length === 5 && a.join() === '0,10,20,30,40'");
    CHECK_OK(env, OH_JSVM_GetElement(env, arr, 3, &v));
    EXPECT_EQ_INT(as_i32(env, v), 30);
    /* beyond the end: undefined; a hole makes the array longer */
    CHECK_OK(env, OH_JSVM_GetElement(env, arr, 100, &v));
    EXPECT_JS(env, v, "(v) => v === undefined");
    CHECK_OK(env, OH_JSVM_SetElement(env, arr, 9, make_str(env, "nine")));
    EXPECT_JS(env, arr, "(a) => a.length === 10 && !(7 in a) && a[9] === 'nine'");
    CHECK_OK(env, OH_JSVM_HasElement(env, arr, 9, &has));
    EXPECT_TRUE(has);
    CHECK_OK(env, OH_JSVM_HasElement(env, arr, 7, &has));
    EXPECT_TRUE(!has);
    /* the largest array index, and 2^32 - 1 which is an ordinary key */
    CHECK_OK(env, OH_JSVM_SetElement(env, arr, 4294967294u, make_int(env, 1)));
    EXPECT_JS(env, arr, "(a) => a.length === 4294967295 && a[4294967294] === 1");
    CHECK_OK(env, OH_JSVM_SetElement(env, arr, 4294967295u, make_int(env, 2)));
    EXPECT_JS(env, arr, "(a) => a.length === 4294967295 && a['4294967295'] === 2");
    CHECK_OK(env, OH_JSVM_GetElement(env, arr, 4294967295u, &v));
    EXPECT_EQ_INT(as_i32(env, v), 2);

    /* elements of ordinary objects and of strings */
    CHECK_OK(env, OH_JSVM_CreateObject(env, &obj));
    CHECK_OK(env, OH_JSVM_SetElement(env, obj, 0, make_str(env, "zero")));
    CHECK_OK(env, OH_JSVM_SetElement(env, obj, 2147483648u, make_str(env, "big")));
    EXPECT_JS(env, obj, "(o) => o[0] === 'zero' && o['2147483648'] === 'big' && Object.keys(o).join() === '0,2147483648'");
    CHECK_OK(env, OH_JSVM_GetElement(env, obj, 2147483648u, &v));
    EXPECT_JS(env, v, "(v) => v === 'big'");
    CHECK_OK(env, OH_JSVM_GetElement(env, make_str(env, "xyz"), 2, &v));
    EXPECT_JS(env, v, "(v) => v === 'z'");
    CHECK_OK(env, OH_JSVM_HasElement(env, make_str(env, "xyz"), 3, &has));
    EXPECT_TRUE(!has);

    /* typed arrays */
    JSVM_Value ta = JT_RUN(env, "new Uint8Array(4)");
    CHECK_OK(env, OH_JSVM_SetElement(env, ta, 1, make_int(env, 300)));
    CHECK_OK(env, OH_JSVM_GetElement(env, ta, 1, &v));
    EXPECT_EQ_INT(as_i32(env, v), 44); /* 300 mod 256 */
    /* out of bounds: ignored silently, as in JS */
    CHECK_OK(env, OH_JSVM_SetElement(env, ta, 10, make_int(env, 1)));
    EXPECT_JS(env, ta, "(t) => t.length === 4 && t[10] === undefined");

    /* delete */
    bool deleted = false;
    CHECK_OK(env, OH_JSVM_DeleteElement(env, arr, 0, &deleted));
    EXPECT_TRUE(deleted);
    EXPECT_JS(env, arr, "(a) => !(0 in a) && a[1] === 10");
    CHECK_OK(env, OH_JSVM_DeleteElement(env, arr, 1, NULL)); /* result optional */
    EXPECT_JS(env, arr, "(a) => !(1 in a)");
    deleted = false;
    CHECK_OK(env, OH_JSVM_DeleteElement(env, arr, 5000, &deleted)); /* absent: true */
    EXPECT_TRUE(deleted);
    /* a string's characters cannot be deleted */
    deleted = true;
    CHECK_OK(env, OH_JSVM_DeleteElement(env, make_str(env, "xyz"), 0, &deleted));
    EXPECT_TRUE(!deleted);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ------------------------------------------------------------ delete / own */

static void delete_property(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, "globalThis.o = Object.create({ inherited: 1 });"
                                 " o.a = 1; Object.defineProperty(o, 'fixed', { value: 2, configurable: false });"
                                 " o[Symbol.for('s')] = 3; o");
    bool r = false;
    CHECK_OK(env, OH_JSVM_DeleteProperty(env, obj, make_str(env, "a"), &r));
    EXPECT_TRUE(r);
    JT_ASSERT_JS(env, "!('a' in o)");
    /* non-configurable: false, nothing thrown, still there */
    r = true;
    CHECK_OK(env, OH_JSVM_DeleteProperty(env, obj, make_str(env, "fixed"), &r));
    EXPECT_TRUE(!r);
    EXPECT_TRUE(!pending(env));
    JT_ASSERT_JS(env, "o.fixed === 2");
    /* absent: true */
    r = false;
    CHECK_OK(env, OH_JSVM_DeleteProperty(env, obj, make_str(env, "never"), &r));
    EXPECT_TRUE(r);
    /* inherited: deleting on the object does not touch the prototype */
    r = false;
    CHECK_OK(env, OH_JSVM_DeleteProperty(env, obj, make_str(env, "inherited"), &r));
    EXPECT_TRUE(r);
    JT_ASSERT_JS(env, "o.inherited === 1");
    /* symbol key, result optional */
    CHECK_OK(env, OH_JSVM_DeleteProperty(env, obj, JT_RUN(env, "Symbol.for('s')"), NULL));
    JT_ASSERT_JS(env, "!(Symbol.for('s') in o)");
    /* frozen object: false */
    JSVM_Value frozen = JT_RUN(env, "Object.freeze({ k: 1 })");
    r = true;
    CHECK_OK(env, OH_JSVM_DeleteProperty(env, frozen, make_str(env, "k"), &r));
    EXPECT_TRUE(!r);
    /* array length is not deletable */
    r = true;
    CHECK_OK(env, OH_JSVM_DeleteProperty(env, JT_RUN(env, "[1]"), make_str(env, "length"), &r));
    EXPECT_TRUE(!r);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

static void has_own_property(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, "globalThis.sk = Symbol('own'); var o = Object.create({ up: 1 });"
                                 " o.mine = undefined; o[sk] = 1; o[4] = 4;"
                                 " Object.defineProperty(o, 'hidden', { value: 1 }); o");
    bool r = false;
    CHECK_OK(env, OH_JSVM_HasOwnProperty(env, obj, make_str(env, "mine"), &r));
    EXPECT_TRUE(r); /* present with the value undefined */
    CHECK_OK(env, OH_JSVM_HasOwnProperty(env, obj, make_str(env, "hidden"), &r));
    EXPECT_TRUE(r); /* non-enumerable is still own */
    CHECK_OK(env, OH_JSVM_HasOwnProperty(env, obj, JT_RUN(env, "sk"), &r));
    EXPECT_TRUE(r);
    CHECK_OK(env, OH_JSVM_HasOwnProperty(env, obj, make_str(env, "4"), &r));
    EXPECT_TRUE(r);
    r = true;
    CHECK_OK(env, OH_JSVM_HasOwnProperty(env, obj, make_str(env, "up"), &r));
    EXPECT_TRUE(!r); /* inherited */
    r = true;
    CHECK_OK(env, OH_JSVM_HasOwnProperty(env, obj, make_str(env, "toString"), &r));
    EXPECT_TRUE(!r);
    /* strings: own indices and length */
    CHECK_OK(env, OH_JSVM_HasOwnProperty(env, make_str(env, "ab"), make_str(env, "length"), &r));
    EXPECT_TRUE(r);

    /* the key must be a name: no conversion, nothing thrown, result untouched */
    r = true;
    EXPECT_STATUS(env, OH_JSVM_HasOwnProperty(env, obj, make_int(env, 4), &r), JSVM_NAME_EXPECTED);
    EXPECT_TRUE(r);
    EXPECT_STATUS(env, OH_JSVM_HasOwnProperty(env, obj, get_null(env), &r), JSVM_NAME_EXPECTED);
    EXPECT_STATUS(env, OH_JSVM_HasOwnProperty(env, obj, JT_RUN(env, "({ toString() { throw 1; } })"), &r),
                  JSVM_NAME_EXPECTED);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ------------------------------------------------------------ refused sets */

/* A set the object refuses is JSVM_GENERIC_FAILURE with nothing pending
 * (spec: "failed set"), whichever of the three set functions made it. */
static void refused_sets(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JT_RUN(env, "globalThis.frozen = Object.freeze({ a: 1 });"
                " globalThis.ro = Object.defineProperty({}, 'a', { value: 1, writable: false, configurable: true });"
                " globalThis.getterOnly = { get a() { return 1; } };"
                " globalThis.sealedNoAdd = Object.preventExtensions({ a: 1 });"
                " globalThis.inheritsRo = Object.create(ro);"
                " globalThis.frozenArr = Object.freeze([1, 2]);");
    const char *refusing[] = {"frozen", "ro", "getterOnly", "inheritsRo"};
    for (size_t i = 0; i < sizeof refusing / sizeof refusing[0]; i++) {
        JSVM_Value o = JT_RUN(env, refusing[i]), v = make_int(env, 42);
        EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, o, "a", v), JSVM_GENERIC_FAILURE);
        EXPECT_TRUE(!pending(env));
        EXPECT_STATUS(env, OH_JSVM_SetProperty(env, o, make_str(env, "a"), v), JSVM_GENERIC_FAILURE);
        EXPECT_TRUE(!pending(env));
        EXPECT_JS(env, o, "(o) => o.a === 1");
    }
    /* non-extensible: adding is refused, changing an existing one works */
    JSVM_Value ne = JT_RUN(env, "sealedNoAdd");
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, ne, "b", make_int(env, 2)), JSVM_GENERIC_FAILURE);
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, ne, 0, make_int(env, 2)), JSVM_GENERIC_FAILURE);
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, ne, "a", make_int(env, 5)));
    EXPECT_JS(env, ne, "(o) => o.a === 5 && !('b' in o) && !(0 in o)");
    /* frozen array elements */
    JSVM_Value fa = JT_RUN(env, "frozenArr");
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, fa, 0, make_int(env, 9)), JSVM_GENERIC_FAILURE);
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, fa, 2, make_int(env, 9)), JSVM_GENERIC_FAILURE);
    EXPECT_JS(env, fa, "(a) => a.length === 2 && a[0] === 1");
    /* a string's characters are read-only */
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, make_str(env, "abc"), 0, make_int(env, 1)), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(!pending(env));
    /* an inherited setter is used, not refused */
    JSVM_Value viaSetter = JT_RUN(env, "globalThis.log = []; Object.create({ set a(v) { log.push(v); } })");
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, viaSetter, "a", make_int(env, 3)));
    JT_ASSERT_JS(env, "log.join() === '3'");
    /* an inherited writable property: the set creates an own property */
    JSVM_Value viaWritable = JT_RUN(env, "globalThis.base = { a: 1 }; Object.create(base)");
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, viaWritable, "a", make_int(env, 8)));
    EXPECT_JS(env, viaWritable, "(o) => o.a === 8 && base.a === 1 && Object.hasOwn(o, 'a')");
    jt_teardown(&f);
}

/* ------------------------------------------------------------ DefineProperties */

static int method_calls;
static JSVM_Value Method(JSVM_Env env, JSVM_CallbackInfo info)
{
    void *data = NULL;
    size_t argc = 1;
    JSVM_Value arg = NULL;
    method_calls++;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, &data));
    int32_t x = argc > 0 ? as_i32(env, arg) : 0;
    return make_int(env, x + (data ? *(int *)data : 0));
}
static int method_bonus = 100;
static JSVM_CallbackStruct method_cb = {Method, &method_bonus};

static int32_t stored = 11;
static JSVM_Value Getter(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value self = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL));
    EXPECT_JS(env, self, "(s) => s === target");
    return make_int(env, stored);
}
static JSVM_Value Setter(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value arg = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, NULL));
    stored = as_i32(env, arg);
    return NULL;
}
static JSVM_CallbackStruct getter_cb = {Getter, NULL};
static JSVM_CallbackStruct setter_cb = {Setter, NULL};

static void define_properties_values(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = NULL;
    CHECK_OK(env, OH_JSVM_CreateObject(env, &obj));
    set_global(env, "target", obj);
    JSVM_Value symName = JT_RUN(env, "globalThis.sn = Symbol('sn'); sn");
    JSVM_PropertyDescriptor d[] = {
        {"def", NULL, NULL, NULL, NULL, make_int(env, 0), JSVM_DEFAULT},
        {"w", NULL, NULL, NULL, NULL, make_int(env, 1), JSVM_WRITABLE},
        {"e", NULL, NULL, NULL, NULL, make_int(env, 2), JSVM_ENUMERABLE},
        {"c", NULL, NULL, NULL, NULL, make_int(env, 3), JSVM_CONFIGURABLE},
        {"all", NULL, NULL, NULL, NULL, make_int(env, 4), JSVM_DEFAULT_JSPROPERTY},
        {"we", NULL, NULL, NULL, NULL, make_int(env, 5), JSVM_WRITABLE | JSVM_ENUMERABLE},
        {NULL, make_str(env, "byName"), NULL, NULL, NULL, make_int(env, 6), JSVM_ENUMERABLE},
        {NULL, symName, NULL, NULL, NULL, make_int(env, 7), JSVM_DEFAULT_JSPROPERTY},
        /* no value: undefined */
        {"undef", NULL, NULL, NULL, NULL, NULL, JSVM_ENUMERABLE},
        /* static is irrelevant here */
        {"stat", NULL, NULL, NULL, NULL, make_int(env, 8), JSVM_STATIC | JSVM_ENUMERABLE},
        /* utf8name wins over name */
        {"winner", make_str(env, "loser"), NULL, NULL, NULL, make_int(env, 9), JSVM_ENUMERABLE},
    };
    CHECK_OK(env, OH_JSVM_DefineProperties(env, obj, sizeof d / sizeof d[0], d));
    EXPECT_JS(env, obj,
              "(o) => { const D = (k) => Object.getOwnPropertyDescriptor(o, k);"
              " const is = (k, v, w, e, c) => { const d = D(k); return d && d.value === v && d.writable === w &&"
              "   d.enumerable === e && d.configurable === c; };"
              " return is('def', 0, false, false, false) && is('w', 1, true, false, false) &&"
              "  is('e', 2, false, true, false) && is('c', 3, false, false, true) && is('all', 4, true, true, true) &&"
              "  is('we', 5, true, true, false) && is('byName', 6, false, true, false) && is(sn, 7, true, true, true) &&"
              "  is('undef', undefined, false, true, false) && is('stat', 8, false, true, false) &&"
              "  is('winner', 9, false, true, false) && !('loser' in o); }");
    /* read-only really is read-only, non-configurable really is */
    JT_ASSERT_JS(env, "target.def = 5; delete target.def; target.def === 0");
    JT_ASSERT_JS(env, "target.w = 5; target.w === 5 && delete target.c && !('c' in target)");
    /* properties keep insertion order */
    JT_ASSERT_JS(env, "Object.keys(target).join() === 'e,all,we,byName,undef,stat,winner'");
    /* count 0: NULL descriptors are fine */
    CHECK_OK(env, OH_JSVM_DefineProperties(env, obj, 0, NULL));
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

static void define_properties_functions(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = NULL, r = NULL;
    CHECK_OK(env, OH_JSVM_CreateObject(env, &obj));
    set_global(env, "target", obj);
    JSVM_PropertyDescriptor d[] = {
        {"method", NULL, &method_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {"hiddenMethod", NULL, &method_cb, NULL, NULL, NULL, JSVM_DEFAULT},
        {"acc", NULL, NULL, &getter_cb, &setter_cb, NULL, JSVM_ENUMERABLE | JSVM_CONFIGURABLE},
        {"ro", NULL, NULL, &getter_cb, NULL, NULL, JSVM_ENUMERABLE},
        {"wo", NULL, NULL, NULL, &setter_cb, NULL, JSVM_WRITABLE}, /* WRITABLE ignored for accessors */
        /* getter/setter win over method and value */
        {"mixed", NULL, &method_cb, &getter_cb, NULL, make_int(env, 1), JSVM_ENUMERABLE},
    };
    CHECK_OK(env, OH_JSVM_DefineProperties(env, obj, sizeof d / sizeof d[0], d));
    method_calls = 0;
    JT_ASSERT_JS(env, "typeof target.method === 'function' && target.method(5) === 105 && target.method.name === 'method'");
    EXPECT_EQ_INT(method_calls, 1);
    EXPECT_JS(env, obj,
              "(o) => { const m = Object.getOwnPropertyDescriptor(o, 'method'),"
              " h = Object.getOwnPropertyDescriptor(o, 'hiddenMethod'),"
              " a = Object.getOwnPropertyDescriptor(o, 'acc'), r = Object.getOwnPropertyDescriptor(o, 'ro'),"
              " w = Object.getOwnPropertyDescriptor(o, 'wo'), x = Object.getOwnPropertyDescriptor(o, 'mixed');"
              " return m.writable && !m.enumerable && m.configurable && !h.writable && !h.enumerable && !h.configurable &&"
              "  typeof a.get === 'function' && typeof a.set === 'function' && a.enumerable && a.configurable &&"
              "  typeof r.get === 'function' && r.set === undefined && r.enumerable && !r.configurable &&"
              "  w.get === undefined && typeof w.set === 'function' && !w.enumerable && !('writable' in w) &&"
              "  typeof x.get === 'function' && !('value' in x); }");
    stored = 11;
    JT_ASSERT_JS(env, "target.acc === 11");
    JT_ASSERT_JS(env, "target.acc = 23; target.acc === 23 && target.ro === 23 && target.mixed === 23");
    EXPECT_EQ_INT(stored, 23);
    JT_ASSERT_JS(env, "target.wo = 31; target.wo === undefined");
    EXPECT_EQ_INT(stored, 31);
    /* the getter also runs through the API */
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, obj, "acc", &r));
    EXPECT_EQ_INT(as_i32(env, r), 31);
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "acc", make_int(env, 77)));
    EXPECT_EQ_INT(stored, 77);
    /* an accessor without setter refuses sets */
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, obj, "ro", make_int(env, 1)), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

static void define_properties_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, "globalThis.o = Object.defineProperty({}, 'fixed', { value: 1 }); o");
    /* name must be a string or a symbol */
    JSVM_PropertyDescriptor badName = {NULL, make_int(env, 1), NULL, NULL, NULL, make_int(env, 1), JSVM_ENUMERABLE};
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, obj, 1, &badName), JSVM_NAME_EXPECTED);
    JSVM_PropertyDescriptor noName = {NULL, NULL, NULL, NULL, NULL, make_int(env, 1), JSVM_ENUMERABLE};
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, obj, 1, &noName), JSVM_NAME_EXPECTED);
    EXPECT_TRUE(!pending(env));
    /* descriptors before the failing one are defined, later ones are not */
    JSVM_PropertyDescriptor seq[] = {
        {"first", NULL, NULL, NULL, NULL, make_int(env, 1), JSVM_ENUMERABLE},
        {NULL, get_null(env), NULL, NULL, NULL, make_int(env, 2), JSVM_ENUMERABLE},
        {"third", NULL, NULL, NULL, NULL, make_int(env, 3), JSVM_ENUMERABLE},
    };
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, obj, 3, seq), JSVM_NAME_EXPECTED);
    JT_ASSERT_JS(env, "o.first === 1 && !('third' in o)");

    /* redefining a non-configurable property: JSVM_INVALID_ARG, nothing
     * pending (a method: JSVM_GENERIC_FAILURE), as in the reference */
    JSVM_PropertyDescriptor redef = {"fixed", NULL, NULL, NULL, NULL, make_int(env, 2), JSVM_ENUMERABLE};
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, obj, 1, &redef), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    JSVM_PropertyDescriptor redefAcc = {"fixed", NULL, NULL, &getter_cb, NULL, NULL, JSVM_DEFAULT};
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, obj, 1, &redefAcc), JSVM_INVALID_ARG);
    JSVM_PropertyDescriptor redefMethod = {"fixed", NULL, &method_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD};
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, obj, 1, &redefMethod), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(!pending(env));
    JT_ASSERT_JS(env, "o.fixed === 1");
    /* the same value again is no change: allowed */
    JSVM_PropertyDescriptor same = {"fixed", NULL, NULL, NULL, NULL, make_int(env, 1), JSVM_DEFAULT};
    CHECK_OK(env, OH_JSVM_DefineProperties(env, obj, 1, &same));
    /* non-extensible object */
    JSVM_Value ne = JT_RUN(env, "Object.preventExtensions({})");
    JSVM_PropertyDescriptor add = {"x", NULL, NULL, NULL, NULL, make_int(env, 1), JSVM_DEFAULT_JSPROPERTY};
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, ne, 1, &add), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    /* a proxy whose trap throws: the exception stays pending */
    JSVM_Value px = JT_RUN(env, "new Proxy({}, { defineProperty() { throw new EvalError('trap'); } })");
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, px, 1, &add), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof EvalError && e.message === 'trap'"));
    /* primitives are boxed (the definition is lost with the wrapper), null is not an object */
    CHECK_OK(env, OH_JSVM_DefineProperties(env, make_int(env, 1), 1, &add));
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, get_null(env), 1, &add), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    /* arrays: defining an index extends them */
    JSVM_Value arr = JT_RUN(env, "[]");
    JSVM_PropertyDescriptor idx = {"3", NULL, NULL, NULL, NULL, make_int(env, 1), JSVM_DEFAULT_JSPROPERTY};
    CHECK_OK(env, OH_JSVM_DefineProperties(env, arr, 1, &idx));
    EXPECT_JS(env, arr, "(a) => a.length === 4 && a[3] === 1");
    jt_teardown(&f);
}

/* ------------------------------------------------------------ arrays */

static void array_length(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    uint32_t n = 99;
    CHECK_OK(env, OH_JSVM_GetArrayLength(env, JT_RUN(env, "[]"), &n));
    EXPECT_EQ_INT(n, 0);
    CHECK_OK(env, OH_JSVM_GetArrayLength(env, JT_RUN(env, "[1, 2, 3]"), &n));
    EXPECT_EQ_INT(n, 3);
    CHECK_OK(env, OH_JSVM_GetArrayLength(env, JT_RUN(env, "var a = []; a[4294967294] = 1; a"), &n));
    EXPECT_EQ_INT(n, 4294967295u);
    JSVM_Value arr = NULL;
    CHECK_OK(env, OH_JSVM_CreateArrayWithLength(env, 12, &arr));
    CHECK_OK(env, OH_JSVM_GetArrayLength(env, arr, &n));
    EXPECT_EQ_INT(n, 12);
    CHECK_OK(env, OH_JSVM_GetArrayLength(env, JT_RUN(env, "class A extends Array {}; new A(5)"), &n));
    EXPECT_EQ_INT(n, 5);
    /* not arrays: JSVM_ARRAY_EXPECTED and *result = 0, nothing pending */
    const char *not_arrays[] = {"({ length: 3 })", "new Uint8Array(3)", "new Proxy([1, 2], {})", "'abc'",
                                "(function () { return arguments; })(1, 2)", "null", "7"};
    for (size_t i = 0; i < sizeof not_arrays / sizeof not_arrays[0]; i++) {
        n = 99;
        EXPECT_STATUS(env, OH_JSVM_GetArrayLength(env, JT_RUN(env, not_arrays[i]), &n), JSVM_ARRAY_EXPECTED);
        EXPECT_EQ_INT(n, 0);
    }
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ------------------------------------------------------------ prototypes */

static void get_prototype(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value p = NULL;
    JSVM_Value obj = JT_RUN(env, "globalThis.proto = { p: 1 }; Object.create(proto)");
    CHECK_OK(env, OH_JSVM_GetPrototype(env, obj, &p));
    EXPECT_JS(env, p, "(p) => p === proto");
    p = NULL;
    CHECK_OK(env, OH_JSVM_ObjectGetPrototypeOf(env, obj, &p));
    EXPECT_JS(env, p, "(p) => p === proto");
    CHECK_OK(env, OH_JSVM_GetPrototype(env, JT_RUN(env, "Object.create(null)"), &p));
    EXPECT_JS(env, p, "(p) => p === null");
    CHECK_OK(env, OH_JSVM_ObjectGetPrototypeOf(env, JT_RUN(env, "[]"), &p));
    EXPECT_JS(env, p, "(p) => p === Array.prototype");
    /* primitives: the prototype of their wrapper */
    CHECK_OK(env, OH_JSVM_GetPrototype(env, make_int(env, 5), &p));
    EXPECT_JS(env, p, "(p) => p === Number.prototype");
    CHECK_OK(env, OH_JSVM_ObjectGetPrototypeOf(env, make_str(env, "s"), &p));
    EXPECT_JS(env, p, "(p) => p === String.prototype");
    /* a proxy's trap */
    CHECK_OK(env, OH_JSVM_GetPrototype(env, JT_RUN(env, "new Proxy({}, { getPrototypeOf() { return Array.prototype; } })"), &p));
    EXPECT_JS(env, p, "(p) => p === Array.prototype");
    p = SENTINEL;
    EXPECT_STATUS(env, OH_JSVM_GetPrototype(env, JT_RUN(env, "new Proxy({}, { getPrototypeOf() { throw 'gp'; } })"), &p),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(p == SENTINEL);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 'gp'"));
    EXPECT_STATUS(env, OH_JSVM_ObjectGetPrototypeOf(env, JT_RUN(env, "new Proxy({}, { getPrototypeOf() { throw 'gp2'; } })"), &p),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 'gp2'"));
    /* null/undefined */
    EXPECT_STATUS(env, OH_JSVM_GetPrototype(env, get_null(env), &p), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_ObjectGetPrototypeOf(env, get_undefined(env), &p), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_TRUE(p == SENTINEL);
    jt_teardown(&f);
}

static void set_prototype(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, "globalThis.o = {}; o"), proto = JT_RUN(env, "globalThis.p = { hello() { return 'hi'; } }; p");
    CHECK_OK(env, OH_JSVM_ObjectSetPrototypeOf(env, obj, proto));
    JT_ASSERT_JS(env, "Object.getPrototypeOf(o) === p && o.hello() === 'hi'");
    /* the prototype must be an object: JS null and primitives are JSVM_INVALID_ARG */
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, obj, get_null(env)), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, obj, make_int(env, 1)), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, obj, make_str(env, "x")), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    JT_ASSERT_JS(env, "Object.getPrototypeOf(o) === p");
    /* refusals: JSVM_GENERIC_FAILURE, nothing pending */
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, proto, obj), JSVM_GENERIC_FAILURE); /* cycle */
    EXPECT_TRUE(!pending(env));
    JSVM_Value ne = JT_RUN(env, "globalThis.ne = Object.preventExtensions({}); ne");
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, ne, proto), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(!pending(env));
    JT_ASSERT_JS(env, "Object.getPrototypeOf(ne) === Object.prototype");
    /* setting the current prototype of a non-extensible object is no change */
    CHECK_OK(env, OH_JSVM_ObjectSetPrototypeOf(env, ne, JT_RUN(env, "Object.prototype")));
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, JT_RUN(env, "Object.prototype"), proto), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(!pending(env));
    /* proxies: the trap runs; its exception stays pending */
    JSVM_Value px = JT_RUN(env, "globalThis.seen = null; new Proxy({}, { setPrototypeOf(t, v) { seen = v; return Reflect.setPrototypeOf(t, v); } })");
    CHECK_OK(env, OH_JSVM_ObjectSetPrototypeOf(env, px, proto));
    JT_ASSERT_JS(env, "seen === p");
    JSVM_Value thrower = JT_RUN(env, "new Proxy({}, { setPrototypeOf() { throw new SyntaxError('sp'); } })");
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, thrower, proto), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof SyntaxError && e.message === 'sp'"));
    /* null object: JSVM_OBJECT_EXPECTED with a TypeError */
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, get_undefined(env), proto), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    jt_teardown(&f);
}

/* ------------------------------------------------------------ freeze / seal */

static void freeze_and_seal(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value a = JT_RUN(env, "globalThis.a = { x: 1, get g() { return 2; } }; a");
    JSVM_Value b = JT_RUN(env, "globalThis.b = { x: 1 }; b");
    JSVM_Value arr = JT_RUN(env, "globalThis.arr = [1, 2]; arr");
    CHECK_OK(env, OH_JSVM_ObjectFreeze(env, a));
    JT_ASSERT_JS(env, "Object.isFrozen(a) && (a.x = 5, a.x === 1) && a.g === 2");
    CHECK_OK(env, OH_JSVM_ObjectSeal(env, b));
    JT_ASSERT_JS(env, "Object.isSealed(b) && !Object.isFrozen(b) && (b.x = 5, b.x === 5) && (b.y = 1, !('y' in b))");
    CHECK_OK(env, OH_JSVM_ObjectFreeze(env, arr));
    JT_ASSERT_JS(env, "Object.isFrozen(arr)");
    /* again: no change, no error */
    CHECK_OK(env, OH_JSVM_ObjectFreeze(env, a));
    CHECK_OK(env, OH_JSVM_ObjectSeal(env, a));
    /* primitives: boxed, nothing to do */
    CHECK_OK(env, OH_JSVM_ObjectFreeze(env, make_int(env, 1)));
    CHECK_OK(env, OH_JSVM_ObjectSeal(env, make_str(env, "s")));
    /* failures */
    EXPECT_STATUS(env, OH_JSVM_ObjectFreeze(env, get_null(env)), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_ObjectSeal(env, get_undefined(env)), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    JSVM_Value px = JT_RUN(env, "new Proxy({}, { preventExtensions() { throw new Error('pe'); } })");
    EXPECT_STATUS(env, OH_JSVM_ObjectFreeze(env, px), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'pe'"));
    EXPECT_STATUS(env, OH_JSVM_ObjectSeal(env, px), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'pe'"));
    /* a typed array with elements cannot be frozen */
    EXPECT_STATUS(env, OH_JSVM_ObjectFreeze(env, JT_RUN(env, "new Uint8Array(2)")), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    jt_teardown(&f);
}

/* ------------------------------------------------------------ JSON */

static void json_parse(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value r = NULL;
    CHECK_OK(env, OH_JSVM_JsonParse(env, make_str(env, "{\"a\": [1, 2, {\"b\": null}], \"s\": \"x\\u00e9\", \"t\": true}"), &r));
    EXPECT_JS(env, r, "(o) => o.a.length === 3 && o.a[2].b === null && o.s === 'x\\u00e9' && o.t === true &&"
                      " Object.getPrototypeOf(o) === Object.prototype");
    CHECK_OK(env, OH_JSVM_JsonParse(env, make_str(env, " 42 "), &r));
    EXPECT_EQ_INT(as_i32(env, r), 42);
    CHECK_OK(env, OH_JSVM_JsonParse(env, make_str(env, "\"\xE2\x82\xAC\""), &r));
    EXPECT_JS(env, r, "(s) => s === '\\u20ac'");
    CHECK_OK(env, OH_JSVM_JsonParse(env, make_str(env, "null"), &r));
    EXPECT_JS(env, r, "(v) => v === null");
    /* invalid text: a SyntaxError is pending */
    const char *bad[] = {"{a: 1}", "", "[1,]", "'single'", "undefined", "{\"a\": 1} x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r = SENTINEL;
        EXPECT_STATUS(env, OH_JSVM_JsonParse(env, make_str(env, bad[i]), &r), JSVM_PENDING_EXCEPTION);
        EXPECT_TRUE(r == SENTINEL);
        EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof SyntaxError"));
    }
    /* not a string: JSVM_STRING_EXPECTED, nothing pending */
    EXPECT_STATUS(env, OH_JSVM_JsonParse(env, make_int(env, 1), &r), JSVM_STRING_EXPECTED);
    EXPECT_STATUS(env, OH_JSVM_JsonParse(env, JT_RUN(env, "new String('1')"), &r), JSVM_STRING_EXPECTED);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

static void json_stringify(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value r = NULL;
    CHECK_OK(env, OH_JSVM_JsonStringify(env, JT_RUN(env, "({ a: [1, 'x', null, true], b: { c: 1.5 }, u: undefined, f() {} })"), &r));
    EXPECT_STREQ(jt_str(env, r), "{\"a\":[1,\"x\",null,true],\"b\":{\"c\":1.5}}");
    CHECK_OK(env, OH_JSVM_JsonStringify(env, make_str(env, "q\"\n\xC3\xA9"), &r));
    EXPECT_STREQ(jt_str(env, r), "\"q\\\"\\n\xC3\xA9\"");
    CHECK_OK(env, OH_JSVM_JsonStringify(env, JT_RUN(env, "({ toJSON() { return [7]; } })"), &r));
    EXPECT_STREQ(jt_str(env, r), "[7]");
    CHECK_OK(env, OH_JSVM_JsonStringify(env, make_int(env, 3), &r));
    EXPECT_STREQ(jt_str(env, r), "3");
    /* values JSON cannot represent: the string "undefined", as V8's JSON::Stringify */
    CHECK_OK(env, OH_JSVM_JsonStringify(env, get_undefined(env), &r));
    EXPECT_JS(env, r, "(s) => s === 'undefined'");
    CHECK_OK(env, OH_JSVM_JsonStringify(env, JT_RUN(env, "(function () {})"), &r));
    EXPECT_JS(env, r, "(s) => s === 'undefined'");
    /* failures stay pending */
    r = SENTINEL;
    EXPECT_STATUS(env, OH_JSVM_JsonStringify(env, JT_RUN(env, "var cyc = {}; cyc.self = cyc; cyc"), &r),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_JsonStringify(env, JT_RUN(env, "({ n: 1n })"), &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_JsonStringify(env, JT_RUN(env, "({ toJSON() { throw 'tj'; } })"), &r),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 'tj'"));
    EXPECT_STATUS(env, OH_JSVM_JsonStringify(env, JT_RUN(env, "({ get g() { throw 'getter'; } })"), &r),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 'getter'"));
    EXPECT_TRUE(r == SENTINEL);
    /* round trip */
    JSVM_Value back = NULL;
    CHECK_OK(env, OH_JSVM_JsonStringify(env, JT_RUN(env, "({ k: [1, { z: 'w' }] })"), &r));
    CHECK_OK(env, OH_JSVM_JsonParse(env, r, &back));
    EXPECT_JS(env, back, "(o) => o.k[1].z === 'w'");
    jt_teardown(&f);
}

/* ------------------------------------------------------------ protocol */

/* While an exception is pending every function of this file refuses with
 * JSVM_PENDING_EXCEPTION (before looking at its arguments) and does nothing. */
static void refused_while_pending(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    const JSVM_Status P = JSVM_PENDING_EXCEPTION;
    JSVM_Value obj = JT_RUN(env, "globalThis.o = { a: 1 }; o"), k = make_str(env, "a"), v = make_int(env, 2);
    JSVM_Value r = SENTINEL, arr = JT_RUN(env, "[1]");
    bool b = false;
    uint32_t n = 7;
    JSVM_PropertyDescriptor d = {"d", NULL, NULL, NULL, NULL, v, JSVM_DEFAULT_JSPROPERTY};
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, obj, "a", v), P);
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, NULL, NULL, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_GetNamedProperty(env, obj, "a", &r), P);
    EXPECT_STATUS(env, OH_JSVM_GetNamedProperty(env, obj, "a", NULL), P);
    EXPECT_STATUS(env, OH_JSVM_HasNamedProperty(env, obj, "a", &b), P);
    EXPECT_STATUS(env, OH_JSVM_HasNamedProperty(env, obj, NULL, &b), P);
    EXPECT_STATUS(env, OH_JSVM_SetProperty(env, obj, k, v), P);
    EXPECT_STATUS(env, OH_JSVM_SetProperty(env, obj, NULL, v), P);
    EXPECT_STATUS(env, OH_JSVM_GetProperty(env, obj, k, &r), P);
    EXPECT_STATUS(env, OH_JSVM_GetProperty(env, NULL, k, &r), P);
    EXPECT_STATUS(env, OH_JSVM_HasProperty(env, obj, k, &b), P);
    EXPECT_STATUS(env, OH_JSVM_HasProperty(env, obj, k, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_DeleteProperty(env, obj, k, &b), P);
    EXPECT_STATUS(env, OH_JSVM_DeleteProperty(env, obj, NULL, &b), P);
    EXPECT_STATUS(env, OH_JSVM_HasOwnProperty(env, obj, k, &b), P);
    EXPECT_STATUS(env, OH_JSVM_HasOwnProperty(env, obj, v, &b), P); /* not NAME_EXPECTED */
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, arr, 0, v), P);
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, arr, 0, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_GetElement(env, arr, 0, &r), P);
    EXPECT_STATUS(env, OH_JSVM_HasElement(env, arr, 0, &b), P);
    EXPECT_STATUS(env, OH_JSVM_DeleteElement(env, arr, 0, &b), P);
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, obj, 1, &d), P);
    EXPECT_STATUS(env, OH_JSVM_DefineProperties(env, obj, 1, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_GetPropertyNames(env, obj, &r), P);
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, obj, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), P);
    EXPECT_STATUS(env, OH_JSVM_GetAllPropertyNames(env, obj, (JSVM_KeyCollectionMode)9, JSVM_KEY_ALL_PROPERTIES,
                                                   JSVM_KEY_KEEP_NUMBERS, &r), P);
    EXPECT_STATUS(env, OH_JSVM_GetArrayLength(env, arr, &n), P);
    EXPECT_STATUS(env, OH_JSVM_GetArrayLength(env, obj, &n), P); /* not ARRAY_EXPECTED */
    EXPECT_STATUS(env, OH_JSVM_GetPrototype(env, obj, &r), P);
    EXPECT_STATUS(env, OH_JSVM_ObjectGetPrototypeOf(env, obj, &r), P);
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, obj, obj), P);
    EXPECT_STATUS(env, OH_JSVM_ObjectSetPrototypeOf(env, obj, NULL), P);
    EXPECT_STATUS(env, OH_JSVM_ObjectFreeze(env, obj), P);
    EXPECT_STATUS(env, OH_JSVM_ObjectSeal(env, obj), P);
    EXPECT_STATUS(env, OH_JSVM_JsonParse(env, make_str(env, "1"), &r), P);
    EXPECT_STATUS(env, OH_JSVM_JsonParse(env, v, &r), P); /* not STRING_EXPECTED */
    EXPECT_STATUS(env, OH_JSVM_JsonStringify(env, obj, &r), P);
    EXPECT_TRUE(r == SENTINEL && n == 7);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'pending'"));
    /* nothing happened */
    JT_ASSERT_JS(env, "o.a === 1 && Object.keys(o).join() === 'a' && !Object.isFrozen(o) && !Object.isSealed(o) &&"
                      " Object.getPrototypeOf(o) === Object.prototype");
    jt_teardown(&f);
}

/* Results live in the handle scope that was current: they die with it. */
static void results_belong_to_scope(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, "({ s: 'a string value', o: {} })"), r = NULL;
    /* warm up (handle-stack chunks are kept at their high-water mark) */
    for (int round = 0; round < 2; round++) {
        long before = rss_kb();
        for (int i = 0; i < 2000; i++) {
            JSVM_HandleScope s = NULL;
            CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &s));
            for (int j = 0; j < 100; j++) {
                if (OH_JSVM_GetNamedProperty(env, obj, "o", &r) != JSVM_OK ||
                    OH_JSVM_GetAllPropertyNames(env, obj, JSVM_KEY_OWN_ONLY, JSVM_KEY_ALL_PROPERTIES,
                                                JSVM_KEY_NUMBERS_TO_STRINGS, &r) != JSVM_OK ||
                    OH_JSVM_JsonStringify(env, obj, &r) != JSVM_OK) {
                    jt_fail(__FILE__, __LINE__, "call failed");
                    break;
                }
            }
            CHECK_OK(env, OH_JSVM_CloseHandleScope(env, s));
        }
        long after = rss_kb();
        if (round == 1 && after - before > 16 * 1024) {
            char msg[128];
            snprintf(msg, sizeof msg, "RSS grew by %ld KiB over 600k results", after - before);
            jt_fail(__FILE__, __LINE__, msg);
        }
    }
    jt_teardown(&f);
}

JT_MAIN("object",
        JT_TEST(named_set_get_has),
        JT_TEST(named_on_primitives),
        JT_TEST(property_by_key),
        JT_TEST(elements),
        JT_TEST(delete_property),
        JT_TEST(has_own_property),
        JT_TEST(refused_sets),
        JT_TEST(define_properties_values),
        JT_TEST(define_properties_functions),
        JT_TEST(define_properties_errors),
        JT_TEST(array_length),
        JT_TEST(get_prototype),
        JT_TEST(set_prototype),
        JT_TEST(freeze_and_seal),
        JT_TEST(json_parse),
        JT_TEST(json_stringify),
        JT_TEST(refused_while_pending),
        JT_TEST(results_belong_to_scope))
