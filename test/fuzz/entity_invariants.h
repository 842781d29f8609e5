/*
 * entity_invariants.h — what every entity list must satisfy, for the fuzz
 * targets that tag text (fuzz_entities: rules only; fuzz_ner_tag: with the
 * trained model).  Included by one .c each, hence static.
 */
#ifndef AR_FUZZ_ENTITY_INVARIANTS_H
#define AR_FUZZ_ENTITY_INVARIANTS_H

#include <stdlib.h>

#include "entities.h"
#include "utf8.h"

/*
 * Abort unless every entity of l lies inside data[0..size), in text order
 * and without overlap, with character offsets that agree with
 * ArUtf8CharCount, a known kind and a non-empty canonical inside l's buffer.
 */
static void
check_entity_list(const uint8_t *data, size_t size, const ArEntityList *l)
{
	size_t		prev_end = 0;

	for (size_t i = 0; i < l->n; i++)
	{
		const ArEntity *e = &l->items[i];

		if (e->byte_len == 0 || e->byte_start < prev_end || e->byte_start + e->byte_len > size ||
			e->char_start != ArUtf8CharCount((const char *) data, e->byte_start) ||
			e->char_len != ArUtf8CharCount((const char *) data + e->byte_start, e->byte_len) ||
			e->kind > AR_ENT_NAT || e->canon_len == 0 ||
			e->canon_off + e->canon_len > l->canon.len)
			abort();
		prev_end = e->byte_start + e->byte_len;
	}
}

/* Tag data[0..size) with whatever model is set and check the entities. */
static void
tag_and_check(const uint8_t *data, size_t size)
{
	ArEntityList l;

	ArEntityListInit(&l);
	ArEntitiesExtract((const char *) data, size, &l);
	check_entity_list(data, size, &l);
	ArEntityListFree(&l);
}

#endif							/* AR_FUZZ_ENTITY_INVARIANTS_H */
