// SPDX-License-Identifier: GPL-2.0-only
/*
 * realm-vmm run: boot a kernel in a realm.
 *
 * Order matters for the measurement: every device and image exists before
 * the realm plan runs (CONFIGURE .. CREATE_REC, then ACTIVATE), because the
 * DTB describing them is populated and measured.  After that nothing that
 * the RMM measures may change; the vCPUs start and the VMM serves exits
 * until the realm turns itself off.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vmm/boot.h"
#include "vmm/builtin.h"
#include "vmm/gic.h"
#include "vmm/mmio.h"
#include "vmm/pl011.h"
#include "vmm/plan.h"
#include "vmm/report.h"
#include "vmm/util.h"
#include "vmm/vcpu.h"
#include "vmm/virtio-blk.h"
#include "vmm/virtio-console.h"

#define GIC_INTID_SPI(spi)	(32 + (spi))

struct run_devices {
	struct pl011 *uart;
	struct virtio_console *console;
	struct virtio_blk *blk;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int run__devices(struct vm *vm, const struct vmm_config *cfg,
			const struct vmm_layout *l, struct run_devices *d, struct vmm_err *err)
{
	int ret;

	vm->gic = gic__new(l->nr_cpus, vm->realm.caps.gic_num_lrs);
	if (!vm->gic)
		return vmm_err__set(err, ENOMEM, "cannot model a GIC for %u CPUs with %u list registers",
				    l->nr_cpus, vm->realm.caps.gic_num_lrs);
	ret = gic__register_mmio(vm->gic, l->gicd_base, l->gicr_base);
	if (ret)
		return vmm_err__set(err, -ret, "GIC MMIO: %s", strerror(-ret));

	d->uart = pl011__new(vm->gic, GIC_INTID_SPI(VMM_IRQ_UART_SPI), STDOUT_FILENO);
	if (!d->uart || pl011__register_mmio(d->uart, l->uart_base))
		return vmm_err__set(err, ENOMEM, "cannot create the PL011 UART");
	d->console = virtio_console__new(vm->gic, GIC_INTID_SPI(VMM_IRQ_VIRTIO_SPI(VMM_VIRTIO_SLOT_CONSOLE)),
					 STDOUT_FILENO);
	if (!d->console ||
	    virtio_console__register_mmio(d->console, VMM_VIRTIO_MMIO_SLOT(VMM_VIRTIO_SLOT_CONSOLE)))
		return vmm_err__set(err, ENOMEM, "cannot create the virtio console");
	if (cfg->disk_path) {
		ret = virtio_blk__new(cfg->disk_path, false, true, vm->gic,
				      GIC_INTID_SPI(VMM_IRQ_VIRTIO_SPI(VMM_VIRTIO_SLOT_BLK)), &d->blk);
		if (ret)
			return vmm_err__set(err, -ret, "--disk %s: %s", cfg->disk_path, strerror(-ret));
		ret = virtio_blk__register_mmio(d->blk, VMM_VIRTIO_MMIO_SLOT(VMM_VIRTIO_SLOT_BLK));
		if (ret)
			return vmm_err__set(err, -ret, "--disk: virtio-mmio slot: %s", strerror(-ret));
	}
	/* Console input only from a terminal: a script's stdin is not the guest's. */
	if (isatty(STDIN_FILENO) && pl011__start_input(d->uart, STDIN_FILENO))
		pr_err("console input is not available; the realm's console is output only");
	return 0;
}

static void run__free_devices(struct vm *vm, struct run_devices *d)
{
	if (d->blk)
		virtio_blk__free(d->blk);
	if (d->console)
		virtio_console__free(d->console);
	if (d->uart)
		pl011__free(d->uart);
	mmio__reset();
	if (vm->gic)
		gic__free(vm->gic);
	vm->gic = NULL;
}

static const char *run__end_name(enum vm_end end)
{
	switch (end) {
	case VM_SYSTEM_OFF:
		return "system-off";
	case VM_SYSTEM_RESET:
		return "system-reset";
	default:
		return "failed";
	}
}

int cmd_run(int argc, char **argv)
{
	static struct vm vm;
	struct run_devices devs = { 0 };
	struct run_report report = { 0 };
	struct realm_plan plan;
	struct vmm_config cfg;
	struct vmm_boot boot;
	struct vmm_err err;
	enum vm_end end;
	uint64_t t0, t1;
	int ret;

	ret = builtin__prepare(VMM_CMD_RUN, argc, argv, &cfg, &boot);
	if (ret >= 0)
		goto out_cfg;
	ret = VMM_EXIT_BAD_INPUT;
	if (realm_plan__build(&cfg, &boot, &plan, &err)) {
		pr_err("%s", err.msg);
		goto out_cfg;
	}

	t0 = now_ns();
	if (realm__create(&vm.realm, &plan, &boot.layout, &err)) {
		pr_err("%s", err.msg);
		goto out_plan;
	}
	vm.nr_cpus = boot.layout.nr_cpus;
	if (run__devices(&vm, &cfg, &boot.layout, &devs, &err)) {
		pr_err("%s", err.msg);
		goto out_realm;
	}
	fprintf(stderr, "realm-vmm: realm created: %u CPU(s), %llu MiB, MECID %u (%s), RMI %u.%u\n",
		vm.nr_cpus, (unsigned long long)(boot.layout.ram_size >> 20), vm.realm.config.mecid,
		vm.realm.config.mec_policy == KVM_REALM_MEC_SHARED ? "shared" : "private",
		(unsigned int)(vm.realm.caps.rmi_version >> 16),
		(unsigned int)(vm.realm.caps.rmi_version & 0xffff));

	t1 = now_ns();
	report.setup_ns = t1 - t0;
	if (vm__start(&vm)) {
		pr_err("%s", vm.error);
		vm__stop(&vm, VM_FAILED, NULL);
	}
	end = vm__wait(&vm);
	report.run_ns = now_ns() - t1;
	report.end = run__end_name(end);
	report.error = end == VM_FAILED ? vm.error : NULL;
	ret = end == VM_FAILED ? VMM_EXIT_BAD_INPUT : VMM_EXIT_OK;
	report.exit_status = ret;
	if (end == VM_FAILED)
		pr_err("the realm stopped: %s", vm.error[0] ? vm.error : "unknown error");
	else
		fprintf(stderr, "realm-vmm: the realm ended: %s after %.1f s\n", report.end,
			report.run_ns / 1e9);

	if (cfg.report_path && run_report__write(cfg.report_path, &cfg, &plan, &vm, &report)) {
		pr_err("--report %s: cannot write it", cfg.report_path);
		ret = VMM_EXIT_BAD_INPUT;
	}
out_realm:
	/* Devices first: nothing may touch shared memory once the realm is gone. */
	run__free_devices(&vm, &devs);
	realm__destroy(&vm.realm);
out_plan:
	realm_plan__exit(&plan);
out_cfg:
	vmm_config__exit(&cfg);
	return ret;
}
