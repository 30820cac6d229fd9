// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMM dispatcher: boots the RMM on each CPU and switches worlds for it.
 *
 * Per CPU the monitor keeps two saved worlds (NS, Realm): general-purpose
 * registers with ELR/SPSR (the SMC frame) and the EL2 system registers
 * (el2-ctx.h).  Switching rewrites the frame the vectors saved, so the
 * ordinary exception return enters the other world:
 *
 *   NS  RMI FID         -> Realm: x0 = FID (SVE hint as given), x1..x7
 *   Realm RMI_REQ_COMPLETE -> NS: x0..x4 = Realm x1..x5
 *
 * Every CPU's RMM is in one of the states below; an RMI is forwarded only
 * to an IDLE RMM, and the Realm world's calls are accepted only in the
 * state that expects them.  Once any boot fails the RMM is never entered
 * again, on any CPU, and every RMI returns SMC_UNKNOWN (fail closed).
 */
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <abi/rmi.h>
#include <abi/rmm-el3.h>
#include <abi/smccc.h>
#include <arch.h>
#include <attest.h>
#include <console.h>
#include <cpu.h>
#include <el2-ctx.h>
#include <exception.h>
#include <gpt-arch.h>
#include <mec.h>
#include <rmmd.h>
#include <smc.h>
#include <plat/layout.h>

enum rmm_global_state {
	RMM_ABSENT = 0,			/* no image, or not booted yet */
	RMM_READY,			/* cold boot succeeded */
	RMM_FAILED,			/* some boot failed: never enter again */
};

enum rmm_cpu_state {
	RMM_CPU_OFF = 0,		/* not booted on this CPU */
	RMM_CPU_BOOTING,		/* entered for boot, awaiting BOOT_COMPLETE */
	RMM_CPU_IDLE,			/* parked in its SMC, ready for an RMI */
	RMM_CPU_BUSY,			/* serving an RMI, awaiting REQ_COMPLETE */
};

#define W_NS		0
#define W_REALM		1

struct rmmd_cpu {
	struct el3_frame gp[2];
	struct el2_ctx el2[2];
	uint64_t boot_sp;		/* EL3 stack of el3_realm_boot() */
	uint32_t state;			/* enum rmm_cpu_state */
};

static struct rmmd_cpu rmmd_cpus[MAX_CPUS];
static volatile uint32_t rmm_state;
static uint64_t rmm_entry;

static struct rmmd_cpu *this_rmmd(void)
{
	return &rmmd_cpus[this_cpu()->index];
}

static void set_scr_world(unsigned int w)
{
	uint64_t scr = read_sysreg(scr_el3);

	write_sysreg(scr_el3, w == W_REALM ? scr | SCR_NSE : scr & ~SCR_NSE);
	isb();
}

/* Leave world 'from' (its registers are in f), load world 'to' into f. */
static void world_switch(struct rmmd_cpu *c, struct el3_frame *f, unsigned int from, unsigned int to)
{
	c->gp[from] = *f;
	el2_ctx_save(&c->el2[from]);
	el2_ctx_restore(&c->el2[to]);
	set_scr_world(to);
	*f = c->gp[to];
}

/* ------------------------------------------------------------------ boot */

static int64_t boot_this_cpu(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	struct rmmd_cpu *c = this_rmmd();
	struct el3_frame *r = &c->gp[W_REALM];

	/* NS resumes from the EL2 state it has now; the RMM starts clean. */
	el2_ctx_save(&c->el2[W_NS]);
	el2_ctx_init(&c->el2[W_REALM]);
	memset(r, 0, sizeof(*r));
	r->x[0] = x0;
	r->x[1] = x1;
	r->x[2] = x2;
	r->x[3] = x3;
	r->elr = rmm_entry;
	r->spsr = SPSR_EL2H_DAIF;

	c->state = RMM_CPU_BOOTING;
	el2_ctx_restore(&c->el2[W_REALM]);
	set_scr_world(W_REALM);
	return el3_realm_boot(r, &c->boot_sp);
}

/* RMM_BOOT_COMPLETE from a booting RMM: back to el3_realm_boot()'s caller. */
static void __attribute__((noreturn)) boot_complete(struct rmmd_cpu *c, struct el3_frame *f)
{
	int64_t status = (int64_t)f->x[1];

	c->gp[W_REALM] = *f;
	el2_ctx_save(&c->el2[W_REALM]);
	el2_ctx_restore(&c->el2[W_NS]);
	set_scr_world(W_NS);
	c->state = status == RMM_BOOT_SUCCESS ? RMM_CPU_IDLE : RMM_CPU_OFF;
	el3_realm_boot_return(c->boot_sp, status);
}

static const char *boot_status_name(int64_t status)
{
	static const char *const names[] = {
		"SUCCESS", "UNKNOWN", "VERSION_NOT_VALID", "CPUS_OUT_OF_RANGE",
		"CPU_ID_OUT_OF_RANGE", "INVALID_SHARED_BUFFER", "MANIFEST_VERSION_NOT_SUPPORTED",
		"MANIFEST_DATA_ERROR",
	};

	return status <= 0 && -status < (int64_t)(sizeof(names) / sizeof(names[0])) ?
	       names[-status] : "(not architected)";
}

static void boot_failed(const char *what, int64_t status)
{
	rmm_state = RMM_FAILED;
	mon_printf("monitor: RMM %s failed on cpu%u: status %ld (%s); RMM failed: RMI calls return SMC_UNKNOWN\n",
		   what, this_cpu()->index, status, boot_status_name(status));
}

void rmmd_cold_boot(uint64_t entry)
{
	uint64_t t0 = read_sysreg(cntpct_el0), us;
	int64_t status;

	el2_ctx_probe();
	rmm_entry = entry;
	status = boot_this_cpu(this_cpu()->index, RMM_EL3_IFC_VERSION_IMPL, MAX_CPUS, RMM_SHARED_PAGE);
	if (status != RMM_BOOT_SUCCESS) {
		boot_failed("cold boot", status);
		return;
	}
	rmm_state = RMM_READY;
	us = (read_sysreg(cntpct_el0) - t0) * 1000000 / read_sysreg(cntfrq_el0);
	mon_printf("monitor: RMM cold boot complete on cpu%u in %lu us: RMI calls go to the RMM\n",
		   this_cpu()->index, us);
}

void rmmd_warm_boot(void)
{
	int64_t status;

	if (rmm_state != RMM_READY)
		return;
	status = boot_this_cpu(this_cpu()->index, 0, 0, 0);
	if (status != RMM_BOOT_SUCCESS)
		boot_failed("warm boot", status);
}

/* ------------------------------------------------------------------ RMI */

static void rmi_forward(struct rmmd_cpu *c, struct el3_frame *f, uint32_t fid)
{
	if (rmm_state != RMM_READY || c->state != RMM_CPU_IDLE) {
		f->x[0] = SMC_UNKNOWN;
		return;
	}
	world_switch(c, f, W_NS, W_REALM);
	/* W0 is the FID; x1..x7 come straight from the NS caller. */
	f->x[0] = fid;
	memcpy(&f->x[1], &c->gp[W_NS].x[1], 7 * sizeof(uint64_t));
	c->state = RMM_CPU_BUSY;
}

static void rmi_complete(struct rmmd_cpu *c, struct el3_frame *f)
{
	uint64_t res[5];

	memcpy(res, &f->x[1], sizeof(res));
	world_switch(c, f, W_REALM, W_NS);
	memcpy(&f->x[0], res, sizeof(res));
	c->state = RMM_CPU_IDLE;
}

/* ------------------------------------------------------------------ RMM -> EL3 */

struct rmm_el3_service {
	uint32_t fid;
	void (*call)(struct el3_frame *f);
};

static void gtsi_delegate(struct el3_frame *f)
{
	f->x[0] = (uint64_t)(int64_t)gpt_delegate(f->x[1]);
}

static void gtsi_undelegate(struct el3_frame *f)
{
	f->x[0] = (uint64_t)(int64_t)gpt_undelegate(f->x[1]);
}

/* Register 0 bit 0: EL3 token signing, which this monitor does not offer. */
static void el3_features(struct el3_frame *f)
{
	if (f->x[1] != 0) {
		f->x[0] = (uint64_t)(int64_t)E_RMM_INVAL;
		return;
	}
	f->x[0] = E_RMM_OK;
	f->x[1] = 0;
}

/*
 * This monitor offers no EL3 token signing, IDE key programming or memory
 * reservation (RMM_EL3_FEATURES says so): those FIDs
 * answer E_RMM_UNK like any unlisted FID.  Attestation: attest.c; MEC: mec.c.
 */
static const struct rmm_el3_service rmm_el3_services[] = {
	{ RMM_GTSI_DELEGATE,		gtsi_delegate },
	{ RMM_GTSI_UNDELEGATE,		gtsi_undelegate },
	{ RMM_ATTEST_GET_REALM_KEY,	attest_get_realm_key },
	{ RMM_ATTEST_GET_PLAT_TOKEN,	attest_get_plat_token },
	{ RMM_EL3_FEATURES,		el3_features },
	{ RMM_MEC_REFRESH,		mec_refresh },
};

static void realm_call(struct rmmd_cpu *c, struct el3_frame *f, uint32_t fid)
{
	unsigned int i;

	if (fid == RMM_BOOT_COMPLETE && c->state == RMM_CPU_BOOTING)
		boot_complete(c, f);
	if (fid == RMM_RMI_REQ_COMPLETE && c->state == RMM_CPU_BUSY) {
		rmi_complete(c, f);
		return;
	}
	for (i = 0; i < sizeof(rmm_el3_services) / sizeof(rmm_el3_services[0]); i++) {
		if (rmm_el3_services[i].fid == fid) {
			rmm_el3_services[i].call(f);
			return;
		}
	}
	f->x[0] = (uint64_t)(int64_t)E_RMM_UNK;
}

void rmmd_smc(struct el3_frame *f, uint32_t fid, unsigned int world)
{
	struct rmmd_cpu *c = this_rmmd();

	if (world == WORLD_REALM)
		realm_call(c, f, fid);
	else if (world == WORLD_NS)
		rmi_forward(c, f, fid);
	else
		f->x[0] = SMC_UNKNOWN;
}
