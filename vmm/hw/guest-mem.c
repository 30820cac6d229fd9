// SPDX-License-Identifier: GPL-2.0-only
/*
 * Shared guest memory: unprotected IPA -> host pointer.  Linux shares
 * memory in a few large pieces (the SWIOTLB pool, coherent DMA pages), so
 * a small table scanned linearly is enough.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "vmm/guest-mem.h"
#include "vmm/util.h"

#define GUEST_MEM_MAX_REGIONS	256

struct shared_region {
	uint64_t ipa, size;	/* size 0: free slot */
	uint8_t *host;
};

static struct shared_region regions[GUEST_MEM_MAX_REGIONS];
static pthread_rwlock_t guest_mem_lock = PTHREAD_RWLOCK_INITIALIZER;

static struct shared_region *guest_mem__free_slot(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(regions); i++)
		if (!regions[i].size)
			return &regions[i];
	return NULL;
}

int guest_mem__register_shared(uint64_t ipa, uint64_t size, void *host)
{
	struct shared_region *slot;
	uint64_t last = ipa + size - 1;
	unsigned int i;
	int ret = 0;

	if (!size || last < ipa || !host)
		return -EINVAL;
	pthread_rwlock_wrlock(&guest_mem_lock);
	for (i = 0; i < ARRAY_SIZE(regions); i++) {
		const struct shared_region *r = &regions[i];

		if (r->size && ipa <= r->ipa + r->size - 1 && r->ipa <= last) {
			ret = -EEXIST;
			goto out;
		}
	}
	slot = guest_mem__free_slot();
	if (!slot)
		ret = -ENOSPC;
	else
		*slot = (struct shared_region){ ipa, size, host };
out:
	pthread_rwlock_unlock(&guest_mem_lock);
	return ret;
}

int guest_mem__unregister_shared(uint64_t ipa, uint64_t size)
{
	uint64_t end = ipa + size;
	unsigned int i;
	int ret = 0;

	if (!size || end < ipa)
		return -EINVAL;
	pthread_rwlock_wrlock(&guest_mem_lock);
	for (i = 0; i < ARRAY_SIZE(regions); i++) {
		struct shared_region *r = &regions[i];
		uint64_t r_end = r->ipa + r->size;

		if (!r->size || r_end <= ipa || r->ipa >= end)
			continue;
		if (r->ipa < ipa && r_end > end) {
			/* The hole is in the middle: keep both ends. */
			struct shared_region *tail = guest_mem__free_slot();

			if (!tail) {
				ret = -ENOSPC;
				break;
			}
			*tail = (struct shared_region){ end, r_end - end, r->host + (end - r->ipa) };
			r->size = ipa - r->ipa;
		} else if (r->ipa < ipa) {
			r->size = ipa - r->ipa;
		} else if (r_end > end) {
			r->host += end - r->ipa;
			r->size = r_end - end;
			r->ipa = end;
		} else {
			r->size = 0;
		}
	}
	pthread_rwlock_unlock(&guest_mem_lock);
	return ret;
}

void *guest_mem__shared_ptr(uint64_t ipa, size_t len)
{
	void *ptr = NULL;
	unsigned int i;

	pthread_rwlock_rdlock(&guest_mem_lock);
	for (i = 0; i < ARRAY_SIZE(regions); i++) {
		const struct shared_region *r = &regions[i];
		uint64_t off;

		if (!r->size || ipa < r->ipa)
			continue;
		off = ipa - r->ipa;
		/* Written so that no sum can wrap: off < size, len <= size - off. */
		if (off < r->size && len <= r->size - off) {
			ptr = r->host + off;
			break;
		}
	}
	pthread_rwlock_unlock(&guest_mem_lock);
	return ptr;
}

void guest_mem__reset(void)
{
	pthread_rwlock_wrlock(&guest_mem_lock);
	memset(regions, 0, sizeof(regions));
	pthread_rwlock_unlock(&guest_mem_lock);
}
