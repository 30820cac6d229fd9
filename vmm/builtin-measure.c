// SPDX-License-Identifier: GPL-2.0-only
/* realm-vmm measure: predict a realm's RIM without creating it. */
#include "vmm/boot.h"
#include "vmm/builtin.h"
#include "vmm/util.h"

int cmd_measure(int argc, char **argv)
{
	struct vmm_config cfg;
	struct vmm_boot boot;
	int ret;

	ret = builtin__prepare(VMM_CMD_MEASURE, argc, argv, &cfg, &boot);
	if (ret < 0) {
		/* Temporary: the options are shared with run; the RIM model is not. */
		pr_err("measure: the RIM prediction is not built yet (try --dry-run)");
		ret = VMM_EXIT_NOT_BUILT;
	}
	vmm_config__exit(&cfg);
	return ret;
}
