/*
 * test_buffer.c: ArrayBuffers, backing stores, external memory, TypedArrays
 * and DataViews (spec §3.19).
 *
 * Aliasing is checked both ways on every kind of pointer the API hands out:
 * bytes written through the pointer are seen by JavaScript, and bytes
 * written by JavaScript are seen through the pointer. Caller-owned memory is
 * surrounded by canaries and freed by the test itself at the end, so the
 * library freeing it (double free) or writing past it is caught.
 */
#define _GNU_SOURCE
/* OH_JSVM_CreateArrayBufferFromExternalMemory is declared only with this */
#define JSVM_EXPERIMENTAL
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

static bool same_value(JSVM_Env env, JSVM_Value a, JSVM_Value b)
{
    JSVM_Value args[2] = {a, b};
    JSVM_Value r = call_js(env, "(function (a, b) { return a === b; })", 2, args);
    bool ok = false;
    return r && OH_JSVM_GetValueBool(env, r, &ok) == JSVM_OK && ok;
}

static bool is(JSVM_Env env, JSVM_Status (*f)(JSVM_Env, JSVM_Value, bool *), JSVM_Value v)
{
    bool b = false;
    CHECK_OK(env, f(env, v, &b));
    return b;
}

/* Takes the pending exception and checks it with pred. */
static bool exception_is(JSVM_Env env, const char *pred)
{
    return pending(env) && js_check(env, pred, take_exception(env));
}

static void gc(JSVM_Env env)
{
    CHECK_OK(env, OH_JSVM_MemoryPressureNotification(env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
}

/* ------------------------------------------------------------------ */
/* CreateArraybuffer / GetArraybufferInfo / IsArraybuffer              */

static void create_arraybuffer_aliasing(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    void *data = NULL, *data2 = NULL;
    size_t len = 0;
    JSVM_Value ab = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 16, &data, &ab));
    EXPECT_TRUE(data != NULL);
    uint8_t *b = data;
    int zero = 1;
    for (int i = 0; i < 16; i++)
        zero &= b[i] == 0;
    EXPECT_TRUE(zero);
    EXPECT_JS(env, ab, "(ab) => ab instanceof ArrayBuffer && ab.byteLength === 16 &&"
                       " new Uint8Array(ab).every((x) => x === 0)");
    /* C -> JS */
    b[0] = 0x11;
    b[15] = 0xff;
    EXPECT_JS(env, ab, "(ab) => { const u = new Uint8Array(ab); return u[0] === 0x11 && u[15] === 0xff; }");
    /* JS -> C */
    CALL_JS(env, "(function (ab) { new Uint8Array(ab)[3] = 0x42; new DataView(ab).setUint32(4, 0xdeadbeef); })", 1,
            &ab);
    EXPECT_EQ_INT(b[3], 0x42);
    EXPECT_TRUE(b[4] == 0xde && b[5] == 0xad && b[6] == 0xbe && b[7] == 0xef);
    /* GetArraybufferInfo gives the same memory */
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &data2, &len));
    EXPECT_TRUE(data2 == data);
    EXPECT_EQ_INT(len, 16);
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, NULL, &len));
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &data2, NULL));
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, NULL, NULL));
    EXPECT_TRUE(is(env, OH_JSVM_IsArraybuffer, ab));

    /* data is optional */
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 8, NULL, &ab));
    EXPECT_JS(env, ab, "(ab) => ab.byteLength === 8");

    /* zero length */
    data = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 0, &data, &ab));
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, NULL, &len));
    EXPECT_EQ_INT(len, 0);
    EXPECT_JS(env, ab, "(ab) => ab.byteLength === 0");

    /* 1 MiB, written from C, read by JS */
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 1 << 20, &data, &ab));
    memset(data, 7, 1 << 20);
    ((uint8_t *)data)[(1 << 20) - 1] = 9;
    EXPECT_JS(env, ab, "(ab) => { const u = new Uint8Array(ab); return u.length === 1048576 && u[0] === 7 &&"
                       " u[524288] === 7 && u[1048575] === 9; }");

    /* a buffer made in JS aliases too, including a resized one */
    ab = JT_RUN(env, "globalThis.jsab = new ArrayBuffer(4, { maxByteLength: 64 }); jsab");
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &data, &len));
    EXPECT_EQ_INT(len, 4);
    JT_RUN(env, "jsab.resize(40); new Uint8Array(jsab)[39] = 5;");
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &data, &len));
    EXPECT_EQ_INT(len, 40);
    EXPECT_EQ_INT(((uint8_t *)data)[39], 5);
    jt_teardown(&f);
}

static void create_arraybuffer_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value ab = NULL;
    void *data = (void *)1;
    /* beyond what QuickJS can hold: RangeError pending */
    EXPECT_STATUS(env, OH_JSVM_CreateArraybuffer(env, (size_t)INT32_MAX + 1, &data, &ab), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));
    EXPECT_STATUS(env, OH_JSVM_CreateArraybuffer(env, SIZE_MAX, &data, &ab), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));
    EXPECT_TRUE(ab == NULL && data == (void *)1);
    EXPECT_STATUS(env, OH_JSVM_CreateArraybuffer(env, 8, &data, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateArraybuffer(NULL, 8, &data, &ab), JSVM_INVALID_ARG);

    /* not ArrayBuffers (a SharedArrayBuffer is not one, as in V8) */
    const char *not_ab[] = {"new Uint8Array(4)", "new DataView(new ArrayBuffer(4))", "new SharedArrayBuffer(4)",
                            "({ byteLength: 4 })", "4", "null", "ArrayBuffer.prototype"};
    for (size_t i = 0; i < sizeof not_ab / sizeof not_ab[0]; i++) {
        JSVM_Value v = JT_RUN(env, not_ab[i]);
        size_t len = 99;
        EXPECT_TRUE(!is(env, OH_JSVM_IsArraybuffer, v));
        EXPECT_STATUS(env, OH_JSVM_GetArraybufferInfo(env, v, &data, &len), JSVM_INVALID_ARG);
        EXPECT_EQ_INT(len, 99);
    }
    bool b;
    EXPECT_STATUS(env, OH_JSVM_GetArraybufferInfo(env, NULL, &data, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_IsArraybuffer(env, NULL, &b), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_IsArraybuffer(env, JT_RUN(env, "1"), NULL), JSVM_INVALID_ARG);

    /* CreateArraybuffer runs JS (refused while an exception is pending) */
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_STATUS(env, OH_JSVM_CreateArraybuffer(env, 8, &data, &ab), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateArraybuffer(env, 8, &data, NULL), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e.message === 'pending'"));
    jt_teardown(&f);
}

/* ------------------------------------------------------------------ */
/* Detach                                                              */

static void detach_makes_views_empty(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    void *data = NULL;
    JSVM_Value ab = NULL, i32 = NULL, dv = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 32, &data, &ab));
    CHECK_OK(env, OH_JSVM_CreateTypedarray(env, JSVM_INT32_ARRAY, 4, ab, 8, &i32));
    CHECK_OK(env, OH_JSVM_CreateDataview(env, 8, ab, 4, &dv));
    set_global(env, "ab", ab);
    set_global(env, "i32", i32);
    set_global(env, "dv", dv);
    JT_RUN(env, "globalThis.u8 = new Uint8Array(ab); globalThis.f64 = new Float64Array(ab, 8, 2);");
    EXPECT_TRUE(!is(env, OH_JSVM_IsDetachedArraybuffer, ab));

    CHECK_OK(env, OH_JSVM_DetachArraybuffer(env, ab));
    EXPECT_TRUE(is(env, OH_JSVM_IsDetachedArraybuffer, ab));
    EXPECT_TRUE(is(env, OH_JSVM_IsArraybuffer, ab));
    void *p = (void *)1;
    size_t len = 99;
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &p, &len));
    EXPECT_TRUE(p == NULL && len == 0);

    JSVM_TypedarrayType type = JSVM_UINT8_ARRAY;
    size_t off = 99;
    JSVM_Value buf = NULL;
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, i32, &type, &len, &p, &buf, &off));
    EXPECT_TRUE(type == JSVM_INT32_ARRAY && len == 0 && p == NULL && off == 0);
    EXPECT_TRUE(same_value(env, buf, ab));
    JSVM_Value u8 = JT_RUN(env, "u8");
    len = 99;
    p = (void *)1;
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, u8, NULL, &len, &p, NULL, NULL));
    EXPECT_TRUE(len == 0 && p == NULL);
    len = 99;
    off = 99;
    p = (void *)1;
    buf = NULL;
    CHECK_OK(env, OH_JSVM_GetDataviewInfo(env, dv, &len, &p, &buf, &off));
    EXPECT_TRUE(len == 0 && p == NULL && off == 0);
    EXPECT_TRUE(same_value(env, buf, ab));

    /* and JS agrees */
    JT_ASSERT_JS(env, "ab.byteLength === 0 && ab.detached === true && u8.length === 0 && i32.length === 0 &&"
                      " f64.length === 0 && i32.byteOffset === 0 && u8[0] === undefined");
    JT_ASSERT_JS(env, "(() => { try { dv.byteLength; return false; } catch (e) { return e instanceof TypeError; } })()");

    /* detaching again is allowed */
    CHECK_OK(env, OH_JSVM_DetachArraybuffer(env, ab));
    EXPECT_TRUE(is(env, OH_JSVM_IsDetachedArraybuffer, ab));
    EXPECT_TRUE(!pending(env));

    /* a buffer transferred away in JS reports detached */
    JSVM_Value old = JT_RUN(env, "globalThis.t0 = new ArrayBuffer(8); globalThis.t1 = t0.transfer(); t0");
    EXPECT_TRUE(is(env, OH_JSVM_IsDetachedArraybuffer, old));
    EXPECT_TRUE(!is(env, OH_JSVM_IsDetachedArraybuffer, JT_RUN(env, "t1")));
    jt_teardown(&f);
}

static void detach_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    const char *not_ab[] = {"new Uint8Array(4)", "new SharedArrayBuffer(4)", "({})", "4", "undefined",
                            "new DataView(new ArrayBuffer(1))"};
    for (size_t i = 0; i < sizeof not_ab / sizeof not_ab[0]; i++) {
        JSVM_Value v = JT_RUN(env, not_ab[i]);
        EXPECT_STATUS(env, OH_JSVM_DetachArraybuffer(env, v), JSVM_ARRAYBUFFER_EXPECTED);
        EXPECT_TRUE(!is(env, OH_JSVM_IsDetachedArraybuffer, v));
    }
    /* an immutable ArrayBuffer cannot be detached */
    JSVM_Value imm = JT_RUN(env, "globalThis.imm = new ArrayBuffer(8).transferToImmutable(); imm");
    EXPECT_STATUS(env, OH_JSVM_DetachArraybuffer(env, imm), JSVM_DETACHABLE_ARRAYBUFFER_EXPECTED);
    EXPECT_TRUE(!is(env, OH_JSVM_IsDetachedArraybuffer, imm));
    JT_ASSERT_JS(env, "imm.byteLength === 8");
    EXPECT_STATUS(env, OH_JSVM_DetachArraybuffer(env, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_DetachArraybuffer(NULL, imm), JSVM_INVALID_ARG);
    bool b;
    EXPECT_STATUS(env, OH_JSVM_IsDetachedArraybuffer(env, NULL, &b), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_IsDetachedArraybuffer(env, imm, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ------------------------------------------------------------------ */
/* backing stores: caller memory, never freed by the library           */

#define CANARY 0xC5

static void backing_store_alloc_free(void)
{
    void *p = NULL;
    EXPECT_VM_STATUS(OH_JSVM_AllocateArrayBufferBackingStoreData(64, JSVM_ZERO_INITIALIZED, &p), JSVM_OK);
    EXPECT_TRUE(p != NULL);
    int zero = 1;
    for (int i = 0; i < 64; i++)
        zero &= ((uint8_t *)p)[i] == 0;
    EXPECT_TRUE(zero);
    memset(p, 1, 64);
    EXPECT_VM_STATUS(OH_JSVM_FreeArrayBufferBackingStoreData(p), JSVM_OK);
    p = NULL;
    EXPECT_VM_STATUS(OH_JSVM_AllocateArrayBufferBackingStoreData(64, JSVM_UNINITIALIZED, &p), JSVM_OK);
    EXPECT_TRUE(p != NULL);
    memset(p, 1, 64);
    EXPECT_VM_STATUS(OH_JSVM_FreeArrayBufferBackingStoreData(p), JSVM_OK);
    p = NULL;
    EXPECT_VM_STATUS(OH_JSVM_AllocateArrayBufferBackingStoreData(0, JSVM_ZERO_INITIALIZED, &p), JSVM_OK);
    EXPECT_TRUE(p != NULL);
    EXPECT_VM_STATUS(OH_JSVM_FreeArrayBufferBackingStoreData(p), JSVM_OK);
    p = (void *)1;
    EXPECT_VM_STATUS(OH_JSVM_AllocateArrayBufferBackingStoreData(SIZE_MAX, JSVM_UNINITIALIZED, &p),
                     JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(p == (void *)1);
    EXPECT_VM_STATUS(OH_JSVM_AllocateArrayBufferBackingStoreData(8, JSVM_ZERO_INITIALIZED, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_FreeArrayBufferBackingStoreData(NULL), JSVM_INVALID_ARG);
}

static void backing_store_buffer(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    /* [16 canary][64 store][16 canary]; the buffer is store[8..40) */
    uint8_t *mem = NULL;
    EXPECT_VM_STATUS(OH_JSVM_AllocateArrayBufferBackingStoreData(96, JSVM_UNINITIALIZED, (void **)&mem), JSVM_OK);
    memset(mem, CANARY, 96);
    uint8_t *store = mem + 16;
    memset(store, 0, 64);
    JSVM_HandleScope hs;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    JSVM_Value ab = NULL;
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 8, 32, &ab));
    EXPECT_TRUE(is(env, OH_JSVM_IsArraybuffer, ab));
    void *data = NULL;
    size_t len = 0;
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &data, &len));
    EXPECT_TRUE(data == store + 8);
    EXPECT_EQ_INT(len, 32);
    /* C -> JS, JS -> C, without a copy */
    store[8] = 0x5a;
    store[39] = 0xa5;
    EXPECT_JS(env, ab, "(ab) => { const u = new Uint8Array(ab); return ab.byteLength === 32 && u[0] === 0x5a &&"
                       " u[31] === 0xa5; }");
    CALL_JS(env, "(function (ab) { new Uint8Array(ab).fill(0xee, 1, 31); })", 1, &ab);
    int ok = store[9] == 0xee && store[38] == 0xee && store[8] == 0x5a && store[39] == 0xa5;
    for (int i = 0; i < 8; i++)
        ok &= store[i] == 0 && store[40 + i] == 0;
    EXPECT_TRUE(ok);
    /* a second buffer over the same store sees the same bytes */
    JSVM_Value ab2 = NULL;
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 0, 64, &ab2));
    EXPECT_JS(env, ab2, "(ab) => new Uint8Array(ab)[9] === 0xee && ab.byteLength === 64");
    /* views work over it */
    JSVM_Value ta = NULL;
    CHECK_OK(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT16_ARRAY, 4, ab, 2, &ta));
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, NULL, &data, NULL, NULL));
    EXPECT_TRUE(data == store + 10);

    /* transfer() copies out of caller memory instead of moving or
     * reallocating it; the original is detached */
    set_global(env, "ext", ab2);
    JT_ASSERT_JS(env, "(() => { const t = ext.transfer(100); const u = new Uint8Array(t);"
                      " u[9] = 1; return ext.detached && t.byteLength === 100 && u[10] === 0xee && u[99] === 0; })()");
    EXPECT_EQ_INT(store[9], 0xee);
    JT_ASSERT_JS(env, "(() => { const a = new ArrayBuffer(4); const t = a.transfer(8);"
                      " return a.detached && t.byteLength === 8; })()");
    /* detaching does not free it either */
    CHECK_OK(env, OH_JSVM_DetachArraybuffer(env, ab));
    EXPECT_TRUE(is(env, OH_JSVM_IsDetachedArraybuffer, ab));
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    gc(env);
    /* more buffers, dropped without detaching and collected */
    for (int i = 0; i < 10; i++) {
        CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
        CHECK_OK(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, (size_t)i, 16, &ab));
        CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    }
    gc(env);
    /* one still alive at env teardown */
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 0, 8, &ab));
    JT_RUN(env, "globalThis.keep = []");
    jt_teardown(&f);
    /* the memory is still ours: canaries intact, the store still writable */
    ok = 1;
    for (int i = 0; i < 16; i++)
        ok &= mem[i] == CANARY && mem[80 + i] == CANARY;
    EXPECT_TRUE(ok);
    EXPECT_EQ_INT(store[9], 0xee);
    memset(store, 0, 64);
    EXPECT_VM_STATUS(OH_JSVM_FreeArrayBufferBackingStoreData(mem), JSVM_OK);
}

static void backing_store_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    static uint8_t store[64];
    JSVM_Value ab = NULL;
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 8, 57, &ab), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 65, 1, &ab), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, SIZE_MAX, 2, &ab),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 2, SIZE_MAX, &ab),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 0, 0, &ab), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 0, 0, 0, &ab), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, NULL, 64, 0, 8, &ab), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 0, 8, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateArrayBufferFromBackingStoreData(NULL, store, 64, 0, 8, &ab), JSVM_INVALID_ARG);
    EXPECT_TRUE(ab == NULL && !pending(env));
    /* exactly the whole store */
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 56, 8, &ab));
    EXPECT_JS(env, ab, "(ab) => ab.byteLength === 8");
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 0, 8, &ab),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromBackingStoreData(env, store, 64, 0, 0, &ab),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e.message === 'pending'"));
    jt_teardown(&f);
}

/* ------------------------------------------------------------------ */
/* external memory (experimental)                                      */

static int ext_calls;
static JSVM_Env ext_env;
static void *ext_data, *ext_hint;
static bool ext_copied;

static void ext_fin(JSVM_Env env, void *data, void *hint, bool copied)
{
    ext_calls++;
    ext_env = env;
    ext_data = data;
    ext_hint = hint;
    ext_copied = copied;
}

static void ext_reset(void)
{
    ext_calls = 0;
    ext_env = (JSVM_Env)1;
    ext_data = ext_hint = NULL;
    ext_copied = true;
}

static void external_memory(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    uint8_t *mem = aligned_alloc(8, 64);
    memset(mem, 3, 64);
    int hint;
    ext_reset();
    JSVM_HandleScope hs;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    JSVM_Value ab = NULL;
    bool copied = true;
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 64, ext_fin, &hint, &copied, &ab));
    EXPECT_TRUE(!copied);
    void *data = NULL;
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &data, NULL));
    EXPECT_TRUE(data == mem);
    mem[1] = 0x77;
    EXPECT_JS(env, ab, "(ab) => { const u = new Uint8Array(ab); return ab.byteLength === 64 && u[0] === 3 &&"
                       " u[1] === 0x77; }");
    CALL_JS(env, "(function (ab) { new Uint8Array(ab)[63] = 0x99; })", 1, &ab);
    EXPECT_EQ_INT(mem[63], 0x99);
    gc(env);
    EXPECT_EQ_INT(ext_calls, 0); /* still referenced by the scope */
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    gc(env);
    /* collected: the finalizer ran once, from the queue, as documented */
    EXPECT_EQ_INT(ext_calls, 1);
    EXPECT_TRUE(ext_env == NULL && ext_data == mem && ext_hint == &hint && !ext_copied);
    gc(env);
    EXPECT_EQ_INT(ext_calls, 1);

    /* detach releases it at once; collection does not call again */
    ext_reset();
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 64, ext_fin, NULL, NULL, &ab));
    CHECK_OK(env, OH_JSVM_DetachArraybuffer(env, ab));
    EXPECT_EQ_INT(ext_calls, 1);
    EXPECT_TRUE(ext_data == mem);
    EXPECT_TRUE(is(env, OH_JSVM_IsDetachedArraybuffer, ab));
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    gc(env);
    EXPECT_EQ_INT(ext_calls, 1);

    /* transfer() in JS copies, detaches the original and releases it once */
    ext_reset();
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 64, ext_fin, NULL, NULL, &ab));
    set_global(env, "extab", ab);
    JT_ASSERT_JS(env, "(() => { const t = extab.transferToImmutable(); return extab.detached &&"
                      " t.byteLength === 64 && new Uint8Array(t)[63] === 0x99; })()");
    EXPECT_EQ_INT(ext_calls, 1);
    JT_RUN(env, "delete globalThis.extab");
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    gc(env);
    EXPECT_EQ_INT(ext_calls, 1);

    /* a buffer alive at env teardown is released by DestroyEnv, once */
    ext_reset();
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 64, ext_fin, NULL, NULL, &ab));
    set_global(env, "kept", ab);
    jt_teardown(&f);
    EXPECT_EQ_INT(ext_calls, 1);
    EXPECT_TRUE(ext_data == mem);
    free(mem);
}

static void external_memory_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    uint8_t *mem = aligned_alloc(8, 64);
    JSVM_Value ab = NULL;
    bool copied = true;
    ext_reset();
    /* 8-byte alignment */
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem + 1, 8, ext_fin, NULL, &copied, &ab),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem + 4, 8, NULL, NULL, &copied, &ab),
                  JSVM_INVALID_ARG);
    /* NULL data only with length 0; a finalizer needs a length */
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, NULL, 8, NULL, NULL, &copied, &ab),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 0, ext_fin, NULL, &copied, &ab),
                  JSVM_INVALID_ARG);
    /* beyond QuickJS's maximum */
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, (size_t)INT32_MAX + 1, NULL, NULL,
                                                                   &copied, &ab),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 8, ext_fin, NULL, &copied, NULL),
                  JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateArrayBufferFromExternalMemory(NULL, mem, 8, ext_fin, NULL, &copied, &ab),
                     JSVM_INVALID_ARG);
    EXPECT_TRUE(ab == NULL && copied && ext_calls == 0 && !pending(env));
    /* empty buffers */
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, NULL, 0, NULL, NULL, &copied, &ab));
    EXPECT_JS(env, ab, "(ab) => ab instanceof ArrayBuffer && ab.byteLength === 0");
    CHECK_OK(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 0, NULL, NULL, NULL, &ab));
    EXPECT_JS(env, ab, "(ab) => ab.byteLength === 0");
    /* refused while an exception is pending; no finalizer */
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem, 8, ext_fin, NULL, &copied, &ab),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateArrayBufferFromExternalMemory(env, mem + 1, 8, ext_fin, NULL, &copied, &ab),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e.message === 'pending'"));
    jt_teardown(&f);
    EXPECT_EQ_INT(ext_calls, 0);
    free(mem);
}

/* ------------------------------------------------------------------ */
/* typed arrays                                                        */

static const struct {
    JSVM_TypedarrayType type;
    size_t size;
    const char *ctor;
    /* element 0 written from C, as JS must read it */
    const char *js_value;
    /* element 1 as JS writes it */
    const char *js_write;
} ta_types[] = {
    {JSVM_INT8_ARRAY, 1, "Int8Array", "-1", "-128"},
    {JSVM_UINT8_ARRAY, 1, "Uint8Array", "200", "255"},
    {JSVM_UINT8_CLAMPED_ARRAY, 1, "Uint8ClampedArray", "255", "300"},
    {JSVM_INT16_ARRAY, 2, "Int16Array", "-300", "-32768"},
    {JSVM_UINT16_ARRAY, 2, "Uint16Array", "60000", "65535"},
    {JSVM_INT32_ARRAY, 4, "Int32Array", "-70000", "-2147483648"},
    {JSVM_UINT32_ARRAY, 4, "Uint32Array", "4000000000", "4294967295"},
    {JSVM_FLOAT32_ARRAY, 4, "Float32Array", "1.5", "-0.25"},
    {JSVM_FLOAT64_ARRAY, 8, "Float64Array", "2.25", "1e300"},
    {JSVM_BIGINT64_ARRAY, 8, "BigInt64Array", "-(2n ** 40n)", "-(2n ** 63n)"},
    {JSVM_BIGUINT64_ARRAY, 8, "BigUint64Array", "2n ** 63n", "2n ** 64n - 1n"},
};
#define N_TA (sizeof ta_types / sizeof ta_types[0])

/* Writes element 0 of type t at p, and checks element 1 as JS wrote it. */
static void c_write_elem0(size_t t, void *p)
{
    switch (ta_types[t].type) {
    case JSVM_INT8_ARRAY: *(int8_t *)p = -1; break;
    case JSVM_UINT8_ARRAY: *(uint8_t *)p = 200; break;
    case JSVM_UINT8_CLAMPED_ARRAY: *(uint8_t *)p = 255; break;
    case JSVM_INT16_ARRAY: *(int16_t *)p = -300; break;
    case JSVM_UINT16_ARRAY: *(uint16_t *)p = 60000; break;
    case JSVM_INT32_ARRAY: *(int32_t *)p = -70000; break;
    case JSVM_UINT32_ARRAY: *(uint32_t *)p = 4000000000u; break;
    case JSVM_FLOAT32_ARRAY: *(float *)p = 1.5f; break;
    case JSVM_FLOAT64_ARRAY: *(double *)p = 2.25; break;
    case JSVM_BIGINT64_ARRAY: *(int64_t *)p = -((int64_t)1 << 40); break;
    case JSVM_BIGUINT64_ARRAY: *(uint64_t *)p = (uint64_t)1 << 63; break;
    }
}

static bool c_check_elem1(size_t t, const void *p)
{
    switch (ta_types[t].type) {
    case JSVM_INT8_ARRAY: return *(const int8_t *)p == -128;
    case JSVM_UINT8_ARRAY: return *(const uint8_t *)p == 255;
    case JSVM_UINT8_CLAMPED_ARRAY: return *(const uint8_t *)p == 255;
    case JSVM_INT16_ARRAY: return *(const int16_t *)p == -32768;
    case JSVM_UINT16_ARRAY: return *(const uint16_t *)p == 65535;
    case JSVM_INT32_ARRAY: return *(const int32_t *)p == INT32_MIN;
    case JSVM_UINT32_ARRAY: return *(const uint32_t *)p == UINT32_MAX;
    case JSVM_FLOAT32_ARRAY: return *(const float *)p == -0.25f;
    case JSVM_FLOAT64_ARRAY: return *(const double *)p == 1e300;
    case JSVM_BIGINT64_ARRAY: return *(const int64_t *)p == INT64_MIN;
    case JSVM_BIGUINT64_ARRAY: return *(const uint64_t *)p == UINT64_MAX;
    }
    return false;
}

static void typedarray_all_types(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    for (size_t t = 0; t < N_TA; t++) {
        void *abdata = NULL;
        JSVM_Value ab = NULL, ta = NULL;
        size_t s = ta_types[t].size;
        CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 64, &abdata, &ab));
        CHECK_OK(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, 3, ab, s, &ta));
        EXPECT_TRUE(is(env, OH_JSVM_IsTypedarray, ta));
        EXPECT_TRUE(!is(env, OH_JSVM_IsDataview, ta));
        EXPECT_TRUE(!is(env, OH_JSVM_IsArraybuffer, ta));
        JSVM_Value args[4] = {ta, ab, make_str(env, ta_types[t].ctor), make_int(env, (int32_t)s)};
        EXPECT_JS_CALL(env, "(function (ta, ab, name, s) { return ta instanceof globalThis[name] &&"
                            " Object.getPrototypeOf(ta) === globalThis[name].prototype && ta.length === 3 &&"
                            " ta.byteOffset === s && ta.byteLength === 3 * s && ta.buffer === ab; })",
                       4, args);

        JSVM_TypedarrayType type = (JSVM_TypedarrayType)99;
        size_t len = 0, off = 0;
        void *data = NULL;
        JSVM_Value buf = NULL;
        CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, &type, &len, &data, &buf, &off));
        EXPECT_EQ_INT(type, ta_types[t].type);
        EXPECT_EQ_INT(len, 3);
        EXPECT_EQ_INT(off, s);
        EXPECT_TRUE(data == (uint8_t *)abdata + s);
        EXPECT_TRUE(same_value(env, buf, ab));

        /* C -> JS: element 0; JS -> C: element 1 */
        c_write_elem0(t, data);
        char src[256];
        snprintf(src, sizeof src, "(function (ta) { const ok = ta[0] === %s; ta[1] = %s; return ok; })",
                 ta_types[t].js_value, ta_types[t].js_write);
        JSVM_Value r = CALL_JS(env, src, 1, &ta);
        bool ok = false;
        EXPECT_TRUE(r && OH_JSVM_GetValueBool(env, r, &ok) == JSVM_OK && ok);
        jt_checks++;
        if (!c_check_elem1(t, (uint8_t *)data + s)) {
            char msg[96];
            snprintf(msg, sizeof msg, "%s: JS write not seen through the data pointer", ta_types[t].ctor);
            jt_fail(__FILE__, __LINE__, msg);
        }

        /* the whole buffer, and an empty view at the end */
        CHECK_OK(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, 64 / s, ab, 0, &ta));
        EXPECT_JS(env, ta, "(ta) => ta.byteLength === 64");
        CHECK_OK(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, 0, ab, 64, &ta));
        EXPECT_JS(env, ta, "(ta) => ta.length === 0 && ta.byteOffset === 64");
    }
    jt_teardown(&f);
}

/* Misaligned offsets and views past the end: RangeError pending and
 * JSVM_GENERIC_FAILURE (the reference implementation's status). */
static void typedarray_range_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value ab = NULL, ta = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 64, NULL, &ab));
    for (size_t t = 0; t < N_TA; t++) {
        size_t s = ta_types[t].size;
        if (s > 1) {
            EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, 1, ab, s / 2, &ta),
                          JSVM_GENERIC_FAILURE);
            EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError &&"
                                          " e.code === 'ERR_JSVM_INVALID_TYPEDARRAY_ALIGNMENT'"));
            EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, 1, ab, s + 1, &ta),
                          JSVM_GENERIC_FAILURE);
            EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));
        }
        EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, 64 / s + 1, ab, 0, &ta),
                      JSVM_GENERIC_FAILURE);
        EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError &&"
                                      " e.code === 'ERR_JSVM_INVALID_TYPEDARRAY_LENGTH'"));
        EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, 1, ab, 64, &ta), JSVM_GENERIC_FAILURE);
        EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));
        EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, 0, ab, 64 + s, &ta), JSVM_GENERIC_FAILURE);
        EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));
        EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, ta_types[t].type, SIZE_MAX / 2, ab, 0, &ta),
                      JSVM_GENERIC_FAILURE);
        EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));
    }
    EXPECT_TRUE(ta == NULL);
    /* a detached buffer has no room (length 0 views are the engine's call: TypeError) */
    JSVM_Value gone = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 16, NULL, &gone));
    CHECK_OK(env, OH_JSVM_DetachArraybuffer(env, gone));
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 1, gone, 0, &ta), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 0, gone, 0, &ta), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof TypeError"));
    jt_teardown(&f);
}

static void typedarray_bad_args(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value ab = NULL, ta = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 16, NULL, &ab));
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, (JSVM_TypedarrayType)11, 1, ab, 0, &ta), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, (JSVM_TypedarrayType)-1, 1, ab, 0, &ta), JSVM_INVALID_ARG);
    const char *not_ab[] = {"new Uint8Array(16)", "new SharedArrayBuffer(16)", "new DataView(new ArrayBuffer(16))",
                            "({})", "16"};
    for (size_t i = 0; i < sizeof not_ab / sizeof not_ab[0]; i++) {
        EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 1, JT_RUN(env, not_ab[i]), 0, &ta),
                      JSVM_INVALID_ARG);
        EXPECT_STATUS(env, OH_JSVM_CreateDataview(env, 1, JT_RUN(env, not_ab[i]), 0, &ta), JSVM_INVALID_ARG);
    }
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 1, NULL, 0, &ta), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 1, ab, 0, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(ta == NULL && !pending(env));

    /* GetTypedarrayInfo / IsTypedarray on other values */
    const char *not_ta[] = {"new DataView(new ArrayBuffer(4))", "new ArrayBuffer(4)", "[1, 2]", "({ length: 1 })",
                            "Uint8Array", "Uint8Array.prototype"};
    for (size_t i = 0; i < sizeof not_ta / sizeof not_ta[0]; i++) {
        JSVM_Value v = JT_RUN(env, not_ta[i]);
        size_t len = 99;
        EXPECT_TRUE(!is(env, OH_JSVM_IsTypedarray, v));
        EXPECT_STATUS(env, OH_JSVM_GetTypedarrayInfo(env, v, NULL, &len, NULL, NULL, NULL), JSVM_INVALID_ARG);
        EXPECT_EQ_INT(len, 99);
    }
    EXPECT_STATUS(env, OH_JSVM_GetTypedarrayInfo(env, NULL, NULL, NULL, NULL, NULL, NULL), JSVM_INVALID_ARG);
    /* Float16Array is a typed array the API has no type for */
    JSVM_Value f16 = JT_RUN(env, "typeof Float16Array === 'function' ? new Float16Array(2) : null");
    bool has_f16 = false;
    JSVM_Value nul = NULL;
    CHECK_OK(env, OH_JSVM_GetNull(env, &nul));
    has_f16 = !same_value(env, f16, nul);
    if (has_f16) {
        EXPECT_TRUE(is(env, OH_JSVM_IsTypedarray, f16));
        EXPECT_STATUS(env, OH_JSVM_GetTypedarrayInfo(env, f16, NULL, NULL, NULL, NULL, NULL), JSVM_INVALID_ARG);
    }

    /* CreateTypedarray runs JS */
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 1, ab, 0, &ta), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, (JSVM_TypedarrayType)11, 1, ab, 0, &ta), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, JSVM_INT32_ARRAY, 1, ab, 1, &ta), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 1, NULL, 0, &ta), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e.message === 'pending'"));
    jt_teardown(&f);
}

/* Typed arrays made in JS: info with any subset of outputs; length-tracking
 * views; views over a SharedArrayBuffer. */
static void typedarray_info_from_js(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value ta = JT_RUN(env, "globalThis.i16 = new Int16Array(new ArrayBuffer(16), 4, 3); i16");
    JSVM_Value ab = JT_RUN(env, "i16.buffer");
    void *abdata = NULL, *data = NULL;
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &abdata, NULL));
    JSVM_TypedarrayType type;
    size_t len = 0, off = 0;
    JSVM_Value buf = NULL;
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, &type, &len, &data, &buf, &off));
    EXPECT_TRUE(type == JSVM_INT16_ARRAY && len == 3 && off == 4 && data == (uint8_t *)abdata + 4);
    EXPECT_TRUE(same_value(env, buf, ab));
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, NULL, NULL, NULL, NULL));
    data = NULL;
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, NULL, &data, NULL, NULL));
    EXPECT_TRUE(data == (uint8_t *)abdata + 4);
    ((int16_t *)data)[2] = -2;
    JT_ASSERT_JS(env, "i16[2] === -2");

    /* length-tracking view over a resizable buffer */
    ta = JT_RUN(env, "globalThis.rab = new ArrayBuffer(4, { maxByteLength: 32 }); globalThis.tr = new Uint8Array(rab, 2); tr");
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, &len, NULL, NULL, &off));
    EXPECT_TRUE(len == 2 && off == 2);
    JT_RUN(env, "rab.resize(20)");
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, &len, NULL, NULL, &off));
    EXPECT_TRUE(len == 18 && off == 2);
    JT_RUN(env, "rab.resize(1)"); /* out of bounds: empty */
    data = (void *)1;
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, &len, &data, NULL, &off));
    EXPECT_TRUE(len == 0 && off == 0);

    /* over a SharedArrayBuffer */
    ta = JT_RUN(env, "globalThis.sh = new Uint8Array(new SharedArrayBuffer(8), 1); sh");
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, &len, &data, &buf, &off));
    EXPECT_TRUE(len == 7 && off == 1 && data != NULL);
    ((uint8_t *)data)[0] = 42;
    JT_ASSERT_JS(env, "sh[0] === 42");
    EXPECT_JS(env, buf, "(b) => b instanceof SharedArrayBuffer && b === sh.buffer");

    /* the API reads the engine's own getters, not replaceable ones */
    JT_RUN(env, "const TA = Object.getPrototypeOf(Uint8Array.prototype);"
                "for (const k of ['length', 'byteOffset', 'buffer', 'byteLength'])"
                "  Object.defineProperty(TA.prototype ?? TA, k, { get() { return 1; }, configurable: true });");
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, JT_RUN(env, "i16"), NULL, &len, NULL, &buf, &off));
    EXPECT_TRUE(len == 3 && off == 4);
    EXPECT_TRUE(same_value(env, buf, ab));
    jt_teardown(&f);
}

/* ------------------------------------------------------------------ */
/* data views                                                          */

static void dataview(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    void *abdata = NULL, *data = NULL;
    JSVM_Value ab = NULL, dv = NULL, buf = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 16, &abdata, &ab));
    CHECK_OK(env, OH_JSVM_CreateDataview(env, 8, ab, 4, &dv));
    EXPECT_TRUE(is(env, OH_JSVM_IsDataview, dv));
    EXPECT_TRUE(!is(env, OH_JSVM_IsTypedarray, dv));
    JSVM_Value args[2] = {dv, ab};
    EXPECT_JS_CALL(env, "(function (dv, ab) { return dv instanceof DataView && dv.byteLength === 8 &&"
                        " dv.byteOffset === 4 && dv.buffer === ab; })",
                   2, args);
    size_t len = 0, off = 0;
    CHECK_OK(env, OH_JSVM_GetDataviewInfo(env, dv, &len, &data, &buf, &off));
    EXPECT_TRUE(len == 8 && off == 4 && data == (uint8_t *)abdata + 4);
    EXPECT_TRUE(same_value(env, buf, ab));
    CHECK_OK(env, OH_JSVM_GetDataviewInfo(env, dv, NULL, NULL, NULL, NULL));
    /* C -> JS and JS -> C */
    ((uint8_t *)data)[0] = 0x7f;
    EXPECT_JS(env, dv, "(dv) => dv.getUint8(0) === 0x7f");
    CALL_JS(env, "(function (dv) { dv.setUint16(2, 0x1234); })", 1, &dv);
    EXPECT_TRUE(((uint8_t *)data)[2] == 0x12 && ((uint8_t *)data)[3] == 0x34);
    EXPECT_TRUE(((uint8_t *)abdata)[6] == 0x12);

    /* whole buffer; empty view at the end */
    CHECK_OK(env, OH_JSVM_CreateDataview(env, 16, ab, 0, &dv));
    CHECK_OK(env, OH_JSVM_CreateDataview(env, 0, ab, 16, &dv));
    EXPECT_JS(env, dv, "(dv) => dv.byteLength === 0 && dv.byteOffset === 16");

    /* past the end: RangeError pending, JSVM_PENDING_EXCEPTION */
    EXPECT_STATUS(env, OH_JSVM_CreateDataview(env, 9, ab, 8, &dv), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError && e.code === 'ERR_JSVM_INVALID_DATAVIEW_ARGS'"));
    EXPECT_STATUS(env, OH_JSVM_CreateDataview(env, 0, ab, 17, &dv), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));
    EXPECT_STATUS(env, OH_JSVM_CreateDataview(env, SIZE_MAX, ab, 1, &dv), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof RangeError"));

    /* a DataView made in JS; the engine's getters, not replaceable ones */
    dv = JT_RUN(env, "globalThis.jdv = new DataView(new ArrayBuffer(10), 3, 5); jdv");
    JT_RUN(env, "for (const k of ['byteLength', 'byteOffset', 'buffer'])"
                "  Object.defineProperty(DataView.prototype, k, { get() { return 1; }, configurable: true });");
    CHECK_OK(env, OH_JSVM_GetDataviewInfo(env, dv, &len, &data, &buf, &off));
    EXPECT_TRUE(len == 5 && off == 3);
    ((uint8_t *)data)[0] = 9;
    EXPECT_JS(env, buf, "(b) => b instanceof ArrayBuffer && new Uint8Array(b)[3] === 9 && jdv.getUint8(0) === 9");

    /* other values */
    const char *not_dv[] = {"new Uint8Array(4)", "new ArrayBuffer(4)", "({})", "DataView.prototype"};
    for (size_t i = 0; i < sizeof not_dv / sizeof not_dv[0]; i++) {
        JSVM_Value v = JT_RUN(env, not_dv[i]);
        EXPECT_TRUE(!is(env, OH_JSVM_IsDataview, v));
        EXPECT_STATUS(env, OH_JSVM_GetDataviewInfo(env, v, &len, NULL, NULL, NULL), JSVM_INVALID_ARG);
    }
    EXPECT_STATUS(env, OH_JSVM_GetDataviewInfo(env, NULL, &len, NULL, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateDataview(env, 1, NULL, 0, &dv), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateDataview(env, 1, ab, 0, NULL), JSVM_INVALID_ARG);
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_STATUS(env, OH_JSVM_CreateDataview(env, 1, ab, 0, &dv), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateDataview(env, 99, ab, 0, &dv), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(exception_is(env, "(e) => e.message === 'pending'"));
    jt_teardown(&f);
}

/* The "env" functions of this area work while an exception is pending,
 * including on detached buffers (where the engine would throw), and leave
 * the pending exception as it was. */
static void env_functions_with_pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value ab = NULL, ta = NULL, dv = NULL, gone = NULL, gone_dv = NULL, gone_ta = NULL;
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 16, NULL, &ab));
    CHECK_OK(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 4, ab, 0, &ta));
    CHECK_OK(env, OH_JSVM_CreateDataview(env, 4, ab, 0, &dv));
    CHECK_OK(env, OH_JSVM_CreateArraybuffer(env, 16, NULL, &gone));
    CHECK_OK(env, OH_JSVM_CreateDataview(env, 4, gone, 0, &gone_dv));
    CHECK_OK(env, OH_JSVM_CreateTypedarray(env, JSVM_UINT8_ARRAY, 4, gone, 0, &gone_ta));
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    CHECK_OK(env, OH_JSVM_DetachArraybuffer(env, gone));
    size_t len = 99;
    void *data = NULL;
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, ab, &data, &len));
    EXPECT_TRUE(data != NULL && len == 16);
    CHECK_OK(env, OH_JSVM_GetArraybufferInfo(env, gone, &data, &len));
    EXPECT_TRUE(data == NULL && len == 0);
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, ta, NULL, &len, NULL, NULL, NULL));
    EXPECT_EQ_INT(len, 4);
    CHECK_OK(env, OH_JSVM_GetTypedarrayInfo(env, gone_ta, NULL, &len, NULL, NULL, NULL));
    EXPECT_EQ_INT(len, 0);
    CHECK_OK(env, OH_JSVM_GetDataviewInfo(env, dv, &len, NULL, NULL, NULL));
    EXPECT_EQ_INT(len, 4);
    CHECK_OK(env, OH_JSVM_GetDataviewInfo(env, gone_dv, &len, NULL, NULL, NULL));
    EXPECT_EQ_INT(len, 0);
    EXPECT_TRUE(is(env, OH_JSVM_IsArraybuffer, ab));
    EXPECT_TRUE(is(env, OH_JSVM_IsDetachedArraybuffer, gone));
    EXPECT_TRUE(!is(env, OH_JSVM_IsDetachedArraybuffer, ab));
    EXPECT_TRUE(is(env, OH_JSVM_IsTypedarray, ta));
    EXPECT_TRUE(is(env, OH_JSVM_IsDataview, dv));
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof Error && e.message === 'pending'"));
    jt_teardown(&f);
}

JT_MAIN("buffer", JT_TEST(create_arraybuffer_aliasing), JT_TEST(create_arraybuffer_errors),
        JT_TEST(detach_makes_views_empty), JT_TEST(detach_errors), JT_TEST(backing_store_alloc_free),
        JT_TEST(backing_store_buffer), JT_TEST(backing_store_errors), JT_TEST(external_memory),
        JT_TEST(external_memory_errors), JT_TEST(typedarray_all_types), JT_TEST(typedarray_range_errors),
        JT_TEST(typedarray_bad_args), JT_TEST(typedarray_info_from_js), JT_TEST(dataview),
        JT_TEST(env_functions_with_pending_exception))
