// SPDX-License-Identifier: GPL-2.0-only
/* From a parsed configuration to what will be booted: files, sizes, layout. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vmm/boot.h"
#include "vmm/config.h"
#include "vmm/util.h"

/* Size of a readable regular file (or block device, for --disk). */
static int boot__file_size(const char *opt, const char *path, int flags, bool block_ok,
			   uint64_t *size, struct vmm_err *err)
{
	struct stat st;
	int fd, ret = 0;

	fd = open(path, flags | O_CLOEXEC);
	if (fd < 0)
		return vmm_err__set(err, errno, "--%s %s: %s", opt, path, strerror(errno));
	if (fstat(fd, &st)) {
		ret = vmm_err__set(err, errno, "--%s %s: %s", opt, path, strerror(errno));
	} else if (S_ISREG(st.st_mode)) {
		*size = (uint64_t)st.st_size;
	} else if (block_ok && S_ISBLK(st.st_mode)) {
		off_t end = lseek(fd, 0, SEEK_END);

		if (end < 0)
			ret = vmm_err__set(err, errno, "--%s %s: %s", opt, path, strerror(errno));
		else
			*size = (uint64_t)end;
	} else {
		ret = vmm_err__set(err, EINVAL, "--%s %s: not a regular file", opt, path);
	}
	close(fd);
	return ret;
}

int vmm_boot__bootargs(const struct vmm_config *cfg, const struct vmm_layout *l,
		       char *buf, size_t len, struct vmm_err *err)
{
	const char *user = cfg->cmdline ? cfg->cmdline : "";
	int n;

	/*
	 * A realm bounces every DMA through SWIOTLB in shared memory, and
	 * Linux sizes that pool from the RAM it sees (down to 512 KiB for a
	 * small realm, too little for virtio-blk): ask for 16 MiB.
	 */
	n = snprintf(buf, len, "console=ttyAMA0 earlycon=pl011,mmio,0x%llx swiotlb=%u%s%s",
		     (unsigned long long)vmm_layout__alias(l, l->uart_base), VMM_SWIOTLB_SLOTS,
		     *user ? " " : "", user);
	if (n < 0 || (size_t)n >= len)
		return vmm_err__set(err, E2BIG,
				    "--cmdline: %d bytes with the VMM's console options; the arm64 kernel takes at most %zu",
				    n, len - 1);
	return 0;
}

int vmm_boot__prepare(const struct vmm_config *cfg, struct vmm_boot *boot,
		      struct vmm_err *err)
{
	struct vmm_layout_request req;
	int ret;

	memset(boot, 0, sizeof(*boot));
	if (!cfg->kernel_path)
		return vmm_err__set(err, EINVAL, "--kernel is required (the arm64 Image to boot)");
	ret = arm64_image__probe(cfg->kernel_path, &boot->kernel, err);
	if (ret)
		return ret;
	if (cfg->initrd_path) {
		ret = boot__file_size("initrd", cfg->initrd_path, O_RDONLY, false,
				      &boot->initrd_size, err);
		if (ret)
			return ret;
		if (!boot->initrd_size)
			return vmm_err__set(err, EINVAL, "--initrd %s: empty file", cfg->initrd_path);
	}
	if (cfg->disk_path) {
		/* measure only describes the disk; run will write to it. */
		ret = boot__file_size("disk", cfg->disk_path,
				      cfg->cmd == VMM_CMD_RUN ? O_RDWR : O_RDONLY, true,
				      &boot->disk_size, err);
		if (ret)
			return ret;
	}

	req = (struct vmm_layout_request){
		.ram_size = cfg->ram_size,
		.ipa_bits = cfg->ipa_bits,
		.nr_cpus = cfg->nr_cpus,
		.kernel_text_offset = boot->kernel.text_offset,
		.kernel_image_size = boot->kernel.image_size,
		.kernel_file_size = boot->kernel.file_size,
		.initrd_size = boot->initrd_size,
	};
	ret = vmm_layout__place(&boot->layout, &req, err);
	if (ret)
		return ret;
	return vmm_boot__bootargs(cfg, &boot->layout, boot->bootargs,
				  sizeof(boot->bootargs), err);
}
