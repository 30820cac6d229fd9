// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI 1.1 for the Non-secure host: one power level (cores), CPU_SUSPEND
 * limited to standby, system power handled by ending the emulation.
 * Every target MPIDR and entry point comes from the NS world and is checked
 * against what the monitor knows before it is acted upon.
 */
#include <stdint.h>
#include <abi/psci.h>
#include <abi/smccc.h>
#include <arch.h>
#include <console.h>
#include <cpu.h>
#include <platform.h>
#include <psci.h>
#include <semihosting.h>
#include <smc.h>
#include <spinlock.h>

#define PSCI_RET(e)		((uint64_t)(int64_t)(e))

/* power_state, original format: StateType bit 16, PowerLevel [25:24]. */
#define PSTATE_TYPE_POWERDOWN	(1U << 16)
#define PSTATE_LEVEL_SHIFT	24
#define PSTATE_LEVEL_MASK	0x3U

static spinlock_t psci_lock;

uint64_t psci_version(const struct smc_args *a)
{
	(void)a;
	return PSCI_VERSION_1_1;
}

/* PSCI functions and SMCCC_VERSION (PSCI 1.0, 5.1.14). */
uint64_t psci_features(const struct smc_args *a)
{
	uint32_t fid = (uint32_t)a->a[1];
	bool psci_fn = SMCCC_FID_OEN(fid) == SMCCC_OEN_STD && SMCCC_FID_FNUM(fid) <= PSCI_FNUM_MAX;

	if ((psci_fn || fid == SMCCC_VERSION) && smc_fid_implemented(fid, a->world)) {
		/* CPU_SUSPEND: original power_state format, no OS-initiated mode. */
		return PSCI_E_SUCCESS;
	}
	return PSCI_RET(PSCI_E_NOT_SUPPORTED);
}

uint64_t psci_cpu_suspend(const struct smc_args *a)
{
	uint32_t power_state = (uint32_t)a->a[1];

	/*
	 * Only core standby: a powerdown state would need the monitor to
	 * save and restore the core's context, which it does not implement.
	 */
	if (power_state & PSTATE_TYPE_POWERDOWN ||
	    (power_state >> PSTATE_LEVEL_SHIFT) & PSTATE_LEVEL_MASK)
		return PSCI_RET(PSCI_E_INVALID_PARAMS);
	dsb_sy();
	wfi();
	return PSCI_E_SUCCESS;
}

uint64_t psci_cpu_off(const struct smc_args *a)
{
	struct cpu_data *cpu = this_cpu();

	(void)a;
	spin_lock(&psci_lock);
	cpu->state = CPU_STATE_OFF;
	spin_unlock(&psci_lock);
	cpu_off_park(cpu->stack_top, cpu->index);
}

uint64_t psci_cpu_on(const struct smc_args *a)
{
	uint64_t entry = a->a[2], context = a->a[3];
	int idx = cpu_index_of_mpidr(a->a[1]);
	struct cpu_data *target;
	int ret = PSCI_E_SUCCESS;

	if (idx < 0)
		return PSCI_RET(PSCI_E_INVALID_PARAMS);
	if (entry & 3 || !plat_range_is_ns_dram(entry, 4))
		return PSCI_RET(PSCI_E_INVALID_ADDRESS);

	target = &cpu_data[idx];
	spin_lock(&psci_lock);
	if (target->state == CPU_STATE_ON)
		ret = PSCI_E_ALREADY_ON;
	else if (target->state == CPU_STATE_ON_PENDING)
		ret = PSCI_E_ON_PENDING;
	else {
		target->state = CPU_STATE_ON_PENDING;
		target->ns_entry = entry;
		target->ns_context = context;
	}
	spin_unlock(&psci_lock);

	if (ret == PSCI_E_SUCCESS)
		cpu_release((unsigned int)idx);
	return PSCI_RET(ret);
}

void psci_cpu_on_finish(uint64_t *entry, uint64_t *context)
{
	struct cpu_data *cpu = this_cpu();

	spin_lock(&psci_lock);
	cpu->state = CPU_STATE_ON;
	*entry = cpu->ns_entry;
	*context = cpu->ns_context;
	spin_unlock(&psci_lock);
}

uint64_t psci_affinity_info(const struct smc_args *a)
{
	int idx = cpu_index_of_mpidr(a->a[1]);
	uint32_t state;

	/* Only affinity level 0 exists on this platform's PSCI. */
	if (idx < 0 || a->a[2] != 0)
		return PSCI_RET(PSCI_E_INVALID_PARAMS);
	spin_lock(&psci_lock);
	state = cpu_data[idx].state;
	spin_unlock(&psci_lock);
	switch (state) {
	case CPU_STATE_ON:
		return PSCI_AFFINITY_ON;
	case CPU_STATE_ON_PENDING:
		return PSCI_AFFINITY_ON_PENDING;
	default:
		return PSCI_AFFINITY_OFF;
	}
}

uint64_t psci_migrate_info_type(const struct smc_args *a)
{
	(void)a;
	return PSCI_TOS_NOT_PRESENT_MP;
}

/* There is no power controller to drive: end the emulation cleanly. */
uint64_t psci_system_off(const struct smc_args *a)
{
	(void)a;
	mon_printf("monitor: PSCI SYSTEM_OFF\n");
	semihost_exit(0);
}

uint64_t psci_system_reset(const struct smc_args *a)
{
	(void)a;
	mon_printf("monitor: PSCI SYSTEM_RESET (ends the emulation)\n");
	semihost_exit(0);
}
