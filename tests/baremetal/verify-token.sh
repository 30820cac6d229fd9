#!/bin/bash
# verify-token.sh - check the attestation token of the bare-metal realm test.
#
# Usage: tests/baremetal/verify-token.sh NS-HOST-LOG OUT-DIR
#
# The ns-host prints the token its test realm fetched (RSI_ATTESTATION_TOKEN_*)
# as "# cca-token:" hex lines, with the challenge the realm used and the RIM
# the host predicted before it created the realm.  This script saves the
# token as OUT-DIR/ns-realm-token.cbor and verifies it with the project's
# cca-token-verify: both ES384 signatures (the platform one against the
# monitor's TEST CPAK), the realm key binding, the challenge and the RIM.
# Prints TAP; exit status 1 if a check failed.
set -uo pipefail

TOP=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-$TOP/out}
log=${1:?usage: verify-token.sh NS-HOST-LOG OUT-DIR}
dir=${2:?usage: verify-token.sh NS-HOST-LOG OUT-DIR}
verify=$OUT/tools/cca-token-verify
cpak=$OUT/monitor/cpak-test.json
token=$dir/ns-realm-token.cbor
mkdir -p "$dir"

field() { tr -d '\r' < "$log" | sed -n "s/^# $1: \([0-9a-f]*\)$/\1/p" | tail -n 1; }

n=0 failed=0
check() { # condition-status description
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}

tr -d '\r' < "$log" | perl -ne 'print pack("H*", $1) if /^# cca-token: ([0-9a-f]+)$/' > "$token"
size=$(stat -c %s "$token")
expected=$(tr -d '\r' < "$log" | sed -n 's/^# cca-token-end: \([0-9]*\) bytes$/\1/p' | tail -n 1)
[ -n "$expected" ] && [ "$size" -eq "$expected" ]
check $? "the bare-metal realm's token saved as $token ($size bytes, ${expected:-no} announced)"

challenge=$(field cca-token-challenge)
rim=$(field realm-rim-predicted)
if [ ! -x "$verify" ] || [ ! -f "$cpak" ] || [ -z "$challenge" ] || [ -z "$rim" ]; then
	check 1 "cca-token-verify, the TEST CPAK, the challenge and the predicted RIM are all at hand"
else
	report=$("$verify" "$token" --cpak "$cpak" --challenge "$challenge" --expect-rim "$rim" 2>&1)
	rc=$?
	echo "$report" | sed 's/^/# /'
	check $rc "cca-token-verify: ES384 signatures (TEST CPAK), realm key binding, challenge, RIM = the host's prediction $rim"
fi
echo "1..$n"
[ "$failed" -eq 0 ]
