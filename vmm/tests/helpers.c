// SPDX-License-Identifier: GPL-2.0-only
/* Shared by the vmm host tests: temporary files and argv plumbing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "vmm/util.h"

static char tmp_path[64];
static char names[256][128];
static unsigned int nr_names;

const char *tmp_dir(void)
{
	if (!tmp_path[0]) {
		strcpy(tmp_path, "/tmp/vmm-test-XXXXXX");
		if (!mkdtemp(tmp_path))
			abort();
	}
	return tmp_path;
}

void tmp_cleanup(void)
{
	unsigned int i;

	for (i = 0; i < nr_names; i++)
		unlink(names[i]);
	nr_names = 0;
	if (tmp_path[0])
		rmdir(tmp_path);
	tmp_path[0] = '\0';
}

const char *tmp_file(const char *name, const void *data, size_t len)
{
	char *path;
	FILE *f;

	if (nr_names == ARRAY_SIZE(names))
		abort();
	path = names[nr_names++];
	snprintf(path, sizeof(names[0]), "%s/%s", tmp_dir(), name);
	f = fopen(path, "wb");
	if (!f)
		abort();
	if (data) {
		if (len && fwrite(data, 1, len, f) != len)
			abort();
	} else if (len && (fseek(f, (long)len - 1, SEEK_SET) || fputc(0, f) == EOF)) {
		abort();
	}
	if (fclose(f))
		abort();
	return path;
}

const char *tmp_text(const char *name, const char *text)
{
	return tmp_file(name, text, strlen(text));
}

static void put_le64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

const char *tmp_image(const char *name, uint64_t text_offset, uint64_t image_size,
		      uint64_t file_size)
{
	unsigned char *buf = calloc(1, file_size);
	const char *path;

	if (!buf || file_size < 64)
		abort();
	put_le64(buf + 8, text_offset);
	put_le64(buf + 16, image_size);
	put_le64(buf + 24, 0xa);	/* LE, 4K pages, anywhere: as Debian's */
	memcpy(buf + 56, "ARM\x64", 4);
	path = tmp_file(name, buf, file_size);
	free(buf);
	return path;
}

int argc_of(const char **argv)
{
	int n = 0;

	while (argv[n])
		n++;
	return n;
}

int parse(struct vmm_config *cfg, const char **argv, char *msg, size_t len)
{
	struct vmm_err err = { "" };
	int ret;

	vmm_config__init(cfg, VMM_CMD_RUN);
	ret = vmm_config__parse(cfg, argc_of(argv), (char **)argv, &err);
	if (msg)
		snprintf(msg, len, "%s", err.msg);
	return ret;
}

int group_setup(void **state)
{
	(void)state;
	tmp_dir();
	return 0;
}

int group_teardown(void **state)
{
	(void)state;
	tmp_cleanup();
	return 0;
}
