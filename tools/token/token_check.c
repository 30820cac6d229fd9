// SPDX-License-Identifier: GPL-2.0-only
/*
 * Claim sizes, types and values (ref §8.3 step 5), after the signatures.
 * Realm: ref §5.3 and the veraison rules of §8.1/§8.2, plus our stricter
 * rule that RIM and REMs are exactly the hash length of claim 44236.
 * Platform: ref §5.6.
 */
#include <string.h>

#include "attest_defs.h"
#include "plat_claims.h"
#include "token.h"
#include "token_claims.h"

#define REALM_MANDATORY (REALM_HAVE_CHALLENGE | REALM_HAVE_RPV | REALM_HAVE_MEAS_ALG | \
			 REALM_HAVE_RAK | REALM_HAVE_RIM | REALM_HAVE_REMS | \
			 REALM_HAVE_RAK_ALG)

static const char *const realm_names[] = {
	"10 (challenge)", "265 (profile)", "44235 (personalization value)",
	"44236 (measurement hash algorithm)", "44237 (public key)", "44238 (RIM)",
	"44239 (REMs)", "44240 (public key hash algorithm)",
};

static const char *const plat_names[] = {
	"10 (challenge)", "256 (instance id)", "265 (profile)", "2395 (lifecycle)",
	"2396 (implementation id)", "2399 (sw components)",
	"2400 (verification service)", "2401 (platform config)",
	"2402 (hash algorithm)",
};

static int missing(unsigned int present, unsigned int need, const char *who,
		   const char *const *names, char *msg, size_t msgsz)
{
	unsigned int i;

	for (i = 0; i < 16; i++)
		if ((need & (1u << i)) && !(present & (1u << i)))
			return token_fail(msg, msgsz, "%s claim %s: missing", who, names[i]);
	return 0;
}

int token_check_realm_claims(const struct realm_info *r, char *msg, size_t msgsz)
{
	size_t hlen, i;

	if (missing(r->present, REALM_MANDATORY, "realm", realm_names, msg, msgsz))
		return -1;
	if ((r->present & REALM_HAVE_PROFILE) && !text_eq(&r->profile, REALM_PROFILE_1_0))
		return token_fail(msg, msgsz, "realm claim 265 (profile): \"%.*s\" is not \"%s\"",
				  (int)(r->profile.len > 64 ? 64 : r->profile.len),
				  r->profile.p, REALM_PROFILE_1_0);
	if (r->challenge.len != REALM_CHALLENGE_LEN)
		return token_fail(msg, msgsz, "realm claim 10 (challenge): %zu bytes, expected 64",
				  r->challenge.len);
	if (r->rpv.len != REALM_RPV_LEN)
		return token_fail(msg, msgsz, "realm claim 44235 (personalization value): %zu bytes, expected 64",
				  r->rpv.len);
	hlen = token_hash_len(&r->meas_alg);
	if (hlen != 32 && hlen != 64)
		return token_fail(msg, msgsz, "realm claim 44236 (measurement hash algorithm): not sha-256 or sha-512");
	if (!token_hash_len(&r->rak_alg))
		return token_fail(msg, msgsz, "realm claim 44240 (public key hash algorithm): not sha-256, sha-384 or sha-512");
	if (r->rim.len != hlen)
		return token_fail(msg, msgsz, "realm claim 44238 (RIM): %zu bytes, but %.*s gives %zu",
				  r->rim.len, (int)r->meas_alg.len, r->meas_alg.p, hlen);
	for (i = 0; i < r->num_rems; i++)
		if (r->rem[i].len != hlen)
			return token_fail(msg, msgsz, "realm claim 44239 (REM%zu): %zu bytes, but %.*s gives %zu",
					  i, r->rem[i].len, (int)r->meas_alg.len, r->meas_alg.p, hlen);
	return 0;
}

#define PLAT_MANDATORY (PLAT_HAVE_CHALLENGE | PLAT_HAVE_INSTANCE_ID | PLAT_HAVE_PROFILE | \
			PLAT_HAVE_LIFECYCLE | PLAT_HAVE_IMPL_ID | PLAT_HAVE_SW | \
			PLAT_HAVE_CONFIG | PLAT_HAVE_HASH_ALG)

int token_check_plat_claims(const struct plat_info *p, char *msg, size_t msgsz)
{
	size_t i;

	if (missing(p->present, PLAT_MANDATORY, "platform", plat_names, msg, msgsz))
		return -1;
	if (!text_eq(&p->profile, PLAT_PROFILE_1_0) && !text_eq(&p->profile, PLAT_PROFILE_LEGACY))
		return token_fail(msg, msgsz, "platform claim 265 (profile): unknown profile");
	if (p->challenge.len != 32 && p->challenge.len != 48 && p->challenge.len != 64)
		return token_fail(msg, msgsz, "platform claim 10 (challenge): %zu bytes, expected 32, 48 or 64",
				  p->challenge.len);
	if (p->impl_id.len != PLAT_IMPL_ID_LEN)
		return token_fail(msg, msgsz, "platform claim 2396 (implementation id): %zu bytes, expected 32",
				  p->impl_id.len);
	if (p->instance_id.len != PLAT_INSTANCE_ID_LEN ||
	    p->instance_id.p[0] != PLAT_UEID_TYPE_RAND)
		return token_fail(msg, msgsz, "platform claim 256 (instance id): not 33 bytes starting 0x01");
	if (!plat_lifecycle_valid(p->lifecycle))
		return token_fail(msg, msgsz, "platform claim 2395 (lifecycle): 0x%llx out of range",
				  (unsigned long long)p->lifecycle);
	if (p->hash_alg.len == 0)
		return token_fail(msg, msgsz, "platform claim 2402 (hash algorithm): empty");
	if ((p->present & PLAT_HAVE_VSI) && p->vsi.len == 0)
		return token_fail(msg, msgsz, "platform claim 2400 (verification service): empty");
	if (p->num_sw == 0)
		return token_fail(msg, msgsz, "platform claim 2399 (sw components): empty");
	for (i = 0; i < p->num_sw; i++) {
		const struct sw_comp_info *sw = &p->sw[i];

		if (!(sw->present & SW_HAVE_MEASUREMENT) || !(sw->present & SW_HAVE_SIGNER_ID))
			return token_fail(msg, msgsz, "platform sw component %zu: measurement or signer id missing", i);
		if (sw->measurement.len == 0 || sw->signer_id.len == 0)
			return token_fail(msg, msgsz, "platform sw component %zu: empty measurement or signer id", i);
	}
	return 0;
}
