#!/bin/sh
# The kvm-realm kselftests (selftests/kvm-realm/), when the module is loaded.
# Without an RMM there is nothing they can exercise: they are skipped.
. /tests/tap.inc

tap_plan 1
if ! grep -q '^kvm_realm ' /proc/modules; then
	tap_skip "kvm-realm selftests" "kvm-realm.ko is not loaded (no RMM on this platform)"
	tap_done
	exit
fi
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
# Each harness prints its own TAP; make check counts those lines too.
/tests/bin/run_tests.sh /tests/bin
tap_result "kvm-realm selftests" $?
tap_done
