// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>

#include <json-c/json_c_version.h>
#include <liburing.h>

#include <abi/rmi.h>

#include "vmm/builtin.h"

int cmd_version(int argc, char **argv)
{
	char uring[16] = "< 2.4";

	(void)argc;
	(void)argv;
	/* liburing reports its version from 2.4; the host build (tests) has 2.3. */
#ifdef IO_URING_VERSION_MAJOR
	snprintf(uring, sizeof(uring), "%d.%d", io_uring_major_version(),
		 io_uring_minor_version());
#endif
	printf("realm-vmm %s (RMI %u.%u, json-c %s, liburing %s)\n",
	       REALM_STACK_VERSION,
	       (unsigned int)RMI_ABI_VERSION_MAJOR(RMI_ABI_VERSION_1_0),
	       (unsigned int)RMI_ABI_VERSION_MINOR(RMI_ABI_VERSION_1_0),
	       json_c_version(), uring);
	return 0;
}
