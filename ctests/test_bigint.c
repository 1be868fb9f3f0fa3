/*
 * test_bigint.c: OH_JSVM_CreateBigintInt64/Uint64/Words and
 * GetValueBigintInt64/Uint64/Words (spec §3.21).
 *
 * Every value made from C is compared in JavaScript with a BigInt written as
 * a literal, and every value read into C comes from a JavaScript literal, so
 * a conversion that only round-trips through the library cannot pass.
 */
#include <limits.h>
#include <stdint.h>

#include "common.h"

/* ---- helpers ---- */

#define CALL_JS(env, fnsrc, argc, argv) call_js_at((env), (fnsrc), (argc), (argv), __FILE__, __LINE__)

/* The JS function fnsrc, called with argv, must return true. */
#define EXPECT_JS_CALL(env, fnsrc, argc, argv)                                  \
    do {                                                                        \
        JSVM_Value r_ = CALL_JS((env), (fnsrc), (argc), (argv));                \
        bool b_ = false;                                                        \
        jt_checks++;                                                            \
        if (!r_ || OH_JSVM_GetValueBool((env), r_, &b_) != JSVM_OK || !b_)      \
            jt_fail(__FILE__, __LINE__, "JS call did not return true: " fnsrc); \
    } while (0)

/* v is a BigInt equal to the decimal literal dec. */
static bool big_is(JSVM_Env env, JSVM_Value v, const char *dec)
{
    JSVM_Value args[2] = {v, make_str(env, dec)};
    JSVM_Value r = call_js(env, "(function (b, s) { return typeof b === 'bigint' && b === BigInt(s); })", 2, args);
    bool ok = false;
    return r && OH_JSVM_GetValueBool(env, r, &ok) == JSVM_OK && ok;
}
#define EXPECT_BIG(env, v, dec)                                                  \
    do {                                                                         \
        jt_checks++;                                                             \
        if (!big_is((env), (v), (dec))) {                                        \
            char m_[128];                                                        \
            snprintf(m_, sizeof m_, "BigInt value differs from %s", (dec));      \
            jt_fail(__FILE__, __LINE__, m_);                                     \
        }                                                                        \
    } while (0)

static JSVM_Value big(JSVM_Env env, const char *expr) { return JT_RUN(env, expr); }

/* ---- int64 / uint64 ---- */

static void int64_round_trip(void)
{
    static const struct {
        int64_t v;
        const char *dec;
    } cases[] = {
        {0, "0"},
        {1, "1"},
        {-1, "-1"},
        {INT32_MAX, "2147483647"},
        {INT32_MIN, "-2147483648"},
        {(int64_t)INT32_MAX + 1, "2147483648"},
        {(int64_t)INT32_MIN - 1, "-2147483649"},
        {123456789012345LL, "123456789012345"},
        {INT64_MAX, "9223372036854775807"},
        {INT64_MIN, "-9223372036854775808"},
    };
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        JSVM_Value v = NULL;
        CHECK_OK(f.env, OH_JSVM_CreateBigintInt64(f.env, cases[i].v, &v));
        EXPECT_BIG(f.env, v, cases[i].dec);
        int64_t back = 0x5a5a;
        bool lossless = false;
        CHECK_OK(f.env, OH_JSVM_GetValueBigintInt64(f.env, v, &back, &lossless));
        EXPECT_TRUE(back == cases[i].v);
        EXPECT_TRUE(lossless);
        /* and the same values written in JS read back identically */
        char src[64];
        snprintf(src, sizeof src, "%sn", cases[i].dec);
        back = 0x5a5a;
        lossless = false;
        CHECK_OK(f.env, OH_JSVM_GetValueBigintInt64(f.env, big(f.env, src), &back, &lossless));
        EXPECT_TRUE(back == cases[i].v);
        EXPECT_TRUE(lossless);
    }
    jt_teardown(&f);
}

static void uint64_round_trip(void)
{
    static const struct {
        uint64_t v;
        const char *dec;
    } cases[] = {
        {0, "0"},
        {1, "1"},
        {0x7fffffffu, "2147483647"},
        {0x80000000u, "2147483648"},
        {0xffffffffu, "4294967295"},
        {0x100000000ull, "4294967296"},
        {(uint64_t)1 << 63, "9223372036854775808"},
        {UINT64_MAX, "18446744073709551615"},
    };
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        JSVM_Value v = NULL;
        CHECK_OK(f.env, OH_JSVM_CreateBigintUint64(f.env, cases[i].v, &v));
        EXPECT_BIG(f.env, v, cases[i].dec);
        uint64_t back = 0x5a5a;
        bool lossless = false;
        CHECK_OK(f.env, OH_JSVM_GetValueBigintUint64(f.env, v, &back, &lossless));
        EXPECT_TRUE(back == cases[i].v);
        EXPECT_TRUE(lossless);
    }
    jt_teardown(&f);
}

/* Truncation modulo 2^64 and the lossless flag, for values made in JS. */
static void lossless_flag(void)
{
    static const struct {
        const char *expr;
        int64_t i64;
        bool i64_exact;
        uint64_t u64;
        bool u64_exact;
    } cases[] = {
        {"0n", 0, true, 0, true},
        {"-1n", -1, true, UINT64_MAX, false},
        {"-(2n ** 31n)", INT32_MIN, true, (uint64_t)0 - ((uint64_t)1 << 31), false},
        {"2n ** 31n", (int64_t)1 << 31, true, (uint64_t)1 << 31, true},
        {"2n ** 63n - 1n", INT64_MAX, true, (uint64_t)INT64_MAX, true},
        {"2n ** 63n", INT64_MIN, false, (uint64_t)1 << 63, true},
        {"-(2n ** 63n)", INT64_MIN, true, (uint64_t)1 << 63, false},
        {"-(2n ** 63n) - 1n", INT64_MAX, false, (uint64_t)INT64_MAX, false},
        {"2n ** 64n - 1n", -1, false, UINT64_MAX, true},
        {"2n ** 64n", 0, false, 0, false},
        {"2n ** 64n + 5n", 5, false, 5, false},
        {"-(2n ** 64n) - 5n", -5, false, UINT64_MAX - 4, false},
        {"(2n ** 200n) + 7n", 7, false, 7, false},
        {"-(2n ** 200n)", 0, false, 0, false},
    };
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        JSVM_Value v = big(f.env, cases[i].expr);
        int64_t i64 = 0x5a5a;
        uint64_t u64 = 0x5a5a;
        bool l1 = !cases[i].i64_exact, l2 = !cases[i].u64_exact;
        CHECK_OK(f.env, OH_JSVM_GetValueBigintInt64(f.env, v, &i64, &l1));
        CHECK_OK(f.env, OH_JSVM_GetValueBigintUint64(f.env, v, &u64, &l2));
        if (i64 != cases[i].i64 || l1 != cases[i].i64_exact || u64 != cases[i].u64 || l2 != cases[i].u64_exact) {
            char msg[256];
            snprintf(msg, sizeof msg, "%s: int64 %lld (%d), uint64 %llu (%d)", cases[i].expr, (long long)i64, l1,
                     (unsigned long long)u64, l2);
            jt_fail(__FILE__, __LINE__, msg);
        }
        jt_checks++;
    }
    jt_teardown(&f);
}

/* ---- words ---- */

/* Reads v's words (capacity cap) and compares with want[0..n). */
static void expect_words(JSVM_Env env, JSVM_Value v, int sign, size_t n, const uint64_t *want, int line)
{
    uint64_t got[64];
    int s = 77;
    size_t count = 0;
    CHECK_OK(env, OH_JSVM_GetValueBigintWords(env, v, NULL, &count, NULL));
    if (count != n) {
        char msg[128];
        snprintf(msg, sizeof msg, "word count query: %zu, want %zu (line %d)", count, n, line);
        jt_fail(__FILE__, __LINE__, msg);
        return;
    }
    count = 64;
    CHECK_OK(env, OH_JSVM_GetValueBigintWords(env, v, &s, &count, got));
    jt_checks++;
    if (count != n || s != sign) {
        char msg[128];
        snprintf(msg, sizeof msg, "words: count %zu sign %d, want %zu %d (line %d)", count, s, n, sign, line);
        jt_fail(__FILE__, __LINE__, msg);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (got[i] != want[i]) {
            char msg[128];
            snprintf(msg, sizeof msg, "word %zu: %llx, want %llx (line %d)", i, (unsigned long long)got[i],
                     (unsigned long long)want[i], line);
            jt_fail(__FILE__, __LINE__, msg);
        }
    }
}
#define EXPECT_WORDS(env, v, sign, n, ...)                              \
    do {                                                                \
        static const uint64_t want_[] = {__VA_ARGS__};                  \
        expect_words((env), (v), (sign), (n), want_, __LINE__);         \
    } while (0)

static void words_create(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value v = NULL;
    static const uint64_t w3[] = {0x0123456789abcdefull, 0xfedcba9876543210ull, 0x1ull};
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 0, 3, w3, &v));
    EXPECT_JS(env, v, "(b) => b === 0x1fedcba98765432100123456789abcdefn");
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 3, w3, &v));
    EXPECT_JS(env, v, "(b) => b === -0x1fedcba98765432100123456789abcdefn");
    /* any non-zero sign bit means negative */
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, -7, 1, w3, &v));
    EXPECT_JS(env, v, "(b) => b === -0x0123456789abcdefn");

    /* leading zero words do not matter */
    static const uint64_t padded[] = {5, 0, 0, 0};
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 0, 4, padded, &v));
    EXPECT_JS(env, v, "(b) => b === 5n");
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 4, padded, &v));
    EXPECT_JS(env, v, "(b) => b === -5n");

    /* zero, with or without sign and words */
    static const uint64_t zeros[] = {0, 0};
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 2, zeros, &v));
    EXPECT_JS(env, v, "(b) => b === 0n && Object.is(b, 0n)");
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 0, zeros, &v));
    EXPECT_JS(env, v, "(b) => b === 0n");

    /* one-word edges: 2^63 and 2^64-1, both signs */
    static const uint64_t top[] = {(uint64_t)1 << 63};
    static const uint64_t ones[] = {UINT64_MAX};
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 1, top, &v));
    EXPECT_JS(env, v, "(b) => b === -(2n ** 63n)");
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 0, 1, top, &v));
    EXPECT_JS(env, v, "(b) => b === 2n ** 63n");
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 1, ones, &v));
    EXPECT_JS(env, v, "(b) => b === -(2n ** 64n - 1n)");
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 0, 1, ones, &v));
    EXPECT_JS(env, v, "(b) => b === 2n ** 64n - 1n");
    static const uint64_t top1[] = {((uint64_t)1 << 63) + 1};
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 1, top1, &v));
    EXPECT_JS(env, v, "(b) => b === -(2n ** 63n + 1n)");

    /* negative values whose two's complement carries across words */
    static const uint64_t carry[] = {0, 0, 1};
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 3, carry, &v));
    EXPECT_JS(env, v, "(b) => b === -(2n ** 128n)");
    static const uint64_t allones[] = {UINT64_MAX, UINT64_MAX, UINT64_MAX};
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 3, allones, &v));
    EXPECT_JS(env, v, "(b) => b === -(2n ** 192n - 1n)");
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 0, 3, allones, &v));
    EXPECT_JS(env, v, "(b) => b === 2n ** 192n - 1n");
    jt_teardown(&f);
}

static void words_read(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    EXPECT_WORDS(env, big(env, "0n"), 0, 0, 0);
    EXPECT_WORDS(env, big(env, "1n"), 0, 1, 1);
    EXPECT_WORDS(env, big(env, "-1n"), 1, 1, 1);
    EXPECT_WORDS(env, big(env, "-(2n ** 31n)"), 1, 1, (uint64_t)1 << 31);
    EXPECT_WORDS(env, big(env, "2n ** 64n"), 0, 2, 0, 1);
    EXPECT_WORDS(env, big(env, "-(2n ** 64n)"), 1, 2, 0, 1);
    EXPECT_WORDS(env, big(env, "2n ** 64n - 1n"), 0, 1, UINT64_MAX);
    EXPECT_WORDS(env, big(env, "-0x1fedcba98765432100123456789abcdefn"), 1, 3, 0x0123456789abcdefull,
                 0xfedcba9876543210ull, 1);
    EXPECT_WORDS(env, big(env, "2n ** 200n + 3n"), 0, 4, 3, 0, 0, (uint64_t)1 << 8);
    EXPECT_WORDS(env, big(env, "0xf00000000000000fn"), 0, 1, 0xf00000000000000full);
    jt_teardown(&f);
}

/* *wordCount is capacity in and words needed out; only what fits is written. */
static void words_truncation(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value v = big(env, "-(3n * 2n ** 128n + 2n * 2n ** 64n + 1n)");
    uint64_t w[5] = {9, 9, 9, 9, 9};
    int sign = 5;
    size_t count = 1;
    CHECK_OK(env, OH_JSVM_GetValueBigintWords(env, v, &sign, &count, w));
    EXPECT_EQ_INT(count, 3);
    EXPECT_EQ_INT(sign, 1);
    EXPECT_TRUE(w[0] == 1 && w[1] == 9 && w[2] == 9);

    count = 0;
    w[0] = 9;
    CHECK_OK(env, OH_JSVM_GetValueBigintWords(env, v, &sign, &count, w));
    EXPECT_EQ_INT(count, 3);
    EXPECT_TRUE(w[0] == 9);

    count = 5;
    CHECK_OK(env, OH_JSVM_GetValueBigintWords(env, v, &sign, &count, w));
    EXPECT_EQ_INT(count, 3);
    EXPECT_TRUE(w[0] == 1 && w[1] == 2 && w[2] == 3 && w[3] == 9 && w[4] == 9);

    /* a small value with no capacity */
    count = 0;
    sign = 5;
    w[0] = 9;
    CHECK_OK(env, OH_JSVM_GetValueBigintWords(env, big(env, "-4n"), &sign, &count, w));
    EXPECT_EQ_INT(count, 1);
    EXPECT_EQ_INT(sign, 1);
    EXPECT_TRUE(w[0] == 9);
    jt_teardown(&f);
}

/* Long values both ways, and the words <-> literal agreement. */
static void words_round_trip_long(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    uint64_t w[40], back[40], x = 0x9e3779b97f4a7c15ull;
    for (int n = 1; n <= 40; n += 13) {
        for (int sign = 0; sign <= 1; sign++) {
            for (int i = 0; i < n; i++) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                w[i] = x;
            }
            w[n - 1] |= 1; /* keep the top word non-zero */
            JSVM_Value v = NULL;
            CHECK_OK(env, OH_JSVM_CreateBigintWords(env, sign, (size_t)n, w, &v));
            /* JS rebuilds the value from the words given as hex strings */
            char src[64 * 40 + 200];
            int k = snprintf(src, sizeof src, "(function (b) { const w = [");
            for (int i = 0; i < n; i++)
                k += snprintf(src + k, sizeof src - (size_t)k, "%s0x%llxn", i ? "," : "", (unsigned long long)w[i]);
            snprintf(src + k, sizeof src - (size_t)k,
                     "]; let m = 0n; for (let i = w.length - 1; i >= 0; i--) m = (m << 64n) | w[i];"
                     " return b === (%s m); })",
                     sign ? "-" : "");
            JSVM_Value r = CALL_JS(env, src, 1, &v);
            bool ok = false;
            EXPECT_TRUE(r && OH_JSVM_GetValueBool(env, r, &ok) == JSVM_OK && ok);
            int s = -1;
            size_t count = 40;
            CHECK_OK(env, OH_JSVM_GetValueBigintWords(env, v, &s, &count, back));
            EXPECT_EQ_INT(count, n);
            EXPECT_EQ_INT(s, sign);
            EXPECT_TRUE(memcmp(w, back, (size_t)n * sizeof w[0]) == 0);
        }
    }
    jt_teardown(&f);
}

/* QuickJS holds BigInts up to 2^20 bits: larger ones leave a RangeError
 * pending; wordCount above INT_MAX is invalid without reading words. */
static void words_limits(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    size_t n = 16385;
    uint64_t *w = calloc(n, sizeof *w);
    JSVM_Value v = NULL;
    w[n - 1] = 1;
    EXPECT_STATUS(env, OH_JSVM_CreateBigintWords(env, 0, n, w, &v), JSVM_PENDING_EXCEPTION);
    EXPECT_JS(env, take_exception(env), "(e) => e instanceof RangeError");
    v = NULL;
    w[n - 1] = 0;
    w[n - 100] = 1;
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, n, w, &v));
    EXPECT_JS(env, v, "(b) => b === -(2n ** BigInt(64 * 16285))");
    uint64_t one = 1;
    EXPECT_STATUS(env, OH_JSVM_CreateBigintWords(env, 0, (size_t)INT_MAX + 1, &one, &v), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    free(w);
    jt_teardown(&f);
}

/* ---- bad input ---- */

static void bad_input(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    const char *not_big[] = {"1", "'1'", "({})", "undefined", "null", "Object(1n)", "1.5", "Symbol()"};
    for (size_t i = 0; i < sizeof not_big / sizeof not_big[0]; i++) {
        JSVM_Value v = JT_RUN(env, not_big[i]);
        int64_t i64 = 3;
        uint64_t u64 = 3, w[2] = {3, 3};
        bool l = true;
        int sign = 3;
        size_t count = 2;
        EXPECT_STATUS(env, OH_JSVM_GetValueBigintInt64(env, v, &i64, &l), JSVM_BIGINT_EXPECTED);
        EXPECT_STATUS(env, OH_JSVM_GetValueBigintUint64(env, v, &u64, &l), JSVM_BIGINT_EXPECTED);
        EXPECT_STATUS(env, OH_JSVM_GetValueBigintWords(env, v, &sign, &count, w), JSVM_BIGINT_EXPECTED);
        EXPECT_STATUS(env, OH_JSVM_GetValueBigintWords(env, v, NULL, &count, NULL), JSVM_BIGINT_EXPECTED);
        EXPECT_TRUE(i64 == 3 && u64 == 3 && l && sign == 3 && count == 2 && w[0] == 3);
    }
    /* sign and words go together */
    JSVM_Value v = big(env, "5n");
    uint64_t w[1];
    int sign;
    size_t count = 1;
    EXPECT_STATUS(env, OH_JSVM_GetValueBigintWords(env, v, &sign, &count, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetValueBigintWords(env, v, NULL, &count, w), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetValueBigintWords(env, v, &sign, NULL, w), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* Words functions use the engine's own BigInt, not the replaceable globals. */
static void replaced_globals(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JT_RUN(env, "BigInt.prototype.toString = function () { return 'ff'; };"
                "BigInt.asIntN = () => 0n; globalThis.BigInt = function () { return 1n; };");
    static const uint64_t w[] = {1, 2};
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateBigintWords(env, 1, 2, w, &v));
    EXPECT_JS(env, v, "(b) => b === -(2n * 2n ** 64n + 1n)");
    EXPECT_WORDS(env, v, 1, 2, 1, 2);
    jt_teardown(&f);
}

/* Create*Words runs JS (refused while an exception is pending); the other
 * five work and leave the pending exception alone. */
static void pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value big_v = big(env, "-(2n ** 100n)"), v = NULL;
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    static const uint64_t w[] = {1, 2};
    EXPECT_STATUS(env, OH_JSVM_CreateBigintWords(env, 0, 2, w, &v), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateBigintWords(env, 0, 2, NULL, &v), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(v == NULL);
    CHECK_OK(env, OH_JSVM_CreateBigintInt64(env, -5, &v));
    CHECK_OK(env, OH_JSVM_CreateBigintUint64(env, UINT64_MAX, &v));
    int64_t i64;
    uint64_t u64, words[2];
    bool l;
    int sign = 0;
    size_t count = 2;
    CHECK_OK(env, OH_JSVM_GetValueBigintInt64(env, big_v, &i64, &l));
    EXPECT_TRUE(!l);
    CHECK_OK(env, OH_JSVM_GetValueBigintUint64(env, big_v, &u64, &l));
    CHECK_OK(env, OH_JSVM_GetValueBigintWords(env, big_v, &sign, &count, words));
    EXPECT_TRUE(sign == 1 && count == 2 && words[0] == 0 && words[1] == (uint64_t)1 << 36);
    EXPECT_JS(env, take_exception(env), "(e) => e instanceof Error && e.message === 'pending'");
    EXPECT_JS(env, v, "(b) => b === 2n ** 64n - 1n");
    jt_teardown(&f);
}

JT_MAIN("bigint", JT_TEST(int64_round_trip), JT_TEST(uint64_round_trip), JT_TEST(lossless_flag),
        JT_TEST(words_create), JT_TEST(words_read), JT_TEST(words_truncation), JT_TEST(words_round_trip_long),
        JT_TEST(words_limits), JT_TEST(bad_input), JT_TEST(replaced_globals), JT_TEST(pending_exception))
