/*
 * test_external_string.c: OH_JSVM_CreateExternalStringLatin1 and
 * CreateExternalStringUtf16 (spec §3.8).
 *
 * QuickJS has no external strings, so the library copies (docs/deviations.md):
 * *copied must say so, and the finalizer must have run exactly once, with
 * the caller's pointer and hint, by the time the call returns; the caller
 * may then reuse its buffer without changing the string.
 */
#include <limits.h>
#include <stdint.h>

#include "common.h"

static int fin_calls;
static JSVM_Env fin_env;
static void *fin_data, *fin_hint;

static void count_fin(JSVM_Env env, void *data, void *hint)
{
    fin_calls++;
    fin_env = env;
    fin_data = data;
    fin_hint = hint;
}

/* A finalizer that frees the caller's heap copy, as a real one would. */
static void free_fin(JSVM_Env env, void *data, void *hint)
{
    (void)env;
    (void)hint;
    fin_calls++;
    free(data);
}

static void reset(void)
{
    fin_calls = 0;
    fin_env = NULL;
    fin_data = fin_hint = NULL;
}

static void latin1(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    char buf[] = "caf\xe9 \xff\x80!";
    int hint;
    JSVM_Value s = NULL;
    bool copied = false;
    reset();
    CHECK_OK(env, OH_JSVM_CreateExternalStringLatin1(env, buf, JSVM_AUTO_LENGTH, count_fin, &hint, &s, &copied));
    EXPECT_TRUE(copied);
    EXPECT_EQ_INT(fin_calls, 1);
    EXPECT_TRUE(fin_env == env && fin_data == buf && fin_hint == &hint);
    /* the caller may reuse its buffer: the string is a copy */
    memset(buf, 'x', sizeof buf - 1);
    EXPECT_JS(env, s, "(s) => s === 'caf\\u00e9 \\u00ff\\u0080!' && s.length === 8");
    /* read back as Latin-1 */
    char out[16];
    size_t n = 0;
    CHECK_OK(env, OH_JSVM_GetValueStringLatin1(env, s, out, sizeof out, &n));
    EXPECT_EQ_INT(n, 8);
    EXPECT_TRUE(memcmp(out, "caf\xe9 \xff\x80!", 8) == 0);

    /* explicit length, embedded NUL */
    char two[] = {'a', 0, 'b', 'c'};
    reset();
    CHECK_OK(env, OH_JSVM_CreateExternalStringLatin1(env, two, 3, count_fin, NULL, &s, &copied));
    EXPECT_EQ_INT(fin_calls, 1);
    EXPECT_JS(env, s, "(s) => s === 'a\\0b'");

    /* heap buffer released by the finalizer (valgrind/ASan would see a leak or double free) */
    char *heap = malloc(6);
    memcpy(heap, "heap!", 6);
    reset();
    CHECK_OK(env, OH_JSVM_CreateExternalStringLatin1(env, heap, 5, free_fin, NULL, &s, &copied));
    EXPECT_EQ_INT(fin_calls, 1);
    EXPECT_JS(env, s, "(s) => s === 'heap!'");

    /* no finalizer is fine; NULL with length 0 is the empty string */
    CHECK_OK(env, OH_JSVM_CreateExternalStringLatin1(env, buf, 2, NULL, NULL, &s, &copied));
    CHECK_OK(env, OH_JSVM_CreateExternalStringLatin1(env, NULL, 0, count_fin, NULL, &s, &copied));
    EXPECT_JS(env, s, "(s) => s === ''");
    /* strings made this way are ordinary strings */
    JSVM_Value a = NULL, b = NULL;
    char k1[] = "key", k2[] = "key";
    CHECK_OK(env, OH_JSVM_CreateExternalStringLatin1(env, k1, 3, NULL, NULL, &a, &copied));
    CHECK_OK(env, OH_JSVM_CreateExternalStringLatin1(env, k2, 3, NULL, NULL, &b, &copied));
    JSVM_Value args[2] = {a, b};
    JSVM_Value r = call_js(env, "(function (x, y) { const o = {}; o[x] = 1; return x === y && o[y] === 1; })", 2, args);
    bool ok = false;
    EXPECT_TRUE(r && OH_JSVM_GetValueBool(env, r, &ok) == JSVM_OK && ok);
    jt_teardown(&f);
}

static void utf16(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    /* "h\u00e9 \U0001F600" with a surrogate pair, then a lone surrogate */
    char16_t buf[] = {'h', 0xE9, ' ', 0xD83D, 0xDE00, 0xDC00, 0};
    int hint;
    JSVM_Value s = NULL;
    bool copied = false;
    reset();
    CHECK_OK(env, OH_JSVM_CreateExternalStringUtf16(env, buf, JSVM_AUTO_LENGTH, count_fin, &hint, &s, &copied));
    EXPECT_TRUE(copied);
    EXPECT_EQ_INT(fin_calls, 1);
    EXPECT_TRUE(fin_env == env && fin_data == buf && fin_hint == &hint);
    buf[0] = 'X';
    EXPECT_JS(env, s, "(s) => s === 'h\\u00e9 \\u{1F600}\\uDC00' && s.length === 6");
    char16_t out[8];
    size_t n = 0;
    CHECK_OK(env, OH_JSVM_GetValueStringUtf16(env, s, out, 8, &n));
    EXPECT_EQ_INT(n, 6);
    EXPECT_TRUE(out[0] == 'h' && out[3] == 0xD83D && out[4] == 0xDE00 && out[5] == 0xDC00);
    reset();
    CHECK_OK(env, OH_JSVM_CreateExternalStringUtf16(env, buf + 1, 1, count_fin, NULL, &s, &copied));
    EXPECT_EQ_INT(fin_calls, 1);
    EXPECT_JS(env, s, "(s) => s === '\\u00e9'");
    jt_teardown(&f);
}

/* On failure nothing is created, the finalizer is not called (the caller
 * still owns its buffer) and the outputs are untouched. */
static void failures(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    char buf[] = "abc";
    char16_t wbuf[] = {'a', 0};
    JSVM_Value s = NULL;
    bool copied = false;
    reset();
    EXPECT_STATUS(env, OH_JSVM_CreateExternalStringLatin1(env, buf, 3, count_fin, NULL, NULL, &copied),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateExternalStringLatin1(env, buf, 3, count_fin, NULL, &s, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateExternalStringLatin1(env, NULL, 3, count_fin, NULL, &s, &copied),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateExternalStringLatin1(env, buf, (size_t)INT_MAX + 1, count_fin, NULL, &s, &copied),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateExternalStringUtf16(env, wbuf, 1, count_fin, NULL, NULL, &copied),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateExternalStringUtf16(env, wbuf, 1, count_fin, NULL, &s, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateExternalStringUtf16(env, NULL, 2, count_fin, NULL, &s, &copied),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateExternalStringUtf16(env, wbuf, (size_t)INT_MAX + 1, count_fin, NULL, &s, &copied),
                  JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateExternalStringLatin1(NULL, buf, 3, count_fin, NULL, &s, &copied), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateExternalStringUtf16(NULL, wbuf, 1, count_fin, NULL, &s, &copied), JSVM_INVALID_ARG);
    EXPECT_EQ_INT(fin_calls, 0);
    EXPECT_TRUE(s == NULL && !copied);
    jt_teardown(&f);
}

/* "env" functions: they work with an exception pending and keep it. */
static void pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    char buf[] = "p";
    JSVM_Value s = NULL;
    bool copied = false;
    reset();
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    CHECK_OK(env, OH_JSVM_CreateExternalStringLatin1(env, buf, 1, count_fin, NULL, &s, &copied));
    EXPECT_EQ_INT(fin_calls, 1);
    EXPECT_JS(env, take_exception(env), "(e) => e.message === 'pending'");
    EXPECT_JS(env, s, "(s) => s === 'p'");
    jt_teardown(&f);
    EXPECT_EQ_INT(fin_calls, 1); /* not again at teardown */
}

JT_MAIN("external_string", JT_TEST(latin1), JT_TEST(utf16), JT_TEST(failures), JT_TEST(pending_exception))
