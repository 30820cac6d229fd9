/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cca-token-verify: the decoded CCA token and the verification entry point.
 * Checks follow shared/reference/attestation-and-measurement.md §8.3
 * ("ref §8.3"); formats are ref §5.
 */
#ifndef TOKEN_TOKEN_H
#define TOKEN_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cose_sign1.h"

#define TOKEN_MAX_SW	32	/* software components kept (ref §5.6 sample: 13) */

struct bytes {
	const uint8_t *p;
	size_t len;
};

struct text {
	const char *p;
	size_t len;
};

struct realm_info {
	unsigned int present;		/* bit per REALM_HAVE_* */
	struct text profile, meas_alg, rak_alg;
	struct bytes challenge, rpv, rak, rim;
	struct bytes rem[4];
	size_t num_rems;
};

struct sw_comp_info {
	unsigned int present;		/* bit per SW_HAVE_* */
	struct text type, version, hash_alg;
	struct bytes measurement, signer_id;
};

struct plat_info {
	unsigned int present;		/* bit per PLAT_HAVE_* */
	struct text profile, vsi, hash_alg;
	struct bytes challenge, impl_id, instance_id, config;
	uint64_t lifecycle;
	struct sw_comp_info sw[TOKEN_MAX_SW];
	size_t num_sw;
};

struct cca_token {
	uint64_t tag;			/* 399 (REL0) or 907 (CMW, RMM 2.0) */
	struct bytes plat_raw, realm_raw;	/* the two COSE_Sign1 */
	struct cose_sign1 plat_cose, realm_cose;
	struct plat_info plat;
	struct realm_info realm;
	bool rak_legacy;		/* raw 97-byte point (no realm profile) */
	uint8_t rak_point[97];		/* RAK as 04 || X || Y */
	size_t rak_point_len;
	bool plat_sig_checked;		/* a CPAK was given and it verified */
	uint8_t binder[64];		/* H_{44240}(claim 44237) */
	size_t binder_len;
};

struct verify_opts {
	const uint8_t *cpak;		/* SEC1 point or NULL: platform sig unchecked */
	size_t cpak_len;
	const uint8_t *challenge;	/* 64 bytes or NULL */
	const uint8_t *rim;		/* expected RIM or NULL */
	size_t rim_len;
};

/*
 * Run the ref §8.3 checklist on @buf.  0 if all pass.  Otherwise -1 and
 * @msg holds one line naming the first check that failed.  @t points into
 * @buf and is filled as far as parsing got.
 */
int cca_token_verify(const uint8_t *buf, size_t len, const struct verify_opts *o,
		     struct cca_token *t, char *msg, size_t msgsz);

/* Parsing steps, exposed for tests; same return/message convention. */
int token_parse_collection(const uint8_t *buf, size_t len, struct cca_token *t,
			   char *msg, size_t msgsz);
int token_parse_realm_claims(const uint8_t *buf, size_t len, struct realm_info *r,
			     char *msg, size_t msgsz);
int token_parse_plat_claims(const uint8_t *buf, size_t len, struct plat_info *p,
			    char *msg, size_t msgsz);
int token_check_realm_claims(const struct realm_info *r, char *msg, size_t msgsz);
int token_check_plat_claims(const struct plat_info *p, char *msg, size_t msgsz);

/* Hash length of "sha-256"/"sha-384"/"sha-512", 0 if unknown. */
size_t token_hash_len(const struct text *name);

bool text_eq(const struct text *t, const char *s);

/* Format @fmt into @msg; always returns -1 (for "return token_fail(...)"). */
int token_fail(char *msg, size_t msgsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* TOKEN_TOKEN_H */
