// SPDX-License-Identifier: GPL-2.0-only
/*
 * QEMU's DTB at the start of DRAM describes the machine but, for a firmware
 * boot, has no /psci node, no enable-method, empty /chosen and no idea of
 * the monitor's carve-outs.  This file reads it and patches it in place.
 */
#include <stdint.h>
#include <libfdt.h>
#include <console.h>
#include <cpu.h>
#include <dtb.h>
#include <platform.h>
#include <plat/layout.h>

static uint64_t read_cells(const fdt32_t *cells, int n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 32) | fdt32_to_cpu(*cells++);
	return v;
}

static int probe_memory(const void *fdt, struct platform *p)
{
	int node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", sizeof("memory"));
	int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0);
	const fdt32_t *reg;
	int len;

	if (node < 0 || ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return -FDT_ERR_NOTFOUND;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || len < (ac + sc) * 4)
		return -FDT_ERR_BADVALUE;
	/* QEMU virt without NUMA has a single bank; later banks are ignored. */
	p->dram_base = read_cells(reg, ac);
	p->dram_end = p->dram_base + read_cells(reg + ac, sc);
	if (p->dram_base != DRAM_BASE || p->dram_end <= INITRD_BASE)
		return -FDT_ERR_BADVALUE;
	return 0;
}

/* Mark every CPU of /cpus that the monitor can index as present. */
static int probe_cpus(const void *fdt, struct platform *p)
{
	int cpus = fdt_path_offset(fdt, "/cpus");
	int ac, node;

	if (cpus < 0)
		return cpus;
	ac = fdt_address_cells(fdt, cpus);
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const fdt32_t *reg;
		uint64_t mpidr;
		int len;
		unsigned int idx;

		if (!type || strcmp(type, "cpu"))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || ac < 1 || ac > 2 || len < ac * 4)
			continue;
		mpidr = read_cells(reg, ac) & MPIDR_AFF_MASK;
		idx = (unsigned int)((mpidr >> 8 & 0xff) * 16 + (mpidr & 0xff));
		if ((mpidr & ~0xFFFFULL) || (mpidr & 0xff) >= 16 || idx >= MAX_CPUS) {
			mon_printf("monitor: ignoring cpu MPIDR 0x%lx (MAX_CPUS %u)\n", mpidr, MAX_CPUS);
			continue;
		}
		cpu_data[idx].present = 1;
		cpu_data[idx].mpidr = mpidr;
		p->ncpus++;
	}
	return p->ncpus ? 0 : -FDT_ERR_NOTFOUND;
}

int dtb_probe(const void *fdt, struct platform *p)
{
	int err = fdt_check_header(fdt);

	if (err)
		return err;
	if (fdt_totalsize(fdt) > DTB_MAX_SIZE)
		return -FDT_ERR_TRUNCATED;
	err = probe_memory(fdt, p);
	if (err)
		return err;
	return probe_cpus(fdt, p);
}

static int get_or_add_node(void *fdt, int parent, const char *name)
{
	int node = fdt_subnode_offset(fdt, parent, name);

	return node >= 0 ? node : fdt_add_subnode(fdt, parent, name);
}

static int patch_chosen(void *fdt, const struct dtb_boot_args *args)
{
	int chosen = get_or_add_node(fdt, 0, "chosen");
	int err = 0;

	if (chosen < 0)
		return chosen;
	if (args->bootargs)
		err = fdt_setprop_string(fdt, chosen, "bootargs", args->bootargs);
	if (!err && args->initrd_end > args->initrd_start) {
		err = fdt_setprop_u64(fdt, chosen, "linux,initrd-start", args->initrd_start);
		if (!err)
			err = fdt_setprop_u64(fdt, chosen, "linux,initrd-end", args->initrd_end);
	}
	return err;
}

static int patch_psci(void *fdt)
{
	static const char compatible[] = "arm,psci-1.0\0arm,psci-0.2";
	int psci = get_or_add_node(fdt, 0, "psci");
	int err;

	if (psci < 0)
		return psci;
	err = fdt_setprop(fdt, psci, "compatible", compatible, sizeof(compatible));
	if (!err)
		err = fdt_setprop_string(fdt, psci, "method", "smc");
	return err;
}

/* enable-method only on the CPUs CPU_ON can really start. */
static int patch_cpus(void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus");
	int ac, node, err;

	if (cpus < 0)
		return cpus;
	ac = fdt_address_cells(fdt, cpus);
	fdt_for_each_subnode(node, fdt, cpus) {
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", NULL);

		if (!reg || ac < 1 || ac > 2)
			continue;
		if (cpu_index_of_mpidr(read_cells(reg, ac)) < 0)
			continue;
		err = fdt_setprop_string(fdt, node, "enable-method", "psci");
		if (err)
			return err;
	}
	return 0;
}

/* The RMM carve-out: Realm PAS, so the NS world must never map it. */
static int patch_reserved_memory(void *fdt)
{
	int resv = fdt_subnode_offset(fdt, 0, "reserved-memory");
	int node, err;

	if (resv < 0) {
		resv = fdt_add_subnode(fdt, 0, "reserved-memory");
		if (resv < 0)
			return resv;
		err = fdt_setprop_u32(fdt, resv, "#address-cells", 2);
		if (!err)
			err = fdt_setprop_u32(fdt, resv, "#size-cells", 2);
		if (!err)
			err = fdt_setprop(fdt, resv, "ranges", NULL, 0);
		if (err)
			return err;
	}
	node = get_or_add_node(fdt, resv, "rmm@40100000");
	if (node < 0)
		return node;
	err = fdt_setprop_u64(fdt, node, "reg", RMM_CARVEOUT_BASE);
	if (!err)
		err = fdt_appendprop_u64(fdt, node, "reg", RMM_CARVEOUT_SIZE);
	if (!err)
		err = fdt_setprop(fdt, node, "no-map", NULL, 0);
	return err;
}

int dtb_patch(void *fdt, const struct dtb_boot_args *args)
{
	int err = fdt_open_into(fdt, fdt, (int)DTB_MAX_SIZE);

	if (!err)
		err = patch_chosen(fdt, args);
	if (!err)
		err = patch_psci(fdt);
	if (!err)
		err = patch_cpus(fdt);
	if (!err)
		err = patch_reserved_memory(fdt);
	if (!err)
		err = fdt_pack(fdt);
	return err ? err : (int)fdt_totalsize(fdt);
}
