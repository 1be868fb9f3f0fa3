#!/bin/sh
# callgrind.sh BENCH_CORE [--only=abcdef] [--iters=N]
# Instructions per op (JSVM vs plain C) from one valgrind --tool=callgrind run
# of bench_core --callgrind: deterministic where wall-clock time is noisy.
# bench_core zeroes the counters before each timed run and dumps them after
# it (CALLGRIND_ZERO_STATS / CALLGRIND_DUMP_STATS_AT "<op> <side> n=<N>");
# only the main thread is counted (--separate-threads=yes, file suffix -01),
# so the Go runtime's background threads (sysmon, GC workers) are left out;
# everything the calls do on the calling thread, Go included, is counted.
# GODEBUG=asyncpreemptoff=1: callgrind 3.19 asserts on the Go runtime's
# preemption signals otherwise. cpu.rdtscp=off: on CPUs that have RDTSCP
# (e.g. AMD EPYC) the Go runtime's cputicks uses it and valgrind 3.19 stops
# the process with SIGILL; the runtime then falls back to fenced RDTSC.
set -eu
bench=${1:?usage: callgrind.sh path/to/bench_core [bench_core args]}
shift
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind not installed" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off valgrind --tool=callgrind --separate-threads=yes \
    --callgrind-out-file="$out/cg.%p" "$bench" --callgrind "$@" \
    >"$out/stdout" 2>"$out/stderr" || {
    cat "$out/stderr" >&2
    exit 1
}
echo "| op | JSVM instr/op | C instr/op | ratio |"
echo "|---|---:|---:|---:|"
# Dumps of client requests are cg.PID.K-TT; thread 01 is the caller's.
for f in "$out"/cg.*.*-01; do
    awk '/^desc: Trigger: Client Request:/ { op=$5; side=$6; sub("n=", "", $7); n=$7 }
         /^totals:/ { if (op != "") printf "%s %s %.1f\n", op, side, $2 / n }' "$f"
done | awk '
    { v[$1, $2] = $3; ops[$1] = 1 }
    END {
        for (o in ops) {
            j = v[o, "jsvm"]; b = v[o, "base"]
            if (b > 0) printf "| %s | %.0f | %.0f | %.2fx |\n", o, j, b, j / b
            else printf "| %s | %.0f | - | - |\n", o, j
        }
    }' | sort
