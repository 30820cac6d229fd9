#!/bin/bash
# mkinitramfs.sh - pack the test initramfs for the emulated RME host.
#
# Usage: tools/mkinitramfs.sh OUTPUT.cpio.gz
#
# Contents: busybox (static arm64), kvm-realm.ko, realm-vmm, the kernel Image
# and realm-guest initramfs that realm-vmm boots, the guest-side
# tests from selftests/emu/, and an /init that runs the tests named on the
# kernel command line (realm_stack.tests=a,b or "all"), prints one
# "REALM-STACK-RESULT: <failed-count>" line and powers off.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CACHE:-$TOP/.cache}
OUT=${OUT:-$TOP/out}
out=${1:?usage: mkinitramfs.sh OUTPUT.cpio.gz}

eval "$(sed -n 's/^\([A-Z_]*\) := \(.*\)$/\1="\2"/p' "$CACHE/env.mk")"
for f in "$CACHE/boot/busybox" "$OUT/kvm-realm.ko" "$OUT/vmm/realm-vmm" "$KERNEL_IMAGE"; do
	[ -e "$f" ] || { echo "mkinitramfs: $f is missing; run 'make' first" >&2; exit 1; }
done

root=$(mktemp -d "$OUT/initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,lib/modules,tests,mnt,boot}
cp "$CACHE/boot/busybox" "$root/bin/busybox"
cp "$OUT/kvm-realm.ko" "$root/lib/modules/"
cp "$OUT/vmm/realm-vmm" "$root/bin/"
# What realm-vmm boots inside a realm: the same Debian kernel, its own initramfs.
cp "$KERNEL_IMAGE" "$root/boot/Image"
"$TOP/tools/mkrealm-initramfs.sh" "$root/boot/realm-initramfs.cpio.gz"
cp "$TOP"/selftests/emu/*.sh "$TOP"/selftests/emu/*.job "$TOP"/selftests/emu/tap.inc "$root/tests/"
[ -d "$OUT/selftests" ] && cp -r "$OUT/selftests" "$root/tests/bin"

cat > "$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
export PATH=/bin:/sbin
cut -d' ' -f1 /proc/uptime > /tmp/host-init-uptime
echo "realm-stack guest: kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPU(s)"

tests=$(sed -n 's/.*realm_stack\.tests=\([^ ]*\).*/\1/p' /proc/cmdline)
[ -n "$tests" ] || tests=all
if [ "$tests" = all ]; then
	list=$(ls /tests/*.sh)
else
	# a name is a test script (NAME.sh) or a job (NAME.job, not part of "all")
	list=$(for n in $(echo "$tests" | tr ',' ' '); do
		if [ -f "/tests/$n.job" ]; then echo "/tests/$n.job"; else echo "/tests/$n.sh"; fi
	done)
fi

failed=0
for t in $list; do
	echo "# running $(basename "$t")"
	if ! sh "$t"; then
		failed=$((failed + 1))
	fi
done
echo "REALM-STACK-RESULT: $failed"
poweroff -f
INIT
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -6) > "$out.tmp"
mv "$out.tmp" "$out"
