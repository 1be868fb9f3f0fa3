/*
 * Test of include/hilog/log.h: captures stdout in a temporary file, logs a few
 * messages and compares the captured text with the expected lines.
 * Builds as C11 or C++17 (POSIX for mkstemp/dup/dup2).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A user-chosen domain and tag, as OpenHarmony samples do. */
#define LOG_DOMAIN 0x3200
#define LOG_TAG "TEST"
#include "hilog/log.h"

#define LONG_LEN 3000

int main(void)
{
    char path[] = "/tmp/test_hilog_XXXXXX";
    static char longArg[LONG_LEN + 1];
    static char expected[LONG_LEN + 512];
    static char actual[LONG_LEN + 1024];
    int fd;
    int saved;
    ssize_t n;

    memset(longArg, 'a', LONG_LEN);
    longArg[LONG_LEN] = '\0';

    fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        return 2;
    }
    unlink(path);

    fflush(stdout);
    saved = dup(STDOUT_FILENO);
    if (saved < 0 || dup2(fd, STDOUT_FILENO) < 0) {
        perror("dup");
        return 2;
    }

    OH_LOG_INFO(LOG_APP, "value: %{public}d, s=%{private}s", 42, "x");
    OH_LOG_ERROR(LOG_APP, "an error without arguments");
    OH_LOG_WARN(LOG_APP, "100%% done: %{public}s", "ok");
    OH_LOG_DEBUG(LOG_APP, "ends with newline\n");
    OH_LOG_FATAL(LOG_APP, "%{public}s|%{private}u|%{public}.2f", "mix", 7u, 1.5);
#if defined(__x86_64__) || defined(__aarch64__)
    /* OpenHarmony samples pass int64_t to %{public}d; see the note in log.h. */
    OH_LOG_INFO(LOG_APP, "int64 via %%d: %{public}d", (int64_t)123);
#endif
    OH_LOG_INFO(LOG_APP, "long: %{public}s", longArg);

    fflush(stdout);
    if (dup2(saved, STDOUT_FILENO) < 0) {
        perror("dup2");
        return 2;
    }
    close(saved);

    if (lseek(fd, 0, SEEK_SET) != 0) {
        perror("lseek");
        return 2;
    }
    n = read(fd, actual, sizeof(actual) - 1);
    close(fd);
    if (n < 0) {
        perror("read");
        return 2;
    }
    actual[n] = '\0';

    strcpy(expected,
           "value: 42, s=x\n"
           "an error without arguments\n"
           "100% done: ok\n"
           "ends with newline\n"
           "mix|7|1.50\n");
#if defined(__x86_64__) || defined(__aarch64__)
    strcat(expected, "int64 via %d: 123\n");
#endif
    strcat(expected, "long: ");
    strcat(expected, longArg);
    strcat(expected, "\n");

    if (strcmp(actual, expected) != 0) {
        printf("test_hilog: FAILED\n--- expected ---\n%s--- actual ---\n%s--- end ---\n", expected, actual);
        return 1;
    }
    printf("test_hilog: OK\n");
    return 0;
}
