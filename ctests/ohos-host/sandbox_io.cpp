// sandbox_io.cpp: a module that uses the app's directories the way device
// code does, through std::fstream, stdio, POSIX and std::filesystem, to
// check that jsvm-ohos-run maps /data/storage/el1 and /data/storage/el2 to
// its sandbox directory and leaves every other path alone. Each check logs
// one line, "ok: ..." or "FAILED: ..."; sandbox_test.sh compares the lines
// and looks at the files the module left in the sandbox.
//
// Entry points:
//   runTest   the checks. $SANDBOX_IO_OUTSIDE names an absolute path outside
//             the sandbox to write; the working directory holds
//             data/storage/el2/base/files/relative.txt (a relative path,
//             which must not be mapped).
//   countRun  reads the number in /data/storage/el2/base/files/runs.txt,
//             adds one, writes it back and logs it: the sandbox persists
//             between processes.
#include "napi/native_api.h"
#include "hilog/log.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#define FILES "/data/storage/el2/base/files"

static int g_failures = 0;

static void Check(bool ok, const char *what)
{
    if (ok) {
        OH_LOG_INFO(LOG_APP, "ok: %{public}s", what);
    } else {
        g_failures++;
        OH_LOG_ERROR(LOG_APP, "FAILED: %{public}s (errno %{public}d: %{public}s)", what, errno, strerror(errno));
    }
}

static std::string ReadAll(const char *path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return in ? text.str() : std::string("<unreadable>");
}

static std::string ReadFd(int fd)
{
    char buf[64] = "";
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
    if (fd >= 0) {
        close(fd);
    }
    return n >= 0 ? std::string(buf, static_cast<size_t>(n)) : std::string("<unreadable>");
}

static bool IsDir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void Streams()
{
    std::ofstream out(FILES "/note.txt", std::ios::out | std::ios::trunc);
    out << "first line\nsecond line\n";
    out.close();
    Check(out.good(), "std::ofstream writes " FILES "/note.txt");
    Check(ReadAll(FILES "/note.txt") == "first line\nsecond line\n", "std::ifstream reads it back");

    char line[64] = "";
    FILE *f = fopen(FILES "/note.txt", "r");
    Check(f != nullptr && fgets(line, sizeof(line), f) != nullptr && strcmp(line, "first line\n") == 0,
          "fopen/fgets read the first line");
    if (f != nullptr) {
        fclose(f);
    }
    f = fopen(FILES "/note.txt", "a");
    Check(f != nullptr && fputs("third line\n", f) >= 0 && fclose(f) == 0, "fopen appends a line");
    Check(ReadAll(FILES "/note.txt") == "first line\nsecond line\nthird line\n", "std::ifstream sees the appended line");

    f = fopen(FILES "/note.txt", "r");
    f = f != nullptr ? freopen("/data/storage/el1/base/cache/freopen.txt", "w", f) : nullptr;
    Check(f != nullptr && fputs("written after freopen\n", f) >= 0 && fclose(f) == 0,
          "freopen switches a stream to /data/storage/el1/base/cache/freopen.txt");
}

static void Descriptors()
{
    umask(022);
    int fd = open("/data/storage/el2/base/temp/mode.txt", O_WRONLY | O_CREAT | O_TRUNC, 0640);
    Check(fd >= 0 && write(fd, "mode", 4) == 4 && close(fd) == 0, "open(O_CREAT, 0640) creates temp/mode.txt");
    struct stat st;
    Check(stat("/data/storage/el2/base/temp/mode.txt", &st) == 0 && (st.st_mode & 0777) == 0640 && st.st_size == 4,
          "stat: mode 0640 (the variadic mode reached libc), 4 bytes");
    Check(ReadFd(openat(AT_FDCWD, "/data/storage/el2/base/temp/mode.txt", O_RDONLY)) == "mode",
          "openat(AT_FDCWD, absolute path) reads it");
    int dir = open("/data/storage/el2/base/temp", O_RDONLY | O_DIRECTORY);
    Check(dir >= 0 && ReadFd(openat(dir, "mode.txt", O_RDONLY)) == "mode",
          "openat(directory fd, relative name) reads it");
    if (dir >= 0) {
        close(dir);
    }
    Check(open("/data/storage/el2/base/files/missing", O_RDONLY) == -1 && errno == ENOENT,
          "a missing file: -1, errno ENOENT");
    std::string longPath = "/data/storage/el2/" + std::string(PATH_MAX, 'x');
    errno = 0;
    Check(fopen(longPath.c_str(), "r") == nullptr && errno == ENAMETOOLONG, "a path too long: NULL, errno ENAMETOOLONG");
}

static void Directories()
{
    static const char *const dirs[] = {
        "/data/storage/el1/base/files", "/data/storage/el1/base/cache", "/data/storage/el1/base/temp",
        "/data/storage/el1/base/preferences", "/data/storage/el2/base/files", "/data/storage/el2/base/cache",
        "/data/storage/el2/base/temp", "/data/storage/el2/base/preferences",
    };
    int present = 0;
    for (const char *d : dirs) {
        present += IsDir(d) && access(d, R_OK | W_OK | X_OK) == 0 ? 1 : 0;
    }
    Check(present == 8, "the 8 app directories exist and are usable (stat, access)");
    struct stat st;
    Check(IsDir("/data/storage/el1") && IsDir("/data/storage/el2") && lstat("/data/storage/el2/base", &st) == 0 &&
              S_ISDIR(st.st_mode),
          "/data/storage/el1 and /data/storage/el2 themselves are mapped (stat, lstat)");

    Check(mkdir(FILES "/sub", 0700) == 0 && rename(FILES "/note.txt", FILES "/sub/renamed.txt") == 0,
          "mkdir, rename into the new directory");
    std::string names;
    DIR *d = opendir(FILES "/sub");
    for (struct dirent *e = d != nullptr ? readdir(d) : nullptr; e != nullptr; e = readdir(d)) {
        if (e->d_name[0] != '.') {
            names += e->d_name;
        }
    }
    if (d != nullptr) {
        closedir(d);
    }
    Check(names == "renamed.txt", "opendir lists renamed.txt");
    Check(truncate(FILES "/sub/renamed.txt", 5) == 0 && ReadAll(FILES "/sub/renamed.txt") == "first",
          "truncate to 5 bytes");
    Check(unlink(FILES "/sub/renamed.txt") == 0 && rmdir(FILES "/sub") == 0 && access(FILES "/sub", F_OK) == -1,
          "unlink, rmdir");
    FILE *f = fopen("/data/storage/el1/base/temp/gone.txt", "w");
    if (f != nullptr) {
        fclose(f);
    }
    Check(remove("/data/storage/el1/base/temp/gone.txt") == 0 &&
              access("/data/storage/el1/base/temp/gone.txt", F_OK) == -1,
          "remove");
}

static void Filesystem()
{
    namespace fs = std::filesystem;
    std::error_code ec;
    bool ok = fs::create_directories(FILES "/fs/a/b", ec) && fs::is_directory(FILES "/fs/a/b");
    std::ofstream(FILES "/fs/a/data.bin", std::ios::binary) << "12345678";
    ok = ok && fs::file_size(FILES "/fs/a/data.bin", ec) == 8;
    int entries = 0;
    for (const auto &entry : fs::directory_iterator(FILES "/fs/a", ec)) {
        entries += entry.path().filename() == "b" || entry.path().filename() == "data.bin" ? 1 : 0;
    }
    ok = ok && entries == 2 && fs::remove_all(FILES "/fs", ec) == 4 && !fs::exists(FILES "/fs");
    Check(ok, "std::filesystem: create_directories, file_size, directory_iterator, remove_all");
}

static void Untouched()
{
    // Only /data/storage/el1 and /data/storage/el2 are mapped: the test
    // puts these files in the sandbox, where a wrong mapping would find them.
    struct stat st;
    Check(stat("/data/storage/el3/base/files/probe", &st) == -1 && stat("/data/storage/el2x/probe", &st) == -1 &&
              stat("/data/storage/el10/probe", &st) == -1,
          "/data/storage/el3, el2x and el10 are not mapped");

    Check(ReadAll("data/storage/el2/base/files/relative.txt") == "relative\n",
          "a relative data/storage/el2/... path is the working directory's");

    const char *outside = getenv("SANDBOX_IO_OUTSIDE");
    if (outside != nullptr) {
        std::ofstream(outside) << "outside the sandbox\n";
        Check(ReadAll(outside) == "outside the sandbox\n", "$SANDBOX_IO_OUTSIDE is written where it says");
    } else {
        Check(false, "SANDBOX_IO_OUTSIDE is set");
    }
}

static napi_value RunTest(napi_env env, napi_callback_info info)
{
    Streams();
    Descriptors();
    Directories();
    Filesystem();
    Untouched();
    if (g_failures > 0) {
        napi_throw_error(env, nullptr, "sandbox checks failed");
    }
    return nullptr;
}

static napi_value CountRun(napi_env env, napi_callback_info info)
{
    int runs = 0;
    std::ifstream(FILES "/runs.txt") >> runs;
    std::ofstream(FILES "/runs.txt", std::ios::trunc) << runs + 1 << "\n";
    OH_LOG_INFO(LOG_APP, "run %{public}d", runs + 1);
    return nullptr;
}

EXTERN_C_START
static napi_value Init(napi_env env, napi_value exports)
{
    napi_property_descriptor desc[] = {
        {"runTest", nullptr, RunTest, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"countRun", nullptr, CountRun, nullptr, nullptr, nullptr, napi_default, nullptr},
    };
    napi_define_properties(env, exports, sizeof(desc) / sizeof(desc[0]), desc);
    return exports;
}
EXTERN_C_END

NAPI_MODULE(entry, Init)
