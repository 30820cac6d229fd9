#!/bin/bash
# mkrealm-initramfs.sh - the realm guest's initramfs: busybox, the Debian
# modules a realm needs (REALM_GUEST_MODULES in tools/versions.env) and
# selftests/realm-guest/init.
#
# Usage: tools/mkrealm-initramfs.sh OUTPUT.cpio.gz
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CACHE:-$TOP/.cache}
out=${1:?usage: mkrealm-initramfs.sh OUTPUT.cpio.gz}
eval "$(sed -n 's/^\([A-Z_]*\) := \(.*\)$/\1="\2"/p' "$CACHE/env.mk")"

root=$(mktemp -d "${TMPDIR:-/tmp}/realm-initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,proc,sys,dev,tmp,lib/modules}
cp "$BUSYBOX" "$root/bin/busybox"
IFS=, read -r -a mods <<< "$REALM_GUEST_MODULES"
for m in "${mods[@]}"; do
	cp "$REALM_GUEST_MODULE_DIR/$(basename "$m")" "$root/lib/modules/"
done
cp "$TOP/selftests/realm-guest/init" "$root/init"
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -6) > "$out.tmp"
mv "$out.tmp" "$out"
