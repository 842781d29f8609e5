/*
 * unit.h — a tiny TAP producer for the core unit tests.
 *
 * Each test binary prints "ok N - name" / "not ok N - name" lines and a
 * final plan; tools/run_tests.sh counts them.  No framework, no PostgreSQL.
 */
#ifndef AR_UNIT_H
#define AR_UNIT_H

#include <stdio.h>
#include <string.h>

static int	unit_count = 0;
static int	unit_failed = 0;

/* Record one check. */
static inline void
unit_ok(int cond, const char *name)
{
	unit_count++;
	if (!cond)
		unit_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", unit_count, name);
}

/* Compare two strings, printing both on failure. */
static inline void
unit_str(const char *got, const char *want, const char *name)
{
	int			cond = strcmp(got, want) == 0;

	unit_ok(cond, name);
	if (!cond)
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n", got, want);
}

/* Compare two integers, printing both on failure. */
static inline void
unit_int(long long got, long long want, const char *name)
{
	unit_ok(got == want, name);
	if (got != want)
		printf("#   got:  %lld\n#   want: %lld\n", got, want);
}

/* Print the plan; use as "return unit_done();" in main. */
static inline int
unit_done(void)
{
	printf("1..%d\n", unit_count);
	return unit_failed ? 1 : 0;
}

#endif							/* AR_UNIT_H */
