/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Cold and warm boot of the RMM (cca-interfaces.md §10.3), the boot
 * manifest (§10.4), the stage-1 MMU and the RMI loop.
 */
#ifndef RUNTIME_BOOT_H
#define RUNTIME_BOOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <abi/rmm-el3.h>
#include <rmm/granule.h>

/* The RMM-EL3 interface version this RMM is written against (manifest v0.5). */
#define RMM_EL3_IFC_REQUIRED	RMM_EL3_IFC_VERSION(0, 5)

/* What the RMM keeps from the manifest, copied out of the shared page. */
struct rmm_boot_info {
	struct rmm_memory_bank dram[GRANULE_MAX_BANKS];
	size_t num_dram;
	uint64_t console_base;		/* 0: no console */
};

/* Called from head.S with the MMU off.  Return an RMM_BOOT_* status. */
int64_t rmm_cold_boot(uint64_t cpu, uint64_t ifc_version, uint64_t max_cpus, uint64_t shared);
int64_t rmm_warm_boot(uint64_t cpu, uint64_t token);
/* A CPU index head.S cannot give a stack to. */
_Noreturn void rmm_boot_bad_cpu(void);

/* Report the boot status to EL3; on success serve RMI calls forever. */
_Noreturn void rmm_main_loop(int64_t status);

/* True while this CPU has not yet reported a successful boot. */
bool rmm_cpu_booting(void);
/* This CPU is about to report success: exceptions no longer fail the boot. */
void rmm_boot_done(void);
unsigned int rmm_cpu_index(void);

/* manifest.c: validate the manifest at shared and copy it into info. */
int64_t rmm_manifest_read(uint64_t shared, unsigned int pa_bits, struct rmm_boot_info *info);

/* xlat.c: build the tables (boot CPU) and turn the MMU on (every CPU). */
int rmm_xlat_build(const struct rmm_boot_info *info);
void rmm_mmu_enable(void);

/* features.c: describe the hardware to the core. */
void rmm_features_init(void);
unsigned int rmm_pa_bits(void);

/* Linker symbols (rmm.ld.S). */
extern char __rmm_start[], __text_end[], __ro_end[], __data_start[];
extern char __bss_end[], __rmm_end[];

#endif /* RUNTIME_BOOT_H */
