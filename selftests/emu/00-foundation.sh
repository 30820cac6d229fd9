#!/bin/sh
# Foundation checks on the emulated RME host (TAP).
# realm-vmm runs; kvm-realm.ko loads when the platform has an RMM and
# otherwise refuses with -ENODEV and a kernel message that says why:
#   QEMU's own boot: SMCCC 1.0 only, so no SMC conduit for RMI;
#   our monitor without an RMM: RMI_VERSION answers SMC_UNKNOWN.
. /tests/tap.inc

tap_plan 4

out=$(realm-vmm --version 2>&1)
tap_result "realm-vmm --version exits 0" $?
echo "# $out"
case "$out" in realm-vmm\ *) rc=0 ;; *) rc=1 ;; esac
tap_result "realm-vmm --version names itself" $rc

firmware=$(cmdline_value realm_stack.firmware)
rmm=$(cmdline_value realm_stack.rmm)
if [ "$rmm" = absent ]; then
	err=$(insmod /lib/modules/kvm-realm.ko 2>&1)
	rc=$?
	echo "# insmod: $err"
	dmesg | grep kvm_realm | sed 's/^/# dmesg: /'
	[ $rc -ne 0 ] && ! grep -q '^kvm_realm ' /proc/modules
	tap_result "insmod fails and the module is not loaded" $?
	case "$firmware" in
	qemu) why='kvm_realm: no RMM: firmware offers no SMCCC 1.1 SMC conduit' ;;
	*) why='kvm_realm: no RMM: RMI_VERSION returned SMC_UNKNOWN' ;;
	esac
	case "$err" in *"No such device"*) rc=0 ;; *) rc=1 ;; esac
	dmesg | grep -q "$why" || rc=1
	tap_result "refusal is -ENODEV with '$why'" $rc
else
	insmod /lib/modules/kvm-realm.ko 2>&1 | sed 's/^/# insmod: /'
	grep -q '^kvm_realm ' /proc/modules
	tap_result "insmod loads the module" $?
	dmesg | grep 'kvm_realm: RMM found' | sed 's/^/# dmesg: /'
	dmesg | grep -q 'kvm_realm: RMM found: RMI 1\.'
	tap_result "the module found an RMI 1.x RMM" $?
fi
tap_done
