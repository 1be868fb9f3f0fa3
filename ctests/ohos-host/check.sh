#!/bin/sh
# check.sh [checks] -- COMMAND [ARGS...]: runs COMMAND and checks what it did.
#   --stdout FILE   stdout equals FILE exactly
#   --no-stdout     stdout is empty (host messages belong on stderr)
#   --status N      exit status is N (default 0)
#   --err TEXT      stderr contains TEXT (repeatable)
#   --out TEXT      stdout contains TEXT (repeatable)
# On failure it prints what differs plus the command's stdout and stderr.
set -u
expect_stdout= no_stdout=0 status=0 errs= outs=
nl='
'
while [ $# -gt 0 ]; do
  case $1 in
    --stdout) expect_stdout=$2; shift 2 ;;
    --no-stdout) no_stdout=1; shift ;;
    --status) status=$2; shift 2 ;;
    --err) errs="$errs$2$nl"; shift 2 ;;
    --out) outs="$outs$2$nl"; shift 2 ;;
    --) shift; break ;;
    *) echo "check.sh: unknown option $1"; exit 2 ;;
  esac
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
"$@" >"$tmp/out" 2>"$tmp/err"
rc=$?
fail=0
[ "$rc" -eq "$status" ] || { echo "exit status $rc, expected $status"; fail=1; }
if [ -n "$expect_stdout" ]; then
  diff -u "$expect_stdout" "$tmp/out" || fail=1
fi
if [ "$no_stdout" = 1 ] && [ -s "$tmp/out" ]; then
  echo "stdout should be empty"; fail=1
fi
printf '%s' "$errs" | while IFS= read -r t; do
  grep -qF -- "$t" "$tmp/err" || { echo "stderr lacks: $t"; touch "$tmp/failed"; }
done
printf '%s' "$outs" | while IFS= read -r t; do
  grep -qF -- "$t" "$tmp/out" || { echo "stdout lacks: $t"; touch "$tmp/failed"; }
done
[ -e "$tmp/failed" ] && fail=1
if [ "$fail" = 1 ]; then
  echo "--- command: $*"; echo "--- stdout:"; cat "$tmp/out"; echo "--- stderr:"; cat "$tmp/err"
  exit 1
fi
echo "ok: $*"
