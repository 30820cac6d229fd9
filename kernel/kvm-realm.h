/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kvm-realm internals.
 *
 * Ownership: every granule the module delegates is owned by exactly one
 * object (a realm's RD or RTT, a DATA granule at an IPA, a REC or one of its
 * aux granules) and is undelegated and freed when that object goes away.  A
 * granule whose undelegate fails is never handed back to the page allocator:
 * it is leaked on purpose and counted (debugfs "leaked").
 *
 * Lock order (outermost first):
 *
 *   rec->run_lock    one thread runs (or completes PSCI for) a REC at a time
 *   realm->lock      realm state, configuration, the REC table
 *   realm->mmu_lock  RTT tree and the DATA / shared-page xarrays
 *
 * A REC fd holds a reference to its realm's file, so a realm is torn down
 * only after every REC fd is closed: teardown never races with a run.
 */
#ifndef KVM_REALM_INTERNAL_H
#define KVM_REALM_INTERNAL_H

#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include "rmi.h"

struct file;
struct mm_struct;
struct page;

enum realm_state {
	REALM_UNCONFIGURED,	/* fd exists, no RD in the RMM yet */
	REALM_NEW,		/* RMI_REALM_CREATE done: measurable set-up */
	REALM_ACTIVE,		/* RMI_REALM_ACTIVATE done: RECs may run */
	REALM_SYSTEM_OFF,	/* the realm turned itself off */
};

struct realm {
	struct mutex lock;		/* state, configuration, REC table */
	struct mutex mmu_lock;		/* RTTs, DATA and shared xarrays */
	enum realm_state state;
	struct mm_struct *mm;		/* creator's mm, for shared-page pins */

	phys_addr_t rd;
	phys_addr_t rtt_root;		/* rtt_num_start concatenated granules */
	unsigned int rtt_num_start;
	int rtt_level_start;
	unsigned int ipa_bits;
	u16 vmid;
	u32 mecid;
	u32 mec_policy;
	u32 rec_aux_count;

	struct xarray rtts[4];		/* non-root RTTs, per level, by IPA >> 12 */
	struct xarray data;		/* DATA granules by IPA >> 12 */
	struct xarray shared;		/* pinned shared pages by IPA >> 12 */
	struct xarray recs;		/* struct rec * by REC index */
	unsigned int nr_recs;
};

struct rec {
	struct mutex run_lock;		/* one RUN or PSCI_COMPLETE at a time */
	struct realm *realm;
	struct file *realm_file;	/* reference that keeps the realm alive */
	unsigned int index;
	u64 mpidr;
	phys_addr_t granule;
	phys_addr_t aux[16];
	unsigned int nr_aux;
	struct page *run_pages;		/* order 1: kvm_realm_run */

	/* A RIPAS change the RMM asked for, from the kernel's copy of the exit. */
	bool ripas_pending;
	u64 ripas_base;
	u64 ripas_top;
	u8 ripas_value;
	bool psci_pending;		/* last exit was a PSCI request */
};

/* granule.c: delegated granules and the accounting debugfs shows. */
struct realm_stats {
	atomic64_t delegated;		/* granules in the Realm PAS right now */
	atomic64_t leaked;		/* undelegate failed; never freed */
	atomic_t realms;		/* realm objects alive */
	atomic_t recs;			/* RECs alive */
};

extern struct realm_stats realm_stats;
extern struct rmi_info realm_rmi;

int granule_alloc_delegated(phys_addr_t *pa, gfp_t gfp);
int granule_alloc_delegated_contig(phys_addr_t *pa, unsigned int count);
void granule_undelegate_free(phys_addr_t pa);
void granule_undelegate_free_contig(phys_addr_t pa, unsigned int count);

/* realm.c */
int realm_create_fd(void);

/* mmu.c: the realm's stage 2 through the RMM. */
int realm_init_ripas(struct realm *realm, u64 *base, u64 *size);
int realm_populate(struct realm *realm, u64 *base, u64 *size, u64 *uaddr, u32 flags);
int realm_map_shared(struct realm *realm, u64 *ipa, u64 *size, u64 *uaddr);
int realm_unmap_shared(struct realm *realm, u64 *ipa, u64 *size);
int realm_fault_private(struct realm *realm, u64 ipa);
int realm_set_ripas(struct realm *realm, phys_addr_t rec, u64 base, u64 top);
void realm_mmu_teardown(struct realm *realm);
bool realm_ipa_is_protected(const struct realm *realm, u64 ipa);

/* rec.c */
int rec_create_fd(struct realm *realm, struct file *realm_file, const void __user *uarg);

/* mec.c */
int mec_reserve(u32 policy, u32 *mecid);
void mec_release(u32 policy, u32 mecid);
unsigned int mec_in_use(void);
void mec_exit(void);

/* debugfs.c */
void realm_debugfs_init(void);
void realm_debugfs_exit(void);

#endif /* KVM_REALM_INTERNAL_H */
