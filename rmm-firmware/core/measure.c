/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Measurement primitives on top of BearSSL's SHA-256 and SHA-512.
 *
 * Layouts (attestation-and-measurement.md §2):
 *   RmiRealmParams image   4096 bytes, only flags..hash_algo (0x00-0x30) set
 *   RmiRecParams image     4096 bytes, only flags, pc, gprs[8] set
 *   descriptors            256 bytes: desc_type @0x00 (u8 in a u64 slot),
 *                          len @0x08 = 0x100, rim[64] @0x10, then per type:
 *                          DATA  (0): ipa @0x50, flags @0x58, content @0x60
 *                          REC   (1): content @0x50
 *                          RIPAS (2): base @0x50, top @0x58
 * Zero padding is hashed from a small constant buffer so no 4 KiB image is
 * ever built on the stack.
 */
#include <string.h>
#include <bearssl_hash.h>
#include <rmm/assert.h>
#include <rmm/measure.h>

#define DESC_SIZE		0x100
#define DESC_TYPE_DATA		0
#define DESC_TYPE_REC		1
#define DESC_TYPE_RIPAS		2

struct hash_ctx {
	unsigned int algo;
	union {
		br_sha256_context sha256;
		br_sha512_context sha512;
	} u;
};

static const uint8_t zeros[256];

bool measure_algo_is_supported(unsigned int algo)
{
	return algo == RMI_HASH_SHA_256 || algo == RMI_HASH_SHA_512;
}

size_t measure_hash_size(unsigned int algo)
{
	return algo == RMI_HASH_SHA_512 ? br_sha512_SIZE : br_sha256_SIZE;
}

static void hash_start(struct hash_ctx *c, unsigned int algo)
{
	rmm_assert(measure_algo_is_supported(algo));
	c->algo = algo;
	if (algo == RMI_HASH_SHA_512)
		br_sha512_init(&c->u.sha512);
	else
		br_sha256_init(&c->u.sha256);
}

static void hash_update(struct hash_ctx *c, const void *data, size_t len)
{
	if (c->algo == RMI_HASH_SHA_512)
		br_sha512_update(&c->u.sha512, data, len);
	else
		br_sha256_update(&c->u.sha256, data, len);
}

static void hash_update_zeros(struct hash_ctx *c, size_t len)
{
	while (len != 0) {
		size_t n = len < sizeof(zeros) ? len : sizeof(zeros);

		hash_update(c, zeros, n);
		len -= n;
	}
}

static void hash_finish(struct hash_ctx *c, uint8_t out[MEASURE_SIZE])
{
	memset(out, 0, MEASURE_SIZE);
	if (c->algo == RMI_HASH_SHA_512)
		br_sha512_out(&c->u.sha512, out);
	else
		br_sha256_out(&c->u.sha256, out);
}

void measure_hash(unsigned int algo, const void *data, size_t len,
		  uint8_t out[MEASURE_SIZE])
{
	struct hash_ctx c;

	hash_start(&c, algo);
	hash_update(&c, data, len);
	hash_finish(&c, out);
}

static void put_le64(uint8_t *p, uint64_t v)
{
	for (unsigned int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

void measure_rim_init(uint8_t rim[MEASURE_SIZE], unsigned int algo,
		      const struct rmi_realm_params *params)
{
	uint8_t head[0x38];
	struct hash_ctx c;

	/* DEN0137 B4.3.9.4: the seven measured fields, each in its 8-byte slot. */
	memset(head, 0, sizeof(head));
	put_le64(&head[0x00], params->flags0);
	put_le64(&head[0x08], params->s2sz);
	put_le64(&head[0x10], params->sve_vl);
	put_le64(&head[0x18], params->num_bps);
	put_le64(&head[0x20], params->num_wps);
	put_le64(&head[0x28], params->pmu_num_ctrs);
	head[0x30] = params->hash_algo;

	hash_start(&c, algo);
	hash_update(&c, head, sizeof(head));
	hash_update_zeros(&c, sizeof(struct rmi_realm_params) - sizeof(head));
	hash_finish(&c, rim);
}

static void desc_init(uint8_t desc[DESC_SIZE], unsigned int type,
		      const uint8_t rim[MEASURE_SIZE])
{
	memset(desc, 0, DESC_SIZE);
	desc[0x00] = (uint8_t)type;
	put_le64(&desc[0x08], DESC_SIZE);
	memcpy(&desc[0x10], rim, MEASURE_SIZE);
}

void measure_rim_extend_data(uint8_t rim[MEASURE_SIZE], unsigned int algo,
			     uint64_t ipa, uint64_t flags, const void *content)
{
	uint8_t desc[DESC_SIZE];

	desc_init(desc, DESC_TYPE_DATA, rim);
	put_le64(&desc[0x50], ipa);
	put_le64(&desc[0x58], flags);
	if (content != NULL)
		measure_hash(algo, content, 4096, &desc[0x60]);
	measure_hash(algo, desc, sizeof(desc), rim);
}

void measure_rim_extend_ripas(uint8_t rim[MEASURE_SIZE], unsigned int algo,
			      uint64_t base, uint64_t top)
{
	uint8_t desc[DESC_SIZE];

	desc_init(desc, DESC_TYPE_RIPAS, rim);
	put_le64(&desc[0x50], base);
	put_le64(&desc[0x58], top);
	measure_hash(algo, desc, sizeof(desc), rim);
}

void measure_rim_extend_rec(uint8_t rim[MEASURE_SIZE], unsigned int algo,
			    const struct rmi_rec_params *params)
{
	uint8_t desc[DESC_SIZE];
	uint8_t field[8];
	struct hash_ctx c;

	/* H(RmiRecParams image with flags, pc and gprs only; mpidr/aux zero). */
	hash_start(&c, algo);
	put_le64(field, params->flags);
	hash_update(&c, field, 8);
	hash_update_zeros(&c, 0x200 - 0x008);
	put_le64(field, params->pc);
	hash_update(&c, field, 8);
	hash_update_zeros(&c, 0x300 - 0x208);
	for (unsigned int i = 0; i < RMI_REC_PARAMS_GPRS; i++) {
		put_le64(field, params->gprs[i]);
		hash_update(&c, field, 8);
	}
	hash_update_zeros(&c, sizeof(struct rmi_rec_params) - 0x340);

	desc_init(desc, DESC_TYPE_REC, rim);
	hash_finish(&c, &desc[0x50]);
	measure_hash(algo, desc, sizeof(desc), rim);
}

void measure_rem_extend(uint8_t rem[MEASURE_SIZE], unsigned int algo,
			const void *data, size_t len)
{
	struct hash_ctx c;

	hash_start(&c, algo);
	hash_update(&c, rem, measure_hash_size(algo));
	hash_update(&c, data, len);
	hash_finish(&c, rem);
}
