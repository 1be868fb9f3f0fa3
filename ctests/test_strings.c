/*
 * test_strings.c: string creation (UTF-8, Latin-1, UTF-16) and
 * OH_JSVM_GetValueString* (spec §2.4, §3.8, §3.9).
 *
 * Created strings are checked from JavaScript (length, charCodeAt, equality
 * with a literal), read-back is checked byte by byte, including what the
 * functions must NOT write (guard bytes after the terminator).
 */
#include <limits.h>
#include <stdint.h>

#include "common.h"

/* ---- helpers ---- */

static JSVM_Value utf8(JSVM_Env env, const char *s, size_t len)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, s, len, &v));
    return v;
}

static JSVM_Value latin1(JSVM_Env env, const char *s, size_t len)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateStringLatin1(env, s, len, &v));
    return v;
}

static JSVM_Value utf16(JSVM_Env env, const char16_t *s, size_t len)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateStringUtf16(env, s, len, &v));
    return v;
}

/* "é😀": U+00E9 U+1F600. */
static const char EMOJI_UTF8[] = "\xC3\xA9\xF0\x9F\x98\x80";
static const char16_t EMOJI_UTF16[] = {0x00E9, 0xD83D, 0xDE00, 0};

/* ---- creation ---- */

static void utf8_lengths(void)
{
    jt_fixture f;
    jt_setup(&f);
    EXPECT_JS_1(f.env, "(function (s) { return typeof s === 'string' && s === 'hello world'; })",
                utf8(f.env, "hello world", JSVM_AUTO_LENGTH));
    EXPECT_JS_1(f.env, "(function (s) { return s === 'hello'; })", utf8(f.env, "hello world", 5));
    EXPECT_JS_1(f.env, "(function (s) { return s === ''; })", utf8(f.env, "hello", 0));
    EXPECT_JS_1(f.env, "(function (s) { return s === ''; })", utf8(f.env, "", JSVM_AUTO_LENGTH));
    /* Multi-byte input: 6 bytes, 2 code points, 3 UTF-16 units. */
    JSVM_Value e = utf8(f.env, EMOJI_UTF8, JSVM_AUTO_LENGTH);
    EXPECT_JS_1(f.env,
                "(function (s) { return s.length === 3 && s === '\\u00e9\\u{1F600}' && s.charCodeAt(0) === 0xE9 &&"
                " s.codePointAt(1) === 0x1F600; })",
                e);
    EXPECT_JS_1(f.env, "(function (s) { return s === '\\u00e9\\u{1F600}'; })", utf8(f.env, EMOJI_UTF8, 6));
    /* Only the first character (2 bytes). */
    EXPECT_JS_1(f.env, "(function (s) { return s === '\\u00e9'; })", utf8(f.env, EMOJI_UTF8, 2));
    jt_teardown(&f);
}

static void embedded_nul_kept_with_explicit_length(void)
{
    static const char16_t w[] = {'a', 0, 'b', 0};
    jt_fixture f;
    jt_setup(&f);
    EXPECT_JS_1(f.env, "(function (s) { return s.length === 3 && s.charCodeAt(1) === 0 && s === 'a\\0b'; })",
                utf8(f.env, "a\0b", 3));
    EXPECT_JS_1(f.env, "(function (s) { return s.length === 3 && s.charCodeAt(1) === 0 && s === 'a\\0b'; })",
                latin1(f.env, "a\0b", 3));
    EXPECT_JS_1(f.env, "(function (s) { return s.length === 3 && s.charCodeAt(1) === 0 && s === 'a\\0b'; })",
                utf16(f.env, w, 3));
    /* With JSVM_AUTO_LENGTH the NUL ends the string. */
    EXPECT_JS_1(f.env, "(function (s) { return s === 'a'; })", utf8(f.env, "a\0b", JSVM_AUTO_LENGTH));
    EXPECT_JS_1(f.env, "(function (s) { return s === 'a'; })", latin1(f.env, "a\0b", JSVM_AUTO_LENGTH));
    EXPECT_JS_1(f.env, "(function (s) { return s === 'a'; })", utf16(f.env, w, JSVM_AUTO_LENGTH));
    /* Read back through the API, the NUL is there too. */
    char buf[8];
    size_t n = 0;
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, utf8(f.env, "a\0b", 3), buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 3);
    EXPECT_TRUE(memcmp(buf, "a\0b\0", 4) == 0);
    jt_teardown(&f);
}

static void null_str_with_zero_length(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value v = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateStringUtf8(f.env, NULL, 0, &v));
    EXPECT_JS_1(f.env, "(function (s) { return typeof s === 'string' && s.length === 0; })", v);
    v = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateStringLatin1(f.env, NULL, 0, &v));
    EXPECT_JS_1(f.env, "(function (s) { return typeof s === 'string' && s.length === 0; })", v);
    v = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateStringUtf16(f.env, NULL, 0, &v));
    EXPECT_JS_1(f.env, "(function (s) { return typeof s === 'string' && s.length === 0; })", v);
    size_t n = 99;
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, v, NULL, 0, &n));
    EXPECT_EQ_INT(n, 0);
    jt_teardown(&f);
}

/* Every creation argument error; none may write *result. */
static void invalid_creation_args(void)
{
    static const size_t bad_lens[] = {1, 5, JSVM_AUTO_LENGTH};
    static const size_t huge_lens[] = {(size_t)INT_MAX + 1, (size_t)UINT32_MAX, (size_t)1 << 40, SIZE_MAX - 1};
    static const char16_t w[] = {'x', 0};
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value sentinel = (JSVM_Value)&f;
    for (size_t i = 0; i < sizeof bad_lens / sizeof bad_lens[0]; i++) {
        JSVM_Value v = sentinel;
        EXPECT_STATUS(f.env, OH_JSVM_CreateStringUtf8(f.env, NULL, bad_lens[i], &v), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_CreateStringLatin1(f.env, NULL, bad_lens[i], &v), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_CreateStringUtf16(f.env, NULL, bad_lens[i], &v), JSVM_INVALID_ARG);
        EXPECT_TRUE(v == sentinel);
    }
    /* Lengths above INT_MAX (other than JSVM_AUTO_LENGTH); the data is never read. */
    for (size_t i = 0; i < sizeof huge_lens / sizeof huge_lens[0]; i++) {
        JSVM_Value v = sentinel;
        EXPECT_STATUS(f.env, OH_JSVM_CreateStringUtf8(f.env, "x", huge_lens[i], &v), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_CreateStringLatin1(f.env, "x", huge_lens[i], &v), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_CreateStringUtf16(f.env, w, huge_lens[i], &v), JSVM_INVALID_ARG);
        EXPECT_TRUE(v == sentinel);
    }
    /* NULL result. */
    EXPECT_STATUS(f.env, OH_JSVM_CreateStringUtf8(f.env, "x", 1, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateStringLatin1(f.env, "x", 1, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateStringUtf16(f.env, w, 1, NULL), JSVM_INVALID_ARG);
    bool pending = true;
    CHECK_OK(f.env, OH_JSVM_IsExceptionPending(f.env, &pending));
    EXPECT_TRUE(!pending);
    jt_teardown(&f);
}

static void latin1_high_bytes(void)
{
    jt_fixture f;
    jt_setup(&f);
    EXPECT_JS_1(f.env, "(function (s) { return s.length === 1 && s.charCodeAt(0) === 0xE9 && s === '\\u00e9'; })",
                latin1(f.env, "\xE9", JSVM_AUTO_LENGTH));
    EXPECT_JS_1(f.env, "(function (s) { return s === 'caf\\u00e9'; })", latin1(f.env, "caf\xE9", 4));
    /* Every byte 0x01..0xFF maps to the code point of the same value. */
    char all[255];
    for (int i = 0; i < 255; i++)
        all[i] = (char)(i + 1);
    EXPECT_JS_1(f.env,
                "(function (s) { if (s.length !== 255) return false;"
                " for (let i = 0; i < 255; i++) if (s.charCodeAt(i) !== i + 1) return false; return true; })",
                latin1(f.env, all, sizeof all));
    /* A long one (more than a small internal buffer). */
    static char big[5000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (char)(0x80 + i % 128);
    EXPECT_JS_1(f.env,
                "(function (s) { if (s.length !== 5000) return false;"
                " for (let i = 0; i < 5000; i++) if (s.charCodeAt(i) !== 0x80 + i % 128) return false; return true; })",
                latin1(f.env, big, sizeof big));
    /* The same bytes as UTF-8 are not Latin-1: "\xC3\xA9" is one char there. */
    EXPECT_JS_1(f.env, "(function (s) { return s.length === 2 && s.charCodeAt(0) === 0xC3 && s.charCodeAt(1) === 0xA9; })",
                latin1(f.env, "\xC3\xA9", JSVM_AUTO_LENGTH));
    jt_teardown(&f);
}

static void utf16_surrogates(void)
{
    static const char16_t hi[] = {'H', 'i', 0xD83D, 0xDE00, 0};
    jt_fixture f;
    jt_setup(&f);
    EXPECT_JS_1(f.env,
                "(function (s) { return s.length === 4 && s === 'Hi\\u{1F600}' && s.codePointAt(2) === 0x1F600 &&"
                " s.charCodeAt(2) === 0xD83D && s.charCodeAt(3) === 0xDE00; })",
                utf16(f.env, hi, JSVM_AUTO_LENGTH));
    EXPECT_JS_1(f.env, "(function (s) { return s === 'Hi\\u{1F600}'; })", utf16(f.env, hi, 4));
    /* Cutting between the surrogates leaves a lone high surrogate, kept as is. */
    EXPECT_JS_1(f.env, "(function (s) { return s.length === 3 && s.charCodeAt(2) === 0xD83D; })",
                utf16(f.env, hi, 3));
    EXPECT_JS_1(f.env, "(function (s) { return s === '\\u00e9\\u{1F600}'; })", utf16(f.env, EMOJI_UTF16, 3));
    /* Non-Latin-1 BMP characters. */
    static const char16_t cjk[] = {0x4E2D, 0x6587, 0x20AC, 0};
    EXPECT_JS_1(f.env, "(function (s) { return s === '\\u4e2d\\u6587\\u20ac'; })", utf16(f.env, cjk, JSVM_AUTO_LENGTH));
    jt_teardown(&f);
}

/* Invalid UTF-8 input becomes U+FFFD (as V8's String::NewFromUtf8 does). */
static void utf8_invalid_input_replaced(void)
{
    jt_fixture f;
    jt_setup(&f);
    EXPECT_JS_1(f.env, "(function (s) { return s === 'a\\uFFFDb'; })", utf8(f.env, "a\xFF" "b", JSVM_AUTO_LENGTH));
    jt_teardown(&f);
}

/* ---- round trips ---- */

static void round_trips(void)
{
    jt_fixture f;
    jt_setup(&f);
    char buf[64];
    char16_t wbuf[16];
    size_t n = 0;

    /* UTF-8 in, UTF-8 out: identical bytes. */
    JSVM_Value e = utf8(f.env, EMOJI_UTF8, JSVM_AUTO_LENGTH);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, e, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 6);
    EXPECT_TRUE(memcmp(buf, EMOJI_UTF8, 7) == 0);
    /* UTF-8 in, UTF-16 out. */
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, e, wbuf, 16, &n));
    EXPECT_EQ_INT(n, 3);
    EXPECT_TRUE(memcmp(wbuf, EMOJI_UTF16, 4 * sizeof(char16_t)) == 0);

    /* UTF-16 in, UTF-8 out. */
    JSVM_Value w = utf16(f.env, EMOJI_UTF16, JSVM_AUTO_LENGTH);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, w, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 6);
    EXPECT_STREQ(buf, EMOJI_UTF8);

    /* A lone surrogate survives UTF-16 -> UTF-16. */
    static const char16_t lone[] = {'x', 0xDC00, 'y', 0};
    JSVM_Value l = utf16(f.env, lone, JSVM_AUTO_LENGTH);
    memset(wbuf, 0xAA, sizeof wbuf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, l, wbuf, 16, &n));
    EXPECT_EQ_INT(n, 3);
    EXPECT_TRUE(memcmp(wbuf, lone, 4 * sizeof(char16_t)) == 0);

    /* Latin-1 in, Latin-1 and UTF-8 out. */
    JSVM_Value c = latin1(f.env, "caf\xE9", JSVM_AUTO_LENGTH);
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, c, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 4);
    EXPECT_STREQ(buf, "caf\xE9");
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, c, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 5);
    EXPECT_STREQ(buf, "caf\xC3\xA9");

    /* A string made by JS. */
    JSVM_Value js = JT_RUN(f.env, "'x'.repeat(3) + String.fromCodePoint(0x1F600)");
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, js, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 7);
    EXPECT_STREQ(buf, "xxx\xF0\x9F\x98\x80");
    jt_teardown(&f);
}

/* A lone surrogate has no UTF-8 form: it is replaced by U+FFFD. */
static void utf8_read_of_lone_surrogate(void)
{
    jt_fixture f;
    jt_setup(&f);
    char buf[16];
    size_t n = 0;
    JSVM_Value s = JT_RUN(f.env, "'a\\uD800b'");
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, s, NULL, 0, &n));
    EXPECT_EQ_INT(n, 5);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, s, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 5);
    EXPECT_STREQ(buf, "a\xEF\xBF\xBD" "b");
    /* A trailing high surrogate and a lone low one. */
    s = JT_RUN(f.env, "'\\uDC00x\\uD83D'");
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, s, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 7);
    EXPECT_STREQ(buf, "\xEF\xBF\xBDx\xEF\xBF\xBD");
    jt_teardown(&f);
}

/* ---- GetValueString*: lengths, truncation, buffers ---- */

static void length_queries(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value e = utf8(f.env, EMOJI_UTF8, JSVM_AUTO_LENGTH);
    size_t n = 0;
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, e, NULL, 0, &n));
    EXPECT_EQ_INT(n, 6);
    n = 0;
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, e, NULL, 0, &n));
    EXPECT_EQ_INT(n, 3);
    n = 0;
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, e, NULL, 0, &n));
    EXPECT_EQ_INT(n, 3);
    /* bufsize is ignored when buf is NULL. */
    n = 0;
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, e, NULL, 2, &n));
    EXPECT_EQ_INT(n, 6);

    JSVM_Value h = utf8(f.env, "hello", JSVM_AUTO_LENGTH);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, NULL, 0, &n));
    EXPECT_EQ_INT(n, 5);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, h, NULL, 0, &n));
    EXPECT_EQ_INT(n, 5);
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, h, NULL, 0, &n));
    EXPECT_EQ_INT(n, 5);

    JSVM_Value c = latin1(f.env, "\xE9\xE8", JSVM_AUTO_LENGTH);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, c, NULL, 0, &n));
    EXPECT_EQ_INT(n, 4);
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, c, NULL, 0, &n));
    EXPECT_EQ_INT(n, 2);

    /* A long string made by JS. */
    JSVM_Value big = JT_RUN(f.env, "'\\u00e9'.repeat(10000)");
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, big, NULL, 0, &n));
    EXPECT_EQ_INT(n, 20000);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, big, NULL, 0, &n));
    EXPECT_EQ_INT(n, 10000);
    jt_teardown(&f);
}

static void truncation_utf8(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value h = utf8(f.env, "hello", JSVM_AUTO_LENGTH);
    char buf[16];
    size_t n = 99;

    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, buf, 3, &n));
    EXPECT_EQ_INT(n, 2);
    EXPECT_TRUE(memcmp(buf, "he\0X", 4) == 0); /* nothing written past bufsize */

    /* Exactly enough room. */
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, buf, 6, &n));
    EXPECT_EQ_INT(n, 5);
    EXPECT_TRUE(memcmp(buf, "hello\0X", 7) == 0);

    /* One short: the last char is dropped for the NUL. */
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, buf, 5, &n));
    EXPECT_EQ_INT(n, 4);
    EXPECT_TRUE(memcmp(buf, "hell\0X", 6) == 0);

    /* bufsize 1: only the terminator. */
    memset(buf, 'X', sizeof buf);
    n = 99;
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, buf, 1, &n));
    EXPECT_EQ_INT(n, 0);
    EXPECT_TRUE(buf[0] == 0 && buf[1] == 'X');

    /* bufsize 0: nothing at all is written. */
    memset(buf, 'X', sizeof buf);
    n = 99;
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, buf, 0, &n));
    EXPECT_EQ_INT(n, 0);
    EXPECT_TRUE(buf[0] == 'X');
    jt_teardown(&f);
}

/* Truncation never splits a multi-byte UTF-8 sequence. */
static void truncation_utf8_multibyte(void)
{
    /* bufsize -> bytes copied for "é😀" (2 + 4 bytes). */
    static const struct {
        size_t bufsize, copied;
    } cases[] = {{1, 0}, {2, 0}, {3, 2}, {4, 2}, {5, 2}, {6, 2}, {7, 6}, {8, 6}};
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value e = utf8(f.env, EMOJI_UTF8, JSVM_AUTO_LENGTH);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[16];
        size_t n = 99;
        memset(buf, 'X', sizeof buf);
        CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, e, buf, cases[i].bufsize, &n));
        EXPECT_EQ_INT(n, cases[i].copied);
        EXPECT_TRUE(memcmp(buf, EMOJI_UTF8, cases[i].copied) == 0);
        EXPECT_TRUE(buf[cases[i].copied] == 0);
        EXPECT_TRUE(buf[cases[i].bufsize] == 'X');
    }
    /* "aé" with room for 1 byte: "a". */
    char buf[8];
    size_t n = 99;
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, utf8(f.env, "a\xC3\xA9", JSVM_AUTO_LENGTH), buf, 2, &n));
    EXPECT_EQ_INT(n, 1);
    EXPECT_TRUE(memcmp(buf, "a\0X", 3) == 0);
    /* 3-byte sequences: "€€" (E2 82 AC twice) into 6 bytes -> one "€". */
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, utf8(f.env, "\xE2\x82\xAC\xE2\x82\xAC", JSVM_AUTO_LENGTH),
                                               buf, 6, &n));
    EXPECT_EQ_INT(n, 3);
    EXPECT_TRUE(memcmp(buf, "\xE2\x82\xAC\0X", 5) == 0);
    jt_teardown(&f);
}

static void truncation_utf16(void)
{
    static const char16_t hello[] = {'h', 'e', 'l', 'l', 'o', 0};
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value h = utf16(f.env, hello, JSVM_AUTO_LENGTH);
    char16_t buf[16];
    size_t n = 99;

    memset(buf, 0xAA, sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, h, buf, 3, &n));
    EXPECT_EQ_INT(n, 2);
    EXPECT_TRUE(buf[0] == 'h' && buf[1] == 'e' && buf[2] == 0 && buf[3] == 0xAAAA);

    memset(buf, 0xAA, sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, h, buf, 6, &n));
    EXPECT_EQ_INT(n, 5);
    EXPECT_TRUE(memcmp(buf, hello, 6 * sizeof(char16_t)) == 0 && buf[6] == 0xAAAA);

    memset(buf, 0xAA, sizeof buf);
    n = 99;
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, h, buf, 1, &n));
    EXPECT_EQ_INT(n, 0);
    EXPECT_TRUE(buf[0] == 0 && buf[1] == 0xAAAA);

    memset(buf, 0xAA, sizeof buf);
    n = 99;
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, h, buf, 0, &n));
    EXPECT_EQ_INT(n, 0);
    EXPECT_TRUE(buf[0] == 0xAAAA);

    /* Code units are copied: bufsize-1 units of "é😀". */
    JSVM_Value e = utf16(f.env, EMOJI_UTF16, JSVM_AUTO_LENGTH);
    memset(buf, 0xAA, sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, e, buf, 4, &n));
    EXPECT_EQ_INT(n, 3);
    EXPECT_TRUE(memcmp(buf, EMOJI_UTF16, 4 * sizeof(char16_t)) == 0 && buf[4] == 0xAAAA);
    memset(buf, 0xAA, sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, e, buf, 2, &n));
    EXPECT_EQ_INT(n, 1);
    EXPECT_TRUE(buf[0] == 0x00E9 && buf[1] == 0 && buf[2] == 0xAAAA);
    jt_teardown(&f);
}

static void truncation_latin1(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value c = latin1(f.env, "caf\xE9!", JSVM_AUTO_LENGTH);
    char buf[16];
    size_t n = 99;

    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, c, buf, 5, &n));
    EXPECT_EQ_INT(n, 4);
    EXPECT_TRUE(memcmp(buf, "caf\xE9\0X", 6) == 0);

    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, c, buf, 6, &n));
    EXPECT_EQ_INT(n, 5);
    EXPECT_TRUE(memcmp(buf, "caf\xE9!\0X", 7) == 0);

    memset(buf, 'X', sizeof buf);
    n = 99;
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, c, buf, 1, &n));
    EXPECT_EQ_INT(n, 0);
    EXPECT_TRUE(buf[0] == 0 && buf[1] == 'X');

    memset(buf, 'X', sizeof buf);
    n = 99;
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, c, buf, 0, &n));
    EXPECT_EQ_INT(n, 0);
    EXPECT_TRUE(buf[0] == 'X');
    jt_teardown(&f);
}

/* With a buffer, result may be NULL. */
static void result_optional_with_buffer(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value h = utf8(f.env, "hey", JSVM_AUTO_LENGTH);
    char buf[8];
    char16_t wbuf[8];
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, buf, sizeof buf, NULL));
    EXPECT_STREQ(buf, "hey");
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, h, buf, sizeof buf, NULL));
    EXPECT_STREQ(buf, "hey");
    memset(wbuf, 0xAA, sizeof wbuf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf16(f.env, h, wbuf, 8, NULL));
    EXPECT_TRUE(wbuf[0] == 'h' && wbuf[1] == 'e' && wbuf[2] == 'y' && wbuf[3] == 0);
    /* Truncating without result. */
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, buf, 2, NULL));
    EXPECT_TRUE(memcmp(buf, "h\0X", 3) == 0);
    jt_teardown(&f);
}

static void getters_reject_non_strings(void)
{
    static const char *srcs[] = {"42", "true", "undefined", "null", "({})", "['a']", "new String('a')",
                                 "Symbol('a')", "1n", "(function () { return 'a'; })"};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        JSVM_Value v = JT_RUN(f.env, srcs[i]);
        if (!v)
            continue;
        char buf[8];
        char16_t wbuf[8];
        size_t n = 77;
        memset(buf, 'X', sizeof buf);
        memset(wbuf, 0xAA, sizeof wbuf);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf8(f.env, v, buf, sizeof buf, &n), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueStringLatin1(f.env, v, buf, sizeof buf, &n), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf16(f.env, v, wbuf, 8, &n), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf8(f.env, v, NULL, 0, &n), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf16(f.env, v, NULL, 0, &n), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueStringLatin1(f.env, v, NULL, 0, &n), JSVM_STRING_EXPECTED);
        EXPECT_EQ_INT(n, 77);
        EXPECT_TRUE(buf[0] == 'X' && wbuf[0] == 0xAAAA);
    }
    JSVM_Value num = NULL;
    size_t n = 0;
    CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, 5, &num));
    EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf8(f.env, num, NULL, 0, &n), JSVM_STRING_EXPECTED);
    jt_teardown(&f);
}

static void getters_invalid_args(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value h = utf8(f.env, "hey", JSVM_AUTO_LENGTH);
    char buf[8];
    char16_t wbuf[8];
    size_t n = 0;
    /* Length query without a place for the length. */
    EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, NULL, 0, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueStringLatin1(f.env, h, NULL, 0, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf16(f.env, h, NULL, 0, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf8(f.env, h, NULL, 8, NULL), JSVM_INVALID_ARG);
    /* NULL value. */
    EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf8(f.env, NULL, buf, sizeof buf, &n), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueStringLatin1(f.env, NULL, buf, sizeof buf, &n), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueStringUtf16(f.env, NULL, wbuf, 8, &n), JSVM_INVALID_ARG);
    /* NULL env. */
    EXPECT_VM_STATUS(OH_JSVM_GetValueStringUtf8(NULL, h, buf, sizeof buf, &n), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_GetValueStringLatin1(NULL, h, buf, sizeof buf, &n), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_GetValueStringUtf16(NULL, h, wbuf, 8, &n), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

/* Latin-1 output of characters above U+00FF keeps the low byte of each code unit. */
static void latin1_read_of_wide_chars(void)
{
    jt_fixture f;
    jt_setup(&f);
    /* U+0141 (0x41), U+20AC (0xAC), U+4E2D (0x2D), U+00E9 (0xE9). */
    JSVM_Value s = JT_RUN(f.env, "'\\u0141\\u20ac\\u4e2d\\u00e9'");
    char buf[8];
    size_t n = 0;
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, s, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 4);
    EXPECT_TRUE(memcmp(buf, "\x41\xAC\x2D\xE9\0", 5) == 0);
    /* An emoji is two code units: D83D DE00 -> 0x3D 0x00. */
    JSVM_Value e = utf8(f.env, EMOJI_UTF8, JSVM_AUTO_LENGTH);
    memset(buf, 'X', sizeof buf);
    CHECK_OK(f.env, OH_JSVM_GetValueStringLatin1(f.env, e, buf, sizeof buf, &n));
    EXPECT_EQ_INT(n, 3);
    EXPECT_TRUE(memcmp(buf, "\xE9\x3D\x00\x00X", 5) == 0);
    jt_teardown(&f);
}

JT_MAIN("strings", JT_TEST(utf8_lengths), JT_TEST(embedded_nul_kept_with_explicit_length),
        JT_TEST(null_str_with_zero_length), JT_TEST(invalid_creation_args), JT_TEST(latin1_high_bytes),
        JT_TEST(utf16_surrogates), JT_TEST(utf8_invalid_input_replaced), JT_TEST(round_trips),
        JT_TEST(utf8_read_of_lone_surrogate), JT_TEST(length_queries), JT_TEST(truncation_utf8),
        JT_TEST(truncation_utf8_multibyte), JT_TEST(truncation_utf16), JT_TEST(truncation_latin1),
        JT_TEST(result_optional_with_buffer), JT_TEST(getters_reject_non_strings), JT_TEST(getters_invalid_args),
        JT_TEST(latin1_read_of_wide_chars))
