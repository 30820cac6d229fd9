/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Protected realm memory as the RMM sees it while a REC runs: the RTT entry
 * of an IPA (RIPAS, kind), and the DATA granule behind an ASSIGNED RAM
 * entry, mapped with the leaf RTT locked so that RMI_DATA_DESTROY cannot
 * take it away meanwhile (RTT lock before DATA lock, <rmm/granule.h> 2b).
 */
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/plat.h>
#include <rmm/rsi-handlers.h>
#include <rmm/s2tt.h>

unsigned int realm_ipa_ripas(const struct s2tt_ctx *s2, uint64_t ipa, uint64_t *entry_top,
			     enum s2tte_kind *kind)
{
	struct s2tt_walk w;
	uint64_t size;
	enum s2tte_kind k;

	granule_lock(granule_from_pa(s2->rtt_base));
	s2tt_walk_lock(s2, ipa, S2TT_PAGE_LEVEL, &w);
	k = s2tte_decode(s2tt_read(w.g_table, w.index), w.level);
	granule_unlock(w.g_lock);
	size = s2tt_entry_size(w.level);
	if (entry_top != NULL)
		*entry_top = (ipa & ~(size - 1)) + size;
	if (kind != NULL)
		*kind = k;
	return s2tte_kind_ripas(k);
}

enum realm_mem_status realm_mem_map(const struct s2tt_ctx *s2, uint64_t ipa,
				    struct realm_mem *m)
{
	struct s2tt_walk w;
	uint64_t s2tte, pa;
	enum s2tte_kind kind;

	rmm_assert(s2tt_ipa_is_protected(s2, ipa));
	granule_lock(granule_from_pa(s2->rtt_base));
	s2tt_walk_lock(s2, ipa, S2TT_PAGE_LEVEL, &w);
	s2tte = s2tt_read(w.g_table, w.index);
	kind = s2tte_decode(s2tte, w.level);
	if (kind != S2TTE_ASSIGNED_RAM) {
		granule_unlock(w.g_lock);
		return kind == S2TTE_UNASSIGNED_RAM ? REALM_MEM_UNASSIGNED_RAM :
						      REALM_MEM_NOT_RAM;
	}
	pa = s2tte_pa(s2tte) + ((ipa & (s2tt_entry_size(w.level) - 1)) & ~GRANULE_MASK);
	m->g_lock = w.g_lock;
	m->page = plat_granule_map(pa);
	m->va = (uint8_t *)m->page + (ipa & GRANULE_MASK);
	return REALM_MEM_OK;
}

void realm_mem_unmap(struct realm_mem *m)
{
	plat_granule_unmap(m->page);
	granule_unlock(m->g_lock);
}
