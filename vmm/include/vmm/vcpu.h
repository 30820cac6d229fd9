/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_VCPU_H
#define VMM_VCPU_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <linux/kvm-realm.h>

#include "vmm/realm.h"

struct gic;

enum vm_end {
	VM_RUNNING,
	VM_SYSTEM_OFF,		/* PSCI SYSTEM_OFF from the realm */
	VM_SYSTEM_RESET,	/* PSCI SYSTEM_RESET: the realm cannot restart */
	VM_FAILED,		/* a vCPU hit an error; vm->error says which */
};

#define VCPU_EXIT_REASONS	(KVM_REALM_EXIT_SYSREG + 1)

struct vcpu {
	struct vm *vm;
	unsigned int index;
	uint64_t mpidr;
	int fd;
	struct kvm_realm_run *run;
	pthread_t thread;
	bool thread_started;
	bool on;		/* runnable in the realm's view (PSCI) */
	/* RUN returns by KVM_REALM_EXIT_* (0 = handled in the kernel, or none). */
	uint64_t exits[VCPU_EXIT_REASONS];
};

/* A running realm: the realm, its devices and one thread per REC. */
struct vm {
	struct realm realm;
	struct gic *gic;
	struct vcpu cpus[64];
	unsigned int nr_cpus;

	pthread_mutex_t lock;
	pthread_cond_t cond;
	enum vm_end end;
	char error[256];
};

/*
 * Map every REC's run area and start REC 0's thread; the others start when
 * the realm's PSCI CPU_ON names them.  Returns 0 or -errno (@vm->error).
 */
int vm__start(struct vm *vm);

/* Wait until the realm turns itself off or a vCPU fails; stop every thread. */
enum vm_end vm__wait(struct vm *vm);

/* Ask every vCPU to stop (signals, SIGTERM); safe from any thread. */
void vm__stop(struct vm *vm, enum vm_end end, const char *why);

#endif /* VMM_VCPU_H */
