#!/bin/sh
# realm-vmm caps: what the module and the RMM report, as text and JSON.
. /tests/tap.inc

tap_plan 3
if ! grep -q '^kvm_realm ' /proc/modules; then
	out=$(realm-vmm caps 2>&1)
	rc=$?
	echo "# $out"
	[ $rc -ne 0 ] && [ "$(echo "$out" | wc -l)" -eq 1 ]
	tap_result "without the module: one line and a non-zero status" $?
	tap_skip "caps as text" "no module"
	tap_skip "caps as JSON" "no module"
	tap_done
	exit
fi
tap_skip "without the module: one line and a non-zero status" "the module is loaded"
out=$(realm-vmm caps)
rc=$?
echo "$out" | sed 's/^/# /'
[ $rc -eq 0 ] && echo "$out" | grep -q '^rmi-version  *1\.[01]$' && echo "$out" | grep -q '^measurement-algos .*sha256'
tap_result "caps as text: RMI version and hash algorithms" $?
json=$(realm-vmm caps --json)
echo "$json" | grep -qE '"mec": ?true' && echo "$json" | grep -qE '"mecid-max": ?[1-9]'
tap_result "caps as JSON: MEC with its MECID range" $?
tap_done
