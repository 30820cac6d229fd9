#!/bin/bash
# check-doc.sh - the UAPI documentation covers the UAPI (TAP).
#
# 1. every ioctl defined in uapi/linux/kvm-realm.h has a section in
#    Documentation/virt/kvm-realm/api.rst;
# 2. every errno kvm-realm.ko can hand to userspace (each -EXXX in kernel/)
#    appears in api.rst;
# 3. every exit reason in the header is described.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
HDR=$TOP/uapi/linux/kvm-realm.h
DOC=$TOP/Documentation/virt/kvm-realm/api.rst

# Section titles: lines followed by a line of only '-' characters.
titles=$(awk 'prev != "" && /^-+$/ { print prev } { prev = $0 }' "$DOC")
ioctls=$(sed -n 's/^#define \(KVM_REALM_[A-Z_]*\)[[:space:]]*_IO.*/\1/p' "$HDR")
errnos=$(grep -ohE -- '-E[A-Z0-9]+' "$TOP"/kernel/*.c | sed 's/^-//' | sort -u)
exits=$(sed -n 's/^#define \(KVM_REALM_EXIT_[A-Z_]*\)[[:space:]].*/\1/p' "$HDR" | grep -v '_NONE$')

n=0 failed=0
check() { # description status
	n=$((n + 1))
	if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=$((failed + 1)); fi
}

total=$(( $(echo "$ioctls" | wc -l) + $(echo "$errnos" | wc -l) + $(echo "$exits" | wc -l) ))
echo "TAP version 13"
echo "1..$total"
for i in $ioctls; do
	echo "$titles" | grep -qw -- "$i"
	check "ioctl $i has a section in api.rst" $?
done
for e in $errnos; do
	grep -qw -- "$e" "$DOC"
	check "errno $e returned by kernel/ is documented" $?
done
for x in $exits; do
	grep -qw -- "$x" "$DOC"
	check "exit reason $x is documented" $?
done
echo "# $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
