/*
 * test_class.c: OH_JSVM_DefineClass, DefineClassWithOptions,
 * DefineClassWithPropertyHandler and NewInstance of native classes
 * (spec §3.15, §8 items 3-5; issue 3).
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

static int sentinel_obj;
#define SENTINEL ((JSVM_Value)&sentinel_obj)

/* Takes the pending exception and checks it with pred. */
static bool take_exception_is(JSVM_Env env, const char *pred)
{
    JSVM_Value e = NULL;
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    return e && js_check(env, pred, e);
}

static int32_t arg_int(JSVM_Env env, JSVM_Value v)
{
    int32_t i = 0;
    if (OH_JSVM_GetValueInt32(env, v, &i) != JSVM_OK)
        return INT32_MIN;
    return i;
}

/* The UTF-8 text of a string value into buf ("" for non-strings). */
static const char *str_of(JSVM_Env env, JSVM_Value v, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = 0;
    if (OH_JSVM_GetValueStringUtf8(env, v, buf, n, &len) != JSVM_OK)
        buf[0] = 0;
    return buf;
}

static void gc(JSVM_Env env)
{
    CHECK_OK(env, OH_JSVM_MemoryPressureNotification(env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
}

static JSVM_Value define_class(JSVM_Env env, const char *name, JSVM_CallbackStruct *ctor, size_t n,
                               const JSVM_PropertyDescriptor *props)
{
    JSVM_Value cls = NULL;
    CHECK_OK(env, OH_JSVM_DefineClass(env, name, JSVM_AUTO_LENGTH, ctor, n, props, &cls));
    return cls;
}

/* ------------------------------------------------------------ a Point class */

typedef struct {
    int magic;
    int32_t x;
    int32_t y;
} Point;
#define POINT_MAGIC 0x5eed

static int point_freed;
static void FreePoint(JSVM_Env env, void *data, void *hint)
{
    (void)env;
    (void)hint;
    Point *p = data;
    if (p && p->magic == POINT_MAGIC) {
        p->magic = 0;
        free(p);
        point_freed++;
    }
}

static int ctor_calls, ctor_nt_null;

/* new Point(x, y): records new.target / this / args in globals, wraps a
 * Point. Called without new: records only (seenPlainThis). */
static JSVM_Value PointCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {NULL, NULL}, self = NULL, nt = SENTINEL, global = NULL;
    ctor_calls++;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, &self, NULL));
    CHECK_OK(env, OH_JSVM_GetNewTarget(env, info, &nt));
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    EXPECT_TRUE(nt != SENTINEL);
    if (nt == NULL) {
        ctor_nt_null++;
        set_global(env, "seenPlainThis", self);
        return NULL;
    }
    JSVM_Value rec = JT_RUN(env, "(function (nt, self, n, a, b) { globalThis.seenNT = nt; globalThis.seenThis = self;"
                                 " globalThis.seenArgc = n; globalThis.seenArgs = [a, b]; })");
    JSVM_Value args[5] = {nt, self, make_int(env, (int32_t)argc), argv[0], argv[1]};
    if (rec)
        CHECK_OK(env, OH_JSVM_CallFunction(env, global, rec, 5, args, NULL));
    Point *p = calloc(1, sizeof *p);
    p->magic = POINT_MAGIC;
    p->x = argc > 0 ? arg_int(env, argv[0]) : 0;
    p->y = argc > 1 ? arg_int(env, argv[1]) : 0;
    if (p->x == INT32_MIN)
        p->x = 0;
    if (p->y == INT32_MIN)
        p->y = 0;
    CHECK_OK(env, OH_JSVM_Wrap(env, self, p, FreePoint, NULL, NULL));
    return NULL;
}
static JSVM_CallbackStruct point_ctor = {PointCtor, NULL};

/* The Point wrapped in this, or NULL with an Error thrown. */
static Point *this_point(JSVM_Env env, JSVM_CallbackInfo info, size_t *argc, JSVM_Value *argv)
{
    JSVM_Value self = NULL;
    void *p = NULL;
    size_t zero = 0;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, argc ? argc : &zero, argc ? argv : NULL, &self, NULL));
    if (OH_JSVM_Unwrap(env, self, &p) != JSVM_OK || !p || ((Point *)p)->magic != POINT_MAGIC) {
        OH_JSVM_ThrowError(env, "EUNWRAP", "unwrap failed");
        return NULL;
    }
    return p;
}

static JSVM_Value PointGetX(JSVM_Env env, JSVM_CallbackInfo info)
{
    Point *p = this_point(env, info, NULL, NULL);
    return p ? make_int(env, p->x) : NULL;
}
static JSVM_Value PointSetX(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value v = NULL;
    Point *p = this_point(env, info, &argc, &v);
    if (p && argc == 1)
        p->x = arg_int(env, v);
    return NULL;
}
static JSVM_Value PointSum(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2];
    Point *p = this_point(env, info, &argc, argv);
    if (!p)
        return NULL;
    int32_t extra = 0;
    for (size_t i = 0; i < argc && i < 2; i++)
        extra += arg_int(env, argv[i]);
    return make_int(env, p->x + p->y + extra);
}
/* Does not touch this. */
static JSVM_Value ReturnFree(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    return make_str(env, "free");
}
static JSVM_Value ReturnStatic(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value self = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL));
    return self;
}
static JSVM_CallbackStruct getx_cb = {PointGetX, NULL};
static JSVM_CallbackStruct setx_cb = {PointSetX, NULL};
static JSVM_CallbackStruct sum_cb = {PointSum, NULL};
static JSVM_CallbackStruct free_cb = {ReturnFree, NULL};
static JSVM_CallbackStruct static_cb = {ReturnStatic, NULL};

/* Point with: getX/sum methods, x accessor, free method (no receiver check),
 * static create (returns its this) and static VERSION. */
static JSVM_Value make_point_class(JSVM_Env env)
{
    JSVM_PropertyDescriptor props[] = {
        {"getX", NULL, &getx_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {"sum", NULL, &sum_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {"x", NULL, NULL, &getx_cb, &setx_cb, NULL, JSVM_CONFIGURABLE},
        {"free", NULL, &free_cb, NULL, NULL, NULL, JSVM_METHOD_NO_RECEIVER_CHECK},
        {"create", NULL, &static_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD | JSVM_STATIC},
        {"VERSION", NULL, NULL, NULL, NULL, make_int(env, 3), JSVM_ENUMERABLE | JSVM_STATIC},
    };
    return define_class(env, "Point", &point_ctor, sizeof props / sizeof props[0], props);
}

/* ------------------------------------------------------------ tests */

static void class_constructor_this_and_new_target(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value cls = make_point_class(f.env);
    EXPECT_TRUE(cls != NULL);
    /* not bound anywhere */
    JT_ASSERT_JS(f.env, "typeof Point === 'undefined'");
    EXPECT_JS(f.env, cls, "(c) => typeof c === 'function' && c.name === 'Point'");
    set_global(f.env, "Point", cls);

    ctor_calls = ctor_nt_null = 0;
    JT_ASSERT_JS(f.env, "var p = new Point(3, 4); typeof p === 'object' && p !== null");
    EXPECT_EQ_INT(ctor_calls, 1);
    EXPECT_EQ_INT(ctor_nt_null, 0);
    JT_ASSERT_JS(f.env, "seenNT === Point && seenThis === p && seenArgc === 2 &&"
                        " seenArgs[0] === 3 && seenArgs[1] === 4");
    JT_ASSERT_JS(f.env, "Object.getPrototypeOf(p) === Point.prototype && Point.prototype.constructor === Point");
    JT_ASSERT_JS(f.env, "p.getX() === 3 && p.sum() === 7 && p.sum(10, 20) === 37");
    /* every construction gets a fresh this */
    JT_ASSERT_JS(f.env, "var q = new Point(1); seenThis === q && q !== p && seenArgc === 1 && q.getX() === 1");

    /* called without new: the callback still runs, new.target is NULL */
    JT_RUN(f.env, "Point(5, 6)");
    EXPECT_EQ_INT(ctor_calls, 3);
    EXPECT_EQ_INT(ctor_nt_null, 1);
    JT_ASSERT_JS(f.env, "seenPlainThis === globalThis");
    JT_RUN(f.env, "var recv = {}; Point.call(recv, 1)");
    EXPECT_EQ_INT(ctor_calls, 4);
    EXPECT_EQ_INT(ctor_nt_null, 2);
    JT_ASSERT_JS(f.env, "seenPlainThis === recv");

    /* Reflect.construct with another new.target */
    JT_ASSERT_JS(f.env, "function Other() {}; var r = Reflect.construct(Point, [9], Other);"
                        " seenNT === Other && seenThis === r && Object.getPrototypeOf(r) === Other.prototype");
    jt_teardown(&f);
}

static void class_instanceof(void)
{
    jt_fixture f;
    jt_setup(&f);
    set_global(f.env, "Point", make_point_class(f.env));
    JSVM_CallbackStruct *ctor = &point_ctor;
    JSVM_Value other = define_class(f.env, "Other", ctor, 0, NULL);
    set_global(f.env, "Other", other);
    JT_ASSERT_JS(f.env, "var p = new Point(1, 2); p instanceof Point && p instanceof Object && !(p instanceof Other)");
    JT_ASSERT_JS(f.env, "!({} instanceof Point) && !(Object.create(Other.prototype) instanceof Point)");
    JT_ASSERT_JS(f.env, "Object.create(Point.prototype) instanceof Point");
    JT_ASSERT_JS(f.env, "Point.prototype.isPrototypeOf(p) && Object.getPrototypeOf(Point.prototype) === Object.prototype");
    /* through the API */
    JSVM_Value p = JT_RUN(f.env, "p"), point = JT_RUN(f.env, "Point"), inst = NULL;
    bool r = false;
    CHECK_OK(f.env, OH_JSVM_Instanceof(f.env, p, point, &r));
    EXPECT_TRUE(r);
    CHECK_OK(f.env, OH_JSVM_Instanceof(f.env, p, other, &r));
    EXPECT_TRUE(!r);
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, other, 0, NULL, &inst));
    CHECK_OK(f.env, OH_JSVM_Instanceof(f.env, inst, other, &r));
    EXPECT_TRUE(r);
    CHECK_OK(f.env, OH_JSVM_Instanceof(f.env, inst, point, &r));
    EXPECT_TRUE(!r);
    JSVM_ValueType t = JSVM_UNDEFINED;
    CHECK_OK(f.env, OH_JSVM_Typeof(f.env, inst, &t));
    EXPECT_EQ_INT(t, JSVM_OBJECT);
    CHECK_OK(f.env, OH_JSVM_Typeof(f.env, point, &t));
    EXPECT_EQ_INT(t, JSVM_FUNCTION);
    jt_teardown(&f);
}

static void class_static_and_instance_members(void)
{
    jt_fixture f;
    jt_setup(&f);
    set_global(f.env, "Point", make_point_class(f.env));
    /* statics on the constructor only */
    JT_ASSERT_JS(f.env, "typeof Point.create === 'function' && Point.prototype.create === undefined");
    JT_ASSERT_JS(f.env, "Point.VERSION === 3 && !('VERSION' in Point.prototype)");
    JT_ASSERT_JS(f.env, "Point.create() === Point && Point.create.call(42) instanceof Number");
    /* instance members on the prototype only */
    JT_ASSERT_JS(f.env, "typeof Point.prototype.getX === 'function' && !Object.prototype.hasOwnProperty.call(Point, 'getX')");
    JT_ASSERT_JS(f.env, "Object.getOwnPropertyNames(Point.prototype).sort().join() === 'constructor,free,getX,sum,x'");
    JT_ASSERT_JS(f.env, "var p = new Point(2, 5); Object.getOwnPropertyNames(p).length === 0 && p.create === undefined"
                        " && p.VERSION === undefined");
    /* methods are functions named after their key */
    JT_ASSERT_JS(f.env, "Point.prototype.getX.name === 'getX' && Point.create.name === 'create'");
    /* same name as static and instance */
    JSVM_PropertyDescriptor dup[] = {
        {"dup", NULL, NULL, NULL, NULL, make_int(f.env, 1), JSVM_DEFAULT_JSPROPERTY | JSVM_STATIC},
        {"dup", NULL, NULL, NULL, NULL, make_int(f.env, 2), JSVM_DEFAULT_JSPROPERTY},
    };
    set_global(f.env, "Dup", define_class(f.env, "Dup", &point_ctor, 2, dup));
    JT_ASSERT_JS(f.env, "Dup.dup === 1 && Dup.prototype.dup === 2 && new Dup().dup === 2");
    jt_teardown(&f);
}

static void class_methods_and_accessors(void)
{
    jt_fixture f;
    jt_setup(&f);
    set_global(f.env, "Point", make_point_class(f.env));
    JT_ASSERT_JS(f.env, "var p = new Point(2, 5); p.x === 2 && p.getX() === 2");
    JT_ASSERT_JS(f.env, "p.x = 40; p.x === 40 && p.getX() === 40 && p.sum(1) === 46");
    JT_ASSERT_JS(f.env, "var d = Object.getOwnPropertyDescriptor(Point.prototype, 'x');"
                        " typeof d.get === 'function' && typeof d.set === 'function' && !('writable' in d) &&"
                        " !('value' in d)");
    /* getter only / setter only */
    static JSVM_CallbackStruct *g = &getx_cb, *s = &setx_cb;
    JSVM_PropertyDescriptor props[] = {
        {"ro", NULL, NULL, g, NULL, NULL, JSVM_CONFIGURABLE},
        {"wo", NULL, NULL, NULL, s, NULL, JSVM_CONFIGURABLE},
    };
    set_global(f.env, "RW", define_class(f.env, "RW", &point_ctor, 2, props));
    JT_ASSERT_JS(f.env, "var r = new RW(7); r.ro === 7 && r.wo === undefined");
    JT_ASSERT_JS(f.env, "(() => { 'use strict'; try { r.ro = 1; return false; } catch (e) { return e instanceof TypeError; } })()");
    JT_ASSERT_JS(f.env, "r.wo = 11; r.ro === 11");
    JT_ASSERT_JS(f.env, "var dd = Object.getOwnPropertyDescriptor(RW.prototype, 'ro'); dd.set === undefined && typeof dd.get === 'function'");
    jt_teardown(&f);
}

/* Every writable/enumerable/configurable combination, for values on the
 * prototype and the constructor, methods, and accessors. */
static void class_attribute_combinations(void)
{
    jt_fixture f;
    jt_setup(&f);
    static char names[5][8][8];
    JSVM_PropertyDescriptor props[40];
    memset(props, 0, sizeof props);
    for (int i = 0; i < 8; i++) {
        snprintf(names[0][i], 8, "v%d", i);
        snprintf(names[1][i], 8, "s%d", i);
        snprintf(names[2][i], 8, "m%d", i);
        snprintf(names[3][i], 8, "a%d", i);
        snprintf(names[4][i], 8, "sm%d", i);
        props[32 + i].utf8name = names[4][i];
        props[32 + i].method = &free_cb;
        props[32 + i].attributes = (JSVM_PropertyAttributes)(i | JSVM_STATIC);
        props[i].utf8name = names[0][i];
        props[i].value = make_int(f.env, i);
        props[i].attributes = (JSVM_PropertyAttributes)i;
        props[8 + i].utf8name = names[1][i];
        props[8 + i].value = make_int(f.env, 100 + i);
        props[8 + i].attributes = (JSVM_PropertyAttributes)(i | JSVM_STATIC);
        props[16 + i].utf8name = names[2][i];
        props[16 + i].method = &free_cb;
        props[16 + i].attributes = (JSVM_PropertyAttributes)i;
        props[24 + i].utf8name = names[3][i];
        props[24 + i].getter = &free_cb;
        props[24 + i].setter = (i & 1) ? &free_cb : NULL;
        /* accessors: writable is meaningless; alternate static / instance */
        props[24 + i].attributes = (JSVM_PropertyAttributes)((i & 6) | ((i & 1) ? JSVM_STATIC : 0));
    }
    set_global(f.env, "A", define_class(f.env, "A", &point_ctor, 40, props));
    JSVM_Value r = JT_RUN(f.env,
        "(() => {\n"
        "  const chk = (o, k, i, val) => {\n"
        "    const d = Object.getOwnPropertyDescriptor(o, k);\n"
        "    if (!d) return k + ': missing';\n"
        "    if (val !== undefined && d.value !== val) return k + ': value ' + d.value;\n"
        "    if (d.writable !== !!(i & 1)) return k + ': writable ' + d.writable;\n"
        "    if (d.enumerable !== !!(i & 2)) return k + ': enumerable ' + d.enumerable;\n"
        "    if (d.configurable !== !!(i & 4)) return k + ': configurable ' + d.configurable;\n"
        "    return '';\n"
        "  };\n"
        "  for (let i = 0; i < 8; i++) {\n"
        "    let e = chk(A.prototype, 'v' + i, i, i) || chk(A, 's' + i, i, 100 + i) ||\n"
        "            chk(A.prototype, 'm' + i, i, undefined) || chk(A, 'sm' + i, i, undefined);\n"
        "    if (e) return e;\n"
        "    if (typeof A.prototype['m' + i] !== 'function') return 'm' + i + ' not a function';\n"
        "    if (typeof A['sm' + i] !== 'function' || A['sm' + i]() !== 'free') return 'sm' + i + ' not a static method';\n"
        "    if (Object.prototype.hasOwnProperty.call(A.prototype, 'sm' + i)) return 'sm' + i + ' on prototype';\n"
        "    if (Object.prototype.hasOwnProperty.call(A, 'v' + i)) return 'v' + i + ' static';\n"
        "    if (Object.prototype.hasOwnProperty.call(A.prototype, 's' + i)) return 's' + i + ' on prototype';\n"
        "    const on = (i & 1) ? A : A.prototype, off = (i & 1) ? A.prototype : A;\n"
        "    const d = Object.getOwnPropertyDescriptor(on, 'a' + i);\n"
        "    if (!d || Object.prototype.hasOwnProperty.call(off, 'a' + i)) return 'a' + i + ' placement';\n"
        "    if (typeof d.get !== 'function' || ('writable' in d)) return 'a' + i + ' not an accessor';\n"
        "    if ((typeof d.set === 'function') !== !!(i & 1)) return 'a' + i + ' setter';\n"
        "    if (d.enumerable !== !!(i & 2) || d.configurable !== !!(i & 4)) return 'a' + i + ' flags';\n"
        "  }\n"
        "  return 'ok';\n"
        "})()");
    EXPECT_STREQ(jt_str(f.env, r), "ok");
    /* the flags have their effects */
    JT_ASSERT_JS(f.env, "(() => { 'use strict'; try { A.prototype.v0 = 9; return false; } catch (e) { return e instanceof TypeError && A.prototype.v0 === 0; } })()");
    JT_ASSERT_JS(f.env, "A.prototype.v1 = 9; A.prototype.v1 === 9");
    JT_ASSERT_JS(f.env, "delete A.prototype.v3 === false && A.prototype.v3 === 3");
    JT_ASSERT_JS(f.env, "delete A.prototype.v4 === true && !('v4' in A.prototype)");
    JT_ASSERT_JS(f.env, "Object.keys(A.prototype).sort().join() === 'a2,a6,m2,m3,m6,m7,v2,v3,v6,v7'");
    JT_ASSERT_JS(f.env, "Object.keys(A).sort().join() === 'a3,a7,s2,s3,s6,s7,sm2,sm3,sm6,sm7'");
    JT_ASSERT_JS(f.env, "var inst = new A(); var ks = []; for (var k in inst) ks.push(k); ks.sort().join() === 'a2,a6,m2,m3,m6,m7,v2,v3,v6,v7'");
    jt_teardown(&f);
}

/* Keys given as JSVM_Value: strings and symbols, instance and static. */
static void class_names_as_values(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value sym = JT_RUN(f.env, "globalThis.symA = Symbol('a'); globalThis.symB = Symbol('b'); symA");
    JSVM_Value symb = JT_RUN(f.env, "symB");
    JSVM_Value symc = JT_RUN(f.env, "globalThis.symC = Symbol.for('c'); symC");
    JSVM_Value sname = make_str(f.env, "strMethod"), vname = make_str(f.env, "strValue");
    JSVM_Value aname = make_str(f.env, "strAcc"), stname = make_str(f.env, "strStatic");
    JSVM_Value ignored = make_str(f.env, "ignoredName");
    JSVM_PropertyDescriptor props[] = {
        {NULL, sname, &free_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {NULL, vname, NULL, NULL, NULL, make_int(f.env, 5), JSVM_DEFAULT_JSPROPERTY},
        {NULL, aname, NULL, &getx_cb, &setx_cb, NULL, JSVM_CONFIGURABLE},
        {NULL, stname, NULL, NULL, NULL, make_int(f.env, 6), JSVM_ENUMERABLE | JSVM_STATIC},
        {NULL, sym, &free_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {NULL, symb, NULL, NULL, NULL, make_int(f.env, 8), JSVM_WRITABLE | JSVM_STATIC},
        {NULL, symc, NULL, &getx_cb, NULL, NULL, JSVM_ENUMERABLE},
        /* utf8name wins over name */
        {"utf8Wins", ignored, NULL, NULL, NULL, make_int(f.env, 9), JSVM_DEFAULT_JSPROPERTY},
    };
    set_global(f.env, "N", define_class(f.env, "N", &point_ctor, sizeof props / sizeof props[0], props));
    JT_ASSERT_JS(f.env, "var n = new N(12); n.strMethod() === 'free' && n.strValue === 5 && n.strAcc === 12");
    JT_ASSERT_JS(f.env, "N.strStatic === 6 && !('strStatic' in N.prototype)");
    JT_ASSERT_JS(f.env, "n[symA]() === 'free' && N[symB] === 8 && !(symB in N.prototype) && n[symC] === 12");
    JT_ASSERT_JS(f.env, "Object.getOwnPropertySymbols(N.prototype).length === 2 && Object.getOwnPropertySymbols(N).length === 1");
    JT_ASSERT_JS(f.env, "var sd = Object.getOwnPropertyDescriptor(N, symB); sd.writable && !sd.enumerable && !sd.configurable");
    JT_ASSERT_JS(f.env, "N.prototype.utf8Wins === 9 && !('ignoredName' in N.prototype)");

    /* a key that is neither a string nor a symbol */
    JSVM_Value cls = NULL;
    JSVM_PropertyDescriptor bad[] = {{NULL, make_int(f.env, 1), &free_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD}};
    EXPECT_STATUS(f.env, OH_JSVM_DefineClass(f.env, "Bad", JSVM_AUTO_LENGTH, &point_ctor, 1, bad, &cls),
                  JSVM_NAME_EXPECTED);
    EXPECT_TRUE(cls == NULL);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void class_extends_native_in_js(void)
{
    jt_fixture f;
    jt_setup(&f);
    set_global(f.env, "Point", make_point_class(f.env));
    ctor_calls = ctor_nt_null = 0;
    JT_RUN(f.env, "class X extends Point {\n"
                  "  constructor(a) { super(a, 100); this.own = 'mine'; }\n"
                  "  extra() { return this.getX() + 1000; }\n"
                  "}\n"
                  "globalThis.X = X;\n"
                  "var xi = new X(7);");
    EXPECT_EQ_INT(ctor_calls, 1);
    EXPECT_EQ_INT(ctor_nt_null, 0);
    JT_ASSERT_JS(f.env, "seenNT === X && seenThis === xi && seenArgs[0] === 7 && seenArgs[1] === 100");
    JT_ASSERT_JS(f.env, "xi instanceof X && xi instanceof Point && xi.own === 'mine'");
    JT_ASSERT_JS(f.env, "Object.getPrototypeOf(xi) === X.prototype && Object.getPrototypeOf(X.prototype) === Point.prototype"
                        " && Object.getPrototypeOf(X) === Point");
    /* native instance methods / accessors reach the wrapped state */
    JT_ASSERT_JS(f.env, "xi.getX() === 7 && xi.sum() === 107 && xi.extra() === 1007");
    JT_ASSERT_JS(f.env, "xi.x = 8; xi.x === 8 && xi.getX() === 8");
    JT_ASSERT_JS(f.env, "X.create() === X && X.VERSION === 3");
    /* Unwrap from C gives what the native constructor wrapped */
    JSVM_Value xi = JT_RUN(f.env, "xi");
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, xi, &p));
    EXPECT_TRUE(p != NULL && ((Point *)p)->magic == POINT_MAGIC && ((Point *)p)->x == 8 && ((Point *)p)->y == 100);
    /* two levels */
    JT_ASSERT_JS(f.env, "class Y extends X { constructor() { super(1); } }; var yi = new Y();"
                        " seenNT === Y && yi.extra() === 1001 && yi instanceof Point");
    /* NewInstance of the JS subclass */
    JSVM_Value y = JT_RUN(f.env, "Y"), inst = NULL;
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, y, 0, NULL, &inst));
    EXPECT_JS(f.env, inst, "(o) => o instanceof Y && seenNT === Y && seenThis === o && o.getX() === 1");
    jt_teardown(&f);
}

static void class_receiver_check(void)
{
    jt_fixture f;
    jt_setup(&f);
    set_global(f.env, "Point", make_point_class(f.env));
    JT_RUN(f.env, "var p = new Point(1, 2);"
                  "globalThis.illegal = (fn) => { try { fn(); return 'no throw'; }"
                  " catch (e) { return (e instanceof TypeError) + ':' + e.message; } };");
    JT_ASSERT_JS(f.env, "Point.prototype.getX.call(p) === 1");
    JSVM_Value r = JT_RUN(f.env, "illegal(() => Point.prototype.getX.call({}))");
    EXPECT_STREQ(jt_str(f.env, r), "true:Illegal invocation");
    r = JT_RUN(f.env, "illegal(() => Point.prototype.sum.call(5))");
    EXPECT_STREQ(jt_str(f.env, r), "true:Illegal invocation");
    r = JT_RUN(f.env, "illegal(() => { const f = p.getX; return f(); })");
    EXPECT_STREQ(jt_str(f.env, r), "true:Illegal invocation");
    r = JT_RUN(f.env, "illegal(() => Object.getOwnPropertyDescriptor(Point.prototype, 'x').get.call({}))");
    EXPECT_STREQ(jt_str(f.env, r), "true:Illegal invocation");
    r = JT_RUN(f.env, "illegal(() => Object.getOwnPropertyDescriptor(Point.prototype, 'x').set.call([], 1))");
    EXPECT_STREQ(jt_str(f.env, r), "true:Illegal invocation");
    /* an instance of another native class is foreign too */
    set_global(f.env, "Other", define_class(f.env, "Other", &point_ctor, 0, NULL));
    r = JT_RUN(f.env, "illegal(() => Point.prototype.getX.call(new Other(1)))");
    EXPECT_STREQ(jt_str(f.env, r), "true:Illegal invocation");
    /* the native callback did not run for the rejected calls */
    EXPECT_TRUE(!pending(f.env));

    /* no receiver check */
    JT_ASSERT_JS(f.env, "Point.prototype.free.call({}) === 'free' && Point.prototype.free.call(7) === 'free'"
                        " && (0, p.free)() === 'free'");
    static JSVM_CallbackStruct *g = &getx_cb;
    JSVM_PropertyDescriptor props[] = {
        {"nc", NULL, &free_cb, NULL, NULL, NULL, JSVM_NO_RECEIVER_CHECK},
        {"ncp", NULL, &free_cb, NULL, NULL, NULL, JSVM_JSPROPERTY_NO_RECEIVER_CHECK},
        {"acc", NULL, NULL, g, NULL, NULL, JSVM_NO_RECEIVER_CHECK},
        {"chk", NULL, &free_cb, NULL, NULL, NULL, JSVM_DEFAULT_JSPROPERTY},
        {"st", NULL, &free_cb, NULL, NULL, NULL, JSVM_STATIC},
    };
    set_global(f.env, "NC", define_class(f.env, "NC", &point_ctor, 5, props));
    JT_ASSERT_JS(f.env, "NC.prototype.nc.call({}) === 'free' && NC.prototype.ncp.call(null) === 'free'");
    /* no receiver check: the getter runs, and its own Unwrap fails */
    r = JT_RUN(f.env, "(() => { try { Object.getOwnPropertyDescriptor(NC.prototype, 'acc').get.call({}); return 'no throw'; }"
                      " catch (e) { return e.message; } })()");
    EXPECT_STREQ(jt_str(f.env, r), "unwrap failed");
    r = JT_RUN(f.env, "illegal(() => NC.prototype.chk.call({}))");
    EXPECT_STREQ(jt_str(f.env, r), "true:Illegal invocation");
    /* statics are not receiver-checked */
    JT_ASSERT_JS(f.env, "NC.st.call({}) === 'free' && (0, NC.st)() === 'free'");
    jt_teardown(&f);
}

static int throw_ctor_calls;
static JSVM_Value ThrowingCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    throw_ctor_calls++;
    CHECK_OK(env, OH_JSVM_ThrowTypeError(env, "ECTOR", "ctor failed"));
    return NULL;
}
static JSVM_CallbackStruct throwing_ctor = {ThrowingCtor, NULL};

static JSVM_Value ReplacingCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    return JT_RUN(env, "({replaced: 1})");
}
static JSVM_CallbackStruct replacing_ctor = {ReplacingCtor, NULL};

static void class_new_instance(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value cls = make_point_class(f.env), inst = NULL, args[2];
    set_global(f.env, "Point", cls);
    args[0] = make_int(f.env, 30);
    args[1] = make_int(f.env, 12);
    ctor_calls = ctor_nt_null = 0;
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 2, args, &inst));
    EXPECT_EQ_INT(ctor_calls, 1);
    EXPECT_EQ_INT(ctor_nt_null, 0);
    EXPECT_JS(f.env, inst, "(o) => o instanceof Point && seenNT === Point && seenThis === o && seenArgc === 2"
                           " && o.getX() === 30 && o.sum() === 42");
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, inst, &p));
    EXPECT_TRUE(p && ((Point *)p)->x == 30 && ((Point *)p)->y == 12);
    /* no arguments */
    inst = NULL;
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &inst));
    EXPECT_JS(f.env, inst, "(o) => o instanceof Point && seenArgc === 0 && o.getX() === 0");

    /* a throwing constructor */
    JSVM_Value tc = define_class(f.env, "Thrower", &throwing_ctor, 0, NULL);
    inst = NULL;
    throw_ctor_calls = 0;
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, tc, 0, NULL, &inst), JSVM_PENDING_EXCEPTION);
    EXPECT_EQ_INT(throw_ctor_calls, 1);
    EXPECT_TRUE(inst == NULL);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof TypeError && e.message === 'ctor failed' && e.code === 'ECTOR'"));
    set_global(f.env, "Thrower", tc);
    JT_ASSERT_JS(f.env, "(() => { try { new Thrower(); return false; } catch (e) { return e.message === 'ctor failed'; } })()");

    /* a constructor returning another object */
    JSVM_Value rc = define_class(f.env, "Rep", &replacing_ctor, 0, NULL);
    inst = NULL;
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, rc, 0, NULL, &inst));
    EXPECT_JS(f.env, inst, "(o) => o.replaced === 1 && Object.getPrototypeOf(o) === Object.prototype");

    /* pending exception */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    inst = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, cls, 2, args, &inst), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(inst == NULL);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'pending'"));
    jt_teardown(&f);
}

static void class_instances_finalized(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value cls = make_point_class(f.env);
    set_global(f.env, "Point", cls);
    point_freed = 0;
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JT_RUN(f.env, "(() => { for (let i = 0; i < 50; i++) new Point(i, i); })()");
    JT_RUN(f.env, "globalThis.kept = [new Point(1), new Point(2)]");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    CHECK_OK(f.env, OH_JSVM_MemoryPressureNotification(f.env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
    EXPECT_EQ_INT(point_freed, 50);
    JT_ASSERT_JS(f.env, "kept[0].getX() === 1 && kept[1].getX() === 2");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, f.scope));
    CHECK_OK(f.env, OH_JSVM_CloseEnvScope(f.env, f.env_scope));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(f.env), JSVM_OK);
    EXPECT_EQ_INT(point_freed, 52);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(f.vm, f.vm_scope), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(f.vm), JSVM_OK);
    EXPECT_EQ_INT(point_freed, 52);
}

static void class_invalid_args(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value cls = NULL;
    JSVM_CallbackStruct no_cb = {NULL, NULL};
    JSVM_PropertyHandlerConfigurationStruct cfg;
    memset(&cfg, 0, sizeof cfg);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, NULL, 0, NULL, &cls), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &no_cb, 0, NULL, &cls), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "C", JSVM_AUTO_LENGTH, NULL, 0, NULL, &cfg,
                                                                 NULL, &cls),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "C", JSVM_AUTO_LENGTH, &no_cb, 0, NULL, &cfg,
                                                                 NULL, &cls),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL,
                                                                 NULL, NULL, &cls),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithOptions(f.env, "C", JSVM_AUTO_LENGTH, NULL, 0, NULL, NULL, 0, NULL,
                                                         &cls),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithOptions(f.env, "C", JSVM_AUTO_LENGTH, &no_cb, 0, NULL, NULL, 0, NULL,
                                                         &cls),
                  JSVM_INVALID_ARG);
    EXPECT_TRUE(cls == NULL);
    EXPECT_TRUE(!pending(f.env));

    /* explicit name length */
    CHECK_OK(f.env, OH_JSVM_DefineClass(f.env, "PointXYZ", 5, &point_ctor, 0, NULL, &cls));
    EXPECT_JS(f.env, cls, "(c) => c.name === 'Point'");
    jt_teardown(&f);
}

static void class_pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value cls = NULL;
    JSVM_PropertyHandlerConfigurationStruct cfg;
    memset(&cfg, 0, sizeof cfg);
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    EXPECT_STATUS(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL, &cls),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL,
                                                                 &cfg, NULL, &cls),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithOptions(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL, NULL, 0,
                                                         NULL, &cls),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(cls == NULL);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof Error && e.message === 'pending'"));
    CHECK_OK(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL, &cls));
    EXPECT_TRUE(cls != NULL);
    jt_teardown(&f);
}

/* ------------------------------------------------ DefineClassWithOptions */

static JSVM_Value BaseMethod(JSVM_Env env, JSVM_CallbackInfo info)
{
    Point *p = this_point(env, info, NULL, NULL);
    return p ? make_int(env, p->x * 10) : NULL;
}
static JSVM_CallbackStruct base_method_cb = {BaseMethod, NULL};
static JSVM_Value ChildMethod(JSVM_Env env, JSVM_CallbackInfo info)
{
    Point *p = this_point(env, info, NULL, NULL);
    return p ? make_int(env, p->y) : NULL;
}
static JSVM_CallbackStruct child_method_cb = {ChildMethod, NULL};

static void class_with_options_parent(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyDescriptor base_props[] = {
        {"baseM", NULL, &base_method_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {"shared", NULL, NULL, NULL, NULL, make_str(f.env, "base"), JSVM_DEFAULT_JSPROPERTY},
    };
    JSVM_PropertyDescriptor child_props[] = {
        {"childM", NULL, &child_method_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
    };
    JSVM_Value base = define_class(f.env, "Base", &point_ctor, 2, base_props), child = NULL;
    CHECK_OK(f.env, OH_JSVM_DefineClassWithOptions(f.env, "Child", JSVM_AUTO_LENGTH, &point_ctor, 1, child_props,
                                                    base, 0, NULL, &child));
    set_global(f.env, "Base", base);
    set_global(f.env, "Child", child);
    JT_ASSERT_JS(f.env, "Child.name === 'Child' && Object.getPrototypeOf(Child.prototype) === Base.prototype");
    ctor_calls = 0;
    JT_ASSERT_JS(f.env, "var c = new Child(4, 5); c instanceof Child && c instanceof Base && seenNT === Child");
    EXPECT_TRUE(ctor_calls >= 1);
    JT_ASSERT_JS(f.env, "c.childM() === 5 && c.baseM() === 40 && c.shared === 'base'");
    JT_ASSERT_JS(f.env, "!(new Base(1) instanceof Child) && new Base(2).childM === undefined");
    /* the parent's methods accept child instances; the child's do not accept parents */
    JT_ASSERT_JS(f.env, "Base.prototype.baseM.call(c) === 40");
    JT_ASSERT_JS(f.env, "(() => { try { Child.prototype.childM.call(new Base(1)); return false; }"
                        " catch (e) { return e instanceof TypeError; } })()");
    /* a grandchild through JS */
    JT_ASSERT_JS(f.env, "class G extends Child {}; var g = new G(6, 7); g.baseM() === 60 && g.childM() === 7"
                        " && g instanceof Base");
    /* NewInstance */
    JSVM_Value inst = NULL, args[2] = {make_int(f.env, 8), make_int(f.env, 9)};
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, child, 2, args, &inst));
    EXPECT_JS(f.env, inst, "(o) => o instanceof Base && o.baseM() === 80 && o.childM() === 9");

    /* no parent, NORMAL option, explicit count */
    JSVM_DefineClassOptions opts[2];
    memset(opts, 0, sizeof opts);
    opts[0].id = JSVM_DEFINE_CLASS_NORMAL;
    opts[1].id = JSVM_DEFINE_CLASS_WITH_COUNT;
    opts[1].content.num = 3;
    JSVM_Value plain = NULL;
    CHECK_OK(f.env, OH_JSVM_DefineClassWithOptions(f.env, "Plain", JSVM_AUTO_LENGTH, &point_ctor, 1, child_props,
                                                    NULL, 2, opts, &plain));
    set_global(f.env, "Plain", plain);
    JT_ASSERT_JS(f.env, "var pl = new Plain(1, 2); pl.childM() === 2 && !(pl instanceof Base)"
                        " && Object.getPrototypeOf(Plain.prototype) === Object.prototype");
    /* WITH_COUNT together with a parent */
    JSVM_Value child2 = NULL;
    CHECK_OK(f.env, OH_JSVM_DefineClassWithOptions(f.env, "Child2", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL, base, 1,
                                                    &opts[1], &child2));
    EXPECT_JS(f.env, child2, "(C) => { const o = new C(3); return o instanceof Base && o.baseM() === 30; }");
    jt_teardown(&f);
}

static void class_with_options_invalid(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value cls = NULL;
    JSVM_Value js_fn = JT_RUN(f.env, "(function F() {})");
    JSVM_Value js_class = JT_RUN(f.env, "(class K {})");
    JSVM_Value obj = JT_RUN(f.env, "({prototype: {}})");
    JSVM_Value num = make_int(f.env, 1);
    JSVM_Value values[] = {js_fn, js_class, obj, num};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        cls = NULL;
        EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithOptions(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL,
                                                             values[i], 0, NULL, &cls),
                      JSVM_INVALID_ARG);
        EXPECT_TRUE(cls == NULL);
    }
    EXPECT_TRUE(!pending(f.env));
    /* unknown option id */
    JSVM_DefineClassOptions bad[2];
    memset(bad, 0, sizeof bad);
    bad[0].id = JSVM_DEFINE_CLASS_NORMAL;
    bad[1].id = (JSVM_DefineClassOptionsId)42;
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithOptions(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL, NULL, 2,
                                                         bad, &cls),
                  JSVM_INVALID_ARG);
    bad[1].id = (JSVM_DefineClassOptionsId)-1;
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithOptions(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL, NULL, 2,
                                                         bad, &cls),
                  JSVM_INVALID_ARG);
    EXPECT_TRUE(cls == NULL);
    /* property-handler option without a handler */
    JSVM_PropertyHandler ph = {NULL, NULL};
    bad[1].id = JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER;
    bad[1].content.ptr = &ph;
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithOptions(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL, NULL, 2,
                                                         bad, &cls),
                  JSVM_INVALID_ARG);
    bad[1].content.ptr = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_DefineClassWithOptions(f.env, "C", JSVM_AUTO_LENGTH, &point_ctor, 0, NULL, NULL, 2,
                                                         bad, &cls),
                  JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

/* ------------------------------------------------ property handlers */

/* Interceptor log: "op:key;" for every call. */
static char hlog[8192];
static int h_this_bad, h_data_bad;
static int enum_mode; /* 0: array, 1: not an array, 2: throws */
static int hstate = 0x1234;

static void hlog_add(const char *op, const char *key)
{
    size_t n = strlen(hlog);
    snprintf(hlog + n, sizeof hlog - n, "%s:%s;", op, key);
}
/* entry is "op:key;"; the log starts with ';' so that "get:3;" does not
 * match inside "iget:3;". */
static bool hlog_has(const char *entry)
{
    char pat[256];
    snprintf(pat, sizeof pat, ";%s", entry);
    return strstr(hlog, pat) != NULL;
}

/* thisArg must be the instance the constructor wrapped &hstate into. */
static void check_this(JSVM_Env env, JSVM_Value thisArg)
{
    void *p = NULL;
    if (OH_JSVM_Unwrap(env, thisArg, &p) != JSVM_OK || p != &hstate)
        h_this_bad++;
}
static void check_data(JSVM_Env env, JSVM_Value data, const char *kind)
{
    JSVM_Value args[2] = {data, make_str(env, kind)};
    JSVM_Value r = call_js(env, "(function (d, k) { return typeof d === 'object' && d !== null && d.kind === k; })", 2,
                           args);
    bool b = false;
    if (!r || OH_JSVM_GetValueBool(env, r, &b) != JSVM_OK || !b)
        h_data_bad++;
}
static const char *key_text(JSVM_Env env, JSVM_Value name, char *buf, size_t n)
{
    if (!str_of(env, name, buf, n)[0])
        snprintf(buf, n, "<sym>");
    return buf;
}
static uint32_t index_of(JSVM_Env env, JSVM_Value index, bool *ok)
{
    uint32_t i = 0;
    *ok = OH_JSVM_GetValueUint32(env, index, &i) == JSVM_OK;
    return i;
}

static JSVM_Value NamedGetter(JSVM_Env env, JSVM_Value name, JSVM_Value thisArg, JSVM_Value data)
{
    char k[128];
    key_text(env, name, k, sizeof k);
    hlog_add("get", k);
    check_this(env, thisArg);
    check_data(env, data, "named");
    if (strcmp(k, "boom") == 0) {
        OH_JSVM_ThrowError(env, "EBOOM", "boom getter");
        return NULL;
    }
    if (strncmp(k, "i_", 2) == 0) {
        char out[160];
        snprintf(out, sizeof out, "G(%s)", k);
        return make_str(env, out);
    }
    return NULL;
}
static JSVM_Value NamedSetter(JSVM_Env env, JSVM_Value name, JSVM_Value property, JSVM_Value thisArg,
                              JSVM_Value data)
{
    char k[128];
    key_text(env, name, k, sizeof k);
    hlog_add("set", k);
    check_this(env, thisArg);
    check_data(env, data, "named");
    if (strcmp(k, "boom") == 0) {
        OH_JSVM_ThrowError(env, "EBOOM", "boom setter");
        return NULL;
    }
    if (strncmp(k, "s_", 2) == 0 || strncmp(k, "i_", 2) == 0) {
        set_global(env, "lastSet", property);
        return property; /* handled: not stored on the instance */
    }
    return NULL;
}
static JSVM_Value NamedDeleter(JSVM_Env env, JSVM_Value name, JSVM_Value thisArg, JSVM_Value data)
{
    char k[128];
    JSVM_Value r = NULL;
    key_text(env, name, k, sizeof k);
    hlog_add("del", k);
    check_this(env, thisArg);
    check_data(env, data, "named");
    if (strcmp(k, "boom") == 0) {
        OH_JSVM_ThrowError(env, "EBOOM", "boom deleter");
        return NULL;
    }
    if (strcmp(k, "d_true") == 0)
        CHECK_OK(env, OH_JSVM_GetBoolean(env, true, &r));
    else if (strcmp(k, "d_false") == 0)
        CHECK_OK(env, OH_JSVM_GetBoolean(env, false, &r));
    else if (strcmp(k, "d_num") == 0)
        r = make_int(env, 1); /* not a boolean: does not count */
    return r;
}
static JSVM_Value NamedEnumerator(JSVM_Env env, JSVM_Value thisArg, JSVM_Value data)
{
    hlog_add("enum", "");
    check_this(env, thisArg);
    check_data(env, data, "named");
    if (enum_mode == 2) {
        OH_JSVM_ThrowError(env, "EBOOM", "boom enumerator");
        return NULL;
    }
    if (enum_mode == 1)
        return make_str(env, "i_e1");
    return JT_RUN(env, "['i_e1', 'i_e2']");
}
static JSVM_Value IndexedGetter(JSVM_Env env, JSVM_Value index, JSVM_Value thisArg, JSVM_Value data)
{
    char k[32];
    bool ok;
    uint32_t i = index_of(env, index, &ok);
    snprintf(k, sizeof k, ok ? "%u" : "<not a number>", i);
    hlog_add("iget", k);
    check_this(env, thisArg);
    check_data(env, data, "indexed");
    if (ok && i == 66) {
        OH_JSVM_ThrowRangeError(env, "EBOOM", "boom indexed getter");
        return NULL;
    }
    return ok && i >= 100 ? make_int(env, (int32_t)i * 2) : NULL;
}
static JSVM_Value IndexedSetter(JSVM_Env env, JSVM_Value index, JSVM_Value property, JSVM_Value thisArg,
                                JSVM_Value data)
{
    char k[32];
    bool ok;
    uint32_t i = index_of(env, index, &ok);
    snprintf(k, sizeof k, ok ? "%u" : "<not a number>", i);
    hlog_add("iset", k);
    check_this(env, thisArg);
    check_data(env, data, "indexed");
    if (ok && i == 66) {
        OH_JSVM_ThrowError(env, "EBOOM", "boom indexed setter");
        return NULL;
    }
    if (ok && i >= 200 && i < 300) {
        set_global(env, "lastISet", property);
        return property;
    }
    return NULL;
}
static JSVM_Value IndexedDeleter(JSVM_Env env, JSVM_Value index, JSVM_Value thisArg, JSVM_Value data)
{
    char k[32];
    bool ok;
    JSVM_Value r = NULL;
    uint32_t i = index_of(env, index, &ok);
    snprintf(k, sizeof k, ok ? "%u" : "<not a number>", i);
    hlog_add("idel", k);
    check_this(env, thisArg);
    check_data(env, data, "indexed");
    if (ok && i == 7)
        CHECK_OK(env, OH_JSVM_GetBoolean(env, true, &r));
    else if (ok && i == 8)
        CHECK_OK(env, OH_JSVM_GetBoolean(env, false, &r));
    else if (ok && i == 9)
        r = make_str(env, "yes"); /* not a boolean */
    else if (ok && i == 66)
        OH_JSVM_ThrowError(env, "EBOOM", "boom indexed deleter");
    return r;
}
static JSVM_Value IndexedEnumerator(JSVM_Env env, JSVM_Value thisArg, JSVM_Value data)
{
    hlog_add("ienum", "");
    check_this(env, thisArg);
    check_data(env, data, "indexed");
    if (enum_mode == 1)
        return make_int(env, 100);
    return JT_RUN(env, "[100, 101]");
}

static JSVM_PropertyHandlerConfigurationStruct full_cfg = {
    NamedGetter, NamedSetter, NamedDeleter, NamedEnumerator,
    IndexedGetter, IndexedSetter, IndexedDeleter, IndexedEnumerator,
    NULL, NULL,
};

static int hctor_calls;
static JSVM_Value HCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value self = NULL, nt = SENTINEL;
    hctor_calls++;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL));
    CHECK_OK(env, OH_JSVM_GetNewTarget(env, info, &nt));
    if (nt) {
        CHECK_OK(env, OH_JSVM_Wrap(env, self, &hstate, NULL, NULL, NULL));
        JSVM_Value args[2] = {nt, self};
        call_js(env, "(function (nt, s) { globalThis.hNT = nt; globalThis.hThis = s; })", 2, args);
    }
    return NULL;
}
static JSVM_CallbackStruct hctor = {HCtor, NULL};

/* Returns whether Unwrap(this) gives &hstate. */
static JSVM_Value ThisIsInstance(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value self = NULL, r = NULL;
    void *p = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL));
    bool ok = OH_JSVM_Unwrap(env, self, &p) == JSVM_OK && p == &hstate;
    CHECK_OK(env, OH_JSVM_GetBoolean(env, ok, &r));
    return r;
}
static JSVM_CallbackStruct this_is_instance_cb = {ThisIsInstance, NULL};
static int acc_set_ok;
static JSVM_Value AccSetter(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value self = NULL;
    void *p = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL));
    if (OH_JSVM_Unwrap(env, self, &p) == JSVM_OK && p == &hstate)
        acc_set_ok++;
    return NULL;
}
static JSVM_CallbackStruct acc_setter_cb = {AccSetter, NULL};

/* Defines class H with full_cfg (data values {kind}) and prototype members
 * whoami() and acc. */
static JSVM_Value make_handler_class(JSVM_Env env, JSVM_PropertyHandlerConfigurationStruct *cfg,
                                     JSVM_CallbackStruct *call_cb)
{
    JSVM_Value cls = NULL;
    cfg->namedPropertyData = JT_RUN(env, "({kind: 'named'})");
    cfg->indexedPropertyData = JT_RUN(env, "({kind: 'indexed'})");
    JSVM_PropertyDescriptor props[] = {
        {"whoami", NULL, &this_is_instance_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {"acc", NULL, NULL, &this_is_instance_cb, &acc_setter_cb, NULL, JSVM_CONFIGURABLE},
        {"sm", NULL, &free_cb, NULL, NULL, NULL, JSVM_STATIC},
    };
    CHECK_OK(env, OH_JSVM_DefineClassWithPropertyHandler(env, "H", JSVM_AUTO_LENGTH, &hctor, 3, props, cfg, call_cb,
                                                          &cls));
    return cls;
}

#define HRESET() (strcpy(hlog, ";"))

static void handler_named(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyHandlerConfigurationStruct cfg = full_cfg;
    h_this_bad = h_data_bad = 0;
    enum_mode = 0;
    set_global(f.env, "H", make_handler_class(f.env, &cfg, NULL));
    hctor_calls = 0;
    JT_RUN(f.env, "var o = new H();");
    EXPECT_EQ_INT(hctor_calls, 1);
    JT_ASSERT_JS(f.env, "hNT === H && hThis === o && o instanceof H && typeof o === 'object'");
    JT_ASSERT_JS(f.env, "H.sm() === 'free'");

    /* get: handled and not handled */
    HRESET();
    JT_ASSERT_JS(f.env, "o.i_a === 'G(i_a)'");
    EXPECT_TRUE(hlog_has("get:i_a;"));
    HRESET();
    JT_ASSERT_JS(f.env, "o.nothing === undefined");
    EXPECT_TRUE(hlog_has("get:nothing;"));

    /* set not handled: stored on the instance, the getter sees reads of it */
    HRESET();
    JT_ASSERT_JS(f.env, "o.plain = 5; o.plain === 5");
    EXPECT_TRUE(hlog_has("set:plain;"));
    EXPECT_TRUE(hlog_has("get:plain;"));
    JT_ASSERT_JS(f.env, "Object.prototype.hasOwnProperty.call(o, 'plain') && Object.keys(o).includes('plain')");
    /* set handled: not stored */
    HRESET();
    JT_ASSERT_JS(f.env, "o.s_b = 42; lastSet === 42 && o.s_b === undefined && !Object.keys(o).includes('s_b')");
    EXPECT_TRUE(hlog_has("set:s_b;"));
    JT_ASSERT_JS(f.env, "Reflect.set(o, 's_c', 'v') === true && lastSet === 'v'");

    /* has: through the getter */
    HRESET();
    JT_ASSERT_JS(f.env, "('i_q' in o) === true");
    EXPECT_TRUE(hlog_has("get:i_q;"));
    HRESET();
    JT_ASSERT_JS(f.env, "('nope' in o) === false && ('plain' in o) === true && ('whoami' in o) === true");
    EXPECT_TRUE(hlog_has("get:nope;"));

    /* delete: boolean results count, others fall back to the default */
    HRESET();
    JT_ASSERT_JS(f.env, "o.d_true = 1; delete o.d_true === true && o.d_true === 1");
    EXPECT_TRUE(hlog_has("del:d_true;"));
    HRESET();
    JT_ASSERT_JS(f.env, "o.d_false = 2; delete o.d_false === false && o.d_false === 2");
    EXPECT_TRUE(hlog_has("del:d_false;"));
    JT_ASSERT_JS(f.env, "(() => { 'use strict'; try { delete o.d_false; return false; } catch (e) { return e instanceof TypeError; } })()");
    HRESET();
    JT_ASSERT_JS(f.env, "o.d_num = 3; delete o.d_num === true && !('d_num' in o) && o.d_num === undefined");
    EXPECT_TRUE(hlog_has("del:d_num;"));
    HRESET();
    JT_ASSERT_JS(f.env, "delete o.plain === true && o.plain === undefined && !Object.keys(o).includes('plain')");
    EXPECT_TRUE(hlog_has("del:plain;"));

    /* enumerate: the enumerator's names join the own keys */
    HRESET();
    JT_ASSERT_JS(f.env, "o.own1 = 1; var ks = Object.keys(o); ks.includes('own1') && ks.includes('i_e1') && ks.includes('i_e2')");
    EXPECT_TRUE(hlog_has("enum:;"));
    JT_ASSERT_JS(f.env, "var fk = []; for (var k in o) fk.push(k); fk.includes('own1') && fk.includes('i_e1') && fk.includes('i_e2')");
    JT_ASSERT_JS(f.env, "Reflect.ownKeys(o).includes('i_e1') && Object.getOwnPropertyNames(o).includes('i_e2')");
    /* an enumerator result that is not an array does not count */
    enum_mode = 1;
    JT_ASSERT_JS(f.env, "var ks2 = Object.keys(o); ks2.includes('own1') && !ks2.includes('i_e1') && !ks2.includes('100')");
    enum_mode = 0;

    /* symbols reach the named interceptors too */
    HRESET();
    JT_ASSERT_JS(f.env, "o[Symbol('z')] === undefined");
    EXPECT_TRUE(hlog_has("get:<sym>;"));

    EXPECT_EQ_INT(h_this_bad, 0);
    EXPECT_EQ_INT(h_data_bad, 0);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void handler_indexed(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyHandlerConfigurationStruct cfg = full_cfg;
    h_this_bad = h_data_bad = 0;
    enum_mode = 0;
    set_global(f.env, "H", make_handler_class(f.env, &cfg, NULL));
    JT_RUN(f.env, "var o = new H();");

    HRESET();
    JT_ASSERT_JS(f.env, "o[3] === undefined");
    EXPECT_TRUE(hlog_has("iget:3;"));
    EXPECT_TRUE(!hlog_has("get:3;"));
    HRESET();
    JT_ASSERT_JS(f.env, "o[150] === 300 && o['151'] === 302");
    EXPECT_TRUE(hlog_has("iget:150;") && hlog_has("iget:151;"));

    HRESET();
    JT_ASSERT_JS(f.env, "o[3] = 1; o[3] === 1");
    EXPECT_TRUE(hlog_has("iset:3;") && hlog_has("iget:3;"));
    HRESET();
    JT_ASSERT_JS(f.env, "o[250] = 9; lastISet === 9 && !Object.keys(o).includes('250')");
    EXPECT_TRUE(hlog_has("iset:250;"));

    HRESET();
    JT_ASSERT_JS(f.env, "(3 in o) && (150 in o) && !(4 in o)");
    EXPECT_TRUE(hlog_has("iget:4;"));

    HRESET();
    JT_ASSERT_JS(f.env, "o[7] = 'seven'; delete o[7] === true && o[7] === 'seven'");
    EXPECT_TRUE(hlog_has("idel:7;"));
    JT_ASSERT_JS(f.env, "o[8] = 'eight'; delete o[8] === false && o[8] === 'eight'");
    JT_ASSERT_JS(f.env, "o[9] = 'nine'; delete o[9] === true && !(9 in o)");
    HRESET();
    JT_ASSERT_JS(f.env, "delete o[3] === true && o[3] === undefined");
    EXPECT_TRUE(hlog_has("idel:3;"));

    HRESET();
    JT_ASSERT_JS(f.env, "var ks = Object.keys(o); ks.includes('100') && ks.includes('101') && ks.includes('7')");
    EXPECT_TRUE(hlog_has("ienum:;"));
    enum_mode = 1;
    JT_ASSERT_JS(f.env, "!Object.keys(o).includes('100')");
    enum_mode = 0;

    /* names that are not array indices go to the named interceptors */
    HRESET();
    JT_ASSERT_JS(f.env, "o['-1'] === undefined && o['1.5'] === undefined && o['01'] === undefined");
    EXPECT_TRUE(hlog_has("get:-1;") && hlog_has("get:1.5;") && hlog_has("get:01;"));
    EXPECT_TRUE(strstr(hlog, "iget:") == NULL);

    EXPECT_EQ_INT(h_this_bad, 0);
    EXPECT_EQ_INT(h_data_bad, 0);
    jt_teardown(&f);
}

static void handler_throwing_interceptors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyHandlerConfigurationStruct cfg = full_cfg;
    enum_mode = 0;
    set_global(f.env, "H", make_handler_class(f.env, &cfg, NULL));
    JT_RUN(f.env, "var o = new H();"
                  "globalThis.msg = (fn) => { try { fn(); return 'no throw'; } catch (e) { return e.message; } };");
    JSVM_Value r = JT_RUN(f.env, "msg(() => o.boom)");
    EXPECT_STREQ(jt_str(f.env, r), "boom getter");
    r = JT_RUN(f.env, "msg(() => { o.boom = 1; })");
    EXPECT_STREQ(jt_str(f.env, r), "boom setter");
    r = JT_RUN(f.env, "msg(() => delete o.boom)");
    EXPECT_STREQ(jt_str(f.env, r), "boom deleter");
    r = JT_RUN(f.env, "msg(() => 'boom' in o)");
    EXPECT_STREQ(jt_str(f.env, r), "boom getter");
    r = JT_RUN(f.env, "msg(() => o[66])");
    EXPECT_STREQ(jt_str(f.env, r), "boom indexed getter");
    JT_ASSERT_JS(f.env, "(() => { try { o[66]; } catch (e) { return e instanceof RangeError && e.code === 'EBOOM'; } })()");
    r = JT_RUN(f.env, "msg(() => { o[66] = 1; })");
    EXPECT_STREQ(jt_str(f.env, r), "boom indexed setter");
    r = JT_RUN(f.env, "msg(() => delete o[66])");
    EXPECT_STREQ(jt_str(f.env, r), "boom indexed deleter");
    enum_mode = 2;
    r = JT_RUN(f.env, "msg(() => Object.keys(o))");
    EXPECT_STREQ(jt_str(f.env, r), "boom enumerator");
    enum_mode = 0;
    EXPECT_TRUE(!pending(f.env));
    /* a throw not caught in JS reaches the caller of RunScript */
    JSVM_Status st;
    EXPECT_TRUE(jt_run_status(f.env, "o.boom", &st) == NULL);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof Error && e.message === 'boom getter'"));
    /* the instance still works afterwards */
    JT_ASSERT_JS(f.env, "o.i_ok === 'G(i_ok)'");
    jt_teardown(&f);
}

/* Members on the prototype are reached through the interceptors' fallback
 * with the instance as receiver (methods, getters and setters). */
static void handler_prototype_members_see_instance(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyHandlerConfigurationStruct cfg = full_cfg;
    enum_mode = 0;
    set_global(f.env, "H", make_handler_class(f.env, &cfg, NULL));
    JT_RUN(f.env, "var o = new H();");
    JT_ASSERT_JS(f.env, "typeof o.whoami === 'function' && o.whoami() === true");
    JT_ASSERT_JS(f.env, "o.acc === true");
    acc_set_ok = 0;
    JT_RUN(f.env, "o.acc = 1;");
    EXPECT_EQ_INT(acc_set_ok, 1);
    JT_ASSERT_JS(f.env, "H.prototype.whoami.call(o) === true");
    JT_ASSERT_JS(f.env, "(() => { try { H.prototype.whoami.call({}); return false; } catch (e) { return e instanceof TypeError; } })()");
    jt_teardown(&f);
}

static void handler_subclass_and_new_instance(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyHandlerConfigurationStruct cfg = full_cfg;
    h_this_bad = h_data_bad = 0;
    enum_mode = 0;
    JSVM_Value cls = make_handler_class(f.env, &cfg, NULL), inst = NULL;
    set_global(f.env, "H", cls);
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &inst));
    HRESET();
    EXPECT_JS(f.env, inst, "(o) => o instanceof H && hThis === o && o.i_n === 'G(i_n)' && o[120] === 240");
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, inst, &p));
    EXPECT_TRUE(p == &hstate);
    JT_ASSERT_JS(f.env, "class S extends H { constructor() { super(); this.sub = 1; } m() { return 'm'; } };"
                        " var s = new S(); s instanceof S && s instanceof H && hNT === S && hThis === s");
    HRESET();
    JT_ASSERT_JS(f.env, "s.i_z === 'G(i_z)' && s.m() === 'm' && s.sub === 1 && s[101] === 202");
    EXPECT_TRUE(hlog_has("get:i_z;") && hlog_has("iget:101;"));
    EXPECT_EQ_INT(h_this_bad, 0);
    EXPECT_EQ_INT(h_data_bad, 0);
    jt_teardown(&f);
}

/* A NULL member never intercepts: an all-NULL configuration gives ordinary
 * instances. */
static void handler_null_members(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyHandlerConfigurationStruct cfg;
    memset(&cfg, 0, sizeof cfg);
    JSVM_Value cls = NULL;
    CHECK_OK(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "E", JSVM_AUTO_LENGTH, &hctor, 0, NULL, &cfg, NULL,
                                                           &cls));
    set_global(f.env, "E", cls);
    JT_ASSERT_JS(f.env, "var e = new E(); e.a = 1; e[0] = 'z'; e.a === 1 && e[0] === 'z' && Object.keys(e).join() === '0,a'"
                        " && delete e.a && !('a' in e) && typeof e === 'object' && e instanceof E");
    JT_ASSERT_JS(f.env, "(() => { try { e(); return false; } catch (x) { return x instanceof TypeError; } })()");
    /* only a getter */
    JSVM_PropertyHandlerConfigurationStruct cfg2;
    memset(&cfg2, 0, sizeof cfg2);
    cfg2.genericNamedPropertyGetterCallback = NamedGetter;
    cfg2.namedPropertyData = JT_RUN(f.env, "({kind: 'named'})");
    CHECK_OK(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "E2", JSVM_AUTO_LENGTH, &hctor, 0, NULL, &cfg2, NULL,
                                                           &cls));
    set_global(f.env, "E2", cls);
    JT_ASSERT_JS(f.env, "var e2 = new E2(); e2.i_k === 'G(i_k)' && (e2.s_x = 4, e2.s_x === 4) && (delete e2.s_x) && e2.s_x === undefined"
                        " && (e2[5] = 6, e2[5] === 6)");
    jt_teardown(&f);
}

static int call_this_ok;
static JSVM_Value CallAsFn(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 4;
    JSVM_Value argv[4], nt = SENTINEL;
    int32_t sum = 0;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetNewTarget(env, info, &nt));
    if (nt == NULL)
        call_this_ok++;
    for (size_t i = 0; i < argc && i < 4; i++)
        sum += arg_int(env, argv[i]);
    return make_int(env, sum);
}
static JSVM_CallbackStruct call_as_fn_cb = {CallAsFn, NULL};

static void handler_call_as_function(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyHandlerConfigurationStruct cfg = full_cfg;
    enum_mode = 0;
    h_this_bad = h_data_bad = 0;
    JSVM_Value cls = make_handler_class(f.env, &cfg, &call_as_fn_cb);
    set_global(f.env, "H", cls);
    call_this_ok = 0;
    JT_ASSERT_JS(f.env, "var inst = new H(); typeof inst === 'function' && inst instanceof H");
    JT_ASSERT_JS(f.env, "inst(1, 2) === 3 && inst() === 0 && Reflect.apply(inst, null, [2, 3, 4]) === 9");
    EXPECT_EQ_INT(call_this_ok, 3);
    /* still intercepted, still wrapped */
    JT_ASSERT_JS(f.env, "inst.i_w === 'G(i_w)' && inst[130] === 260 && inst.whoami() === true");
    JSVM_Value i = JT_RUN(f.env, "inst");
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, i, &p));
    EXPECT_TRUE(p == &hstate);
    JSVM_ValueType t = JSVM_UNDEFINED;
    bool io = false;
    CHECK_OK(f.env, OH_JSVM_Typeof(f.env, i, &t));
    EXPECT_EQ_INT(t, JSVM_FUNCTION);
    CHECK_OK(f.env, OH_JSVM_Instanceof(f.env, i, cls, &io));
    EXPECT_TRUE(io);
    /* with an all-NULL configuration too */
    JSVM_PropertyHandlerConfigurationStruct empty;
    memset(&empty, 0, sizeof empty);
    CHECK_OK(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "F", JSVM_AUTO_LENGTH, &hctor, 0, NULL, &empty,
                                                           &call_as_fn_cb, &cls));
    set_global(f.env, "F", cls);
    JT_ASSERT_JS(f.env, "var fi = new F(); typeof fi === 'function' && fi(5, 6) === 11 && fi instanceof F");
    EXPECT_EQ_INT(h_this_bad, 0);
    jt_teardown(&f);
}

static void class_with_options_property_handler(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_PropertyHandlerConfigurationStruct cfg = full_cfg;
    enum_mode = 0;
    h_this_bad = h_data_bad = 0;
    cfg.namedPropertyData = JT_RUN(f.env, "({kind: 'named'})");
    cfg.indexedPropertyData = JT_RUN(f.env, "({kind: 'indexed'})");
    JSVM_PropertyHandler ph = {&cfg, &call_as_fn_cb};
    JSVM_DefineClassOptions opts[2];
    memset(opts, 0, sizeof opts);
    opts[0].id = JSVM_DEFINE_CLASS_WITH_COUNT;
    opts[0].content.num = 1;
    opts[1].id = JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER;
    opts[1].content.ptr = &ph;
    JSVM_Value cls = NULL;
    JSVM_PropertyDescriptor props[] = {
        {"whoami", NULL, &this_is_instance_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
    };
    CHECK_OK(f.env, OH_JSVM_DefineClassWithOptions(f.env, "O", JSVM_AUTO_LENGTH, &hctor, 1, props, NULL, 2, opts,
                                                    &cls));
    set_global(f.env, "O", cls);
    HRESET();
    JT_ASSERT_JS(f.env, "var o = new O(); o instanceof O && typeof o === 'function' && o(2, 2) === 4");
    JT_ASSERT_JS(f.env, "o.i_x === 'G(i_x)' && o[140] === 280 && o.whoami() === true");
    JT_ASSERT_JS(f.env, "o.s_q = 1; o.s_q === undefined && (o.d_true = 1, delete o.d_true) && o.d_true === 1");
    JT_ASSERT_JS(f.env, "Object.keys(o).includes('i_e2') && Object.keys(o).includes('101')");
    EXPECT_TRUE(hlog_has("get:i_x;") && hlog_has("iget:140;") && hlog_has("set:s_q;") && hlog_has("enum:;"));

    /* with a parent class as well */
    JSVM_Value base = make_point_class(f.env), child = NULL;
    set_global(f.env, "Point", base);
    ph.callAsFunctionCallback = NULL;
    CHECK_OK(f.env, OH_JSVM_DefineClassWithOptions(f.env, "PC", JSVM_AUTO_LENGTH, &hctor, 0, NULL, base, 1, &opts[1],
                                                    &child));
    set_global(f.env, "PC", child);
    JT_ASSERT_JS(f.env, "var pc = new PC(); pc instanceof Point && pc instanceof PC && typeof pc === 'object'"
                        " && pc.i_y === 'G(i_y)' && pc.free() === 'free'");
    EXPECT_EQ_INT(h_this_bad, 0);
    EXPECT_EQ_INT(h_data_bad, 0);
    jt_teardown(&f);
}

/* Interceptors see accesses made from C through the API too (JS-running
 * calls on an intercepted instance), and the data values stay alive. */
static void handler_data_kept_alive(void)
{
    jt_fixture f;
    jt_setup(&f);
    static JSVM_PropertyHandlerConfigurationStruct cfg;
    cfg = full_cfg;
    enum_mode = 0;
    h_this_bad = h_data_bad = 0;
    JSVM_HandleScope hs = NULL;
    JSVM_Value cls = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    cls = make_handler_class(f.env, &cfg, NULL);
    set_global(f.env, "H", cls);
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    /* the data handles died with the scope; the class keeps the values */
    CHECK_OK(f.env, OH_JSVM_MemoryPressureNotification(f.env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
    JT_RUN(f.env, "for (let i = 0; i < 1000; i++) ({garbage: [i]});");
    CHECK_OK(f.env, OH_JSVM_MemoryPressureNotification(f.env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
    JT_ASSERT_JS(f.env, "var o = new H(); o.i_a === 'G(i_a)' && o[111] === 222");
    EXPECT_EQ_INT(h_data_bad, 0);
    EXPECT_EQ_INT(h_this_bad, 0);
    jt_teardown(&f);
}

/* Intercepted (and callable) instances are collected like others: the
 * wraps made by the constructor are finalized once. */
static int hfin_calls[40];
static void HFin(JSVM_Env env, void *data, void *hint)
{
    (void)env;
    (void)hint;
    int *slot = data;
    if (slot >= hfin_calls && slot < hfin_calls + 40)
        (*slot)++;
}
static int hfin_next;
static JSVM_Value HFinCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value self = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL));
    if (hfin_next < 40)
        CHECK_OK(env, OH_JSVM_Wrap(env, self, &hfin_calls[hfin_next++], HFin, NULL, NULL));
    return NULL;
}
static JSVM_CallbackStruct hfin_ctor = {HFinCtor, NULL};

static void handler_instances_finalized(void)
{
    jt_fixture f;
    jt_setup(&f);
    static JSVM_PropertyHandlerConfigurationStruct cfg;
    memset(&cfg, 0, sizeof cfg);
    memset(hfin_calls, 0, sizeof hfin_calls);
    hfin_next = 0;
    JSVM_Value plain = NULL, callable = NULL;
    CHECK_OK(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "HP", JSVM_AUTO_LENGTH, &hfin_ctor, 0, NULL, &cfg,
                                                           NULL, &plain));
    CHECK_OK(f.env, OH_JSVM_DefineClassWithPropertyHandler(f.env, "HC", JSVM_AUTO_LENGTH, &hfin_ctor, 0, NULL, &cfg,
                                                           &call_as_fn_cb, &callable));
    set_global(f.env, "HP", plain);
    set_global(f.env, "HC", callable);
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JT_RUN(f.env, "for (let i = 0; i < 10; i++) { const a = new HP(); a.self = a; const b = new HC(); b.x = b; b(1); }");
    JT_RUN(f.env, "globalThis.keepP = new HP(); globalThis.keepC = new HC();");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    EXPECT_EQ_INT(hfin_next, 22);
    gc(f.env);
    int once = 0;
    for (int i = 0; i < 20; i++)
        once += hfin_calls[i] == 1;
    EXPECT_EQ_INT(once, 20);
    EXPECT_EQ_INT(hfin_calls[20] + hfin_calls[21], 0);
    JT_ASSERT_JS(f.env, "keepC(2, 3) === 5 && typeof keepP === 'object'");
    jt_teardown(&f);
    EXPECT_EQ_INT(hfin_calls[20], 1);
    EXPECT_EQ_INT(hfin_calls[21], 1);
}

JT_MAIN("test_class",
        JT_TEST(class_constructor_this_and_new_target),
        JT_TEST(class_instanceof),
        JT_TEST(class_static_and_instance_members),
        JT_TEST(class_methods_and_accessors),
        JT_TEST(class_attribute_combinations),
        JT_TEST(class_names_as_values),
        JT_TEST(class_extends_native_in_js),
        JT_TEST(class_receiver_check),
        JT_TEST(class_new_instance),
        JT_TEST(class_instances_finalized),
        JT_TEST(class_invalid_args),
        JT_TEST(class_pending_exception),
        JT_TEST(class_with_options_parent),
        JT_TEST(class_with_options_invalid),
        JT_TEST(handler_named),
        JT_TEST(handler_indexed),
        JT_TEST(handler_throwing_interceptors),
        JT_TEST(handler_prototype_members_see_instance),
        JT_TEST(handler_subclass_and_new_instance),
        JT_TEST(handler_null_members),
        JT_TEST(handler_call_as_function),
        JT_TEST(class_with_options_property_handler),
        JT_TEST(handler_data_kept_alive),
        JT_TEST(handler_instances_finalized))
