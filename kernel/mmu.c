// SPDX-License-Identifier: GPL-2.0-only
/*
 * A realm's stage 2, built through the RMM.
 *
 * The host never writes realm translation tables; it donates RTT granules
 * (RMI_RTT_CREATE) wherever an RMI command reports RMI_ERROR_RTT at a level
 * above the one it needs, and remembers every RTT, DATA granule and pinned
 * shared page so that teardown can give each one back.  All of it is under
 * realm->mmu_lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/mm.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>

#include <uapi/linux/kvm-realm.h>

#include "kvm-realm.h"

#define RTT_LEVEL_SHIFT(l)	(12 + 9 * (3 - (l)))

/* Stage-2 attributes of a shared page (RMI_RTT_MAP_UNPROTECTED descriptor). */
#define S2_MEMATTR_NORMAL_WB	(0x6ULL << 2)	/* MemAttr[5:2] with FEAT_S2FWB */
#define S2_AP_RW		(0x3ULL << 6)

bool realm_ipa_is_protected(const struct realm *realm, u64 ipa)
{
	return ipa < (1ULL << (realm->ipa_bits - 1));
}

static bool realm_range_ok(const struct realm *realm, u64 base, u64 size, bool protected)
{
	u64 half = 1ULL << (realm->ipa_bits - 1);
	u64 lo = protected ? 0 : half;
	u64 hi = protected ? half : 2 * half;

	return PAGE_ALIGNED(base) && PAGE_ALIGNED(size) && size &&
	       base >= lo && base < hi && size <= hi - base;
}

/* Donate one RTT at @level covering @ipa.  Caller holds mmu_lock. */
static int realm_rtt_create(struct realm *realm, u64 ipa, int level)
{
	u64 base = ipa & ~((1ULL << RTT_LEVEL_SHIFT(level - 1)) - 1);
	phys_addr_t rtt;
	u64 ret;
	int err;

	lockdep_assert_held(&realm->mmu_lock);
	if (level <= realm->rtt_level_start || level > RMI_RTT_PAGE_LEVEL)
		return -EIO;
	err = granule_alloc_delegated(&rtt, GFP_KERNEL);
	if (err)
		return err;
	ret = rmi_rtt_create(realm->rd, rtt, base, level);
	if (ret != RMI_SUCCESS) {
		granule_undelegate_free(rtt);
		pr_warn_ratelimited("RMI_RTT_CREATE(%llx, %d): %s\n", base, level,
				    rmi_status_name(ret));
		return -EIO;
	}
	err = xa_err(xa_store(&realm->rtts[level], base >> PAGE_SHIFT,
			      (void *)(uintptr_t)rtt, GFP_KERNEL));
	if (err) {
		/* Untracked RTTs could not be torn down: take it back now. */
		phys_addr_t freed;
		u64 top;

		if (rmi_rtt_destroy(realm->rd, base, level, &freed, &top) == RMI_SUCCESS)
			granule_undelegate_free(rtt);
		else
			atomic64_inc(&realm_stats.leaked);
	}
	return err;
}

/*
 * RMI_ERROR_RTT at a level above the one a command needs means a table is
 * missing there: donate one and let the caller retry.  Any other status
 * means the RMM and this module disagree about the realm's stage 2.
 */
static int realm_rtt_error(struct realm *realm, u64 ret, u64 ipa, int want_level)
{
	int level = (s8)RMI_RETURN_INDEX(ret);

	if (RMI_RETURN_STATUS(ret) != RMI_ERROR_RTT)
		return -EIO;
	if (level >= want_level)
		return -EEXIST;
	return realm_rtt_create(realm, ipa, level + 1);
}

/* Progress is written back through @base/@size even on error. */
int realm_init_ripas(struct realm *realm, u64 *base, u64 *size)
{
	u64 done, ret;
	int err = 0;

	if (!realm_range_ok(realm, *base, *size, true))
		return -EINVAL;

	mutex_lock(&realm->mmu_lock);
	while (*size) {
		if (signal_pending(current)) {
			err = -EINTR;
			break;
		}
		ret = rmi_rtt_init_ripas(realm->rd, *base, *base + *size, &done);
		if (ret == RMI_SUCCESS) {
			if (done <= *base || done > *base + *size) {
				err = -EIO;
				break;
			}
			*size -= done - *base;
			*base = done;
			continue;
		}
		/* An entry not fully inside the range: split it with an RTT. */
		err = realm_rtt_error(realm, ret, *base, RMI_RTT_PAGE_LEVEL);
		if (err)
			break;
		cond_resched();
	}
	mutex_unlock(&realm->mmu_lock);
	return err;
}

static int realm_data_create(struct realm *realm, u64 ipa, phys_addr_t src, u64 flags,
			     bool unknown)
{
	phys_addr_t data;
	u64 ret;
	int err;

	lockdep_assert_held(&realm->mmu_lock);
	err = granule_alloc_delegated(&data, GFP_KERNEL);
	if (err)
		return err;
	for (;;) {
		if (unknown)
			ret = rmi_data_create_unknown(realm->rd, data, ipa);
		else
			ret = rmi_data_create(realm->rd, data, ipa, src, flags);
		if (ret == RMI_SUCCESS)
			break;
		err = realm_rtt_error(realm, ret, ipa, RMI_RTT_PAGE_LEVEL);
		if (err) {
			granule_undelegate_free(data);
			return err;
		}
	}
	err = xa_err(xa_store(&realm->data, ipa >> PAGE_SHIFT, (void *)(uintptr_t)data,
			      GFP_KERNEL));
	if (err) {
		phys_addr_t freed;
		u64 top;

		if (rmi_data_destroy(realm->rd, ipa, &freed, &top) == RMI_SUCCESS)
			granule_undelegate_free(data);
		else
			atomic64_inc(&realm_stats.leaked);
	}
	return err;
}

int realm_populate(struct realm *realm, u64 *base, u64 *size, u64 *uaddr, u32 flags)
{
	u64 measure = flags & KVM_REALM_POPULATE_MEASURE ?
		      RMI_MEASURE_CONTENT : RMI_NO_MEASURE_CONTENT;
	struct page *bounce;
	int err = 0;

	if (!realm_range_ok(realm, *base, *size, true) || !PAGE_ALIGNED(*uaddr))
		return -EINVAL;

	/*
	 * The source is copied once into a kernel page: the RMM reads a stable
	 * Non-secure granule and userspace pages are never pinned for it.
	 */
	bounce = alloc_page(GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;

	mutex_lock(&realm->mmu_lock);
	while (*size) {
		if (signal_pending(current)) {
			err = -EINTR;
			break;
		}
		if (copy_from_user(page_address(bounce), u64_to_user_ptr(*uaddr), PAGE_SIZE)) {
			err = -EFAULT;
			break;
		}
		err = realm_data_create(realm, *base, page_to_phys(bounce), measure, false);
		if (err)
			break;
		*base += PAGE_SIZE;
		*uaddr += PAGE_SIZE;
		*size -= PAGE_SIZE;
		cond_resched();
	}
	mutex_unlock(&realm->mmu_lock);
	__free_page(bounce);
	return err;
}

/*
 * RMI_RTT_SET_RIPAS over [base, top) for the REC that asked for it, donating
 * RTTs where a block entry is only partly covered.
 */
int realm_set_ripas(struct realm *realm, phys_addr_t rec, u64 base, u64 top)
{
	u64 done, ret;
	int err = 0;

	mutex_lock(&realm->mmu_lock);
	while (base < top) {
		ret = rmi_rtt_set_ripas(realm->rd, rec, base, top, &done);
		if (ret == RMI_SUCCESS) {
			if (done <= base || done > top) {
				err = -EIO;
				break;
			}
			base = done;
			continue;
		}
		err = realm_rtt_error(realm, ret, base, RMI_RTT_PAGE_LEVEL);
		if (err)
			break;
	}
	mutex_unlock(&realm->mmu_lock);
	return err;
}

/* A protected IPA with no DATA granule: back it with an unknown-content one. */
int realm_fault_private(struct realm *realm, u64 ipa)
{
	int err = 0;

	ipa &= PAGE_MASK;
	mutex_lock(&realm->mmu_lock);
	if (!xa_load(&realm->data, ipa >> PAGE_SHIFT))
		err = realm_data_create(realm, ipa, 0, 0, true);
	mutex_unlock(&realm->mmu_lock);
	return err;
}

static int realm_map_shared_page(struct realm *realm, u64 ipa, u64 uaddr)
{
	struct page *page;
	u64 desc, ret;
	int err;

	lockdep_assert_held(&realm->mmu_lock);
	if (xa_load(&realm->shared, ipa >> PAGE_SHIFT))
		return -EEXIST;
	err = pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page);
	if (err != 1)
		return err < 0 ? err : -EFAULT;

	desc = page_to_phys(page) | S2_MEMATTR_NORMAL_WB | S2_AP_RW;
	for (;;) {
		ret = rmi_rtt_map_unprotected(realm->rd, ipa, RMI_RTT_PAGE_LEVEL, desc);
		if (ret == RMI_SUCCESS)
			break;
		err = realm_rtt_error(realm, ret, ipa, RMI_RTT_PAGE_LEVEL);
		if (err)
			goto err_unpin;
	}
	err = xa_err(xa_store(&realm->shared, ipa >> PAGE_SHIFT, page, GFP_KERNEL));
	if (!err)
		return 0;
	rmi_rtt_unmap_unprotected(realm->rd, ipa, RMI_RTT_PAGE_LEVEL, &ret);
err_unpin:
	unpin_user_page(page);
	return err;
}

int realm_map_shared(struct realm *realm, u64 *ipa, u64 *size, u64 *uaddr)
{
	int err = 0;

	if (!realm_range_ok(realm, *ipa, *size, false) || !PAGE_ALIGNED(*uaddr))
		return -EINVAL;

	mutex_lock(&realm->mmu_lock);
	while (*size) {
		if (signal_pending(current)) {
			err = -EINTR;
			break;
		}
		err = realm_map_shared_page(realm, *ipa, *uaddr);
		if (err)
			break;
		*ipa += PAGE_SIZE;
		*uaddr += PAGE_SIZE;
		*size -= PAGE_SIZE;
		cond_resched();
	}
	mutex_unlock(&realm->mmu_lock);
	return err;
}

static int realm_unmap_shared_page(struct realm *realm, u64 ipa)
{
	struct page *page = xa_load(&realm->shared, ipa >> PAGE_SHIFT);
	u64 top, ret;

	lockdep_assert_held(&realm->mmu_lock);
	if (!page)
		return 0;
	ret = rmi_rtt_unmap_unprotected(realm->rd, ipa, RMI_RTT_PAGE_LEVEL, &top);
	if (WARN(ret != RMI_SUCCESS, "RMI_RTT_UNMAP_UNPROTECTED(%llx): %s\n", ipa,
		 rmi_status_name(ret)))
		return -EIO;
	xa_erase(&realm->shared, ipa >> PAGE_SHIFT);
	unpin_user_page(page);
	return 0;
}

int realm_unmap_shared(struct realm *realm, u64 *ipa, u64 *size)
{
	int err = 0;

	if (!realm_range_ok(realm, *ipa, *size, false))
		return -EINVAL;

	mutex_lock(&realm->mmu_lock);
	while (*size && !err) {
		err = realm_unmap_shared_page(realm, *ipa);
		if (err)
			break;
		*ipa += PAGE_SIZE;
		*size -= PAGE_SIZE;
	}
	mutex_unlock(&realm->mmu_lock);
	return err;
}

/*
 * Give back everything the realm's stage 2 holds, leaves before tables.
 * A granule the RMM will not release stays delegated and is counted as
 * leaked; the rest of the teardown goes on.
 */
void realm_mmu_teardown(struct realm *realm)
{
	unsigned long idx;
	phys_addr_t pa;
	struct page *page;
	void *entry;
	u64 ret, top;
	int level;

	mutex_lock(&realm->mmu_lock);
	xa_for_each(&realm->data, idx, entry) {
		ret = rmi_data_destroy(realm->rd, (u64)idx << PAGE_SHIFT, &pa, &top);
		if (!WARN(ret != RMI_SUCCESS || pa != (phys_addr_t)(uintptr_t)entry,
			  "RMI_DATA_DESTROY(%lx): %s\n", idx << PAGE_SHIFT, rmi_status_name(ret)))
			granule_undelegate_free(pa);
		else
			atomic64_inc(&realm_stats.leaked);
	}
	xa_destroy(&realm->data);

	xa_for_each(&realm->shared, idx, page) {
		ret = rmi_rtt_unmap_unprotected(realm->rd, (u64)idx << PAGE_SHIFT,
						RMI_RTT_PAGE_LEVEL, &top);
		/* Still mapped into the realm: keep the pin rather than reuse the page. */
		if (!WARN(ret != RMI_SUCCESS, "RMI_RTT_UNMAP_UNPROTECTED(%lx): %s\n",
			  idx << PAGE_SHIFT, rmi_status_name(ret)))
			unpin_user_page(page);
	}
	xa_destroy(&realm->shared);

	for (level = RMI_RTT_PAGE_LEVEL; level > realm->rtt_level_start; level--) {
		xa_for_each(&realm->rtts[level], idx, entry) {
			ret = rmi_rtt_destroy(realm->rd, (u64)idx << PAGE_SHIFT, level,
					      &pa, &top);
			if (!WARN(ret != RMI_SUCCESS || pa != (phys_addr_t)(uintptr_t)entry,
				  "RMI_RTT_DESTROY(%lx, %d): %s\n", idx << PAGE_SHIFT, level,
				  rmi_status_name(ret)))
				granule_undelegate_free(pa);
			else
				atomic64_inc(&realm_stats.leaked);
		}
		xa_destroy(&realm->rtts[level]);
	}
	mutex_unlock(&realm->mmu_lock);
}
