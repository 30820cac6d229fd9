// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-CPU data, stacks and the parking mailboxes, plus the platform facts
 * shared by all CPUs.
 */
#include <stdint.h>
#include <arch.h>
#include <cache.h>
#include <cpu.h>
#include <platform.h>
#include <plat/layout.h>

struct cpu_data cpu_data[MAX_CPUS];
volatile uint64_t cpu_mailbox[MAX_CPUS];
uint8_t cpu_stacks[MAX_CPUS][CPU_STACK_SIZE] __attribute__((section(".stacks"), aligned(16)));

struct platform plat;

void cpu_data_init(void)
{
	unsigned int i;

	for (i = 0; i < MAX_CPUS; i++) {
		cpu_data[i].index = i;
		cpu_data[i].stack_top = (uint64_t)(uintptr_t)&cpu_stacks[i][CPU_STACK_SIZE];
		cpu_data[i].state = CPU_STATE_OFF;
		cpu_mailbox[i] = 0;
	}
	cpu_data[0].state = CPU_STATE_ON;
	cpu_data[0].mpidr = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
}

int cpu_index_of_mpidr(uint64_t mpidr)
{
	unsigned int aff0 = mpidr & 0xff, aff1 = (mpidr >> 8) & 0xff;
	unsigned int index;

	/* Same numbering as core_index in entry.S (QEMU virt, 16 per cluster). */
	if (mpidr & ~MPIDR_AFF_MASK & ~(BIT(31) | BIT(30) | BIT(24)))
		return -1;
	if (((mpidr >> 16) & 0xff) || ((mpidr >> 32) & 0xff) || aff0 >= 16)
		return -1;
	index = aff1 * 16 + aff0;
	if (index >= MAX_CPUS || !cpu_data[index].present)
		return -1;
	return (int)index;
}

void cpu_release(unsigned int index)
{
	/*
	 * The target may still run with its MMU and caches off and read the
	 * mailbox and its cpu_data straight from memory.
	 */
	dcache_clean_range((uintptr_t)&cpu_data[index], sizeof(cpu_data[index]));
	cpu_mailbox[index] = CPU_MAILBOX_GO;
	dcache_clean_range((uintptr_t)&cpu_mailbox[index], sizeof(cpu_mailbox[index]));
	dsb_sy();
	sev();
}

bool plat_range_is_ns_dram(uint64_t pa, uint64_t size)
{
	uint64_t end = pa + size;

	if (end < pa || pa < plat.dram_base || end > plat.dram_end)
		return false;
	if (pa < RMM_CARVEOUT_END && end > RMM_CARVEOUT_BASE)
		return false;
	return true;
}
