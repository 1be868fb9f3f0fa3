/*
 * libjsvm -- minimal header-only stand-in for OpenHarmony's <hilog/log.h>.
 *
 * It lets OpenHarmony sample code that logs through OH_LOG_INFO() & co. build
 * unchanged on Linux. Every log call writes exactly one line to stdout and
 * flushes it. The line holds only the formatted message (no level, domain or
 * tag prefix), so test output can be compared with the log lines shown in the
 * OpenHarmony documentation. A message that already ends in '\n' does not get
 * a second one.
 *
 * Formatting is printf-style. The hilog privacy qualifiers written between '%'
 * and the conversion ("%{public}d", "%{private}s") are removed before the
 * format is handed to vsnprintf; nothing is masked. As with printf, matching
 * length modifiers to argument types is the caller's job. Note: OpenHarmony
 * samples pass int64_t values to "%{public}d". That is undefined behaviour in
 * strict C, but on LP64 x86_64 and aarch64 it prints the right value whenever
 * the value fits in an int.
 *
 * LOG_DOMAIN and LOG_TAG may be defined before including this header (or
 * #undef'd and redefined after it); they are accepted and ignored.
 */
#ifndef LIBJSVM_HILOG_LOG_H
#define LIBJSVM_HILOG_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
#define OH_LOG_CHAR_PTR_(p) static_cast<char*>(p)
#define OH_LOG_SIZE_(n) static_cast<size_t>(n)
extern "C" {
#else
#define OH_LOG_CHAR_PTR_(p) ((char*)(p))
#define OH_LOG_SIZE_(n) ((size_t)(n))
#endif

/** Log type. Applications always use LOG_APP. */
typedef enum {
    LOG_APP = 0
} LogType;

/** Log severity levels. */
typedef enum {
    LOG_DEBUG = 3,
    LOG_INFO = 4,
    LOG_WARN = 5,
    LOG_ERROR = 6,
    LOG_FATAL = 7
} LogLevel;

#ifndef LOG_DOMAIN
#define LOG_DOMAIN 0
#endif

#ifndef LOG_TAG
#define LOG_TAG NULL
#endif

/*
 * Copies fmt to out (which has room for strlen(fmt) + 1 bytes), dropping every
 * "{...}" group of letters that directly follows a '%'. "%%" is kept as is.
 */
static inline void OH_LOG_StripPrivacyFlags(const char* fmt, char* out)
{
    while (*fmt != '\0') {
        char c = *fmt++;
        *out++ = c;
        if (c != '%') {
            continue;
        }
        if (*fmt == '%') {
            *out++ = *fmt++;
            continue;
        }
        if (*fmt == '{') {
            const char* p = fmt + 1;
            while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
                ++p;
            }
            if (*p == '}') {
                fmt = p + 1;
            }
        }
    }
    *out = '\0';
}

/* The format is a run-time string by design; keep -Wformat=2 users quiet. */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wsuggest-attribute=format"
#endif
#endif

/**
 * Formats one log message and writes it to stdout as a single line.
 * type, level, domain and tag are accepted for compatibility and ignored.
 * Returns the number of characters written, or -1 on error.
 */
static inline int OH_LOG_Print(LogType type, LogLevel level, unsigned int domain, const char* tag, const char* fmt,
                               ...)
{
    char fmtStack[256];
    char msgStack[1024];
    char* fmtBuf = fmtStack;
    char* msg = msgStack;
    size_t fmtLen;
    int len;
    va_list ap;

    (void)type;
    (void)level;
    (void)domain;
    (void)tag;
    if (!fmt) {
        return -1;
    }

    fmtLen = strlen(fmt);
    if (fmtLen >= sizeof(fmtStack)) {
        fmtBuf = OH_LOG_CHAR_PTR_(malloc(fmtLen + 1));
        if (!fmtBuf) {
            return -1;
        }
    }
    OH_LOG_StripPrivacyFlags(fmt, fmtBuf);

    va_start(ap, fmt);
    len = vsnprintf(msgStack, sizeof(msgStack) - 1, fmtBuf, ap); /* keep a byte for '\n' */
    va_end(ap);
    if (len >= 0 && OH_LOG_SIZE_(len) >= sizeof(msgStack) - 1) {
        msg = OH_LOG_CHAR_PTR_(malloc(OH_LOG_SIZE_(len) + 2));
        if (msg) {
            va_start(ap, fmt);
            len = vsnprintf(msg, OH_LOG_SIZE_(len) + 1, fmtBuf, ap);
            va_end(ap);
        }
    }
    if (fmtBuf != fmtStack) {
        free(fmtBuf);
    }
    if (!msg || len < 0) {
        if (msg && msg != msgStack) {
            free(msg);
        }
        return -1;
    }

    if (len == 0 || msg[len - 1] != '\n') {
        msg[len++] = '\n';
    }
    /* One fwrite per message so concurrent loggers do not interleave lines. */
    if (fwrite(msg, 1, OH_LOG_SIZE_(len), stdout) != OH_LOG_SIZE_(len)) {
        len = -1;
    }
    fflush(stdout);
    if (msg != msgStack) {
        free(msg);
    }
    return len;
}

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

/** Always true: every level is printed. */
static inline bool OH_LOG_IsLoggable(unsigned int domain, const char* tag, LogLevel level)
{
    (void)domain;
    (void)tag;
    (void)level;
    return true;
}

/* The format string is part of __VA_ARGS__ so calls without arguments are valid C99/C++11. */
#define OH_LOG_DEBUG(type, ...) ((void)OH_LOG_Print((type), LOG_DEBUG, LOG_DOMAIN, LOG_TAG, __VA_ARGS__))
#define OH_LOG_INFO(type, ...) ((void)OH_LOG_Print((type), LOG_INFO, LOG_DOMAIN, LOG_TAG, __VA_ARGS__))
#define OH_LOG_WARN(type, ...) ((void)OH_LOG_Print((type), LOG_WARN, LOG_DOMAIN, LOG_TAG, __VA_ARGS__))
#define OH_LOG_ERROR(type, ...) ((void)OH_LOG_Print((type), LOG_ERROR, LOG_DOMAIN, LOG_TAG, __VA_ARGS__))
#define OH_LOG_FATAL(type, ...) ((void)OH_LOG_Print((type), LOG_FATAL, LOG_DOMAIN, LOG_TAG, __VA_ARGS__))

#ifdef __cplusplus
}
#endif

#endif /* LIBJSVM_HILOG_LOG_H */
