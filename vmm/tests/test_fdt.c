// SPDX-License-Identifier: GPL-2.0-only
/* The guest DTB: build it, read it back with libfdt, check every node. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "helpers.h"
#include "vmm/boot.h"
#include "vmm/config.h"
#include "vmm/fdt.h"
#include "vmm/layout.h"
#include "vmm/util.h"

#define IMAGE_SIZE	(8 * SZ_1M)

struct dt {
	struct vmm_config cfg;
	struct vmm_boot boot;
	uint8_t blob[VMM_DTB_MAX_SIZE];
};

/* Parse ARGV(...) (kernel added), prepare, build: the whole path of `run`. */
static struct dt *dt_build(const char **argv)
{
	const char *kernel = tmp_image("Image", 0, IMAGE_SIZE, 4 * SZ_1M);
	struct dt *dt = calloc(1, sizeof(*dt));
	const char *full[32] = { "run", "--kernel", kernel };
	struct vmm_err err = { "" };
	int n = 3;

	assert_non_null(dt);
	if (argv)
		argv++;		/* the command name */
	while (argv && *argv)
		full[n++] = *argv++;
	full[n] = NULL;
	if (parse(&dt->cfg, full, err.msg, sizeof(err.msg)) ||
	    vmm_boot__prepare(&dt->cfg, &dt->boot, &err) ||
	    vmm_fdt__build(&dt->cfg, &dt->boot, dt->blob, sizeof(dt->blob), &err))
		fail_msg("%s", err.msg);
	assert_int_equal(fdt_check_header(dt->blob), 0);
	assert_true(fdt_totalsize(dt->blob) <= VMM_DTB_MAX_SIZE);
	return dt;
}

static void dt_free(struct dt *dt)
{
	vmm_config__exit(&dt->cfg);
	free(dt);
}

static int node(const struct dt *dt, const char *path)
{
	int off = fdt_path_offset(dt->blob, path);

	if (off < 0)
		fail_msg("no node %s: %s", path, fdt_strerror(off));
	return off;
}

static const void *prop(const struct dt *dt, const char *path, const char *name, int *len)
{
	const void *p = fdt_getprop(dt->blob, node(dt, path), name, len);

	if (!p)
		fail_msg("no property %s in %s", name, path);
	return p;
}

static void expect_str(const struct dt *dt, const char *path, const char *name, const char *want)
{
	int len;
	const char *s = prop(dt, path, name, &len);

	assert_int_equal(len, strlen(want) + 1);
	assert_string_equal(s, want);
}

/* A string list, given as "a\0b\0" with its length. */
static void expect_strs(const struct dt *dt, const char *path, const char *name,
			const char *want, int want_len)
{
	int len;
	const char *s = prop(dt, path, name, &len);

	assert_int_equal(len, want_len);
	assert_memory_equal(s, want, want_len);
}

static void expect_cells(const struct dt *dt, const char *path, const char *name,
			 const uint32_t *want, int n)
{
	int len, i;
	const fdt32_t *c = prop(dt, path, name, &len);

	assert_int_equal(len, n * 4);
	for (i = 0; i < n; i++)
		assert_int_equal(fdt32_to_cpu(c[i]), want[i]);
}

static void expect_u32(const struct dt *dt, const char *path, const char *name, uint32_t v)
{
	expect_cells(dt, path, name, &v, 1);
}

static void expect_u64(const struct dt *dt, const char *path, const char *name, uint64_t v)
{
	const uint32_t c[2] = { (uint32_t)(v >> 32), (uint32_t)v };

	expect_cells(dt, path, name, c, 2);
}

/* reg of (base, size) pairs with 2 + 2 cells. */
static void expect_regs(const struct dt *dt, const char *path, const uint64_t *pairs, int n)
{
	uint32_t c[8];
	int i;

	for (i = 0; i < n; i++) {
		c[2 * i] = (uint32_t)(pairs[i] >> 32);
		c[2 * i + 1] = (uint32_t)pairs[i];
	}
	expect_cells(dt, path, "reg", c, 2 * n);
}

static void expect_empty(const struct dt *dt, const char *path, const char *name)
{
	int len;

	prop(dt, path, name, &len);
	assert_int_equal(len, 0);
}

static void test_root_memory_chosen(void **state)
{
	const char *initrd = tmp_file("initrd", NULL, 3 * SZ_1M + 5);
	struct dt *dt = dt_build(ARGV("--initrd", initrd, "--cmdline", "root=/dev/vda rw",
				      "--mem", "512M"));
	const struct vmm_layout *l = &dt->boot.layout;
	const uint64_t mem[2] = { 0x80000000ULL, 512 * SZ_1M };
	const char *stdout_path;

	(void)state;
	expect_str(dt, "/", "compatible", "linux,dummy-virt");
	expect_u32(dt, "/", "#address-cells", 2);
	expect_u32(dt, "/", "#size-cells", 2);
	expect_u32(dt, "/", "interrupt-parent", VMM_FDT_PHANDLE_GIC);

	expect_str(dt, "/memory@80000000", "device_type", "memory");
	expect_regs(dt, "/memory@80000000", mem, 2);

	expect_str(dt, "/chosen", "bootargs",
		   "console=ttyAMA0 earlycon=pl011,mmio,0x8001000000 swiotlb=8192 root=/dev/vda rw");
	expect_u64(dt, "/chosen", "linux,initrd-start", l->initrd_base);
	expect_u64(dt, "/chosen", "linux,initrd-end", l->initrd_base + 3 * SZ_1M + 5);
	assert_int_equal(l->initrd_base + 3 * SZ_1M + 5 <= l->dtb_base, 1);
	stdout_path = prop(dt, "/chosen", "stdout-path", NULL);
	assert_string_equal(stdout_path, "/serial@1000000");
	node(dt, stdout_path);
	dt_free(dt);
}

static void test_no_initrd_no_disk(void **state)
{
	struct dt *dt = dt_build(NULL);

	(void)state;
	assert_null(fdt_getprop(dt->blob, node(dt, "/chosen"), "linux,initrd-start", NULL));
	assert_null(fdt_getprop(dt->blob, node(dt, "/chosen"), "linux,initrd-end", NULL));
	expect_str(dt, "/chosen", "bootargs", "console=ttyAMA0 earlycon=pl011,mmio,0x8001000000 swiotlb=8192");
	node(dt, "/virtio@1010000");
	assert_true(fdt_path_offset(dt->blob, "/virtio@1010200") < 0);
	dt_free(dt);
}

static void test_cpus(void **state)
{
	struct dt *dt = dt_build(ARGV("--cpus", "20"));
	int cpus, sub, count = 0;
	unsigned int i;

	(void)state;
	expect_u32(dt, "/cpus", "#address-cells", 1);
	expect_u32(dt, "/cpus", "#size-cells", 0);
	for (i = 0; i < 20; i++) {
		char path[32];

		snprintf(path, sizeof(path), "/cpus/cpu@%llx",
			 (unsigned long long)vmm_cpu__mpidr(i));
		expect_str(dt, path, "device_type", "cpu");
		expect_str(dt, path, "compatible", "arm,armv8");
		expect_u32(dt, path, "reg", (uint32_t)vmm_cpu__mpidr(i));
		expect_str(dt, path, "enable-method", "psci");
	}
	node(dt, "/cpus/cpu@103");	/* CPU 19: Aff1 1, Aff0 3 */
	cpus = node(dt, "/cpus");
	fdt_for_each_subnode(sub, dt->blob, cpus)
		count++;
	assert_int_equal(count, 20);
	dt_free(dt);
}

static void test_psci_timer(void **state)
{
	static const uint32_t timer_irqs[12] = { 1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4 };
	struct dt *dt = dt_build(NULL);

	(void)state;
	expect_strs(dt, "/psci", "compatible", "arm,psci-1.0\0arm,psci-0.2", 26);
	expect_str(dt, "/psci", "method", "smc");
	expect_str(dt, "/timer", "compatible", "arm,armv8-timer");
	expect_cells(dt, "/timer", "interrupts", timer_irqs, 12);
	expect_empty(dt, "/timer", "always-on");
	dt_free(dt);
}

static void test_gic(void **state)
{
	static const uint32_t maint[3] = { 1, 9, 4 };
	struct dt *dt = dt_build(ARGV("-c", "3"));
	const char *gic = "/interrupt-controller@3fff0000";
	const uint64_t regs[4] = { 0x3fff0000ULL, SZ_64K, 0x3fff0000ULL - 3 * SZ_128K, 3 * SZ_128K };

	(void)state;
	expect_str(dt, gic, "compatible", "arm,gic-v3");
	expect_u32(dt, gic, "#interrupt-cells", 3);
	expect_empty(dt, gic, "interrupt-controller");
	expect_u32(dt, gic, "#address-cells", 2);
	expect_u32(dt, gic, "#size-cells", 2);
	expect_empty(dt, gic, "ranges");
	expect_u32(dt, gic, "#redistributor-regions", 1);
	expect_regs(dt, gic, regs, 4);
	expect_cells(dt, gic, "interrupts", maint, 3);
	expect_u32(dt, gic, "phandle", VMM_FDT_PHANDLE_GIC);
	assert_int_equal(fdt_node_offset_by_phandle(dt->blob, VMM_FDT_PHANDLE_GIC), node(dt, gic));
	dt_free(dt);
}

static void test_uart_and_clock(void **state)
{
	static const uint32_t irq[3] = { 0, VMM_IRQ_UART_SPI, 4 };
	static const uint32_t clocks[2] = { VMM_FDT_PHANDLE_CLK, VMM_FDT_PHANDLE_CLK };
	const uint64_t reg[2] = { 0x01000000ULL, SZ_4K };
	struct dt *dt = dt_build(NULL);

	(void)state;
	expect_str(dt, "/apb-pclk", "compatible", "fixed-clock");
	expect_u32(dt, "/apb-pclk", "#clock-cells", 0);
	expect_u32(dt, "/apb-pclk", "clock-frequency", 24000000);
	expect_u32(dt, "/apb-pclk", "phandle", VMM_FDT_PHANDLE_CLK);
	assert_int_equal(fdt_node_offset_by_phandle(dt->blob, VMM_FDT_PHANDLE_CLK),
			 node(dt, "/apb-pclk"));

	expect_strs(dt, "/serial@1000000", "compatible", "arm,pl011\0arm,primecell", 24);
	expect_regs(dt, "/serial@1000000", reg, 2);
	expect_cells(dt, "/serial@1000000", "interrupts", irq, 3);
	expect_cells(dt, "/serial@1000000", "clocks", clocks, 2);
	expect_strs(dt, "/serial@1000000", "clock-names", "uartclk\0apb_pclk", 17);
	expect_u32(dt, "/serial@1000000", "arm,primecell-periphid", 0x00241011);
	dt_free(dt);
}

static void test_virtio(void **state)
{
	static const uint32_t irq0[3] = { 0, 16, 1 }, irq1[3] = { 0, 17, 1 };
	const char *disk = tmp_file("disk.img", NULL, SZ_1M);
	struct dt *dt = dt_build(ARGV("--disk", disk));
	const uint64_t reg0[2] = { 0x01010000ULL, 0x200 }, reg1[2] = { 0x01010200ULL, 0x200 };

	(void)state;
	expect_str(dt, "/virtio@1010000", "compatible", "virtio,mmio");
	expect_regs(dt, "/virtio@1010000", reg0, 2);
	expect_cells(dt, "/virtio@1010000", "interrupts", irq0, 3);
	expect_empty(dt, "/virtio@1010000", "dma-coherent");
	expect_str(dt, "/virtio@1010200", "compatible", "virtio,mmio");
	expect_regs(dt, "/virtio@1010200", reg1, 2);
	expect_cells(dt, "/virtio@1010200", "interrupts", irq1, 3);
	expect_empty(dt, "/virtio@1010200", "dma-coherent");
	dt_free(dt);
}

static void test_earlycon_follows_ipa_bits(void **state)
{
	struct dt *dt = dt_build(ARGV("--ipa-bits", "33", "--mem", "64M"));

	(void)state;
	expect_str(dt, "/chosen", "bootargs", "console=ttyAMA0 earlycon=pl011,mmio,0x101000000 swiotlb=8192");
	dt_free(dt);
}

/* The DTB is measured: same input, same bytes, whatever was in the buffer. */
static void test_deterministic(void **state)
{
	const char *initrd = tmp_file("initrd2", NULL, SZ_1M);
	const char *args[] = { "run", "--initrd", initrd, "-c", "4", "-p", "quiet", NULL };
	struct dt *a = dt_build(args), *b;
	struct vmm_err err;
	uint32_t size = fdt_totalsize(a->blob);

	(void)state;
	b = dt_build(args);
	assert_int_equal(fdt_totalsize(b->blob), size);
	assert_memory_equal(a->blob, b->blob, size);

	memset(b->blob, 0xa5, sizeof(b->blob));
	assert_int_equal(vmm_fdt__build(&b->cfg, &b->boot, b->blob, sizeof(b->blob), &err), 0);
	assert_memory_equal(a->blob, b->blob, size);
	dt_free(b);

	b = dt_build(ARGV("--initrd", initrd, "-c", "4", "-p", "quiet "));
	assert_true(fdt_totalsize(b->blob) != size || memcmp(a->blob, b->blob, size));
	dt_free(b);
	dt_free(a);
}

static void test_no_space(void **state)
{
	struct dt *dt = dt_build(NULL);
	struct vmm_err err;

	(void)state;
	assert_int_equal(vmm_fdt__build(&dt->cfg, &dt->boot, dt->blob, 256, &err), -ENOSPC);
	assert_string_equal(err.msg, "device tree: FDT_ERR_NOSPACE");
	/* Not even room for the header: still an error, not a crash. */
	assert_int_equal(vmm_fdt__build(&dt->cfg, &dt->boot, dt->blob, 16, &err), -ENOSPC);
	dt_free(dt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_memory_chosen),
		cmocka_unit_test(test_no_initrd_no_disk),
		cmocka_unit_test(test_cpus),
		cmocka_unit_test(test_psci_timer),
		cmocka_unit_test(test_gic),
		cmocka_unit_test(test_uart_and_clock),
		cmocka_unit_test(test_virtio),
		cmocka_unit_test(test_earlycon_follows_ipa_bits),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_no_space),
	};

	return cmocka_run_group_tests_name("vmm fdt", tests, group_setup, group_teardown);
}
