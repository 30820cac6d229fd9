/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU state: the parking mailbox every secondary polls from reset, the
 * PSCI power state and the warm-boot entry handed over by CPU_ON.
 */
#ifndef MONITOR_CPU_H
#define MONITOR_CPU_H

#include <plat/layout.h>

/* A secondary leaves its parking loop only for this value ("CPU_ON!"). */
#define CPU_MAILBOX_GO		0x214E4F5F555043ULL
#define CPU_DATA_SHIFT		6	/* sizeof(struct cpu_data) == 64 */

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <stdbool.h>
#include <arch.h>

enum cpu_power_state {
	CPU_STATE_OFF = 0,
	CPU_STATE_ON_PENDING,
	CPU_STATE_ON,
};

struct cpu_data {
	uint64_t mpidr;
	uint64_t stack_top;
	uint64_t ns_entry;		/* CPU_ON entry point, validated */
	uint64_t ns_context;		/* CPU_ON context id, passed in x0 */
	uint32_t index;
	uint32_t state;			/* enum cpu_power_state, under psci_lock */
	uint32_t present;		/* listed in the DTB's /cpus */
	uint32_t pad[5];
} __attribute__((aligned(64)));

_Static_assert(sizeof(struct cpu_data) == (1 << CPU_DATA_SHIFT), "cpu_data size");

extern struct cpu_data cpu_data[MAX_CPUS];
extern volatile uint64_t cpu_mailbox[MAX_CPUS];
extern uint8_t cpu_stacks[MAX_CPUS][CPU_STACK_SIZE];

static inline struct cpu_data *this_cpu(void)
{
	return (struct cpu_data *)read_sysreg(tpidr_el3);
}

void cpu_data_init(void);
/* Linear CPU index of an MPIDR value, or -1 if no such CPU is present. */
int cpu_index_of_mpidr(uint64_t mpidr);
/* Let a parked secondary run cpu_warm_boot(). */
void cpu_release(unsigned int index);

/* entry.S */
void __attribute__((noreturn)) cpu_off_park(uint64_t stack_top, uint64_t index);
void __attribute__((noreturn)) el3_enter_ns(uint64_t entry, uint64_t x0, uint64_t stack_top);

/* Called from entry.S. */
void __attribute__((noreturn)) monitor_main(void);
void __attribute__((noreturn)) cpu_warm_boot(void);
#endif

#endif /* MONITOR_CPU_H */
