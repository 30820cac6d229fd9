#!/bin/bash
# bootstrap.sh - install everything the build and the tests need, idempotently.
#
# On a fresh Debian 12 (bookworm) x86_64 machine, as root:
#   1. host packages: compiler, cmocka (host unit tests), mmdebstrap, cpio, dtc
#   2. a Debian trixie tool root under .cache/toolroot holding QEMU with
#      FEAT_RME + FEAT_MEC (trixie-backports), the aarch64 gcc that built the
#      Debian arm64 kernel, that kernel's headers, static arm64 libfdt,
#      liburing and json-c, and dpkg-dev for source packages
#   3. the kernel Image (linux-binary-$KVER) and busybox-static:arm64, cached
#      as .debs under .cache/debs and unpacked to .cache/boot
#   4. the BearSSL and libfdt source packages for the freestanding firmware
#   5. .cache/bin/qemu-system-aarch64, a wrapper that runs the tool root's QEMU
#      on the host through the root's own dynamic loader
#   6. .cache/env.mk, the resolved versions and paths the Makefile includes
#
# Every step checks for its result first; a complete cache makes the whole
# script a no-op (one stamp comparison).  Versions come from tools/versions.env.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CACHE:-$TOP/.cache}
R=$CACHE/toolroot
STAMP=$CACHE/bootstrap.stamp
export DEBIAN_FRONTEND=noninteractive

# shellcheck source=tools/versions.env
. "$TOP/tools/versions.env"

die() { echo "bootstrap: $*" >&2; exit 1; }
t0=$(date +%s)
step() { echo "bootstrap [$(( $(date +%s) - t0 ))s]: $*" >&2; }

want_stamp=$(cat "$TOP/tools/versions.env" "$TOP/tools/bootstrap.sh" | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ] &&
   [ -f "$CACHE/env.mk" ] && [ -x "$R/usr/bin/qemu-system-aarch64" ]; then
	exit 0
fi

[ "$(id -u)" -eq 0 ] || die "must run as root (apt-get, mmdebstrap, chroot); re-run as root"
[ "$(uname -m)" = x86_64 ] || die "this bootstrap targets x86_64 build hosts; $(uname -m) is not supported"
mkdir -p "$CACHE/debs" "$CACHE/boot" "$CACHE/src" "$CACHE/bin"

# ------------------------------------------------------------ host packages
HOST_PKGS=(gcc make libc6-dev libcmocka-dev libfdt-dev libjson-c-dev liburing-dev pkg-config perl jq mmdebstrap cpio gzip
	   xz-utils zstd device-tree-compiler file util-linux)
missing=()
for p in "${HOST_PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	step "host packages: ${missing[*]}"
	apt-get update -qq || die "apt-get update failed: check the Debian mirror in /etc/apt/sources.list"
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
		die "apt-get install ${missing[*]} failed"
fi

# ------------------------------------------------------------ tool root
mounted_below() {
	awk -v p="$1" '$5 == p || index($5, p "/") == 1 { f = 1 } END { exit !f }' /proc/self/mountinfo
}

ROOT_PKGS=(
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu
	make bc bison flex libelf-dev libssl-dev kmod dwarves
	zstd xz-utils cpio file pkgconf dpkg-dev perl python3
	libc6-dev:arm64 libfdt-dev:arm64 liburing-dev:arm64 libjson-c-dev:arm64
)
if [ ! -x "$R/usr/bin/qemu-system-aarch64" ] || [ ! -x "$R/usr/bin/$KERNEL_CC" ] ||
   [ ! -f "$R/.toolroot-complete" ]; then
	if [ -e "$R" ]; then
		mounted_below "$R" && die "mounts exist below $R; refusing to delete it"
		step "removing incomplete tool root"
		rm -rf "$R"
	fi
	step "mmdebstrap $TOOLROOT_SUITE tool root (QEMU $QEMU_VERSION from $TOOLROOT_BACKPORTS)"
	mmdebstrap --quiet --variant=apt --architectures=amd64,arm64 \
		--include="$(IFS=,; echo "${ROOT_PKGS[*]}")" \
		--chrooted-customize-hook="apt-get install -y -qq --no-install-recommends -t $TOOLROOT_BACKPORTS qemu-system-arm=$QEMU_VERSION qemu-system-data=$QEMU_VERSION ipxe-qemu" \
		--skip=cleanup/apt/lists \
		"$TOOLROOT_SUITE" "$R" \
		"deb $DEBIAN_MIRROR $TOOLROOT_SUITE main" \
		"deb $DEBIAN_MIRROR $TOOLROOT_BACKPORTS main" \
		"deb-src $DEBIAN_MIRROR $TOOLROOT_SUITE main" >"$CACHE/mmdebstrap.log" 2>&1 ||
		die "mmdebstrap failed, see $CACHE/mmdebstrap.log (is QEMU $QEMU_VERSION still on $TOOLROOT_BACKPORTS? see tools/versions.env)"
	touch "$R/.toolroot-complete"
fi
INROOT="$TOP/tools/inroot.sh"
export CACHE

# ------------------------------------------------------------ kernel ABI
if [ "$KVER" = auto ]; then
	step "resolving the current kernel ABI in $TOOLROOT_BACKPORTS"
	KVER=$("$INROOT" "apt-cache -o APT::Default-Release=$TOOLROOT_BACKPORTS depends linux-headers-arm64:arm64" |
	       awk '/Depends: linux-headers-[0-9]/ && !d { sub(":arm64", "", $2); sub("^linux-headers-", "", $2); print $2; d = 1 }')
	[ -n "$KVER" ] || die "could not resolve the kernel ABI; pin KVER in tools/versions.env"
fi
HDIR=/usr/src/linux-headers-$KVER

if [ ! -f "$R$HDIR/.config" ]; then
	step "kernel headers $KVER"
	"$INROOT" "apt-get install -y -qq --no-install-recommends -t $TOOLROOT_BACKPORTS linux-headers-$KVER:arm64" >/dev/null ||
		die "linux-headers-$KVER is not installable (gone from the mirror?); update KVER in tools/versions.env"
fi
kcc=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="\(aarch64-linux-gnu-gcc-[0-9]*\).*/\1/p' "$R$HDIR/.config")
[ "$kcc" = "$KERNEL_CC" ] ||
	die "kernel $KVER was built with '${kcc:-unknown}', but tools/versions.env says KERNEL_CC=$KERNEL_CC"
[ -x "$R/usr/bin/$KERNEL_CC" ] || die "the tool root lacks $KERNEL_CC"

# ------------------------------------------------------------ Image, busybox
fetch_deb() { # package[=version] glob
	if ! ls "$CACHE"/debs/$2 >/dev/null 2>&1; then
		step "downloading $1"
		"$INROOT" "cd '$CACHE/debs' && apt-get -q -o APT::Sandbox::User=root download -t $TOOLROOT_BACKPORTS '$1'" >/dev/null ||
			die "cannot download $1 (gone from the mirror? update tools/versions.env)"
	fi
}
fetch_deb "linux-binary-$KVER:arm64" "linux-binary-${KVER}_*_arm64.deb"
bbver=${BUSYBOX_VERSION#*:}
fetch_deb "busybox-static:arm64=$BUSYBOX_VERSION" "busybox-static_*${bbver}_arm64.deb"

if [ ! -s "$CACHE/boot/Image-$KVER" ]; then
	kdeb=$(ls "$CACHE"/debs/linux-binary-"$KVER"_*_arm64.deb | tail -n 1)
	dpkg-deb --fsys-tarfile "$kdeb" | tar -xO "./usr/lib/modules/$KVER/vmlinuz" > "$CACHE/boot/Image-$KVER.tmp"
	[ "$(dd if="$CACHE/boot/Image-$KVER.tmp" bs=1 skip=56 count=4 status=none)" = ARMd ] ||
		die "$kdeb does not hold a raw arm64 Image"
	mv "$CACHE/boot/Image-$KVER.tmp" "$CACHE/boot/Image-$KVER"
fi
if [ ! -x "$CACHE/boot/busybox" ]; then
	bbdeb=$(ls "$CACHE"/debs/busybox-static_*"${bbver}"_arm64.deb | tail -n 1)
	dpkg-deb --fsys-tarfile "$bbdeb" |
		tar -xO ./usr/bin/busybox > "$CACHE/boot/busybox.tmp"
	chmod +x "$CACHE/boot/busybox.tmp" && mv "$CACHE/boot/busybox.tmp" "$CACHE/boot/busybox"
fi

# ------------------------------------------------------------ realm guest modules
# The realm guest is the same Debian kernel; virtio-mmio, virtio-blk and the
# attestation stack (configfs, tsm_report, arm-cca-guest) are modules in
# linux-modules-$KVER.  They are unpacked and decompressed once (busybox
# insmod does not read .ko.xz).
GUEST_MOD_DIR=$CACHE/boot/modules-$KVER
IFS=, read -r -a guest_mods <<< "$REALM_GUEST_MODULES"
guest_mods_complete() {
	local m
	for m in "${guest_mods[@]}"; do [ -s "$GUEST_MOD_DIR/$(basename "$m")" ] || return 1; done
}
if ! guest_mods_complete; then
	fetch_deb "linux-modules-$KVER:arm64" "linux-modules-${KVER}_*_arm64.deb"
	step "realm guest modules: ${guest_mods[*]##*/}"
	mdeb=$(ls "$CACHE"/debs/linux-modules-"$KVER"_*_arm64.deb | tail -n 1)
	rm -rf "$GUEST_MOD_DIR.tmp" && mkdir -p "$GUEST_MOD_DIR.tmp/x"
	pats=()
	for m in "${guest_mods[@]}"; do pats+=("*/kernel/$m" "*/kernel/$m.xz"); done
	# tar complains about the pattern of each form that is absent: the loop
	# below checks that every module was found in one form or the other.
	dpkg-deb --fsys-tarfile "$mdeb" |
		tar -x -C "$GUEST_MOD_DIR.tmp/x" --wildcards "${pats[@]}" 2>/dev/null || true
	for m in "${guest_mods[@]}"; do
		src=$GUEST_MOD_DIR.tmp/x/usr/lib/modules/$KVER/kernel/$m
		if [ -f "$src.xz" ]; then
			xz -dc "$src.xz" > "$GUEST_MOD_DIR.tmp/$(basename "$m")"
		elif [ -f "$src" ]; then
			cp "$src" "$GUEST_MOD_DIR.tmp/"
		else
			die "linux-modules-$KVER has no $m (see REALM_GUEST_MODULES in tools/versions.env)"
		fi
	done
	rm -rf "$GUEST_MOD_DIR.tmp/x" "$GUEST_MOD_DIR" && mv "$GUEST_MOD_DIR.tmp" "$GUEST_MOD_DIR"
fi

# ------------------------------------------------------------ kernel source files
# checkpatch.pl (and the data files it reads) and the kselftest harness are
# not in the headers package; take them from linux-source of the same series.
KSERIES=$(echo "$KVER" | sed -n 's/^\([0-9]*\.[0-9]*\).*/\1/p')
KSRC_DIR=$CACHE/linux-src
KSRC_FILES=(scripts/checkpatch.pl scripts/spelling.txt scripts/const_structs.checkpatch
	    tools/testing/selftests/kselftest_harness.h tools/testing/selftests/kselftest.h)
ksrc_complete() {
	local f
	for f in "${KSRC_FILES[@]}"; do [ -e "$KSRC_DIR/$f" ] || return 1; done
}
if ! ksrc_complete; then
	fetch_deb "linux-source-$KSERIES" "linux-source-${KSERIES}_*_all.deb"
	step "extracting checkpatch and the kselftest harness from linux-source-$KSERIES"
	srcdeb=$(ls "$CACHE"/debs/linux-source-"$KSERIES"_*_all.deb | tail -n 1)
	rm -rf "$KSRC_DIR.tmp" && mkdir -p "$KSRC_DIR.tmp"
	dpkg-deb --fsys-tarfile "$srcdeb" |
		tar -xO "./usr/src/linux-source-$KSERIES.tar.xz" |
		tar -xJ -C "$KSRC_DIR.tmp" --strip-components=1 \
			"${KSRC_FILES[@]/#/linux-source-$KSERIES/}" ||
		die "cannot extract ${KSRC_FILES[*]} from $srcdeb"
	rm -rf "$KSRC_DIR" && mv "$KSRC_DIR.tmp" "$KSRC_DIR"
fi

# ------------------------------------------------------------ source packages
# apt-get source unpacks with Debian's patches.  The mirror sometimes lists a
# source version whose .dsc is gone while its orig tarball is still there; then
# the orig tarball is checked against the index's SHA-256 and unpacked as is.
fetch_src() { # source-package
	local d orig sum want
	d=$(ls -d "$CACHE/src/$1"-*/ 2>/dev/null | head -n 1 || true)
	if [ -z "$d" ]; then
		step "source package $1"
		if ! "$INROOT" "cd '$CACHE/src' && apt-get -q -o APT::Sandbox::User=root source '$1'" >/dev/null 2>&1; then
			orig=$(ls "$CACHE/src/$1"_*.orig.tar.* 2>/dev/null | head -n 1 || true)
			[ -n "$orig" ] || die "apt-get source $1 failed and no orig tarball was fetched"
			want=$("$INROOT" "apt-cache showsrc '$1'" |
			       awk -v f="$(basename "$orig")" '/^Checksums-Sha256:/ { c = 1; next } /^[^ ]/ { c = 0 } c && $3 == f { print $1; exit }')
			sum=$(sha256sum "$orig" | cut -d' ' -f1)
			[ -n "$want" ] && [ "$sum" = "$want" ] || die "$orig does not match the Debian index checksum"
			echo "bootstrap: $1: Debian's .dsc is missing on the mirror; using the verified orig tarball" >&2
			mkdir -p "$CACHE/src/$1-orig"
			tar -xf "$orig" -C "$CACHE/src/$1-orig" --strip-components=1
		fi
		d=$(ls -d "$CACHE/src/$1"-*/ | head -n 1)
	fi
	printf '%s\n' "${d%/}"
}
BEARSSL_DIR=$(fetch_src "$BEARSSL_SRC")
LIBFDT_DIR=$(fetch_src "$LIBFDT_SRC")/libfdt
[ -f "$BEARSSL_DIR/inc/bearssl.h" ] || die "$BEARSSL_DIR has no inc/bearssl.h"
[ -f "$LIBFDT_DIR/libfdt.h" ] || die "$LIBFDT_DIR has no libfdt.h"

# ------------------------------------------------------------ QEMU wrapper
cat > "$CACHE/bin/qemu-system-aarch64" <<WRAP
#!/bin/sh
# Generated by tools/bootstrap.sh: the tool root's QEMU, run on the host through
# the root's own loader (trixie's QEMU needs a newer glibc than bookworm has).
R='$R'
export QEMU_MODULE_DIR="\$R/usr/lib/x86_64-linux-gnu/qemu"
exec "\$R/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "\$R/usr/lib/x86_64-linux-gnu" \\
	"\$R/usr/bin/qemu-system-aarch64" -L "\$R/usr/share/qemu" "\$@"
WRAP
chmod +x "$CACHE/bin/qemu-system-aarch64"
qemu_line=$("$CACHE/bin/qemu-system-aarch64" --version | head -n 1) || die "the QEMU wrapper does not run"

# ------------------------------------------------------------ env.mk
cat > "$CACHE/env.mk" <<ENV
# Generated by tools/bootstrap.sh from tools/versions.env; do not edit.
KVER := $KVER
KDIR := $HDIR
KERNEL_CC := $KERNEL_CC
KERNEL_IMAGE := $CACHE/boot/Image-$KVER
BUSYBOX := $CACHE/boot/busybox
BEARSSL_DIR := $BEARSSL_DIR
LIBFDT_DIR := $LIBFDT_DIR
QEMU := $CACHE/bin/qemu-system-aarch64
CHECKPATCH := $KSRC_DIR/scripts/checkpatch.pl
KSELFTEST_DIR := $KSRC_DIR/tools/testing/selftests
REALM_GUEST_MODULE_DIR := $GUEST_MOD_DIR
REALM_GUEST_MODULES := $REALM_GUEST_MODULES
QEMU_VERSION_LINE := $qemu_line
ENV
echo "$want_stamp" > "$STAMP"
step "ready: KVER=$KVER, $qemu_line"
