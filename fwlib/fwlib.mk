# SPDX-License-Identifier: GPL-2.0-only
# fwlib.mk - the firmware's support libraries, built freestanding.
#
# Included by a firmware Makefile (monitor/, rmm-firmware/) after
# tools/firmware.mk, with O set to that firmware's output directory.  Gives:
#   $(FWLIB_LIBS)     libfwc.a (fwlib/libc) and libfdt.a (Debian's libfdt)
#   $(FWLIB_CFLAGS)   include flags for code that uses them
# libfdt is compiled from the device-tree-compiler source named by
# LIBFDT_DIR in .cache/env.mk; nothing from it is copied into the tree.

FWLIB_DIR	:= $(TOP)/fwlib
FWLIB_O		:= $(O)/fwlib
-include $(TOP)/.cache/env.mk
ifeq ($(LIBFDT_DIR),)
$(error LIBFDT_DIR is not set: run 'make bootstrap' to fetch the libfdt source)
endif

FWLIB_CFLAGS	:= -I$(FWLIB_DIR)/libc/include -I$(LIBFDT_DIR)

# fdt_overlay.c (needs strtoul and a writable scratch model we do not use)
# and fdt_check.c are left out: the firmware only reads and edits a tree.
LIBFDT_SRCS	:= fdt.c fdt_ro.c fdt_wip.c fdt_sw.c fdt_rw.c fdt_strerror.c \
		   fdt_empty_tree.c fdt_addresses.c
LIBFDT_OBJS	:= $(LIBFDT_SRCS:%.c=$(FWLIB_O)/libfdt/%.o)
LIBFWC_OBJS	:= $(FWLIB_O)/libc/string.o

FWLIB_LIBS	:= $(FWLIB_O)/libfwc.a $(FWLIB_O)/libfdt.a

$(FWLIB_O)/libfdt/%.o: $(LIBFDT_DIR)/%.c
	@mkdir -p $(dir $@)
	$(FW_CC) $(FW_CFLAGS) $(FWLIB_CFLAGS) -c -o $@ $<

$(FWLIB_O)/libc/%.o: $(FWLIB_DIR)/libc/%.c
	@mkdir -p $(dir $@)
	$(FW_CC) $(FW_CFLAGS) $(FWLIB_CFLAGS) -c -o $@ $<

$(FWLIB_O)/libfdt.a: $(LIBFDT_OBJS)
	@rm -f $@
	$(CROSS_COMPILE)ar rcs $@ $^

$(FWLIB_O)/libfwc.a: $(LIBFWC_OBJS)
	@rm -f $@
	$(CROSS_COMPILE)ar rcs $@ $^

-include $(LIBFDT_OBJS:.o=.d) $(LIBFWC_OBJS:.o=.d)
