#!/bin/bash
# check.sh - everything `make check` runs, with one summary at the end.
#
#   1. host unit tests (cmocka): tests/, rmm-firmware/, monitor/
#   2. emulated-machine tests (TAP inside QEMU): tools/emu-tests.sh
#
# Each runner prints its own summary lines; the last line here is the plain
# "N passed, N failed, N skipped" total.  Exit status is non-zero on any failure.
set -uo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$TOP/out}
mkdir -p "$OUT"
log=$OUT/check.log
: > "$log"

# Count passes/failures from cmocka summaries and TAP lines in the log.
tally() {
	awk '
		/^\[  PASSED  \] [0-9]+ test/ { p += $4 }
		/^\[  FAILED  \] [0-9]+ test/ { f += $4 }
		/^ok [0-9]+.*# SKIP/ { s++; next }
		/^ok [0-9]+/ { p++ }
		/^not ok [0-9]+/ { f++ }
		END { printf "%d %d %d\n", p, f, s }' "$log"
}

status=0
run() { # title command...
	echo "=== $1"
	"${@:2}" 2>&1 | tee -a "$log"
	local rc=${PIPESTATUS[0]}
	[ "$rc" -eq 0 ] || { echo "=== $1: FAILED (status $rc)"; status=1; }
}

t0=$(date +%s)
run "kernel style" make -s -C "$TOP" check-style
run "host unit tests" make -s -C "$TOP" check-host
run "emulated RME machine" "$TOP/tools/emu-tests.sh"
# The make run job, non-interactively, plus SHA-512 and a killed realm-vmm.
run "realm run (the make run job)" env RUN_DIR="$OUT/check-run" VERDICT_TAP=1 \
	RUN_APPEND="realm_stack.extra=1" "$TOP/tools/run.sh"

read -r passed failed skipped < <(tally)
echo "=== make check took $(( $(date +%s) - t0 ))s"
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=$((failed + 1))  # a runner died without a test line
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
