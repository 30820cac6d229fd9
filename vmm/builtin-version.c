// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>

#include <json-c/json_c_version.h>
#include <liburing.h>

#include <abi/rmi.h>

#include "vmm/builtin.h"

int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("realm-vmm %s (RMI %u.%u, json-c %s, liburing %d.%d)\n",
	       REALM_STACK_VERSION,
	       (unsigned int)RMI_ABI_VERSION_MAJOR(RMI_ABI_VERSION_1_0),
	       (unsigned int)RMI_ABI_VERSION_MINOR(RMI_ABI_VERSION_1_0),
	       json_c_version(), io_uring_major_version(),
	       io_uring_minor_version());
	return 0;
}
