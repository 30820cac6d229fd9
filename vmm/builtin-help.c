// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>

#include "vmm/builtin.h"

int cmd_help(int argc, char **argv)
{
	unsigned int i;

	(void)argc;
	(void)argv;
	printf("usage: realm-vmm <command> [options]\n\ncommands:\n");
	for (i = 0; i < vmm_command_count; i++)
		printf("  %-10s %s\n", vmm_commands[i].name, vmm_commands[i].summary);
	printf("\n'realm-vmm --version' is 'realm-vmm version'.\n");
	return 0;
}
