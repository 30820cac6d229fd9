#!/bin/bash
# run.sh - `make run`: boot the emulated RME host and run a realm in it.
#
# The host boots on QEMU virt with FEAT_RME, inserts kvm-realm.ko and runs
# `realm-vmm run --kernel Image --mec`.  The console streams to the terminal;
# the log is kept in out/run/host.log.  Each stage says plainly whether it
# worked; the exit status is 0 only if the realm ran.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$TOP/out}
mkdir -p "$OUT/run"

"$TOP/tools/mkinitramfs.sh" "$OUT/initramfs.cpio.gz"
firmware=qemu
[ -f "$OUT/monitor/flash.bin" ] && firmware=monitor

set +e
"$TOP/tools/run-qemu.sh" --firmware "$firmware" --smp 2 --timeout 900 \
	--append "realm_stack.tests=run-realm" \
	--initrd "$OUT/initramfs.cpio.gz" --log "$OUT/run/host.log"
rc=$?
set -e
echo
echo "make run: verdict"
grep -q 'CPU: All CPU(s) started at EL2' "$OUT/run/host.log" &&
	echo "  host booted at NS-EL2 on the emulated RME machine (firmware: $firmware)" ||
	echo "  host did NOT boot (see $OUT/run/host.log)"
grep -E '^# (run-realm|kvm_realm|realm-vmm)' "$OUT/run/host.log" | sed 's/^# /  /' || true
[ "$rc" -eq 0 ] && echo "  realm: ran to completion" || echo "  realm: did not run (status $rc)"
exit "$rc"
