/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * The realm's EL1 timers while it runs.  A timer whose condition is met
 * raises its PPI as a physical interrupt, which exits the REC to the host
 * (RMI_EXIT_IRQ, with cntv_ctl/cntp_ctl showing it fire); the host's VMM
 * then injects the virtual timer interrupt through a list register.  If
 * the physical line stayed asserted the REC could never run to handle that
 * interrupt (every entry would exit at once), so on entry the RMM sets
 * IMASK in the hardware copy of an asserted timer, and on exit removes it
 * from the saved copy again if the realm did not write the control register
 * meanwhile (the realm's handler reprograms the timer, which clears it).
 */
#include <runtime/arch.h>
#include <runtime/realm.h>

#define CNT_CTL_ENABLE		(1ULL << 0)
#define CNT_CTL_IMASK		(1ULL << 1)
#define CNT_CTL_ISTATUS		(1ULL << 2)
#define CNT_FIRING(ctl)		(((ctl) & 7ULL) == (CNT_CTL_ENABLE | CNT_CTL_ISTATUS))

#define TIMER_V			(1U << 0)
#define TIMER_P			(1U << 1)

void timers_mask_asserted(struct rec *rec)
{
	uint64_t v = read_sysreg(CNTV_CTL_EL02), p = read_sysreg(CNTP_CTL_EL02);

	rec->timers_masked = 0;
	if (CNT_FIRING(v)) {
		write_sysreg(CNTV_CTL_EL02, v | CNT_CTL_IMASK);
		rec->timers_masked |= TIMER_V;
	}
	if (CNT_FIRING(p)) {
		write_sysreg(CNTP_CTL_EL02, p | CNT_CTL_IMASK);
		rec->timers_masked |= TIMER_P;
	}
	isb();
}

/* After el1_ctx_save(): the realm's own view of the control registers. */
void timers_unmask_saved(struct rec *rec)
{
	struct rec_sysregs *s = &rec->sysregs;

	if ((rec->timers_masked & TIMER_V) && (s->cntv_ctl & CNT_CTL_IMASK) &&
	    (s->cntv_ctl & CNT_CTL_ENABLE))
		s->cntv_ctl &= ~CNT_CTL_IMASK;
	if ((rec->timers_masked & TIMER_P) && (s->cntp_ctl & CNT_CTL_IMASK) &&
	    (s->cntp_ctl & CNT_CTL_ENABLE))
		s->cntp_ctl &= ~CNT_CTL_IMASK;
	rec->timers_masked = 0;
}
