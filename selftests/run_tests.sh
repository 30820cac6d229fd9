#!/bin/sh
# Run every kvm-realm selftest in DIR (default: this script's directory),
# TAP as the kselftest harness prints it; exit 1 if any program failed.
# Usable where make is not (the emulated host's busybox).
dir=${1:-$(dirname "$0")}
failed=0
for t in "$dir"/*; do
	case "$t" in *.sh|*.d|*/lib) continue ;; esac
	[ -x "$t" ] || continue
	echo "# selftest: $(basename "$t")"
	"$t" || failed=1
done
exit $failed
