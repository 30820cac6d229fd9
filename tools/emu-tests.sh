#!/bin/bash
# emu-tests.sh - run the guest-side tests on the emulated RME machine.
#
# Each configuration boots the Debian arm64 kernel with the test initramfs and
# runs the TAP scripts of selftests/emu/, except monitor-ns-host, which boots
# the bare-metal payload of tests/baremetal/ns-host/ as the "kernel" (it tests
# the monitor and RMM from NS-EL2, runs a bare-metal realm, and ignores the
# initrd); the token that realm fetched is then verified on the host
# (tests/baremetal/verify-token.sh, saved as out/emu/ns-realm-token.cbor).
# Logs go to out/emu/<config>.log.
# Prints the TAP lines of every run and exits non-zero if any test failed or
# any boot did not produce a result.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$TOP/out}
mkdir -p "$OUT/emu"

"$TOP/tools/mkinitramfs.sh" "$OUT/initramfs.cpio.gz"

# name | runner options
# realm_stack.rmm= tells the guest tests whether this platform has an RMM.
CONFIGS=(
	"qemu-boot-2cpu|--firmware qemu --smp 2 --append realm_stack.rmm=absent"
	"monitor-rmm-2cpu|--firmware monitor --smp 2 --append realm_stack.rmm=present"
	"monitor-ns-host|--firmware monitor --smp 2 --kernel $OUT/ns-host/ns-host.bin"
)

status=0
for c in "${CONFIGS[@]}"; do
	name=${c%%|*}
	opts=${c#*|}
	log=$OUT/emu/$name.log
	start=$(date +%s%N)
	set +e
	# shellcheck disable=SC2086
	"$TOP/tools/run-qemu.sh" $opts --initrd "$OUT/initramfs.cpio.gz" --timeout 600 --log "$log" >/dev/null
	rc=$?
	set -e
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	echo "== emulated machine: $name ($((ms / 1000)).$(printf %03d $((ms % 1000)))s, log $log)"
	grep -E '^(ok|not ok) [0-9]+|^# [0-9]+ passed' "$log" || true
	if [ "$rc" -ne 0 ]; then
		echo "emu-tests: $name failed (status $rc)" >&2
		status=1
	fi
	# The bare-metal realm's attestation token, checked by the host tool.
	if [ "$name" = monitor-ns-host ] && ! "$TOP/tests/baremetal/verify-token.sh" "$log" "$OUT/emu"; then
		echo "emu-tests: the bare-metal realm's token did not verify" >&2
		status=1
	fi
done
exit $status
