// SPDX-License-Identifier: GPL-2.0-only
/*
 * Delegated granules: pages the host gives to the Realm PAS.
 *
 * After RMI_GRANULE_DELEGATE the host must not touch the page (a Realm
 * granule faults on Non-secure access), and only a successful
 * RMI_GRANULE_UNDELEGATE gives it back.  A page whose undelegate fails
 * stays in the Realm PAS for good: handing it back to the allocator would
 * crash whoever gets it next, so it is leaked and counted instead.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/gfp.h>
#include <linux/mm.h>

#include "kvm-realm.h"

struct realm_stats realm_stats;

static int granule_delegate(phys_addr_t pa)
{
	u64 ret = rmi_granule_delegate(pa);

	if (ret != RMI_SUCCESS) {
		pr_warn_ratelimited("RMI_GRANULE_DELEGATE(%pa) failed: %s\n",
				    &pa, rmi_status_name(ret));
		return -EIO;
	}
	atomic64_inc(&realm_stats.delegated);
	return 0;
}

/* Returns true when the granule is back in the Non-secure PAS. */
static bool granule_undelegate(phys_addr_t pa)
{
	u64 ret = rmi_granule_undelegate(pa);

	if (WARN_ONCE(ret != RMI_SUCCESS,
		      "RMI_GRANULE_UNDELEGATE(%pa) failed: %s; leaking the page\n",
		      &pa, rmi_status_name(ret))) {
		atomic64_inc(&realm_stats.leaked);
		return false;
	}
	atomic64_dec(&realm_stats.delegated);
	return true;
}

int granule_alloc_delegated(phys_addr_t *pa, gfp_t gfp)
{
	struct page *page = alloc_page(gfp | __GFP_ACCOUNT);
	int ret;

	if (!page)
		return -ENOMEM;
	*pa = page_to_phys(page);
	ret = granule_delegate(*pa);
	if (ret)
		__free_page(page);
	return ret;
}

void granule_undelegate_free(phys_addr_t pa)
{
	if (granule_undelegate(pa))
		__free_page(phys_to_page(pa));
}

/*
 * Physically contiguous granules, for the concatenated starting-level RTTs.
 * On failure every granule delegated so far is returned.
 */
int granule_alloc_delegated_contig(phys_addr_t *pa, unsigned int count)
{
	unsigned int order = get_order(count * PAGE_SIZE);
	struct page *pages;
	unsigned int i;
	int ret = 0;

	pages = alloc_pages(GFP_KERNEL | __GFP_ACCOUNT, order);
	if (!pages)
		return -ENOMEM;
	split_page(pages, order);
	for (i = (1U << order) - 1; i >= count; i--)
		__free_page(pages + i);

	*pa = page_to_phys(pages);
	for (i = 0; i < count; i++) {
		ret = granule_delegate(*pa + i * PAGE_SIZE);
		if (ret)
			break;
	}
	if (!ret)
		return 0;

	granule_undelegate_free_contig(*pa, i);
	while (i < count)
		__free_page(pages + i++);
	return ret;
}

void granule_undelegate_free_contig(phys_addr_t pa, unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count; i++)
		granule_undelegate_free(pa + i * PAGE_SIZE);
}
