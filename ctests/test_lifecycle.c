/*
 * test_lifecycle.c: VMs, envs, VM/env scopes, version, teardown robustness,
 * external memory, memory pressure, microtask policy and the message loop
 * (spec 2.3, 3.1-3.3, 3.26, 3.27, 3.32).
 *
 * The teardown tests leave things behind on purpose (open handle scopes, a
 * pending exception, a retained script, envs never destroyed). QuickJS
 * asserts on leaked objects when a runtime is freed, so a library that does
 * not release them kills this process: reaching the "passed" line is part of
 * what those tests check.
 */
#include "common.h"

/* ---- helpers ---- */

/* A VM with its VM scope open. */
static JSVM_VM open_vm(JSVM_VMScope *vs)
{
    JSVM_VM vm = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(NULL, &vm), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(vm, vs), JSVM_OK);
    return vm;
}

static void close_vm(JSVM_VM vm, JSVM_VMScope vs)
{
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(vm, vs), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm), JSVM_OK);
}

/* An env of vm with env scope and handle scope open. */
static JSVM_Env open_env(JSVM_VM vm, size_t n, const JSVM_PropertyDescriptor *d,
                         JSVM_EnvScope *es, JSVM_HandleScope *hs)
{
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, n, d, &env), JSVM_OK);
    CHECK_OK(env, OH_JSVM_OpenEnvScope(env, es));
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, hs));
    return env;
}

static void close_env(JSVM_Env env, JSVM_EnvScope es, JSVM_HandleScope hs)
{
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    CHECK_OK(env, OH_JSVM_CloseEnvScope(env, es));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);
}

/* ---- VM lifecycle ---- */

static void create_vm_args(void)
{
    JSVM_VM vm = NULL, vm2 = NULL;
    JSVM_CreateVMOptions opts;

    jt_init();
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(NULL, NULL), JSVM_INVALID_ARG);
    memset(&opts, 0, sizeof opts);
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(&opts, NULL), JSVM_INVALID_ARG);

    /* NULL options: defaults. */
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(NULL, &vm), JSVM_OK);
    EXPECT_TRUE(vm != NULL);
    /* All-zero options are the defaults too. */
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(&opts, &vm2), JSVM_OK);
    EXPECT_TRUE(vm2 != NULL && vm2 != vm);

    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm2), JSVM_OK);
}

/* A VM that never got an env or a scope can be destroyed. */
static void destroy_unused_vm(void)
{
    JSVM_VM vm = NULL;
    jt_init();
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(NULL, &vm), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm), JSVM_OK);
}

static void get_vm(void)
{
    jt_fixture f;
    JSVM_VM got = NULL;
    jt_setup(&f);
    CHECK_OK(f.env, OH_JSVM_GetVM(f.env, &got));
    EXPECT_TRUE(got == f.vm);
    EXPECT_VM_STATUS(OH_JSVM_GetVM(NULL, &got), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetVM(f.env, NULL), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

/* ---- env creation: bad arguments ---- */

static JSVM_Value Noop(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct noop_cb = {Noop, NULL};

static void create_env_args(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_Env env = NULL;

    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(NULL, 0, NULL, &env), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, NULL), JSVM_INVALID_ARG);
    /* propertyCount > 0 needs a descriptor array. */
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 1, NULL, &env), JSVM_INVALID_ARG);
    /* outputs are only written on success */
    EXPECT_TRUE(env == NULL);

    /* count 0 with a non-NULL array is fine: nothing is installed. */
    JSVM_PropertyDescriptor d[] = {{"notInstalled", NULL, &noop_cb, NULL, NULL, NULL, JSVM_DEFAULT}};
    JSVM_EnvScope es;
    JSVM_HandleScope hs;
    env = open_env(vm, 0, d, &es, &hs);
    JT_ASSERT_JS(env, "typeof notInstalled === 'undefined'");
    close_env(env, es, hs);

    close_vm(vm, vs);
}

/* ---- env creation: descriptors on the global object ---- */

static double stored;      /* what the "counter" setter stored */
static int method_calls;
static void *method_data;

/* add(a, b) = a + b; records its JSVM_CallbackStruct.data. */
static JSVM_Value Add(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2], out = NULL;
    double a = 0, b = 0;
    void *data = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, NULL, &data));
    EXPECT_EQ_INT(argc, 2);
    CHECK_OK(env, OH_JSVM_GetValueDouble(env, argv[0], &a));
    CHECK_OK(env, OH_JSVM_GetValueDouble(env, argv[1], &b));
    CHECK_OK(env, OH_JSVM_CreateDouble(env, a + b, &out));
    method_calls++;
    method_data = data;
    return out;
}

static JSVM_Value CounterGet(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value out = NULL;
    (void)info;
    CHECK_OK(env, OH_JSVM_CreateDouble(env, stored, &out));
    return out;
}

static JSVM_Value CounterSet(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value v;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &v, NULL, NULL));
    EXPECT_EQ_INT(argc, 1);
    CHECK_OK(env, OH_JSVM_GetValueDouble(env, v, &stored));
    return NULL;
}

static int add_tag;
static JSVM_CallbackStruct add_cb = {Add, &add_tag};
static JSVM_CallbackStruct get_cb = {CounterGet, NULL};
static JSVM_CallbackStruct set_cb = {CounterSet, NULL};

/* Descriptor kinds: method, accessor pair, getter only, value; JSVM_STATIC
 * skipped. The value entries need JSVM_Values before the env exists, so
 * they come from a helper env of the same VM (primitives only). */
static void create_env_descriptors(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_EnvScope hes, es;
    JSVM_HandleScope hhs, hs;
    JSVM_Env helper = open_env(vm, 0, NULL, &hes, &hhs);
    JSVM_Value answer = NULL, greeting = NULL;
    CHECK_OK(helper, OH_JSVM_CreateInt32(helper, 42, &answer));
    CHECK_OK(helper, OH_JSVM_CreateStringUtf8(helper, "hello", JSVM_AUTO_LENGTH, &greeting));

    JSVM_PropertyDescriptor d[] = {
        {"add", NULL, &add_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {"counter", NULL, NULL, &get_cb, &set_cb, NULL, JSVM_DEFAULT},
        {"readOnlyCounter", NULL, NULL, &get_cb, NULL, NULL, JSVM_ENUMERABLE},
        {"answer", NULL, NULL, NULL, NULL, answer, JSVM_DEFAULT},
        {"greeting", NULL, NULL, NULL, NULL, greeting, JSVM_DEFAULT_JSPROPERTY},
        {"writeOnly", NULL, NULL, NULL, &set_cb, NULL, JSVM_DEFAULT},
        /* precedence: accessor over method over value */
        {"methodOverValue", NULL, &add_cb, NULL, NULL, answer, JSVM_DEFAULT},
        {"accessorOverMethod", NULL, &noop_cb, &get_cb, NULL, NULL, JSVM_DEFAULT},
        {"staticMethod", NULL, &noop_cb, NULL, NULL, NULL, JSVM_STATIC | JSVM_DEFAULT_METHOD},
        {"staticValue", NULL, NULL, NULL, NULL, answer, JSVM_STATIC},
    };
    JSVM_Env env = open_env(vm, sizeof d / sizeof d[0], d, &es, &hs);

    /* method: callable, named, gets its data pointer */
    method_calls = 0;
    method_data = NULL;
    JT_ASSERT_JS(env, "typeof add === 'function' && add.name === 'add' && add(40, 2) === 42");
    EXPECT_EQ_INT(method_calls, 1);
    EXPECT_TRUE(method_data == &add_tag);

    /* getter/setter pair: the setter stores into C, the getter reads it back */
    stored = 1;
    JT_ASSERT_JS(env, "counter === 1");
    JT_ASSERT_JS(env, "counter = 5; counter === 5");
    EXPECT_TRUE(stored == 5);
    stored = -3.5;
    JT_ASSERT_JS(env, "counter === -3.5");
    JT_ASSERT_JS(env,
                 "(() => { const d = Object.getOwnPropertyDescriptor(globalThis, 'counter');"
                 " return typeof d.get === 'function' && typeof d.set === 'function' && !('value' in d); })()");

    /* getter without setter: strict-mode assignment throws, value unchanged */
    JT_ASSERT_JS(env, "readOnlyCounter === -3.5");
    JT_ASSERT_JS(env,
                 "(() => { 'use strict'; try { readOnlyCounter = 1; return false; }"
                 " catch (e) { return e instanceof TypeError; } })() && readOnlyCounter === -3.5");
    EXPECT_TRUE(stored == -3.5);

    /* setter without getter: reads give undefined, writes reach C */
    JT_ASSERT_JS(env, "writeOnly === undefined");
    JT_ASSERT_JS(env, "writeOnly = 8; writeOnly === undefined");
    EXPECT_TRUE(stored == 8);

    /* value entries */
    JT_ASSERT_JS(env, "answer === 42 && greeting === 'hello'");

    /* which part of a descriptor wins */
    JT_ASSERT_JS(env, "typeof methodOverValue === 'function' && methodOverValue(1, 1) === 2");
    JT_ASSERT_JS(env, "accessorOverMethod === 8 &&"
                      " typeof Object.getOwnPropertyDescriptor(globalThis, 'accessorOverMethod').get === 'function'");

    /* JSVM_STATIC entries are skipped */
    JT_ASSERT_JS(env, "!('staticMethod' in globalThis) && !('staticValue' in globalThis)");

    close_env(env, es, hs);
    close_env(helper, hes, hhs);
    close_vm(vm, vs);
}

/* Attributes are honoured for every descriptor kind (checked with
 * Object.getOwnPropertyDescriptor, and by trying to break them). */
static void create_env_attributes(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_EnvScope hes, es;
    JSVM_HandleScope hhs, hs;
    JSVM_Env helper = open_env(vm, 0, NULL, &hes, &hhs);
    JSVM_Value one = NULL;
    CHECK_OK(helper, OH_JSVM_CreateInt32(helper, 1, &one));

    JSVM_PropertyDescriptor d[] = {
        {"vNone", NULL, NULL, NULL, NULL, one, JSVM_DEFAULT},
        {"vW", NULL, NULL, NULL, NULL, one, JSVM_WRITABLE},
        {"vE", NULL, NULL, NULL, NULL, one, JSVM_ENUMERABLE},
        {"vC", NULL, NULL, NULL, NULL, one, JSVM_CONFIGURABLE},
        {"vAll", NULL, NULL, NULL, NULL, one, JSVM_DEFAULT_JSPROPERTY},
        {"mNone", NULL, &noop_cb, NULL, NULL, NULL, JSVM_DEFAULT},
        {"mDefault", NULL, &noop_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
        {"aNone", NULL, NULL, &get_cb, &set_cb, NULL, JSVM_DEFAULT},
        {"aEC", NULL, NULL, &get_cb, &set_cb, NULL, JSVM_ENUMERABLE | JSVM_CONFIGURABLE},
    };
    JSVM_Env env = open_env(vm, sizeof d / sizeof d[0], d, &es, &hs);

    JT_RUN(env,
           "globalThis.attrs = (k) => { const d = Object.getOwnPropertyDescriptor(globalThis, k);"
           " return (d.writable ? 'w' : '-') + (d.enumerable ? 'e' : '-') + (d.configurable ? 'c' : '-'); }");
    JT_ASSERT_JS(env, "attrs('vNone') === '---'");
    JT_ASSERT_JS(env, "attrs('vW') === 'w--'");
    JT_ASSERT_JS(env, "attrs('vE') === '-e-'");
    JT_ASSERT_JS(env, "attrs('vC') === '--c'");
    JT_ASSERT_JS(env, "attrs('vAll') === 'wec'");
    JT_ASSERT_JS(env, "attrs('mNone') === '---' && typeof mNone === 'function'");
    JT_ASSERT_JS(env, "attrs('mDefault') === 'w-c'");
    /* accessors have no writable bit */
    JT_ASSERT_JS(env, "attrs('aNone') === '---' && !('writable' in Object.getOwnPropertyDescriptor(globalThis, 'aNone'))");
    JT_ASSERT_JS(env, "attrs('aEC') === '-ec'");

    /* the attributes are enforced, not just reported */
    JT_ASSERT_JS(env, "vNone = 2; vNone === 1");
    JT_ASSERT_JS(env, "vW = 2; vW === 2");
    JT_ASSERT_JS(env, "!delete globalThis.vNone && 'vNone' in globalThis");
    JT_ASSERT_JS(env, "delete globalThis.vC && !('vC' in globalThis)");
    JT_ASSERT_JS(env, "Object.keys(globalThis).includes('vE') && !Object.keys(globalThis).includes('vW')");
    JT_ASSERT_JS(env, "!delete globalThis.aNone && delete globalThis.aEC");

    close_env(env, es, hs);
    close_env(helper, hes, hhs);
    close_vm(vm, vs);
}

/* ---- several envs, several VMs ---- */

static void several_envs_one_vm(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_EnvScope es1, es2, es3;
    JSVM_HandleScope hs1, hs2, hs3;
    JSVM_PropertyDescriptor d[] = {{"add", NULL, &add_cb, NULL, NULL, NULL, JSVM_DEFAULT}};
    JSVM_Env e1 = open_env(vm, 1, d, &es1, &hs1);
    JSVM_Env e2 = open_env(vm, 0, NULL, &es2, &hs2);
    JSVM_VM got = NULL;

    EXPECT_TRUE(e1 != e2);
    CHECK_OK(e2, OH_JSVM_GetVM(e2, &got));
    EXPECT_TRUE(got == vm);

    /* separate global objects */
    JT_RUN(e1, "globalThis.mine = 'e1'");
    JT_RUN(e2, "globalThis.mine = 'e2'");
    JT_ASSERT_JS(e1, "mine === 'e1' && add(1, 2) === 3");
    JT_ASSERT_JS(e2, "mine === 'e2' && typeof add === 'undefined'");
    /* separate intrinsics: a prototype change in one env is invisible in the other */
    JT_RUN(e1, "Array.prototype.marker = 1");
    JT_ASSERT_JS(e2, "[].marker === undefined");

    /* destroying one env leaves the others working, whatever the order */
    close_env(e1, es1, hs1);
    JT_ASSERT_JS(e2, "mine === 'e2'");
    JSVM_Env e3 = open_env(vm, 0, NULL, &es3, &hs3);
    JT_ASSERT_JS(e3, "typeof mine === 'undefined'");
    close_env(e2, es2, hs2);
    JT_ASSERT_JS(e3, "[1, 2, 3].length === 3");
    close_env(e3, es3, hs3);
    close_vm(vm, vs);
}

static void several_vms(void)
{
    JSVM_VMScope vs1, vs2;
    JSVM_EnvScope es1, es2;
    JSVM_HandleScope hs1, hs2;
    JSVM_VM vm1 = open_vm(&vs1);
    JSVM_Env e1 = open_env(vm1, 0, NULL, &es1, &hs1);
    JSVM_VM vm2 = open_vm(&vs2);
    JSVM_Env e2 = open_env(vm2, 0, NULL, &es2, &hs2);
    JSVM_VM got = NULL;

    EXPECT_TRUE(vm1 != vm2);
    CHECK_OK(e2, OH_JSVM_GetVM(e2, &got));
    EXPECT_TRUE(got == vm2);
    CHECK_OK(e1, OH_JSVM_GetVM(e1, &got));
    EXPECT_TRUE(got == vm1);

    JT_RUN(e1, "globalThis.who = 'vm1'");
    JT_RUN(e2, "globalThis.who = 'vm2'");
    JT_ASSERT_JS(e1, "who === 'vm1'");
    JT_ASSERT_JS(e2, "who === 'vm2'");

    /* Destroy the first VM first (not LIFO across VMs): the second lives on. */
    close_env(e1, es1, hs1);
    close_vm(vm1, vs1);
    JT_ASSERT_JS(e2, "who === 'vm2' && JSON.stringify({a: [1]}) === '{\"a\":[1]}'");
    close_env(e2, es2, hs2);
    close_vm(vm2, vs2);
}

/* ---- VM and env scopes ---- */

static void scope_null_args(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_Env env = NULL;
    JSVM_VMScope vs2 = NULL;
    JSVM_EnvScope es = NULL;

    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(NULL, &vs2), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(vm, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(NULL, vs), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(vm, NULL), JSVM_INVALID_ARG);

    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_OpenEnvScope(NULL, &es), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_OpenEnvScope(env, NULL), JSVM_INVALID_ARG);
    CHECK_OK(env, OH_JSVM_OpenEnvScope(env, &es));
    EXPECT_TRUE(es != NULL);
    EXPECT_VM_STATUS(OH_JSVM_CloseEnvScope(NULL, es), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CloseEnvScope(env, NULL), JSVM_INVALID_ARG);
    CHECK_OK(env, OH_JSVM_CloseEnvScope(env, es));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);

    close_vm(vm, vs);
}

/* Nested VM and env scopes (LIFO) work, and the env runs JS inside them. */
static void nested_vm_env_scopes(void)
{
    JSVM_VMScope vs1, vs2;
    JSVM_VM vm = open_vm(&vs1);
    JSVM_Env env = NULL;
    JSVM_EnvScope es1, es2;
    JSVM_HandleScope hs;

    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(vm, &vs2), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &env), JSVM_OK);
    CHECK_OK(env, OH_JSVM_OpenEnvScope(env, &es1));
    CHECK_OK(env, OH_JSVM_OpenEnvScope(env, &es2));
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    JT_ASSERT_JS(env, "6 * 7 === 42");
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    CHECK_OK(env, OH_JSVM_CloseEnvScope(env, es2));
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    JT_ASSERT_JS(env, "'still' + ' works' === 'still works'");
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    CHECK_OK(env, OH_JSVM_CloseEnvScope(env, es1));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(vm, vs2), JSVM_OK);
    close_vm(vm, vs1);
}

static void get_version(void)
{
    jt_fixture f;
    uint32_t v = 0;
    jt_setup(&f);
    CHECK_OK(f.env, OH_JSVM_GetVersion(f.env, &v));
    EXPECT_EQ_INT(v, 9);
    EXPECT_VM_STATUS(OH_JSVM_GetVersion(NULL, &v), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetVersion(f.env, NULL), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

/* The env-kind functions of this file do not run JS, so they work while an
 * exception is pending and leave it pending (spec 2.2). */
static void env_functions_with_pending_exception(void)
{
    jt_fixture f;
    JSVM_VM got = NULL;
    JSVM_EnvScope es;
    uint32_t version = 0;
    int64_t total = -1;
    bool pending = false;
    JSVM_Value exc = NULL;
    jt_setup(&f);
    JSVM_Value message_of = JT_RUN(f.env, "(e) => e.message");

    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "still pending"));
    CHECK_OK(f.env, OH_JSVM_GetVM(f.env, &got));
    EXPECT_TRUE(got == f.vm);
    CHECK_OK(f.env, OH_JSVM_GetVersion(f.env, &version));
    EXPECT_EQ_INT(version, 9);
    CHECK_OK(f.env, OH_JSVM_AdjustExternalMemory(f.env, 4096, &total));
    EXPECT_EQ_INT(total, 4096);
    CHECK_OK(f.env, OH_JSVM_MemoryPressureNotification(f.env, JSVM_MEMORY_PRESSURE_LEVEL_LOW_MEMORY));
    CHECK_OK(f.env, OH_JSVM_OpenEnvScope(f.env, &es));
    CHECK_OK(f.env, OH_JSVM_CloseEnvScope(f.env, es));

    CHECK_OK(f.env, OH_JSVM_IsExceptionPending(f.env, &pending));
    EXPECT_TRUE(pending);
    CHECK_OK(f.env, OH_JSVM_GetAndClearLastException(f.env, &exc));
    JSVM_Value global = NULL, msg = NULL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, message_of, 1, &exc, &msg));
    EXPECT_STREQ(jt_str(f.env, msg), "still pending");
    jt_teardown(&f);
}

/* ---- teardown robustness ---- */

/* DestroyEnv with nested handle scopes (plain and escapable) still open,
 * holding objects, closures and a cycle. */
static void destroy_env_with_open_handle_scopes(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_EnvScope es;
    JSVM_HandleScope hs, inner;
    JSVM_EscapableHandleScope esc;
    JSVM_Env env = open_env(vm, 0, NULL, &es, &hs);
    JSVM_Value v = NULL;

    CHECK_OK(env, OH_JSVM_CreateObject(env, &v));
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &inner));
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, "left behind", JSVM_AUTO_LENGTH, &v));
    JT_RUN(env, "const o = {}; o.self = o; o.f = () => o; o");
    CHECK_OK(env, OH_JSVM_OpenEscapableHandleScope(env, &esc));
    for (int i = 0; i < 600; i++) /* more than two handle chunks */
        CHECK_OK(env, OH_JSVM_CreateObject(env, &v));
    JT_RUN(env, "[1, 2, 3].map(x => ({x}))");

    /* the env scope is left open too, as after an early return */
    (void)es;
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);
    close_vm(vm, vs);
}

/* DestroyEnv with an exception pending (never fetched). */
static void destroy_env_with_pending_exception(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_EnvScope es;
    JSVM_HandleScope hs;
    JSVM_Env env = open_env(vm, 0, NULL, &es, &hs);
    JSVM_Status st;
    bool pending = false;

    /* the exception object holds a graph with a cycle */
    jt_run_status(env, "const big = {arr: new Array(1000).fill({})}; big.self = big;"
                       " const e = new Error('never caught'); e.big = big; throw e", &st);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &pending));
    EXPECT_TRUE(pending);

    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    CHECK_OK(env, OH_JSVM_CloseEnvScope(env, es));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);

    /* the same with an exception thrown from C */
    env = open_env(vm, 0, NULL, &es, &hs);
    CHECK_OK(env, OH_JSVM_ThrowRangeError(env, "CODE", "thrown from C"));
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &pending));
    EXPECT_TRUE(pending);
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    CHECK_OK(env, OH_JSVM_CloseEnvScope(env, es));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);

    close_vm(vm, vs);
}

/* DestroyEnv with a retained script never released. */
static void destroy_env_with_retained_script(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_EnvScope es;
    JSVM_HandleScope hs, inner;
    JSVM_Env env = open_env(vm, 0, NULL, &es, &hs);
    JSVM_Value src = NULL, r = NULL;
    JSVM_Script script = NULL;
    int32_t n = 0;

    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &inner));
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, "const holder = {}; holder.me = holder; (globalThis.runs = (globalThis.runs | 0) + 1)",
                                           JSVM_AUTO_LENGTH, &src));
    CHECK_OK(env, OH_JSVM_CompileScript(env, src, NULL, 0, false, NULL, &script));
    CHECK_OK(env, OH_JSVM_RetainScript(env, script));
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, inner));
    /* still usable after its scope closed, then forgotten */
    CHECK_OK(env, OH_JSVM_RunScript(env, script, &r));
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, r, &n));
    EXPECT_EQ_INT(n, 1);

    close_env(env, es, hs);
    close_vm(vm, vs);
}

static JSVM_Value MakeCycle(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value o = NULL;
    (void)info;
    CHECK_OK(env, OH_JSVM_CreateObject(env, &o));
    return o;
}
static JSVM_CallbackStruct make_cb = {MakeCycle, NULL};

/* DestroyVM with envs never destroyed: one tidy (scopes closed), one with a
 * handle scope, a retained script and a pending exception left, and native
 * functions caught in reference cycles. */
static void destroy_vm_with_live_envs(void)
{
    JSVM_VMScope vs;
    JSVM_VM vm = open_vm(&vs);
    JSVM_EnvScope es1, es2;
    JSVM_HandleScope hs1, hs2;
    JSVM_PropertyDescriptor d[] = {{"make", NULL, &make_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD}};
    JSVM_Env e1 = open_env(vm, 1, d, &es1, &hs1);
    JSVM_Env e2 = open_env(vm, 1, d, &es2, &hs2);
    JSVM_Value src = NULL;
    JSVM_Script script = NULL;
    JSVM_Status st;

    JT_RUN(e1, "globalThis.keep = make(); keep.fn = make; make.back = keep; keep.self = keep; 1");
    CHECK_OK(e1, OH_JSVM_CloseHandleScope(e1, hs1));
    CHECK_OK(e1, OH_JSVM_CloseEnvScope(e1, es1));

    JT_RUN(e2, "globalThis.p = Promise.resolve(make()); globalThis.m = new Map([[make, make()]]); 1");
    CHECK_OK(e2, OH_JSVM_CreateStringUtf8(e2, "keep = 1", JSVM_AUTO_LENGTH, &src));
    CHECK_OK(e2, OH_JSVM_CompileScript(e2, src, NULL, 0, false, NULL, &script));
    CHECK_OK(e2, OH_JSVM_RetainScript(e2, script));
    jt_run_status(e2, "throw {cyclic: make}", &st);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    (void)hs2; /* e2's handle scope and env scope stay open */

    close_vm(vm, vs);
}

/* ---- external memory, memory pressure ---- */

static void adjust_external_memory(void)
{
    jt_fixture f;
    int64_t total = -1;
    jt_setup(&f);
    CHECK_OK(f.env, OH_JSVM_AdjustExternalMemory(f.env, 1024 * 1024, &total));
    EXPECT_EQ_INT(total, 1048576);
    CHECK_OK(f.env, OH_JSVM_AdjustExternalMemory(f.env, 1024 * 1024, &total));
    EXPECT_EQ_INT(total, 2 * 1048576);
    CHECK_OK(f.env, OH_JSVM_AdjustExternalMemory(f.env, -2 * 1024 * 1024, &total));
    EXPECT_EQ_INT(total, 0);
    /* 0 is a query */
    CHECK_OK(f.env, OH_JSVM_AdjustExternalMemory(f.env, 0, &total));
    EXPECT_EQ_INT(total, 0);
    EXPECT_STATUS(f.env, OH_JSVM_AdjustExternalMemory(f.env, 1, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_AdjustExternalMemory(NULL, 1, &total), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

static void memory_pressure(void)
{
    jt_fixture f;
    jt_setup(&f);
    for (int level = JSVM_MEMORY_PRESSURE_LEVEL_NONE; level <= JSVM_MEMORY_PRESSURE_LEVEL_LOW_MEMORY; level++)
        CHECK_OK(f.env, OH_JSVM_MemoryPressureNotification(f.env, (JSVM_MemoryPressureLevel)level));
    EXPECT_STATUS(f.env, OH_JSVM_MemoryPressureNotification(f.env, (JSVM_MemoryPressureLevel)4), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_MemoryPressureNotification(f.env, (JSVM_MemoryPressureLevel)-1), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_MemoryPressureNotification(NULL, JSVM_MEMORY_PRESSURE_LEVEL_NONE), JSVM_INVALID_ARG);
    /* the env is unharmed */
    JT_ASSERT_JS(f.env, "[3, 1, 2].sort().join() === '1,2,3'");
    jt_teardown(&f);
}

/* LOW_MEMORY forces an immediate full GC (spec 3.27): an unreachable cycle
 * is collected, observed through a WeakRef. */
static void memory_pressure_low_memory_collects(void)
{
    jt_fixture f;
    jt_setup(&f);
    JT_RUN(f.env, "(() => { const a = {}; a.self = a; globalThis.wr = new WeakRef(a); })(); 1");
    CHECK_OK(f.env, OH_JSVM_MemoryPressureNotification(f.env, JSVM_MEMORY_PRESSURE_LEVEL_LOW_MEMORY));
    JT_ASSERT_JS(f.env, "wr.deref() === undefined");
    jt_teardown(&f);
}

/* ---- microtasks and the message loop ---- */

static void pump_message_loop(void)
{
    jt_fixture f;
    bool ran = true;
    jt_setup(&f);
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(NULL, &ran), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(f.vm, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_PumpMessageLoop(f.vm, &ran), JSVM_OK);
    EXPECT_TRUE(ran == false);
    jt_teardown(&f);
}

static void microtask_policy(void)
{
    jt_fixture f;
    jt_setup(&f);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(NULL, JSVM_MICROTASK_AUTO), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, (JSVM_MicrotaskPolicy)2), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, (JSVM_MicrotaskPolicy)-1), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(NULL), JSVM_INVALID_ARG);

    /* AUTO (default): jobs run when the script returns */
    JT_RUN(f.env, "globalThis.log = []; Promise.resolve().then(() => log.push('auto')); 1");
    JT_ASSERT_JS(f.env, "log.join() === 'auto'");

    /* EXPLICIT: jobs wait for PerformMicrotaskCheckpoint */
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
    JT_RUN(f.env, "log = []; Promise.resolve().then(() => log.push('explicit')); 1");
    JT_ASSERT_JS(f.env, "log.length === 0");
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
    JT_ASSERT_JS(f.env, "log.join() === 'explicit'");

    /* an invalid policy leaves the current one in place */
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, (JSVM_MicrotaskPolicy)7), JSVM_INVALID_ARG);
    JT_RUN(f.env, "log = []; Promise.resolve().then(() => log.push('still explicit')); 1");
    JT_ASSERT_JS(f.env, "log.length === 0");
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(f.vm), JSVM_OK);
    JT_ASSERT_JS(f.env, "log.join() === 'still explicit'");

    /* back to AUTO */
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(f.vm, JSVM_MICROTASK_AUTO), JSVM_OK);
    JT_RUN(f.env, "log = []; Promise.resolve().then(() => log.push('auto again')); 1");
    JT_ASSERT_JS(f.env, "log.join() === 'auto again'");
    jt_teardown(&f);
}

static JSVM_Value CallArg(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value fn = NULL, global = NULL, r = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &fn, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    CHECK_OK(env, OH_JSVM_CallFunction(env, global, fn, 0, NULL, &r));
    return r;
}
static JSVM_CallbackStruct call_arg_cb = {CallArg, NULL};

/* AUTO runs microtasks when the outermost call returns, not when a nested
 * OH_JSVM_CallFunction made from a native callback returns. */
static void microtasks_auto_wait_for_outermost_call(void)
{
    JSVM_PropertyDescriptor d[] = {{"callArg", NULL, &call_arg_cb, NULL, NULL, NULL, JSVM_DEFAULT}};
    jt_fixture f;
    jt_setup_with(&f, 1, d);
    JT_RUN(f.env,
           "globalThis.log = [];"
           " callArg(() => { Promise.resolve().then(() => log.push('job')); log.push('inner'); });"
           " log.push('after'); 1");
    JT_ASSERT_JS(f.env, "log.join() === 'inner,after,job'");

    /* a top-level OH_JSVM_CallFunction is an outermost call */
    JSVM_Value fn = JT_RUN(f.env, "() => { log = []; Promise.resolve().then(() => log.push('job')); }");
    JSVM_Value global = NULL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, fn, 0, NULL, NULL));
    JT_ASSERT_JS(f.env, "log.join() === 'job'");
    jt_teardown(&f);
}

JT_MAIN("lifecycle",
        JT_TEST(create_vm_args),
        JT_TEST(destroy_unused_vm),
        JT_TEST(get_vm),
        JT_TEST(create_env_args),
        JT_TEST(create_env_descriptors),
        JT_TEST(create_env_attributes),
        JT_TEST(several_envs_one_vm),
        JT_TEST(several_vms),
        JT_TEST(scope_null_args),
        JT_TEST(nested_vm_env_scopes),
        JT_TEST(get_version),
        JT_TEST(env_functions_with_pending_exception),
        JT_TEST(destroy_env_with_open_handle_scopes),
        JT_TEST(destroy_env_with_pending_exception),
        JT_TEST(destroy_env_with_retained_script),
        JT_TEST(destroy_vm_with_live_envs),
        JT_TEST(adjust_external_memory),
        JT_TEST(memory_pressure),
        JT_TEST(memory_pressure_low_memory_collects),
        JT_TEST(pump_message_loop),
        JT_TEST(microtask_policy),
        JT_TEST(microtasks_auto_wait_for_outermost_call))
