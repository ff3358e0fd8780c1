#ifndef FW_PAGES_H
#define FW_PAGES_H

#include <stddef.h>

/*
 * Large blocks of memory straight from the kernel, aligned to and asked
 * for in huge pages where it has them. A large checklist touches some
 * 8 MiB of new memory; in 4 KiB pages that is 2,000 page faults, which
 * on a virtual machine cost more than building the checklist itself.
 */

/* The size fw_pages_alloc() hands out: one huge page on x86-64 Linux. */
#define FW_PAGES_BLOCK ((size_t)2 * 1024 * 1024)

/* A block of FW_PAGES_BLOCK bytes, zeroed; never NULL (fw_oom()). */
void *fw_pages_alloc(void);
void fw_pages_free(void *);

#endif
