/*
 * test_snapshot.c: startup snapshots (OH_JSVM_CreateSnapshot,
 * OH_JSVM_CreateEnvFromSnapshot, JSVM_CreateVMOptions snapshot fields and
 * JSVM_InitOptions.externalReferences; spec §2.5, §3.7; issue 5).
 *
 * The program is also its own helper process: `test_snapshot --make FILE`
 * builds an env and writes its snapshot to FILE, and `test_snapshot
 * --short-table FILE` tries to restore FILE with too few external
 * references. The tests start it with posix_spawn (never fork without
 * exec: the library holds a Go runtime).
 */
#define _GNU_SOURCE
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"

extern char **environ;

/* ---------------------------------------------------------------- natives */

static int hello_calls;
static JSVM_Value Hello(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    hello_calls++;
    JSVM_Value v = NULL;
    OH_JSVM_CreateStringUtf8(env, "Hello world!", JSVM_AUTO_LENGTH, &v);
    return v;
}

/* count(): increments the int its JSVM_CallbackStruct's data points to:
 * state of the process the function runs in. */
static int counter;
static JSVM_Value Count(JSVM_Env env, JSVM_CallbackInfo info)
{
    void *data = NULL;
    OH_JSVM_GetCbInfo(env, info, NULL, NULL, NULL, &data);
    int *c = data;
    JSVM_Value v = NULL;
    OH_JSVM_CreateInt32(env, ++*c, &v);
    return v;
}

/* new Tagged(t): this.tag = t */
static JSVM_Value TaggedCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value argv[1] = {NULL}, self = NULL;
    OH_JSVM_GetCbInfo(env, info, &argc, argv, &self, NULL);
    OH_JSVM_SetNamedProperty(env, self, "tag", argv[0]);
    return self;
}

/* Tagged.prototype.next(): this.tag + 1 */
static JSVM_Value TaggedNext(JSVM_Env env, JSVM_CallbackInfo info)
{
    JSVM_Value self = NULL, tag = NULL, r = NULL;
    int32_t t = 0;
    OH_JSVM_GetCbInfo(env, info, NULL, NULL, &self, NULL);
    OH_JSVM_GetNamedProperty(env, self, "tag", &tag);
    OH_JSVM_GetValueInt32(env, tag, &t);
    OH_JSVM_CreateInt32(env, t + 1, &r);
    return r;
}

static JSVM_Value Answer(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    JSVM_Value r = NULL;
    OH_JSVM_CreateInt32(env, 42, &r);
    return r;
}

/* A named-property interceptor: every name reads as "<name>!" except the
 * instance's own properties. */
static JSVM_Value Intercept(JSVM_Env env, JSVM_Value name, JSVM_Value thisArg, JSVM_Value data)
{
    (void)thisArg;
    (void)data;
    char buf[64] = "";
    size_t n = 0;
    if (OH_JSVM_GetValueStringUtf8(env, name, buf, sizeof buf - 1, &n) != JSVM_OK || strncmp(buf, "x", 1) != 0)
        return NULL;
    strcat(buf, "!");
    JSVM_Value r = NULL;
    OH_JSVM_CreateStringUtf8(env, buf, JSVM_AUTO_LENGTH, &r);
    return r;
}

/* fail(): throws when the process-wide switch is on (divergence test). */
static int fail_switch;
static JSVM_Value Fail(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)info;
    if (fail_switch)
        OH_JSVM_ThrowError(env, NULL, "switched off");
    return NULL;
}

/* Not in the table at all. */
static JSVM_Value Unlisted(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}

static JSVM_CallbackStruct hello_cb = {Hello, NULL};
static JSVM_CallbackStruct count_cb = {Count, &counter};
static JSVM_CallbackStruct tagged_cb = {TaggedCtor, NULL};
static JSVM_CallbackStruct next_cb = {TaggedNext, NULL};
static JSVM_CallbackStruct fail_cb = {Fail, NULL};
static JSVM_CallbackStruct unlisted_cb = {Unlisted, NULL};
static JSVM_PropertyHandlerConfigurationStruct intercept_cfg = {
    Intercept, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

static intptr_t externals[] = {
    (intptr_t)&hello_cb, (intptr_t)&count_cb, (intptr_t)&tagged_cb, (intptr_t)&next_cb,
    (intptr_t)&fail_cb, (intptr_t)Answer, (intptr_t)Intercept, 0,
};
#define N_EXTERNALS 7

/* ---------------------------------------------------------------- helpers */

static JSVM_VM new_vm(bool for_snapshot, const char *blob, size_t size)
{
    JSVM_CreateVMOptions o;
    memset(&o, 0, sizeof o);
    o.isForSnapshotting = for_snapshot;
    o.snapshotBlobData = blob;
    o.snapshotBlobSize = size;
    JSVM_VM vm = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(&o, &vm), JSVM_OK);
    return vm;
}

static JSVM_Env restore(JSVM_VM vm, size_t index)
{
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnvFromSnapshot(vm, index, &env), JSVM_OK);
    return env;
}

static void destroy(JSVM_VM vm, JSVM_Env env)
{
    if (env)
        EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm), JSVM_OK);
}

/* Runs src in its own handle scope; true if it evaluates to true. */
static bool js_true(JSVM_Env env, const char *src)
{
    JSVM_HandleScope hs = NULL;
    bool b = false;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    JSVM_Value r = JT_RUN(env, src);
    if (r)
        OH_JSVM_GetValueBool(env, r, &b);
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    return b;
}
#define EXPECT_JS_TRUE(env, src)                                          \
    do {                                                                  \
        jt_checks++;                                                      \
        if (!js_true((env), (src)))                                       \
            jt_fail(__FILE__, __LINE__, "JS assertion false: " src);      \
    } while (0)

/* The snapshot of env (the blob lives as long as the process). */
static const char *snap(JSVM_VM vm, size_t n, JSVM_Env *envs, size_t *size)
{
    const char *blob = NULL;
    *size = 0;
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(vm, n, envs, &blob, size), JSVM_OK);
    EXPECT_TRUE(blob != NULL && *size > 0);
    return blob;
}

static JSVM_Value str(JSVM_Env env, const char *s)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, s, JSVM_AUTO_LENGTH, &v));
    return v;
}

/* ------------------------------------------------ the rich set-up (helper) */

/* Scripts and C together build an env that exercises what a snapshot must
 * carry. Checked by check_rich (in any process). */
static JSVM_Env build_rich(JSVM_VM vm)
{
    JSVM_PropertyDescriptor globals[] = {
        {"createHelloString", NULL, &hello_cb, NULL, NULL, NULL, JSVM_DEFAULT},
        {"count", NULL, &count_cb, NULL, NULL, NULL, JSVM_DEFAULT},
    };
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 2, globals, &env), JSVM_OK);
    JSVM_HandleScope hs = NULL;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));

    /* scripts: var/let/const/function/class/closures/getters/symbols/builtins */
    JT_RUN(env,
           "var greeting = 'hi';\n"
           "let lexical = { n: 1 };\n"
           "const PI2 = Math.PI * 2;\n"
           "function add(a, b) { return a + b; }\n"
           "function makeCounter(start) { let c = start; return { next: () => ++c, peek() { return c; } }; }\n"
           "var ctr = makeCounter(10); ctr.next();\n"
           "class Animal { #secret = 'purr'; constructor(n) { this.name = n; } speak() { return this.name + ':' + this.#secret; }\n"
           "  static kind() { return 'animal'; } get upper() { return this.name.toUpperCase(); } }\n"
           "var cat = new Animal('cat');\n"
           "var sym = Symbol.for('app.key'); var symObj = { [sym]: 'by symbol' };\n"
           "var registry = new Map([['a', 1], ['b', { deep: [1, 2, 3] }]]); var tags = new Set(['x', 'y']);\n"
           "Array.prototype.total = function () { return this.reduce((s, v) => s + v, 0); };\n"
           "var frozen = Object.freeze({ k: 'v' });\n"
           "var cyclic = { name: 'root' }; cyclic.self = cyclic;\n"
           "var when = new Date(Date.UTC(2020, 1, 29));\n"
           "var big = 2n ** 70n;\n"
           "var gen = (function* () { yield 1; yield 2; yield 3; })(); gen.next();\n"
           "var re = /ab+c/gi; re.lastIndex = 3;\n"
           "0");

    /* values set from C */
    JSVM_Value global = NULL, cfg = NULL, arr = NULL, fn = NULL, cls = NULL, inst = NULL, v = NULL;
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    CHECK_OK(env, OH_JSVM_CreateObject(env, &cfg));
    CHECK_OK(env, OH_JSVM_CreateInt32(env, 7, &v));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, cfg, "seven", v));
    CHECK_OK(env, OH_JSVM_CreateDouble(env, 2.5, &v));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, cfg, "ratio", v));
    static const char16_t u16[] = {0x4f60, 0x597d, 0xd83d, 0xde00, 0};
    CHECK_OK(env, OH_JSVM_CreateStringUtf16(env, u16, JSVM_AUTO_LENGTH, &v));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, cfg, "u16", v));
    CHECK_OK(env, OH_JSVM_CreateStringLatin1(env, "caf\xe9", 4, &v));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, cfg, "latin1", v));
    uint64_t words[2] = {0x1122334455667788ull, 0x99};
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 2, words, &v));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, cfg, "neg", v));
    CHECK_OK(env, OH_JSVM_CreateArrayWithLength(env, 3, &arr));
    for (int i = 0; i < 3; i++) {
        CHECK_OK(env, OH_JSVM_CreateUint32(env, (uint32_t)(i * 10), &v));
        CHECK_OK(env, OH_JSVM_SetElement(env, arr, (uint32_t)i, v));
    }
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, cfg, "list", arr));
    /* a getter whose struct is not listed, but whose function is */
    static JSVM_CallbackStruct answer_getter = {Answer, NULL};
    JSVM_PropertyDescriptor props[] = {
        {"hidden", NULL, NULL, NULL, NULL, str(env, "not enumerable"), JSVM_WRITABLE},
        {"answer", NULL, NULL, &answer_getter, NULL, NULL, JSVM_ENUMERABLE},
    };
    CHECK_OK(env, OH_JSVM_DefineProperties(env, cfg, 2, props));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "config", cfg));

    /* a native function and a native class, put on the global from C */
    CHECK_OK(env, OH_JSVM_CreateFunction(env, "hello2", JSVM_AUTO_LENGTH, &hello_cb, &fn));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "hello2", fn));
    JSVM_PropertyDescriptor methods[] = {
        {"next", NULL, &next_cb, NULL, NULL, NULL, JSVM_DEFAULT_METHOD},
    };
    CHECK_OK(env, OH_JSVM_DefineClass(env, "Tagged", JSVM_AUTO_LENGTH, &tagged_cb, 1, methods, &cls));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "Tagged", cls));
    CHECK_OK(env, OH_JSVM_CreateInt32(env, 41, &v));
    CHECK_OK(env, OH_JSVM_NewInstance(env, cls, 1, &v, &inst));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "tagged41", inst));
    JSVM_Value icls = NULL;
    CHECK_OK(env, OH_JSVM_DefineClassWithPropertyHandler(env, "Shouter", JSVM_AUTO_LENGTH, &tagged_cb, 0, NULL,
                                                         &intercept_cfg, NULL, &icls));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "Shouter", icls));

    /* bytes written through the data pointer of an ArrayBuffer */
    void *data = NULL;
    JSVM_Value ab = NULL, u8 = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 8, &data, &ab));
    memcpy(data, "\x01\x02\x03\x04\xfa\xfb\xfc\xfd", 8);
    CHECK_OK(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 8, ab, 0, &u8));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "bytes", u8));

    /* a script whose source string is also kept as a value (the restore
     * must then create it in full, not as a stand-in) */
    JSVM_Value kept_src = str(env, "var viaKeptSource = typeof add;"), r0 = NULL;
    JSVM_Script kept_script = NULL;
    CHECK_OK(env, OH_JSVM_CompileScript(env, kept_src, NULL, 0, false, NULL, &kept_script));
    CHECK_OK(env, OH_JSVM_RunScript(env, kept_script, &r0));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "keptSource", kept_src));

    /* a script that uses what C set, and a call into it from C */
    JT_RUN(env, "var derived = config.seven * 6 + config.list.total(); var t42 = new Tagged(41).next();");
    JSVM_Value addfn = NULL, args[2], sum = NULL;
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, global, "add", &addfn));
    CHECK_OK(env, OH_JSVM_CreateInt32(env, 40, &args[0]));
    CHECK_OK(env, OH_JSVM_CreateInt32(env, 2, &args[1]));
    CHECK_OK(env, OH_JSVM_CallFunction(env, global, addfn, 2, args, &sum));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, global, "sumFromC", sum));
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    return env;
}

static void check_rich(JSVM_Env env)
{
    EXPECT_JS_TRUE(env, "createHelloString() === 'Hello world!' && hello2() === 'Hello world!'");
    EXPECT_JS_TRUE(env, "greeting === 'hi' && lexical.n === 1 && PI2 === Math.PI * 2 && add(2, 3) === 5");
    EXPECT_JS_TRUE(env, "ctr.peek() === 11 && ctr.next() === 12 && ctr.peek() === 12");
    EXPECT_JS_TRUE(env, "cat.speak() === 'cat:purr' && Animal.kind() === 'animal' && cat.upper === 'CAT'"
                        " && cat instanceof Animal && new Animal('dog').speak() === 'dog:purr'");
    EXPECT_JS_TRUE(env, "symObj[Symbol.for('app.key')] === 'by symbol' && sym === Symbol.for('app.key')");
    EXPECT_JS_TRUE(env, "registry.get('b').deep.total() === 6 && tags.has('y') && tags.size === 2");
    EXPECT_JS_TRUE(env, "[1, 2, 3].total() === 6 && Object.isFrozen(frozen) && cyclic.self.self === cyclic");
    EXPECT_JS_TRUE(env, "when.toISOString() === '2020-02-29T00:00:00.000Z' && big === 1180591620717411303424n");
    EXPECT_JS_TRUE(env, "gen.next().value === 2 && re.lastIndex === 3 && re.flags === 'gi'");
    EXPECT_JS_TRUE(env, "config.seven === 7 && config.ratio === 2.5 && config.u16 === '\\u4f60\\u597d\\u{1f600}'"
                        " && config.latin1 === 'caf\\u00e9'");
    EXPECT_JS_TRUE(env, "config.neg === -((0x99n << 64n) + 0x1122334455667788n)");
    EXPECT_JS_TRUE(env, "config.list.length === 3 && config.list[2] === 20 && config.hidden === 'not enumerable'"
                        " && !Object.keys(config).includes('hidden') && config.answer === 42");
    EXPECT_JS_TRUE(env, "tagged41.tag === 41 && tagged41.next() === 42 && new Tagged(1).next() === 2"
                        " && tagged41 instanceof Tagged");
    EXPECT_JS_TRUE(env, "new Shouter(0).xyz === 'xyz!'");
    EXPECT_JS_TRUE(env, "bytes.length === 8 && bytes[0] === 1 && bytes[3] === 4 && bytes[7] === 0xfd");
    EXPECT_JS_TRUE(env, "derived === 72 && t42 === 42 && sumFromC === 42");
    EXPECT_JS_TRUE(env, "keptSource === 'var viaKeptSource = typeof add;' && viaKeptSource === 'function'");
    /* functions loaded from the scripts' code caches keep their source text */
    EXPECT_JS_TRUE(env, "add.toString() === 'function add(a, b) { return a + b; }'"
                        " && Animal.prototype.speak.toString().startsWith('speak()')");
}

/* ------------------------------------------------------------------ tests */

/* The snapshot guide's flow: a VM made for snapshotting, an env with a
 * native function, the blob, a VM made from it, createHelloString(). */
static void guide_flow(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_PropertyDescriptor d[] = {{"createHelloString", NULL, &hello_cb, NULL, NULL, NULL, JSVM_DEFAULT}};
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 1, d, &env), JSVM_OK);
    JSVM_EnvScope es = NULL;
    CHECK_OK(env, OH_JSVM_OpenEnvScope(env, &es));
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    CHECK_OK(env, OH_JSVM_CloseEnvScope(env, es));
    destroy(vm, env);

    /* a copy, as read back from a file, freed (scribbled over first) as
     * soon as the VM exists: the library keeps what it needs */
    char *copy = malloc(size);
    memcpy(copy, blob, size);
    JSVM_VM vm2 = new_vm(false, copy, size);
    memset(copy, 0xAA, size);
    free(copy);
    JSVM_Env env2 = restore(vm2, 0);
    EXPECT_JS_TRUE(env2, "createHelloString() === 'Hello world!'");
    destroy(vm2, env2);
}

/* Everything of build_rich, restored in the same process. */
static void rich_in_process(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env env = build_rich(vm);
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    check_rich(env); /* the recording env still works */
    destroy(vm, env);

    JSVM_VM vm2 = new_vm(false, blob, size);
    JSVM_Env env2 = restore(vm2, 0);
    check_rich(env2);
    destroy(vm2, env2);
}

static int spawn_self(const char *mode, const char *file)
{
    char *argv[] = {"/proc/self/exe", (char *)mode, (char *)file, NULL};
    pid_t pid;
    if (posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ) != 0)
        return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(n > 0 ? (size_t)n : 1);
    *size = fread(b, 1, (size_t)n, f);
    fclose(f);
    return b;
}

static char blob_path[64];

static const char *blob_file(void)
{
    if (!blob_path[0])
        snprintf(blob_path, sizeof blob_path, "/tmp/libjsvm-snapshot-%d.bin", (int)getpid());
    return blob_path;
}

/* The blob made by another process (with its own addresses for every
 * native function) restores here; native functions run with this
 * process's data. */
static void cross_process(void)
{
    const char *path = blob_file();
    EXPECT_EQ_INT(spawn_self("--make", path), 0);
    size_t size = 0;
    char *blob = read_file(path, &size);
    EXPECT_TRUE(blob != NULL && size > 0);
    if (!blob)
        return;
    JSVM_VM vm = new_vm(false, blob, size);
    JSVM_Env env = restore(vm, 0);
    check_rich(env);
    int before = counter;
    EXPECT_JS_TRUE(env, "count() === count() - 1");
    EXPECT_EQ_INT(counter, before + 2);
    destroy(vm, env);

    /* too few external references in the restoring process: refused */
    EXPECT_EQ_INT(spawn_self("--short-table", path), 0);
    free(blob);
    unlink(path);
}

/* Envs restored from one context are independent of each other. */
static void restored_envs_are_independent(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &env), JSVM_OK);
    JT_RUN(env, "var n = 0; function bump() { return ++n; } var shared = { list: [] }; bump();");
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    destroy(vm, env);

    JSVM_VM vm2 = new_vm(false, blob, size);
    JSVM_Env a = restore(vm2, 0), b = restore(vm2, 0);
    EXPECT_JS_TRUE(a, "bump() === 2 && bump() === 3 && (shared.list.push('a'), true)");
    EXPECT_JS_TRUE(b, "bump() === 2 && shared.list.length === 0");
    EXPECT_JS_TRUE(a, "n === 3 && shared.list.length === 1");
    /* the VM's own envs are left to DestroyVM */
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(a), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm2), JSVM_OK);
}

/* contexts[i] is context i. */
static void several_contexts(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env envs[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++) {
        EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &envs[i]), JSVM_OK);
        char src[64];
        snprintf(src, sizeof src, "var which = %d; 0", i);
        JT_RUN(envs[i], src);
    }
    JSVM_Env order[2] = {envs[2], envs[0]};
    size_t size = 0;
    const char *blob = snap(vm, 2, order, &size);
    for (int i = 0; i < 3; i++)
        EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(envs[i]), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm), JSVM_OK);

    JSVM_VM vm2 = new_vm(false, blob, size);
    JSVM_Env e0 = restore(vm2, 0), e1 = restore(vm2, 1);
    EXPECT_JS_TRUE(e0, "which === 2");
    EXPECT_JS_TRUE(e1, "which === 0");
    JSVM_Env bad = (JSVM_Env)&bad;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnvFromSnapshot(vm2, 2, &bad), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(bad == NULL);
    /* a plain env in a VM made from a snapshot is a fresh one */
    JSVM_Env plain = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm2, 0, NULL, &plain), JSVM_OK);
    EXPECT_JS_TRUE(plain, "typeof which === 'undefined'");
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(plain), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(e1), JSVM_OK);
    destroy(vm2, e0);

    /* zero contexts: a valid blob with nothing to restore */
    JSVM_VM vm3 = new_vm(true, NULL, 0);
    const char *empty = NULL;
    size = 0;
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(vm3, 0, NULL, &empty, &size), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm3), JSVM_OK);
    JSVM_VM vm4 = new_vm(false, empty, size);
    bad = (JSVM_Env)&bad;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnvFromSnapshot(vm4, 0, &bad), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(bad == NULL);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm4), JSVM_OK);
}

/* A VM made from a snapshot and for snapshotting: its restored envs keep
 * recording, so snapshots stack. */
static void snapshot_of_a_restored_env(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env env = build_rich(vm);
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    destroy(vm, env);

    JSVM_VM vm2 = new_vm(true, blob, size);
    JSVM_Env env2 = restore(vm2, 0);
    JT_RUN(env2, "var layer2 = add(greeting, '!'); ctr.next(); 0");
    JSVM_Value g = NULL, v = NULL;
    CHECK_OK(env2, OH_JSVM_GetGlobal(env2, &g));
    CHECK_OK(env2, OH_JSVM_CreateStringUtf8(env2, "from C, layer 2", JSVM_AUTO_LENGTH, &v));
    CHECK_OK(env2, OH_JSVM_SetNamedProperty(env2, g, "note", v));
    size_t size2 = 0;
    const char *blob2 = snap(vm2, 1, &env2, &size2);
    destroy(vm2, env2);

    JSVM_VM vm3 = new_vm(false, blob2, size2);
    JSVM_Env env3 = restore(vm3, 0);
    EXPECT_JS_TRUE(env3, "layer2 === 'hi!' && note === 'from C, layer 2' && ctr.peek() === 12");
    EXPECT_JS_TRUE(env3, "config.seven === 7 && tagged41.next() === 42 && bytes[7] === 0xfd");
    destroy(vm3, env3);
}

/* Handle scopes, references, retained scripts, a pending exception and
 * queued jobs at snapshot time: the restored env starts clean. */
static void state_at_snapshot_time(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &env), JSVM_OK);
    JSVM_HandleScope outer = NULL, inner = NULL;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &outer));
    JSVM_Value obj = NULL, g = NULL, src = NULL;
    JSVM_Ref ref = NULL;
    JSVM_Script script = NULL;
    CHECK_OK(env, OH_JSVM_CreateObject(env, &obj));
    CHECK_OK(env, OH_JSVM_CreateReference(env, obj, 1, &ref));
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &g));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, g, "kept", obj));
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, "var runs = (typeof runs === 'number' ? runs : 0) + 1; runs", JSVM_AUTO_LENGTH, &src));
    CHECK_OK(env, OH_JSVM_CompileScript(env, src, NULL, 0, false, NULL, &script));
    CHECK_OK(env, OH_JSVM_RetainScript(env, script));
    JSVM_Value r = NULL;
    CHECK_OK(env, OH_JSVM_RunScript(env, script, &r));
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &inner));
    JT_RUN(env, "var settled = 'no'; Promise.resolve(1).then(() => { settled = 'yes'; }); 0");
    CHECK_OK(env, OH_JSVM_ThrowError(env, "E1", "left pending"));
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    /* the recording env is unchanged by the snapshot */
    EXPECT_TRUE(pending(env));
    take_exception(env);
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, inner));
    CHECK_OK(env, OH_JSVM_ReleaseScript(env, script));
    CHECK_OK(env, OH_JSVM_DeleteReference(env, ref));
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, outer));
    destroy(vm, env);

    JSVM_VM vm2 = new_vm(false, blob, size);
    JSVM_Env env2 = restore(vm2, 0);
    EXPECT_TRUE(!pending(env2));
    EXPECT_JS_TRUE(env2, "typeof kept === 'object' && runs === 1 && settled === 'yes'");
    /* the env can open and close scopes from depth 0 as usual */
    JSVM_HandleScope hs = NULL;
    CHECK_OK(env2, OH_JSVM_OpenHandleScope(env2, &hs));
    CHECK_OK(env2, OH_JSVM_CloseHandleScope(env2, hs));
    EXPECT_STATUS(env2, OH_JSVM_CloseHandleScope(env2, hs), JSVM_HANDLE_SCOPE_MISMATCH);
    /* DestroyVM with the restored env still alive: no leak, no abort */
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm2), JSVM_OK);
}

/* Promise jobs under the explicit policy run where the checkpoint was. */
static void microtask_policy_and_checkpoints(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(vm, JSVM_MICROTASK_EXPLICIT), JSVM_OK);
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &env), JSVM_OK);
    JT_RUN(env, "var log = []; Promise.resolve().then(() => log.push('job1')); log.push('sync1'); 0");
    EXPECT_VM_STATUS(OH_JSVM_PerformMicrotaskCheckpoint(vm), JSVM_OK);
    JT_RUN(env, "log.push('sync2'); Promise.resolve().then(() => log.push('job2')); 0");
    EXPECT_VM_STATUS(OH_JSVM_SetMicrotaskPolicy(vm, JSVM_MICROTASK_AUTO), JSVM_OK);
    JT_RUN(env, "log.push('sync3'); 0");
    EXPECT_JS_TRUE(env, "log.join() === 'sync1,job1,sync2,job2,sync3'");
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    destroy(vm, env);

    JSVM_VM vm2 = new_vm(false, blob, size);
    JSVM_Env env2 = restore(vm2, 0);
    EXPECT_JS_TRUE(env2, "log.join() === 'sync1,job1,sync2,job2,sync3'");
    destroy(vm2, env2);
}

/* What cannot be carried to another process makes the env's snapshot
 * fail (the calls themselves work); other envs are not affected. */
static void unreplayable_set_ups(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env clean = NULL, cb = NULL, wrap = NULL, ext = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &clean), JSVM_OK);
    JT_RUN(clean, "var ok = 1; 0");

    /* a callback struct (and function) not in externalReferences */
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &cb), JSVM_OK);
    JSVM_HandleScope hs = NULL;
    CHECK_OK(cb, OH_JSVM_OpenHandleScope(cb, &hs));
    JSVM_Value f = NULL;
    CHECK_OK(cb, OH_JSVM_CreateFunction(cb, "f", JSVM_AUTO_LENGTH, &unlisted_cb, &f));
    CHECK_OK(cb, OH_JSVM_CloseHandleScope(cb, hs));

    /* a native object wrapped from C */
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &wrap), JSVM_OK);
    CHECK_OK(wrap, OH_JSVM_OpenHandleScope(wrap, &hs));
    int *heap = malloc(sizeof *heap);
    JSVM_Value o = NULL;
    CHECK_OK(wrap, OH_JSVM_CreateObject(wrap, &o));
    CHECK_OK(wrap, OH_JSVM_Wrap(wrap, o, heap, NULL, NULL, NULL));
    void *back = NULL;
    CHECK_OK(wrap, OH_JSVM_Unwrap(wrap, o, &back));
    EXPECT_TRUE(back == heap);
    CHECK_OK(wrap, OH_JSVM_CloseHandleScope(wrap, hs));

    /* an external string */
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &ext), JSVM_OK);
    CHECK_OK(ext, OH_JSVM_OpenHandleScope(ext, &hs));
    static char text[] = "external";
    JSVM_Value s = NULL;
    bool copied = false;
    CHECK_OK(ext, OH_JSVM_CreateExternalStringLatin1(ext, text, JSVM_AUTO_LENGTH, NULL, NULL, &s, &copied));
    CHECK_OK(ext, OH_JSVM_CloseHandleScope(ext, hs));

    const char *blob = NULL;
    size_t size = 0;
    JSVM_Env bad[3] = {cb, wrap, ext};
    for (int i = 0; i < 3; i++) {
        JSVM_Env two[2] = {clean, bad[i]};
        EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(vm, 2, two, &blob, &size), JSVM_GENERIC_FAILURE);
    }
    blob = snap(vm, 1, &clean, &size);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(vm), JSVM_OK);
    free(heap);

    JSVM_VM vm2 = new_vm(false, blob, size);
    JSVM_Env env2 = restore(vm2, 0);
    EXPECT_JS_TRUE(env2, "ok === 1");
    destroy(vm2, env2);
}

/* A callback struct that is not listed but whose function is (and whose
 * data is NULL) is rebuilt on restore. */
static void callback_struct_rebuilt_from_its_function(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 0, NULL, &env), JSVM_OK);
    JSVM_CallbackStruct *local = malloc(sizeof *local);
    local->callback = Answer;
    local->data = NULL;
    JSVM_HandleScope hs = NULL;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    JSVM_Value f = NULL, g = NULL;
    CHECK_OK(env, OH_JSVM_CreateFunction(env, "answer", JSVM_AUTO_LENGTH, local, &f));
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &g));
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, g, "answer", f));
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    destroy(vm, env);
    free(local);

    JSVM_VM vm2 = new_vm(false, blob, size);
    JSVM_Env env2 = restore(vm2, 0);
    EXPECT_JS_TRUE(env2, "answer() === 42 && answer.name === 'answer'");
    destroy(vm2, env2);
}

/* Restoring replays the set-up: native functions the set-up called run
 * again (docs/deviations.md), and a replay that does not go as recorded
 * fails cleanly. */
static void replay_runs_callbacks_and_detects_divergence(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_PropertyDescriptor d[] = {
        {"createHelloString", NULL, &hello_cb, NULL, NULL, NULL, JSVM_DEFAULT},
        {"fail", NULL, &fail_cb, NULL, NULL, NULL, JSVM_DEFAULT},
    };
    JSVM_Env env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(vm, 2, d, &env), JSVM_OK);
    int before = hello_calls;
    JT_RUN(env, "var h = createHelloString(); fail(); 0");
    EXPECT_EQ_INT(hello_calls, before + 1);
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    destroy(vm, env);

    JSVM_VM vm2 = new_vm(false, blob, size);
    before = hello_calls;
    JSVM_Env env2 = restore(vm2, 0);
    EXPECT_EQ_INT(hello_calls, before + 1);
    EXPECT_JS_TRUE(env2, "h === 'Hello world!'");
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);

    fail_switch = 1; /* now the set-up script throws where it did not */
    JSVM_Env bad = (JSVM_Env)&bad;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnvFromSnapshot(vm2, 0, &bad), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(bad == NULL);
    fail_switch = 0;
    env2 = restore(vm2, 0);
    EXPECT_JS_TRUE(env2, "h === 'Hello world!'");
    destroy(vm2, env2);
}

static void argument_errors(void)
{
    JSVM_VM plain = new_vm(false, NULL, 0), snapvm = new_vm(true, NULL, 0);
    JSVM_Env env = NULL, other = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(snapvm, 0, NULL, &env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(plain, 0, NULL, &other), JSVM_OK);
    const char *blob = NULL;
    size_t size = 0;
    /* CreateSnapshot */
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(NULL, 1, &env, &blob, &size), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(snapvm, 1, &env, NULL, &size), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(snapvm, 1, &env, &blob, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(snapvm, 1, NULL, &blob, &size), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(snapvm, 1, &other, &blob, &size), JSVM_INVALID_ARG);
    JSVM_Env null_env = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(snapvm, 1, &null_env, &blob, &size), JSVM_INVALID_ARG);
    /* a VM not made for snapshotting */
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(plain, 1, &other, &blob, &size), JSVM_GENERIC_FAILURE);
    EXPECT_VM_STATUS(OH_JSVM_CreateSnapshot(plain, 0, NULL, &blob, &size), JSVM_GENERIC_FAILURE);
    /* CreateEnvFromSnapshot */
    JSVM_Env r = (JSVM_Env)&r;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnvFromSnapshot(NULL, 0, &r), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnvFromSnapshot(plain, 0, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnvFromSnapshot(plain, 0, &r), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(r == NULL);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(other), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(plain), JSVM_OK);
    destroy(snapvm, env);
    /* CreateVM: a size without data, data without a size */
    JSVM_CreateVMOptions o;
    memset(&o, 0, sizeof o);
    JSVM_VM vm = NULL;
    o.snapshotBlobSize = 10;
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(&o, &vm), JSVM_INVALID_ARG);
    o.snapshotBlobSize = 0;
    o.snapshotBlobData = "LJSVMSNP";
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(&o, &vm), JSVM_INVALID_ARG);
}

/* A damaged, truncated, extended or foreign blob is JSVM_INVALID_ARG at
 * CreateVM, never a crash. */
static void damaged_blobs(void)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env env = build_rich(vm);
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    destroy(vm, env);
    char *b = malloc(size + 16);
    JSVM_CreateVMOptions o;
    memset(&o, 0, sizeof o);
    o.snapshotBlobData = b;
    JSVM_VM out = NULL;
    int accepted = 0, tried = 0;
    for (size_t i = 0; i < size; i += (i < 256 ? 1 : 1 + i / 64)) {
        for (int bit = 0; bit < 8; bit += (i < 64 ? 1 : 3)) {
            memcpy(b, blob, size);
            b[i] ^= (char)(1 << bit);
            o.snapshotBlobSize = size;
            tried++;
            if (OH_JSVM_CreateVM(&o, &out) != JSVM_INVALID_ARG)
                accepted++;
        }
    }
    for (size_t n = 0; n < size; n += 1 + n / 8) {
        memcpy(b, blob, size);
        o.snapshotBlobSize = n;
        tried++;
        if (OH_JSVM_CreateVM(&o, &out) != JSVM_INVALID_ARG)
            accepted++;
    }
    memcpy(b, blob, size);
    memset(b + size, 0, 16);
    o.snapshotBlobSize = size + 1;
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(&o, &out), JSVM_INVALID_ARG);
    memset(b, 'x', size);
    o.snapshotBlobSize = size;
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(&o, &out), JSVM_INVALID_ARG);
    EXPECT_EQ_INT(accepted, 0);
    EXPECT_TRUE(tried > 500);
    free(b);
}

/* ------------------------------------------------------------------ main */

static int make_blob(const char *path)
{
    JSVM_VM vm = new_vm(true, NULL, 0);
    JSVM_Env env = build_rich(vm);
    size_t size = 0;
    const char *blob = snap(vm, 1, &env, &size);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(blob, 1, size, f) != size)
        return 2;
    fclose(f);
    destroy(vm, env);
    return jt_failures ? 1 : 0;
}

int main(int argc, char **argv)
{
    JSVM_InitOptions init;
    memset(&init, 0, sizeof init);
    init.externalReferences = externals;
    if (argc == 3 && strcmp(argv[1], "--short-table") == 0) {
        /* the same functions, but only the first of them registered */
        static intptr_t one[] = {(intptr_t)&hello_cb, 0};
        init.externalReferences = one;
        if (OH_JSVM_Init(&init) != JSVM_OK)
            return 2;
        size_t size = 0;
        char *blob = read_file(argv[2], &size);
        JSVM_CreateVMOptions o;
        memset(&o, 0, sizeof o);
        o.snapshotBlobData = blob;
        o.snapshotBlobSize = size;
        JSVM_VM vm = NULL;
        return OH_JSVM_CreateVM(&o, &vm) == JSVM_INVALID_ARG ? 0 : 1;
    }
    if (OH_JSVM_Init(&init) != JSVM_OK)
        return 2;
    if (argc == 3 && strcmp(argv[1], "--make") == 0)
        return make_blob(argv[2]);
    static const jt_test tests[] = {
        JT_TEST(guide_flow),
        JT_TEST(rich_in_process),
        JT_TEST(cross_process),
        JT_TEST(restored_envs_are_independent),
        JT_TEST(several_contexts),
        JT_TEST(snapshot_of_a_restored_env),
        JT_TEST(state_at_snapshot_time),
        JT_TEST(microtask_policy_and_checkpoints),
        JT_TEST(unreplayable_set_ups),
        JT_TEST(callback_struct_rebuilt_from_its_function),
        JT_TEST(replay_runs_callbacks_and_detects_divergence),
        JT_TEST(argument_errors),
        JT_TEST(damaged_blobs),
    };
    (void)N_EXTERNALS;
    return jt_main("test_snapshot", tests, sizeof tests / sizeof tests[0]);
}
