#!/bin/sh
# sandbox_test.sh HOST CHECK SRCDIR WORKDIR: the app sandbox of the host.
# sandbox_io.cpp reaches /data/storage/el1 and /data/storage/el2 through
# std::fstream, stdio, POSIX and std::filesystem; the files land in the
# sandbox directory, persist for the next process, and paths that only look
# similar (el3, el2x, relative ones, $SANDBOX_IO_OUTSIDE) are left alone.
# The directory is chosen by --sandbox, else $JSVM_OHOS_SANDBOX, else the
# build cache's sandbox/.
set -eu
host=$1 check=$2 src=$3/sandbox_io.cpp expected=$3/sandbox_io.expected work=$4
rm -rf "$work"
mkdir -p "$work"
cd "$work"
work=$(pwd -P)
unset JSVM_OHOS_SANDBOX
fail() { echo "FAILED: $*"; exit 1; }

# A relative path that looks like the app's, and files where a mapping of
# the wrong prefixes would find them.
mkdir -p data/storage/el2/base/files sandbox/el3/base/files sandbox/el2x sandbox/el10
echo relative > data/storage/el2/base/files/relative.txt
touch sandbox/el3/base/files/probe sandbox/el2x/probe sandbox/el10/probe

# --sandbox, relative to the working directory; -v says where it is.
SANDBOX_IO_OUTSIDE=$work/outside.txt "$check" --stdout "$expected" \
  --err "app sandbox: /data/storage/el1 and /data/storage/el2 are $work/sandbox/el1 and $work/sandbox/el2" \
  -- "$host" -v --sandbox sandbox "$src" -e runTest -e countRun

# What the module left, seen from outside.
for level in el1 el2; do
  for dir in files cache temp preferences; do
    [ -d "sandbox/$level/base/$dir" ] || fail "sandbox/$level/base/$dir was not created"
  done
done
[ "$(cat sandbox/el2/base/files/runs.txt)" = 1 ] || fail "runs.txt is not in sandbox/el2/base/files"
[ "$(cat sandbox/el1/base/cache/freopen.txt)" = "written after freopen" ] || fail "freopen.txt"
[ "$(stat -c %a sandbox/el2/base/temp/mode.txt)" = 640 ] || fail "mode.txt is not 0640"
[ "$(cat outside.txt)" = "outside the sandbox" ] || fail "outside.txt was not written in place"
[ ! -e sandbox/el2/base/files/sub ] && [ ! -e sandbox/el2/base/files/fs ] || fail "removed directories remain"
[ ! -e sandbox/el2/base/files/note.txt ] || fail "note.txt was not renamed away"
echo "ok: the files are in the sandbox"

# The next process sees the same files: $JSVM_OHOS_SANDBOX this time.
JSVM_OHOS_SANDBOX=$work/sandbox "$check" --out "run 2" -- "$host" "$src" -e countRun
# --sandbox wins over $JSVM_OHOS_SANDBOX.
JSVM_OHOS_SANDBOX=$work/elsewhere "$check" --out "run 3" -- "$host" --sandbox=sandbox "$src" -e countRun
[ ! -e elsewhere ] || fail "\$JSVM_OHOS_SANDBOX was used although --sandbox was given"
# Neither: the build cache's sandbox/ directory.
JSVM_OHOS_RUN_CACHE=$work/cache "$check" --out "run 1" \
  --err "app sandbox: /data/storage/el1 and /data/storage/el2 are $work/cache/sandbox/el1" \
  -- "$host" -v "$src" -e countRun
[ "$(cat cache/sandbox/el2/base/files/runs.txt)" = 1 ] || fail "the default sandbox is not the cache's sandbox/"
