/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm Execution Context: the RMM's record of one virtual CPU, kept inside
 * the REC granule itself (DEN0137 A2.3; cca-interfaces.md §5.2, §6.3).
 *
 * REC states.  RUNNING is "granule refcount 1" (<rmm/granule.h>): the REC
 * entry path takes the REC lock, checks the refcount is 0, sets it to 1 and
 * drops the lock while the realm runs; on realm exit it locks the REC again,
 * records the exit (the rec_*_request() calls below), drops the refcount to
 * 0 and unlocks.  RMI commands that change a REC hold its lock and refuse a
 * RUNNING REC; RMI_PSCI_COMPLETE refuses a RUNNING calling REC and changes
 * a target REC only if it is neither runnable nor running.  The entry path
 * is core/rec-enter.c, the architecture's part <rmm/rec-run.h>.
 *
 * What the realm-exit path records for the host to complete:
 *   - a pending RIPAS change (RSI_IPA_STATE_SET): struct rec_ripas_req;
 *     RMI_RTT_SET_RIPAS advances ripas.addr towards ripas.top.
 *   - a pending PSCI request with an MPIDR argument (CPU_ON,
 *     AFFINITY_INFO): psci_pending, with the request in gprs[0..3] (FID,
 *     target MPIDR, entry point, context ID) as the realm passed it;
 *     RMI_PSCI_COMPLETE writes the result into gprs[0..3].
 */
#ifndef RMM_REC_H
#define RMM_REC_H

#include <stdbool.h>
#include <stdint.h>
#include <abi/rmi.h>
#include <rmm/granule.h>

#define REC_NUM_GPRS		31	/* x0..x30 */

/* Initial PSTATE: AArch64 EL1h (M = 0b0101), D, A, I and F masked. */
#define REC_PSTATE_INIT		0x3C5ULL
/*
 * Initial SCTLR_EL1: only the RES1 bits of the Armv8.0 layout (bits 29, 28,
 * 23, 22, 20, 11): MMU, caches and alignment checks off, little-endian.
 */
#define REC_SCTLR_EL1_INIT	0x30D00800ULL
#define SCTLR_EL1_EE		(1ULL << 25)
/* VMPIDR_EL2: bit 31 RES1, Aff3 at [39:32] (RmiRecMpidr keeps it at [31:24]). */
#define VMPIDR_RES1		(1ULL << 31)

/* Pending RIPAS change (DEN0137 Rec.ripas_addr/ripas_top/ripas_value/...). */
struct rec_ripas_req {
	uint64_t addr;			/* progress: next IPA to change */
	uint64_t top;			/* top of the range the realm asked for */
	uint8_t value;			/* RMI_EMPTY or RMI_RAM */
	bool change_destroyed;		/* RSI_CHANGE_DESTROYED was set */
};

/*
 * Saved EL1/EL0 system registers of a REC.  Plain storage for the core; the
 * aarch64 runtime loads and saves them around every realm run
 * (runtime/ctx-el1.c).  sctlr_el1 lives in struct rec itself.
 */
struct rec_sysregs {
	uint64_t sp_el0, sp_el1, elr_el1, spsr_el1;
	uint64_t ttbr0_el1, ttbr1_el1, tcr_el1, mair_el1, amair_el1;
	uint64_t vbar_el1, contextidr_el1, cpacr_el1;
	uint64_t tpidr_el0, tpidrro_el0, tpidr_el1;
	uint64_t esr_el1, far_el1, afsr0_el1, afsr1_el1, par_el1;
	uint64_t cntkctl_el1, mdscr_el1, csselr_el1, actlr_el1;
	uint64_t cntv_ctl, cntv_cval, cntp_ctl, cntp_cval;
	uint64_t apkeys[10];		/* APIA, APIB, APDA, APDB, APGA lo/hi */
};

/* FP/SIMD state: V0..V31 as 64-bit halves, FPCR, FPSR. */
struct rec_fpregs {
	uint64_t v[64];
	uint64_t fpcr, fpsr;
} __attribute__((aligned(16)));

/* GICv3 virtual CPU interface state of a REC (cca-interfaces.md §5.3). */
struct rec_gic {
	uint64_t hcr;			/* host bits only; EOIcount on exit */
	uint64_t lrs[RMI_REC_GIC_NUM_LRS];
	uint64_t ap0r[4], ap1r[4];
	uint64_t vmcr, misr;
};

/* What the last REC exit left for the next REC_ENTER to complete (§6.3). */
enum rec_pending {
	REC_PENDING_NONE = 0,
	REC_PENDING_MMIO,		/* emulatable data abort (ISV): EMUL_MMIO/SEA */
	REC_PENDING_ABORT,		/* other unprotected data abort: SEA only */
	REC_PENDING_RIPAS,		/* RSI_IPA_STATE_SET: RIPAS_RESPONSE */
	REC_PENDING_HOST_CALL,		/* RSI_HOST_CALL: enter.gprs */
};

/* Attestation token generation of this REC (<rmm/attest.h>). */
struct rec_attest {
	uint8_t state;			/* enum attest_state */
	uint16_t hdr_len[2];		/* collection headers */
	uint16_t plat_len;		/* platform token (aux granule 1) */
	uint16_t realm_len;		/* signed realm token */
	uint32_t total;			/* collection size, valid in COPY */
	uint32_t copied;		/* bytes handed out so far */
};

struct rec {
	uint64_t owner;			/* PA of the RD */
	uint64_t mpidr;			/* RmiRecMpidr (valid bits only) */
	uint64_t rec_idx;
	bool runnable;
	bool psci_pending;
	uint64_t gprs[REC_NUM_GPRS];
	uint64_t pc;
	uint64_t pstate;
	uint64_t sctlr_el1;
	uint64_t vmpidr_el2;
	unsigned int num_aux;
	uint64_t aux[RMI_REC_MAX_AUX];
	struct rec_ripas_req ripas;

	/* Realm entry/exit state (core/rec-enter.c, runtime/rec-run.c). */
	uint8_t pending;		/* enum rec_pending */
	bool trap_wfi, trap_wfe;	/* this entry's RmiRecEnterFlags */
	uint64_t pending_esr;		/* ESR_EL2 of a pending MMIO abort */
	uint64_t pending_far;		/* FAR_EL2 of a pending abort (SEA) */
	uint64_t host_call_ipa;		/* RsiHostCall of a pending host call */
	uint8_t timers_masked;		/* runtime/timer.c: IMASK set by the RMM */
	struct rec_sysregs sysregs;
	struct rec_gic gic;
	struct rec_fpregs fp;
	uint64_t zcr_el1;		/* realms with SVE: their ZCR_EL1 */
	struct rec_attest attest;
};
static_assert(sizeof(struct rec) <= GRANULE_SIZE, "REC fits its granule");

/* Map / unmap the REC of a locked REC granule. */
struct rec *rec_map(struct granule *g_rec);
void rec_unmap(struct rec *rec);

/* RecIndex (B3.38): Aff0[3:0] + 16 * (Aff1 + 256 * (Aff2 + 256 * Aff3)). */
uint64_t rec_mpidr_to_index(uint64_t rmi_mpidr);
/* RmiRecMpidr -> architectural MPIDR layout (Aff3 at [39:32]), no RES1 bit. */
uint64_t rec_mpidr_to_arch(uint64_t rmi_mpidr);

/* A REC that is running on some CPU (REC_RUNNING). */
static inline bool rec_is_running(const struct granule *g_rec)
{
	return granule_refcount_read(g_rec) != 0;
}

/*
 * Realm-exit recording (for the REC entry runtime; also used by the host
 * tests).  The caller holds the REC lock; the realm's arguments have already
 * been validated by the RSI / PSCI handler (cca-interfaces.md §7.3, §9).
 *
 * rec_ripas_request: the realm asked for RIPAS @ripas on [base, top);
 * @flags are the RSI_IPA_STATE_SET flags (RSI_CHANGE_DESTROYED).
 * rec_psci_request: the realm called @fid (CPU_ON or AFFINITY_INFO) with
 * @mpidr, @entry and @context_id in x1..x3.
 */
void rec_ripas_request(struct rec *rec, uint64_t base, uint64_t top,
		       unsigned int ripas, uint64_t flags);
void rec_psci_request(struct rec *rec, uint64_t fid, uint64_t mpidr,
		      uint64_t entry, uint64_t context_id);

/* Architectural reset of a REC's execution state (REC_CREATE, CPU_ON). */
void rec_reset_state(struct rec *rec, uint64_t pc, const uint64_t *gprs,
		     unsigned int num_gprs, uint64_t sctlr_el1);

#endif /* RMM_REC_H */
