#!/bin/bash
# inroot.sh - run one shell command inside the trixie tool root.
#
# Usage: tools/inroot.sh 'command ...'
#
# The command runs in a private mount namespace: /proc, /dev/pts and the bind
# mount of the source tree exist only for this process and vanish with it, so
# nothing is ever left mounted below .cache/ (deleting a root with live bind
# mounts would delete through them).  The source tree is bound at the same
# absolute path inside the root, so paths mean the same thing on both sides.
# /dev is not bind-mounted: mmdebstrap leaves static device nodes in the root.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CACHE:-$TOP/.cache}
R=$CACHE/toolroot

if [ ! -x "$R/bin/sh" ]; then
	echo "inroot: no tool root at $R; run 'make bootstrap' (or 'make check') first" >&2
	exit 1
fi

exec unshare --mount --propagation private \
	env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C \
	DEBIAN_FRONTEND=noninteractive R="$R" TOP="$TOP" CACHE="$CACHE" \
	CMD="$*" \
	/bin/sh -c '
	mount -t proc proc "$R/proc" &&
	mount -t devpts -o newinstance,ptmxmode=0666 devpts "$R/dev/pts" &&
	mkdir -p "$R$TOP" && mount --bind "$TOP" "$R$TOP" &&
	case "$CACHE" in "$TOP"/*) ;; *) mkdir -p "$R$CACHE" && mount --bind "$CACHE" "$R$CACHE" ;; esac &&
	exec chroot "$R" /bin/sh -c "cd \"$TOP\" && $CMD"'
