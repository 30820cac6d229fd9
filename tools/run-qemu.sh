#!/bin/bash
# run-qemu.sh - boot the Debian arm64 kernel on QEMU virt with FEAT_RME.
#
# Usage: tools/run-qemu.sh [--firmware qemu|monitor] [--smp N] [--mem SIZE]
#                          [--timeout SEC] [--append STR] [--log FILE]
#                          [--kernel FILE] [--icount SHIFT] [--initrd FILE]
#
# --firmware qemu     QEMU's own boot code enters the kernel at NS-EL2 (no RMM)
# --firmware monitor  our EL3 monitor (with the RMM packed behind it in
#                     out/monitor/flash.bin) is the -bios image; it fetches
#                     the kernel, initrd and command line from QEMU's fw_cfg
#
# --icount SHIFT      deterministic execution: every instruction takes 2^SHIFT
#                     ns of virtual time (QEMU -icount, sleep=off); used by
#                     the RMM benchmark to count instructions
# --kernel FILE       the arm64 Image to boot instead of the Debian kernel
#                     (KERNEL_IMAGE of env.mk), e.g. the bare-metal test
#                     payload out/ns-host/ns-host.bin, which ignores the initrd
#
# Non-interactive: the console goes to stdout (and --log), QEMU is killed after
# --timeout seconds.  The exit status is the guest's: the number of failed test
# scripts from its "REALM-STACK-RESULT: N" line, 124 on timeout, 125 when the
# guest ended without a result line.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CACHE:-$TOP/.cache}
OUT=${OUT:-$TOP/out}
# shellcheck disable=SC1091
eval "$(sed -n 's/^\([A-Z_]*\) := \(.*\)$/\1="\2"/p' "$CACHE/env.mk")"

firmware=qemu smp=2 mem=2G timeout=300 append="" initrd="" log="" kernel=$KERNEL_IMAGE icount=""
while [ $# -gt 0 ]; do
	case "$1" in
	--firmware) firmware=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--kernel) kernel=$2; shift 2 ;;
	--icount) icount=$2; shift 2 ;;
	*) echo "run-qemu: unknown option '$1'" >&2; exit 2 ;;
	esac
done
[ -f "$kernel" ] || { echo "run-qemu: kernel image '$kernel' is missing" >&2; exit 2; }

args=(-M virt,secure=on,virtualization=on,gic-version=3 -cpu max,x-rme=on
      -m "$mem" -smp "$smp" -nographic -nic none -no-reboot
      -kernel "$kernel"
      -append "console=ttyAMA0 panic=-1 realm_stack.firmware=$firmware $append")
[ -z "$initrd" ] || args+=(-initrd "$initrd")
[ -z "$icount" ] || args+=(-icount "shift=$icount,sleep=off")
case "$firmware" in
qemu) ;;
monitor)
	[ -f "$OUT/monitor/flash.bin" ] || { echo "run-qemu: $OUT/monitor/flash.bin is missing; run 'make firmware'" >&2; exit 2; }
	args+=(-bios "$OUT/monitor/flash.bin" -semihosting) ;;
*) echo "run-qemu: --firmware must be qemu or monitor" >&2; exit 2 ;;
esac

log=${log:-$(mktemp "${TMPDIR:-/tmp}/run-qemu.XXXXXX.log")}
kdesc=$KVER
[ "$kernel" = "$KERNEL_IMAGE" ] || kdesc=$kernel
echo "run-qemu: $QEMU_VERSION_LINE, kernel $kdesc, firmware $firmware, -smp $smp -m $mem" | tee "$log"
set +e
timeout --kill-after=5 "$timeout" "$QEMU" "${args[@]}" < /dev/null 2>&1 | tee -a "$log"
qemu_rc=${PIPESTATUS[0]}
set -e
if [ "$qemu_rc" -eq 124 ] || [ "$qemu_rc" -eq 137 ]; then
	echo "run-qemu: timed out after ${timeout}s (log: $log)" >&2
	exit 124
fi
result=$(sed -n 's/^REALM-STACK-RESULT: \([0-9]*\).*/\1/p' "$log" | tail -n 1)
if [ -z "$result" ]; then
	echo "run-qemu: the guest ended without a result line (QEMU status $qemu_rc, log: $log)" >&2
	exit 125
fi
exit "$result"
