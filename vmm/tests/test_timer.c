// SPDX-License-Identifier: GPL-2.0-only
/* Realm EL1 timers: PPI levels from CNTx_CTL/CVAL, deadlines, a fake clock. */
#include <string.h>

#include "helpers.h"
#include "vmm/gic.h"
#include "vmm/timer.h"

static uint64_t fake_now;

static uint64_t fake_counter(void)
{
	return fake_now;
}

static int clock_setup(void **state)
{
	(void)state;
	fake_now = 1000;
	timer__set_clock(fake_counter, 62500000);	/* 62.5 MHz: 16 ns a tick */
	return 0;
}

static int clock_teardown(void **state)
{
	(void)state;
	timer__set_clock(NULL, 0);
	return 0;
}

static void test_asserted(void **state)
{
	(void)state;
	assert_false(timer__asserted(0, 0, 5));
	assert_false(timer__asserted(CNT_CTL_ENABLE, 10, 5));
	assert_true(timer__asserted(CNT_CTL_ENABLE, 10, 10));
	assert_true(timer__asserted(CNT_CTL_ENABLE | CNT_CTL_ISTATUS, 10, 5));
	assert_false(timer__asserted(CNT_CTL_ENABLE | CNT_CTL_IMASK | CNT_CTL_ISTATUS, 0, 5));
	assert_false(timer__asserted(CNT_CTL_ISTATUS, 0, 5));
}

static void test_update_sets_ppis(void **state)
{
	struct gic *gic = gic__new(2, 4);
	struct rmi_rec_exit exit;

	(void)state;
	memset(&exit, 0, sizeof(exit));
	exit.cntv_ctl = CNT_CTL_ENABLE;
	exit.cntv_cval = 2000;
	exit.cntp_ctl = CNT_CTL_ENABLE;
	exit.cntp_cval = 500;
	timer__update(gic, 1, &exit);
	assert_false(gic__irq_pending(gic, 1, TIMER_PPI_VIRT));
	assert_true(gic__irq_pending(gic, 1, TIMER_PPI_PHYS));
	assert_false(gic__irq_pending(gic, 0, TIMER_PPI_PHYS));

	/* Time passes: the virtual timer fires even though ISTATUS is stale. */
	fake_now = 2000;
	timer__update(gic, 1, &exit);
	assert_true(gic__irq_pending(gic, 1, TIMER_PPI_VIRT));

	/* The guest masks it / moves cval: the level drops. */
	exit.cntv_ctl |= CNT_CTL_IMASK;
	exit.cntp_cval = 10000;
	timer__update(gic, 1, &exit);
	assert_false(gic__irq_pending(gic, 1, TIMER_PPI_VIRT));
	assert_false(gic__irq_pending(gic, 1, TIMER_PPI_PHYS));
	gic__free(gic);
}

static void test_deadline(void **state)
{
	struct rmi_rec_exit exit;

	(void)state;
	memset(&exit, 0, sizeof(exit));
	fake_now = 1000;
	assert_int_equal(timer__next_deadline_ns(&exit), UINT64_MAX);

	exit.cntv_ctl = CNT_CTL_ENABLE;
	exit.cntv_cval = 1000 + 62500000;		/* one second away */
	assert_int_equal(timer__next_deadline_ns(&exit), 1000000000ULL);
	exit.cntp_ctl = CNT_CTL_ENABLE;
	exit.cntp_cval = 1001;				/* one tick: 16 ns */
	assert_int_equal(timer__next_deadline_ns(&exit), 16);
	exit.cntp_ctl |= CNT_CTL_IMASK;			/* masked: ignored */
	assert_int_equal(timer__next_deadline_ns(&exit), 1000000000ULL);
	fake_now = 1000 + 62500000;
	assert_int_equal(timer__next_deadline_ns(&exit), 0);

	/* A far cval does not overflow the conversion. */
	exit.cntv_cval = UINT64_MAX;
	fake_now = 0;
	assert_true(timer__next_deadline_ns(&exit) > 1000000000ULL * 60 * 60 * 24 * 365);
	assert_true(timer__next_deadline_ns(&exit) < UINT64_MAX);

	/* Rounding up: a third of a tick is still a whole one away. */
	timer__set_clock(fake_counter, 3);
	fake_now = 0;
	exit.cntv_cval = 1;
	assert_int_equal(timer__next_deadline_ns(&exit), 333333334);
	timer__set_clock(fake_counter, 62500000);
}

static void test_real_clock_moves(void **state)
{
	uint64_t a, b;

	(void)state;
	timer__set_clock(NULL, 0);
	a = timer__counter();
	b = timer__counter();
	assert_true(b >= a);
	assert_true(timer__freq() > 0);
	timer__set_clock(fake_counter, 62500000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_asserted),
		cmocka_unit_test(test_update_sets_ppis),
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_real_clock_moves),
	};

	return cmocka_run_group_tests(tests, clock_setup, clock_teardown);
}
