/*
 * test_function.c: OH_JSVM_CreateFunction, GetCbInfo, GetNewTarget,
 * CallFunction, NewInstance and CreateFunctionWithScript (spec §3.14, §8.6).
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

/* Takes the pending exception and checks it with pred. */
static bool take_exception_is(JSVM_Env env, const char *pred)
{
    JSVM_Value e = NULL;
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    return e && js_check(env, pred, e);
}

/* ------------------------------------------------------------ callbacks */

static JSVM_Value ReturnNull(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct null_cb = {ReturnNull, NULL};

/* Returns its this value. */
static JSVM_Value ReturnThis(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value self = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL));
    return self;
}
static JSVM_CallbackStruct this_cb = {ReturnThis, NULL};

/* ------------------------------------------------------------ tests */

static void create_function_name(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value fn = NULL;

    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "myFunc", JSVM_AUTO_LENGTH, &null_cb, &fn));
    EXPECT_TRUE(fn != NULL);
    EXPECT_JS(f.env, fn, "(f) => typeof f === 'function' && f.name === 'myFunc'");
    /* The name is not bound anywhere. */
    JT_ASSERT_JS(f.env, "typeof myFunc === 'undefined'");

    /* Explicit length: only the first 3 bytes. */
    fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "abcdef", 3, &null_cb, &fn));
    EXPECT_JS(f.env, fn, "(f) => typeof f === 'function' && f.name === 'abc'");

    /* UTF-8 names. */
    fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "h\xC3\xA9llo", JSVM_AUTO_LENGTH, &null_cb, &fn));
    EXPECT_JS(f.env, fn, "(f) => f.name === 'h\\u00e9llo'");

    /* NULL name (length ignored, as in the reference implementation). */
    fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, NULL, 0, &null_cb, &fn));
    EXPECT_JS(f.env, fn, "(f) => typeof f === 'function' && f.name === '' && f() === undefined");

    /* Each call makes a distinct function. */
    JSVM_Value a = NULL, b = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "same", JSVM_AUTO_LENGTH, &null_cb, &a));
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "same", JSVM_AUTO_LENGTH, &null_cb, &b));
    set_global(f.env, "fa", a);
    set_global(f.env, "fb", b);
    JT_ASSERT_JS(f.env, "fa !== fb && fa.name === fb.name && Object.getPrototypeOf(fa) === Function.prototype");
    jt_teardown(&f);
}

/* utf8name is optional and its length is ignored when it is NULL (reference
 * implementation: `if (utf8name != nullptr) ... SetName`); the common call
 * pattern is (env, NULL, JSVM_AUTO_LENGTH, cb, &fn). */
static void create_function_null_name_auto_length(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value fn = NULL, body = make_str(f.env, "return 5;");
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, NULL, JSVM_AUTO_LENGTH, &null_cb, &fn));
    EXPECT_JS(f.env, fn, "(f) => typeof f === 'function' && f.name === '' && f() === undefined");
    fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunctionWithScript(f.env, NULL, JSVM_AUTO_LENGTH, 0, NULL, body, &fn));
    EXPECT_JS(f.env, fn, "(f) => typeof f === 'function' && f() === 5");
    jt_teardown(&f);
}

static void create_function_invalid(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value fn = NULL;
    JSVM_CallbackStruct no_callback = {NULL, NULL};

    EXPECT_STATUS(f.env, OH_JSVM_CreateFunction(f.env, "f", JSVM_AUTO_LENGTH, NULL, &fn), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunction(f.env, "f", JSVM_AUTO_LENGTH, &no_callback, &fn),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunction(f.env, "f", JSVM_AUTO_LENGTH, &null_cb, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(fn == NULL);
    EXPECT_VM_STATUS(OH_JSVM_CreateFunction(NULL, "f", JSVM_AUTO_LENGTH, &null_cb, &fn), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

/* ---- GetCbInfo: argc in/out ---- */

static size_t small_argc_out;
static JSVM_Value small_argv[3];
static int sentinel_obj;
#define SENTINEL ((JSVM_Value)&sentinel_obj)

/* Capacity 2: records the arguments it got in globalThis.got. */
static JSVM_Value Cap2(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value global = NULL, rec = NULL;
    small_argc_out = 2;
    small_argv[0] = small_argv[1] = small_argv[2] = SENTINEL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &small_argc_out, small_argv, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    rec = JT_RUN(env, "(function (...a) { globalThis.got = a; })");
    if (rec && small_argv[0] != SENTINEL && small_argv[1] != SENTINEL)
        CHECK_OK(env, OH_JSVM_CallFunction(env, global, rec, 2, small_argv, NULL));
    return NULL;
}
static JSVM_CallbackStruct cap2_cb = {Cap2, NULL};

static size_t big_argc_out;
/* Capacity 4: records what it got in globalThis.got. */
static JSVM_Value Cap4(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value argv[4] = {SENTINEL, SENTINEL, SENTINEL, SENTINEL};
    JSVM_Value global = NULL, rec = NULL;
    big_argc_out = 4;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &big_argc_out, argv, NULL, NULL));
    for (int i = 0; i < 4; i++)
        EXPECT_TRUE(argv[i] != SENTINEL && argv[i] != NULL);
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    rec = JT_RUN(env, "(function (...a) { globalThis.got = a; })");
    if (rec && argv[0] != SENTINEL && argv[1] != SENTINEL && argv[2] != SENTINEL && argv[3] != SENTINEL)
        CHECK_OK(env, OH_JSVM_CallFunction(env, global, rec, 4, argv, NULL));
    return NULL;
}
static JSVM_CallbackStruct cap4_cb = {Cap4, NULL};

static void cbinfo_argc_capacity(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "cap2", &cap2_cb);
    def_fn(f.env, "cap4", &cap4_cb);

    /* Capacity smaller than the call: argv gets the first 2, *argc = 5. */
    JT_RUN(f.env, "cap2('a', 2, {x: 3}, 4, 5)");
    EXPECT_EQ_INT(small_argc_out, 5);
    EXPECT_TRUE(small_argv[2] == SENTINEL); /* beyond capacity: untouched */
    JT_ASSERT_JS(f.env, "got.length === 2 && got[0] === 'a' && got[1] === 2");

    /* Capacity larger: padding with undefined, *argc = real count. */
    JT_RUN(f.env, "cap4('only', null)");
    EXPECT_EQ_INT(big_argc_out, 2);
    JT_ASSERT_JS(f.env, "got.length === 4 && got[0] === 'only' && got[1] === null &&"
                        " got[2] === undefined && got[3] === undefined");

    /* No arguments at all. */
    JT_RUN(f.env, "cap4()");
    EXPECT_EQ_INT(big_argc_out, 0);
    JT_ASSERT_JS(f.env, "got.length === 4 && got.every((v) => v === undefined)");

    /* Exactly the capacity. */
    JT_RUN(f.env, "cap4(1, 2, 3, 4)");
    EXPECT_EQ_INT(big_argc_out, 4);
    JT_ASSERT_JS(f.env, "got.join() === '1,2,3,4'");

    /* Through CallFunction from C, too. */
    JSVM_Value global = NULL, fn = JT_RUN(f.env, "cap2"), args[3];
    args[0] = make_int(f.env, 7);
    args[1] = make_str(f.env, "s");
    args[2] = make_int(f.env, 9);
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, fn, 3, args, NULL));
    EXPECT_EQ_INT(small_argc_out, 3);
    JT_ASSERT_JS(f.env, "got.length === 2 && got[0] === 7 && got[1] === 's'");
    jt_teardown(&f);
}

/* ---- GetCbInfo: argv NULL, argc only; thisArg; data ---- */

static size_t count_only = 12345;
static JSVM_Status count_only_bad = JSVM_OK;
static JSVM_Value CountOnly(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value v;
    count_only = 100; /* a capacity that must simply be overwritten */
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &count_only, NULL, NULL, NULL));
    /* argv without argc is invalid */
    count_only_bad = OH_JSVM_GetCbInfo(env, info, NULL, &v, NULL, NULL);
    jt_check_last(env, count_only_bad, "GetCbInfo(argc NULL, argv)", __FILE__, __LINE__);
    /* everything optional */
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, NULL, NULL));
    EXPECT_STATUS(env, OH_JSVM_GetCbInfo(env, NULL, &count_only, NULL, NULL, NULL), JSVM_INVALID_ARG);
    return make_int(env, (int32_t)count_only);
}
static JSVM_CallbackStruct count_only_cb = {CountOnly, NULL};

static void cbinfo_argv_null_reports_count(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "count", &count_only_cb);
    JT_ASSERT_JS(f.env, "count(1, 2, 3) === 3");
    EXPECT_EQ_INT(count_only, 3);
    EXPECT_EQ_INT(count_only_bad, JSVM_INVALID_ARG);
    JT_ASSERT_JS(f.env, "count() === 0");
    EXPECT_EQ_INT(count_only, 0);
    JT_ASSERT_JS(f.env, "count(...new Array(20).fill(0)) === 20");
    jt_teardown(&f);
}

static void cbinfo_this(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "retThis", &this_cb);
    JT_ASSERT_JS(f.env, "var o = {f: retThis}; o.f() === o");
    JT_ASSERT_JS(f.env, "var p = {}; retThis.call(p) === p");
    JT_ASSERT_JS(f.env, "var q = {}; retThis.apply(q, [1, 2]) === q");

    /* CallFunction: this = recv. */
    JSVM_Value obj = NULL, global = NULL, r = NULL, fn = JT_RUN(f.env, "retThis");
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &obj));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, obj, fn, 0, NULL, &r));
    set_global(f.env, "recv", obj);
    set_global(f.env, "res", r);
    JT_ASSERT_JS(f.env, "typeof recv === 'object' && res === recv");
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, fn, 0, NULL, &r));
    EXPECT_JS(f.env, r, "(v) => v === globalThis");
    jt_teardown(&f);
}

/* V8 runs API callbacks as sloppy-mode functions: an undefined/null receiver
 * becomes the global object and primitives are boxed, whatever the caller's
 * strictness (what JSVM/Node-API callbacks see in the reference engine). */
static void cbinfo_this_plain_call_is_global(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "retThis", &this_cb);
    JT_ASSERT_JS(f.env, "retThis() === globalThis");
    JT_ASSERT_JS(f.env, "(function () { 'use strict'; return retThis(); })() === globalThis");
    JT_ASSERT_JS(f.env, "retThis.call(null) === globalThis && retThis.call(undefined) === globalThis");
    JT_ASSERT_JS(f.env, "var b = retThis.call(5); typeof b === 'object' && b instanceof Number && b.valueOf() === 5");
    JSVM_Value undef = NULL, r = NULL, fn = JT_RUN(f.env, "retThis");
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, undef, fn, 0, NULL, &r));
    EXPECT_JS(f.env, r, "(v) => v === globalThis");
    jt_teardown(&f);
}

static int data_a = 1, data_b = 2;
static void *seen_data;
static JSVM_Value GetData(JSVM_Env env, JSVM_CallbackInfo info)
{
    seen_data = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, NULL, &seen_data));
    return make_int(env, seen_data == &data_a ? 1 : seen_data == &data_b ? 2 : seen_data == NULL ? 0 : -1);
}
static JSVM_CallbackStruct data_a_cb = {GetData, &data_a};
static JSVM_CallbackStruct data_b_cb = {GetData, &data_b};
static JSVM_CallbackStruct data_none_cb = {GetData, NULL};

static void cbinfo_data(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "da", &data_a_cb);
    def_fn(f.env, "db", &data_b_cb);
    def_fn(f.env, "dn", &data_none_cb);
    JT_ASSERT_JS(f.env, "da() === 1 && db() === 2 && dn() === 0 && da() === 1");
    EXPECT_TRUE(seen_data == &data_a);
    jt_teardown(&f);
}

static void callback_returning_null_is_undefined(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value fn = def_fn(f.env, "nothing", &null_cb), global = NULL, r = NULL;
    JT_ASSERT_JS(f.env, "nothing() === undefined && nothing(1, 2) === undefined");
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, fn, 0, NULL, &r));
    EXPECT_TRUE(r != NULL);
    EXPECT_JS(f.env, r, "(v) => v === undefined");
    jt_teardown(&f);
}

/* ---- GetNewTarget and construct calls ---- */

static int nt_calls, nt_null_calls;
static JSVM_Value NewTargetRec(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value nt = SENTINEL, self = NULL, global = NULL, args[2];
    nt_calls++;
    CHECK_OK(env, OH_JSVM_GetNewTarget(env, info, &nt));
    EXPECT_STATUS(env, OH_JSVM_GetNewTarget(env, info, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetNewTarget(env, NULL, &self), JSVM_INVALID_ARG);
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL));
    if (nt == NULL) {
        nt_null_calls++;
        return NULL;
    }
    EXPECT_TRUE(nt != SENTINEL);
    if (nt == SENTINEL)
        return NULL;
    /* record new.target and this */
    args[0] = nt;
    args[1] = self;
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    JSVM_Value rec = JT_RUN(env, "(function (nt, self) { globalThis.seenNT = nt; globalThis.seenThis = self; })");
    if (rec)
        CHECK_OK(env, OH_JSVM_CallFunction(env, global, rec, 2, args, NULL));
    return NULL;
}
static JSVM_CallbackStruct nt_cb = {NewTargetRec, NULL};

static void new_target_and_construct(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "Ctor", &nt_cb);

    nt_calls = nt_null_calls = 0;
    JT_RUN(f.env, "Ctor()");
    EXPECT_EQ_INT(nt_calls, 1);
    EXPECT_EQ_INT(nt_null_calls, 1);

    JT_ASSERT_JS(f.env, "var inst = new Ctor(); typeof inst === 'object' && inst instanceof Ctor");
    EXPECT_EQ_INT(nt_calls, 2);
    EXPECT_EQ_INT(nt_null_calls, 1);
    JT_ASSERT_JS(f.env, "seenNT === Ctor && seenThis === inst");
    JT_ASSERT_JS(f.env, "Object.getPrototypeOf(inst) === Ctor.prototype");
    JT_ASSERT_JS(f.env, "Ctor.prototype.hello = function () { return 'hi'; }; new Ctor().hello() === 'hi'");

    /* Subclassing from JS: new.target is the derived class. */
    JT_ASSERT_JS(f.env, "class D extends Ctor {}; var d = new D();"
                        " seenNT === D && d instanceof D && d instanceof Ctor && seenThis === d");
    /* Reflect.construct with a different new.target */
    JT_ASSERT_JS(f.env, "function Other() {}; var r = Reflect.construct(Ctor, [], Other);"
                        " seenNT === Other && Object.getPrototypeOf(r) === Other.prototype");
    jt_teardown(&f);
}

/* A constructor that returns a replacement object (and a primitive for n==0). */
static JSVM_Value Replacing(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value arg = NULL;
    int32_t mode = 0;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, NULL));
    if (argc > 0)
        CHECK_OK(env, OH_JSVM_GetValueInt32(env, arg, &mode));
    if (mode == 1)
        return JT_RUN(env, "({replaced: true})");
    if (mode == 2)
        return make_int(env, 42); /* primitive: ignored by new */
    return NULL;
}
static JSVM_CallbackStruct replacing_cb = {Replacing, NULL};

static void native_constructor_return_value(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "Rep", &replacing_cb);
    JT_ASSERT_JS(f.env, "var r1 = new Rep(1); r1.replaced === true && !(r1 instanceof Rep)");
    JT_ASSERT_JS(f.env, "var r2 = new Rep(2); typeof r2 === 'object' && r2 instanceof Rep");
    JT_ASSERT_JS(f.env, "var r0 = new Rep(0); typeof r0 === 'object' && r0 instanceof Rep");
    JT_ASSERT_JS(f.env, "Rep(2) === 42 && Rep(1).replaced === true");
    jt_teardown(&f);
}

/* ---- CallFunction ---- */

static void call_function(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value global = NULL, obj = NULL, r = NULL, args[2];
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &obj));

    /* this = recv (strict function: no boxing) */
    JSVM_Value self = JT_RUN(f.env, "(function () { 'use strict'; return this; })");
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, obj, self, 0, NULL, &r));
    set_global(f.env, "theObj", obj);
    EXPECT_JS(f.env, r, "(v) => v === theObj");
    JSVM_Value undef = NULL;
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    r = NULL;
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, undef, self, 0, NULL, &r));
    EXPECT_JS(f.env, r, "(v) => v === undefined");
    JSVM_Value num = make_int(f.env, 5);
    r = NULL;
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, num, self, 0, NULL, &r));
    EXPECT_JS(f.env, r, "(v) => v === 5");

    /* 0 args with NULL argv */
    JSVM_Value count = JT_RUN(f.env, "(function () { return arguments.length; })");
    int32_t n = -1;
    r = NULL;
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, count, 0, NULL, &r));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 0);

    /* arguments arrive in order */
    JSVM_Value sub = JT_RUN(f.env, "(function (a, b) { return a - b; })");
    args[0] = make_int(f.env, 10);
    args[1] = make_int(f.env, 3);
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, sub, 2, args, &r));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 7);

    /* result optional */
    JSVM_Value side = JT_RUN(f.env, "(function (v) { globalThis.sideEffect = v; return 1; })");
    args[0] = make_str(f.env, "done");
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, side, 1, args, NULL));
    JT_ASSERT_JS(f.env, "sideEffect === 'done'");

    /* many arguments (more than any small inline buffer) */
    JSVM_Value many[20];
    for (int i = 0; i < 20; i++)
        many[i] = make_int(f.env, i);
    JSVM_Value sum = JT_RUN(f.env, "(function (...a) { return a.length * 1000 + a.reduce((x, y) => x + y, 0); })");
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, sum, 20, many, &r));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 20000 + 190);

    /* invalid arguments */
    JSVM_Value before = r;
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, obj, 0, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, num, 0, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, NULL, sub, 0, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, NULL, 0, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, sub, 2, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CallFunction(NULL, global, sub, 0, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_TRUE(r == before);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void call_function_throws(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value global = NULL, r = SENTINEL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    JSVM_Value thrower = JT_RUN(f.env, "(function () { globalThis.ran = true; throw new TypeError('boom'); })");
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, thrower, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == SENTINEL); /* not written on failure */
    EXPECT_TRUE(pending(f.env));
    /* another JS-running call is refused while it is pending */
    JSVM_Status st = JSVM_OK;
    EXPECT_TRUE(jt_run_status(f.env, "1", &st) == NULL);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(pending(f.env));
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof TypeError && e.message === 'boom'"));
    EXPECT_TRUE(!pending(f.env));
    JT_ASSERT_JS(f.env, "ran === true");

    /* thrown primitive */
    JSVM_Value throw7 = JT_RUN(f.env, "(function () { throw 7; })");
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, throw7, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    JSVM_Value e = NULL;
    int32_t n = 0;
    CHECK_OK(f.env, OH_JSVM_GetAndClearLastException(f.env, &e));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, e, &n));
    EXPECT_EQ_INT(n, 7);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void call_function_refused_while_pending(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value global = NULL, r = NULL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    JSVM_Value mark = JT_RUN(f.env, "(function () { globalThis.marked = true; })");
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, mark, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof Error && e.message === 'pending'"));
    JT_ASSERT_JS(f.env, "typeof marked === 'undefined'");
    jt_teardown(&f);
}

/* ---- NewInstance ---- */

static void new_instance(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value r = NULL, args[2];

    JSVM_Value cls = JT_RUN(f.env, "class Point { constructor(x, y) { this.x = x; this.y = y; } }; Point");
    args[0] = make_int(f.env, 3);
    args[1] = make_int(f.env, 4);
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 2, args, &r));
    EXPECT_JS(f.env, r, "(p) => p instanceof Point && p.x === 3 && p.y === 4");

    /* plain JS constructor function, 0 args with NULL argv */
    JSVM_Value fnc = JT_RUN(f.env, "(function Legacy() { this.n = arguments.length; })");
    r = NULL;
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, fnc, 0, NULL, &r));
    EXPECT_JS(f.env, r, "(o) => o.n === 0 && o.constructor.name === 'Legacy'");

    /* native function */
    JSVM_Value native = def_fn(f.env, "NatCtor", &nt_cb);
    nt_calls = nt_null_calls = 0;
    r = NULL;
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, native, 0, NULL, &r));
    EXPECT_EQ_INT(nt_calls, 1);
    EXPECT_EQ_INT(nt_null_calls, 0);
    set_global(f.env, "nat", r);
    JT_ASSERT_JS(f.env, "nat instanceof NatCtor && seenNT === NatCtor && seenThis === nat");

    /* native constructor replacing this */
    JSVM_Value rep = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "Rep", JSVM_AUTO_LENGTH, &replacing_cb, &rep));
    args[0] = make_int(f.env, 1);
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, rep, 1, args, &r));
    EXPECT_JS(f.env, r, "(o) => o.replaced === true");

    /* builtins */
    JSVM_Value date = JT_RUN(f.env, "Date");
    args[0] = make_int(f.env, 0);
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, date, 1, args, &r));
    EXPECT_JS(f.env, r, "(d) => d instanceof Date && d.getTime() === 0");

    /* errors */
    JSVM_Value obj = NULL, before = r;
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &obj));
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, obj, 0, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, NULL, 0, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, cls, 1, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_TRUE(r == before);
    EXPECT_TRUE(!pending(f.env));

    JSVM_Value bad = JT_RUN(f.env, "(class Bad { constructor() { throw new RangeError('no'); } })");
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, bad, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == before);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof RangeError && e.message === 'no'"));

    /* a non-constructor function (arrow): TypeError pending */
    JSVM_Value arrow = JT_RUN(f.env, "(() => 1)");
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, arrow, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof TypeError"));
    jt_teardown(&f);
}

/* ---- CreateFunctionWithScript ---- */

static void function_with_script(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value params[2], body, fn = NULL, global = NULL, r = NULL, args[2];
    int32_t n = 0;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    params[0] = make_str(f.env, "a");
    params[1] = make_str(f.env, "b");
    body = make_str(f.env, "return a + b");
    CHECK_OK(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "add", JSVM_AUTO_LENGTH, 2, params, body, &fn));
    EXPECT_TRUE(fn != NULL);
    args[0] = make_int(f.env, 2);
    args[1] = make_int(f.env, 3);
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, fn, 2, args, &r));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 5);
    EXPECT_JS(f.env, fn, "(f) => typeof f === 'function' && f.name === 'add' && f.length === 2 && f('x', 'y') === 'xy'");
    /* not bound globally */
    JT_ASSERT_JS(f.env, "typeof add === 'undefined'");

    /* explicit name length */
    fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "addition", 3, 2, params, body, &fn));
    EXPECT_JS(f.env, fn, "(f) => f.name === 'add' && f(1, 1) === 2");

    /* no parameters, NULL name; the body sees globals, not the caller's scope */
    JT_RUN(f.env, "var someGlobal = 41;");
    fn = NULL;
    body = make_str(f.env, "return someGlobal + 1;");
    CHECK_OK(f.env, OH_JSVM_CreateFunctionWithScript(f.env, NULL, 0, 0, NULL, body, &fn));
    EXPECT_JS(f.env, fn, "(f) => typeof f === 'function' && f() === 42");

    /* non-string parameter name / body */
    JSVM_Value bad[2] = {params[0], make_int(f.env, 1)}, before = fn;
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "f", JSVM_AUTO_LENGTH, 2, bad, body, &fn),
                  JSVM_STRING_EXPECTED);
    EXPECT_STATUS(f.env,
                  OH_JSVM_CreateFunctionWithScript(f.env, "f", JSVM_AUTO_LENGTH, 1, params, make_int(f.env, 1), &fn),
                  JSVM_STRING_EXPECTED);
    EXPECT_TRUE(fn == before);
    EXPECT_TRUE(!pending(f.env));

    /* NULL arguments */
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "f", JSVM_AUTO_LENGTH, 0, NULL, NULL, &fn),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "f", JSVM_AUTO_LENGTH, 0, NULL, body, NULL),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "f", JSVM_AUTO_LENGTH, 2, NULL, body, &fn),
                  JSVM_INVALID_ARG);

    /* syntax error in the body: GENERIC_FAILURE with a SyntaxError pending */
    JSVM_Value broken = make_str(f.env, "return a +;");
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "f", JSVM_AUTO_LENGTH, 2, params, broken, &fn),
                  JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(fn == before);
    EXPECT_TRUE(pending(f.env));
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof SyntaxError"));
    EXPECT_TRUE(!pending(f.env));

    /* a bad parameter name is a syntax error too */
    JSVM_Value badname = make_str(f.env, "1x");
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "f", JSVM_AUTO_LENGTH, 1, &badname, body, &fn),
                  JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof SyntaxError"));

    /* refused while an exception is pending */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "x"));
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunctionWithScript(f.env, "f", JSVM_AUTO_LENGTH, 2, params, body, &fn),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'x'"));
    jt_teardown(&f);
}

/* ---- nested calls JS -> native -> JS ... ---- */

static int nest_depth, nest_max, nest_throw_at_bottom;
/* nat(n, jsf): 0 if n == 0, else jsf(n, jsf) + 1, where jsf calls nat(n-1, jsf). */
static JSVM_Value Nest(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2] = {NULL, NULL}, global = NULL, r = NULL, out = NULL;
    int32_t n = 0, sub = 0;
    JSVM_Status st;
    nest_depth++;
    if (nest_depth > nest_max)
        nest_max = nest_depth;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, argv[0], &n));
    if (n <= 0) {
        nest_depth--;
        if (nest_throw_at_bottom) {
            CHECK_OK(env, OH_JSVM_ThrowError(env, "BOTTOM", "bottom"));
            return make_int(env, -1000);
        }
        return make_int(env, 0);
    }
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    st = OH_JSVM_CallFunction(env, global, argv[1], 2, argv, &r);
    jt_check_last(env, st, "nested CallFunction", __FILE__, __LINE__);
    nest_depth--;
    if (st != JSVM_OK) {
        EXPECT_EQ_INT(st, nest_throw_at_bottom ? JSVM_PENDING_EXCEPTION : JSVM_OK);
        return NULL; /* propagate */
    }
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, r, &sub));
    CHECK_OK(env, OH_JSVM_CreateInt32(env, sub + 1, &out));
    return out;
}
static JSVM_CallbackStruct nest_cb = {Nest, NULL};

static void nested_calls(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "nat", &nest_cb);
    JT_RUN(f.env, "var jsf = function (n, self) { return 1 + nat(n - 1, self); };");

    nest_depth = nest_max = nest_throw_at_bottom = 0;
    JT_ASSERT_JS(f.env, "nat(10, jsf) === 20");
    EXPECT_EQ_INT(nest_max, 11);
    EXPECT_EQ_INT(nest_depth, 0);

    /* an exception at the bottom unwinds through every level */
    nest_max = 0;
    nest_throw_at_bottom = 1;
    JT_ASSERT_JS(f.env, "var caught; try { nat(10, jsf); caught = 'no'; } catch (e) { caught = e; }"
                        " caught instanceof Error && caught.message === 'bottom' && caught.code === 'BOTTOM'");
    EXPECT_EQ_INT(nest_max, 11);
    EXPECT_EQ_INT(nest_depth, 0);
    EXPECT_TRUE(!pending(f.env));

    /* and from C: CallFunction reports it pending */
    JSVM_Value global = NULL, r = NULL, args[2];
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    JSVM_Value nat = JT_RUN(f.env, "nat");
    args[0] = make_int(f.env, 10);
    args[1] = JT_RUN(f.env, "jsf");
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, nat, 2, args, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'bottom'"));

    nest_throw_at_bottom = 0;
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, nat, 2, args, &r));
    int32_t n = 0;
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 20);
    jt_teardown(&f);
}

/* ---- values created in a callback die with it ---- */

static JSVM_Value Churn(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value v = NULL;
    (void)info;
    for (int i = 0; i < 100000; i++) {
        if (OH_JSVM_CreateObject(env, &v) != JSVM_OK) {
            jt_fail(__FILE__, __LINE__, "CreateObject in Churn");
            return NULL;
        }
        if (i % 4 == 0 && OH_JSVM_CreateStringUtf8(env, "some string value", JSVM_AUTO_LENGTH, &v) != JSVM_OK) {
            jt_fail(__FILE__, __LINE__, "CreateStringUtf8 in Churn");
            return NULL;
        }
    }
    return make_int(env, 100000);
}
static JSVM_CallbackStruct churn_cb = {Churn, NULL};

static void callback_values_released(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "churn", &churn_cb);
    /* warm up (handle-stack chunks are kept at their high-water mark) */
    JT_ASSERT_JS(f.env, "churn() === 100000");
    long before = rss_kb();
    JT_ASSERT_JS(f.env, "var total = 0; for (let i = 0; i < 40; i++) total += churn(); total === 4000000");
    long after = rss_kb();
    EXPECT_TRUE(before > 0 && after > 0);
    /* 4M objects kept alive would be hundreds of MiB. */
    if (after - before > 64 * 1024) {
        char msg[128];
        snprintf(msg, sizeof msg, "RSS grew by %ld KiB over 40 callbacks", after - before);
        jt_fail(__FILE__, __LINE__, msg);
    }
    jt_teardown(&f);
}

JT_MAIN("function",
        JT_TEST(create_function_name),
        JT_TEST(create_function_null_name_auto_length),
        JT_TEST(create_function_invalid),
        JT_TEST(cbinfo_argc_capacity),
        JT_TEST(cbinfo_argv_null_reports_count),
        JT_TEST(cbinfo_this),
        JT_TEST(cbinfo_this_plain_call_is_global),
        JT_TEST(cbinfo_data),
        JT_TEST(callback_returning_null_is_undefined),
        JT_TEST(new_target_and_construct),
        JT_TEST(native_constructor_return_value),
        JT_TEST(call_function),
        JT_TEST(call_function_throws),
        JT_TEST(call_function_refused_while_pending),
        JT_TEST(new_instance),
        JT_TEST(function_with_script),
        JT_TEST(nested_calls),
        JT_TEST(callback_values_released))
