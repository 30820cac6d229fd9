/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_SEMIHOSTING_H
#define MONITOR_SEMIHOSTING_H

/* End the emulation (QEMU -semihosting) with this exit status. */
void __attribute__((noreturn)) semihost_exit(unsigned int status);

#endif /* MONITOR_SEMIHOSTING_H */
