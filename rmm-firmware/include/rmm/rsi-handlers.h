/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm exits, RSI and realm PSCI in the portable core (cca-interfaces.md
 * §7, §9): what the REC_ENTER loop does with each exception a realm takes.
 */
#ifndef RMM_RSI_HANDLERS_H
#define RMM_RSI_HANDLERS_H

#include <stdbool.h>
#include <stdint.h>
#include <abi/rmi.h>
#include <rmm/rec-run.h>
#include <rmm/rec.h>
#include <rmm/s2tt.h>

/* One REC_ENTER in progress: the claimed (running) REC and its realm. */
struct rec_ctx {
	struct rec *rec;
	uint64_t rd_pa;
	struct s2tt_ctx s2;
	struct rec_run_cfg cfg;
	unsigned int hash_algo;
	struct rmi_rec_exit *exit;	/* filled when the host gets an exit */
};

enum rec_action {
	REC_RESUME,			/* run the realm again */
	REC_EXIT_TO_HOST,		/* ctx->exit is filled */
};

/* core/rec-exit.c */
enum rec_action rec_handle_exception(struct rec_ctx *c, const struct rec_exception *exc);
/* Emulate an exception taken to the realm's EL1 (SEA, UNDEF). */
void rec_inject_sync(struct rec *rec, uint64_t esr_el1, uint64_t far, bool set_far);
void rec_inject_undef(struct rec *rec);
/* A stage-2 data abort on @ipa reported to the host (RSI buffer unmapped). */
enum rec_action rec_exit_protected_abort(struct rec_ctx *c, uint64_t ipa);

/* core/rsi.c: an SMC from the realm; rec->pc is the SMC instruction. */
enum rec_action rsi_handle_smc(struct rec_ctx *c);
/* core/rsi-psci.c: @fid in the PSCI range. */
enum rec_action rsi_psci(struct rec_ctx *c, uint64_t fid);

/* core/realm-mem.c: the RMM's view of protected realm memory. */
enum realm_mem_status {
	REALM_MEM_OK,
	REALM_MEM_UNASSIGNED_RAM,	/* RIPAS RAM, no DATA granule yet */
	REALM_MEM_NOT_RAM,		/* RIPAS EMPTY or DESTROYED */
};
struct realm_mem {
	struct granule *g_lock;		/* RTT lock held while mapped */
	void *page;
	uint8_t *va;			/* at the requested IPA */
};
/* @ipa protected; [ipa, ipa + len) inside one granule. */
enum realm_mem_status realm_mem_map(const struct s2tt_ctx *s2, uint64_t ipa,
				    struct realm_mem *m);
void realm_mem_unmap(struct realm_mem *m);
/* RIPAS of the entry holding @ipa and the top of that entry. */
unsigned int realm_ipa_ripas(const struct s2tt_ctx *s2, uint64_t ipa, uint64_t *entry_top,
			     enum s2tte_kind *kind);

#endif /* RMM_RSI_HANDLERS_H */
