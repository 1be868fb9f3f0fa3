/*
 * cache.h: code caches (OH_JSVM_CreateCodeCache and the consuming side of
 * the compile functions, OH_JSVM_BackgroundDeserialize).
 *
 * A code cache is QuickJS bytecode (JS_WriteObject of the compiled script
 * function) behind a fixed 64-byte header of our own. JS_ReadObject trusts
 * its input (quickjs.h: adversarial bytecode can corrupt memory), so no byte
 * reaches it before the header, the versions, the source/origin match and a
 * checksum over the whole payload have been verified. Checksums stop
 * corruption and mismatches, not an attacker who recomputes them: a cache is
 * trusted input, like the code it was made from (docs/RATIONALE.md).
 *
 * Header, little-endian (offsets in bytes):
 *    0  4  magic "LJCC"
 *    4  2  format version (JSVM_CACHE_FORMAT_VERSION)
 *    6  2  header size (64)
 *    8  4  engine version: major << 16 | minor << 8 | patch
 *   12  4  build tag: CRC32C of the engine identity (version string,
 *          bytecode version, pointer size, byte order, sizeof(JSValue))
 *   16  4  writer flags (JSVM_CACHE_FLAGS; anything else is refused)
 *   20  4  origin hash (resource name and first line, jsvm_origin_hash)
 *   24  8  source length in UTF-8 bytes
 *   32  4  source hash (jsvm_hash of the UTF-8 source)
 *   36  4  payload hash (jsvm_hash of bytes 64..end)
 *   40  8  payload length (the cache is exactly 64 + this long)
 *   48 12  reserved, zero
 *   60  4  header CRC: CRC32C of bytes 0..59
 * Payload: the JS_WriteObject output, with QuickJS's own checksum field
 * (bytes 1..4, a multiplicative sum it recomputes on every read) set to the
 * value that tells JS_ReadObject to skip it: the payload hash above covers
 * the same bytes and is checked first (JSVM_CACHE_FLAG_NO_INNER_SUM).
 *
 * Threads: everything here except jsvm_cache_write / jsvm_cache_read is
 * engine-free and may run on any thread (the BackgroundDeserialize worker
 * runs jsvm_cache_check_header and jsvm_cache_check_payload). Writing and
 * reading bytecode create or walk QuickJS objects: the VM's thread only.
 */
#ifndef LIBJSVM_CACHE_H
#define LIBJSVM_CACHE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "core.h"

/* Bump when the header or the payload encoding changes: old caches are then
 * rejected, and OH_JSVM_GetVMInfo's cachedDataVersionTag changes with it. */
#define JSVM_CACHE_FORMAT_VERSION 1u
#define JSVM_CACHE_HEADER_SIZE 64u
/* QuickJS's bytecode format version in quickjs-ng 0.15.1 (BC_VERSION in
 * quickjs.c, not exported): the first payload byte. The engine version pin
 * in core.h guards it. */
#define JSVM_QJS_BC_VERSION 26u

/* Writer flags. */
#define JSVM_CACHE_FLAG_BYTECODE 0x1u     /* payload is JS_WRITE_OBJ_BYTECODE output, debug info and sources kept */
#define JSVM_CACHE_FLAG_NO_INNER_SUM 0x2u /* QuickJS's own checksum field set to "skip" */
#define JSVM_CACHE_FLAGS (JSVM_CACHE_FLAG_BYTECODE | JSVM_CACHE_FLAG_NO_INNER_SUM)

/* Verdicts: why a cache was rejected (0 = accepted). Names for the debug
 * log in jsvm_cache_verdict_name. */
enum {
    JSVM_CACHE_OK = 0,
    JSVM_CACHE_TOO_SHORT,        /* shorter than the header */
    JSVM_CACHE_BAD_MAGIC,
    JSVM_CACHE_BAD_FORMAT,       /* other format version or header size */
    JSVM_CACHE_BAD_HEADER_SUM,
    JSVM_CACHE_BAD_ENGINE,       /* other engine version or build */
    JSVM_CACHE_BAD_FLAGS,
    JSVM_CACHE_BAD_RESERVED,
    JSVM_CACHE_BAD_LENGTH,       /* truncated or extended */
    JSVM_CACHE_BAD_PAYLOAD_SUM,
    JSVM_CACHE_SOURCE_MISMATCH,  /* other source (length or hash) */
    JSVM_CACHE_ORIGIN_MISMATCH,  /* other resource name or line offset */
    JSVM_CACHE_READ_FAILED,      /* JS_ReadObject refused it (e.g. out of memory) */
    JSVM_CACHE_NVERDICTS
};
const char *jsvm_cache_verdict_name(int verdict);

/* ---- checksums (any thread) ---- */
/* CRC32C (Castagnoli, reflected 0x82F63B78; crc32c("123456789") =
 * 0xE3069283). Pass 0 to start, the previous result to continue. Uses the
 * SSE4.2 crc32 instruction when the CPU has it, else slicing-by-8 tables. */
uint32_t jsvm_crc32c(uint32_t crc, const void *buf, size_t n);
uint32_t jsvm_crc32c_sw(uint32_t crc, const void *buf, size_t n); /* tables only (tests) */
/* The hash of sources and payloads: CRC32C below 4 KiB; above, the CRC32C
 * of each third (the first two of equal length, a multiple of 8) combined
 * by the CRC32C of the three values (12 bytes, little-endian). The thirds
 * are computed in parallel with SSE4.2 (≈ 8 bytes per cycle). */
uint32_t jsvm_hash(const void *buf, size_t n);
uint32_t jsvm_hash_sw(const void *buf, size_t n); /* tables only (tests) */
/* Origin hash: filename (NULL = the default "<script>") and first line. */
uint32_t jsvm_origin_hash(const char *filename, int line);
int jsvm_crc32c_hw(void); /* 1 when the SSE4.2 path is used */

/* The value OH_JSVM_GetVMInfo reports as cachedDataVersionTag: changes with
 * the engine build and the cache format version. */
uint32_t jsvm_cache_version_tag(void);

/* ---- validation (any thread) ---- */
typedef struct jsvm_cache_hdr {
    uint32_t origin_hash;
    uint32_t source_hash;
    uint32_t payload_hash;
    uint64_t source_len;
    uint64_t payload_len;
} jsvm_cache_hdr;
/* Header checks: size, magic, format, header CRC, engine, flags, reserved
 * bytes, exact total length. Fills *h when it returns JSVM_CACHE_OK. */
int jsvm_cache_check_header(const uint8_t *buf, size_t len, jsvm_cache_hdr *h);
/* Payload hash against the header (h from jsvm_cache_check_header). */
int jsvm_cache_check_payload(const uint8_t *buf, const jsvm_cache_hdr *h);

/* ---- the VM's thread ---- */
/* Serialises the compiled script function fn. src/srclen: its UTF-8
 * source; origin_hash: jsvm_origin_hash of its origin. Returns a malloc'd
 * buffer (header + payload) that the caller owns, or NULL (out of memory or
 * an engine failure; an exception may then be pending on ctx: the caller
 * drops it). */
uint8_t *jsvm_cache_write(JSContext *ctx, JSValueConst fn, const char *src, size_t srclen,
                          uint32_t origin_hash, size_t *out_len);

/* A BackgroundDeserialize in flight or done. The worker thread owns nothing
 * but reads cache[0..len), which the caller keeps alive and unchanged until
 * the compile that uses the result (or the release) returns. */
struct JSVM_DeserializeResult__ {
    uint32_t magic;              /* JSVM_BG_MAGIC while alive */
    const uint8_t *cache;
    size_t len;
    pthread_t thread;
    int started;                 /* a worker thread exists (join at release) */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done;                    /* under mu */
    int verdict;                 /* header + payload verdict, valid once done */
};
#define JSVM_BG_MAGIC 0xb6de5e71u
/* Starts the worker (validates off the calling thread; validates inline if
 * no thread can be created). NULL when out of memory. */
struct JSVM_DeserializeResult__ *jsvm_bg_start(const uint8_t *cache, size_t len);
/* Joins the worker and frees the result. */
void jsvm_bg_free(struct JSVM_DeserializeResult__ *r);

/* Validates buf against the source and origin about to be compiled and, if
 * it matches, reads the bytecode into *fn (a JS_TAG_FUNCTION_BYTECODE value
 * owned by the caller). bg: a live BackgroundDeserialize result or NULL; it
 * is used only when it was made for this very buffer (same pointer and
 * length): the compile then waits for its worker and takes its verdict
 * instead of hashing the payload again. src NULL: the caller (a snapshot
 * restore) vouches that buf was made for the script it compiles, and only
 * the header and the origin are checked. No exception may be pending on
 * ctx; none is left pending. Returns the verdict. */
int jsvm_cache_load(JSVM_Env env, const uint8_t *buf, size_t len, struct JSVM_DeserializeResult__ *bg,
                    const char *src, size_t srclen, uint32_t origin_hash, JSValue *fn);

#endif
