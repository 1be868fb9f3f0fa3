/*
 * test_memory_limits.c: JSVM_CreateVMOptions heap sizes as a memory limit
 * (out-of-memory is a catchable error, the host and the VM survive) and
 * OH_JSVM_GetHeapStatistics (spec 3.28, 5; issue 5).
 */
#include "common.h"

#define MiB ((size_t)1 << 20)

/* the common fixture in a VM made with opts */
typedef jt_fixture box;
#define open_box(b, opts) jt_setup_vm((b), (opts), 0, NULL)
#define close_box(b) jt_teardown(b)

static JSVM_CreateVMOptions limited(size_t old_gen, size_t young_gen)
{
    JSVM_CreateVMOptions o;
    memset(&o, 0, sizeof o);
    o.maxOldGenerationSize = old_gen;
    o.maxYoungGenerationSize = young_gen;
    return o;
}

/* Grows an array of objects until allocation fails. */
#define GROW "function grow() { const a = []; for (;;) a.push({ i: a.length, s: 'x' + a.length }); }\n"

static void message_is_oom(JSVM_Env env, JSVM_Value exc)
{
    JSVM_Value msg = NULL;
    bool is_err = false;
    EXPECT_TRUE(exc != NULL);
    CHECK_OK(env, OH_JSVM_IsError(env, exc, &is_err));
    EXPECT_TRUE(is_err);
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, exc, "message", &msg));
    EXPECT_STREQ(jt_str(env, msg), "out of memory");
}

/* ---- memory limit ---- */

static void oom_is_catchable(void)
{
    box b;
    JSVM_CreateVMOptions o = limited(12 * MiB, 4 * MiB);
    open_box(&b, &o);
    JT_RUN(b.env, GROW "var caught = null; try { grow(); } catch (e) { caught = e; } 0");
    JT_ASSERT_JS(b.env, "caught instanceof InternalError && caught.message === 'out of memory'");
    /* the VM keeps working, including moderately sized allocations */
    JT_ASSERT_JS(b.env, "const xs = Array.from({ length: 10000 }, (_, i) => i * 2); xs[9999] === 19998");
    JT_ASSERT_JS(b.env, "JSON.stringify({ a: [1, 2, 3] }) === '{\"a\":[1,2,3]}'");
    /* and can run out again */
    JT_ASSERT_JS(b.env, "let again = false; try { grow(); } catch (e) { again = e.message === 'out of memory'; } again");
    close_box(&b);
}

static void uncaught_oom_is_pending_exception(void)
{
    box b;
    JSVM_CreateVMOptions o = limited(16 * MiB, 0);
    open_box(&b, &o);
    JSVM_Status st;
    JSVM_Value r = jt_run_status(b.env, GROW "grow();", &st);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == NULL);
    bool pending = false;
    CHECK_OK(b.env, OH_JSVM_IsExceptionPending(b.env, &pending));
    EXPECT_TRUE(pending);
    message_is_oom(b.env, take_exception(b.env));

    /* through CallFunction too */
    JSVM_Value fn = JT_RUN(b.env, "grow"), global = NULL, out = NULL;
    CHECK_OK(b.env, OH_JSVM_GetGlobal(b.env, &global));
    EXPECT_STATUS(b.env, OH_JSVM_CallFunction(b.env, global, fn, 0, NULL, &out), JSVM_PENDING_EXCEPTION);
    message_is_oom(b.env, take_exception(b.env));

    JT_ASSERT_JS(b.env, "[1, 2, 3].map(x => x * x).join() === '1,4,9'");
    close_box(&b); /* destroying the VM after OOMs must be clean */
}

/* Flat strings (repeat) fail the same way, growing or in one allocation.
 * (Concatenation builds ropes, which stay small until a length limit.) */
static void oom_string_growth(void)
{
    box b;
    JSVM_CreateVMOptions o = limited(8 * MiB, 0);
    open_box(&b, &o);
    JT_ASSERT_JS(b.env,
                 "let msg = ''; try { let s = 'ab'; for (;;) s = s.repeat(2); } catch (e) { msg = e.message; } "
                 "msg === 'out of memory'");
    JT_ASSERT_JS(b.env, "let m2 = ''; try { 'x'.repeat(64 << 20); } catch (e) { m2 = e.message; } m2 === 'out of memory'");
    JT_ASSERT_JS(b.env, "'still ' + 'alive' === 'still alive'");
    close_box(&b);
}

/* Without limits (or with zeros) scripts can allocate more than a limited VM. */
static void no_limit_by_default(void)
{
    box b;
    JSVM_CreateVMOptions o = limited(0, 0);
    open_box(&b, &o);
    JT_ASSERT_JS(b.env, "const big = new Array(3000000).fill(0).map((_, i) => i); big.length === 3000000");
    close_box(&b);

    JSVM_CreateVMOptions small = limited(8 * MiB, 0);
    open_box(&b, &small);
    JSVM_Status st;
    jt_run_status(b.env, "const big = new Array(3000000).fill(0).map((_, i) => i); big.length", &st);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    message_is_oom(b.env, take_exception(b.env));
    close_box(&b);
}

/* Initial heap sizes are a GC-threshold hint: accepted with or without limits. */
static void initial_sizes_accepted(void)
{
    box b;
    JSVM_CreateVMOptions o = limited(32 * MiB, 0);
    o.initialOldGenerationSize = 4 * MiB;
    o.initialYoungGenerationSize = 1 * MiB;
    open_box(&b, &o);
    JT_ASSERT_JS(b.env, "Array.from({ length: 1000 }, (_, i) => ({ i })).length === 1000");
    close_box(&b);
    memset(&o, 0, sizeof o);
    o.initialOldGenerationSize = 64 * MiB; /* larger than no limit: fine */
    open_box(&b, &o);
    JT_ASSERT_JS(b.env, "1 + 1 === 2");
    close_box(&b);
}

/* Two VMs: the limit of one does not constrain the other. */
static void limit_is_per_vm(void)
{
    box small, big;
    JSVM_CreateVMOptions o = limited(8 * MiB, 0);
    open_box(&small, &o);
    open_box(&big, NULL);
    JSVM_Status st;
    jt_run_status(small.env, GROW "grow();", &st);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    take_exception(small.env);
    JT_ASSERT_JS(big.env, "const arr = new Array(2000000).fill(1); arr.length === 2000000");
    close_box(&big);
    close_box(&small);
}

/* ---- heap statistics ---- */

static void heap_statistics_limits(void)
{
    box b;
    JSVM_HeapStatistics hs;
    JSVM_CreateVMOptions o = limited(12 * MiB, 4 * MiB);
    open_box(&b, &o);
    memset(&hs, 0xff, sizeof hs);
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b.vm, &hs), JSVM_OK);
    EXPECT_EQ_INT(hs.heapSizeLimit, 16 * MiB);
    EXPECT_TRUE(hs.totalHeapSize > 0 && hs.totalHeapSize < 16 * MiB);
    EXPECT_EQ_INT(hs.totalAvailableSize, hs.heapSizeLimit - hs.totalHeapSize);
    EXPECT_EQ_INT(hs.totalHeapSizeExecutable, 0);
    EXPECT_EQ_INT(hs.numberOfDetachedContexts, 0);
    close_box(&b);

    open_box(&b, NULL);
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b.vm, &hs), JSVM_OK);
    EXPECT_TRUE(hs.heapSizeLimit > 16 * MiB); /* unlimited: physical memory */
    close_box(&b);
}

static void heap_statistics_track_usage(void)
{
    box b;
    JSVM_HeapStatistics h0, h1, h2;
    open_box(&b, NULL);
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b.vm, &h0), JSVM_OK);
    EXPECT_TRUE(h0.usedHeapSize > 0);
    EXPECT_TRUE(h0.usedHeapSize <= h0.totalHeapSize + h0.totalHeapSize / 2);
    EXPECT_EQ_INT(h0.mallocedMemory, h0.totalHeapSize);
    EXPECT_EQ_INT(h0.totalPhysicalSize, h0.totalHeapSize);
    EXPECT_TRUE(h0.peakMallocedMemory >= h0.mallocedMemory);
    EXPECT_EQ_INT(h0.numberOfNativeContexts, 1);
    EXPECT_EQ_INT(h0.externalMemory, 0);

    /* allocate ~ several MiB of objects: used and total grow */
    JT_RUN(b.env, "globalThis.big = Array.from({ length: 100000 }, (_, i) => ({ i, s: 'v' + i })); 0");
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b.vm, &h1), JSVM_OK);
    EXPECT_TRUE(h1.usedHeapSize > h0.usedHeapSize + 2 * MiB);
    EXPECT_TRUE(h1.totalHeapSize > h0.totalHeapSize + 2 * MiB);
    EXPECT_TRUE(h1.peakMallocedMemory >= h1.mallocedMemory);

    /* external memory and references (global handles) */
    int64_t ext = 0;
    CHECK_OK(b.env, OH_JSVM_AdjustExternalMemory(b.env, 3 * 1024 * 1024, &ext));
    JSVM_Value obj = NULL;
    JSVM_Ref ref = NULL;
    CHECK_OK(b.env, OH_JSVM_CreateObject(b.env, &obj));
    CHECK_OK(b.env, OH_JSVM_CreateReference(b.env, obj, 1, &ref));

    /* a second env counts as a native context */
    JSVM_Env env2 = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(b.vm, 0, NULL, &env2), JSVM_OK);

    /* free the big array: usage drops, the peak stays */
    JT_RUN(b.env, "globalThis.big = null; 0");
    CHECK_OK(b.env, OH_JSVM_MemoryPressureNotification(b.env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b.vm, &h2), JSVM_OK);
    EXPECT_TRUE(h2.usedHeapSize < h1.usedHeapSize - 2 * MiB);
    EXPECT_TRUE(h2.peakMallocedMemory >= h1.mallocedMemory);
    EXPECT_EQ_INT(h2.externalMemory, 3 * 1024 * 1024);
    EXPECT_EQ_INT(h2.numberOfNativeContexts, 2);
    EXPECT_TRUE(h2.usedGlobalHandlesSize > h0.usedGlobalHandlesSize);
    EXPECT_TRUE(h2.totalGlobalHandlesSize >= h2.usedGlobalHandlesSize);

    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);
    CHECK_OK(b.env, OH_JSVM_DeleteReference(b.env, ref));
    CHECK_OK(b.env, OH_JSVM_AdjustExternalMemory(b.env, -3 * 1024 * 1024, &ext));
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b.vm, &h2), JSVM_OK);
    EXPECT_EQ_INT(h2.numberOfNativeContexts, 1);
    EXPECT_EQ_INT(h2.externalMemory, 0);
    EXPECT_EQ_INT(h2.usedGlobalHandlesSize, h0.usedGlobalHandlesSize);
    close_box(&b);
}

static void heap_statistics_args(void)
{
    box b;
    JSVM_HeapStatistics hs;
    open_box(&b, NULL);
    memset(&hs, 0, sizeof hs);
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(NULL, &hs), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b.vm, NULL), JSVM_INVALID_ARG);
    EXPECT_EQ_INT(hs.totalHeapSize, 0); /* untouched on failure */
    /* works while an exception is pending (a vm function) */
    JSVM_Status st;
    jt_run_status(b.env, "throw 1", &st);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_VM_STATUS(OH_JSVM_GetHeapStatistics(b.vm, &hs), JSVM_OK);
    EXPECT_TRUE(hs.totalHeapSize > 0);
    take_exception(b.env);
    close_box(&b);
}

JT_MAIN("memory_limits",
        JT_TEST(oom_is_catchable),
        JT_TEST(uncaught_oom_is_pending_exception),
        JT_TEST(oom_string_growth),
        JT_TEST(no_limit_by_default),
        JT_TEST(initial_sizes_accepted),
        JT_TEST(limit_is_per_vm),
        JT_TEST(heap_statistics_limits),
        JT_TEST(heap_statistics_track_usage),
        JT_TEST(heap_statistics_args))
