/* Shared by the benchmark programs in bench/. */
#ifndef FW_BENCH_H
#define FW_BENCH_H

#include <stddef.h>

/* A monotonic clock in milliseconds. */
double bench_now_ms(void);

/* Sorts the n values at t in place and returns their median. */
double bench_median(double *t, size_t n);

#endif
