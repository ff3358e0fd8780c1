/*
 * tap.h: tiny TAP (Test Anything Protocol) helpers for the C unit tests.
 *
 *	#include "config.h"
 *	#include "tap.h"
 *	int main(void) {
 *		ok(1 + 1 == 2, "arithmetic");
 *		is_int(fw_foo(3), 9, "fw_foo squares");
 *		is_str(name, "fedwiz", "name");
 *		return done_testing();
 *	}
 *
 * Plan-less: done_testing() prints "1..N" last. A failing check prints
 * "not ok" plus a "#" diagnostic; done_testing() returns 0 regardless, so
 * the harness (tap-driver.sh) counts each failure once, as a FAIL.
 * Header-only; each test program includes it once.
 */
#ifndef FW_TAP_H
#define FW_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

/* ok(cond, fmt, ...): one test point; returns cond != 0. */
#define ok(cond, ...) tap_ok_at(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...) \
	tap_is_int_at((long long)(got), (long long)(want), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) \
	tap_is_str_at((got), (want), __FILE__, __LINE__, __VA_ARGS__)

__attribute__((format(printf, 4, 0))) static void
tap_vreport(int pass, const char *file, int line, const char *fmt, va_list ap)
{
	tap_count++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	printf("\n");
	if (!pass)
		printf("#   Failed test at %s line %d.\n", file, line);
	fflush(stdout);
}

__attribute__((format(printf, 4, 5), unused)) static int
tap_ok_at(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vreport(pass, file, line, fmt, ap);
	va_end(ap);
	return pass;
}

__attribute__((format(printf, 5, 6), unused)) static int
tap_is_int_at(long long got, long long want, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;
	int pass = got == want;

	va_start(ap, fmt);
	tap_vreport(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#          got: %lld\n#     expected: %lld\n", got, want);
	return pass;
}

/* NULL equals only NULL. */
__attribute__((format(printf, 5, 6), unused)) static int
tap_is_str_at(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;
	int pass = (got == NULL || want == NULL) ? got == want : strcmp(got, want) == 0;

	va_start(ap, fmt);
	tap_vreport(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#          got: \"%s\"\n#     expected: \"%s\"\n",
		    got != NULL ? got : "(null)", want != NULL ? want : "(null)");
	return pass;
}

/* diag(fmt, ...): a "#" comment line in the TAP stream. */
__attribute__((format(printf, 1, 2), unused)) static void
diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* Print the plan; return main's exit status: 0, because the "not ok" lines
 * already carry the verdict (a non-zero exit would count as a second,
 * ERROR, result for the same failure). */
__attribute__((unused)) static int
done_testing(void)
{
	printf("1..%d\n", tap_count);
	if (tap_failed)
		printf("# Looks like you failed %d test%s of %d.\n", tap_failed,
		    tap_failed == 1 ? "" : "s", tap_count);
	fflush(stdout);
	return 0;
}

#endif /* FW_TAP_H */
