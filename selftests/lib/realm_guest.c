// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <abi/rmi.h>

#include "realm_guest.h"

#define RAM	REALM_TEST_RAM_BASE
#define G	REALM_GRANULE

/* ------------------------------------------------------------ assembler */

void emit(struct prog *p, uint32_t insn)
{
	p->insn[p->n++] = insn;
}

/* MOVZ/MOVK Xd, #imm16, LSL #(16 * hw) for each non-zero chunk. */
void mov64(struct prog *p, unsigned int rd, uint64_t v)
{
	bool first = true;

	for (unsigned int hw = 0; hw < 4; hw++) {
		uint32_t chunk = (v >> (16 * hw)) & 0xFFFF;

		if (!chunk)
			continue;
		emit(p, (first ? 0xD2800000U : 0xF2800000U) | hw << 21 | chunk << 5 | rd);
		first = false;
	}
	if (first)
		emit(p, 0xD2800000U | rd);		/* MOVZ Xd, #0 */
}

void smc(struct prog *p)
{
	emit(p, 0xD4000003U);				/* SMC #0 */
}

void spin(struct prog *p)
{
	emit(p, 0x14000000U);				/* B . */
}

void str64(struct prog *p, unsigned int rt, unsigned int rn, unsigned int off)
{
	emit(p, 0xF9000000U | (off / 8) << 10 | rn << 5 | rt);
}

void ldr64(struct prog *p, unsigned int rt, unsigned int rn, unsigned int off)
{
	emit(p, 0xF9400000U | (off / 8) << 10 | rn << 5 | rt);
}

void str32(struct prog *p, unsigned int rt, unsigned int rn, unsigned int off)
{
	emit(p, 0xB9000000U | (off / 4) << 10 | rn << 5 | rt);
}

void ldr32(struct prog *p, unsigned int rt, unsigned int rn, unsigned int off)
{
	emit(p, 0xB9400000U | (off / 4) << 10 | rn << 5 | rt);
}

void mrs(struct prog *p, unsigned int rt, uint32_t reg)
{
	emit(p, 0xD5300000U | reg | rt);
}

void msr(struct prog *p, uint32_t reg, unsigned int rt)
{
	emit(p, 0xD5100000U | reg | rt);
}

/* ------------------------------------------------------------ the VMM side */

int vm_build(struct vm *vm, const struct prog *p)
{
	struct kvm_realm_caps caps;
	void *page = aligned_alloc(G, 2 * G);

	if (!page)
		return -ENOMEM;
	memset(page, 0, 2 * G);
	memcpy(page, p->insn, p->n * sizeof(p->insn[0]));
	vm->dev = realm_dev_open();
	if (vm->dev < 0)
		return vm->dev;
	if (realm_get_caps(vm->dev, &caps))
		return -EIO;
	vm->realm = realm_create(vm->dev);
	if (vm->realm < 0 || realm_configure_default(vm->realm, &caps) ||
	    realm_init_ripas(vm->realm, RAM, REALM_TEST_RAM_SIZE) ||
	    realm_populate(vm->realm, RAM, 2 * G, page, KVM_REALM_POPULATE_MEASURE))
		return -EIO;
	free(page);
	vm->rec = realm_create_rec(vm->realm, 0, RAM, true);
	if (vm->rec < 0 || __realm_ioctl(vm->realm, KVM_REALM_ACTIVATE, NULL))
		return -EIO;
	vm->run = mmap(NULL, sizeof(*vm->run), PROT_READ | PROT_WRITE, MAP_SHARED, vm->rec, 0);
	return vm->run == MAP_FAILED ? -errno : 0;
}

void vm_destroy(struct vm *vm)
{
	munmap(vm->run, sizeof(*vm->run));
	close(vm->rec);
	close(vm->realm);
	close(vm->dev);
}

struct rmi_rec_run *rec_run(struct vm *vm)
{
	return (struct rmi_rec_run *)vm->run->rec;
}

int vm_run(struct vm *vm)
{
	return __realm_ioctl(vm->rec, KVM_REALM_RUN, NULL);
}

int vm_mmio_store(struct vm *vm, uint64_t *data)
{
	if (vm_run(vm) || vm->run->exit_reason != KVM_REALM_EXIT_MMIO ||
	    vm->run->mmio_ipa != REALM_GUEST_MMIO || !vm->run->mmio_is_write)
		return -1;
	*data = vm->run->mmio_data;
	rec_run(vm)->enter.flags |= RMI_REC_ENTER_EMUL_MMIO;
	return 0;
}
