/*
 * numkind.c — what a number is, from the words around it (see
 * numparse.h): money (a currency word, code or sign before or after),
 * percent, a duration, a clock time, a year, a count; and whether it is
 * approximate (نحو، حوالي …).
 */
#include "numparse.h"

#include <string.h>
#include <strings.h>

const char *const num_dur_units[] = {
	NULL, "second", "minute", "hour", "day", "week", "month", "year"
};

/* ISO code of a Latin currency code or symbol token, or NULL.  Codes come
 * from the lexicon (data/currencies.tsv in any case; the other ISO codes of
 * data/currencies_cldr.tsv in capitals only: ALL, TOP, CUP are words). */
const char *
num_latin_currency(const NumCtx *c, int i)
{
	const ArLexTok *t;
	const ArLexEntry *e;

	if (!ArLexInRange(c->ls, i))
		return NULL;
	t = ArLexTokAt(c->ls, i);
	if (t->type == AR_TOK_SYMBOL || t->type == AR_TOK_PUNCT)
	{
		for (size_t k = 0; k < sizeof(ar_cur_signs) / sizeof(ar_cur_signs[0]); k++)
			if (ar_cur_signs[k].cp == t->first_cp)
				return t->char_len == 1 ? ar_cur_signs[k].code : NULL;
		return NULL;
	}
	if (t->type != AR_TOK_LATIN || t->byte_len != 3 || (e = ArLexFind(t, LX_LATIN)) == NULL)
		return NULL;
	if (e->flags & LXF_UPPER)
		for (int k = 0; k < 3; k++)
			if (c->ls->buf[t->byte_start + k] < 'A' || c->ls->buf[t->byte_start + k] > 'Z')
				return NULL;
	return e->code;
}

/* ---- currencies ---- */

/* A one-letter Arabic token i (glued to the token before it when glued):
 * its bytes as written into out (أ and إ tell JOD from AED). */
static bool
abbrev_letter(const NumCtx *c, int i, bool glued, char *out, int *len)
{
	const ArLexTok *t;

	if (!ArLexInRange(c->ls, i))
		return false;
	t = ArLexTokAt(c->ls, i);
	if (t->type != AR_TOK_ARABIC || t->char_len != 1 || t->byte_len > 4 ||
		(glued && t->space_before))
		return false;
	memcpy(out, c->ls->buf + t->byte_start, t->byte_len);
	*len = (int) t->byte_len;
	return true;
}

/* An Arabic abbreviation from CLDR at token k: ج.م، ر.س. (letter, dot,
 * letter, a dot may follow).  Its last token, or -1; *code gets its code. */
static int
currency_abbrev(const NumCtx *c, int k, const char **code)
{
	char		w[8];
	int			n1,
				n2;

	if (!abbrev_letter(c, k, false, w, &n1) || !ArLexIsPunct(c->ls, k + 1, '.') ||
		ArLexTokAt(c->ls, k + 1)->space_before || !abbrev_letter(c, k + 2, true, w + n1, &n2))
		return -1;
	for (size_t a = 0; a < sizeof(ar_cur_abbrevs) / sizeof(ar_cur_abbrevs[0]); a++)
		if (strlen(ar_cur_abbrevs[a].letters) == (size_t) (n1 + n2) &&
			memcmp(ar_cur_abbrevs[a].letters, w, n1 + n2) == 0)
		{
			*code = ar_cur_abbrevs[a].code;
			if (ArLexIsPunct(c->ls, k + 3, '.') && !ArLexTokAt(c->ls, k + 3)->space_before)
				return k + 3;
			return k + 2;
		}
	return -1;
}

/* Does the qualifier p follow token k (its words, folded, on tokens k+1 …
 * of the same line)?  folded[w] caches the folded token k+1+w (len -2:
 * not folded yet). */
static bool
qualifier_at(const NumCtx *c, int k, const ArCurPhrase *p,
			 char folded[][AR_LEX_MAX_WORD + 8], int *flen)
{
	const char *w = p->words;
	const char *end = p->words + p->len;

	for (int j = 0; j < p->nwords; j++)
	{
		const char *sp = memchr(w, ' ', end - w);
		size_t		wlen = (sp ? sp : end) - w;
		int			i = k + 1 + j;

		if (!ArLexInRange(c->ls, i) || ArLexTokAt(c->ls, i)->break_before)
			return false;
		if (flen[j] == -2)
			flen[j] = ArLexFoldAt(c->ls, i, folded[j]);
		if (flen[j] != (int) wlen || memcmp(folded[j], w, wlen) != 0)
			return false;
		w += wlen + 1;
	}
	return true;
}

/* The longest qualifier of the currency family after token k (كرونة
 * نرويجية، دولار هونغ كونغ): its last token, or -1; *code gets its code. */
static int
currency_qualifier(const NumCtx *c, int k, int family, const char **code)
{
	char		folded[AR_CUR_MAX_WORDS][AR_LEX_MAX_WORD + 8];
	int			flen[AR_CUR_MAX_WORDS];

	for (int j = 0; j < AR_CUR_MAX_WORDS; j++)
		flen[j] = -2;
	/* every qualifier starts with an Arabic word on the same line */
	if (!ArLexInRange(c->ls, k + 1) || ArLexTokAt(c->ls, k + 1)->break_before ||
		(flen[0] = ArLexFoldAt(c->ls, k + 1, folded[0])) <= 0)
		return -1;
	for (int p = ar_cur_family_first[family]; p < ar_cur_family_first[family + 1]; p++)
	{
		const ArCurPhrase *ph = &ar_cur_phrases[p];

		/* a cheap test of the first word before the whole phrase */
		if (ph->len < flen[0] || memcmp(ph->words, folded[0], flen[0]) != 0 ||
			(ph->len > flen[0] && ph->words[flen[0]] != ' '))
			continue;
		if (qualifier_at(c, k, ph, folded, flen))
		{
			*code = ph->code;
			return k + ph->nwords;
		}
	}
	return -1;
}

/* How far (in tokens, each way, within the sentence) a place may be from an
 * open currency noun it settles; the measured cases lie within 35. */
#define PLACE_WINDOW 40

/* The place entry of family `family` at token i (whole word or without its
 * proclitics: بتونس، والكويت), or NULL. */
static const ArLexEntry *
place_at(const NumCtx *c, int i, int family)
{
	const ArLexTok *t = ArLexTokAt(c->ls, i);
	int			keys[2] = {t->key, t->skey};

	for (int k = 0; k < 2; k++)
		if (keys[k] >= 0)
			for (int e = 0; e < AR_LEX_COUNT(keys[k]); e++)
			{
				const ArLexEntry *en = &AR_LEX_ENTRIES(keys[k])[e];

				if (en->cls == LX_PLACE && en->family == family)
					return en;
			}
	return NULL;
}

/* The context rule: the code of the place nearest to the open currency noun
 * at token k (دينار، درهم، جنيه، ليرة …) in the same sentence — a country,
 * one of its cities or its nationality adjective whose currency has that
 * noun: "رصدت الإمارات 100 مليون درهم" → AED.  NULL when none. */
static const char *
currency_from_place(const NumCtx *c, int k, int family)
{
	bool		left = true,
				right = true;

	for (int d = 1; d <= PLACE_WINDOW && (left || right); d++)
	{
		const ArLexEntry *e;

		/* token k - d + 1 opens the sentence: nothing further left */
		if (left && (!ArLexInRange(c->ls, k - d) || ArLexTokAt(c->ls, k - d + 1)->break_before))
			left = false;
		if (left && (e = place_at(c, k - d, family)) != NULL)
			return e->code;
		if (right && (!ArLexInRange(c->ls, k + d) || ArLexTokAt(c->ls, k + d)->break_before))
			right = false;
		if (right && (e = place_at(c, k + d, family)) != NULL)
			return e->code;
	}
	return NULL;
}

/* A currency word at token k, with the qualifier that settles its code
 * (دولار أمريكي، كرونة نرويجية), a Latin code or sign, or an Arabic
 * abbreviation (ج.م): *found, *code;
 * returns the last token.  A noun flagged "qualified" (a CLDR name that is
 * also a common word) is money only with its qualifier. */
int
num_currency_at(const NumCtx *c, int k, const char **code, bool *found)
{
	const ArLexEntry *cur = ArLexEntryAt(c->ls, k, LX_CURRENCY);
	const char *lc;
	int			last;

	*found = false;
	if (cur)
	{
		last = currency_qualifier(c, k, cur->family, code);

		if (last >= 0)
		{
			*found = true;
			return last;
		}
		if (cur->flags & LXF_QUALIFIED)
			return k;
		*found = true;
		*code = cur->code ? cur->code : currency_from_place(c, k, cur->family);
		return k;
	}
	if ((lc = num_latin_currency(c, k)) != NULL)
	{
		*found = true;
		*code = lc;
		return k;
	}
	if ((last = currency_abbrev(c, k, code)) >= 0)
	{
		*found = true;
		return last;
	}
	return k;
}

/* ---- classification: kind, unit and approx flag from the words around ---- */

/* Approximations before (نحو، حوالي، بنحو، أكثر من، ما يزيد على) or after. */
static void
mark_approx(const NumCtx *c, ArNumItem *it)
{
	int			L = it->tok_first - 1;
	int			R = it->tok_last + 1;
	const ArLexEntry *e;
	uint8_t		pre;

	if ((e = ArLexEntryAtStripped(c->ls, L, LX_APPROX, &pre)) != NULL &&
		!(e->flags & LXF_NEEDSPREP))
		it->approx = true;
	else if ((ArLexEntryAt(c->ls, L, LX_FROM) || ArLexEntryAt(c->ls, L, LX_PREP)) &&
			 (e = ArLexEntryAtStripped(c->ls, L - 1, LX_APPROX, &pre)) != NULL &&
			 (e->flags & LXF_NEEDSPREP))
		it->approx = true;
	if (ArLexInRange(c->ls, R) && ArLexEntryAt(c->ls, R, LX_APPROXAFTER))
		it->approx = true;
}

/* Money with the sign or code before: $5، €2bn، US$ 3، USD 10 (a trailing
 * code repeats it: $5 USD). */
static bool
classify_money_sign_before(const NumCtx *c, ArNumItem *it)
{
	int			L = it->tok_first - 1;
	const char *code;

	if (!ArLexInRange(c->ls, L) || (code = num_latin_currency(c, L)) == NULL)
		return false;
	it->kind = AR_NUM_MONEY;
	it->unit = code;
	it->char_start = ArLexTokAt(c->ls, L)->char_start;
	it->byte_start = ArLexTokAt(c->ls, L)->byte_start;
	if (code[0] == 'U' && ArLexInRange(c->ls, L - 1) &&
		ArLexTokAt(c->ls, L - 1)->type == AR_TOK_LATIN &&
		ArLexTokAt(c->ls, L - 1)->byte_len == 2 && !ArLexTokAt(c->ls, L)->space_before &&
		strncasecmp(c->ls->buf + ArLexTokAt(c->ls, L - 1)->byte_start, "US", 2) == 0)
	{
		it->char_start = ArLexTokAt(c->ls, L - 1)->char_start;
		it->byte_start = ArLexTokAt(c->ls, L - 1)->byte_start;
	}
	return true;
}

/* في at token k: the preposition written as two letters. */
static bool
fi_at(const NumCtx *c, int k)
{
	return ArLexEntryAt(c->ls, k, LX_PREP) && ArLexTokAt(c->ls, k)->byte_len == 4;
}

/* A percent sign or phrase at R: 5%، 5 %، 5 في المائة، 5 بالمئة، 3 نقاط
 * مئوية.  Returns its last token (*unit gets the unit), or -1. */
static int
percent_after(const NumCtx *c, int R, const char **unit)
{
	uint8_t		pre;

	*unit = "percent";
	if (ArLexTokAt(c->ls, R)->type == AR_TOK_PERCENT)
		return R;
	if (fi_at(c, R) && ArLexInRange(c->ls, R + 1) && ArLexEntryAt(c->ls, R + 1, LX_PCTWORD))
		return R + 1;
	if (ArLexEntryAtStripped(c->ls, R, LX_PCTWORD, &pre) != NULL && pre == AR_PRE_BI)
		return R;
	*unit = "percentage point";
	if (ArLexEntryAt(c->ls, R, LX_PCTPOINT) && ArLexInRange(c->ls, R + 1) &&
		ArLexEntryAt(c->ls, R + 1, LX_PCTADJ))
		return R + 1;
	return -1;
}

/* A day part after token R (صباحا، مساء): "مساء" moves hours before 12 by
 * 12 hours; the mention grows to take it. */
static void
take_day_part(const NumCtx *c, ArNumItem *it, int R, int64_t hour)
{
	const ArLexEntry *e;

	if (!ArLexInRange(c->ls, R) || (e = ArLexEntryAt(c->ls, R, LX_DAYPART)) == NULL)
		return;
	if (e->val == 12 && hour < 12)
		it->val = ArNumValAdd(it->val, ArNumValMake(12, 1));
	num_extend(c, it, R);
}

/* Minutes after a colon glued to an hour 0–24 in digits: 10:30. */
static bool
clock_minutes_at(const NumCtx *c, const ArNumItem *it, int R, int64_t iv)
{
	return ArLexIsPunct(c->ls, R, ':') && ArLexInRange(c->ls, R + 1) &&
		ArLexTokAt(c->ls, R + 1)->type == AR_TOK_NUMBER && !ArLexTokAt(c->ls, R)->space_before &&
		!ArLexTokAt(c->ls, R + 1)->space_before &&
		ArLexTokAt(c->ls, it->tok_last)->type == AR_TOK_NUMBER && iv >= 0 && iv <= 24 &&
		ArLexTokAt(c->ls, R + 1)->char_len <= 2 && !ArLexTokAt(c->ls, R + 1)->has_decimal;
}

/* The words right after the number (token R, on the same line) decide:
 * percent, money with the currency after, a duration, a clock time. */
static bool
classify_by_right(NumCtx *c, ArNumItem *it, int64_t iv)
{
	int			L = it->tok_first - 1;
	int			R = it->tok_last + 1;
	const ArLexEntry *e;
	const char *code = NULL;
	bool		found;
	int			last;

	if ((last = percent_after(c, R, &code)) >= 0)
	{
		it->kind = AR_NUM_PERCENT;
		it->unit = code;
		num_extend(c, it, last);
		return true;
	}
	/* money with the currency after: 5 مليارات دولار، 10 دولارات، 3.42$ */
	last = num_currency_at(c, R, &code, &found);
	if (found)
	{
		it->kind = AR_NUM_MONEY;
		it->unit = code;
		num_extend(c, it, last);
		return true;
	}
	/* durations: 10 أيام، ثلاث سنوات، 70 عامًا */
	if ((e = ArLexEntryAt(c->ls, R, LX_DURUNIT)) != NULL && !(e->flags & LXF_DUAL) &&
		!ArLexEntryAt(c->ls, L, LX_YEARCUE) && it->kind != AR_NUM_ORDINAL)
	{
		it->kind = AR_NUM_DURATION;
		it->unit = num_dur_units[e->val];
		num_extend(c, it, R);
		return true;
	}
	/* times: 10:30 (صباحا) */
	if (clock_minutes_at(c, it, R, iv))
	{
		ArNumVal	m = num_digits_value(c->ls, ArLexTokAt(c->ls, R + 1), false);
		int64_t		mv = ArNumValSmallInt(&m);

		if (mv >= 0 && mv < 60)
		{
			it->kind = AR_NUM_TIME;
			it->val = ArNumValAdd(it->val, ArNumValMake(mv, 60));
			num_extend(c, it, R + 1);
			take_day_part(c, it, R + 2, iv);
			return true;
		}
	}
	return false;
}

/* A year mark (م، هـ) at token R, on the same line. */
static bool
year_mark_at(const NumCtx *c, int R)
{
	return ArLexInRange(c->ls, R) &&
		(ArLexEntryAt(c->ls, R, LX_YEARMARK) || ArLexEntryAt(c->ls, R, LX_HIJRIMARK)) &&
		!ArLexTokAt(c->ls, R)->break_before;
}

/* A year 1–2200 without a scale: after عام/سنة (digits, or words from
 * 1000), after a month name (digits), or digits from 100 before a year
 * mark: عام 2024، لعام 1949، نوفمبر 2024، 2024م. */
static bool
year_by_cue(const NumCtx *c, const ArNumItem *it, int64_t iv)
{
	int			L = it->tok_first - 1;
	int			R = it->tok_last + 1;
	bool		digits = ArLexTokAt(c->ls, it->tok_first)->type == AR_TOK_NUMBER;
	uint8_t		pre;

	if (iv < 1 || iv > 2200 || it->scale)
		return false;
	return (ArLexEntryAtStripped(c->ls, L, LX_YEARCUE, &pre) && (digits || iv >= 1000)) ||
		(ArLexEntryAt(c->ls, L, LX_MONTH) && digits) ||
		(year_mark_at(c, R) && iv >= 100 && digits);
}

/* The year of a numeric date: 15/10/2025، 21-04-2016 (four digits after a
 * day or month of at most two and the same separator twice). */
static bool
year_of_numeric_date(const NumCtx *c, const ArNumItem *it, int64_t iv)
{
	int			L = it->tok_first - 1;
	const ArLexTok *first = ArLexTokAt(c->ls, it->tok_first);

	return iv >= 1 && iv <= 9999 && first->char_len == 4 &&
		(ArLexIsPunct(c->ls, L, '/') || ArLexIsPunct(c->ls, L, '-') ||
		 ArLexIsPunct(c->ls, L, '.')) &&
		!ArLexTokAt(c->ls, L)->space_before && !first->space_before &&
		ArLexInRange(c->ls, L - 1) && ArLexTokAt(c->ls, L - 1)->type == AR_TOK_NUMBER &&
		ArLexTokAt(c->ls, L - 1)->char_len <= 2 && ArLexInRange(c->ls, L - 2) &&
		ArLexTokAt(c->ls, L - 2)->first_cp == ArLexTokAt(c->ls, L)->first_cp &&
		(ArLexTokAt(c->ls, L - 2)->type == AR_TOK_PUNCT ||
		 ArLexTokAt(c->ls, L - 2)->type == AR_TOK_SYMBOL);
}

/* Four digits 1900–2100 after a preposition or a duration cue (في 2024،
 * منذ 2011، حتى 2030). */
static bool
year_after_preposition(const NumCtx *c, const ArNumItem *it, int64_t iv)
{
	int			L = it->tok_first - 1;
	const ArLexTok *first = ArLexTokAt(c->ls, it->tok_first);

	return iv >= 1900 && iv <= 2100 && first->type == AR_TOK_NUMBER && first->char_len == 4 &&
		(ArLexEntryAtStripped(c->ls, L, LX_PREP, NULL) ||
		 ArLexEntryAtStripped(c->ls, L, LX_TO, NULL) ||
		 ArLexEntryAtStripped(c->ls, L, LX_FROM, NULL) ||
		 ArLexEntryAtStripped(c->ls, L, LX_DURCUE, NULL));
}

/* True for an entry that says nothing about a word after a number: a CLDR
 * currency noun that is also a common word (بير، أفغاني) without its
 * qualifier, or a place that may settle a currency (تونس، التونسية). */
static bool
entry_says_nothing(const ArLexEntry *e)
{
	return (e->cls == LX_CURRENCY && (e->flags & LXF_QUALIFIED)) || e->cls == LX_PLACE;
}

/* A word the lexicon gives no other role: a noun a number may count. */
static bool
plain_noun(const ArLexTok *t)
{
	int			keys[2] = {t->key, t->skey};

	for (int k = 0; k < 2; k++)
		if (keys[k] >= 0)
			for (int e = 0; e < AR_LEX_COUNT(keys[k]); e++)
				if (!entry_says_nothing(&AR_LEX_ENTRIES(keys[k])[e]))
					return false;
	return true;
}

/* The words before the number decide (and a day part after a clock hour):
 * a time, a percent after نسبة, a duration of one, a year, a count. */
static void
classify_by_left(NumCtx *c, ArNumItem *it, int64_t iv)
{
	int			L = it->tok_first - 1;
	int			R = it->tok_last + 1;
	const ArLexEntry *e;
	uint8_t		pre;
	bool		same_line = ArLexInRange(c->ls, R) && !ArLexTokAt(c->ls, R)->break_before;

	if (ArLexEntryAt(c->ls, L, LX_TIMECUE) && iv >= 0 && iv <= 24)
	{
		/* الساعة 10 صباحا */
		it->kind = AR_NUM_TIME;
		if (same_line)
			take_day_part(c, it, R, iv);
		return;
	}
	if (it->kind == AR_NUM_ORDINAL)
	{
		/* العاشرة صباحًا */
		if (same_line && ArLexEntryAt(c->ls, R, LX_DAYPART) && iv >= 1 && iv <= 12)
		{
			it->kind = AR_NUM_TIME;
			take_day_part(c, it, R, iv);
		}
		return;
	}
	/* percent without a sign after نسبة: بنسبة 5 */
	if (ArLexEntryAtStripped(c->ls, L, LX_PCTRATIO, &pre))
	{
		it->kind = AR_NUM_PERCENT;
		it->unit = "percent";
		return;
	}
	/* سنة واحدة، عام واحد: a duration of one */
	if (iv == 1 && it->words && (e = ArLexEntryAt(c->ls, L, LX_DURUNIT)) != NULL &&
		!(e->flags & (LXF_DUAL | LXF_PLURAL)))
	{
		it->kind = AR_NUM_DURATION;
		it->unit = num_dur_units[e->val];
		it->char_start = ArLexTokAt(c->ls, L)->char_start;
		it->byte_start = ArLexTokAt(c->ls, L)->byte_start;
		return;
	}
	if (year_by_cue(c, it, iv))
	{
		it->kind = AR_NUM_YEAR;
		if (year_mark_at(c, R))
			num_extend(c, it, R);
		return;
	}
	if (year_of_numeric_date(c, it, iv) || year_after_preposition(c, it, iv))
	{
		it->kind = AR_NUM_YEAR;
		return;
	}
	/* counts: a number before a noun (30 دولة، ثلاثة وزراء) */
	if (same_line && ArLexTokAt(c->ls, R)->type == AR_TOK_ARABIC &&
		plain_noun(ArLexTokAt(c->ls, R)) && iv >= 0 && it->kind == AR_NUM_NUMBER)
		it->kind = AR_NUM_COUNT;
}

/* Settle kind, unit and flags of the number on tokens [first..last]. */
void
num_classify(NumCtx *c, ArNumItem *it)
{
	int			R = it->tok_last + 1;
	int64_t		iv = ArNumValSmallInt(&it->val);

	mark_approx(c, it);
	if (it->kind != AR_NUM_NUMBER && it->kind != AR_NUM_ORDINAL && it->kind != AR_NUM_TIME)
		return;
	if (classify_money_sign_before(c, it))
		return;
	if (ArLexInRange(c->ls, R) && !ArLexTokAt(c->ls, R)->break_before &&
		classify_by_right(c, it, iv))
		return;
	classify_by_left(c, it, iv);
}
