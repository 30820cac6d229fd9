#!/bin/bash
# run.sh - `make run`: boot the emulated RME host and run a realm in it.
#
# The host boots on QEMU virt with FEAT_RME on our monitor and RMM, loads
# kvm-realm.ko and runs `realm-vmm run --kernel Image --mec` (job
# selftests/emu/run-realm.job).  The consoles stream to the terminal; the
# log is out/run/host.log.  Afterwards, on this machine:
#   out/run/realm-token.cbor  the realm's attestation token, as fetched by
#                             the guest through configfs-tsm
#   out/run/report.json       realm-vmm's report plus the attested RIM and
#                             the verifier's result
# and a verdict: the guest booted, the token's signatures and binding
# verify, its RIM equals realm-vmm measure's prediction, the MECID was
# private.  Exit status 0 only if all of that holds.
set -uo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$TOP/out}
RUN=${RUN_DIR:-$OUT/run}
INITRAMFS=${INITRAMFS:-$RUN/host-initramfs.cpio.gz}
mkdir -p "$RUN"
rm -f "$RUN"/realm-token.cbor "$RUN"/report.json "$RUN"/vmm-report.json

"$TOP/tools/mkinitramfs.sh" "$INITRAMFS" || exit 1
"$TOP/tools/run-qemu.sh" --firmware monitor --smp 2 --mem 2G --timeout 1500 \
	--append "realm_stack.rmm=present realm_stack.tests=run-realm ${RUN_APPEND:-}" \
	--initrd "$INITRAMFS" --log "$RUN/host.log"
rc=$?
log=$RUN/host.log
tr -d '\r' < "$log" > "$log.clean"

between() { # BEGIN END: the lines strictly between two marker lines
	awk -v b="$1" -v e="$2" '$0 == e { on = 0 } on { print } $0 == b { on = 1 }' "$log.clean"
}

verdict=0 n=0
# VERDICT_TAP=1 (make check) prints the verdict as TAP lines as well.
say() {
	printf '  %-44s %s\n' "$1" "$2"
	[ "${VERDICT_TAP:-0}" = 1 ] || return 0
	n=$((n + 1))
	case "$2" in NO:*) echo "not ok $n - $1: $2" ;; *) echo "ok $n - $1" ;; esac
}
fail() { say "$1" "NO: $2"; verdict=1; }

echo
echo "make run: verdict"
booted=$(sed -n 's/^realm-guest: booted: //p' "$log.clean" | head -n 1)
if [ -n "$booted" ]; then
	say "the realm guest booted" "yes ($booted)"
	case "$booted" in
	*", 2 CPU(s) online,"*) say "both realm CPUs came online (PSCI CPU_ON)" "yes" ;;
	*) fail "both realm CPUs came online (PSCI CPU_ON)" "$booted" ;;
	esac
else
	fail "the realm guest booted" "see $log"
fi

between REALM-TOKEN-BEGIN REALM-TOKEN-END | tr -d ' \n' | perl -ne 'print pack("H*", $_)' > "$RUN/realm-token.cbor"
between REALM-REPORT-BEGIN REALM-REPORT-END > "$RUN/vmm-report.json"
read -r algo rim_pred < <(sed -n 's/^REALM-RIM-PREDICTED //p' "$log.clean" | tail -n 1) || true
challenge=$(sed -n 's/^realm-guest: challenge //p' "$log.clean" | tail -n 1)
cpak=$OUT/monitor/cpak-test.json

if [ ! -s "$RUN/realm-token.cbor" ]; then
	fail "the token's signatures and binding verify" "no token in the log"
	fail "the token's RIM equals realm-vmm measure" "no token"
else
	args=("$RUN/realm-token.cbor")
	[ -f "$cpak" ] && args+=(--cpak "$cpak")
	[ -n "$challenge" ] && args+=(--challenge "$challenge")
	if vout=$("$OUT/tools/cca-token-verify" "${args[@]}" 2>&1); then
		say "the token's signatures and binding verify" "yes$([ -f "$cpak" ] || echo ' (platform signature not checked: no CPAK)')"
	else
		fail "the token's signatures and binding verify" "$(echo "$vout" | tail -n 1)"
	fi
	rim_att=$("$OUT/tools/cca-token-verify" "$RUN/realm-token.cbor" --json 2>/dev/null |
		  jq -r '.realm.rim // empty' 2>/dev/null)
	if [ -n "$rim_pred" ] && [ "$rim_att" = "$rim_pred" ]; then
		say "the token's RIM equals realm-vmm measure" "yes ($algo ${rim_pred:0:16}...)"
	else
		fail "the token's RIM equals realm-vmm measure" "predicted ${rim_pred:-none}, attested ${rim_att:-none}"
	fi
fi

if [ -s "$RUN/vmm-report.json" ] && jq -e . "$RUN/vmm-report.json" >/dev/null 2>&1; then
	policy=$(jq -r '.realm["mec-policy"]' "$RUN/vmm-report.json")
	mecid=$(jq -r '.realm.mecid' "$RUN/vmm-report.json")
	case "$policy" in
	private*) say "the realm's MECID was private" "yes (MECID $mecid)" ;;
	*) fail "the realm's MECID was private" "policy $policy, MECID $mecid" ;;
	esac
	uptime=$(sed -n 's/^realm-guest: booted: .*uptime \([0-9.]*\) s$/\1/p' "$log.clean" | head -n 1)
	jq --arg att "${rim_att:-}" --arg chal "$challenge" --argjson ok "$([ $verdict -eq 0 ] && echo true || echo false)" \
		--arg up "${uptime:-}" \
		'.realm["rim-attested"] = $att | .realm.challenge = $chal | .verdict = $ok |
		 ."guest-boot-s" = (if $up == "" then null else ($up | tonumber) end)' \
		"$RUN/vmm-report.json" > "$RUN/report.json"
	printf "  %-44s %s\n" "report" "$RUN/report.json"
else
	fail "the realm's MECID was private" "realm-vmm wrote no report"
fi
gdisk=$(sed -n 's/^realm-guest: disk: \([0-9a-f]\{64\}\) .*/\1/p' "$log.clean" | head -n 1)
before=$(sed -n 's/^REALM-DISK-BEFORE //p' "$log.clean")
after=$(sed -n 's/^REALM-DISK-AFTER //p' "$log.clean")
expected=$(sed -n 's/^REALM-DISK-EXPECTED //p' "$log.clean")
if [ -n "$before" ] && [ "$gdisk" = "$before" ] && [ -n "$after" ] && [ "$after" = "$expected" ]; then
	say "the realm read and wrote its virtio-blk disk" "yes (hashes match before and after)"
else
	fail "the realm read and wrote its virtio-blk disk" "guest read ${gdisk:-nothing}, host had ${before:-?}; after ${after:-?}, expected ${expected:-?}"
fi
stats=$(sed -n 's/^REALM-STATS //p' "$log.clean")
case "$stats" in
"delegated 0 leaked 0 "*) say "every granule came back after the realm" "yes ($stats)" ;;
*) fail "every granule came back after the realm" "${stats:-no stats}" ;;
esac
if grep -q '^REALM2-STATUS' "$log.clean"; then
	between REALM2-TOKEN-BEGIN REALM2-TOKEN-END | tr -d ' \n' | perl -ne 'print pack("H*", $_)' > "$RUN/realm-token-sha512.cbor"
	read -r _ rim512 < <(sed -n 's/^REALM2-RIM-PREDICTED //p' "$log.clean") || true
	att512=$("$OUT/tools/cca-token-verify" "$RUN/realm-token-sha512.cbor" --json 2>/dev/null |
		 jq -r '.realm.rim // empty' 2>/dev/null)
	if [ -n "$rim512" ] && [ "$att512" = "$rim512" ]; then
		say "SHA-512: the token's RIM equals realm-vmm measure" "yes (${rim512:0:16}...)"
	else
		fail "SHA-512: the token's RIM equals realm-vmm measure" "predicted ${rim512:-none}, attested ${att512:-none}"
	fi
	read -r vq seen < <(sed -n 's/^REALM2-SVE //p' "$log.clean") || true
	if [ "${vq:-0}" -eq 0 ]; then
		say "SHA-512: the realm had SVE" "no (the RMM offers none)"
	elif [ "$seen" = yes ]; then
		say "SHA-512: the realm had SVE" "yes (${vq} x 128 bits, the guest kernel uses it)"
	else
		fail "SHA-512: the realm had SVE" "asked for VQ $vq, the guest saw ${seen:-nothing}"
	fi
	kstats=$(sed -n 's/^REALM-KILL-STATS //p' "$log.clean")
	case "$kstats" in
	"delegated 0 leaked 0 "*) say "killing realm-vmm mid-run returns every granule" "yes ($kstats)" ;;
	*) fail "killing realm-vmm mid-run returns every granule" "${kstats:-no stats}" ;;
	esac
fi
[ -s "$RUN/realm-token.cbor" ] && printf "  %-44s %s\n" "token" "$RUN/realm-token.cbor"
[ "$rc" -eq 0 ] || fail "the emulated host's job" "status $rc (log: $log)"
exit $verdict
