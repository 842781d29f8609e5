/*
 * dates.h — calendar dates in Arabic news text, behind ar_dates().
 *
 * Day–month–year in words and digits with Gregorian, Levantine/Iraqi and
 * Maghrebi month names (and doubled forms such as آذار/مارس), numeric dates
 * written day first (15/10/2025) or ISO (2025-06-24), ordinal days (الرابع
 * من أبريل), month + year, a year after عام, Hijri dates converted with
 * ICU's islamic-umalqura calendar, and — only when a reference date is
 * given — dates without a year and relative words (اليوم، أمس، الأسبوع
 * المقبل، قبل ثلاثة أيام، الأحد الماضي).  Impossible dates are dropped.
 */
#ifndef AR_DATES_H
#define AR_DATES_H

#include "arcore.h"
#include "numlex.h"

typedef enum ArDatePrecision
{
	AR_DATE_DAY = 0,
	AR_DATE_WEEK,
	AR_DATE_MONTH,
	AR_DATE_YEAR,
} ArDatePrecision;

typedef struct ArDateItem
{
	int			year;			/* Gregorian (proleptic) */
	int			month;			/* 1..12 */
	int			day;			/* 1..31 */
	ArDatePrecision precision;
	bool		hijri;			/* written in the Hijri calendar */
	bool		relative;		/* resolved against the reference */
	size_t		char_start;		/* 0-based, exclusive end */
	size_t		char_end;
	size_t		byte_start;
	size_t		byte_end;
	int			tok_first;
	int			tok_last;
} ArDateItem;

typedef struct ArDateList
{
	AR_ARRAY_FIELDS(ArDateItem);
} ArDateList;

/* A reference date; has = false means "no reference". */
typedef struct ArDateRef
{
	bool		has;
	int			year;
	int			month;
	int			day;
} ArDateRef;

extern void ArDateListInit(ArDateList *l);
extern void ArDateListFree(ArDateList *l);

/* Find every date in a token stream; appends to out in text order. */
extern void ArDatesExtract(const ArLexStream *ls, const ArDateRef *ref, ArDateList *out);

/* Lower-case name of a precision ("day", "week", "month", "year"). */
extern const char *ArDatePrecisionName(ArDatePrecision p);

/* Days in a Gregorian month (0 for a bad month). */
extern int	ArDaysInMonth(int year, int month);

/* Convert a Hijri (Umm al-Qura) date to Gregorian with ICU; false when the
 * date does not exist or is outside ICU's range. */
extern bool ArHijriToGregorian(int hy, int hm, int hd, int *gy, int *gm, int *gd);

#endif							/* AR_DATES_H */
