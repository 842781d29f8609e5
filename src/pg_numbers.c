/*
 * pg_numbers.c — ar_numbers(input text): every numeric expression of a text
 * as rows (kind, value, unit, surface, start_pos, end_pos, approx).
 */
#include "pg_common.h"

#include "utils/builtins.h"

#include "numbers.h"

PG_FUNCTION_INFO_V1(ar_numbers);

/* Put one number row into the tuplestore. */
static void
numbers_put_row(ArSrf *srf, const char *s, const ArNumItem *it)
{
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};
	char	   *v = ArNumValString(&it->val);

	values[0] = CStringGetTextDatum(ArNumKindName(it->kind));
	if (v)
		values[1] = ArNumericDatum(v);
	else
		nulls[1] = true;
	if (it->unit)
		values[2] = CStringGetTextDatum(it->unit);
	else
		nulls[2] = true;
	values[3] = ArTextDatum(s + it->byte_start, it->byte_end - it->byte_start);
	values[4] = Int32GetDatum((int32) (it->char_start + 1));
	values[5] = Int32GetDatum((int32) (it->char_end + 1));
	values[6] = BoolGetDatum(it->approx);
	tuplestore_putvalues(srf->store, srf->desc, values, nulls);
}

/* ar_numbers(input text) → TABLE(kind, value, unit, surface, start_pos, end_pos, approx) */
Datum
ar_numbers(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(input);
	size_t		len = VARSIZE_ANY_EXHDR(input);
	ArSrf		srf;
	ArLexStream ls;
	ArNumList	list;

	ArRequireUtf8();
	ArCheckInputSize(len, "ar_numbers");
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
