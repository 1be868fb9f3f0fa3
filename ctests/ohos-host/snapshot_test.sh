#!/bin/sh
# snapshot_test.sh HOST CHECK EXAMPLE WORKDIR: the snapshot guide's flow
# across processes. examples/ohos/snapshot/hello.cpp's createSnapshot writes
# /data/storage/el2/base/files/test_blob.bin in one jsvm-ohos-run process;
# restoreSnapshot reads it in another, with the same sandbox, and calls
# createHelloString() in the restored env. The module's externalReferences
# reach libjsvm in both processes (through the host's OH_JSVM_Init), where
# CreateSnapshot needs them and CreateEnvFromSnapshot finds the callback.
set -eu
host=$1 check=$2 src=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
sandbox=$work/sandbox
blob=$sandbox/el2/base/files/test_blob.bin

# Before any snapshot: a clear failure.
"$check" --status 1 --out "JSVM cannot read /data/storage/el2/base/files/test_blob.bin: create the snapshot first" \
  --err "uncaught exception in restoreSnapshot(): Error: restoring the snapshot failed" \
  -- "$host" --sandbox "$sandbox" "$src" -e restoreSnapshot

cat > "$work/create.expected" <<'OUT'
JSVM set-up script ran: HELLO WORLD!
JSVM snapshot of 1 env written to /data/storage/el2/base/files/test_blob.bin
OUT
"$check" --stdout "$work/create.expected" -- "$host" --sandbox "$sandbox" "$src" -e createSnapshot
[ -s "$blob" ] || { echo "FAILED: no blob at $blob"; exit 1; }

cat > "$work/restore.expected" <<'OUT'
JSVM snapshot read back from /data/storage/el2/base/files/test_blob.bin
JSVM createHelloString() in the restored env: Hello world!
JSVM script state in the restored env: HELLO WORLD! / RESTORED
JSVM restored env and VM destroyed
OUT
"$check" --stdout "$work/restore.expected" -- "$host" --sandbox "$sandbox" "$src" -e restoreSnapshot
# Again, in a third process: the file is not consumed.
"$check" --stdout "$work/restore.expected" -- "$host" --sandbox "$sandbox" "$src" -e restoreSnapshot
