/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The table of every SMCCC function ID the ABI headers define, each with
 * the value transcribed from the reference and its interface.  Defined once
 * in abi-fid-table.c; checked value by value by test_abi_fids.c and against
 * the reference markdown and the headers' own macros by
 * test_abi_reference.c.
 */
#ifndef TESTS_ABI_ABI_FID_TABLE_H
#define TESTS_ABI_ABI_FID_TABLE_H

#include <stdint.h>

enum fid_class {
	FID_RMI_1_0,
	FID_RMI_1_1,
	FID_RSI_1_0,
	FID_RSI_1_1,
	FID_RMM_EL3,
	FID_PSCI,
	FID_SMCCC_ARCH,
};

struct fid_check {
	const char *name;
	uint32_t value;		/* from the header */
	uint32_t expected;	/* transcribed from the reference */
	enum fid_class cls;
};

/* Entries in fids[]; abi-fid-table.c checks it at compile time. */
#define NR_FIDS		140

/*
 * Sized, so the tests can take ARRAY_LEN(fids).  abi-fid-table.c defines
 * the table without this declaration in view, letting its initializer set
 * the size: a sized declaration would silently zero-pad a short table.
 */
#ifndef ABI_FID_TABLE_DEFINITION
extern const struct fid_check fids[NR_FIDS];
#endif

#endif /* TESTS_ABI_ABI_FID_TABLE_H */
