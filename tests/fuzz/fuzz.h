/*
 * Shared by the libFuzzer targets in tests/fuzz/ and by replay.c, which
 * feeds the seed corpora and the regression inputs through the same
 * targets in make check.
 */
#ifndef FW_FUZZ_H
#define FW_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken promise: prints the message and aborts, so libFuzzer saves the
 * input and the replay test fails. */
void fuzz_fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

#endif
