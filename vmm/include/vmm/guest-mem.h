/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_GUEST_MEM_H
#define VMM_GUEST_MEM_H

/*
 * Guest memory the VMM can touch.
 *
 * A realm's RAM is private: the staging buffer the VMM copies the kernel,
 * initrd and DTB from (KVM_REALM_POPULATE) is never the guest's memory and
 * means nothing once the realm runs.  The only guest memory the host can
 * read or write is what the realm shares, in the unprotected half of its
 * IPA space, backed by VMM pages mapped with KVM_REALM_MAP_SHARED.  Every
 * DMA address a realm driver hands to a device (virtio rings, SWIOTLB
 * bounce buffers) is such an unprotected IPA, so the device models look
 * guest addresses up here and nowhere else.
 *
 * The run loop registers a region right after a successful MAP_SHARED and
 * unregisters it before UNMAP_SHARED.  The host memory behind a region must
 * stay mapped in the VMM for as long as the realm lives: a device may still
 * hold a pointer it looked up just before the region went away (the worst
 * that can then happen is a write to memory the guest no longer shares).
 */
#include <stddef.h>
#include <stdint.h>

/*
 * Register [ipa, ipa + size) (unprotected IPAs, top bit set) as backed by
 * @host.  -EINVAL for an empty or wrapping range, -EEXIST on overlap,
 * -ENOSPC when the table is full.
 */
int guest_mem__register_shared(uint64_t ipa, uint64_t size, void *host);

/*
 * Forget every region inside [ipa, ipa + size); a region that straddles
 * the range is split or trimmed, so unmapping a sub-range works.
 * Returns 0 or -ENOSPC (no room to split).
 */
int guest_mem__unregister_shared(uint64_t ipa, uint64_t size);

/*
 * The host address of [ipa, ipa + len), or NULL unless the whole range lies
 * inside one shared region (a zero @len still needs @ipa inside one).
 * Thread-safe; this is the only way device models reach guest memory.
 */
void *guest_mem__shared_ptr(uint64_t ipa, size_t len);

/* Forget every region (tests, teardown). */
void guest_mem__reset(void);

#endif /* VMM_GUEST_MEM_H */
