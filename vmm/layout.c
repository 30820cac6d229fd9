// SPDX-License-Identifier: GPL-2.0-only
/*
 * Concrete placement of the realm guest's images in RAM; the map and the
 * reasons for it are in include/vmm/layout.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "vmm/layout.h"
#include "vmm/util.h"

static int layout__check_ram(const struct vmm_layout_request *req, struct vmm_err *err)
{
	uint64_t top = vmm_ipa__unprotected_bit(req->ipa_bits);
	char sz[VMM_SIZE_STR_LEN], max[VMM_SIZE_STR_LEN];

	vmm_size__str(req->ram_size, sz, sizeof(sz));
	if (!req->ram_size || !IS_ALIGNED(req->ram_size, VMM_RAM_ALIGN))
		return vmm_err__set(err, EINVAL, "--mem %s: not a multiple of 2 MiB", sz);
	if (top <= VMM_RAM_BASE)
		return vmm_err__set(err, ERANGE,
				    "--ipa-bits %u: the protected half ends at 0x%llx, where RAM starts; use --ipa-bits %u or more",
				    req->ipa_bits, (unsigned long long)top,
				    req->ipa_bits + 1);
	if (req->ram_size > top - VMM_RAM_BASE)
		return vmm_err__set(err, ERANGE,
				    "--mem %s: RAM at 0x%llx would pass the end of the protected half of a %u-bit IPA space (0x%llx); at most %s, or raise --ipa-bits",
				    sz, (unsigned long long)VMM_RAM_BASE, req->ipa_bits,
				    (unsigned long long)top,
				    vmm_size__str(top - VMM_RAM_BASE, max, sizeof(max)));
	return 0;
}

/* Smallest RAM that vmm_layout__place() accepts for these images. */
static uint64_t layout__min_ram(const struct vmm_layout_request *req)
{
	uint64_t kernel_end = req->kernel_text_offset + req->kernel_image_size;
	uint64_t need = kernel_end;

	if (req->initrd_size)
		need = ALIGN_UP(kernel_end, VMM_INITRD_ALIGN) + req->initrd_size;
	return ALIGN_UP(need + VMM_DTB_BLOCK, VMM_RAM_ALIGN);
}

int vmm_layout__place(struct vmm_layout *l, const struct vmm_layout_request *req,
		      struct vmm_err *err)
{
	uint64_t ram_end, kernel_end, floor;
	char sz[VMM_SIZE_STR_LEN], need[VMM_SIZE_STR_LEN], initrd[48] = "";
	int ret;

	memset(l, 0, sizeof(*l));
	if (req->ipa_bits < VMM_IPA_BITS_MIN || req->ipa_bits > VMM_IPA_BITS_MAX)
		return vmm_err__set(err, EINVAL, "--ipa-bits %u: not in %u..%u",
				    req->ipa_bits, VMM_IPA_BITS_MIN, VMM_IPA_BITS_MAX);
	if (req->nr_cpus < 1 || req->nr_cpus > VMM_MAX_CPUS)
		return vmm_err__set(err, EINVAL, "--cpus %u: not in 1..%u",
				    req->nr_cpus, VMM_MAX_CPUS);
	/* Booting.rst: text_offset is below 2 MiB; keep the sums overflow-free. */
	if (req->kernel_text_offset >= VMM_KERNEL_ALIGN ||
	    req->kernel_image_size > (1ULL << VMM_IPA_BITS_MAX) ||
	    req->initrd_size > (1ULL << VMM_IPA_BITS_MAX))
		return vmm_err__set(err, EINVAL, "kernel or initrd larger than any realm");
	ret = layout__check_ram(req, err);
	if (ret)
		return ret;

	l->ipa_bits = req->ipa_bits;
	l->unprotected_bit = vmm_ipa__unprotected_bit(req->ipa_bits);
	l->nr_cpus = req->nr_cpus;
	l->gicd_base = VMM_GICD_BASE;
	l->gicd_size = VMM_GICD_SIZE;
	l->gicr_base = VMM_GICR_BASE(req->nr_cpus);
	l->gicr_size = VMM_GICR_SIZE(req->nr_cpus);
	l->uart_base = VMM_UART_BASE;
	l->uart_size = VMM_UART_SIZE;
	l->ram_base = VMM_RAM_BASE;
	l->ram_size = req->ram_size;
	ram_end = l->ram_base + l->ram_size;

	/* The kernel wants the lowest 2 MiB aligned base: the start of RAM. */
	l->kernel_base = l->ram_base;
	l->kernel_entry = l->kernel_base + req->kernel_text_offset;
	l->kernel_size = req->kernel_image_size;
	l->kernel_file_size = req->kernel_file_size;
	kernel_end = l->kernel_entry + l->kernel_size;

	l->dtb_base = ram_end - VMM_DTB_BLOCK;
	l->dtb_max_size = VMM_DTB_MAX_SIZE;
	floor = l->dtb_base;
	if (req->initrd_size && req->initrd_size <= l->dtb_base - l->ram_base) {
		l->initrd_size = req->initrd_size;
		l->initrd_base = ALIGN_DOWN(l->dtb_base - req->initrd_size, VMM_INITRD_ALIGN);
		floor = l->initrd_base;
	}
	if (kernel_end > floor || (req->initrd_size && !l->initrd_size) ||
	    l->ram_size < VMM_DTB_BLOCK) {
		vmm_size__str(layout__min_ram(req), need, sizeof(need));
		vmm_size__str(req->ram_size, sz, sizeof(sz));
		if (req->initrd_size)
			snprintf(initrd, sizeof(initrd), ", the initrd (%llu bytes)",
				 (unsigned long long)req->initrd_size);
		return vmm_err__set(err, ENOSPC,
				    "--mem %s: too small for the kernel (%llu bytes)%s and the DTB block (2 MiB); needs at least %s",
				    sz, (unsigned long long)kernel_end - l->ram_base, initrd, need);
	}
	return 0;
}
