// SPDX-License-Identifier: GPL-2.0-only
/*
 * Predict a realm's Realm Initial Measurement from its plan.
 *
 * The measurement itself is the RMM's own code (rmm-firmware/core/measure.c,
 * one implementation of DEN0137's descriptors, checked against the
 * reference vectors); what this file models is the host side that decides
 * WHAT gets measured: the RTT entries INIT_RIPAS walks, the populated
 * granules and the runnable RECs, in plan order.
 */
#include <string.h>

#include <rmm/measure.h>

#include "vmm/plan.h"
#include "vmm/rim.h"
#include "vmm/util.h"

/* Entry size at RTT @level with 4 KiB granules. */
static uint64_t rtt_entry_size(int level)
{
	return 1ULL << (12 + 9 * (3 - level));
}

/* kvm-realm.ko's stage-2 geometry: fewest levels, up to 16 concatenated tables. */
static int rtt_start_level(unsigned int ipa_bits)
{
	return 4 - (int)((ipa_bits - 8) / 9);
}

/*
 * The entry INIT_RIPAS measures at @base: the largest block, from the
 * starting level down, that is aligned and fits below @top.  Blocks exist
 * from level 1 (DEN0137: RTT_MIN_BLOCK_LEVEL); a page always fits because
 * the range is granule aligned.
 */
static uint64_t rim__ripas_entry_size(int start, uint64_t base, uint64_t top)
{
	int level = start < RMI_RTT_MIN_BLOCK_LEVEL ? RMI_RTT_MIN_BLOCK_LEVEL : start;
	uint64_t size;

	for (; level < RMI_RTT_PAGE_LEVEL; level++) {
		size = rtt_entry_size(level);
		if (IS_ALIGNED(base, size) && size <= top - base)
			return size;
	}
	return SZ_4K;
}

unsigned long rim__ripas_entries(unsigned int ipa_bits, uint64_t base, uint64_t top,
				 void (*fn)(void *arg, uint64_t base, uint64_t top),
				 void *arg)
{
	int start = rtt_start_level(ipa_bits);
	unsigned long n = 0;
	uint64_t size;

	base = ALIGN_DOWN(base, SZ_4K);
	top = ALIGN_DOWN(top, SZ_4K);
	while (base < top) {
		size = rim__ripas_entry_size(start, base, top);
		if (fn)
			fn(arg, base, base + size);
		base += size;
		n++;
	}
	return n;
}

struct ripas_ctx {
	uint8_t *rim;
	unsigned int algo;
};

static void rim__extend_ripas(void *arg, uint64_t base, uint64_t top)
{
	struct ripas_ctx *c = arg;

	measure_rim_extend_ripas(c->rim, c->algo, base, top);
}

static void rim__extend_rec(uint8_t *rim, unsigned int algo, const struct plan_step *s)
{
	static struct rmi_rec_params params;
	unsigned int i;

	memset(&params, 0, sizeof(params));
	params.flags = RMI_REC_PARAMS_FLAG_RUNNABLE;
	params.mpidr = s->mpidr;
	params.pc = s->pc;
	for (i = 0; i < RMI_REC_PARAMS_GPRS; i++)
		params.gprs[i] = s->gprs[i];
	measure_rim_extend_rec(rim, algo, &params);
}

unsigned int rim__predict(const struct realm_plan *plan, uint8_t rim[RIM_MAX_SIZE])
{
	unsigned int algo = plan->params.hash_algo;
	struct ripas_ctx ripas = { .rim = rim, .algo = algo };
	const struct plan_step *s;
	unsigned int i;
	uint64_t off;

	measure_rim_init(rim, algo, &plan->params);
	for (i = 0; i < plan->nr_steps; i++) {
		s = &plan->steps[i];
		switch (s->kind) {
		case PLAN_INIT_RIPAS:
			rim__ripas_entries(plan->params.s2sz, s->ipa, s->ipa + s->size,
					   rim__extend_ripas, &ripas);
			break;
		case PLAN_POPULATE:
			for (off = 0; off < s->size; off += SZ_4K)
				measure_rim_extend_data(rim, algo, s->ipa + off,
							s->measure ? RMI_MEASURE_CONTENT :
								     RMI_NO_MEASURE_CONTENT,
							s->measure ? (const uint8_t *)s->data + off :
								     NULL);
			break;
		case PLAN_CREATE_REC:
			if (s->runnable)
				rim__extend_rec(rim, algo, s);
			break;
		}
	}
	return (unsigned int)measure_hash_size(algo);
}
