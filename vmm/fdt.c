// SPDX-License-Identifier: GPL-2.0-only
/*
 * The realm guest's device tree, written with libfdt's sequential-write
 * API in one fixed order.  Nothing realm-specific goes in it (Linux finds
 * out from RSI); what matters for a realm is that device addresses are the
 * protected ones (the guest adds the alias bit itself), PSCI uses SMC (the
 * RMM handles it) and the bytes are deterministic (the DTB is measured).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <libfdt.h>

#include "vmm/boot.h"
#include "vmm/config.h"
#include "vmm/fdt.h"
#include "vmm/layout.h"
#include "vmm/util.h"

/* include/dt-bindings/interrupt-controller/{arm-gic,irq}.h */
#define GIC_SPI			0
#define GIC_PPI			1
#define IRQ_TYPE_EDGE_RISING	1
#define IRQ_TYPE_LEVEL_HIGH	4

/* The PL011's AMBA ID, so the guest need not read it before the clock is up. */
#define PL011_PERIPHID		0x00241011

/*
 * Keeps the first libfdt error, so that the builders below read as a plain
 * list of nodes; sequential-write calls after a failure fail harmlessly.
 */
struct fdt_writer {
	void *fdt;
	int err;
};

static void check(struct fdt_writer *w, int ret)
{
	if (!w->err)
		w->err = ret;
}

static void begin_node(struct fdt_writer *w, const char *name, uint64_t unit)
{
	char node[64];

	if (unit != UINT64_MAX) {
		snprintf(node, sizeof(node), "%s@%" PRIx64, name, unit);
		name = node;
	}
	check(w, fdt_begin_node(w->fdt, name));
}

static void end_node(struct fdt_writer *w)
{
	check(w, fdt_end_node(w->fdt));
}

static void prop_u32(struct fdt_writer *w, const char *name, uint32_t v)
{
	check(w, fdt_property_u32(w->fdt, name, v));
}

static void prop_u64(struct fdt_writer *w, const char *name, uint64_t v)
{
	check(w, fdt_property_u64(w->fdt, name, v));
}

static void prop_str(struct fdt_writer *w, const char *name, const char *s)
{
	check(w, fdt_property_string(w->fdt, name, s));
}

static void prop_empty(struct fdt_writer *w, const char *name)
{
	check(w, fdt_property(w->fdt, name, NULL, 0));
}

/* A string list: "a\0b\0" written as one property. */
static void prop_strs(struct fdt_writer *w, const char *name, const char *const *s, int n)
{
	char buf[128];
	size_t len = 0;
	int i;

	for (i = 0; i < n; i++) {
		size_t l = strlen(s[i]) + 1;

		if (len + l > sizeof(buf)) {
			check(w, -FDT_ERR_NOSPACE);
			return;
		}
		memcpy(buf + len, s[i], l);
		len += l;
	}
	check(w, fdt_property(w->fdt, name, buf, (int)len));
}

/* reg with #address-cells = #size-cells = 2. */
static void prop_regs(struct fdt_writer *w, const uint64_t *pairs, int n)
{
	fdt64_t cells[4];
	int i;

	for (i = 0; i < n && i < 4; i++)
		cells[i] = cpu_to_fdt64(pairs[i]);
	check(w, fdt_property(w->fdt, "reg", cells, (int)(i * sizeof(cells[0]))));
}

static void prop_reg(struct fdt_writer *w, uint64_t base, uint64_t size)
{
	const uint64_t pair[2] = { base, size };

	prop_regs(w, pair, 2);
}

static void prop_irqs(struct fdt_writer *w, const uint32_t *triples, int n)
{
	fdt32_t cells[12];
	int i;

	for (i = 0; i < n && i < 12; i++)
		cells[i] = cpu_to_fdt32(triples[i]);
	check(w, fdt_property(w->fdt, "interrupts", cells, (int)(i * sizeof(cells[0]))));
}

static void fdt__memory(struct fdt_writer *w, const struct vmm_layout *l)
{
	begin_node(w, "memory", l->ram_base);
	prop_str(w, "device_type", "memory");
	prop_reg(w, l->ram_base, l->ram_size);
	end_node(w);
}

static void fdt__cpus(struct fdt_writer *w, const struct vmm_layout *l)
{
	unsigned int i;

	begin_node(w, "cpus", UINT64_MAX);
	/* Up to Aff1: MPIDRs fit one cell. */
	prop_u32(w, "#address-cells", 1);
	prop_u32(w, "#size-cells", 0);
	for (i = 0; i < l->nr_cpus; i++) {
		begin_node(w, "cpu", vmm_cpu__mpidr(i));
		prop_str(w, "device_type", "cpu");
		prop_str(w, "compatible", "arm,armv8");
		prop_u32(w, "reg", (uint32_t)vmm_cpu__mpidr(i));
		prop_str(w, "enable-method", "psci");
		end_node(w);
	}
	end_node(w);
}

static void fdt__psci(struct fdt_writer *w)
{
	static const char *const compat[] = { "arm,psci-1.0", "arm,psci-0.2" };

	begin_node(w, "psci", UINT64_MAX);
	prop_strs(w, "compatible", compat, 2);
	/* The RMM implements PSCI for realms; Linux's RSI init needs SMC. */
	prop_str(w, "method", "smc");
	end_node(w);
}

static void fdt__gic(struct fdt_writer *w, const struct vmm_layout *l)
{
	const uint64_t regs[4] = { l->gicd_base, l->gicd_size, l->gicr_base, l->gicr_size };
	const uint32_t maint[3] = { GIC_PPI, VMM_PPI_GIC_MAINT, IRQ_TYPE_LEVEL_HIGH };

	begin_node(w, "interrupt-controller", l->gicd_base);
	prop_str(w, "compatible", "arm,gic-v3");
	prop_u32(w, "#interrupt-cells", 3);
	prop_empty(w, "interrupt-controller");
	/* Room for an ITS child later; dtc wants #address-cells on providers. */
	prop_u32(w, "#address-cells", 2);
	prop_u32(w, "#size-cells", 2);
	prop_empty(w, "ranges");
	/* One redistributor region, sized for exactly nr_cpus frames. */
	prop_u32(w, "#redistributor-regions", 1);
	prop_regs(w, regs, 4);
	prop_irqs(w, maint, 3);
	prop_u32(w, "phandle", VMM_FDT_PHANDLE_GIC);
	end_node(w);
}

static void fdt__timer(struct fdt_writer *w)
{
	/* Secure, non-secure physical, virtual, hypervisor: the binding's order. */
	const uint32_t irqs[12] = {
		GIC_PPI, VMM_PPI_TIMER_SEC, IRQ_TYPE_LEVEL_HIGH,
		GIC_PPI, VMM_PPI_TIMER_PHYS, IRQ_TYPE_LEVEL_HIGH,
		GIC_PPI, VMM_PPI_TIMER_VIRT, IRQ_TYPE_LEVEL_HIGH,
		GIC_PPI, VMM_PPI_TIMER_HYP, IRQ_TYPE_LEVEL_HIGH,
	};

	begin_node(w, "timer", UINT64_MAX);
	prop_str(w, "compatible", "arm,armv8-timer");
	prop_irqs(w, irqs, 12);
	prop_empty(w, "always-on");
	end_node(w);
}

static void fdt__uart(struct fdt_writer *w, const struct vmm_layout *l)
{
	static const char *const compat[] = { "arm,pl011", "arm,primecell" };
	static const char *const clock_names[] = { "uartclk", "apb_pclk" };
	const uint32_t irq[3] = { GIC_SPI, VMM_IRQ_UART_SPI, IRQ_TYPE_LEVEL_HIGH };
	const fdt32_t clocks[2] = { cpu_to_fdt32(VMM_FDT_PHANDLE_CLK),
				    cpu_to_fdt32(VMM_FDT_PHANDLE_CLK) };

	begin_node(w, "apb-pclk", UINT64_MAX);
	prop_str(w, "compatible", "fixed-clock");
	prop_u32(w, "#clock-cells", 0);
	prop_u32(w, "clock-frequency", VMM_UART_CLOCK_HZ);
	prop_str(w, "clock-output-names", "clk24mhz");
	prop_u32(w, "phandle", VMM_FDT_PHANDLE_CLK);
	end_node(w);

	begin_node(w, "serial", l->uart_base);
	prop_strs(w, "compatible", compat, 2);
	prop_reg(w, l->uart_base, l->uart_size);
	prop_irqs(w, irq, 3);
	check(w, fdt_property(w->fdt, "clocks", clocks, sizeof(clocks)));
	prop_strs(w, "clock-names", clock_names, 2);
	prop_u32(w, "arm,primecell-periphid", PL011_PERIPHID);
	end_node(w);
}

static void fdt__virtio(struct fdt_writer *w, unsigned int slot)
{
	const uint32_t irq[3] = { GIC_SPI, VMM_IRQ_VIRTIO_SPI(slot), IRQ_TYPE_EDGE_RISING };
	uint64_t base = VMM_VIRTIO_MMIO_SLOT(slot);

	begin_node(w, "virtio", base);
	prop_str(w, "compatible", "virtio,mmio");
	prop_reg(w, base, VMM_VIRTIO_MMIO_SLOT_SIZE);
	prop_irqs(w, irq, 3);
	/* The realm bounces DMA through shared SWIOTLB pages; no cache maintenance. */
	prop_empty(w, "dma-coherent");
	end_node(w);
}

static void fdt__chosen(struct fdt_writer *w, const struct vmm_boot *boot)
{
	const struct vmm_layout *l = &boot->layout;
	char path[48];

	begin_node(w, "chosen", UINT64_MAX);
	prop_str(w, "bootargs", boot->bootargs);
	snprintf(path, sizeof(path), "/serial@%" PRIx64, l->uart_base);
	prop_str(w, "stdout-path", path);
	if (l->initrd_size) {
		prop_u64(w, "linux,initrd-start", l->initrd_base);
		prop_u64(w, "linux,initrd-end", l->initrd_base + l->initrd_size);
	}
	end_node(w);
}

int vmm_fdt__build(const struct vmm_config *cfg, const struct vmm_boot *boot,
		   void *buf, size_t len, struct vmm_err *err)
{
	const struct vmm_layout *l = &boot->layout;
	struct fdt_writer w = { .fdt = buf };

	if (len > VMM_DTB_MAX_SIZE)
		len = VMM_DTB_MAX_SIZE;
	/* Unused bytes of the buffer must not leak into a measured image. */
	memset(buf, 0, len);
	check(&w, fdt_create(buf, (int)len));
	check(&w, fdt_finish_reservemap(buf));

	begin_node(&w, "", UINT64_MAX);
	prop_str(&w, "compatible", "linux,dummy-virt");
	prop_u32(&w, "#address-cells", 2);
	prop_u32(&w, "#size-cells", 2);
	prop_u32(&w, "interrupt-parent", VMM_FDT_PHANDLE_GIC);

	fdt__chosen(&w, boot);
	fdt__memory(&w, l);
	fdt__cpus(&w, l);
	fdt__psci(&w);
	fdt__gic(&w, l);
	fdt__timer(&w);
	fdt__uart(&w, l);
	fdt__virtio(&w, VMM_VIRTIO_SLOT_CONSOLE);
	if (cfg->disk_path)
		fdt__virtio(&w, VMM_VIRTIO_SLOT_BLK);

	end_node(&w);
	check(&w, fdt_finish(buf));
	if (w.err)
		return vmm_err__set(err, w.err == -FDT_ERR_NOSPACE ? ENOSPC : EINVAL,
				    "device tree: %s", fdt_strerror(w.err));
	return 0;
}
