/*
 * dates.c — the Arabic date grammar (see dates.h).
 *
 * Each rule starts at a token that can open a date (a number, a month name,
 * a weekday, a year cue, a relative word) and reads a fixed, small number of
 * tokens forward, so the scan is linear in the input.  Calendar arithmetic
 * uses day numbers (days since 1970-01-01, proleptic Gregorian); Hijri dates
 * go through ICU's islamic-umalqura calendar.
 */
#include "dates.h"

#include <string.h>

#include <unicode/ucal.h>

#include "numbers.h"

static const char *const precision_names[] = {"day", "week", "month", "year"};

const char *
ArDatePrecisionName(ArDatePrecision p)
{
	return precision_names[p];
}

void
ArDateListInit(ArDateList *l)
{
	ArArrayInit(l, 8);
}

void
ArDateListFree(ArDateList *l)
{
	ArArrayFree(l);
}

/* ---- calendar arithmetic ---- */

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
ArDaysInMonth(int year, int month)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	return dim[month - 1] + (month == 2 && is_leap(year));
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's method). */
static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t		era;
	unsigned	yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t) doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t		era;
	unsigned	doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned) (z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

/* 1 = Sunday … 7 = Saturday, as in data/months.tsv. */
static int
weekday_of(int64_t z)
{
	return (int) (((z % 7) + 7 + 4) % 7) + 1;
}

bool
ArHijriToGregorian(int hy, int hm, int hd, int *gy, int *gm, int *gd)
{
	UErrorCode	status = U_ZERO_ERROR;
	UCalendar  *cal;
	UDate		ms;
	static const UChar utc[] = {'U', 'T', 'C', 0};

	if (hy < 1 || hy > 2000 || hm < 1 || hm > 12 || hd < 1 || hd > 30)
		return false;
	cal = ucal_open(utc, -1, "ar@calendar=islamic-umalqura", UCAL_DEFAULT, &status);
	if (U_FAILURE(status))
		return false;
	ucal_setAttribute(cal, UCAL_LENIENT, 0);
	ucal_clear(cal);
	ucal_setDate(cal, hy, hm - 1, hd, &status);
	ms = ucal_getMillis(cal, &status);
	ucal_close(cal);
	if (U_FAILURE(status))
		return false;
	/* milliseconds since 1970 → days → civil date */
	{
		int64_t		days = (int64_t) (ms / 86400000.0);

		if (ms < 0 && (int64_t) ms % 86400000 != 0)
			days--;
		civil_from_days(days, gy, gm, gd);
	}
	return true;
}

/* ---- token helpers ---- */

typedef struct DCtx
{
	const ArLexStream *ls;
	const ArDateRef *ref;
	ArDateList *out;
} DCtx;

/* Small integer value of a plain number token (no decimal), or -1. */
static int
int_at(const DCtx *c, int i, int maxlen)
{
	const ArLexTok *t;
	char		buf[16];
	size_t		n;
	int			v = 0;

	if (!ArLexInRange(c->ls, i))
		return -1;
	t = ArLexTokAt(c->ls, i);
	if (t->type != AR_TOK_NUMBER || t->has_decimal || t->char_len > (size_t) maxlen)
		return -1;
	if (t->byte_len >= sizeof(buf))
		return -1;
	n = ArNumberTokenAscii(c->ls->buf + t->byte_start, t->byte_len, buf);
	for (size_t k = 0; k < n; k++)
	{
		if (buf[k] < '0' || buf[k] > '9')
			return -1;
		v = v * 10 + (buf[k] - '0');
	}
	return v;
}

/* A month name at token i: Gregorian, Levantine (two words for كانون/تشرين),
 * Maghrebi, Hijri (two words for ربيع/جمادى/ذو), and a doubled form after it
 * (آذار/مارس، آب (أغسطس)).  Returns the last token, or -1. */
static int
month_at(const DCtx *c, int i, int *month, bool *hijri, size_t *prechars)
{
	const ArLexEntry *e;
	uint8_t		pre = 0;
	int			end = i;

	*prechars = 0;
	if ((e = ArLexEntryAtStripped(c->ls, i, LX_MONTH, &pre)) != NULL)
	{
		*month = (int) e->val;
		*hijri = (e->flags & LXF_HIJRI) != 0;
	}
	else if ((e = ArLexEntryAtStripped(c->ls, i, LX_MONTHPRE, &pre)) != NULL ||
			 (e = ArLexEntryAtStripped(c->ls, i, LX_HIJRIPRE, &pre)) != NULL)
	{
		const ArLexEntry *o = ArLexEntryAt(c->ls, i + 1, LX_MONTHORD);

		if (!o)
			return -1;
		*month = (int) ((e->val + o->val - 2) % 12) + 1;
		*hijri = (e->flags & LXF_HIJRI) != 0;
		end = i + 1;
	}
	else
		return -1;
	if (pre)
		*prechars = ArLexTokAt(c->ls, i)->prechars;
	/* a second name for the same month: آذار/مارس، تموز (يوليو) */
	{
		int			k = end + 1;
		bool		paren = ArLexIsPunct(c->ls, k, '(');

		if ((ArLexIsPunct(c->ls, k, '/') || paren) && ArLexInRange(c->ls, k + 1))
		{
			const ArLexEntry *e2 = ArLexEntryAt(c->ls, k + 1, LX_MONTH);
			int			m2 = e2 ? (int) e2->val : -1;
			int			last = k + 1;

			if (!e2 && (e2 = ArLexEntryAt(c->ls, k + 1, LX_MONTHPRE)) != NULL && ArLexEntryAt(c->ls, k + 2, LX_MONTHORD))
			{
				m2 = (int) ((e2->val + ArLexEntryAt(c->ls, k + 2, LX_MONTHORD)->val - 2) % 12) + 1;
				last = k + 2;
			}
			if (m2 == *month && !*hijri)
			{
				if (paren && ArLexIsPunct(c->ls, last + 1, ')'))
					end = last + 1;
				else if (!paren)
					end = last;
			}
		}
	}
	return end;
}

/* A year after a month: 2024، ٢٠٢٤م، 1445 هـ, optionally after "عام" or a
 * full stop / comma.  Returns the last token or -1; *hijri set by هـ. */
static int
year_at(const DCtx *c, int i, int *year, bool *hijri)
{
	int			k = i;
	int			y;

	*hijri = false;
	if (ArLexIsPunct(c->ls, k, '.') || ArLexIsPunct(c->ls, k, ',') || ArLexIsPunct(c->ls, k, AR_CP_COMMA))
		k++;
	if (ArLexEntryAtStripped(c->ls, k, LX_YEARCUE, NULL) && !ArLexEntryAt(c->ls, k, LX_DURUNIT))
		k++;
	else if (ArLexEntryAtStripped(c->ls, k, LX_YEARCUE, NULL))
		k++;
	y = int_at(c, k, 4);
	if (y < 0 || ArLexTokAt(c->ls, k)->char_len < 3)
		return -1;
	*year = y;
	if (ArLexInRange(c->ls, k + 1) && !ArLexTokAt(c->ls, k + 1)->break_before)
	{
		if (ArLexEntryAt(c->ls, k + 1, LX_HIJRIMARK))
		{
			*hijri = true;
			return k + 1;
		}
		if (ArLexEntryAt(c->ls, k + 1, LX_YEARMARK))
			return k + 1;
	}
	return k;
}

static ArDateItem *
demit(DCtx *c, int first, int last, size_t prechars, int y, int m, int d, ArDatePrecision p)
{
	ArDateList *l = c->out;
	ArDateItem *it;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > ArDaysInMonth(y, m))
		return NULL;
	it = ArArrayPush(l);
	memset(it, 0, sizeof(*it));
	it->year = y;
	it->month = m;
	it->day = d;
	it->precision = p;
	it->tok_first = first;
	it->tok_last = last;
	it->char_start = ArLexTokAt(c->ls, first)->char_start + prechars;
	it->byte_start = ArLexTokAt(c->ls, first)->byte_start + (prechars ? ArLexTokAt(c->ls, first)->prebytes : 0);
	it->char_end = ArLexTokAt(c->ls, last)->char_start + ArLexTokAt(c->ls, last)->char_len;
	it->byte_end = ArLexTokAt(c->ls, last)->byte_start + ArLexTokAt(c->ls, last)->byte_len;
	return it;
}

/* Emit a day/month/year in either calendar. */
static ArDateItem *
demit_cal(DCtx *c, int first, int last, size_t prechars, int y, int m, int d,
		  ArDatePrecision p, bool hijri)
{
	ArDateItem *it;

	if (hijri)
	{
		int			gy,
					gm,
					gd;

		if (!ArHijriToGregorian(y, m, d, &gy, &gm, &gd))
			return NULL;
		it = demit(c, first, last, prechars, gy, gm, gd, p);
		if (it)
			it->hijri = true;
		return it;
	}
	return demit(c, first, last, prechars, y, m, d, p);
}

/* Shift the reference by a number of days, months or years. */
static void
ref_shift(const ArDateRef *ref, int days, int months, int years, int *y, int *m, int *d)
{
	int			yy = ref->year + years;
	int			mm = ref->month + months;
	int			dd = ref->day;

	while (mm > 12)
	{
		mm -= 12;
		yy++;
	}
	while (mm < 1)
	{
		mm += 12;
		yy--;
	}
	if (dd > ArDaysInMonth(yy, mm))
		dd = ArDaysInMonth(yy, mm);
	if (days)
		civil_from_days(days_from_civil(yy, mm, dd) + days, &yy, &mm, &dd);
	*y = yy;
	*m = mm;
	*d = dd;
}

/* ---- the rules ---- */

/* 15/10/2025، 2025-06-24، 21-04-2016، 16.11.2016، 2/2013 */
static int
rule_numeric(DCtx *c, int i)
{
	int			a = int_at(c, i, 4);
	uint32_t	sep;
	bool		spaced;
	int			b,
				y3;

	if (a < 0 || !ArLexInRange(c->ls, i + 2))
		return -1;
	if (ArLexIsPunct(c->ls, i + 1, '/'))
		sep = '/';
	else if (ArLexIsPunct(c->ls, i + 1, '-'))
		sep = '-';
	else if (ArLexIsPunct(c->ls, i + 1, '.'))
		sep = '.';
	else
		return -1;
	/* spaces around the separators only with slashes: 10 / 10 / 1436هـ */
	spaced = ArLexTokAt(c->ls, i + 1)->space_before || ArLexTokAt(c->ls, i + 2)->space_before;
	if (spaced && sep != '/')
		return -1;
	b = int_at(c, i + 2, 2);
	if (sep == '-' && ArLexTokAt(c->ls, i)->char_len == 4 && ArLexTokAt(c->ls, i + 2)->char_len == 4 &&
		a >= 1900 && a <= 2100 && !ArLexIsPunct(c->ls, i + 3, '-'))
	{
		/* a span of years: 2024-2026 */
		int			y2 = int_at(c, i + 2, 4);

		if (y2 > a && y2 <= 2100 && demit(c, i, i, 0, a, 1, 1, AR_DATE_YEAR))
		{
			demit(c, i + 2, i + 2, 0, y2, 1, 1, AR_DATE_YEAR);
			return i + 2;
		}
		return -1;
	}
	if (b < 0)
	{
		/* month/year: 2/2013 */
		int			y = int_at(c, i + 2, 4);

		if (sep == '/' && y >= 1000 && ArLexTokAt(c->ls, i + 2)->char_len == 4 &&
			ArLexTokAt(c->ls, i)->char_len <= 2 && a >= 1 && a <= 12 &&
			!ArLexIsPunct(c->ls, i + 3, '/') &&
			demit(c, i, i + 2, 0, y, a, 1, AR_DATE_MONTH))
			return i + 2;
		return -1;
	}
	if (!ArLexIsPunct(c->ls, i + 3, sep) || !ArLexInRange(c->ls, i + 4) ||
		(!spaced && (ArLexTokAt(c->ls, i + 3)->space_before || ArLexTokAt(c->ls, i + 4)->space_before)))
		return -1;
	y3 = int_at(c, i + 4, 4);
	if (y3 < 0)
		return -1;
	/*
	 * A Hijri date: marked هـ, or a year from 1350 to 1500 — Gregorian years
	 * that old are not written as numeric dates in news (8-10-1436).
	 */
	if (ArLexTokAt(c->ls, i)->char_len <= 2 && ArLexTokAt(c->ls, i + 4)->char_len == 4 &&
		((ArLexInRange(c->ls, i + 5) && ArLexEntryAt(c->ls, i + 5, LX_HIJRIMARK) && !ArLexTokAt(c->ls, i + 5)->break_before) ||
		 (y3 >= 1350 && y3 <= 1500)))
	{
		int			last = (ArLexInRange(c->ls, i + 5) && ArLexEntryAt(c->ls, i + 5, LX_HIJRIMARK)) ? i + 5 : i + 4;

		demit_cal(c, i, last, 0, y3, b, a, AR_DATE_DAY, true);
		return last;
	}
	if (ArLexTokAt(c->ls, i)->char_len == 4)
	{
		/* year first: 2025-06-24، 2016/02/22 */
		if (ArLexTokAt(c->ls, i + 4)->char_len > 2)
			return -1;
		/* an impossible date (2023-02-30) is read and dropped */
		demit(c, i, i + 4, 0, a, b, y3, AR_DATE_DAY);
		return i + 4;
	}
	if (ArLexTokAt(c->ls, i)->char_len > 2)
		return -1;
	if (ArLexTokAt(c->ls, i + 4)->char_len == 2)
		y3 += 2000;
	else if (ArLexTokAt(c->ls, i + 4)->char_len != 4)
		return -1;
	demit(c, i, i + 4, 0, y3, b, a, AR_DATE_DAY);
	return i + 4;
}

/* The day number or ordinal day word at token i: 12، ١٥، الرابع، الحادي والعشرين. */
static int
day_at(const DCtx *c, int i, int *day, size_t *prechars)
{
	int64_t		v;
	int			end;

	*prechars = 0;
	*day = int_at(c, i, 2);
	if (*day >= 1 && *day <= 31)
		return i;
	if (ArLexInRange(c->ls, i) && ArLexTokAt(c->ls, i)->type == AR_TOK_ARABIC && ArNumOrdinalAt(c->ls, i, &v, &end) &&
		v >= 1 && v <= 31)
	{
		*day = (int) v;
		if (ArLexTokAt(c->ls, i)->key < 0)
			*prechars = ArLexTokAt(c->ls, i)->prechars;
		return end;
	}
	return -1;
}

/* Day, then [من] [شهر] month, then an optional year. */
static int
rule_day_month(DCtx *c, int i)
{
	int			day,
				month,
				year = 0,
				k,
				mend,
				yend,
				dend;
	bool		hijri,
				yhijri = false;
	size_t		prechars,
				mpre;

	dend = day_at(c, i, &day, &prechars);
	if (dend < 0)
		return -1;
	k = dend + 1;
	if (ArLexInRange(c->ls, k) && ArLexTokAt(c->ls, k)->break_before)
		return -1;
	if (ArLexIsPunct(c->ls, k, '.') || (ArLexTokAt(c->ls, dend)->type == AR_TOK_ARABIC && ArLexEntryAt(c->ls, k, LX_FROM)) ||
		(ArLexTokAt(c->ls, dend)->type == AR_TOK_NUMBER && ArLexEntryAt(c->ls, k, LX_FROM) &&
		 (ArLexEntryAt(c->ls, k + 1, LX_MONTHCUE) || ArLexEntryAt(c->ls, k + 1, LX_RELUNIT))))
		k++;
	/* 20 من الشهر المقبل */
	if (c->ref->has && ArLexEntryAt(c->ls, k, LX_RELUNIT) && ArLexEntryAt(c->ls, k, LX_RELUNIT)->val == 30 &&
		ArLexEntryAt(c->ls, k + 1, LX_RELADJ) && k > dend)
	{
		int			y,
					m,
					d;
		ArDateItem *it;

		ref_shift(c->ref, 0, (int) ArLexEntryAt(c->ls, k + 1, LX_RELADJ)->val, 0, &y, &m, &d);
		it = demit(c, i, k + 1, prechars, y, m, day, AR_DATE_DAY);
		if (it)
			it->relative = true;
		return k + 1;
	}
	if (ArLexEntryAt(c->ls, k, LX_MONTHCUE))
		k++;
	mend = month_at(c, k, &month, &hijri, &mpre);
	if (mend < 0 || mpre)
		return -1;
	yend = year_at(c, mend + 1, &year, &yhijri);
	if (yend >= 0 && !(ArLexTokAt(c->ls, yend)->break_before && yend == mend + 1))
	{
		/* an impossible date (31 فبراير 2024) is read and dropped */
		demit_cal(c, i, yend, prechars, year, month, day, AR_DATE_DAY, hijri || yhijri);
		return yend;
	}
	if (!c->ref->has || hijri)
		return -1;
	/* no year: the reference year */
	{
		ArDateItem *it = demit(c, i, mend, prechars, c->ref->year, month, day, AR_DATE_DAY);

		if (it)
			it->relative = true;
		return mend;
	}
}

/* من 22 إلى 23 أكتوبر 2024، 3 و4 مارس: the first day takes the second's month. */
static int
rule_day_range(DCtx *c, int i)
{
	int			day;
	size_t		prechars;
	int			dend = day_at(c, i, &day, &prechars);
	int			k,
				n0;

	if (dend < 0 || ArLexTokAt(c->ls, dend)->type != AR_TOK_NUMBER)
		return -1;
	k = dend + 1;
	if (!(ArLexEntryAt(c->ls, k, LX_TO) || ArLexIsPunct(c->ls, k, '-') || ArLexIsPunct(c->ls, k, AR_CP_EN_DASH) || ArLexEntryAt(c->ls, k, LX_AND) ||
		  (ArLexInRange(c->ls, k) && ArLexTokAt(c->ls, k)->type == AR_TOK_CLITIC)))
		return -1;
	n0 = c->out->n;
	{
		int			end2 = rule_day_month(c, k + 1);

		if (end2 < 0)
			return -1;
		if (c->out->n == n0)
			return end2;		/* the second day was impossible: drop both */
	}
	{
		ArDateItem	second = c->out->items[n0];
		ArDateItem *it;

		c->out->n = n0;
		it = demit(c, i, dend, prechars, second.year, second.month, day, AR_DATE_DAY);
		if (it)
		{
			it->hijri = second.hijri;
			it->relative = second.relative;
		}
		*ArArrayPush(c->out) = second;
		return second.tok_last;
	}
}

/* Month + year (يونيو 2025، رمضان 1445 هـ), month + الماضي/المقبل, or a
 * month after شهر / في with the reference's year. */
static int
rule_month(DCtx *c, int i)
{
	int			month,
				year,
				mend,
				yend;
	bool		hijri,
				yhijri;
	size_t		mpre;
	const ArLexEntry *adj;
	int			day = 1;
	int			first = i;

	/* منتصف مارس، نهاية يونيو */
	{
		const ArLexEntry *mid = ArLexEntryAtStripped(c->ls, i, LX_MID, NULL);

		if (mid)
		{
			int			k = i + 1;

			if (ArLexEntryAt(c->ls, k, LX_MONTHCUE))
				k++;
			if (month_at(c, k, &month, &hijri, &mpre) < 0)
				return -1;
			day = (int) mid->val;
			i = k;
		}
	}
	mend = month_at(c, i, &month, &hijri, &mpre);
	if (mend < 0)
		return -1;
	if (first == i && mpre == 0 && ArLexEntryAt(c->ls, i - 1, LX_MONTHCUE))
		first = i - 1;
	yend = year_at(c, mend + 1, &year, &yhijri);
	if (yend >= 0)
	{
		int			d = day < 0 ? ArDaysInMonth(year, month) : day;

		if (demit_cal(c, first, yend, first == i ? mpre : 0, year, month, hijri ? 1 : d,
					  AR_DATE_MONTH, hijri || yhijri))
			return yend;
		return -1;
	}
	if (!c->ref->has || hijri)
		return -1;
	adj = ArLexEntryAt(c->ls, mend + 1, LX_RELADJ);
	if (adj)
	{
		/* أغسطس الماضي: the last August before the reference; يونيو المقبل: the next */
		int			y = c->ref->year;

		if (adj->val < 0 && month >= c->ref->month)
			y--;
		else if (adj->val > 0 && month <= c->ref->month)
			y++;
		{
			int			d = day < 0 ? ArDaysInMonth(y, month) : day;
			ArDateItem *it = demit(c, first, mend + 1, first == i ? mpre : 0, y, month, d, AR_DATE_MONTH);

			if (it)
				it->relative = true;
			return it ? mend + 1 : -1;
		}
	}
	/* في مارس، شهر آب: needs a cue, since a bare آب or ماي is often another word */
	if (first != i || (mpre == 0 && (ArLexEntryAt(c->ls, i - 1, LX_PREP) || ArLexEntryAt(c->ls, i - 1, LX_DURCUE) ||
									  ArLexEntryAt(c->ls, i - 1, LX_TO))))
	{
		int			d = day < 0 ? ArDaysInMonth(c->ref->year, month) : day;
		ArDateItem *it = demit(c, first, mend, first == i ? mpre : 0, c->ref->year, month, d,
							   AR_DATE_MONTH);

		if (it)
			it->relative = true;
		return it ? mend : -1;
	}
	return -1;
}

/* عام 2024، سنة ١٩٤٩، 1445 هـ: a year on its own. */
static int
rule_year(DCtx *c, int i)
{
	int			y,
				k = i;
	bool		hijri = false;
	size_t		prechars = 0;

	if (ArLexEntryAtStripped(c->ls, i, LX_YEARCUE, NULL))
	{
		if (ArLexTokAt(c->ls, i)->key < 0)
			prechars = ArLexTokAt(c->ls, i)->prechars;
		k = i + 1;
	}
	y = int_at(c, k, 4);
	if (y < 0 || ArLexTokAt(c->ls, k)->char_len < 3)
		return -1;
	if (ArLexInRange(c->ls, k + 1) && ArLexEntryAt(c->ls, k + 1, LX_HIJRIMARK) && !ArLexTokAt(c->ls, k + 1)->break_before)
	{
		hijri = true;
		k++;
	}
	else if (ArLexInRange(c->ls, k + 1) && ArLexEntryAt(c->ls, k + 1, LX_YEARMARK) && !ArLexTokAt(c->ls, k + 1)->break_before)
		k++;
	else if (k == i)
		return -1;
	if (demit_cal(c, i, k, prechars, y, 1, 1, AR_DATE_YEAR, hijri))
		return k;
	return -1;
}

/* اليوم، أمس، غدًا، بعد غد، أول أمس، الأسبوع المقبل، الشهر الماضي، العام المقبل */
static int
rule_relative(DCtx *c, int i)
{
	const ArLexEntry *e;
	uint8_t		pre = 0;
	int			y,
				m,
				d;
	ArDateItem *it;

	if (!c->ref->has)
		return -1;
	if ((e = ArLexEntryAtStripped(c->ls, i, LX_RELDAY, &pre)) != NULL)
	{
		int			off = (int) e->val;
		int			first = i,
					last = i;

		/* بعد غد، أول أمس، قبل أمس */
		if (off != 0 && pre == 0 && ArLexEntryAt(c->ls, i - 1, LX_DURUNIT) && ArLexEntryAt(c->ls, i - 1, LX_DURUNIT)->val == 4 &&
			(ArLexEntryAtStripped(c->ls, i - 2, LX_AGO, NULL) || ArLexEntryAtStripped(c->ls, i - 2, LX_RELBEFORE, NULL)))
		{
			/* قبل يوم أمس */
			off *= 2;
			first = i - 2;
			pre = ArLexTokAt(c->ls, i - 2)->key < 0 ? ArLexTokAt(c->ls, i - 2)->pre : 0;
		}
		else if (off != 0 && pre == 0 && (ArLexEntryAtStripped(c->ls, i - 1, LX_RELAFTER, NULL) ||
									  ArLexEntryAtStripped(c->ls, i - 1, LX_RELBEFORE, NULL) ||
									  ArLexEntryAtStripped(c->ls, i - 1, LX_AGO, NULL)))
		{
			off *= 2;
			first = i - 1;
			pre = ArLexTokAt(c->ls, i - 1)->key < 0 ? ArLexTokAt(c->ls, i - 1)->pre : 0;
		}
		/* اليوم الماضي = yesterday */
		else if (off == 0 && (e = ArLexEntryAt(c->ls, i + 1, LX_RELADJ)) != NULL)
		{
			off = (int) e->val;
			last = i + 1;
		}
		else if (off == 0 && (ArLexEntryAt(c->ls, i + 1, LX_MONTHCUE) || ArLexEntryAt(c->ls, i + 1, LX_PARTICLE) ||
							  ArLexEntryAt(c->ls, i + 1, LX_RELUNIT)))
			return -1;			/* اليوم الذي يليه: not today */
		ref_shift(c->ref, off, 0, 0, &y, &m, &d);
		it = demit(c, first, last, pre ? ArLexTokAt(c->ls, first)->prechars : 0, y, m, d, AR_DATE_DAY);
		if (it)
			it->relative = true;
		return it ? last : -1;
	}
	if ((e = ArLexEntryAtStripped(c->ls, i, LX_RELUNIT, &pre)) != NULL && (ArLexEntryAt(c->ls, i + 1, LX_RELADJ) || ArLexEntryAt(c->ls, i - 1, LX_THIS)))
	{
		const ArLexEntry *adj = ArLexEntryAt(c->ls, i + 1, LX_RELADJ);
		int			off = adj ? (int) adj->val : 0;
		int			first = adj ? i : i - 1;
		int			last = adj ? i + 1 : i;
		ArDatePrecision p;

		if (e->val == 7)
		{
			/* ISO weeks: the Monday of the week */
			int64_t		z = days_from_civil(c->ref->year, c->ref->month, c->ref->day) + 7 * off;

			z -= (weekday_of(z) + 5) % 7;
			civil_from_days(z, &y, &m, &d);
			p = AR_DATE_WEEK;
		}
		else if (e->val == 30)
		{
			ref_shift(c->ref, 0, off, 0, &y, &m, &d);
			d = 1;
			p = AR_DATE_MONTH;
		}
		else
		{
			y = c->ref->year + off;
			m = d = 1;
			p = AR_DATE_YEAR;
		}
		/* "الأسبوع المقبل يوم الجمعة" is the weekday rule's */
		if (e->val == 7 && (ArLexEntryAt(c->ls, last + 1, LX_WEEKDAY) ||
							(ArLexEntryAt(c->ls, last + 1, LX_DURUNIT) && ArLexEntryAt(c->ls, last + 2, LX_WEEKDAY))))
			return -1;
		it = demit(c, first, last, (pre && first == i) ? ArLexTokAt(c->ls, i)->prechars : 0, y, m, d, p);
		if (it)
			it->relative = true;
		return it ? last : -1;
	}
	return -1;
}

/* قبل ثلاثة أيام، منذ أسبوعين، بعد 3 أشهر، قبل عامين: the reference moved. */
static int
rule_ago(DCtx *c, int i)
{
	uint8_t		apre = 0;
	const ArLexEntry *ago = ArLexEntryAtStripped(c->ls, i, LX_AGO, &apre);
	const ArLexEntry *u;
	int64_t		amount = 1;
	int			k = i + 1,
				end,
				y,
				m,
				d,
				sign;
	ArDateItem *it;

	if (!c->ref->has)
		return -1;
	if (ago)
		sign = (int) ago->val;
	else if (ArLexEntryAtStripped(c->ls, i, LX_DURCUE, &apre) && ArLexTokAt(c->ls, i)->byte_len - (ArLexTokAt(c->ls, i)->key < 0 ? ArLexTokAt(c->ls, i)->prebytes : 0) == 6)	/* منذ */
		sign = -1;
	else
		return -1;
	if ((u = ArLexEntryAt(c->ls, k, LX_DURUNIT)) != NULL)
	{
		if (u->flags & LXF_PLURAL)
			return -1;
		if (u->flags & LXF_DUAL)
			amount = 2;
		end = k;
		if (ArLexInRange(c->ls, k + 1) && ArLexTokAt(c->ls, k + 1)->type == AR_TOK_NUMBER)
			return -1;			/* منذ عام 2014 */
		if (ArLexEntryAt(c->ls, k + 1, LX_RELDAY))
			return -1;			/* قبل يوم أمس */
	}
	else if (ArNumCardinalAt(c->ls, k, &amount, &end) && (u = ArLexEntryAt(c->ls, end + 1, LX_DURUNIT)) != NULL &&
			 !(u->flags & LXF_DUAL) && amount <= 100000)
		end = end + 1;
	else
		return -1;
	if (u->val < 4)
		return -1;				/* hours and minutes do not move the date */
	switch (u->val)
	{
		case 4:
			ref_shift(c->ref, (int) (sign * amount), 0, 0, &y, &m, &d);
			break;
		case 5:
			ref_shift(c->ref, (int) (sign * amount * 7), 0, 0, &y, &m, &d);
			break;
		case 6:
			ref_shift(c->ref, 0, (int) (sign * amount), 0, &y, &m, &d);
			break;
		default:
			ref_shift(c->ref, 0, 0, (int) (sign * amount), &y, &m, &d);
			break;
	}
	it = demit(c, i, end, (apre && ArLexTokAt(c->ls, i)->key < 0) ? ArLexTokAt(c->ls, i)->prechars : 0, y, m, d, AR_DATE_DAY);
	if (it)
		it->relative = true;
	return it ? end : -1;
}

/* Emit the day z (days since the epoch) on tokens [first..last] as a date
 * relative to the reference; returns last, or -1 when it cannot be. */
static int
emit_relative_day(DCtx *c, int first, int last, size_t prechars, int64_t z)
{
	int			y,
				m,
				d;
	ArDateItem *it;

	civil_from_days(z, &y, &m, &d);
	it = demit(c, first, last, prechars, y, m, d, AR_DATE_DAY);
	if (it)
		it->relative = true;
	return it ? last : -1;
}

/* Weekday wd (0 = Sunday) of the week `weeks` weeks from day z0, weeks
 * running Saturday to Friday. */
static int64_t
weekday_in_week(int64_t z0, int weeks, int wd)
{
	int64_t		z = z0 + 7 * weeks;

	return z - (weekday_of(z) + 5) % 7 + (wd + 5) % 7;
}

/* الأسبوع المقبل [يوم] الجمعة، هذا الأسبوع الجمعة: the week, then the day.
 * Returns -2 when token i does not open such a phrase. */
static int
rule_week_then_weekday(DCtx *c, int i, int64_t z0)
{
	const ArLexEntry *wd;
	const ArLexEntry *adj;
	const ArLexEntry *unit;
	int			weeks = 0;
	int			first = i;
	int			k;
	uint8_t		pre = 0;

	unit = ArLexEntryAtStripped(c->ls, i, LX_RELUNIT, &pre);
	if (!unit || ArLexEntryAtStripped(c->ls, i, LX_RELUNIT, NULL)->val != 7)
		return -2;
	if ((adj = ArLexEntryAt(c->ls, i + 1, LX_RELADJ)) != NULL)
	{
		weeks = adj->val;
		k = i + 2;
	}
	else if (ArLexEntryAt(c->ls, i - 1, LX_THIS))
	{
		first = i - 1;
		pre = 0;
		k = i + 1;
	}
	else
		return -2;
	if (ArLexEntryAt(c->ls, k, LX_DURUNIT) && ArLexEntryAt(c->ls, k + 1, LX_WEEKDAY))
		k++;
	if (!(wd = ArLexEntryAt(c->ls, k, LX_WEEKDAY)))
		return -1;
	return emit_relative_day(c, first, k, pre ? ArLexTokAt(c->ls, i)->prechars : 0,
							 weekday_in_week(z0, weeks, wd->val));
}

/* After the weekday at i: الجمعة [من] الأسبوع المقبل (its week), or الجمعة
 * المقبلة / الماضية (the nearest such day after / before the reference). */
static int
weekday_then_relative(DCtx *c, int i, const ArLexEntry *wd, size_t prechars, int64_t z0)
{
	const ArLexEntry *adj;
	int			k = i + 1;
	int			k2 = ArLexEntryAt(c->ls, k, LX_FROM) ? k + 1 : k;
	int64_t		z;

	if (ArLexEntryAt(c->ls, k2, LX_RELUNIT) && ArLexEntryAt(c->ls, k2, LX_RELUNIT)->val == 7 &&
		(adj = ArLexEntryAt(c->ls, k2 + 1, LX_RELADJ)) != NULL)
		return emit_relative_day(c, i, k2 + 1, prechars, weekday_in_week(z0, adj->val, wd->val));
	if ((adj = ArLexEntryAt(c->ls, k, LX_RELADJ)) == NULL || adj->val == 0)
		return -2;				/* neither: try a day of the month */
	z = z0;
	do
		z += adj->val;
	while (weekday_of(z) != wd->val);
	return emit_relative_day(c, i, k, prechars, z);
}

/* The day of the month after a weekday at token *k: digits (الخميس 21), an
 * ordinal or cardinal in words (السبت السادس عشر، الخميس في الحادي
 * والعشرين), or التاسع عشر من هذا الشهر; moves *k to its last token.
 * Returns the day, or -1. */
static int
day_after_weekday(const DCtx *c, int *k)
{
	int			day = int_at(c, *k, 2);
	int			k2;
	int64_t		v;
	int			e2;

	if (day >= 0)
		return day;
	k2 = ArLexEntryAt(c->ls, *k, LX_PREP) ? *k + 1 : *k;
	if ((ArNumOrdinalAt(c->ls, k2, &v, &e2) || ArNumCardinalAt(c->ls, k2, &v, &e2)) &&
		v >= 1 && v <= 31 && !ArLexEntryAt(c->ls, e2 + 1, LX_FROM) &&
		!ArLexEntryAt(c->ls, e2 + 1, LX_MONTH))
	{
		*k = e2;
		return (int) v;
	}
	if (ArNumOrdinalAt(c->ls, k2, &v, &e2) && v >= 1 && v <= 31 &&
		ArLexEntryAt(c->ls, e2 + 1, LX_FROM) && ArLexEntryAt(c->ls, e2 + 2, LX_THIS) &&
		ArLexEntryAt(c->ls, e2 + 3, LX_RELUNIT))
	{
		*k = e2 + 3;
		return (int) v;
	}
	return day;
}

/* Nothing after token k makes it part of a longer date, a time or a range
 * (a month, a date separator, a colon, من / إلى). */
static bool
day_stands_alone(const DCtx *c, int k)
{
	return !ArLexEntryAt(c->ls, k + 1, LX_MONTH) && !ArLexEntryAt(c->ls, k + 1, LX_MONTHPRE) &&
		!ArLexEntryAt(c->ls, k + 1, LX_HIJRIPRE) && !ArLexEntryAt(c->ls, k + 1, LX_MONTHCUE) &&
		!ArLexIsPunct(c->ls, k + 1, '/') && !ArLexIsPunct(c->ls, k + 1, '-') &&
		!ArLexIsPunct(c->ls, k + 1, '.') && !ArLexIsPunct(c->ls, k + 1, ':') &&
		!ArLexEntryAt(c->ls, k + 1, LX_TO) && !ArLexEntryAt(c->ls, k + 1, LX_FROM);
}

/* A weekday then a day of the month: the day in the reference's month, the
 * one before or the one after that falls on that weekday. */
static int
weekday_then_day(DCtx *c, int i, const ArLexEntry *wd, size_t prechars)
{
	static const int months[3] = {0, -1, 1};
	int			k = i + 1;
	int			day = day_after_weekday(c, &k);
	int			y,
				m,
				d;

	if (day < 1 || day > 31 || k <= i || !day_stands_alone(c, k))
		return -1;
	for (int delta = 0; delta <= 2; delta++)
	{
		ArDateItem *it;

		ref_shift(c->ref, 0, months[delta], 0, &y, &m, &d);
		if (day > ArDaysInMonth(y, m))
			continue;
		if (weekday_of(days_from_civil(y, m, day)) == wd->val)
		{
			it = demit(c, i, k, prechars, y, m, day, AR_DATE_DAY);
			if (it)
				it->relative = true;
			return it ? k : -1;
		}
	}
	return -1;
}

/* Weekdays, relative to the reference: a week then its day (الأسبوع المقبل
 * يوم الجمعة), a day then its week or المقبل/الماضي (الجمعة من الأسبوع
 * المقبل، الأحد الماضي), a day then the day of the month (الخميس 21). */
static int
rule_weekday(DCtx *c, int i)
{
	const ArLexEntry *wd;
	int64_t		z0;
	uint8_t		pre = 0;
	size_t		prechars;
	int			end;

	if (!c->ref->has)
		return -1;
	z0 = days_from_civil(c->ref->year, c->ref->month, c->ref->day);
	end = rule_week_then_weekday(c, i, z0);
	if (end != -2)
		return end;
	if (!(wd = ArLexEntryAtStripped(c->ls, i, LX_WEEKDAY, &pre)))
		return -1;
	prechars = pre ? ArLexTokAt(c->ls, i)->prechars : 0;
	end = weekday_then_relative(c, i, wd, prechars, z0);
	if (end != -2)
		return end;
	return weekday_then_day(c, i, wd, prechars);
}

void
ArDatesExtract(const ArLexStream *ls, const ArDateRef *ref, ArDateList *out)
{
	DCtx		c;
	ArDateRef	none = {false, 0, 0, 0};

	c.ls = ls;
	c.ref = ref ? ref : &none;
	c.out = out;
	for (int i = 0; i < ls->n;)
	{
		const ArLexTok *t = ArLexTokAt(ls, i);
		int			end = -1;

		AR_CHECK_INTERRUPTS_EVERY(i);
		/* fast rejection: dates start with a number or a lexicon word */
		if (t->type != AR_TOK_NUMBER && !ArLexGrammarWord(t))
		{
			i++;
			continue;
		}
		if (t->type == AR_TOK_NUMBER)
		{
			end = rule_numeric(&c, i);
			if (end < 0)
				end = rule_day_month(&c, i);
			if (end < 0)
				end = rule_day_range(&c, i);
			if (end < 0)
				end = rule_year(&c, i);
		}
		else
		{
			end = rule_day_month(&c, i);
			if (end < 0)
				end = rule_month(&c, i);
			if (end < 0)
				end = rule_year(&c, i);
			if (end < 0)
				end = rule_weekday(&c, i);
			if (end < 0)
				end = rule_ago(&c, i);
			if (end < 0)
				end = rule_relative(&c, i);
		}
		i = end >= 0 ? end + 1 : i + 1;
	}
}
