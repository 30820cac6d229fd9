// SPDX-License-Identifier: GPL-2.0-only
/*
 * realm-vmm measure: predict a realm's RIM without creating it.
 * Prints "<algorithm> <RIM in hex>"; the same options as `run` give the
 * RIM that `run`'s realm will report in its attestation token.
 */
#include <stdio.h>

#include "vmm/boot.h"
#include "vmm/builtin.h"
#include "vmm/plan.h"
#include "vmm/rim.h"
#include "vmm/util.h"

int cmd_measure(int argc, char **argv)
{
	uint8_t rim[RIM_MAX_SIZE];
	struct realm_plan plan;
	struct vmm_config cfg;
	struct vmm_boot boot;
	struct vmm_err err;
	unsigned int i, len;
	int ret;

	ret = builtin__prepare(VMM_CMD_MEASURE, argc, argv, &cfg, &boot);
	if (ret >= 0)
		goto out;
	if (realm_plan__build(&cfg, &boot, &plan, &err)) {
		pr_err("%s", err.msg);
		ret = VMM_EXIT_BAD_INPUT;
		goto out;
	}
	len = rim__predict(&plan, rim);
	printf("%s ", plan.params.hash_algo == RMI_HASH_SHA_512 ? "sha512" : "sha256");
	for (i = 0; i < len; i++)
		printf("%02x", rim[i]);
	printf("\n");
	ret = fflush(stdout) ? VMM_EXIT_BAD_INPUT : VMM_EXIT_OK;
	realm_plan__exit(&plan);
out:
	vmm_config__exit(&cfg);
	return ret;
}
