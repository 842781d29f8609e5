/*
 * fuzz_entities.c — libFuzzer target for the entity matcher.
 *
 * Any byte string: every entity lies inside the input, in text order and
 * without overlap, with character offsets that agree with ArUtf8CharCount,
 * a known kind and a non-empty canonical.
 */
#include <stdlib.h>

#include "entities.h"
#include "utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ArEntityList l;
	size_t		i,
				prev_end = 0;

	ArEntityListInit(&l);
	ArEntitiesExtract((const char *) data, size, &l);
	for (i = 0; i < l.n; i++)
	{
		const ArEntity *e = &l.items[i];

		if (e->byte_len == 0 || e->byte_start < prev_end || e->byte_start + e->byte_len > size ||
			e->char_start != ArUtf8CharCount((const char *) data, e->byte_start) ||
			e->char_len != ArUtf8CharCount((const char *) data + e->byte_start, e->byte_len) ||
			e->kind > AR_ENT_NAT || e->canon_len == 0 ||
			e->canon_off + e->canon_len > l.canon.len)
			abort();
		prev_end = e->byte_start + e->byte_len;
	}
	ArEntityListFree(&l);
	return 0;
}
