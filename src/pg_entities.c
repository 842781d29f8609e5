/*
 * pg_entities.c — ar_entities(input) and ar_entity_keys(input): the entity
 * matcher of src/core/entities.c as SQL functions.
 *
 * Both read only the gazetteer compiled into the library and the tagger's
 * model installed with it (pg_ner.c), so they are IMMUTABLE: the same text
 * gives the same rows until the extension itself is upgraded (and an upgrade
 * that changes the tables or the model says so in CHANGELOG.md, with a
 * REINDEX hint for indexes on ar_entity_keys).  The superuser setting
 * arabic_news.ner_model, for tests and experiments, is the one way around
 * that; the documentation says to rebuild such indexes after using it.
 */
#include "pg_common.h"

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
	ArNerRequireModel();
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

/* prefix || KIND:canonical for every entity of s[0..len). */
void
ArKeySetAddEntities(ArKeySet *ks, const char *prefix, const char *s, size_t len)
{
	ArEntityList list;
	size_t		plen = strlen(prefix);

	ArNerRequireModel();
	ArEntityListInit(&list);
	ArEntitiesExtract(s, len, &list);
	for (size_t i = 0; i < list.n; i++)
	{
		const ArEntity *e = &list.items[i];
		const char *kind = ArEntKindName(e->kind);
		size_t		klen = strlen(kind);
		char		kind_prefix[64];

		/* prefix || KIND || ':' (the prefixes are short literals of ours) */
		if (plen + klen + 2 > sizeof(kind_prefix))
			elog(ERROR, "entity key prefix \"%s\" is too long", prefix);
		memcpy(kind_prefix, prefix, plen);
		memcpy(kind_prefix + plen, kind, klen);
		kind_prefix[plen + klen] = ':';
		kind_prefix[plen + klen + 1] = '\0';
		ArKeySetAdd(ks, kind_prefix, list.canon.data + e->canon_off, e->canon_len);
	}
	ArEntityListFree(&list);
}

/* Distinct KIND:canonical keys, sorted bytewise, for GIN indexes. */
Datum
ar_entity_keys(PG_FUNCTION_ARGS)
{
	size_t		len;
	const char *s = ArTextArg(fcinfo, 0, "ar_entity_keys", &len);
	ArKeySet	ks = {0};

	ArKeySetAddEntities(&ks, "", s, len);
	PG_RETURN_ARRAYTYPE_P(ArKeySetToArray(&ks));
}
