#include "config.h"

#include "fw_pages.h"

#include <stdint.h>
#include <sys/mman.h>

#include "fw_util.h"

void *
fw_pages_alloc(void)
{
	size_t len = 2 * FW_PAGES_BLOCK, head;
	char *p, *block;

	/* Twice the size, to cut an aligned block out of: the kernel gives
	 * a huge page only to a range that covers one whole. */
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	if (p == MAP_FAILED)
		fw_oom();
	head = (FW_PAGES_BLOCK - (uintptr_t)p % FW_PAGES_BLOCK) %
	    FW_PAGES_BLOCK;
	block = p + head;
	if (head > 0)
		munmap(p, head);
	munmap(block + FW_PAGES_BLOCK, len - head - FW_PAGES_BLOCK);
#ifdef MADV_HUGEPAGE
	/* Only a hint: where transparent huge pages are off, this fails and
	 * the block is faulted in by small pages, as malloc's would be. */
	madvise(block, FW_PAGES_BLOCK, MADV_HUGEPAGE);
#endif
	return block;
}

void
fw_pages_free(void *block)
{
	if (block != NULL)
		munmap(block, FW_PAGES_BLOCK);
}
