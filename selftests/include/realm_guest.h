/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hand-assembled realm guests for the kvm-realm selftests, and the VMM side
 * that runs them.  There is no cross toolchain for the guest in a selftest,
 * so a guest is a page of AArch64 instructions emitted by the helpers below.
 *
 * vm_build() populates (measured) the guest at REALM_TEST_RAM_BASE with a
 * zeroed page behind it and starts one REC at its first instruction.  Realm
 * memory is private, so guests report to the test by storing to
 * REALM_GUEST_MMIO: unprotected and not mapped, every access there is an
 * MMIO exit the test can check, then complete with vm_mmio_store().
 */
#ifndef SELFTEST_REALM_GUEST_H
#define SELFTEST_REALM_GUEST_H

#include <stdint.h>

#include "realm_util.h"

#define REALM_GUEST_MMIO	REALM_UNPROTECTED(0x09000000UL)

/* ------------------------------------------------------------ assembler */

struct prog {
	uint32_t insn[1024];	/* one page */
	unsigned int n;
};

void emit(struct prog *p, uint32_t insn);
void mov64(struct prog *p, unsigned int rd, uint64_t v);
void smc(struct prog *p);
void spin(struct prog *p);

/* STR/LDR Xt / Wt, [Xn, #off] (unsigned, scaled offset). */
void str64(struct prog *p, unsigned int rt, unsigned int rn, unsigned int off);
void ldr64(struct prog *p, unsigned int rt, unsigned int rn, unsigned int off);
void str32(struct prog *p, unsigned int rt, unsigned int rn, unsigned int off);
void ldr32(struct prog *p, unsigned int rt, unsigned int rn, unsigned int off);

/* MRS / MSR Xt, <op0, op1, CRn, CRm, op2> */
#define SYSREG(op0, op1, crn, crm, op2) \
	((op0) << 19 | (op1) << 16 | (crn) << 12 | (crm) << 8 | (op2) << 5)

void mrs(struct prog *p, unsigned int rt, uint32_t reg);
void msr(struct prog *p, uint32_t reg, unsigned int rt);

/* ------------------------------------------------------------ the VMM side */

struct rmi_rec_run;

struct vm {
	int dev, realm, rec;
	struct kvm_realm_run *run;
};

/* 0 or -errno; on failure what was created so far is left to process exit. */
int vm_build(struct vm *vm, const struct prog *p);
void vm_destroy(struct vm *vm);

/* The RMM's view of the REC's entry and exit, shared through vm->run. */
struct rmi_rec_run *rec_run(struct vm *vm);
int vm_run(struct vm *vm);

/* RUN, expect a store to REALM_GUEST_MMIO; return its value and complete it. */
int vm_mmio_store(struct vm *vm, uint64_t *data);

#endif /* SELFTEST_REALM_GUEST_H */
