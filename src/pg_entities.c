/*
 * pg_entities.c — ar_entities(input) and ar_entity_keys(input): the entity
 * matcher of src/core/entities.c as SQL functions.
 *
 * Both read only the gazetteer compiled into the library, so they are
 * IMMUTABLE: the same text gives the same rows until the extension itself is
 * upgraded (and an upgrade that changes the tables says so in CHANGELOG.md,
 * with a REINDEX hint for indexes on ar_entity_keys).
 */
#include "pg_common.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "entities.h"

PG_FUNCTION_INFO_V1(ar_entities);
PG_FUNCTION_INFO_V1(ar_entity_keys);

/* One row per entity: kind, surface, canonical, start_pos, end_pos. */
Datum
ar_entities(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(input);
	size_t		len = VARSIZE_ANY_EXHDR(input);
	ArSrf		srf;
	ArEntityList list;
	size_t		i;

	ArRequireUtf8();
	ArCheckInputSize(len, "ar_entities");
	ArSrfBegin(fcinfo, &srf);
	ArEntityListInit(&list);
	ArEntitiesExtract(s, len, &list);
	for (i = 0; i < list.n; i++)
	{
		const ArEntity *e = &list.items[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = CStringGetTextDatum(ArEntKindName(e->kind));
		values[1] = ArTextDatum(s + e->byte_start, e->byte_len);
		values[2] = ArTextDatum(list.canon.data + e->canon_off, e->canon_len);
		values[3] = Int32GetDatum((int32) (e->char_start + 1));
		values[4] = Int32GetDatum((int32) (e->char_start + e->char_len + 1));
		tuplestore_putvalues(srf.store, srf.desc, values, nulls);
	}
	ArEntityListFree(&list);
	return (Datum) 0;
}

/* qsort comparator over KIND:canonical keys (bytewise, as "C" collation). */
static int
key_cmp(const void *a, const void *b)
{
	const text *x = *(const text *const *) a;
	const text *y = *(const text *const *) b;
	int			lx = VARSIZE_ANY_EXHDR(x),
				ly = VARSIZE_ANY_EXHDR(y);
	int			c = memcmp(VARDATA_ANY(x), VARDATA_ANY(y), Min(lx, ly));

	return c != 0 ? c : lx - ly;
}

/* Distinct KIND:canonical keys, sorted bytewise, for GIN indexes. */
Datum
ar_entity_keys(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(input);
	size_t		len = VARSIZE_ANY_EXHDR(input);
	ArEntityList list;
	text	  **keys;
	Datum	   *elems;
	int			n = 0,
				m = 0,
				i;
	ArrayType  *result;

	ArRequireUtf8();
	ArCheckInputSize(len, "ar_entity_keys");
	ArEntityListInit(&list);
	ArEntitiesExtract(s, len, &list);
	keys = palloc(sizeof(text *) * (list.n + 1));
	for (i = 0; i < (int) list.n; i++)
	{
		const ArEntity *e = &list.items[i];
		const char *kind = ArEntKindName(e->kind);
		size_t		klen = strlen(kind);
		text	   *t = palloc(VARHDRSZ + klen + 1 + e->canon_len);

		SET_VARSIZE(t, VARHDRSZ + klen + 1 + e->canon_len);
		memcpy(VARDATA(t), kind, klen);
		VARDATA(t)[klen] = ':';
		memcpy(VARDATA(t) + klen + 1, list.canon.data + e->canon_off, e->canon_len);
		keys[n++] = t;
	}
	if (n > 1)
		qsort(keys, n, sizeof(text *), key_cmp);
	elems = palloc(sizeof(Datum) * (n + 1));
	for (i = 0; i < n; i++)
		if (m == 0 || key_cmp(&keys[i], &keys[i - 1]) != 0)
			elems[m++] = PointerGetDatum(keys[i]);
	result = construct_array(elems, m, TEXTOID, -1, false, TYPALIGN_INT);
	ArEntityListFree(&list);
	PG_RETURN_ARRAYTYPE_P(result);
}
