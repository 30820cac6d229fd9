// SPDX-License-Identifier: GPL-2.0-only
/*
 * Granules for the test realm: a bump allocator over a free NS DRAM range
 * and a ledger of what is delegated, so the test can prove that teardown
 * returned every granule (the count must come back to zero) and that each
 * one is Non-secure again (readable without a GPF).
 */
#include <realm-host.h>

#define POOL_MAX_DELEGATED	256

static uint64_t pool_next, pool_top;
static uint64_t ledger[POOL_MAX_DELEGATED];	/* 0 = free slot */
static uint64_t ever[POOL_MAX_DELEGATED];
static unsigned int nr_ever;

void pool_init(uint64_t base, uint64_t top)
{
	pool_next = base;
	pool_top = top;
	nr_ever = 0;
	for (unsigned int i = 0; i < POOL_MAX_DELEGATED; i++)
		ledger[i] = 0;
}

uint64_t pool_alloc(void)
{
	uint64_t pa = pool_next;

	if (pa + GRANULE > pool_top)
		return 0;
	pool_next += GRANULE;
	for (unsigned int i = 0; i < GRANULE / 8; i++)
		granule_words(pa)[i] = 0;
	return pa;
}

uint64_t pool_delegate(void)
{
	uint64_t pa = pool_alloc(), ret;
	unsigned int i;

	if (!pa || nr_ever == POOL_MAX_DELEGATED) {
		ok(false, "the granule pool is exhausted");
		return 0;
	}
	ret = rmi(RMI_GRANULE_DELEGATE, pa);
	if (ret != RMI_SUCCESS) {
		ok(false, "RMI_GRANULE_DELEGATE(0x%lx) = %lu", pa, ret);
		return 0;
	}
	for (i = 0; ledger[i]; i++)
		;
	ledger[i] = pa;
	ever[nr_ever++] = pa;
	return pa;
}

bool pool_undelegate(uint64_t pa)
{
	uint64_t ret = rmi(RMI_GRANULE_UNDELEGATE, pa);

	if (ret != RMI_SUCCESS) {
		ok(false, "RMI_GRANULE_UNDELEGATE(0x%lx) = %lu", pa, ret);
		return false;
	}
	for (unsigned int i = 0; i < POOL_MAX_DELEGATED; i++)
		if (ledger[i] == pa)
			ledger[i] = 0;
	return true;
}

unsigned int pool_delegated(void)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < POOL_MAX_DELEGATED; i++)
		n += ledger[i] != 0;
	return n;
}

uint64_t pool_end(void)
{
	return pool_next;
}

unsigned int pool_delegations(void)
{
	return nr_ever;
}

bool pool_all_ns_readable(void)
{
	uint64_t v;

	for (unsigned int i = 0; i < nr_ever; i++)
		if (probe_read(ever[i], &v))
			return false;
	return true;
}
