// SPDX-License-Identifier: GPL-2.0-only
/*
 * REC fds: realm execution contexts (vCPUs) and their run loop.
 *
 * KVM_REALM_RUN enters the REC with RMI_REC_ENTER until something needs
 * userspace.  The kernel handles IRQ/FIQ exits (the host takes the interrupt
 * as soon as it unmasks) and faults on protected memory (a fresh DATA
 * granule); everything the VMM emulates or decides comes back as an exit:
 * MMIO, PSCI, host calls, RIPAS changes, WFI/WFE when trapped, system off.
 * A pending signal ends the loop with -EINTR; calling RUN again continues.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/esr.h>

#include <abi/psci.h>
#include <uapi/linux/kvm-realm.h>

#include "kvm-realm.h"

/* Entry flags that complete one exit; the RMM must not see them twice. */
#define REC_ENTER_ONE_SHOT	(RMI_REC_ENTER_EMUL_MMIO | RMI_REC_ENTER_INJECT_SEA | \
				 RMI_REC_ENTER_RIPAS_RESPONSE)

/* HPFAR_EL2.FIPA holds IPA[55:12] in bits [47:4]. */
#define HPFAR_FIPA_MASK		GENMASK_ULL(47, 4)

static unsigned int rec_mpidr_index(u64 mpidr)
{
	/* Aff3:Aff2:Aff1:Aff0[3:0] concatenated (RMM spec, REC index). */
	return (mpidr & 0xf) | ((mpidr >> 4) & 0xff0) | ((mpidr >> 4) & 0xff000) |
	       ((mpidr >> 4) & 0xff00000);
}

static struct kvm_realm_run *rec_run_area(struct rec *rec)
{
	return page_address(rec->run_pages);
}

static struct rmi_rec_run *rec_rmi_run(struct rec *rec)
{
	return (struct rmi_rec_run *)rec_run_area(rec)->rec;
}

static phys_addr_t rec_rmi_run_pa(struct rec *rec)
{
	return page_to_phys(rec->run_pages) + PAGE_SIZE;
}

/* CNTx_CTL: ENABLE, IMASK, ISTATUS */
#define CNT_CTL_FIRING(ctl)	(((ctl) & 7) == 5)

/*
 * The realm's timers are the hardware's while it runs; the interrupt they
 * raise is a physical one the host takes (an IRQ exit).  Delivering it to
 * the realm is the VMM's job (it owns the virtual GIC), so an IRQ exit with
 * a timer whose condition is met goes to userspace.
 */
static bool rec_timer_firing(const struct rmi_rec_exit *exit)
{
	return CNT_CTL_FIRING(READ_ONCE(exit->cntv_ctl)) ||
	       CNT_CTL_FIRING(READ_ONCE(exit->cntp_ctl));
}

/* Returns 1 to re-enter, 0 to exit to userspace, or -errno. */
static int rec_handle_abort(struct rec *rec, struct kvm_realm_run *run, u64 esr)
{
	struct rmi_rec_exit *exit = &rec_rmi_run(rec)->exit;
	u64 ipa = (READ_ONCE(exit->hpfar) & HPFAR_FIPA_MASK) << 8;
	int err;

	if (realm_ipa_is_protected(rec->realm, ipa)) {
		/* RIPAS RAM without a granule yet (RIPAS EMPTY faults go to the realm). */
		err = realm_fault_private(rec->realm, ipa);
		return err ? err : 1;
	}
	if (ESR_ELx_EC(esr) != ESR_ELx_EC_DABT_LOW || !(esr & ESR_ELx_ISV)) {
		/* Nothing userspace could emulate: the realm gets an abort. */
		WRITE_ONCE(rec_rmi_run(rec)->enter.flags,
			   READ_ONCE(rec_rmi_run(rec)->enter.flags) | RMI_REC_ENTER_INJECT_SEA);
		return 1;
	}
	run->exit_reason = KVM_REALM_EXIT_MMIO;
	run->mmio_ipa = ipa | (READ_ONCE(exit->far) & ~PAGE_MASK);
	run->mmio_len = 1U << ((esr & ESR_ELx_SAS) >> ESR_ELx_SAS_SHIFT);
	run->mmio_is_write = !!(esr & ESR_ELx_WNR);
	run->mmio_data = run->mmio_is_write ? READ_ONCE(exit->gprs[0]) : 0;
	return 0;
}

static int rec_handle_exit(struct rec *rec, struct kvm_realm_run *run)
{
	struct rmi_rec_exit *exit = &rec_rmi_run(rec)->exit;
	u64 reason = READ_ONCE(exit->exit_reason);
	u64 esr = READ_ONCE(exit->esr);
	u64 fid;

	run->rmi_exit_reason = reason;
	run->exit_reason = KVM_REALM_EXIT_NONE;
	switch (reason) {
	case RMI_EXIT_IRQ:
	case RMI_EXIT_FIQ:
		if (!rec_timer_firing(exit))
			return 1;
		run->exit_reason = KVM_REALM_EXIT_TIMER;
		return 0;
	case RMI_EXIT_SYNC:
		switch (ESR_ELx_EC(esr)) {
		case ESR_ELx_EC_DABT_LOW:
		case ESR_ELx_EC_IABT_LOW:
			return rec_handle_abort(rec, run, esr);
		case ESR_ELx_EC_WFx:
			run->exit_reason = KVM_REALM_EXIT_WFI;
			return 0;
		case ESR_ELx_EC_SYS64:
			/*
			 * The RMM hands the host the system register writes it
			 * does not emulate: ICC_SGI0R/SGI1R/ASGI1R_EL1, i.e.
			 * SGIs, which the VMM's GIC model delivers.
			 */
			run->exit_reason = KVM_REALM_EXIT_SYSREG;
			return 0;
		}
		pr_warn_ratelimited("REC %u: unexpected synchronous exit, ESR %llx\n",
				    rec->index, esr);
		return -EIO;
	case RMI_EXIT_PSCI:
		fid = READ_ONCE(exit->gprs[0]);
		if (fid == PSCI_FID_SYSTEM_OFF || fid == PSCI_FID_SYSTEM_RESET) {
			WRITE_ONCE(rec->realm->state, REALM_SYSTEM_OFF);
			run->exit_reason = KVM_REALM_EXIT_SYSTEM_OFF;
			return 0;
		}
		rec->psci_pending = fid == PSCI_FID_CPU_ON_64 || fid == PSCI_FID_CPU_ON_32 ||
				    fid == PSCI_FID_AFFINITY_INFO_64 ||
				    fid == PSCI_FID_AFFINITY_INFO_32;
		run->exit_reason = KVM_REALM_EXIT_PSCI;
		return 0;
	case RMI_EXIT_RIPAS_CHANGE:
		rec->ripas_pending = true;
		rec->ripas_base = READ_ONCE(exit->ripas_base);
		rec->ripas_top = READ_ONCE(exit->ripas_top);
		rec->ripas_value = READ_ONCE(exit->ripas_value);
		run->exit_reason = KVM_REALM_EXIT_RIPAS_CHANGE;
		return 0;
	case RMI_EXIT_HOST_CALL:
		run->exit_reason = KVM_REALM_EXIT_HOST_CALL;
		return 0;
	case RMI_EXIT_SERROR:
		run->exit_reason = KVM_REALM_EXIT_SERROR;
		return 0;
	}
	pr_warn_ratelimited("REC %u: unknown exit reason %llu\n", rec->index, reason);
	return -EIO;
}

/*
 * Apply an accepted RIPAS change before the REC sees the answer: the RMM
 * reports the realm's request as done only up to what RMI_RTT_SET_RIPAS did.
 */
static int rec_complete_ripas(struct rec *rec)
{
	struct rmi_rec_enter *enter = &rec_rmi_run(rec)->enter;

	rec->ripas_pending = false;
	if (READ_ONCE(enter->flags) & RMI_REC_ENTER_RIPAS_RESPONSE)
		return 0;	/* userspace rejected it */
	return realm_set_ripas(rec->realm, rec->granule, rec->ripas_base, rec->ripas_top);
}

/*
 * Re-entering without userspace: the virtual CPU interface state the REC
 * exited with is the current one (the realm may have acknowledged or
 * completed interrupts), so it becomes the state to enter with.
 */
static void rec_carry_gic_state(struct rec *rec)
{
	struct rmi_rec_run *rr = rec_rmi_run(rec);
	unsigned int i;

	for (i = 0; i < RMI_REC_GIC_NUM_LRS; i++)
		WRITE_ONCE(rr->enter.gicv3_lrs[i], READ_ONCE(rr->exit.gicv3_lrs[i]));
	WRITE_ONCE(rr->enter.gicv3_hcr,
		   READ_ONCE(rr->exit.gicv3_hcr) & RMI_REC_GICV3_HCR_HOST_MASK);
}

static long rec_run(struct rec *rec)
{
	struct kvm_realm_run *run = rec_run_area(rec);
	struct rmi_rec_enter *enter = &rec_rmi_run(rec)->enter;
	int state = READ_ONCE(rec->realm->state);
	bool entered = false;
	u64 ret;
	int r;

	if (state == REALM_SYSTEM_OFF) {
		run->exit_reason = KVM_REALM_EXIT_SYSTEM_OFF;
		return 0;
	}
	if (state != REALM_ACTIVE)
		return -EBUSY;
	if (rec->ripas_pending) {
		r = rec_complete_ripas(rec);
		if (r)
			return r;
	}

	run->rmi_exit_reason = KVM_REALM_RMI_EXIT_NONE;
	for (;;) {
		if (READ_ONCE(run->immediate_exit) || signal_pending(current)) {
			/* rec.exit is current only if this call entered the REC. */
			run->exit_reason = KVM_REALM_EXIT_INTR;
			return -EINTR;
		}
		if (entered)
			rec_carry_gic_state(rec);
		cond_resched();

		local_irq_disable();
		ret = rmi_rec_enter(rec->granule, rec_rmi_run_pa(rec));
		local_irq_enable();
		WRITE_ONCE(enter->flags, READ_ONCE(enter->flags) & ~REC_ENTER_ONE_SHOT);

		if (ret != RMI_SUCCESS) {
			if (RMI_RETURN_STATUS(ret) == RMI_ERROR_REALM) {
				WRITE_ONCE(rec->realm->state, REALM_SYSTEM_OFF);
				run->exit_reason = KVM_REALM_EXIT_SYSTEM_OFF;
				return 0;
			}
			/* ERROR_REC: not runnable, or a PSCI request still pending. */
			return RMI_RETURN_STATUS(ret) == RMI_ERROR_REC ? -EBUSY : -EIO;
		}
		entered = true;
		r = rec_handle_exit(rec, run);
		if (r <= 0)
			return r;
	}
}

static long rec_psci_complete(struct rec *rec, void __user *uarg)
{
	struct kvm_realm_psci_complete pc;
	struct realm *realm = rec->realm;
	struct rec *target;
	unsigned long idx;
	u64 ret;

	if (copy_from_user(&pc, uarg, sizeof(pc)))
		return -EFAULT;
	if (pc.reserved0 || memchr_inv(pc.reserved, 0, sizeof(pc.reserved)))
		return -EINVAL;
	if (pc.status != PSCI_E_SUCCESS && pc.status != PSCI_E_DENIED)
		return -EINVAL;
	if (pc.target_mpidr & ~RMI_REC_MPIDR_VALID_MASK)
		return -EINVAL;
	if (!rec->psci_pending)
		return -EBUSY;

	idx = rec_mpidr_index(pc.target_mpidr);
	mutex_lock(&realm->lock);
	target = xa_load(&realm->recs, idx);
	if (!target) {
		mutex_unlock(&realm->lock);
		return -ENOENT;
	}
	ret = rmi_psci_complete(rec->granule, target->granule, (u64)(s64)pc.status);
	mutex_unlock(&realm->lock);
	if (ret != RMI_SUCCESS)
		return RMI_RETURN_STATUS(ret) == RMI_ERROR_INPUT ? -EINVAL : -EIO;
	rec->psci_pending = false;
	return 0;
}

static long rec_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct rec *rec = file->private_data;
	long ret;

	if (mutex_lock_interruptible(&rec->run_lock))
		return -EINTR;
	switch (cmd) {
	case KVM_REALM_RUN:
		ret = rec_run(rec);
		break;
	case KVM_REALM_PSCI_COMPLETE:
		ret = rec_psci_complete(rec, (void __user *)arg);
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&rec->run_lock);
	return ret;
}

static int rec_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct rec *rec = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != sizeof(struct kvm_realm_run))
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP | VM_DONTCOPY);
	return remap_pfn_range(vma, vma->vm_start, page_to_pfn(rec->run_pages),
			       sizeof(struct kvm_realm_run), vma->vm_page_prot);
}

/* Undelegate a REC's granules; leak (and count) them if the RMM keeps them. */
static void rec_free_granules(struct rec *rec, bool destroyed)
{
	unsigned int i;

	if (!destroyed) {
		atomic64_add(1 + rec->nr_aux, &realm_stats.leaked);
		return;
	}
	granule_undelegate_free(rec->granule);
	for (i = 0; i < rec->nr_aux; i++)
		granule_undelegate_free(rec->aux[i]);
}

static void rec_free(struct rec *rec)
{
	if (rec->run_pages)
		__free_pages(rec->run_pages, 1);
	kfree(rec);
}

static int rec_release(struct inode *inode, struct file *file)
{
	struct rec *rec = file->private_data;
	struct realm *realm = rec->realm;
	u64 ret;

	mutex_lock(&realm->lock);
	xa_erase(&realm->recs, rec->index);
	ret = rmi_rec_destroy(rec->granule);
	WARN(ret != RMI_SUCCESS, "RMI_REC_DESTROY: %s\n", rmi_status_name(ret));
	rec_free_granules(rec, ret == RMI_SUCCESS);
	mutex_unlock(&realm->lock);

	fput(rec->realm_file);
	atomic_dec(&realm_stats.recs);
	rec_free(rec);
	return 0;
}

static const struct file_operations rec_fops = {
	.owner = THIS_MODULE,
	.release = rec_release,
	.unlocked_ioctl = rec_ioctl,
	.compat_ioctl = rec_ioctl,
	.mmap = rec_mmap,
	.llseek = noop_llseek,
};

static int rec_rmi_create(struct realm *realm, struct rec *rec,
			  const struct kvm_realm_rec_create *args)
{
	struct rmi_rec_params *params;
	struct page *params_page;
	unsigned int i;
	u64 ret;
	int err;

	err = granule_alloc_delegated(&rec->granule, GFP_KERNEL);
	if (err)
		return err;
	for (rec->nr_aux = 0; rec->nr_aux < realm->rec_aux_count; rec->nr_aux++) {
		err = granule_alloc_delegated(&rec->aux[rec->nr_aux], GFP_KERNEL);
		if (err)
			goto err_free;
	}

	params_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!params_page) {
		err = -ENOMEM;
		goto err_free;
	}
	params = page_address(params_page);
	params->flags = args->flags & KVM_REALM_REC_RUNNABLE ? RMI_REC_PARAMS_FLAG_RUNNABLE : 0;
	params->mpidr = args->mpidr;
	params->pc = args->pc;
	for (i = 0; i < RMI_REC_PARAMS_GPRS; i++)
		params->gprs[i] = args->gprs[i];
	params->num_aux = rec->nr_aux;
	for (i = 0; i < rec->nr_aux; i++)
		params->aux[i] = rec->aux[i];
	ret = rmi_rec_create(realm->rd, rec->granule, page_to_phys(params_page));
	__free_page(params_page);
	if (ret == RMI_SUCCESS)
		return 0;
	err = RMI_RETURN_STATUS(ret) == RMI_ERROR_INPUT ? -EINVAL : -EIO;

err_free:
	rec_free_granules(rec, true);
	return err;
}

int rec_create_fd(struct realm *realm, struct file *realm_file, const void __user *uarg)
{
	struct kvm_realm_rec_create args;
	struct rec *rec;
	int err, fd;

	lockdep_assert_held(&realm->lock);
	if (copy_from_user(&args, uarg, sizeof(args)))
		return -EFAULT;
	if (args.flags & ~KVM_REALM_REC_RUNNABLE || args.reserved0 ||
	    memchr_inv(args.reserved, 0, sizeof(args.reserved)))
		return -EINVAL;
	if (args.mpidr & ~RMI_REC_MPIDR_VALID_MASK)
		return -EINVAL;
	if (realm->state != REALM_NEW)
		return -EBUSY;
	/* The RMM takes RECs in MPIDR index order: 0, 1, 2, ... */
	if (rec_mpidr_index(args.mpidr) != realm->nr_recs)
		return -EINVAL;

	rec = kzalloc_obj(*rec, GFP_KERNEL_ACCOUNT);
	if (!rec)
		return -ENOMEM;
	mutex_init(&rec->run_lock);
	rec->realm = realm;
	rec->index = realm->nr_recs;
	rec->mpidr = args.mpidr;
	rec->run_pages = alloc_pages(GFP_KERNEL_ACCOUNT | __GFP_ZERO, 1);
	if (!rec->run_pages) {
		err = -ENOMEM;
		goto err_free;
	}
	err = rec_rmi_create(realm, rec, &args);
	if (err)
		goto err_free;
	err = xa_insert(&realm->recs, rec->index, rec, GFP_KERNEL);
	if (err)
		goto err_destroy;

	get_file(realm_file);
	rec->realm_file = realm_file;
	atomic_inc(&realm_stats.recs);
	fd = anon_inode_getfd("kvm-realm-rec", &rec_fops, rec, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		/* rec_release() is not called for an fd that never existed. */
		atomic_dec(&realm_stats.recs);
		fput(realm_file);
		xa_erase(&realm->recs, rec->index);
		err = fd;
		goto err_destroy;
	}
	realm->nr_recs++;
	return fd;

err_destroy:
	if (rmi_rec_destroy(rec->granule) == RMI_SUCCESS)
		rec_free_granules(rec, true);
	else
		rec_free_granules(rec, false);
err_free:
	rec_free(rec);
	return err;
}
