/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI dispatch: one static const table entry per RMI 1.0 command (FID, name,
 * argument and output counts, handler), checked for completeness at compile
 * time (style-examples.md §2, TF-RMM runtime/core/handler.c practice), then
 * the RMI 1.1 commands implemented (MEC).
 */
#include <string.h>
#include <abi/smccc.h>
#include <rmm/assert.h>
#include <rmm/rmi-handlers.h>

#define RMI_CMD(fid_, handler_, nargs_, nouts_) \
	{ .fid = (fid_), .name = #fid_, .num_args = (nargs_), \
	  .num_outputs = (nouts_), .handler = (handler_) }

/* Argument/output counts: cca-interfaces.md §2. */
static const struct rmi_command rmi_commands[] = {
	RMI_CMD(RMI_VERSION,			rmi_version,			1, 2),
	RMI_CMD(RMI_GRANULE_DELEGATE,		rmi_granule_delegate,		1, 0),
	RMI_CMD(RMI_GRANULE_UNDELEGATE,		rmi_granule_undelegate,		1, 0),
	RMI_CMD(RMI_DATA_CREATE,		rmi_data_create,		5, 0),
	RMI_CMD(RMI_DATA_CREATE_UNKNOWN,	rmi_data_create_unknown,	3, 0),
	RMI_CMD(RMI_DATA_DESTROY,		rmi_data_destroy,		2, 2),
	RMI_CMD(RMI_REALM_ACTIVATE,		rmi_realm_activate,		1, 0),
	RMI_CMD(RMI_REALM_CREATE,		rmi_realm_create,		2, 0),
	RMI_CMD(RMI_REALM_DESTROY,		rmi_realm_destroy,		1, 0),
	RMI_CMD(RMI_REC_CREATE,			rmi_rec_create,			3, 0),
	RMI_CMD(RMI_REC_DESTROY,		rmi_rec_destroy,		1, 0),
	RMI_CMD(RMI_REC_ENTER,			rmi_rec_enter,			2, 0),
	RMI_CMD(RMI_RTT_CREATE,			rmi_rtt_create,			4, 0),
	RMI_CMD(RMI_RTT_DESTROY,		rmi_rtt_destroy,		3, 2),
	RMI_CMD(RMI_RTT_MAP_UNPROTECTED,	rmi_rtt_map_unprotected,	4, 0),
	RMI_CMD(RMI_RTT_READ_ENTRY,		rmi_rtt_read_entry,		3, 4),
	RMI_CMD(RMI_RTT_UNMAP_UNPROTECTED,	rmi_rtt_unmap_unprotected,	3, 1),
	RMI_CMD(RMI_PSCI_COMPLETE,		rmi_psci_complete,		3, 0),
	RMI_CMD(RMI_FEATURES,			rmi_features,			1, 1),
	RMI_CMD(RMI_RTT_FOLD,			rmi_rtt_fold,			3, 1),
	RMI_CMD(RMI_REC_AUX_COUNT,		rmi_rec_aux_count,		1, 1),
	RMI_CMD(RMI_RTT_INIT_RIPAS,		rmi_rtt_init_ripas,		3, 1),
	RMI_CMD(RMI_RTT_SET_RIPAS,		rmi_rtt_set_ripas,		4, 1),
	/* RMI 1.1 (cca-interfaces.md §3.1) */
	RMI_CMD(RMI_MEC_SET_SHARED,		rmi_mec_set_shared,		1, 0),
	RMI_CMD(RMI_MEC_SET_PRIVATE,		rmi_mec_set_private,		1, 0),
};

static_assert(ARRAY_SIZE(rmi_commands) == RMI_1_0_NUM_COMMANDS + RMI_1_1_NUM_COMMANDS,
	      "the RMI dispatch table must list every RMI 1.0 command and the 1.1 ones implemented");

const struct rmi_command *rmi_command_table(unsigned int *count)
{
	*count = ARRAY_SIZE(rmi_commands);
	return rmi_commands;
}

void rmi_dispatch(const uint64_t regs[8], struct rmi_result *res)
{
	/* SMCCC 1.3 SVE hint: NS may set it; it does not select a command. */
	uint64_t fid = regs[0] & ~(uint64_t)SMCCC_SVE_HINT;
	size_t i;

	memset(res, 0, sizeof(*res));
	for (i = 0; i < ARRAY_SIZE(rmi_commands); i++) {
		const struct rmi_command *cmd = &rmi_commands[i];

		if (cmd->fid != fid)
			continue;
		cmd->handler(&regs[1], res);
		/* Outputs beyond the command's count are returned as zero. */
		for (unsigned int o = cmd->num_outputs + 1U; o < ARRAY_SIZE(res->x); o++)
			res->x[o] = 0;
		return;
	}
	res->x[0] = SMC_UNKNOWN;
}
