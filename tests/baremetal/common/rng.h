/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xorshift64* for the payloads' fuzzers: fast, and the same sequence from
 * the same seed on every run, so a failure reproduces.
 */
#ifndef BAREMETAL_RNG_H
#define BAREMETAL_RNG_H

#include <stdint.h>

static inline uint64_t rng_next(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545F4914F6CDD1DULL;
}

#endif /* BAREMETAL_RNG_H */
