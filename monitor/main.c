// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cold boot of the boot CPU and warm boot of the secondaries.
 *
 * Cold boot order matters: the DTB is read with the MMU off because the
 * EL3 map needs the DRAM size; everything written to DRAM afterwards goes
 * through the Non-secure PAS mapping; the GPC is enabled only once the
 * monitor is done with memory it does not own.
 */
#include <stdint.h>
#include <arch.h>
#include <attest.h>
#include <console.h>
#include <cpu.h>
#include <dtb.h>
#include <el3-setup.h>
#include <gic.h>
#include <gpt-arch.h>
#include <mmu.h>
#include <ns-boot.h>
#include <panic.h>
#include <platform.h>
#include <psci.h>
#include <rmmd.h>
#include <plat/layout.h>

static void check_rme(void)
{
	unsigned int rme = id_field(read_sysreg(id_aa64pfr0_el1), 52, 4);

	if (!rme)
		panic("CPU has no FEAT_RME (QEMU needs -cpu max,x-rme=on)");
	mon_printf("monitor: FEAT_RME level %u, PARange %u\n", rme,
		   id_field(read_sysreg(id_aa64mmfr0_el1), 0, 4));
}

void monitor_main(void)
{
	struct dtb_boot_args args;
	struct ns_boot boot;
	uint64_t rmm_entry;
	bool have_rmm;
	int err;

	console_init();
	mon_printf("\nmonitor: EL3 root firmware for QEMU virt (RME), built " __DATE__ " " __TIME__ "\n");
	check_rme();
	cpu_data_init();

	err = dtb_probe((const void *)(uintptr_t)DTB_BASE, &plat);
	if (err)
		panic("QEMU DTB at 0x%lx unusable (libfdt error %d)", (uint64_t)DTB_BASE, err);
	mon_printf("monitor: DRAM 0x%lx-0x%lx, %u CPUs\n", plat.dram_base, plat.dram_end - 1, plat.ncpus);

	mmu_init(plat.dram_base, plat.dram_end);
	mmu_enable_this_cpu();
	mon_printf("monitor: EL3 MMU and caches on\n");

	mon_printf("monitor: SCR_EL3 0x%lx (NS world)\n", el3_setup_this_cpu());
	gic_init_distributor();
	gic_init_this_cpu();
	mon_printf("monitor: GICv3 distributor and cpu0 redistributor set up\n");

	ns_boot_load(&boot);
	args.bootargs = boot.cmdline;
	args.initrd_start = boot.initrd_start;
	args.initrd_end = boot.initrd_start + boot.initrd_size;
	err = dtb_patch((void *)(uintptr_t)DTB_BASE, &args);
	if (err < 0)
		panic("patching the DTB failed (libfdt error %d)", err);
	mon_printf("monitor: DTB patched: /chosen, /psci, enable-method, rmm carve-out 0x%lx-0x%lx (%d bytes)\n",
		   (uint64_t)RMM_CARVEOUT_BASE, (uint64_t)RMM_CARVEOUT_END - 1, err);

	/* The RMM goes into the carve-out while it is still writable as NS. */
	have_rmm = rmm_image_load(&rmm_entry);
	attest_init();

	gpt_setup();
	gpt_enable_this_cpu();
	gpt_report();
	gpt_self_test(FWCFG_SCRATCH_BASE);

	if (have_rmm) {
		rmmd_cold_boot(rmm_entry);
		attest_self_test();
	}

	ns_boot_enter(&boot, DTB_BASE, (uint64_t)err);
}

void cpu_warm_boot(void)
{
	struct cpu_data *cpu = this_cpu();
	uint64_t entry, context;

	mmu_enable_this_cpu();
	cpu_mailbox[cpu->index] = 0;
	el3_setup_this_cpu();
	gic_init_this_cpu();
	gpt_enable_this_cpu();
	/* The RMM must be up on this CPU before NS can make an RMI call on it. */
	rmmd_warm_boot();
	psci_cpu_on_finish(&entry, &context);
	el3_enter_ns(entry, context, cpu->stack_top);
}
