// SPDX-License-Identifier: GPL-2.0-only
/*
 * The MMIO bus.  A realm has a handful of devices (UART, GIC distributor,
 * one redistributor region, up to 32 virtio-mmio slots), so a sorted array
 * searched by bisection is all the structure it needs.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "vmm/mmio.h"
#include "vmm/util.h"

#define MMIO_MAX_REGIONS	64

struct mmio_region {
	uint64_t base, len;
	const struct mmio_ops *ops;
	void *dev;
};

static struct mmio_region regions[MMIO_MAX_REGIONS];
static unsigned int nr_regions;
static pthread_rwlock_t mmio_lock = PTHREAD_RWLOCK_INITIALIZER;

/* Index of the first region whose end is above @addr. */
static unsigned int mmio__search(uint64_t addr)
{
	unsigned int lo = 0, hi = nr_regions;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (regions[mid].base + regions[mid].len - 1 < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int mmio__register(uint64_t base, uint64_t len, const struct mmio_ops *ops, void *dev)
{
	unsigned int i;
	int ret = 0;

	if (!len || base + len - 1 < base || !ops || !ops->read || !ops->write)
		return -EINVAL;
	pthread_rwlock_wrlock(&mmio_lock);
	i = mmio__search(base);
	if (nr_regions == MMIO_MAX_REGIONS) {
		ret = -ENOSPC;
	} else if (i < nr_regions && regions[i].base <= base + len - 1) {
		ret = -EEXIST;
	} else {
		memmove(&regions[i + 1], &regions[i], (nr_regions - i) * sizeof(regions[0]));
		regions[i] = (struct mmio_region){ base, len, ops, dev };
		nr_regions++;
	}
	pthread_rwlock_unlock(&mmio_lock);
	return ret;
}

int mmio__unregister(uint64_t base)
{
	unsigned int i;
	int ret = -ENOENT;

	pthread_rwlock_wrlock(&mmio_lock);
	i = mmio__search(base);
	if (i < nr_regions && regions[i].base == base) {
		memmove(&regions[i], &regions[i + 1], (nr_regions - i - 1) * sizeof(regions[0]));
		nr_regions--;
		ret = 0;
	}
	pthread_rwlock_unlock(&mmio_lock);
	return ret;
}

int mmio__dispatch(uint64_t addr, bool is_write, unsigned int len, uint64_t *data)
{
	struct mmio_region r;
	unsigned int i;
	int ret;

	if (len != 1 && len != 2 && len != 4 && len != 8)
		return -EINVAL;
	if (addr + len - 1 < addr)
		return -ENOENT;

	pthread_rwlock_rdlock(&mmio_lock);
	i = mmio__search(addr);
	if (i == nr_regions || regions[i].base > addr ||
	    addr + len - 1 > regions[i].base + regions[i].len - 1) {
		pthread_rwlock_unlock(&mmio_lock);
		return -ENOENT;
	}
	r = regions[i];
	pthread_rwlock_unlock(&mmio_lock);

	if (is_write) {
		uint64_t mask = len == 8 ? ~0ULL : (1ULL << (len * 8)) - 1;

		return r.ops->write(r.dev, addr - r.base, len, *data & mask);
	}
	*data = 0;
	ret = r.ops->read(r.dev, addr - r.base, len, data);
	if (!ret && len < 8)
		*data &= (1ULL << (len * 8)) - 1;
	return ret;
}

void mmio__reset(void)
{
	pthread_rwlock_wrlock(&mmio_lock);
	nr_regions = 0;
	pthread_rwlock_unlock(&mmio_lock);
}
