#!/bin/sh
# coverage.sh HEADER LIB [--strict]
# Prints how many functions declared in HEADER the shared library LIB exports
# and lists the missing ones. With --strict, also fails (exit 1) if LIB exports
# any dynamic symbol that is not an OH_JSVM_* function declared in HEADER.
set -eu
hdr=$1 lib=$2 strict=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -o 'OH_JSVM_[A-Za-z0-9_]*(' "$hdr" | tr -d '(' | sort -u > "$tmp/declared"
nm -D --defined-only "$lib" | awk '{print $NF}' | sort -u > "$tmp/exported"
total=$(wc -l < "$tmp/declared")
have=$(comm -12 "$tmp/declared" "$tmp/exported" | wc -l)
echo "libjsvm exports $have of $total functions declared in $(basename "$hdr")"
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
if [ -n "$missing" ]; then
  echo "not exported yet ($((total - have))):"
  echo "$missing" | sed 's/^/  /'
fi
if [ "$strict" = "--strict" ]; then
  extra=$(comm -13 "$tmp/declared" "$tmp/exported")
  if [ -n "$extra" ]; then
    echo "FAIL: exported symbols that are not declared OH_JSVM_* functions:"
    echo "$extra" | sed 's/^/  /'
    exit 1
  fi
  if [ -n "${4:-}" ]; then
    need=$(sort -u "$4" | comm -23 - "$tmp/exported")
    if [ -n "$need" ]; then
      echo "FAIL: required functions not exported:"
      echo "$need" | sed 's/^/  /'
      exit 1
    fi
  fi
  echo "exports OK"
fi
