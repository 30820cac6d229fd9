/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * R-EL2 platform layout of the RMM image and its virtual address space,
 * shared by the runtime (boot, MMU) and the platform layer (NS access).
 *
 * Physical: the image is linked at the start of the Realm carve-out TF-A's
 * QEMU port uses (0x40100000, at most 24 MiB including the RMM-EL3 shared
 * page EL3 puts at its end).
 *
 * Virtual (stage 1 of the EL2&0 regime, 39-bit VA, 4 KiB granule):
 *
 *   VA = PA              image (text RX, rodata RO, data/bss/stacks RW)
 *                        and every DRAM bank of the boot manifest, Realm
 *                        PAS, RW, never executable
 *   VA = PA              the console's MMIO page, Device-nGnRE, NS PAS
 *   NS_ALIAS_BASE + PA   every DRAM bank again, Non-secure PAS, RW, never
 *                        executable: the only way the RMM reads or writes
 *                        memory the host names as Non-secure
 *
 * An access through the NS alias to a granule the GPT does not give to the
 * NS world is a granule protection fault taken at R-EL2; only the NS copy
 * routine may take it (see plat/aarch64/ns-access.S).
 */
#ifndef PLAT_AARCH64_H
#define PLAT_AARCH64_H

#define RMM_LOAD_ADDR		0x40100000
#define RMM_MAX_SIZE		0x017FF000	/* carve-out minus the shared page */

#define RMM_MAX_CPUS		16
#define RMM_STACK_SIZE		0x4000

#define RMM_VA_BITS		39
#define RMM_NS_ALIAS_BASE	(1ULL << 38)
/* DRAM must end below this for both windows to fit in the VA space. */
#define RMM_DRAM_LIMIT		RMM_NS_ALIAS_BASE

#ifndef __ASSEMBLY__
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <rmm/plat.h>

/* Replace the feature description (boot CPU, before the first RMI). */
void plat_features_set(const struct plat_features *f);

/* mec-aarch64.c: the MECID width in bits, 0 without FEAT_MEC + FEAT_SCTLR2. */
unsigned int plat_mec_probe(void);

/* smc.S */
struct plat_smc_regs {
	uint64_t x[8];
};
uint64_t plat_smc1(uint64_t fid, uint64_t arg);
/* x0..x7 from r, SMC, x0..x7 back into r. */
void plat_smc_exchange(struct plat_smc_regs *r);
_Noreturn void plat_halt(void);

/* ns-access.S: copy that returns false on a granule protection fault. */
bool plat_ns_copy(void *dst, const void *src, size_t len);
/* The PC range of plat_ns_copy's accesses and where a fault resumes. */
extern const char plat_ns_copy_start[], plat_ns_copy_end[], plat_ns_copy_fault[];

/*
 * The DRAM banks mapped in the NS alias (boot CPU, once, before the MMU is
 * on; validated by the caller).  Only PAs inside them are ever accessed.
 */
struct rmm_memory_bank;
void plat_ns_banks_set(const struct rmm_memory_bank *banks, size_t num);

/* The RMM-EL3 shared page, for the EL3 attestation calls (boot CPU, once). */
void plat_el3_shared_set(uint64_t pa);

/*
 * console.c: the PL011 the boot manifest names, shared with the host.
 * rmm_console_init(0) (the state until boot sets it) drops all output.
 */
void rmm_console_init(uint64_t base);
void rmm_puts(const char *s);
/* printf subset: %c %s %d %u %x with 0/width and the l modifier. */
void rmm_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif

#endif /* PLAT_AARCH64_H */
