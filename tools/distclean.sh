#!/bin/bash
# distclean.sh - remove .cache/ (tool root and downloads), refusing while
# anything is still mounted below it.
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CACHE:-$TOP/.cache}
[ -e "$CACHE" ] || exit 0
if awk -v p="$CACHE" '$5 == p || index($5, p "/") == 1 { f = 1 } END { exit !f }' /proc/self/mountinfo; then
	echo "distclean: something is mounted below $CACHE; not deleting it" >&2
	exit 1
fi
rm -rf "$CACHE"
