/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_LAYOUT_H
#define VMM_LAYOUT_H

/*
 * The realm guest's IPA layout.
 *
 * An N-bit IPA space (--ipa-bits, default 40) is split in two by its top
 * bit A = 1 << (N - 1): [0, A) is the protected half, [A, 2A) the
 * unprotected half.  A + x is the "unprotected alias" of x.  The realm
 * kernel learns N from RSI_REALM_CONFIG and sets A in its page tables for
 * anything shared with the host (Linux: prot_ns_shared).
 *
 *   IPA              protected half
 *   0x00_0000_0000 +------------------------------------+
 *                  | unmapped                           |
 *   0x00_0100_0000 +------------------------------------+ VMM_UART_BASE
 *                  | PL011 UART, 4 KiB                  |
 *   0x00_0100_1000 +------------------------------------+
 *                  | unmapped                           |
 *   0x00_0101_0000 +------------------------------------+ VMM_VIRTIO_MMIO_BASE
 *                  | virtio-mmio, 32 slots x 512 bytes  |
 *   0x00_0101_4000 +------------------------------------+
 *                  | unmapped                           |
 *   GICD - n*128K  +------------------------------------+ VMM_GICR_BASE(n)
 *                  | GICv3 redistributors, RD + SGI     |
 *                  | frames (128 KiB) per CPU, n <= 64  |
 *   0x00_3fff_0000 +------------------------------------+ VMM_GICD_BASE
 *                  | GICv3 distributor, 64 KiB          |
 *   0x00_4000_0000 +------------------------------------+
 *                  | reserved (PCI, later)              |
 *   0x00_8000_0000 +------------------------------------+ VMM_RAM_BASE
 *                  | RAM: --mem, a multiple of 2 MiB;   |
 *                  | all of it RIPAS RAM before the     |
 *                  | realm is activated (see below)     |
 *   RAM end        +------------------------------------+
 *                  | unmapped                           |
 *   A              +====================================+ unprotected half
 *                  | A + x: the shared view of x        |
 *                  |  - A + MMIO: every device access   |
 *                  |    (REC exit, emulated by the VMM) |
 *                  |  - A + RAM: pages the guest made   |
 *                  |    shared (SWIOTLB, virtio rings), |
 *                  |    backed by KVM_REALM_MAP_SHARED  |
 *   2A             +------------------------------------+
 *
 * Devices below VMM_RAM_BASE are described in the DT at their protected
 * address but are never RIPAS RAM there (they stay EMPTY), so the realm
 * kernel's ioremap() maps them through the alias; every MMIO exit therefore
 * carries A | addr and the dispatcher strips A (vmm_layout__mmio_addr()).
 * The earlycon address on the command line is the alias itself, because
 * earlycon runs before ioremap() knows about realms.
 *
 *   RAM, as placed by vmm_layout__place() (from low to high IPA; the same
 *   order is the measured-populate order, ascending IPA, so that the RIM can
 *   be predicted offline):
 *
 *   VMM_RAM_BASE      kernel Image at a 2 MiB aligned base + text_offset,
 *                     image_size bytes (from the Image header; includes BSS)
 *                     ... free ...
 *   initrd_base       initrd, page aligned, ending at dtb_base
 *   RAM end - 2 MiB   DTB (at most VMM_DTB_MAX_SIZE), alone in the last
 *                     2 MiB block because the kernel maps it with blocks
 *   RAM end
 *
 * With --mem 256M the DTB lands at 0x8fe00000 and the UART and GIC
 * distributor are where the Realm VM specification (veraison
 * cca-realm-measurements, docs/realm-vm.md) puts them.
 */

#include <stdbool.h>
#include <stdint.h>

#include "vmm/util.h"

struct vmm_err;

#define VMM_IPA_BITS_DEFAULT	40
#define VMM_IPA_BITS_MIN	32	/* the UAPI's minimum */
#define VMM_IPA_BITS_MAX	48	/* without LPA2, which is not driven yet */

#define VMM_MAX_CPUS		64

#define VMM_UART_BASE		0x01000000ULL
#define VMM_UART_SIZE		SZ_4K
#define VMM_UART_CLOCK_HZ	24000000U

#define VMM_VIRTIO_MMIO_BASE	0x01010000ULL
#define VMM_VIRTIO_MMIO_SLOTS	32
#define VMM_VIRTIO_MMIO_SLOT_SIZE 0x200ULL
#define VMM_VIRTIO_MMIO_SIZE	(VMM_VIRTIO_MMIO_SLOTS * VMM_VIRTIO_MMIO_SLOT_SIZE)
#define VMM_VIRTIO_MMIO_SLOT(i)	(VMM_VIRTIO_MMIO_BASE + (uint64_t)(i) * VMM_VIRTIO_MMIO_SLOT_SIZE)
/* Fixed slots, so that the DT (and the RIM) do not depend on probe order. */
#define VMM_VIRTIO_SLOT_CONSOLE	0
#define VMM_VIRTIO_SLOT_BLK	1

#define VMM_GICD_BASE		0x3fff0000ULL
#define VMM_GICD_SIZE		SZ_64K
#define VMM_GICR_STRIDE		SZ_128K	/* RD_base + SGI_base frames */
#define VMM_GICR_SIZE(ncpus)	((uint64_t)(ncpus) * VMM_GICR_STRIDE)
#define VMM_GICR_BASE(ncpus)	(VMM_GICD_BASE - VMM_GICR_SIZE(ncpus))

#define VMM_RAM_BASE		0x80000000ULL
#define VMM_RAM_ALIGN		SZ_2M
#define VMM_RAM_SIZE_DEFAULT	(256 * SZ_1M)

#define VMM_KERNEL_ALIGN	SZ_2M	/* Documentation/arch/arm64/booting.rst */
#define VMM_DTB_BLOCK		SZ_2M
#define VMM_DTB_MAX_SIZE	SZ_64K
#define VMM_INITRD_ALIGN	SZ_4K	/* one granule: POPULATE works on granules */

/*
 * Interrupts, as GIC SPI/PPI numbers (the DT's second cell), so INTID =
 * SPI + 32 and PPI + 16.
 */
#define VMM_IRQ_UART_SPI	1
#define VMM_IRQ_VIRTIO_SPI(i)	(16 + (i))
#define VMM_PPI_GIC_MAINT	9
#define VMM_PPI_TIMER_HYP	10
#define VMM_PPI_TIMER_VIRT	11
#define VMM_PPI_TIMER_SEC	13
#define VMM_PPI_TIMER_PHYS	14

_Static_assert(VMM_UART_BASE + VMM_UART_SIZE <= VMM_VIRTIO_MMIO_BASE, "UART overlaps virtio-mmio");
_Static_assert(VMM_VIRTIO_MMIO_BASE + VMM_VIRTIO_MMIO_SIZE <= VMM_GICR_BASE(VMM_MAX_CPUS),
	       "virtio-mmio overlaps the redistributors");
_Static_assert(VMM_GICD_BASE + VMM_GICD_SIZE <= VMM_RAM_BASE, "GIC overlaps RAM");

/* What placement depends on: the config and the sizes of the images. */
struct vmm_layout_request {
	uint64_t ram_size;
	unsigned int ipa_bits;
	unsigned int nr_cpus;
	uint64_t kernel_text_offset;	/* Image header */
	uint64_t kernel_image_size;	/* Image header: bytes incl. BSS */
	uint64_t kernel_file_size;
	uint64_t initrd_size;		/* 0: no initrd */
};

/* Concrete addresses; [base, base + size) everywhere. */
struct vmm_layout {
	unsigned int ipa_bits;
	uint64_t unprotected_bit;	/* A */
	unsigned int nr_cpus;
	uint64_t gicd_base, gicd_size;
	uint64_t gicr_base, gicr_size;
	uint64_t uart_base, uart_size;
	uint64_t ram_base, ram_size;
	uint64_t kernel_base;		/* 2 MiB aligned; entry = base + text_offset */
	uint64_t kernel_entry;
	uint64_t kernel_size;		/* image_size */
	uint64_t kernel_file_size;	/* populated bytes (rounded up to 4K) */
	uint64_t initrd_base, initrd_size;
	uint64_t dtb_base, dtb_max_size;
};

static inline uint64_t vmm_ipa__unprotected_bit(unsigned int ipa_bits)
{
	return 1ULL << (ipa_bits - 1);
}

/* The address the guest uses for device register @addr. */
static inline uint64_t vmm_layout__alias(const struct vmm_layout *l, uint64_t addr)
{
	return addr | l->unprotected_bit;
}

/*
 * For the MMIO dispatcher: the device address behind an MMIO exit's IPA.
 * Accepts only the unprotected half (an exit for a protected IPA is not
 * emulated MMIO) and strips the alias bit.
 */
static inline bool vmm_layout__mmio_addr(const struct vmm_layout *l, uint64_t ipa,
					 uint64_t *addr)
{
	if (!(ipa & l->unprotected_bit) || ipa >= 2 * l->unprotected_bit)
		return false;
	*addr = ipa & ~l->unprotected_bit;
	return true;
}

/*
 * Place everything for @req.  Returns 0, or -EINVAL/-ERANGE/-ENOSPC with
 * one line in @err naming the option to change.
 */
int vmm_layout__place(struct vmm_layout *l, const struct vmm_layout_request *req,
		      struct vmm_err *err);

/* MPIDR of CPU @i: Aff0 holds 16 CPUs (GICv3 SGI target lists), then Aff1. */
static inline uint64_t vmm_cpu__mpidr(unsigned int i)
{
	return (i & 0xf) | ((uint64_t)(i >> 4) << 8);
}

#endif /* VMM_LAYOUT_H */
