/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Labels and constants of the CCA attestation token, RMM 1.0-REL0.
 * Source: shared/reference/attestation-and-measurement.md (cited as "ref"):
 * §5.1 collection, §5.2 COSE_Sign1, §5.3 realm claims, §5.4 COSE_Key,
 * §5.6 platform claims.  Facts only; no third-party code.
 */
#ifndef FWLIB_ATTEST_DEFS_H
#define FWLIB_ATTEST_DEFS_H

/* ref §5.1: top-level collection */
#define CCA_TAG_TOKEN_COLLECTION	399
#define CCA_TAG_CMW_COLLECTION		907	/* RMM 2.0 form, verifier only */
#define CCA_CMW_CONTENT_FORMAT		263	/* EAT-CWT content format (2.0) */
#define CCA_KEY_PLAT_TOKEN		44234
#define CCA_KEY_REALM_TOKEN		44241

/* ref §5.2, RFC 9052: COSE_Sign1 */
#define COSE_TAG_SIGN1			18
#define COSE_HDR_ALG			1
#define COSE_ALG_ES256			(-7)
#define COSE_ALG_ES384			(-35)
#define COSE_ALG_ES512			(-36)

/* ref §5.4, RFC 9053: COSE_Key EC2 */
#define COSE_KEY_KTY			1
#define COSE_KEY_CRV			(-1)
#define COSE_KEY_X			(-2)
#define COSE_KEY_Y			(-3)
#define COSE_KTY_EC2			2
#define COSE_CRV_P256			1
#define COSE_CRV_P384			2
#define COSE_KEY_P384_LEN		107	/* A4 01 02 20 02 21 58 30 X 22 58 30 Y */

/* ref §5.3: realm token claims */
#define REALM_CLAIM_CHALLENGE		10
#define REALM_CLAIM_PROFILE		265
#define REALM_CLAIM_RPV			44235
#define REALM_CLAIM_MEAS_HASH_ALG	44236
#define REALM_CLAIM_PUB_KEY		44237
#define REALM_CLAIM_RIM			44238
#define REALM_CLAIM_REMS		44239
#define REALM_CLAIM_PUB_KEY_HASH_ALG	44240
#define REALM_PROFILE_1_0		"tag:arm.com,2023:realm#1.0.0"
#define REALM_CHALLENGE_LEN		64
#define REALM_RPV_LEN			64
#define REALM_NUM_REMS			4
#define REALM_LEGACY_RAK_LEN		97	/* EAC5: 04 || X || Y */

/* ref §5.6: platform token claims */
#define PLAT_CLAIM_CHALLENGE		10
#define PLAT_CLAIM_INSTANCE_ID		256
#define PLAT_CLAIM_PROFILE		265
#define PLAT_CLAIM_LIFECYCLE		2395
#define PLAT_CLAIM_IMPL_ID		2396
#define PLAT_CLAIM_SW_COMPONENTS	2399
#define PLAT_CLAIM_VSI			2400
#define PLAT_CLAIM_CONFIG		2401
#define PLAT_CLAIM_HASH_ALG		2402
#define PLAT_PROFILE_1_0		"tag:arm.com,2023:cca_platform#1.0.0"
#define PLAT_PROFILE_LEGACY		"http://arm.com/CCA-SSD/1.0.0"
#define PLAT_IMPL_ID_LEN		32
#define PLAT_INSTANCE_ID_LEN		33	/* UEID: type byte 0x01 (RAND) + 32 */
#define PLAT_UEID_TYPE_RAND		0x01

/* ref §5.6: software component map keys */
#define SW_COMP_TYPE			1
#define SW_COMP_MEASUREMENT		2
#define SW_COMP_VERSION			4
#define SW_COMP_SIGNER_ID		5
#define SW_COMP_HASH_ALG		6

#define ATTEST_HASH_SHA256		"sha-256"
#define ATTEST_HASH_SHA384		"sha-384"
#define ATTEST_HASH_SHA512		"sha-512"

#endif /* FWLIB_ATTEST_DEFS_H */
