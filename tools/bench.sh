#!/bin/bash
# bench.sh - `make bench`: a realm's boot time and virtio-blk read throughput,
# each beside the same measurement on the emulated host in the same run
# (selftests/emu/bench.job), so that the ratio is the figure.  Numbers
# only; nothing here passes or fails on a threshold.  Ends with the RMM's
# own costs (tools/bench-rmm.sh).
set -uo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$TOP/out}
B=$OUT/bench
mkdir -p "$B"
"$TOP/tools/mkinitramfs.sh" "$B/host-initramfs.cpio.gz" || exit 1
"$TOP/tools/run-qemu.sh" --firmware monitor --smp 2 --mem 2G --timeout 1500 \
	--append "realm_stack.rmm=present realm_stack.tests=bench" \
	--initrd "$B/host-initramfs.cpio.gz" --log "$B/bench.log" > /dev/null
rc=$?
tr -d '\r' < "$B/bench.log" > "$B/bench.log.clean"

val() { # who key field: the number after "field" on "BENCH who key ..."
	awk -v w="$1" -v k="$2" -v f="$3" '$1 == "BENCH" && $2 == w && $3 == k {
		for (i = 3; i < NF; i++) if ($i == f) { print $(i + 1); exit } }' "$B/bench.log.clean"
}
host_boot=$(val host boot-s boot-s)
realm_boot=$(val realm boot-s boot-s)
host_bytes=$(val host read-bytes read-bytes) host_secs=$(val host read-bytes seconds)
realm_bytes=$(val realm read-bytes read-bytes) realm_secs=$(val realm read-bytes seconds)

awk -v hb="$host_boot" -v rb="$realm_boot" -v hB="$host_bytes" -v hs="$host_secs" \
    -v rB="$realm_bytes" -v rs="$realm_secs" 'BEGIN {
	printf "make bench: realm vs host, same run, emulated RME machine (QEMU TCG)\n"
	printf "  %-30s %12s %12s %12s\n", "", "host", "realm", "realm/host"
	if (hb != "" && rb != "")
		printf "  %-30s %12.2f %12.2f %12.2f\n", "boot to init (s)", hb, rb, rb / hb
	else
		printf "  %-30s %12s %12s\n", "boot to init (s)", hb == "" ? "n/a" : hb, rb == "" ? "n/a" : rb
	if (hs > 0 && rs > 0) {
		h = hB / hs / 1048576; r = rB / rs / 1048576
		printf "  %-30s %12.2f %12.2f %12.3f\n", "sequential read (MiB/s)", h, r, r / h
	} else
		printf "  %-30s %12s %12s\n", "sequential read (MiB/s)", "n/a", "n/a"
}'
echo "  (log: $B/bench.log)"
# The RMM's own costs, as instruction counts (make bench-rmm).
echo
"$TOP/tools/bench-rmm.sh" || rc=1
exit $rc
