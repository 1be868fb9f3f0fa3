/*
 * cache.c: code-cache format, checksums, writing, validation, reading, and
 * the BackgroundDeserialize worker (see cache.h for the layout and for what
 * runs on which thread).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <nmmintrin.h>
#define JSVM_CRC_X86 1
#endif

#include "cache.h"

/* ------------------------------------------------------------------ */
/* CRC32C                                                              */

static uint32_t crc_tab[8][256]; /* slicing-by-8, built once */
static int crc_use_hw;
static uint32_t build_tag;
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static uint32_t crc_sw_raw(uint32_t c, const uint8_t *p, size_t n);

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0x82F63B78u & (0u - (c & 1)));
        crc_tab[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++)
            crc_tab[t][i] = (crc_tab[t - 1][i] >> 8) ^ crc_tab[0][crc_tab[t - 1][i] & 0xff];
#ifdef JSVM_CRC_X86
    __builtin_cpu_init();
    crc_use_hw = __builtin_cpu_supports("sse4.2") != 0;
#endif
    /* Everything that makes bytecode of one build unreadable by another:
     * the engine version (with its suffix), QuickJS's bytecode version, the
     * value representation and the byte order. */
    static const char id[] = "quickjs-ng " JSVM_QJS_VERSION_STR " bc" JSVM_STR(JSVM_QJS_BC_VERSION)
                             " ptr" JSVM_STR(__SIZEOF_POINTER__)
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                             " le"
#else
                             " be"
#endif
        ;
    uint32_t jv = (uint32_t)sizeof(JSValue);
    uint8_t jvb[4] = {(uint8_t)jv, (uint8_t)(jv >> 8), (uint8_t)(jv >> 16), (uint8_t)(jv >> 24)};
    /* the raw table function: we are inside pthread_once */
    uint32_t c = crc_sw_raw(0xffffffffu, (const uint8_t *)id, sizeof id - 1);
    build_tag = ~crc_sw_raw(c, jvb, 4);
}

static inline uint32_t ld32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t ld64(const uint8_t *p) { return (uint64_t)ld32(p) | (uint64_t)ld32(p + 4) << 32; }
static inline uint16_t ld16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline void st16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void st32(uint8_t *p, uint32_t v)
{
    st16(p, (uint16_t)v);
    st16(p + 2, (uint16_t)(v >> 16));
}
static inline void st64(uint8_t *p, uint64_t v)
{
    st32(p, (uint32_t)v);
    st32(p + 4, (uint32_t)(v >> 32));
}

static inline void crc_ready(void) { pthread_once(&crc_once, crc_init); }

/* c: the running (inverted) register. */
static uint32_t crc_sw_raw(uint32_t c, const uint8_t *p, size_t n)
{
    while (n && ((uintptr_t)p & 7)) {
        c = (c >> 8) ^ crc_tab[0][(c ^ *p++) & 0xff];
        n--;
    }
    while (n >= 8) {
        uint32_t lo = ld32(p) ^ c, hi = ld32(p + 4);
        c = crc_tab[7][lo & 0xff] ^ crc_tab[6][(lo >> 8) & 0xff] ^ crc_tab[5][(lo >> 16) & 0xff] ^
            crc_tab[4][lo >> 24] ^ crc_tab[3][hi & 0xff] ^ crc_tab[2][(hi >> 8) & 0xff] ^
            crc_tab[1][(hi >> 16) & 0xff] ^ crc_tab[0][hi >> 24];
        p += 8;
        n -= 8;
    }
    while (n--)
        c = (c >> 8) ^ crc_tab[0][(c ^ *p++) & 0xff];
    return c;
}

#ifdef JSVM_CRC_X86
__attribute__((target("sse4.2"))) static uint32_t crc_hw_raw(uint32_t c, const uint8_t *p, size_t n)
{
    while (n && ((uintptr_t)p & 7)) {
        c = _mm_crc32_u8(c, *p++);
        n--;
    }
#ifdef __x86_64__
    uint64_t c64 = c;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        c64 = _mm_crc32_u64(c64, v);
        p += 8;
        n -= 8;
    }
    c = (uint32_t)c64;
#endif
    while (n >= 4) {
        uint32_t v;
        memcpy(&v, p, 4);
        c = _mm_crc32_u32(c, v);
        p += 4;
        n -= 4;
    }
    while (n--)
        c = _mm_crc32_u8(c, *p++);
    return c;
}

#ifdef __x86_64__
/* Three lanes of l bytes each (l a multiple of 8) at p, p+l, p+2l, in
 * parallel: the crc32 instruction has a latency of ~3 cycles and a
 * throughput of 1, so three independent chains keep it busy. */
__attribute__((target("sse4.2"))) static void crc_hw_3(const uint8_t *p, size_t l, uint32_t r[3])
{
    uint64_t a = 0xffffffffu, b = 0xffffffffu, c = 0xffffffffu;
    const uint8_t *q = p + l, *s = p + 2 * l;
    for (size_t i = 0; i < l; i += 8) {
        uint64_t x, y, z;
        memcpy(&x, p + i, 8);
        memcpy(&y, q + i, 8);
        memcpy(&z, s + i, 8);
        a = _mm_crc32_u64(a, x);
        b = _mm_crc32_u64(b, y);
        c = _mm_crc32_u64(c, z);
    }
    r[0] = (uint32_t)a;
    r[1] = (uint32_t)b;
    r[2] = (uint32_t)c;
}
#endif
#endif

uint32_t jsvm_crc32c_sw(uint32_t crc, const void *buf, size_t n)
{
    crc_ready();
    return ~crc_sw_raw(~crc, (const uint8_t *)buf, n);
}

uint32_t jsvm_crc32c(uint32_t crc, const void *buf, size_t n)
{
    crc_ready();
#ifdef JSVM_CRC_X86
    if (crc_use_hw)
        return ~crc_hw_raw(~crc, (const uint8_t *)buf, n);
#endif
    return ~crc_sw_raw(~crc, (const uint8_t *)buf, n);
}

int jsvm_crc32c_hw(void)
{
    crc_ready();
    return crc_use_hw;
}

#define JSVM_HASH_SPLIT 4096

static uint32_t hash_combine(uint32_t a, uint32_t b, uint32_t c, int hw)
{
    uint8_t t[12];
    st32(t, a);
    st32(t + 4, b);
    st32(t + 8, c);
    return hw ? jsvm_crc32c(0, t, 12) : jsvm_crc32c_sw(0, t, 12);
}

uint32_t jsvm_hash_sw(const void *buf, size_t n)
{
    const uint8_t *p = buf;
    if (n < JSVM_HASH_SPLIT)
        return jsvm_crc32c_sw(0, p, n);
    size_t l = (n / 3) & ~(size_t)7;
    return hash_combine(jsvm_crc32c_sw(0, p, l), jsvm_crc32c_sw(0, p + l, l),
                        jsvm_crc32c_sw(0, p + 2 * l, n - 2 * l), 0);
}

uint32_t jsvm_hash(const void *buf, size_t n)
{
    const uint8_t *p = buf;
    crc_ready();
#if defined(JSVM_CRC_X86) && defined(__x86_64__)
    if (crc_use_hw) {
        if (n < JSVM_HASH_SPLIT)
            return ~crc_hw_raw(0xffffffffu, p, n);
        size_t l = (n / 3) & ~(size_t)7;
        uint32_t r[3];
        crc_hw_3(p, l, r);
        /* the third lane runs on over the tail (n - 3l < 27 bytes) */
        r[2] = crc_hw_raw(r[2], p + 3 * l, n - 3 * l);
        return hash_combine(~r[0], ~r[1], ~r[2], 1);
    }
#endif
    return jsvm_hash_sw(p, n);
}

static const char default_filename[] = "<script>";

uint32_t jsvm_origin_hash(const char *filename, int line)
{
    uint8_t l[4];
    if (!filename)
        filename = default_filename;
    st32(l, (uint32_t)line);
    return jsvm_crc32c(jsvm_crc32c(0, l, 4), filename, strlen(filename));
}

#define JSVM_ENGINE_VERSION ((uint32_t)QJS_VERSION_MAJOR << 16 | (uint32_t)QJS_VERSION_MINOR << 8 | (uint32_t)QJS_VERSION_PATCH)

uint32_t jsvm_cache_version_tag(void)
{
    uint8_t f[4];
    crc_ready();
    st32(f, JSVM_CACHE_FORMAT_VERSION);
    return jsvm_crc32c(build_tag, f, 4);
}

static const char *const verdict_names[JSVM_CACHE_NVERDICTS] = {
    "accepted",
    "shorter than the header",
    "bad magic",
    "other format version",
    "header checksum mismatch",
    "other engine version or build",
    "unknown writer flags",
    "reserved header bytes not zero",
    "length does not match the header (truncated or extended)",
    "payload checksum mismatch",
    "made from another source",
    "made under another origin (resource name or line offset)",
    "the engine could not read the bytecode",
};

const char *jsvm_cache_verdict_name(int v)
{
    return v >= 0 && v < JSVM_CACHE_NVERDICTS ? verdict_names[v] : "?";
}

/* ------------------------------------------------------------------ */
/* format                                                              */

static const uint8_t magic[4] = {'L', 'J', 'C', 'C'};

int jsvm_cache_check_header(const uint8_t *buf, size_t len, jsvm_cache_hdr *h)
{
    crc_ready();
    if (len < JSVM_CACHE_HEADER_SIZE)
        return JSVM_CACHE_TOO_SHORT;
    if (memcmp(buf, magic, 4) != 0)
        return JSVM_CACHE_BAD_MAGIC;
    /* format before the checksum: a cache of another format version may lay
     * its header out differently, and should be reported as such */
    if (ld16(buf + 4) != JSVM_CACHE_FORMAT_VERSION || ld16(buf + 6) != JSVM_CACHE_HEADER_SIZE)
        return JSVM_CACHE_BAD_FORMAT;
    if (ld32(buf + 60) != jsvm_crc32c(0, buf, 60))
        return JSVM_CACHE_BAD_HEADER_SUM;
    if (ld32(buf + 8) != JSVM_ENGINE_VERSION || ld32(buf + 12) != build_tag)
        return JSVM_CACHE_BAD_ENGINE;
    if (ld32(buf + 16) != JSVM_CACHE_FLAGS)
        return JSVM_CACHE_BAD_FLAGS;
    for (int i = 48; i < 60; i++)
        if (buf[i])
            return JSVM_CACHE_BAD_RESERVED;
    uint64_t pl = ld64(buf + 40);
    /* 5: QuickJS's own version byte and checksum field */
    if (pl != (uint64_t)(len - JSVM_CACHE_HEADER_SIZE) || pl < 5)
        return JSVM_CACHE_BAD_LENGTH;
    h->origin_hash = ld32(buf + 20);
    h->source_len = ld64(buf + 24);
    h->source_hash = ld32(buf + 32);
    h->payload_hash = ld32(buf + 36);
    h->payload_len = pl;
    return JSVM_CACHE_OK;
}

int jsvm_cache_check_payload(const uint8_t *buf, const jsvm_cache_hdr *h)
{
    if (jsvm_hash(buf + JSVM_CACHE_HEADER_SIZE, (size_t)h->payload_len) != h->payload_hash)
        return JSVM_CACHE_BAD_PAYLOAD_SUM;
    return JSVM_CACHE_OK;
}

uint8_t *jsvm_cache_write(JSContext *ctx, JSValueConst fn, const char *src, size_t srclen,
                          uint32_t origin_hash, size_t *out_len)
{
    size_t n = 0;
    crc_ready();
    /* Debug info (file name, line table) and function sources are kept:
     * stack traces and Function.prototype.toString must be the same as for
     * a script compiled from source. */
    uint8_t *bc = JS_WriteObject(ctx, &n, fn, JS_WRITE_OBJ_BYTECODE);
    if (!bc)
        return NULL;
    /* The payload must be what this build's reader expects: version byte,
     * then QuickJS's checksum field, which we replace below. */
    if (n < 5 || bc[0] != JSVM_QJS_BC_VERSION) {
        js_free(ctx, bc);
        return NULL;
    }
    /* The buffer outlives the VM (the caller owns it, another process may
     * read it), so it is plain malloc memory, not the runtime's. */
    uint8_t *buf = malloc(JSVM_CACHE_HEADER_SIZE + n);
    if (!buf) {
        js_free(ctx, bc);
        return NULL;
    }
    uint8_t *pl = buf + JSVM_CACHE_HEADER_SIZE;
    memcpy(pl, bc, n);
    js_free(ctx, bc);
    /* UINT32_MAX tells JS_ReadObject not to recompute its checksum: our
     * payload hash covers these bytes and is checked before they reach it. */
    memset(pl + 1, 0xff, 4);

    memset(buf, 0, JSVM_CACHE_HEADER_SIZE);
    memcpy(buf, magic, 4);
    st16(buf + 4, JSVM_CACHE_FORMAT_VERSION);
    st16(buf + 6, JSVM_CACHE_HEADER_SIZE);
    st32(buf + 8, JSVM_ENGINE_VERSION);
    st32(buf + 12, build_tag);
    st32(buf + 16, JSVM_CACHE_FLAGS);
    st32(buf + 20, origin_hash);
    st64(buf + 24, (uint64_t)srclen);
    st32(buf + 32, jsvm_hash(src, srclen));
    st32(buf + 36, jsvm_hash(pl, n));
    st64(buf + 40, (uint64_t)n);
    st32(buf + 60, jsvm_crc32c(0, buf, 60));
    *out_len = JSVM_CACHE_HEADER_SIZE + n;
    return buf;
}

/* ------------------------------------------------------------------ */
/* BackgroundDeserialize                                               */

static void bg_validate(struct JSVM_DeserializeResult__ *r)
{
    jsvm_cache_hdr h;
    int v = jsvm_cache_check_header(r->cache, r->len, &h);
    if (v == JSVM_CACHE_OK)
        v = jsvm_cache_check_payload(r->cache, &h);
    pthread_mutex_lock(&r->mu);
    r->verdict = v;
    r->done = 1;
    pthread_cond_broadcast(&r->cv);
    pthread_mutex_unlock(&r->mu);
}

static void *bg_main(void *arg)
{
    bg_validate(arg);
    return NULL;
}

struct JSVM_DeserializeResult__ *jsvm_bg_start(const uint8_t *cache, size_t len)
{
    struct JSVM_DeserializeResult__ *r = calloc(1, sizeof(*r));
    if (!r)
        return NULL;
    r->magic = JSVM_BG_MAGIC;
    r->cache = cache;
    r->len = len;
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv, NULL);
    crc_ready(); /* once, here, rather than racing in the worker */

    /* The worker never runs Go or user code: it blocks every signal, so
     * process-directed signals go to the host's and Go's threads. */
    sigset_t all, old;
    pthread_attr_t attr;
    sigfillset(&all);
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    r->started = pthread_create(&r->thread, &attr, bg_main, r) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (!r->started)
        bg_validate(r); /* no thread available: same verdict, on this thread */
    return r;
}

static int bg_wait(struct JSVM_DeserializeResult__ *r)
{
    pthread_mutex_lock(&r->mu);
    while (!r->done)
        pthread_cond_wait(&r->cv, &r->mu);
    int v = r->verdict;
    pthread_mutex_unlock(&r->mu);
    return v;
}

void jsvm_bg_free(struct JSVM_DeserializeResult__ *r)
{
    if (r->started)
        pthread_join(r->thread, NULL);
    pthread_cond_destroy(&r->cv);
    pthread_mutex_destroy(&r->mu);
    r->magic = 0;
    free(r);
}

/* ------------------------------------------------------------------ */
/* consuming a cache (the VM's thread)                                 */

int jsvm_cache_load(JSVM_Env env, const uint8_t *buf, size_t len, struct JSVM_DeserializeResult__ *bg,
                    const char *src, size_t srclen, uint32_t origin_hash, JSValue *fn)
{
    jsvm_cache_hdr h;
    int v, checked = 0;
    if (bg && bg->cache == buf && bg->len == len) {
        /* The worker checked header and payload; the header is parsed again
         * (60 bytes) for the fields compared below. */
        v = bg_wait(bg);
        if (v == JSVM_CACHE_OK)
            v = jsvm_cache_check_header(buf, len, &h);
        checked = 1;
    } else {
        v = jsvm_cache_check_header(buf, len, &h);
    }
    if (v != JSVM_CACHE_OK)
        return v;
    if (h.origin_hash != origin_hash)
        return JSVM_CACHE_ORIGIN_MISMATCH;
    /* src == NULL: a snapshot restore vouches for the cache (it was made
     * from this very script, and the blob carrying both passed its own
     * checksum), so the source and payload checks are not repeated. */
    if (src) {
        /* cheapest first: the length, then the source hash, then the
         * payload (the largest) */
        if (h.source_len != (uint64_t)srclen)
            return JSVM_CACHE_SOURCE_MISMATCH;
        if (h.source_hash != jsvm_hash(src, srclen))
            return JSVM_CACHE_SOURCE_MISMATCH;
        if (!checked && (v = jsvm_cache_check_payload(buf, &h)) != JSVM_CACHE_OK)
            return v;
    }

    JSContext *ctx = env->ctx;
    jsvm_enter(env); /* the reader recurses: stack limit of this thread */
    JSValue f = JS_ReadObject(ctx, buf + JSVM_CACHE_HEADER_SIZE, (size_t)h.payload_len, JS_READ_OBJ_BYTECODE);
    jsvm_leave(env);
    if (JS_IsException(f)) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        return JSVM_CACHE_READ_FAILED;
    }
    if (JS_VALUE_GET_TAG(f) != JS_TAG_FUNCTION_BYTECODE) {
        JS_FreeValue(ctx, f);
        return JSVM_CACHE_READ_FAILED;
    }
    *fn = f;
    return JSVM_CACHE_OK;
}
