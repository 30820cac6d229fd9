/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_BUILTIN_H
#define VMM_BUILTIN_H

#include "vmm/config.h"

/* One entry per subcommand, in the order --help lists them. */
struct vmm_command {
	const char *name;
	const char *summary;
	int (*fn)(int argc, char **argv);
};

extern const struct vmm_command vmm_commands[];
extern const unsigned int vmm_command_count;

/* Exit statuses of run and measure. */
#define VMM_EXIT_OK		0
#define VMM_EXIT_BAD_INPUT	1	/* one line on stderr said why */

int cmd_version(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_measure(int argc, char **argv);
int cmd_caps(int argc, char **argv);

struct vmm_boot;

/*
 * The front half that run and measure share: parse, check the files, place
 * the images, then --help or --dry-run.  Returns -1 when the command goes
 * on, else the exit status (errors already printed).
 */
int builtin__prepare(enum vmm_cmd cmd, int argc, char **argv,
		     struct vmm_config *cfg, struct vmm_boot *boot);

#endif /* VMM_BUILTIN_H */
