#!/bin/sh
# Foundation checks on the emulated RME host (TAP).
# realm-vmm runs; without an RMM (QEMU's own boot) kvm-realm.ko refuses to
# load with -ENODEV and a kernel message that says why.
. /tests/tap.inc

tap_plan 4

out=$(realm-vmm --version 2>&1)
tap_result "realm-vmm --version exits 0" $?
echo "# $out"
case "$out" in realm-vmm\ *) rc=0 ;; *) rc=1 ;; esac
tap_result "realm-vmm --version names itself" $rc

firmware=$(sed -n 's/.*realm_stack\.firmware=\([^ ]*\).*/\1/p' /proc/cmdline)
if [ "$firmware" = qemu ]; then
	err=$(insmod /lib/modules/kvm-realm.ko 2>&1)
	rc=$?
	echo "# insmod: $err"
	dmesg | grep kvm_realm | sed 's/^/# dmesg: /'
	[ $rc -ne 0 ] && ! grep -q '^kvm_realm ' /proc/modules
	tap_result "insmod fails and the module is not loaded" $?
	case "$err" in *"No such device"*) rc=0 ;; *) rc=1 ;; esac
	dmesg | grep -q 'kvm_realm: no RMM: ' || rc=1
	tap_result "refusal is -ENODEV with a clear 'no RMM' message" $rc
else
	tap_skip "insmod fails and the module is not loaded" "firmware '$firmware' has an RMM"
	tap_skip "refusal is -ENODEV with a clear 'no RMM' message" "firmware '$firmware' has an RMM"
fi
tap_done
