/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * GICv3 virtual CPU interface of a REC (cca-interfaces.md §5.3): the list
 * registers, active-priority registers and VMCR are the REC's while it
 * runs.  The host's list registers and active priorities are saved with
 * the same routine around every realm run (EL3 switches only ICH_HCR_EL2
 * and ICH_VMCR_EL2 between worlds).  Register numbers must be immediates,
 * hence the switches.
 */
#include <runtime/arch.h>
#include <runtime/realm.h>

#define ICH_HCR_EN		(1ULL << 0)
#define ICH_HCR_EOICOUNT_MASK	(0x1FULL << 27)

#define LR_CASES(X)								\
	X(0, S3_4_C12_C12_0) X(1, S3_4_C12_C12_1) X(2, S3_4_C12_C12_2)		\
	X(3, S3_4_C12_C12_3) X(4, S3_4_C12_C12_4) X(5, S3_4_C12_C12_5)		\
	X(6, S3_4_C12_C12_6) X(7, S3_4_C12_C12_7) X(8, S3_4_C12_C13_0)		\
	X(9, S3_4_C12_C13_1) X(10, S3_4_C12_C13_2) X(11, S3_4_C12_C13_3)	\
	X(12, S3_4_C12_C13_4) X(13, S3_4_C12_C13_5) X(14, S3_4_C12_C13_6)	\
	X(15, S3_4_C12_C13_7)
#define AP0R_CASES(X)								\
	X(0, S3_4_C12_C8_0) X(1, S3_4_C12_C8_1) X(2, S3_4_C12_C8_2) X(3, S3_4_C12_C8_3)
#define AP1R_CASES(X)								\
	X(0, S3_4_C12_C9_0) X(1, S3_4_C12_C9_1) X(2, S3_4_C12_C9_2) X(3, S3_4_C12_C9_3)

#define GIC_MAX_APRS		4

#define READ_CASE(n, reg)	case n: return read_sysreg(reg);
#define WRITE_CASE(n, reg)	case n: write_sysreg(reg, v); return;

static uint64_t lr_read(unsigned int n)
{
	switch (n) { LR_CASES(READ_CASE) default: return 0; }
}

static void lr_write(unsigned int n, uint64_t v)
{
	switch (n) { LR_CASES(WRITE_CASE) default: return; }
}

static uint64_t ap0r_read(unsigned int n)
{
	switch (n) { AP0R_CASES(READ_CASE) default: return 0; }
}

static void ap0r_write(unsigned int n, uint64_t v)
{
	switch (n) { AP0R_CASES(WRITE_CASE) default: return; }
}

static uint64_t ap1r_read(unsigned int n)
{
	switch (n) { AP1R_CASES(READ_CASE) default: return 0; }
}

static void ap1r_write(unsigned int n, uint64_t v)
{
	switch (n) { AP1R_CASES(WRITE_CASE) default: return; }
}

void gic_vcpu_save(struct rec_gic *g)
{
	unsigned int i;

	g->hcr = read_sysreg(ICH_HCR_EL2_S);
	g->misr = read_sysreg(ICH_MISR_EL2_S);
	g->vmcr = read_sysreg(ICH_VMCR_EL2_S);
	for (i = 0; i < realm_caps.num_lrs && i < RMI_REC_GIC_NUM_LRS; i++)
		g->lrs[i] = lr_read(i);
	for (i = 0; i < realm_caps.num_aprs && i < GIC_MAX_APRS; i++) {
		g->ap0r[i] = ap0r_read(i);
		g->ap1r[i] = ap1r_read(i);
	}
	write_sysreg(ICH_HCR_EL2_S, 0);
	isb();
}

/* @enable: a REC's state (ICH_HCR_EL2.En set), else the host's, disabled. */
void gic_vcpu_restore(const struct rec_gic *g, bool enable)
{
	unsigned int i;

	for (i = 0; i < realm_caps.num_lrs && i < RMI_REC_GIC_NUM_LRS; i++)
		lr_write(i, g->lrs[i]);
	for (i = 0; i < realm_caps.num_aprs && i < GIC_MAX_APRS; i++) {
		ap0r_write(i, g->ap0r[i]);
		ap1r_write(i, g->ap1r[i]);
	}
	if (enable) {
		write_sysreg(ICH_VMCR_EL2_S, g->vmcr);
		write_sysreg(ICH_HCR_EL2_S, ICH_HCR_EN | (g->hcr &
			     (ICH_HCR_EOICOUNT_MASK | RMI_REC_GICV3_HCR_HOST_MASK)));
	}
	isb();
}
