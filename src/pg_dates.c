/*
 * pg_dates.c — ar_dates(input text, reference date DEFAULT NULL): calendar
 * dates of a text as rows (value, surface, start_pos, end_pos, precision).
 *
 * Not STRICT, so that the reference may be NULL (then dates without a year
 * and relative words are skipped); a NULL input gives no rows.
 */
#include "pg_common.h"

#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "dates.h"

PG_FUNCTION_INFO_V1(ar_dates);

/* ar_dates(input text, reference date) → TABLE(value, surface, start_pos, end_pos, precision) */
Datum
ar_dates(PG_FUNCTION_ARGS)
{
	ArSrf		srf;
	const char *s;
	size_t		len;
	ArDateRef	ref = {false, 0, 0, 0};
	ArLexStream ls;
	ArDateList	list;

	ArRequireUtf8();
	ArSrfBegin(fcinfo, &srf);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	s = ArTextArg(fcinfo, 0, "ar_dates", &len);
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
	{
		DateADT		d = PG_GETARG_DATEADT(1);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("reference date must be finite"),
					 errdetail("The reference was \"%s\".", DATE_IS_NOBEGIN(d) ? "-infinity" : "infinity"),
					 errhint("Pass the publication date of the text, or NULL.")));
		j2date(d + POSTGRES_EPOCH_JDATE, &ref.year, &ref.month, &ref.day);
		if (ref.year < 1 || ref.year > 9999)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("reference date %d-%02d-%02d is out of range", ref.year, ref.month, ref.day),
					 errdetail("Relative dates are resolved for years 1 to 9999."),
					 errhint("Pass the publication date of the text, or NULL.")));
		ref.has = true;
	}
	ArLexStreamInit(&ls, s, len);
	ArDateListInit(&list);
	ArDatesExtract(&ls, &ref, &list);
	for (int i = 0; i < list.n; i++)
	{
		const ArDateItem *it = &list.items[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = DateADTGetDatum(date2j(it->year, it->month, it->day) - POSTGRES_EPOCH_JDATE);
		values[1] = ArTextDatum(s + it->byte_start, it->byte_end - it->byte_start);
		values[2] = Int32GetDatum((int32) (it->char_start + 1));
		values[3] = Int32GetDatum((int32) (it->char_end + 1));
		values[4] = CStringGetTextDatum(ArDatePrecisionName(it->precision));
		tuplestore_putvalues(srf.store, srf.desc, values, nulls);
	}
	ArDateListFree(&list);
	ArLexStreamFree(&ls);
	return (Datum) 0;
}
