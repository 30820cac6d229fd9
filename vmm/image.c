// SPDX-License-Identifier: GPL-2.0-only
/* The arm64 Linux Image header: where the kernel goes and how big it is. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vmm/image.h"
#include "vmm/util.h"

static uint64_t le64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

int arm64_image__parse(const void *hdr, size_t len, uint64_t file_size,
		       struct arm64_image_info *info, struct vmm_err *err)
{
	const unsigned char *p = hdr;

	if (len < ARM64_IMAGE_HEADER_SIZE ||
	    (le64(p + 56) & 0xffffffffU) != ARM64_IMAGE_MAGIC)
		return vmm_err__set(err, EINVAL, "not an arm64 Image (no \"ARM\\x64\" magic at offset 56)");
	info->text_offset = le64(p + 8);
	info->image_size = le64(p + 16);
	info->flags = le64(p + 24);
	info->file_size = file_size;
	if (info->flags & ARM64_IMAGE_FLAG_BE)
		return vmm_err__set(err, EINVAL, "a big-endian Image; realms run little-endian kernels");
	/* Only pre-3.17 kernels leave image_size 0; then the size is a guess. */
	if (!info->image_size)
		return vmm_err__set(err, EINVAL, "the Image header has no image_size (kernel older than 3.17)");
	if (info->image_size < file_size)
		return vmm_err__set(err, EINVAL,
				    "image_size %llu in the header is smaller than the file (%llu bytes)",
				    (unsigned long long)info->image_size,
				    (unsigned long long)file_size);
	if (info->text_offset >= 2 * 1024 * 1024 || info->text_offset % 4096)
		return vmm_err__set(err, EINVAL, "text_offset 0x%llx in the header is not a page offset below 2 MiB",
				    (unsigned long long)info->text_offset);
	return 0;
}

int arm64_image__probe(const char *path, struct arm64_image_info *info,
		       struct vmm_err *err)
{
	unsigned char hdr[ARM64_IMAGE_HEADER_SIZE];
	struct stat st;
	ssize_t n;
	int fd, ret;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return vmm_err__set(err, errno, "--kernel %s: %s", path, strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		ret = vmm_err__set(err, EINVAL, "--kernel %s: not a regular file", path);
		goto out;
	}
	n = pread(fd, hdr, sizeof(hdr), 0);
	if (n < 0) {
		ret = vmm_err__set(err, errno, "--kernel %s: %s", path, strerror(errno));
		goto out;
	}
	ret = arm64_image__parse(hdr, (size_t)n, (uint64_t)st.st_size, info, err);
	if (ret && err) {
		struct vmm_err why = *err;

		vmm_err__set(err, -ret, "--kernel %s: %s", path, why.msg);
	}
out:
	close(fd);
	return ret;
}
