// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loading the RMM.  flash.bin carries rmm.bin at RMM_FLASH_BASE; its header
 * (<abi/rmm-image.h>) is checked against the carve-out before anything is
 * copied.  The copy is measured with SHA-256 after it is made (what runs
 * is what is measured), and the boot manifest v0.5 goes at the start of
 * the shared page with its arrays right behind it.
 *
 * All writes go through the EL3 map's Non-secure PAS view of DRAM while
 * the GPC is still off; the lines are then cleaned and invalidated to the
 * point of physical aliasing so that no NS-tagged copy survives the
 * carve-out's change to Realm.
 */
#include <stdint.h>
#include <string.h>
#include <bearssl_hash.h>
#include <abi/rmm-el3.h>
#include <abi/rmm-image.h>
#include <arch.h>
#include <console.h>
#include <gpt.h>
#include <platform.h>
#include <rmmd.h>
#include <plat/devices.h>
#include <plat/layout.h>

#define RMM_SHA256_SIZE		32

struct rmm_shared_page {
	struct rmm_boot_manifest manifest;
	struct rmm_memory_bank dram[1];
	struct rmm_console_info console[1];
};
_Static_assert(sizeof(struct rmm_shared_page) <= RMM_SHARED_PAGE_SIZE, "manifest fits the page");

/* Software component "RMM" of the platform token (attest.c). */
static uint8_t rmm_measurement[RMM_SHA256_SIZE];
static bool rmm_measured;

const uint8_t *rmm_image_measurement(void)
{
	return rmm_measured ? rmm_measurement : NULL;
}

/* num + (u64)ptr + sum of the array's words + checksum == 0 (§10.4). */
static uint64_t list_checksum(uint64_t num, uint64_t ptr, const void *array, size_t bytes)
{
	const uint64_t *w = array;
	uint64_t sum = num + ptr;
	size_t i;

	for (i = 0; i < bytes / 8; i++)
		sum += w[i];
	return -sum;
}

static void write_manifest(void)
{
	struct rmm_shared_page *p = (struct rmm_shared_page *)(uintptr_t)RMM_SHARED_PAGE;
	uint64_t dram_pa = RMM_SHARED_PAGE + offsetof(struct rmm_shared_page, dram);
	uint64_t con_pa = RMM_SHARED_PAGE + offsetof(struct rmm_shared_page, console);

	memset(p, 0, RMM_SHARED_PAGE_SIZE);
	p->manifest.version = RMM_MANIFEST_VERSION_0_5;

	/* One bank: all of DRAM; the RMM tracks it and EL3 polices the GPT. */
	p->dram[0].base = plat.dram_base;
	p->dram[0].size = plat.dram_end - plat.dram_base;
	p->manifest.plat_dram.num_banks = 1;
	p->manifest.plat_dram.banks = dram_pa;
	p->manifest.plat_dram.checksum = list_checksum(1, dram_pa, p->dram, sizeof(p->dram));

	p->console[0].base = UART0_BASE;
	p->console[0].map_pages = 1;
	memcpy(p->console[0].name, "pl011", sizeof("pl011"));
	p->console[0].clk_in_hz = 1;
	p->console[0].baud_rate = 115200;
	p->manifest.plat_console.num_consoles = 1;
	p->manifest.plat_console.consoles = con_pa;
	p->manifest.plat_console.checksum = list_checksum(1, con_pa, p->console, sizeof(p->console));
	/* No non-coherent/coherent regions, SMMUs or root complexes: all zero. */
}

static void popa_clean(uint64_t base, uint64_t size)
{
	uint64_t pa;

	for (pa = base & ~(GPT_GRANULE_SIZE - 1); pa < base + size; pa += GPT_GRANULE_SIZE)
		gpt_arch_popa_clean_inval(pa, GPT_PAS_NS);
}

static bool header_ok(const struct rmm_image_header *h)
{
	if (h->magic != RMM_IMAGE_MAGIC)
		return false;
	if (h->load_addr != RMM_CARVEOUT_BASE || h->image_size < sizeof(*h) ||
	    h->image_size > h->mem_size || h->mem_size > RMM_IMAGE_MAX_SIZE ||
	    h->image_size > RMM_FLASH_MAX) {
		mon_printf("monitor: RMM image header rejected: load 0x%lx, %lu bytes, %lu in memory\n",
			   h->load_addr, h->image_size, h->mem_size);
		return false;
	}
	if (RMM_EL3_IFC_VERSION_MAJOR(h->ifc_version) != RMM_EL3_IFC_VERSION_MAJOR(RMM_EL3_IFC_VERSION_IMPL) ||
	    RMM_EL3_IFC_VERSION_MINOR(h->ifc_version) > RMM_EL3_IFC_VERSION_MINOR(RMM_EL3_IFC_VERSION_IMPL)) {
		mon_printf("monitor: RMM needs RMM-EL3 interface %lu.%lu, the monitor has %lu.%lu\n",
			   RMM_EL3_IFC_VERSION_MAJOR(h->ifc_version), RMM_EL3_IFC_VERSION_MINOR(h->ifc_version),
			   RMM_EL3_IFC_VERSION_MAJOR(RMM_EL3_IFC_VERSION_IMPL),
			   RMM_EL3_IFC_VERSION_MINOR(RMM_EL3_IFC_VERSION_IMPL));
		return false;
	}
	return true;
}

bool rmm_image_load(uint64_t *entry)
{
	const struct rmm_image_header *h = (const void *)(uintptr_t)RMM_FLASH_BASE;
	void *dst = (void *)(uintptr_t)RMM_CARVEOUT_BASE;
	uint64_t t0 = read_sysreg(cntpct_el0);
	br_sha256_context sha;
	char hex[2 * RMM_SHA256_SIZE + 1];
	unsigned int i;

	if (h->magic != RMM_IMAGE_MAGIC) {
		mon_printf("monitor: no RMM image in flash at 0x%lx: RMI calls will return SMC_UNKNOWN\n",
			   (uint64_t)RMM_FLASH_BASE);
		return false;
	}
	if (!header_ok(h))
		return false;

	memcpy(dst, h, h->image_size);
	br_sha256_init(&sha);
	br_sha256_update(&sha, dst, h->image_size);
	br_sha256_out(&sha, rmm_measurement);
	rmm_measured = true;
	write_manifest();
	popa_clean(RMM_CARVEOUT_BASE, h->image_size);
	popa_clean(RMM_SHARED_PAGE, RMM_SHARED_PAGE_SIZE);

	for (i = 0; i < RMM_SHA256_SIZE; i++) {
		hex[2 * i] = "0123456789abcdef"[rmm_measurement[i] >> 4];
		hex[2 * i + 1] = "0123456789abcdef"[rmm_measurement[i] & 0xF];
	}
	hex[2 * RMM_SHA256_SIZE] = '\0';
	mon_printf("monitor: RMM image %lu bytes (%lu in memory) loaded at 0x%lx in %lu us, SHA-256 %s\n",
		   h->image_size, h->mem_size, (uint64_t)RMM_CARVEOUT_BASE,
		   (read_sysreg(cntpct_el0) - t0) * 1000000 / read_sysreg(cntfrq_el0), hex);
	mon_printf("monitor: RMM boot manifest v0.5 at 0x%lx: DRAM 0x%lx-0x%lx, console pl011 at 0x%lx\n",
		   (uint64_t)RMM_SHARED_PAGE, plat.dram_base, plat.dram_end - 1, (uint64_t)UART0_BASE);
	*entry = RMM_CARVEOUT_BASE;
	return true;
}
