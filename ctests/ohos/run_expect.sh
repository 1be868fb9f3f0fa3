#!/bin/sh
# run_expect.sh PROGRAM EXPECTED: runs PROGRAM and compares its stdout with
# the EXPECTED file line by line; fails on any difference or a non-zero exit.
set -u
out=$("$1") || { echo "$1 exited with $?"; printf '%s\n' "$out"; exit 1; }
printf '%s\n' "$out" | diff -u "$2" - || exit 1
echo "output matches $(basename "$2")"
