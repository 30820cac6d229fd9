/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_BUILTIN_H
#define VMM_BUILTIN_H

/* One entry per subcommand, in the order --help lists them. */
struct vmm_command {
	const char *name;
	const char *summary;
	int (*fn)(int argc, char **argv);
};

extern const struct vmm_command vmm_commands[];
extern const unsigned int vmm_command_count;

int cmd_version(int argc, char **argv);
int cmd_help(int argc, char **argv);

#endif /* VMM_BUILTIN_H */
