/*
 * fuzz_normalize.c — libFuzzer target for ArNormalize.
 *
 * Any byte string, any fold combination: no crash, no over-read (ASan), and
 * the output of a second pass equals the first (normalization is
 * idempotent on well-formed input).
 */
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned	flags;
	ArBuf		once,
				twice;

	if (size < 2)
		return 0;
	flags = (data[0] | (data[1] << 8)) & AR_NORM_DEFAULT;
	data += 2;
	size -= 2;

	ArBufInit(&once, size);
	ArNormalize((const char *) data, size, flags, &once);
	if (ArUtf8IsValid((const char *) data, size))
	{
		ArBufInit(&twice, once.len);
		ArNormalize(once.data, once.len, flags, &twice);
		/* NFKC output can hold characters a later fold removes; with every
		 * fold on, one pass must reach the fixed point. */
		if (flags == AR_NORM_DEFAULT &&
			(twice.len != once.len || memcmp(twice.data, once.data, once.len) != 0))
			abort();
		ArFree(twice.data);
	}
	ArFree(once.data);
	return 0;
}
