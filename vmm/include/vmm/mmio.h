/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_MMIO_H
#define VMM_MMIO_H

/*
 * The MMIO bus: emulated devices claim ranges of the (protected, i.e.
 * alias-stripped) IPA space and the vCPU run loop hands every
 * KVM_REALM_EXIT_MMIO to mmio__dispatch().
 *
 * Devices register during set-up, before any vCPU thread runs; dispatch
 * may then be called from every vCPU thread at once.  The bus takes no
 * device lock: each device serialises its own state.
 */
#include <stdbool.h>
#include <stdint.h>

/*
 * @offset is relative to the registered base.  Return 0, or -errno for an
 * access the device refuses outright (the run loop injects an abort, as
 * for an unclaimed address).  Reads of registers a model lacks should
 * return 0 (RAZ/WI) rather than fail: Linux probes more than it uses.
 */
struct mmio_ops {
	int (*read)(void *dev, uint64_t offset, unsigned int len, uint64_t *data);
	int (*write)(void *dev, uint64_t offset, unsigned int len, uint64_t data);
};

/* Claim [base, base + len).  -EINVAL for an empty or wrapping range,
 * -EEXIST if it overlaps a registered one, -ENOSPC if the bus is full. */
int mmio__register(uint64_t base, uint64_t len, const struct mmio_ops *ops, void *dev);

/* Release the range registered at exactly @base; -ENOENT if there is none. */
int mmio__unregister(uint64_t base);

/*
 * Emulate one access of @len bytes (1, 2, 4 or 8) at @addr (the alias bit
 * already stripped, see vmm_layout__mmio_addr()).  A read stores the value
 * zero-extended in *data; a write takes it from *data.  Returns 0,
 * -ENOENT if no device claims all of [addr, addr + len) (the run loop
 * injects an abort), -EINVAL for another size, or the device's -errno.
 */
int mmio__dispatch(uint64_t addr, bool is_write, unsigned int len, uint64_t *data);

/* Forget every registration (tests, and teardown). */
void mmio__reset(void);

#endif /* VMM_MMIO_H */
