/*
 * numbers.c — the Arabic number grammar (see numbers.h): the driver.
 *
 * One pass over the tokens: at each one an ordinal or a cardinal
 * (numwords.c), else a stand-alone dual or a noun with the number after it
 * (يومين، ليرة واحدة, here); each mention found is classified by the words
 * around it (numkind.c).  A second pass folds money subunits into their
 * amount and gives the first end of a range the unit and scale of the
 * second.  Values are exact (numval.c).
 */
#include "numparse.h"

#include <string.h>

static const char *const kind_names[] = {
	"number", "count", "ordinal", "year", "time", "duration", "money", "percent"
};

const char *
ArNumKindName(ArNumKind kind)
{
	return kind_names[kind];
}

void
ArNumListInit(ArNumList *l)
{
	ArArrayInit(l, 16);
}

void
ArNumListFree(ArNumList *l)
{
	for (int i = 0; i < l->n; i++)
		ArFree(l->items[i].val.big);
	ArArrayFree(l);
}

/* ---- emitting ---- */

/* Append a mention of tokens [first..last] (prechars: code points of
 * proclitics not part of it). */
static ArNumItem *
emit(NumCtx *c, ArNumKind kind, ArNumVal val, int first, int last, size_t prechars)
{
	ArNumList  *l = c->out;
	ArNumItem  *it;

	it = ArArrayPush(l);
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->val = val;
	it->tok_first = first;
	it->tok_last = last;
	it->tok_end = last;
	it->char_start = ArLexTokAt(c->ls, first)->char_start + prechars;
	it->char_end = ArLexTokAt(c->ls, last)->char_start + ArLexTokAt(c->ls, last)->char_len;
	it->byte_start = ArLexTokAt(c->ls, first)->byte_start +
		(prechars ? ArLexTokAt(c->ls, first)->prebytes : 0);
	it->byte_end = ArLexTokAt(c->ls, last)->byte_start + ArLexTokAt(c->ls, last)->byte_len;
	return it;
}

/* ---- stand-alone duals and nouns before their number ---- */

/* Stand-alone duals that are numbers by themselves: يومين، دولارين، نقطتين مئويتين. */
static bool
dual_word(NumCtx *c, int i)
{
	const ArLexEntry *e;
	ArNumItem  *it;
	bool		found;
	const char *code = NULL;
	uint8_t		pre = 0;

	if ((e = ArLexEntryAtStripped(c->ls, i, LX_DURUNIT, &pre)) != NULL && !(e->flags & LXF_PLURAL) &&
		!(ArLexInRange(c->ls, i + 1) && ArLexTokAt(c->ls, i + 1)->type == AR_TOK_NUMBER) && !ArLexEntryAt(c->ls, i + 1, LX_UNIT) &&
		((pre == 0 && ArLexEntryAtStripped(c->ls, i - 1, LX_DURCUE, NULL)) ||
		 (pre == AR_PRE_LI && ArLexEntryAtStripped(c->ls, i - 1, LX_DURCUE, NULL) == NULL) ||
		 ArLexEntryAt(c->ls, i + 1, LX_DURFULL)) &&
		!(e->flags & LXF_DUAL) &&
		!(pre == AR_PRE_LI && !ArLexEntryAt(c->ls, i + 1, LX_DURFULL)))
	{
		/* لمدة أسبوع، طوال اليوم، يوم كامل، ليوم كامل */
		it = emit(c, AR_NUM_DURATION, ArNumValMake(1, 1), i, i, pre ? ArLexTokAt(c->ls, i)->prechars : 0);
		it->unit = num_dur_units[e->val];
		it->words = true;
		if (ArLexEntryAt(c->ls, i + 1, LX_DURFULL))
			num_extend(c, it, i + 1);
		return true;
	}
	if ((e = ArLexEntryAt(c->ls, i, LX_DURUNIT)) != NULL &&
		((e->flags & LXF_DUAL) || (!(e->flags & LXF_PLURAL) && ArLexInRange(c->ls, i + 1) &&
								   ArLexTokAt(c->ls, i + 1)->pre == AR_PRE_WA &&
								   ArLexEntryAtStripped(c->ls, i + 1, LX_FRACTION, NULL))))
	{
		/* يومين، ساعة ونصف، ساعتين وربع */
		const ArLexEntry *f;
		uint8_t		fpre = 0;

		it = emit(c, AR_NUM_DURATION, ArNumValMake((e->flags & LXF_DUAL) ? 2 : 1, 1), i, i, 0);
		it->unit = num_dur_units[e->val];
		it->words = true;
		if (ArLexInRange(c->ls, i + 1) && (f = ArLexEntryAtStripped(c->ls, i + 1, LX_FRACTION, &fpre)) != NULL &&
			fpre == AR_PRE_WA && !(f->flags & (LXF_PLURAL | LXF_AFTERAND)) &&
			!ArLexTokAt(c->ls, i + 1)->break_before)
		{
			it->val = ArNumValAdd(it->val, ArNumValMake(f->val, f->den));
			num_extend(c, it, i + 1);
		}
		return true;
	}
	if ((e = ArLexEntryAt(c->ls, i, LX_CURRENCY)) != NULL && ArLexInRange(c->ls, i + 1) && !ArLexTokAt(c->ls, i + 1)->break_before)
	{
		/* ليرة واحدة، ريالان اثنان: the noun, then the number one or two */
		int			k = num_currency_at(c, i, &code, &found);
		const ArLexEntry *u = ArLexEntryAt(c->ls, k + 1, LX_UNIT);

		if (found && u && (u->val == 1 || u->val == 2) && !(u->flags & LXF_TEENONLY))
		{
			it = emit(c, AR_NUM_MONEY, ArNumValMake(u->val, 1), i, k + 1, 0);
			it->unit = code;
			it->words = true;
			return true;
		}
	}
	if ((e = ArLexEntryAt(c->ls, i, LX_CURRENCY)) != NULL && (e->flags & LXF_DUAL))
	{
		/* دولاران، كرونتين نرويجيتين: two units */
		int			last = num_currency_at(c, i, &code, &found);

		if (found)
		{
			it = emit(c, AR_NUM_MONEY, ArNumValMake(2, 1), i, i, 0);
			it->unit = code;
			it->words = true;
			num_extend(c, it, last);
			return true;
		}
	}
	if ((e = ArLexEntryAt(c->ls, i, LX_PCTPOINT)) != NULL && (e->flags & LXF_DUAL) && ArLexEntryAt(c->ls, i + 1, LX_PCTADJ))
	{
		it = emit(c, AR_NUM_PERCENT, ArNumValMake(2, 1), i, i, 0);
		it->unit = "percentage point";
		it->words = true;
		num_extend(c, it, i + 1);
		return true;
	}
	return false;
}

/* ---- after the pass: subunits and ranges ---- */

/* Money subunits: "عشرون ألف ريال و اثنتا عشرة هللة" adds 0.12 to the
 * amount; the subunit's number is folded into the money row. */
static void
merge_subunits(NumCtx *c)
{
	ArNumList  *l = c->out;
	int			w = 0;

	for (int k = 0; k < l->n; k++)
	{
		ArNumItem  *a = &l->items[k];

		l->items[w] = *a;
		a = &l->items[w];
		w++;
		if (a->kind == AR_NUM_MONEY && k + 1 < l->n && !a->val.big)
		{
			ArNumItem  *b = &l->items[k + 1];
			int			gap = b->tok_first - a->tok_end;
			const ArLexEntry *su = ArLexEntryAt(c->ls, b->tok_last + 1, LX_SUBUNIT);

			if (su && !b->val.big && ArNumValSmallInt(&b->val) > 0 &&
				ArNumValSmallInt(&b->val) < su->den &&
				((gap == 2 && num_is_and(c, a->tok_end + 1)) ||
				 (gap == 1 && ArLexTokAt(c->ls, b->tok_first)->pre == AR_PRE_WA)))
			{
				a->val = ArNumValAdd(a->val, ArNumValMake(ArNumValSmallInt(&b->val), su->den));
				num_extend(c, a, b->tok_last + 1);
				ArFree(b->val.big);
				k++;
			}
		}
	}
	l->n = w;
}

/* Ranges: بين 2 و3%، من 10 إلى 20 دولار، 2-3 مليارات: the first end takes
 * the unit and scale of the second. */
static void
link_ranges(NumCtx *c)
{
	ArNumList  *l = c->out;

	for (int k = 0; k + 1 < l->n; k++)
	{
		ArNumItem  *a = &l->items[k];
		ArNumItem  *b = &l->items[k + 1];
		int			gap = b->tok_first - a->tok_end;
		bool		range = false;

		if (gap == 2 && (ArLexIsPunct(c->ls, a->tok_end + 1, '-') || ArLexIsPunct(c->ls, a->tok_end + 1, AR_CP_EN_DASH)))
			range = true;
		else if (gap == 2 && num_is_and(c, a->tok_end + 1) && ArLexEntryAtStripped(c->ls, a->tok_first - 1, LX_BETWEEN, NULL))
			range = true;
		else if (gap == 2 && ArLexEntryAt(c->ls, a->tok_end + 1, LX_TO) && ArLexEntryAtStripped(c->ls, a->tok_first - 1, LX_FROM, NULL))
			range = true;
		else if (gap == 1 && ArLexTokAt(c->ls, b->tok_first)->type == AR_TOK_ARABIC &&
				 ArLexTokAt(c->ls, b->tok_first)->pre == AR_PRE_WA && ArLexEntryAtStripped(c->ls, a->tok_first - 1, LX_BETWEEN, NULL))
			range = true;
		if (!range)
			continue;
		if (a->kind == AR_NUM_YEAR && b->kind != AR_NUM_YEAR &&
			ArNumValSmallInt(&b->val) >= 1000 && ArNumValSmallInt(&b->val) <= 2200)
			b->kind = AR_NUM_YEAR;
		if ((a->kind == AR_NUM_NUMBER || a->kind == AR_NUM_COUNT) &&
			(b->kind == AR_NUM_MONEY || b->kind == AR_NUM_PERCENT || b->kind == AR_NUM_DURATION ||
			 b->kind == AR_NUM_YEAR))
		{
			a->kind = b->kind;
			a->unit = b->unit;
			if (b->scale && !a->scale && !a->val.big && ArNumValSmallInt(&a->val) < 1000 &&
				(b->kind != AR_NUM_YEAR))
			{
				ArNumValScale(&a->val, b->scale);
				a->scale = b->scale;
			}
		}
		else if (a->kind == AR_NUM_NUMBER && b->kind == AR_NUM_NUMBER &&
				 ArLexIsPunct(c->ls, a->tok_end + 1, '-') && ArNumValSmallInt(&a->val) >= 1900 &&
				 ArNumValSmallInt(&a->val) <= 2100 && ArNumValSmallInt(&b->val) >= 1900 &&
				 ArNumValSmallInt(&b->val) <= 2100)
			a->kind = b->kind = AR_NUM_YEAR;
	}
}

/* Is the word after number it a purpose or a place with ل or في (4 ملايين
 * للتعليم، في الملعب), not a counted noun (4 ملايين نسمة، 650 ألف لاجئ)? */
static bool
purpose_after(const NumCtx *c, const ArNumItem *it)
{
	const ArLexTok *t;

	if (!ArLexInRange(c->ls, it->tok_end + 1))
		return false;
	t = ArLexTokAt(c->ls, it->tok_end + 1);
	/* the proclitic ل on a definite word (للفرع، للتعليم: ل + ال), or on a
	 * word the lexicon knows; لاجئ، لبنان begin with ل themselves */
	return t->type == AR_TOK_ARABIC &&
		((t->byte_len > 4 && memcmp(c->ls->buf + t->byte_start, AR_STR_LAM AR_STR_LAM, 4) == 0) ||
		 (t->pre & AR_PRE_LI) || ArLexEntryAt(c->ls, it->tok_end + 1, LX_PREP));
}

/*
 * "بقيمة 10 ملايين ريال، منها 4 ملايين للتعليم": news leaves the currency
 * out when it names a second sum of the same money.  A bare number with a
 * scale word (ألف … تريليون: a sum, not a year), not counting a noun after
 * it, after a money amount of the same sentence, at most CARRY_WINDOW tokens
 * on and with no share or count in between, is money in that amount's
 * currency.
 */
#define CARRY_WINDOW 20
static void
carry_currency(NumCtx *c)
{
	ArNumList  *l = c->out;
	const ArNumItem *money = NULL;

	for (int k = 0; k < l->n; k++)
	{
		ArNumItem  *it = &l->items[k];

		if (it->kind == AR_NUM_MONEY)
		{
			money = it;
			continue;
		}
		/* a share or a count in between: the sums are of something else now */
		if (it->kind == AR_NUM_PERCENT || (it->kind == AR_NUM_COUNT && !purpose_after(c, it)))
			money = NULL;
		if (!money || (it->kind != AR_NUM_NUMBER && !(it->kind == AR_NUM_COUNT && purpose_after(c, it))) ||
			it->scale < 3 || it->tok_first - money->tok_end > CARRY_WINDOW)
			continue;
		for (int j = money->tok_end + 1; j <= it->tok_first && money; j++)
			if (ArLexTokAt(c->ls, j)->break_before)
				money = NULL;
		if (money)
		{
			it->kind = AR_NUM_MONEY;
			it->unit = money->unit;
		}
	}
}

/* ---- entry points ---- */

void
ArNumbersExtract(const ArLexStream *ls, ArNumList *out)
{
	NumCtx			c;
	int			i = 0;

	c.ls = ls;
	c.out = out;
	while (i < ls->n)
	{
		const ArLexTok *t = ArLexTokAt(ls, i);
		NumParse	np;
		int64_t		ov;
		int			oend;
		bool		fem;

		AR_CHECK_INTERRUPTS_EVERY(i);
		/* fast rejection: only digits, a minus, and lexicon words can start one */
		if (t->type != AR_TOK_NUMBER && !ArLexGrammarWord(t) &&
			!(t->type == AR_TOK_PUNCT && (t->first_cp == '-' || t->first_cp == '.' ||
										  t->first_cp == AR_CP_DECIMAL_SEP)))
		{
			i++;
			continue;
		}
		if (t->type == AR_TOK_ARABIC && num_parse_ordinal(&c, i, &ov, &oend, &fem))
		{
			bool		digits = ArLexEntryAt(c.ls, i, LX_DEFART) != NULL;
			ArNumItem  *it = emit(&c, AR_NUM_ORDINAL, ArNumValMake(ov, 1), digits ? i + 1 : i, oend,
								  (digits || ArLexEntryAt(c.ls, i, LX_ORDINAL)) ? 0 : t->prechars);

			it->words = true;
			/* الساعة الثانية: a time */
			if (ArLexEntryAt(c.ls, i - 1, LX_TIMECUE) && ov >= 1 && ov <= 12)
				it->kind = AR_NUM_TIME;
			num_classify(&c, it);
			i = it->tok_end + 1;
			continue;
		}
		if (num_parse_cardinal(&c, i, &np, true))
		{
			size_t		prechars = 0;
			int			start = i;
			ArNumItem  *it;

			if (ArLexIsPunct(c.ls, i, '-') && np.end > i)
				;			/* the sign belongs to the surface */
			else if (t->type == AR_TOK_ARABIC && np.first_pre)
				prechars = t->prechars;
			it = emit(&c, AR_NUM_NUMBER, np.total, start, np.end, prechars);
			it->scale = np.scale;
			it->words = np.words;
			num_classify(&c, it);
			i = it->tok_end + 1;
			continue;
		}
		if (t->type == AR_TOK_ARABIC && dual_word(&c, i))
		{
			num_classify(&c, &out->items[out->n - 1]);
			i = out->items[out->n - 1].tok_end + 1;
			continue;
		}
		i++;
	}
	merge_subunits(&c);
	link_ranges(&c);
	carry_currency(&c);
}

bool
ArNumOrdinalAt(const ArLexStream *ls, int i, int64_t *value, int *end)
{
	NumCtx			c;
	bool		fem;

	c.ls = ls;
	c.out = NULL;
	if (!ArLexInRange(ls, i) || ArLexTokAt(ls, i)->type != AR_TOK_ARABIC)
		return false;
	return num_parse_ordinal(&c, i, value, end, &fem) && *value >= 0;
}

bool
ArNumCardinalAt(const ArLexStream *ls, int i, int64_t *value, int *end)
{
	NumCtx			c;
	NumParse	np;
	bool		ok;

	c.ls = ls;
	c.out = NULL;
	if (!ArLexInRange(ls, i))
		return false;
	if (!num_parse_cardinal(&c, i, &np, false))
		return false;
	*value = ArNumValSmallInt(&np.total);
	*end = np.end;
	ok = *value >= 0;
	ArFree(np.total.big);
	return ok;
}
