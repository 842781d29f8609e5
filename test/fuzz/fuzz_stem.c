/*
 * fuzz_stem.c — libFuzzer target for the light stemmer.
 *
 * Any byte string, raw and after ArNormalize: the stem is never longer than
 * the word, lies inside it (or is a listed constant), and for words of
 * Arabic letters is itself made of whole two-byte letters.
 */
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "stem.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stem s[0..len) and check the contract. */
static void
check(const char *s, size_t len)
{
	size_t		n;
	const char *st = ArStem(s, len, &n);

	if (st >= s && st <= s + len)
	{
		if (st + n > s + len || (size_t) (st - s) % 2 != 0 || n % 2 != 0)
		{
			if (!(st == s && n == len))
				abort();
		}
	}
	else if (n == 0 || n > AR_STEM_MAX_BYTES)
		abort();					/* a listed stem: short and non-empty */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ArBuf		b;

	check((const char *) data, size);
	ArBufInit(&b, size + 1);
	ArNormalize((const char *) data, size, AR_NORM_DEFAULT, &b);
	check(b.data, b.len);
	ArFree(b.data);
	return 0;
}
