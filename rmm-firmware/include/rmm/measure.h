/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm measurements: RIM initialisation and extension, REM extension
 * (attestation-and-measurement.md §1-§3; DEN0137 A7.1, B4.3.9.4).
 *
 * Every measurement slot is 64 bytes; SHA-256 results fill the first 32 and
 * the rest stays zero.  All descriptors are little-endian.
 */
#ifndef RMM_MEASURE_H
#define RMM_MEASURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <abi/rmi.h>

#define MEASURE_SIZE		64
#define MEASURE_NUM_SLOTS	5	/* 0 = RIM, 1..4 = REM */
#define MEASURE_RIM_SLOT	0

/* RmiHashAlgorithm values this RMM implements. */
bool measure_algo_is_supported(unsigned int algo);
size_t measure_hash_size(unsigned int algo);

/* One-shot hash into a zero-filled 64-byte buffer. */
void measure_hash(unsigned int algo, const void *data, size_t len,
		  uint8_t out[MEASURE_SIZE]);

/* REALM_CREATE: RIM = H(measured RmiRealmParams image). */
void measure_rim_init(uint8_t rim[MEASURE_SIZE], unsigned int algo,
		      const struct rmi_realm_params *params);

/* DATA_CREATE: content is NULL for RMI_NO_MEASURE_CONTENT. */
void measure_rim_extend_data(uint8_t rim[MEASURE_SIZE], unsigned int algo,
			     uint64_t ipa, uint64_t flags, const void *content);

/* RTT_INIT_RIPAS: one descriptor per RTT entry [base, top). */
void measure_rim_extend_ripas(uint8_t rim[MEASURE_SIZE], unsigned int algo,
			      uint64_t base, uint64_t top);

/* REC_CREATE with RUNNABLE. */
void measure_rim_extend_rec(uint8_t rim[MEASURE_SIZE], unsigned int algo,
			    const struct rmi_rec_params *params);

/* RSI_MEASUREMENT_EXTEND: rem = H(rem[0..hash_size) || data[0..len)). */
void measure_rem_extend(uint8_t rem[MEASURE_SIZE], unsigned int algo,
			const void *data, size_t len);

#endif /* RMM_MEASURE_H */
