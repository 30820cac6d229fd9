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
CACHE	?= $(TOP)/.cache
-include $(CACHE)/env.mk
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

# ------------------------------------------------------------------ cbor, attest
# Added for attestation (fwlib/cbor, fwlib/attest); the targets above are
# unchanged.  Gives:
#   $(FWLIB_ATTEST_LIBS)    libfwattest.a (COSE/CCA token encoders, COSE_Sign1
#                           ES384 sign/verify), libfwcbor.a, libfwbearssl-ec.a
#   $(FWLIB_BEARSSL_HASH_LIB) libfwbearssl-hash.a: BearSSL SHA-2 + codecs.  Only
#                           for firmware that does not already compile them
#                           (rmm-firmware does), to avoid duplicate symbols.
#   $(FWLIB_ATTEST_CFLAGS)  include flags (cbor/, attest/, BearSSL's inc/)
# BearSSL is compiled from Debian's source (BEARSSL_DIR), never copied.
FWLIB_ATTEST_CFLAGS := -I$(FWLIB_DIR)/cbor -I$(FWLIB_DIR)/attest \
		       -isystem $(BEARSSL_DIR)/inc

FWLIB_CBOR_OBJS	:= $(patsubst $(FWLIB_DIR)/%.c,$(FWLIB_O)/%.o,$(wildcard $(FWLIB_DIR)/cbor/*.c))
FWLIB_ATT_OBJS	:= $(patsubst $(FWLIB_DIR)/%.c,$(FWLIB_O)/%.o,$(wildcard $(FWLIB_DIR)/attest/*.c))

# ECDSA on the NIST curves with the generic i31 code (P-256 and P-384),
# RFC 6979 nonces (HMAC_DRBG + HMAC), key derivation helpers.
FWLIB_BEARSSL_EC_SRCS := \
	ec/ec_prime_i31.c ec/ec_secp256r1.c ec/ec_secp384r1.c ec/ec_secp521r1.c \
	ec/ec_pubkey.c int/i32_div32.c \
	ec/ec_keygen.c ec/ecdsa_i31_bits.c ec/ecdsa_i31_sign_raw.c \
	ec/ecdsa_i31_vrfy_raw.c rand/hmac_drbg.c mac/hmac.c codec/ccopy.c \
	$(patsubst $(BEARSSL_DIR)/src/%,%,$(wildcard $(BEARSSL_DIR)/src/int/i31_*.c))
FWLIB_BEARSSL_HASH_SRCS := hash/sha2small.c hash/sha2big.c \
	codec/dec32be.c codec/enc32be.c codec/dec64be.c codec/enc64be.c
FWLIB_BEARSSL_EC_OBJS	:= $(FWLIB_BEARSSL_EC_SRCS:%.c=$(FWLIB_O)/bearssl/%.o)
FWLIB_BEARSSL_HASH_OBJS	:= $(FWLIB_BEARSSL_HASH_SRCS:%.c=$(FWLIB_O)/bearssl/%.o)

FWLIB_ATTEST_LIBS	:= $(FWLIB_O)/libfwattest.a $(FWLIB_O)/libfwcbor.a \
			   $(FWLIB_O)/libfwbearssl-ec.a
FWLIB_BEARSSL_HASH_LIB	:= $(FWLIB_O)/libfwbearssl-hash.a

$(FWLIB_O)/cbor/%.o: $(FWLIB_DIR)/cbor/%.c
	@mkdir -p $(dir $@)
	$(FW_CC) $(FW_CFLAGS) $(FWLIB_CFLAGS) $(FWLIB_ATTEST_CFLAGS) -c -o $@ $<

$(FWLIB_O)/attest/%.o: $(FWLIB_DIR)/attest/%.c
	@mkdir -p $(dir $@)
	$(FW_CC) $(FW_CFLAGS) $(FWLIB_CFLAGS) $(FWLIB_ATTEST_CFLAGS) -c -o $@ $<

# Third-party: keep -Wall -Wextra -Werror, drop our stricter prototype rules.
$(FWLIB_O)/bearssl/%.o: $(BEARSSL_DIR)/src/%.c
	@mkdir -p $(dir $@)
	$(FW_CC) $(filter-out -Wstrict-prototypes -Wmissing-prototypes -Wshadow -Wundef,$(FW_CFLAGS)) \
		$(FWLIB_CFLAGS) -isystem $(BEARSSL_DIR)/inc -isystem $(BEARSSL_DIR)/src -c -o $@ $<

$(FWLIB_O)/libfwcbor.a: $(FWLIB_CBOR_OBJS)
	@rm -f $@
	$(CROSS_COMPILE)ar rcs $@ $^

$(FWLIB_O)/libfwattest.a: $(FWLIB_ATT_OBJS)
	@rm -f $@
	$(CROSS_COMPILE)ar rcs $@ $^

$(FWLIB_O)/libfwbearssl-ec.a: $(FWLIB_BEARSSL_EC_OBJS)
	@rm -f $@
	$(CROSS_COMPILE)ar rcs $@ $^

$(FWLIB_O)/libfwbearssl-hash.a: $(FWLIB_BEARSSL_HASH_OBJS)
	@rm -f $@
	$(CROSS_COMPILE)ar rcs $@ $^

-include $(FWLIB_CBOR_OBJS:.o=.d) $(FWLIB_ATT_OBJS:.o=.d)
