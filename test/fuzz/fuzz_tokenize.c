/*
 * fuzz_tokenize.c — libFuzzer target for the tokenizer.
 *
 * Any byte string: tokens must tile the input exactly (no gap, no overlap,
 * no empty token, never past the end), character offsets must agree with
 * ArUtf8CharCount, and number tokens must convert to ASCII within bounds.
 */
#include <stdlib.h>

#include "tokenize.h"
#include "utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ArTokenizer tz;
	ArToken		t;
	size_t		bytes = 0,
				chars = 0;
	char	   *ascii = malloc(size + 1);

	ArTokenizerInit(&tz, (const char *) data, size);
	while (ArTokenizerNext(&tz, &t))
	{
		if (t.byte_start != bytes || t.byte_len == 0 || t.char_start != chars ||
			t.byte_start + t.byte_len > size ||
			t.char_len != ArUtf8CharCount((const char *) data + t.byte_start, t.byte_len))
			abort();
		if (t.type == AR_TOK_NUMBER &&
			ArNumberTokenAscii((const char *) data + t.byte_start, t.byte_len, ascii) > t.byte_len)
			abort();
		bytes += t.byte_len;
		chars += t.char_len;
	}
	if (bytes != size)
		abort();
	free(ascii);
	return 0;
}
