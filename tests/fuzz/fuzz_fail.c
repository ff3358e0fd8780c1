#include "config.h"

#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}
