// SPDX-License-Identifier: GPL-2.0-only
/*
 * realm-vmm: a lean VMM for Arm CCA realms on kvm-realm.ko.
 * git-style entry: realm-vmm <command> [options]; one builtin-*.c per command.
 */
#include <stdio.h>
#include <string.h>

#include "vmm/builtin.h"

const struct vmm_command vmm_commands[] = {
	{ "run", "boot a Linux kernel in a realm (see 'run --help')", cmd_run },
	{ "measure", "predict a realm's initial measurement offline", cmd_measure },
	{ "caps", "what kvm-realm.ko and the RMM support (--json)", cmd_caps },
	{ "version", "print the version and the libraries it was built with", cmd_version },
	{ "help", "list the commands", cmd_help },
};
const unsigned int vmm_command_count = sizeof(vmm_commands) / sizeof(vmm_commands[0]);

int main(int argc, char **argv)
{
	const char *cmd;
	unsigned int i;

	if (argc < 2)
		return cmd_help(0, NULL) ? 1 : 2;

	cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-v"))
		cmd = "version";
	else if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h"))
		cmd = "help";

	for (i = 0; i < vmm_command_count; i++)
		if (!strcmp(vmm_commands[i].name, cmd))
			return vmm_commands[i].fn(argc - 1, argv + 1);

	fprintf(stderr, "realm-vmm: unknown command '%s'; see 'realm-vmm --help'\n", argv[1]);
	return 2;
}
