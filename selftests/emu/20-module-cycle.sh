#!/bin/sh
# After the selftests: kvm-realm.ko unloads and loads again cleanly, twice,
# with nothing delegated and no kernel warning along the way.
. /tests/tap.inc

tap_plan 4
if [ "$(cmdline_value realm_stack.rmm)" != present ]; then
	for i in 1 2 3 4; do tap_skip "module cycle $i" "no RMM on this platform"; done
	tap_done
	exit
fi
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
warnings_before=$(dmesg | grep -cE 'WARNING:|BUG:|Oops')

delegated=$(sed -n 's/^delegated //p' /sys/kernel/debug/kvm-realm/stats 2>/dev/null)
echo "# delegated granules before unloading: ${delegated:-unknown}"
[ "$delegated" = 0 ]
tap_result "nothing is delegated once every realm is gone" $?

ok=0
for round in 1 2; do
	rmmod kvm_realm || ok=1
	grep -q '^kvm_realm ' /proc/modules && ok=1
	insmod /lib/modules/kvm-realm.ko || ok=1
	grep -q '^kvm_realm ' /proc/modules || ok=1
done
tap_result "rmmod and insmod twice" $ok

[ -c /dev/kvm-realm ]
tap_result "/dev/kvm-realm is back" $?

warnings_after=$(dmesg | grep -cE 'WARNING:|BUG:|Oops')
dmesg | grep -E 'WARNING:|BUG:|Oops' | sed 's/^/# dmesg: /'
[ "$warnings_after" -eq "$warnings_before" ]
tap_result "no kernel warning during the cycle" $?
tap_done
