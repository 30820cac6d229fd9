// SPDX-License-Identifier: GPL-2.0-only
/*
 * One thread per REC: enter it with KVM_REALM_RUN, handle what comes back.
 *
 *	gic__fill_lrs()  ->  KVM_REALM_RUN  ->  gic__sync_from_exit()
 *	                                        timer__update()
 *	                                        the exit: MMIO, PSCI, SGI, ...
 *
 * A device or another vCPU that makes an interrupt deliverable to this one
 * kicks it: immediate_exit plus SIGUSR1, so that a RUN in progress returns
 * with EINTR and the new interrupt gets into the list registers.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <abi/psci.h>

#include "vmm/gic.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/timer.h"
#include "vmm/vcpu.h"
#include "vmm/util.h"

#define VCPU_KICK_SIGNAL	SIGUSR1
/* ESR_EL2.EC of a trapped MSR/MRS (the SGI register writes). */
#define ESR_EC(esr)		(((esr) >> 26) & 0x3f)

static struct rmi_rec_run *vcpu__rec(struct vcpu *v)
{
	return (struct rmi_rec_run *)v->run->rec;
}

static void vcpu__kick(void *arg)
{
	struct vcpu *v = arg;

	__atomic_store_n(&v->run->immediate_exit, 1, __ATOMIC_SEQ_CST);
	if (v->thread_started)
		pthread_kill(v->thread, VCPU_KICK_SIGNAL);
}

void vm__stop(struct vm *vm, enum vm_end end, const char *why)
{
	unsigned int i;

	pthread_mutex_lock(&vm->lock);
	if (vm->end == VM_RUNNING) {
		vm->end = end;
		if (why)
			snprintf(vm->error, sizeof(vm->error), "%s", why);
	}
	pthread_cond_broadcast(&vm->cond);
	pthread_mutex_unlock(&vm->lock);
	for (i = 0; i < vm->nr_cpus; i++)
		gic__kick_cpu(vm->gic, i);
}

static bool vm__running(struct vm *vm)
{
	return __atomic_load_n(&vm->end, __ATOMIC_ACQUIRE) == VM_RUNNING;
}

static void vcpu__fail(struct vcpu *v, const char *what, int err)
{
	char why[256];

	snprintf(why, sizeof(why), "vCPU %u: %s: %s", v->index, what, strerror(err));
	vm__stop(v->vm, VM_FAILED, why);
}

static void vcpu__mmio(struct vcpu *v)
{
	struct rmi_rec_run *rr = vcpu__rec(v);
	struct kvm_realm_run *run = v->run;
	uint64_t addr, data = run->mmio_data;
	int ret = -ENOENT;

	if (vmm_layout__mmio_addr(v->vm->realm.layout, run->mmio_ipa, &addr))
		ret = mmio__dispatch(addr, run->mmio_is_write, run->mmio_len, &data);
	if (ret) {
		/* Nothing there: the realm gets a synchronous external abort. */
		rr->enter.flags |= RMI_REC_ENTER_INJECT_SEA;
		return;
	}
	if (!run->mmio_is_write)
		rr->enter.gprs[0] = data;
	rr->enter.flags |= RMI_REC_ENTER_EMUL_MMIO;
}

static struct vcpu *vm__cpu_by_mpidr(struct vm *vm, uint64_t mpidr)
{
	unsigned int i;

	for (i = 0; i < vm->nr_cpus; i++)
		if (vm->cpus[i].mpidr == (mpidr & RMI_REC_MPIDR_VALID_MASK))
			return &vm->cpus[i];
	return NULL;
}

static int vcpu__psci_complete(struct vcpu *v, uint64_t target, int32_t status)
{
	struct kvm_realm_psci_complete pc = { .target_mpidr = target, .status = status };

	return ioctl(v->fd, KVM_REALM_PSCI_COMPLETE, &pc) < 0 ? -errno : 0;
}

static void *vcpu__thread(void *arg);

static int vcpu__start_thread(struct vcpu *v)
{
	int ret;

	if (v->thread_started)
		return 0;
	v->thread_started = true;
	ret = pthread_create(&v->thread, NULL, vcpu__thread, v);
	if (ret)
		v->thread_started = false;
	return -ret;
}

/*
 * The RMM answers PSCI itself and asks the host only what it cannot know:
 * whether CPU_ON may start the target (always, for an existing vCPU) and,
 * through AFFINITY_INFO, nothing more than a completion.
 */
static void vcpu__psci(struct vcpu *v)
{
	struct rmi_rec_run *rr = vcpu__rec(v);
	uint64_t fid = rr->exit.gprs[0], target = rr->exit.gprs[1];
	struct vm *vm = v->vm;
	struct vcpu *t;
	int ret;

	switch (fid) {
	case PSCI_FID_CPU_ON_64:
	case PSCI_FID_CPU_ON_32:
		t = vm__cpu_by_mpidr(vm, target);
		ret = vcpu__psci_complete(v, target, t ? PSCI_E_SUCCESS : PSCI_E_DENIED);
		if (ret) {
			vcpu__fail(v, "KVM_REALM_PSCI_COMPLETE(CPU_ON)", -ret);
			return;
		}
		if (!t)
			return;
		pthread_mutex_lock(&vm->lock);
		t->on = true;
		pthread_cond_broadcast(&vm->cond);
		pthread_mutex_unlock(&vm->lock);
		ret = vcpu__start_thread(t);
		if (ret)
			vcpu__fail(t, "pthread_create", -ret);
		return;
	case PSCI_FID_AFFINITY_INFO_64:
	case PSCI_FID_AFFINITY_INFO_32:
		ret = vcpu__psci_complete(v, target, PSCI_E_SUCCESS);
		if (ret)
			vcpu__fail(v, "KVM_REALM_PSCI_COMPLETE(AFFINITY_INFO)", -ret);
		return;
	case PSCI_FID_CPU_OFF:
		/* The REC is no longer runnable; wait for a CPU_ON naming it. */
		pthread_mutex_lock(&vm->lock);
		v->on = false;
		while (!v->on && vm__running(vm))
			pthread_cond_wait(&vm->cond, &vm->lock);
		pthread_mutex_unlock(&vm->lock);
		return;
	}
	/* CPU_SUSPEND and the rest: the RMM already answered the realm. */
}

static void vcpu__host_call(struct vcpu *v)
{
	struct rmi_rec_run *rr = vcpu__rec(v);
	unsigned int i;

	/* No host call is defined: the realm gets its registers back, x0 = NOT_SUPPORTED. */
	for (i = 0; i < RMI_REC_GPRS; i++)
		rr->enter.gprs[i] = rr->exit.gprs[i];
	rr->enter.gprs[0] = (uint64_t)(int64_t)SMCCC_E_NOT_SUPPORTED;
}

static void vcpu__ripas(struct vcpu *v)
{
	struct rmi_rec_run *rr = vcpu__rec(v);

	if (realm__ripas_change(&v->vm->realm, rr->exit.ripas_base, rr->exit.ripas_top,
				rr->exit.ripas_value))
		rr->enter.flags |= RMI_REC_ENTER_RIPAS_RESPONSE;	/* reject */
	else
		rr->enter.flags &= ~RMI_REC_ENTER_RIPAS_RESPONSE;
}

/* Returns false when the vCPU must stop. */
static bool vcpu__handle_exit(struct vcpu *v)
{
	struct rmi_rec_run *rr = vcpu__rec(v);
	struct vm *vm = v->vm;
	uint64_t deadline;

	switch (v->run->exit_reason) {
	case KVM_REALM_EXIT_MMIO:
		vcpu__mmio(v);
		break;
	case KVM_REALM_EXIT_PSCI:
		vcpu__psci(v);
		break;
	case KVM_REALM_EXIT_HOST_CALL:
		vcpu__host_call(v);
		break;
	case KVM_REALM_EXIT_RIPAS_CHANGE:
		vcpu__ripas(v);
		break;
	case KVM_REALM_EXIT_SYSREG:
		if (ESR_EC(rr->exit.esr) != 0x18 ||
		    gic__handle_sysreg(vm->gic, v->index, rr->exit.esr, rr->exit.gprs[0]))
			rr->enter.flags |= RMI_REC_ENTER_INJECT_SEA;
		break;
	case KVM_REALM_EXIT_WFI:
		deadline = timer__next_deadline_ns(&rr->exit);
		gic__wait(vm->gic, v->index, deadline);
		break;
	case KVM_REALM_EXIT_SYSTEM_OFF:
		vm__stop(vm, rr->exit.gprs[0] == PSCI_FID_SYSTEM_RESET ?
			 VM_SYSTEM_RESET : VM_SYSTEM_OFF, NULL);
		return false;
	case KVM_REALM_EXIT_SERROR:
		vm__stop(vm, VM_FAILED, "the realm took an SError");
		return false;
	case KVM_REALM_EXIT_TIMER:
	case KVM_REALM_EXIT_INTR:
	default:
		break;
	}
	return true;
}

static void *vcpu__thread(void *arg)
{
	struct vcpu *v = arg;
	struct vm *vm = v->vm;
	struct rmi_rec_run *rr = vcpu__rec(v);
	sigset_t set;

	/* Only vCPU threads take the kick signal, and only to interrupt RUN. */
	sigemptyset(&set);
	sigaddset(&set, VCPU_KICK_SIGNAL);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);

	while (vm__running(vm)) {
		gic__fill_lrs(vm->gic, v->index, &rr->enter);
		if (ioctl(v->fd, KVM_REALM_RUN, 0) < 0 && errno != EINTR) {
			if (errno == EBUSY && !vm__running(vm))
				break;
			vcpu__fail(v, "KVM_REALM_RUN", errno);
			break;
		}
		__atomic_store_n(&v->run->immediate_exit, 0, __ATOMIC_SEQ_CST);
		if (v->run->exit_reason < VCPU_EXIT_REASONS)
			v->exits[v->run->exit_reason]++;
		if (v->run->rmi_exit_reason != KVM_REALM_RMI_EXIT_NONE) {
			gic__sync_from_exit(vm->gic, v->index, &rr->exit);
			timer__update(vm->gic, v->index, &rr->exit);
		}
		if (!vcpu__handle_exit(v))
			break;
	}
	return NULL;
}

static void vcpu__kick_handler(int sig)
{
	(void)sig;	/* only there to make a blocking ioctl return EINTR */
}

int vm__start(struct vm *vm)
{
	struct sigaction sa = { .sa_handler = vcpu__kick_handler };
	sigset_t set;
	unsigned int i;
	struct vcpu *v;
	void *p;
	int ret;

	pthread_mutex_init(&vm->lock, NULL);
	pthread_cond_init(&vm->cond, NULL);
	vm->end = VM_RUNNING;
	/* No SA_RESTART: the kick must interrupt KVM_REALM_RUN. */
	sigaction(VCPU_KICK_SIGNAL, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, VCPU_KICK_SIGNAL);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	for (i = 0; i < vm->nr_cpus; i++) {
		v = &vm->cpus[i];
		v->vm = vm;
		v->index = i;
		v->mpidr = vmm_cpu__mpidr(i);
		v->fd = vm->realm.rec_fds[i];
		p = mmap(NULL, sizeof(struct kvm_realm_run), PROT_READ | PROT_WRITE,
			 MAP_SHARED, v->fd, 0);
		if (p == MAP_FAILED) {
			snprintf(vm->error, sizeof(vm->error), "mmap of REC %u: %s", i,
				 strerror(errno));
			return -errno;
		}
		v->run = p;
		gic__set_kick(vm->gic, i, vcpu__kick, v);
	}
	vm->cpus[0].on = true;
	ret = vcpu__start_thread(&vm->cpus[0]);
	if (ret)
		snprintf(vm->error, sizeof(vm->error), "pthread_create: %s", strerror(-ret));
	return ret;
}

enum vm_end vm__wait(struct vm *vm)
{
	unsigned int i;

	pthread_mutex_lock(&vm->lock);
	while (vm->end == VM_RUNNING)
		pthread_cond_wait(&vm->cond, &vm->lock);
	pthread_mutex_unlock(&vm->lock);

	for (i = 0; i < vm->nr_cpus; i++) {
		gic__set_kick(vm->gic, i, NULL, NULL);
		if (vm->cpus[i].thread_started) {
			vcpu__kick(&vm->cpus[i]);
			pthread_join(vm->cpus[i].thread, NULL);
		}
		if (vm->cpus[i].run)
			munmap(vm->cpus[i].run, sizeof(struct kvm_realm_run));
		vm->cpus[i].run = NULL;
	}
	return vm->end;
}
