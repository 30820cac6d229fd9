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
host_cbytes=$(val host copy-bytes copy-bytes) host_csecs=$(val host copy-bytes seconds)
realm_cbytes=$(val realm copy-bytes copy-bytes) realm_csecs=$(val realm copy-bytes seconds)
host_bytes=$(val host read-bytes read-bytes) host_secs=$(val host read-bytes seconds)
realm_bytes=$(val realm read-bytes read-bytes) realm_secs=$(val realm read-bytes seconds)

awk -v hb="$host_boot" -v rb="$realm_boot" -v hB="$host_bytes" -v hs="$host_secs" \
    -v hcB="$host_cbytes" -v hcs="$host_csecs" -v rcB="$realm_cbytes" -v rcs="$realm_csecs" \
    -v rB="$realm_bytes" -v rs="$realm_secs" 'BEGIN {
	printf "make bench: realm vs host, same run, emulated RME machine (QEMU TCG)\n"
	printf "  %-30s %12s %12s %12s\n", "", "host", "realm", "realm/host"
	if (hb != "" && rb != "")
		printf "  %-30s %12.2f %12.2f %12.2f\n", "boot to init (s)", hb, rb, rb / hb
	else
		printf "  %-30s %12s %12s\n", "boot to init (s)", hb == "" ? "n/a" : hb, rb == "" ? "n/a" : rb
	if (hcs > 0 && rcs > 0) {
		h = hcB / hcs / 1048576; r = rcB / rcs / 1048576
		printf "  %-30s %12.2f %12.2f %12.3f\n", "memory copy (MiB/s)", h, r, r / h
	} else
		printf "  %-30s %12s %12s\n", "memory copy (MiB/s)", "n/a", "n/a"
	if (hs > 0 && rs > 0) {
		h = hB / hs / 1048576; r = rB / rs / 1048576
		printf "  %-30s %12.2f %12.2f %12.3f\n", "sequential read (MiB/s)", h, r, r / h
	} else
		printf "  %-30s %12s %12s\n", "sequential read (MiB/s)", "n/a", "n/a"
}'
# Where the realm's time went: its requests and its exits to realm-vmm.
sed -n 's/^BENCH realm vda-reads \([0-9]*\) [0-9]* \([0-9]*\) \([0-9]*\)$/  realm disk: \1 read requests, \2 sectors, \3 ms in the block layer/p' \
	"$B/bench.log.clean"
sed -n 's/^BENCH realm report .*"exits":{\([^}]*\)}.*/  realm exits to realm-vmm: \1/p' "$B/bench.log.clean" | tr -d '"'
echo "  (log: $B/bench.log)"
# The RMM's own costs, as instruction counts (make bench-rmm).
echo
"$TOP/tools/bench-rmm.sh" || rc=1
exit $rc
