/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_TESTS_HELPERS_H
#define VMM_TESTS_HELPERS_H

/* cmocka needs these before its header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vmm/config.h"

/* A private temporary directory, removed (with its files) by tmp_cleanup(). */
const char *tmp_dir(void);
void tmp_cleanup(void);

/* Write @len bytes of @data (zeros if NULL) to tmp_dir()/@name; returns the path. */
const char *tmp_file(const char *name, const void *data, size_t len);
const char *tmp_text(const char *name, const char *text);

/* A fake arm64 Image: a valid header, @file_size bytes (>= 64). */
const char *tmp_image(const char *name, uint64_t text_offset, uint64_t image_size,
		      uint64_t file_size);

/* A NULL-terminated argv for vmm_config__parse*(): argv[0] is the command. */
#define ARGV(...) ((const char *[]){ "run", __VA_ARGS__, NULL })
int argc_of(const char **argv);

/* Parse argv (with "run" as argv[0]) into a fresh config; @msg gets err. */
int parse(struct vmm_config *cfg, const char **argv, char *msg, size_t len);

/* Group setup/teardown for cmocka: temp dir lifetime. */
int group_setup(void **state);
int group_teardown(void **state);

#endif
