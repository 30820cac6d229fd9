// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMM_MEC_REFRESH (cca-interfaces.md §10.1, §13): the RMM asks EL3 to give
 * a MECID a fresh memory encryption key when it reserves the MECID for a
 * realm (reason 0, create) and when it releases it (reason 1, destroy), so
 * that nothing encrypted under the old key can be read under the new one.
 *
 *   x1[47:32] MECID, x1[0] reason; every other bit of x1 is zero
 *   -> x0 E_RMM_OK, or E_RMM_INVAL for a bad MECID or reason
 *
 * QEMU's FEAT_MEC is register-only: there is no encryption engine, hence
 * no key to program.  EL3 keeps a generation count per MECID instead (the
 * "key" a real engine would derive) so that refreshes can be observed in
 * a debug build (make DEBUG=1 logs each one).
 *
 * Checks: only from the Realm world (rmmd.c routes the RMM-EL3 range from
 * the Realm world only), FEAT_MEC present (else E_RMM_UNK: the service
 * does not exist), MECID within MECIDR_EL2's width and not 0: MECID 0 is
 * the RMM's own context (its code and data); re-keying it would make the
 * RMM unreadable to itself.
 */
#include <stdint.h>

#include <abi/rmm-el3.h>
#include <arch.h>
#include <console.h>
#include <exception.h>
#include <mec.h>
#include <spinlock.h>

#define ID_AA64MMFR3_MEC_SHIFT	28
#define MECIDR_EL2_S		S3_4_C10_C8_7
#define MECIDR_WIDTHM1_MASK	0xFULL
#define MEC_MAX_IDS		(1U << RMM_MEC_REFRESH_MECID_WIDTH)

#define REFRESH_MECID(x1)	(((x1) >> RMM_MEC_REFRESH_MECID_SHIFT) & (MEC_MAX_IDS - 1))
#define REFRESH_MBZ		(~((uint64_t)(MEC_MAX_IDS - 1) << RMM_MEC_REFRESH_MECID_SHIFT | 1ULL))

static spinlock_t mec_lock;
static uint16_t mec_generation[MEC_MAX_IDS];	/* wraps; a debug aid */

static unsigned int mecid_width(void)
{
	if (id_field(read_sysreg(ID_AA64MMFR3_EL1_S), ID_AA64MMFR3_MEC_SHIFT, 4) == 0)
		return 0;
	return (unsigned int)(read_sysreg(MECIDR_EL2_S) & MECIDR_WIDTHM1_MASK) + 1;
}

void mec_refresh(struct el3_frame *f)
{
	uint64_t x1 = f->x[1];
	unsigned int width = mecid_width(), mecid, reason, gen;

	if (width == 0) {
		f->x[0] = (uint64_t)(int64_t)E_RMM_UNK;
		return;
	}
	mecid = (unsigned int)REFRESH_MECID(x1);
	reason = (unsigned int)(x1 & 1);
	if ((x1 & REFRESH_MBZ) != 0 || mecid == 0 || mecid >= (1U << width)) {
		f->x[0] = (uint64_t)(int64_t)E_RMM_INVAL;
		return;
	}

	spin_lock(&mec_lock);
	gen = ++mec_generation[mecid];
	spin_unlock(&mec_lock);
	mon_debug("monitor: MEC refresh: MECID %u (%s), generation %u\n", mecid,
		  reason == RMM_MEC_REFRESH_REASON_CREATE ? "create" : "destroy", gen);
	f->x[0] = E_RMM_OK;
}
