/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_CONFIG_H
#define VMM_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/kvm-realm.h>

struct vmm_err;

enum vmm_cmd {
	VMM_CMD_RUN,
	VMM_CMD_MEASURE,
};

/*
 * Everything the command line and --config say, after defaults.  Filled
 * once by vmm_config__parse(); the rest of the VMM only reads it.
 * Strings are owned (malloc) and NULL when not given.
 */
#define VMM_SVE_VQ_MAX		16	/* 2048-bit vectors, the architecture's longest */

struct vmm_config {
	enum vmm_cmd cmd;
	char *kernel_path;
	char *initrd_path;
	char *cmdline;
	char *disk_path;
	char *config_path;
	char *report_path;
	uint64_t ram_size;
	unsigned int nr_cpus;
	unsigned int ipa_bits;
	unsigned int hash_algo;		/* KVM_REALM_MEASURE_* */
	unsigned int mec_policy;	/* KVM_REALM_MEC_* */
	unsigned int mecid;		/* with KVM_REALM_MEC_PRIVATE */
	unsigned int sve_vq;		/* SVE vector length in quadwords, 0: none */
	uint8_t rpv[KVM_REALM_RPV_SIZE];
	bool dry_run;
	bool help;
	uint64_t cli_set;		/* bit i: vmm_options[i] came from argv */
};

enum vmm_opt_arg {
	VMM_OPT_NOARG,
	VMM_OPT_ARG,
	VMM_OPT_OPTARG,		/* --mec or --mec ID */
};

/* One entry per option; the same table serves argv, --config and --help. */
struct vmm_option {
	const char *name;	/* --name, and the key in a --config file */
	char short_name;	/* kvmtool's letter where it has one, else 0 */
	enum vmm_opt_arg arg;
	const char *metavar;
	const char *help;
	bool in_file;		/* accepted as a --config key */
	/* @arg is NULL for NOARG, and for OPTARG without a value. */
	int (*set)(struct vmm_config *cfg, const char *arg, struct vmm_err *err);
};

extern const struct vmm_option vmm_options[];
extern const unsigned int vmm_option_count;

const char *vmm_cmd__name(enum vmm_cmd cmd);

void vmm_config__init(struct vmm_config *cfg, enum vmm_cmd cmd);
void vmm_config__exit(struct vmm_config *cfg);

/* The option called @name (no dashes), or NULL. */
const struct vmm_option *vmm_option__find(const char *name);

/*
 * Parse argv[1..argc-1] (argv[0] is the command name) into @cfg, then the
 * --config file if one was given: command-line options override the file,
 * the file overrides the defaults.  Returns 0 or -errno with one line in
 * @err.  With --help, stops and returns 0 with cfg->help set.
 */
int vmm_config__parse(struct vmm_config *cfg, int argc, char **argv,
		      struct vmm_err *err);

/* Just the argv part (no --config file). */
int vmm_config__parse_args(struct vmm_config *cfg, int argc, char **argv,
			   struct vmm_err *err);

/* Apply a --config file; keys already set from argv are skipped. */
int vmm_config__load_json(struct vmm_config *cfg, const char *path,
			  struct vmm_err *err);

void vmm_config__usage(FILE *f, enum vmm_cmd cmd);

#endif /* VMM_CONFIG_H */
