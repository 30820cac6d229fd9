/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_CONFIG_JSON_H
#define VMM_CONFIG_JSON_H

#include <stdio.h>

struct json_object;
struct vmm_config;
struct vmm_boot;

/* Largest --config file read; a configuration is a few hundred bytes. */
#define VMM_CONFIG_FILE_MAX	(1024 * 1024)

/*
 * The configuration as a --config object: only options that differ from
 * nothing-given are left out, so feeding it back gives the same config.
 */
struct json_object *vmm_config__to_json(const struct vmm_config *cfg);

/* Addresses as "0x..." strings: readable, and exact beyond 2^53. */
struct json_object *vmm_boot__to_json(const struct vmm_boot *boot);

/*
 * --dry-run output: {"command", "config", "bootargs", "layout"}; the
 * "config" member is valid input for --config.
 */
int vmm_config__dump(FILE *f, const struct vmm_config *cfg, const struct vmm_boot *boot);

#endif /* VMM_CONFIG_JSON_H */
