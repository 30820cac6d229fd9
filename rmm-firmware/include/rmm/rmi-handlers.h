/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI command handlers and the dispatcher that calls them.
 *
 * Calling convention (cca-interfaces.md §1): x0 = FID, argN in x(N+1); the
 * result is x0 = status | index << 8 and outputs in x1..x4.  A handler
 * receives the arguments as args[0..] (= x1..) and fills res->x[0..4];
 * the dispatcher zeroes res first, so a handler only writes what it returns.
 */
#ifndef RMM_RMI_HANDLERS_H
#define RMM_RMI_HANDLERS_H

#include <stdint.h>
#include <abi/rmi.h>

#define RMI_MAX_ARGS		5	/* RMI_DATA_CREATE */
#define RMI_MAX_OUTPUTS		4	/* RMI_RTT_READ_ENTRY */

struct rmi_result {
	uint64_t x[1 + RMI_MAX_OUTPUTS];
};

typedef void (*rmi_handler_t)(const uint64_t *args, struct rmi_result *res);

struct rmi_command {
	uint32_t fid;
	const char *name;
	uint8_t num_args;
	uint8_t num_outputs;
	rmi_handler_t handler;
};

/* Number of commands in RMI 1.0-REL0 (cca-interfaces.md §2). */
#define RMI_1_0_NUM_COMMANDS	23
/* RMI 1.1 commands implemented on top: MEC_SET_SHARED, MEC_SET_PRIVATE. */
#define RMI_1_1_NUM_COMMANDS	2

/*
 * Handle one RMI call: regs[0] = FID (the SMCCC SVE hint bit is ignored),
 * regs[1..7] = x1..x7.  Unknown FIDs return SMC_UNKNOWN in res->x[0].
 */
void rmi_dispatch(const uint64_t regs[8], struct rmi_result *res);

/* The command table, for tests and diagnostics. */
const struct rmi_command *rmi_command_table(unsigned int *count);

void rmi_version(const uint64_t *args, struct rmi_result *res);
void rmi_features(const uint64_t *args, struct rmi_result *res);
void rmi_granule_delegate(const uint64_t *args, struct rmi_result *res);
void rmi_granule_undelegate(const uint64_t *args, struct rmi_result *res);
void rmi_realm_create(const uint64_t *args, struct rmi_result *res);
void rmi_realm_activate(const uint64_t *args, struct rmi_result *res);
void rmi_realm_destroy(const uint64_t *args, struct rmi_result *res);
void rmi_rec_aux_count(const uint64_t *args, struct rmi_result *res);
void rmi_rec_create(const uint64_t *args, struct rmi_result *res);
void rmi_rec_destroy(const uint64_t *args, struct rmi_result *res);
void rmi_rec_enter(const uint64_t *args, struct rmi_result *res);
void rmi_psci_complete(const uint64_t *args, struct rmi_result *res);
void rmi_rtt_create(const uint64_t *args, struct rmi_result *res);
void rmi_rtt_destroy(const uint64_t *args, struct rmi_result *res);
void rmi_rtt_fold(const uint64_t *args, struct rmi_result *res);
void rmi_rtt_read_entry(const uint64_t *args, struct rmi_result *res);
void rmi_rtt_map_unprotected(const uint64_t *args, struct rmi_result *res);
void rmi_rtt_unmap_unprotected(const uint64_t *args, struct rmi_result *res);
void rmi_rtt_init_ripas(const uint64_t *args, struct rmi_result *res);
void rmi_rtt_set_ripas(const uint64_t *args, struct rmi_result *res);
void rmi_data_create(const uint64_t *args, struct rmi_result *res);
void rmi_data_create_unknown(const uint64_t *args, struct rmi_result *res);
void rmi_data_destroy(const uint64_t *args, struct rmi_result *res);

void rmi_mec_set_shared(const uint64_t *args, struct rmi_result *res);
void rmi_mec_set_private(const uint64_t *args, struct rmi_result *res);

/* RmiFeatureRegister0 as reported by RMI_FEATURES(0). */
uint64_t rmi_feature_register_0(void);

/*
 * The interface revision the host last requested successfully with
 * RMI_VERSION (1.0 until it asks): decides whether RealmParams' 1.1 fields
 * (mecid) are honoured.  rmi_version_reset() is for boot and the tests.
 */
uint64_t rmi_version_negotiated(void);
void rmi_version_reset(void);

#endif /* RMM_RMI_HANDLERS_H */
