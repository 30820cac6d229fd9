/* SPDX-License-Identifier: GPL-2.0-only */
/* Presence bits of the decoded claims (token.h). */
#ifndef TOKEN_TOKEN_CLAIMS_H
#define TOKEN_TOKEN_CLAIMS_H

enum {
	REALM_HAVE_CHALLENGE	= 1u << 0,
	REALM_HAVE_PROFILE	= 1u << 1,
	REALM_HAVE_RPV		= 1u << 2,
	REALM_HAVE_MEAS_ALG	= 1u << 3,
	REALM_HAVE_RAK		= 1u << 4,
	REALM_HAVE_RIM		= 1u << 5,
	REALM_HAVE_REMS		= 1u << 6,
	REALM_HAVE_RAK_ALG	= 1u << 7,
};

enum {
	PLAT_HAVE_CHALLENGE	= 1u << 0,
	PLAT_HAVE_INSTANCE_ID	= 1u << 1,
	PLAT_HAVE_PROFILE	= 1u << 2,
	PLAT_HAVE_LIFECYCLE	= 1u << 3,
	PLAT_HAVE_IMPL_ID	= 1u << 4,
	PLAT_HAVE_SW		= 1u << 5,
	PLAT_HAVE_VSI		= 1u << 6,
	PLAT_HAVE_CONFIG	= 1u << 7,
	PLAT_HAVE_HASH_ALG	= 1u << 8,
};

enum {
	SW_HAVE_TYPE		= 1u << 0,
	SW_HAVE_MEASUREMENT	= 1u << 1,
	SW_HAVE_VERSION		= 1u << 2,
	SW_HAVE_SIGNER_ID	= 1u << 3,
	SW_HAVE_HASH_ALG	= 1u << 4,
};

#endif /* TOKEN_TOKEN_CLAIMS_H */
