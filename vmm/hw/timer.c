// SPDX-License-Identifier: GPL-2.0-only
/* The realm's EL1 timers: interrupt levels and deadlines from REC exits. */
#include <time.h>

#include "vmm/gic.h"
#include "vmm/timer.h"

#if defined(__aarch64__)
static uint64_t timer__hw_counter(void)
{
	uint64_t v;

	/* The ISB keeps the read from being hoisted above earlier work. */
	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v) :: "memory");
	return v;
}

static uint64_t timer__hw_freq(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}
#else
static uint64_t timer__hw_counter(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static uint64_t timer__hw_freq(void)
{
	return 1000000000ULL;
}
#endif

static uint64_t (*read_counter)(void) = timer__hw_counter;
static uint64_t counter_freq;

void timer__set_clock(uint64_t (*fn)(void), uint64_t freq_hz)
{
	read_counter = fn ? fn : timer__hw_counter;
	counter_freq = fn ? freq_hz : 0;
}

uint64_t timer__counter(void)
{
	return read_counter();
}

uint64_t timer__freq(void)
{
	if (!counter_freq)
		counter_freq = timer__hw_freq();
	/* A zero CNTFRQ would make every deadline a division by zero. */
	return counter_freq ? counter_freq : 1;
}

bool timer__asserted(uint64_t ctl, uint64_t cval, uint64_t now)
{
	if ((ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) != CNT_CTL_ENABLE)
		return false;
	/* ISTATUS is as of the exit; the counter may have passed cval since. */
	return (ctl & CNT_CTL_ISTATUS) || now >= cval;
}

void timer__update(struct gic *gic, unsigned int cpu, const struct rmi_rec_exit *exit)
{
	uint64_t now = timer__counter();

	gic__set_ppi(gic, cpu, TIMER_PPI_VIRT, timer__asserted(exit->cntv_ctl, exit->cntv_cval, now));
	gic__set_ppi(gic, cpu, TIMER_PPI_PHYS, timer__asserted(exit->cntp_ctl, exit->cntp_cval, now));
}

static uint64_t timer__ns_until(uint64_t ctl, uint64_t cval, uint64_t now)
{
	unsigned __int128 ns;

	if ((ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) != CNT_CTL_ENABLE)
		return UINT64_MAX;
	if (timer__asserted(ctl, cval, now))
		return 0;
	/* Round up, so that waking at the deadline finds the timer fired. */
	ns = ((unsigned __int128)(cval - now) * 1000000000ULL + timer__freq() - 1) / timer__freq();
	return ns >= UINT64_MAX ? UINT64_MAX - 1 : (uint64_t)ns;
}

uint64_t timer__next_deadline_ns(const struct rmi_rec_exit *exit)
{
	uint64_t now = timer__counter();
	uint64_t v = timer__ns_until(exit->cntv_ctl, exit->cntv_cval, now);
	uint64_t p = timer__ns_until(exit->cntp_ctl, exit->cntp_cval, now);

	return v < p ? v : p;
}
