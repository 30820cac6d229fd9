/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Cold and warm boot (cca-interfaces.md §10.3).  Both run with the MMU off
 * until rmm_mmu_enable(); the boot CPU publishes everything the others
 * read in that state (cold-boot flag, CPU count, tables) to the point of
 * coherency before it reports success.
 *
 * Checks, in TF-RMM's order: interface version (same major, EL3 minor at
 * least ours), CPU count, CPU index, shared page; then the manifest.  A
 * failure before the manifest named a console cannot be printed: EL3 logs
 * the status it receives.
 */
#include <string.h>
#include <abi/rmm-el3.h>
#include <plat-aarch64.h>
#include <rmm/attest.h>
#include <rmm/granule.h>
#include <runtime/arch.h>
#include <runtime/boot.h>
#include <runtime/realm.h>
#include <plat-aarch64.h>

/* Read by head.S with the MMU off to tell cold from warm boot. */
uint32_t rmm_cold_boot_done __attribute__((section(".data")));
static uint64_t rmm_num_cpus __attribute__((section(".data")));
static struct rmm_boot_info boot_info;
static volatile bool cpu_booting[RMM_MAX_CPUS];

unsigned int rmm_cpu_index(void)
{
	return (unsigned int)read_sysreg(tpidr_el2);
}

bool rmm_cpu_booting(void)
{
	unsigned int cpu = rmm_cpu_index();

	return cpu < RMM_MAX_CPUS && cpu_booting[cpu];
}

void rmm_boot_done(void)
{
	cpu_booting[rmm_cpu_index()] = false;
}

static void dcache_clean_range(uintptr_t start, uintptr_t end)
{
	uint64_t line = 4ULL << id_field(read_sysreg(ctr_el0), 16, 4);

	for (start &= ~(line - 1); start < end; start += line)
		__asm__ volatile("dc cvac, %0" :: "r"(start) : "memory");
	dsb_sy();
}

static int64_t check_args(uint64_t cpu, uint64_t ifc_version, uint64_t max_cpus, uint64_t shared)
{
	uint64_t img_start = (uint64_t)(uintptr_t)__rmm_start;
	uint64_t img_end = (uint64_t)(uintptr_t)__rmm_end;

	if (RMM_EL3_IFC_VERSION_MAJOR(ifc_version) != RMM_EL3_IFC_VERSION_MAJOR(RMM_EL3_IFC_REQUIRED) ||
	    RMM_EL3_IFC_VERSION_MINOR(ifc_version) < RMM_EL3_IFC_VERSION_MINOR(RMM_EL3_IFC_REQUIRED))
		return RMM_BOOT_ERR_VERSION_NOT_VALID;
	if (max_cpus == 0 || max_cpus > RMM_MAX_CPUS)
		return RMM_BOOT_ERR_CPUS_OUT_OF_RANGE;
	if (cpu >= max_cpus)
		return RMM_BOOT_ERR_CPU_ID_OUT_OF_RANGE;
	if (!shared || shared & GRANULE_MASK || shared >= RMM_DRAM_LIMIT ||
	    (shared + GRANULE_SIZE > img_start && shared < img_end))
		return RMM_BOOT_ERR_INVALID_SHARED_BUFFER;
	return RMM_BOOT_SUCCESS;
}

/* The shared page must be DRAM from the manifest, or the map misses it. */
static bool shared_in_dram(uint64_t shared)
{
	size_t i;

	for (i = 0; i < boot_info.num_dram; i++) {
		if (shared >= boot_info.dram[i].base &&
		    shared + GRANULE_SIZE <= boot_info.dram[i].base + boot_info.dram[i].size)
			return true;
	}
	return false;
}

/*
 * The NS alias must refuse a granule the GPT does not give to NS: read
 * the shared page (Realm) through it once, so that a broken map or fault
 * fix-up shows at boot rather than as a host reading realm memory.
 */
static bool ns_alias_self_test(uint64_t shared)
{
	uint64_t word;

	return !plat_ns_read(&word, shared, sizeof(word));
}

static uint64_t tracked_granules(void)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < boot_info.num_dram; i++)
		n += boot_info.dram[i].size >> GRANULE_SHIFT;
	return n;
}

/*
 * The RAK for this boot, once, before any realm exists.  A failure is not
 * fatal: realms run, and their token requests fail (RSI_ERROR_UNKNOWN).
 */
static void attest_boot(uint64_t shared)
{
	uint64_t t0 = read_sysreg(cntpct_el0);
	int ret;

	plat_el3_shared_set(shared);
	ret = attest_init();
	if (ret != E_RMM_OK) {
		rmm_printf("rmm: attestation: no RAK (EL3 status %d): tokens unavailable\n", ret);
		return;
	}
	rmm_printf("rmm: attestation: P-384 RAK from EL3, public key derived in %lu us\n",
		   (read_sysreg(cntpct_el0) - t0) * 1000000 / read_sysreg(cntfrq_el0));
}

int64_t rmm_cold_boot(uint64_t cpu, uint64_t ifc_version, uint64_t max_cpus, uint64_t shared)
{
	size_t i;
	int64_t ret;

	cpu_booting[cpu] = true;
	ret = check_args(cpu, ifc_version, max_cpus, shared);
	if (ret)
		return ret;
	ret = rmm_manifest_read(shared, rmm_pa_bits(), &boot_info);
	if (ret)
		return ret;

	rmm_console_init(boot_info.console_base);
	rmm_printf("rmm: R-EL2 RMM, built " __DATE__ " " __TIME__ ", image 0x%lx-0x%lx\n",
		   (uint64_t)(uintptr_t)__rmm_start, (uint64_t)(uintptr_t)__rmm_end - 1);
	rmm_printf("rmm: cold boot on cpu %lu of %lu, RMM-EL3 interface %lu.%lu, shared page 0x%lx\n",
		   cpu, max_cpus, RMM_EL3_IFC_VERSION_MAJOR(ifc_version),
		   RMM_EL3_IFC_VERSION_MINOR(ifc_version), shared);
	for (i = 0; i < boot_info.num_dram; i++)
		rmm_printf("rmm: manifest: DRAM bank %lu: 0x%lx-0x%lx\n", (uint64_t)i,
			   boot_info.dram[i].base, boot_info.dram[i].base + boot_info.dram[i].size - 1);
	if (!shared_in_dram(shared)) {
		rmm_printf("rmm: shared page outside the manifest's DRAM\n");
		return RMM_BOOT_ERR_INVALID_SHARED_BUFFER;
	}

	if (granule_init(boot_info.dram, boot_info.num_dram)) {
		rmm_printf("rmm: DRAM banks exceed the granule tracker\n");
		return RMM_BOOT_ERR_MANIFEST_DATA;
	}
	if (rmm_xlat_build(&boot_info)) {
		rmm_printf("rmm: stage-1 tables do not fit the pool\n");
		return RMM_BOOT_ERR_UNKNOWN;
	}
	rmm_mmu_enable();
	plat_ns_banks_set(boot_info.dram, boot_info.num_dram);
	rmm_printf("rmm: MMU on: Realm PAS at VA = PA, NS PAS alias at 0x%lx + PA\n",
		   (uint64_t)RMM_NS_ALIAS_BASE);
	if (!ns_alias_self_test(shared)) {
		rmm_printf("rmm: NS alias reached a Realm granule\n");
		return RMM_BOOT_ERR_UNKNOWN;
	}
	rmm_features_init();
	realm_caps_init();
	rmm_cpu_fp_init();
	attest_boot(shared);

	rmm_num_cpus = max_cpus;
	rmm_cold_boot_done = 1;
	/* Secondaries read these, and the tables, with their MMU off. */
	dcache_clean_range((uintptr_t)__data_start, (uintptr_t)__bss_end);
	rmm_printf("rmm: cold boot done, %lu granules tracked\n", tracked_granules());
	return RMM_BOOT_SUCCESS;
}

int64_t rmm_warm_boot(uint64_t cpu, uint64_t token)
{
	(void)token;		/* IFC 2.0 activation token, unused in 0.x */
	if (cpu >= rmm_num_cpus)
		return RMM_BOOT_ERR_CPU_ID_OUT_OF_RANGE;
	cpu_booting[cpu] = true;
	rmm_mmu_enable();
	rmm_cpu_fp_init();
	write_sysreg(ICC_SRE_EL2_S, ICC_SRE_EL2_VALUE);
	isb();
	rmm_printf("rmm: warm boot on cpu %lu\n", cpu);
	return RMM_BOOT_SUCCESS;
}

void rmm_boot_bad_cpu(void)
{
	rmm_main_loop(RMM_BOOT_ERR_CPU_ID_OUT_OF_RANGE);
}
