// SPDX-License-Identifier: GPL-2.0-only
/* realm-vmm run: boot a kernel in a realm. */
#include "vmm/boot.h"
#include "vmm/builtin.h"
#include "vmm/util.h"

int cmd_run(int argc, char **argv)
{
	struct vmm_config cfg;
	struct vmm_boot boot;
	int ret;

	ret = builtin__prepare(VMM_CMD_RUN, argc, argv, &cfg, &boot);
	if (ret < 0) {
		/* Temporary: parsing and checking exist, creating the realm does not. */
		pr_err("run: the realm launch path is not built yet (try --dry-run)");
		ret = VMM_EXIT_NOT_BUILT;
	}
	vmm_config__exit(&cfg);
	return ret;
}
