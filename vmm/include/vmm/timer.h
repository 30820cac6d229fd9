/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_TIMER_H
#define VMM_TIMER_H

/*
 * The realm's EL1 generic timers, as the host sees them.
 *
 * The timers run in hardware while a REC runs; when one fires, the RMM
 * exits (RMI_EXIT_IRQ, the physical timer PPI), masks the timer's physical
 * interrupt while its output stays asserted, and reports CNTV_CTL/CVAL and
 * CNTP_CTL/CVAL in every rec.exit, CVALs already converted to the physical
 * count (TF-RMM runtime/core/timers.c).  The host delivers the virtual
 * interrupt: PPI 11 (INTID 27) for the virtual timer, PPI 14 (INTID 30)
 * for the physical one, level-sensitive, as vmm/fdt.c declares them.
 *
 * kvm-realm.ko re-enters IRQ exits itself, so the VMM does not see the
 * timer fire: a vCPU thread arms its own wake-up from
 * timer__next_deadline_ns() (to leave KVM_REALM_RUN or a WFI wait at that
 * time) and calls timer__update() after every return from RUN.
 */
#include <stdbool.h>
#include <stdint.h>

#include "abi/rmi.h"

struct gic;

#define TIMER_PPI_VIRT		27	/* INTID: PPI 11 */
#define TIMER_PPI_PHYS		30	/* INTID: PPI 14 */

/* CNTx_CTL_EL0 */
#define CNT_CTL_ENABLE		(1ULL << 0)
#define CNT_CTL_IMASK		(1ULL << 1)
#define CNT_CTL_ISTATUS		(1ULL << 2)

/*
 * The counter the CVALs compare against.  On arm64 the default reads
 * CNTVCT_EL0 and CNTFRQ_EL0 (the host's virtual offset is 0 under Linux,
 * so this is the physical count the RMM reports against); elsewhere it is
 * CLOCK_MONOTONIC in nanoseconds at 1 GHz.  Tests inject their own.
 */
void timer__set_clock(uint64_t (*read_counter)(void), uint64_t freq_hz);
uint64_t timer__counter(void);
uint64_t timer__freq(void);

/* Whether a timer with @ctl/@cval drives its interrupt line at @now. */
bool timer__asserted(uint64_t ctl, uint64_t cval, uint64_t now);

/*
 * Set the virtual and physical timer PPIs of @cpu from @exit's timer
 * state and the counter now.  Call after gic__sync_from_exit().
 */
void timer__update(struct gic *gic, unsigned int cpu, const struct rmi_rec_exit *exit);

/*
 * Nanoseconds from now until the first enabled, unmasked timer of @exit
 * fires: 0 if one already has, UINT64_MAX if none is armed.
 */
uint64_t timer__next_deadline_ns(const struct rmi_rec_exit *exit);

#endif /* VMM_TIMER_H */
