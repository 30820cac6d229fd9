#!/bin/bash
# bench-rmm.sh - `make bench-rmm`: what the RMM costs, as deterministic counts.
#
# Boots the bare-metal ns-host in benchmark mode (realm_stack.bench=1,
# tests/baremetal/ns-host/bench.c) under QEMU -icount shift=0, where every
# instruction takes exactly 1 ns of virtual time: the host's CNTPCT_EL0
# deltas are instruction counts across EL3, the RMM and the host, the same
# on every machine.  Two runs must agree, and the script says whether they
# did.  Prints the RMM image size, then each cost with its ratio to
# RMI_VERSION (the bare NS -> EL3 -> RMM round trip) measured in the same
# run.  Numbers only; nothing here passes or fails on a threshold.
set -uo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$TOP/out}
CACHE=${CACHE:-$TOP/.cache}
B=$OUT/bench-rmm
mkdir -p "$B"

for i in 1 2; do
	"$TOP/tools/run-qemu.sh" --firmware monitor --smp 1 --mem 2G --timeout 600 --icount 0 \
		--kernel "$OUT/ns-host/ns-host.bin" --append realm_stack.bench=1 \
		--log "$B/run$i.log" > /dev/null
	rc=$?
	tr -d '\r' < "$B/run$i.log" | sed -n 's/^# bench: //p' > "$B/run$i.txt"
	if [ "$rc" -ne 0 ] || [ ! -s "$B/run$i.txt" ]; then
		echo "bench-rmm: benchmark run $i failed (status $rc, log $B/run$i.log)" >&2
		grep -E '^not ok|^Bail' "$B/run$i.log" >&2
		exit 1
	fi
done

val() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$B/run1.txt"; }
bin=$OUT/rmm/rmm.bin
read -r text data bss < <(CACHE=$CACHE "$TOP/tools/inroot.sh" \
	"aarch64-linux-gnu-size $OUT/rmm/rmm.elf" | awk 'NR == 2 { print $1, $2, $3 }')
mem=$(tr -d '\r' < "$B/run1.log" | sed -n 's/.*RMM image [0-9]* bytes (\([0-9]*\) in memory).*/\1/p')
base=$(val rmi_version 2)

echo "make bench-rmm: RMM costs in instructions (QEMU -icount shift=0: 1 instruction = 1 ns"
echo "of virtual time; counts include EL3, the RMM and the NS host's SMC path)"
printf 'RMM image: rmm.bin %s bytes (text %s, data %s, bss %s; %s bytes in memory)\n' \
	"$(stat -c %s "$bin")" "$text" "$data" "$bss" "${mem:-?}"
printf '%-44s %10s %10s %10s %9s\n' "" median min max "/ RMI_VER"
row() { # key label
	awk -v k="$1" -v l="$2" -v b="$base" '$1 == k {
		printf "%-44s %10d %10d %10d %8.2fx\n", l, $2, $3, $4, $2 / b }' "$B/run1.txt"
}
row smc_el3 "SMCCC_VERSION (EL3 only, baseline)"
row rmi_version "RMI_VERSION (NS -> EL3 -> RMM, baseline)"
row data_create_4k "RMI_DATA_CREATE 4 KiB, measured (SHA-256)"
row data_create_4k_nm "RMI_DATA_CREATE 4 KiB, not measured"
row rec_round_trip "REC exit + re-enter (RSI_HOST_CALL)"
if cmp -s "$B/run1.txt" "$B/run2.txt"; then
	echo "deterministic: two runs gave identical counts"
else
	echo "deterministic: NO, the two runs differ (see $B/run1.txt, $B/run2.txt)"
fi
