/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test realm's image inside ns-host: page aligned and padded to whole
 * pages, because each page is the source of one RMI_DATA_CREATE.
 */
	.section .rodata.realm_blob, "a"
	.balign	4096
	.global	realm_blob, realm_blob_end
realm_blob:
	.incbin	REALM_BIN
	.balign	4096, 0
realm_blob_end:
