/*
 * pg_numbers.c — ar_numbers(input text): every numeric expression of a text
 * as rows (kind, value, unit, surface, start_pos, end_pos, approx).
 */
#include "pg_common.h"

#include "utils/builtins.h"

#include "pg_numbers.h"

PG_FUNCTION_INFO_V1(ar_numbers);

void
ArNumItemColumns(const char *s, const ArNumItem *it, Datum *values, bool *nulls)
{
	char	   *v = ArNumValString(&it->val);

	values[0] = CStringGetTextDatum(ArNumKindName(it->kind));
	nulls[0] = false;
	values[1] = v ? ArNumericDatum(v) : (Datum) 0;
	nulls[1] = v == NULL;
	values[2] = it->unit ? CStringGetTextDatum(it->unit) : (Datum) 0;
	nulls[2] = it->unit == NULL;
	values[3] = ArTextDatum(s + it->byte_start, it->byte_end - it->byte_start);
	values[4] = Int32GetDatum((int32) (it->char_start + 1));
	values[5] = Int32GetDatum((int32) (it->char_end + 1));
	nulls[3] = nulls[4] = nulls[5] = false;
}

/* Put one number row into the tuplestore. */
static void
numbers_put_row(ArSrf *srf, const char *s, const ArNumItem *it)
{
	Datum		values[AR_NUM_ITEM_COLUMNS + 1];
	bool		nulls[AR_NUM_ITEM_COLUMNS + 1];

	ArNumItemColumns(s, it, values, nulls);
	values[AR_NUM_ITEM_COLUMNS] = BoolGetDatum(it->approx);	/* approx */
	nulls[AR_NUM_ITEM_COLUMNS] = false;
	tuplestore_putvalues(srf->store, srf->desc, values, nulls);
}

/* ar_numbers(input text) → TABLE(kind, value, unit, surface, start_pos, end_pos, approx) */
Datum
ar_numbers(PG_FUNCTION_ARGS)
{
	size_t		len;
	const char *s = ArTextArg(fcinfo, 0, "ar_numbers", &len);
	ArSrf		srf;
	ArLexStream ls;
	ArNumList	list;

	ArSrfBegin(fcinfo, &srf);
	ArLexStreamInit(&ls, s, len);
	ArNumListInit(&list);
	ArNumbersExtract(&ls, &list);
	for (int i = 0; i < list.n; i++)
		numbers_put_row(&srf, s, &list.items[i]);
	ArNumListFree(&list);
	ArLexStreamFree(&ls);
	return (Datum) 0;
}
