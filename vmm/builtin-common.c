// SPDX-License-Identifier: GPL-2.0-only
/* What `run` and `measure` share before they part ways. */
#include <stdio.h>
#include <string.h>

#include "vmm/boot.h"
#include "vmm/builtin.h"
#include "vmm/config-json.h"
#include "vmm/util.h"

int builtin__prepare(enum vmm_cmd cmd, int argc, char **argv,
		     struct vmm_config *cfg, struct vmm_boot *boot)
{
	struct vmm_err err;

	vmm_config__init(cfg, cmd);
	if (vmm_config__parse(cfg, argc, argv, &err)) {
		pr_err("%s", err.msg);
		return VMM_EXIT_BAD_INPUT;
	}
	if (cfg->help) {
		vmm_config__usage(stdout, cmd);
		return VMM_EXIT_OK;
	}
	if (vmm_boot__prepare(cfg, boot, &err)) {
		pr_err("%s", err.msg);
		return VMM_EXIT_BAD_INPUT;
	}
	if (cfg->dry_run) {
		if (vmm_config__dump(stdout, cfg, boot) || fflush(stdout)) {
			pr_err("--dry-run: cannot write the configuration");
			return VMM_EXIT_BAD_INPUT;
		}
		return VMM_EXIT_OK;
	}
	return -1;
}
