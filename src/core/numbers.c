/*
 * numbers.c — the Arabic number grammar (see numbers.h).
 *
 * A number is read left to right as a list of pieces: units (0–10), teens
 * (unit + عشر), tens, hundreds, scales (ألف … تريليون, with their dual,
 * construct and plural forms), fractions and digit groups.  Pieces join
 * either directly ("ثلاث مئة", "خمسة عشر", "3.5 مليار") or through و, and a
 * piece after و must be smaller than the one before it, the one exception
 * being units before tens ("خمسة وعشرون").  This is the order rule of
 * Arabic numerals and it is what keeps "مليون مليون مليون" three numbers
 * instead of one absurd one.  Then the words around the number decide its
 * kind, unit and approx flag.
 *
 * Every loop advances at least one token, so the work is linear in the
 * input; values are exact rationals (ar_int128), and digit strings too long
 * for those are carried as decimal strings.
 */
#include "numbers.h"

#include <string.h>

#include "utf8.h"

/* Piece magnitudes, in the order rule above. */
enum
{
	P_NONE = 0,
	P_UNIT,
	P_TEEN,
	P_TENS,
	P_HUNDRED,
	P_DIGITS,
	P_FRACTION,
	P_SCALE
};

static const char *const kind_names[] = {
	"number", "count", "ordinal", "year", "time", "duration", "money", "percent"
};

static const char *const dur_units[] = {
	NULL, "second", "minute", "hour", "day", "week", "month", "year"
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

/* Value of a number token (any script of digits), negated when neg. */
static ArNumVal
digits_value(const ArLexStream *ls, const ArLexTok *t, bool neg)
{
	char	   *ascii = ArAlloc(t->byte_len + 1);
	size_t		n = ArNumberTokenAscii(ls->buf + t->byte_start, t->byte_len, ascii);
	ArNumVal	v;

	ascii[n] = '\0';
	v = ArNumValFromDecimal(ascii, neg);
	ArFree(ascii);
	return v;
}

/* ---- token helpers ---- */

typedef struct Ctx
{
	const ArLexStream *ls;
	ArNumList  *out;
} Ctx;

/* Is token i a separate و (a word or a clitic token)? */
static bool
is_and(const Ctx *c, int i)
{
	if (!ArLexInRange(c->ls, i))
		return false;
	if (ArLexTokAt(c->ls, i)->type == AR_TOK_CLITIC)
		return ArLexTokAt(c->ls, i)->first_cp == 0x0648 || ArLexTokAt(c->ls, i)->first_cp == 0x0641;
	return ArLexEntryAt(c->ls, i, LX_AND) != NULL;
}

/* Latin scale word after digits ("2bn", "5 million"): its power of ten. */
static int
latin_scale(const Ctx *c, int i)
{
	static const struct
	{
		const char *w;
		int			e;
	}			words[] = {
		{"k", 3}, {"thousand", 3}, {"m", 6}, {"mn", 6}, {"mln", 6}, {"million", 6},
		{"b", 9}, {"bn", 9}, {"billion", 9}, {"tn", 12}, {"trillion", 12}
	};
	const ArLexTok *t;

	if (!ArLexInRange(c->ls, i) || ArLexTokAt(c->ls, i)->type != AR_TOK_LATIN)
		return 0;
	t = ArLexTokAt(c->ls, i);
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (strlen(words[k].w) == t->byte_len &&
			strncasecmp(c->ls->buf + t->byte_start, words[k].w, t->byte_len) == 0)
			return words[k].e;
	return 0;
}

/* ISO code of a Latin currency code or symbol token, or NULL. */
static const char *
latin_currency(const Ctx *c, int i)
{
	static const char *const codes[] = {
		"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "SAR", "AED", "QAR",
		"KWD", "BHD", "OMR", "JOD", "EGP", "MAD", "TND", "DZD", "IQD", "LBP", "SYP",
		"TRY", "RUB", "INR", "ILS", "YER", "SDG", "LYD", "IRR"
	};
	const ArLexTok *t;

	if (!ArLexInRange(c->ls, i))
		return NULL;
	t = ArLexTokAt(c->ls, i);
	if (t->type == AR_TOK_SYMBOL || t->type == AR_TOK_PUNCT)
	{
		switch (t->first_cp)
		{
			case '$':
				return "USD";
			case 0x20AC:
				return "EUR";
			case 0x00A3:
				return "GBP";
			case 0x00A5:
				return "JPY";
		}
		return NULL;
	}
	if (t->type != AR_TOK_LATIN || t->byte_len != 3)
		return NULL;
	for (size_t k = 0; k < sizeof(codes) / sizeof(codes[0]); k++)
		if (strncasecmp(c->ls->buf + t->byte_start, codes[k], 3) == 0)
			return codes[k];
	return NULL;
}

/* ---- the word and digit grammar ---- */

typedef struct NumParse
{
	ArNumVal	total;
	ArNumVal	group;
	int			last;			/* P_* of the last piece */
	int			last_scale;		/* power of ten of the last scale, 99 none */
	int			unit_in_group;	/* the units of the group, 0 if none */
	bool		any;
	bool		words;
	bool		neg;
	int			end;			/* last token used */
	int			scale;			/* first scale exponent used */
	bool		first_pre;		/* the first word was read without its proclitics */
} NumParse;

/* The number pieces token i can be: fills the entries found. */
typedef struct Piece
{
	const ArLexEntry *unit,
			   *ten,
			   *tens,
			   *hundred,
			   *scale,
			   *fraction,
			   *neg,
			   *point;
	uint8_t		pre;
	bool		found;
} Piece;

/* Ways piece_at may read a word. */
#define PIECE_WHOLE 0			/* the word as written */
#define PIECE_ANY 1				/* as written, else without proclitics */
#define PIECE_STRIPPED 2		/* without proclitics only */

static void
piece_at(const Ctx *c, int i, int mode, Piece *p)
{
	const ArLexTok *t;
	int			k = -1;

	memset(p, 0, sizeof(*p));
	if (!ArLexInRange(c->ls, i))
		return;
	t = ArLexTokAt(c->ls, i);
	if (t->type != AR_TOK_ARABIC)
		return;
	/* وأحد، وإحدى: و + the teen-only أحد, not واحد (one) */
	if (mode == PIECE_ANY && t->skey >= 0 && t->pre == AR_PRE_WA && t->byte_len > 4 &&
		(unsigned char) c->ls->buf[t->byte_start + 2] == 0xD8 &&
		((unsigned char) c->ls->buf[t->byte_start + 3] == 0xA3 ||
		 (unsigned char) c->ls->buf[t->byte_start + 3] == 0xA5))
		mode = PIECE_STRIPPED;
	if (mode != PIECE_STRIPPED && t->key >= 0)
	{
		for (int e = 0; e < AR_LEX_COUNT(t->key); e++)
			if (AR_LEX_ENTRIES(t->key)[e].cls <= LX_POINT &&
				AR_LEX_ENTRIES(t->key)[e].cls != LX_ORDINAL)
				k = t->key;
	}
	if (k < 0 && mode != PIECE_WHOLE && t->skey >= 0)
	{
		k = t->skey;
		p->pre = t->pre;
	}
	if (k < 0)
		return;
	for (int e = 0; e < AR_LEX_COUNT(k); e++)
	{
		const ArLexEntry *en = &AR_LEX_ENTRIES(k)[e];

		switch (en->cls)
		{
			case LX_UNIT:
				p->unit = en;
				break;
			case LX_TEN:
				p->ten = en;
				break;
			case LX_TENS:
				p->tens = en;
				break;
			case LX_HUNDRED:
				p->hundred = en;
				break;
			case LX_SCALE:
				p->scale = en;
				break;
			case LX_FRACTION:
				p->fraction = en;
				break;
			case LX_NEG:
				p->neg = en;
				break;
			case LX_POINT:
				p->point = en;
				break;
			default:
				continue;
		}
		p->found = true;
	}
}

static bool
group_empty(const NumParse *np)
{
	return np->group.num == 0 && np->group.big == NULL;
}

/* Apply a scale piece with exponent e and form flags; false if it cannot follow. */
static bool
apply_scale(NumParse *np, int e, uint32_t flags, bool conn, bool tanween)
{
	ArNumVal	mult;

	if (np->last_scale != 99 && e >= np->last_scale)
		return false;
	if (!group_empty(np))
	{
		if (conn)
			return false;
		if (flags & (LXF_DUAL | LXF_CONSTRUCT))
			return false;
		if ((flags & LXF_PLURAL) && np->last == P_DIGITS)
			mult = np->group;
		else if (flags & LXF_PLURAL)
		{
			int64_t		g = ArNumValSmallInt(&np->group);

			if (g < 3 || g > 10)
				return false;
			mult = np->group;
		}
		else
			mult = np->group;
	}
	else
	{
		if (!conn && np->any)
			return false;
		if (flags & LXF_PLURAL)
			return false;
		if (flags & (LXF_DUAL | LXF_CONSTRUCT))
			mult = ArNumValMake(2, 1);
		else if (flags & LXF_ACC_OR_CONSTRUCT)
			mult = ArNumValMake(tanween ? 1 : 2, 1);
		else
			mult = ArNumValMake(1, 1);
	}
	ArNumValScale(&mult, e);
	if (mult.big || mult.overflow || np->total.big)
	{
		/* a huge digit string times a scale: it stands alone */
		if (np->total.num != 0 || np->total.big)
			return false;
		np->total = mult;
	}
	else
		np->total = ArNumValAdd(np->total, mult);
	np->group = ArNumValMake(0, 1);
	np->last = P_SCALE;
	np->last_scale = e;
	np->unit_in_group = 0;
	if (!np->scale)
		np->scale = e;
	return true;
}

/*
 * Read a number (words, digits, or both) starting at token i.  Returns
 * false when no number starts there.
 */
static bool
parse_number(const Ctx *c, int i, NumParse *np, bool allow_point)
{
	int			j = i;
	NumParse	snap;
	bool		have_snap = false;

	memset(np, 0, sizeof(*np));
	np->total = ArNumValMake(0, 1);
	np->group = ArNumValMake(0, 1);
	np->last_scale = 99;
	np->end = -1;

	/* a minus sign glued to digits, not after another number (2-3 is a range) */
	if (ArLexIsPunct(c->ls, j, '-') && ArLexInRange(c->ls, j + 1) && ArLexTokAt(c->ls, j + 1)->type == AR_TOK_NUMBER &&
		!ArLexTokAt(c->ls, j + 1)->space_before &&
		!(ArLexInRange(c->ls, j - 1) && ArLexTokAt(c->ls, j - 1)->type == AR_TOK_NUMBER))
	{
		np->neg = true;
		j++;
	}

	/* a leading decimal point: .77، ٫٧٧ */
	if ((ArLexIsPunct(c->ls, j, '.') || ArLexIsPunct(c->ls, j, 0x066B)) && ArLexInRange(c->ls, j + 1) &&
		ArLexTokAt(c->ls, j + 1)->type == AR_TOK_NUMBER && !ArLexTokAt(c->ls, j + 1)->space_before &&
		!ArLexTokAt(c->ls, j + 1)->has_decimal && ArLexTokAt(c->ls, j + 1)->char_len <= 15 &&
		!(ArLexInRange(c->ls, j - 1) && ArLexTokAt(c->ls, j - 1)->type == AR_TOK_NUMBER))
	{
		np->group = ArNumValMul(digits_value(c->ls, ArLexTokAt(c->ls, j + 1), np->neg), 1,
						   ArNumValPow10((int) ArLexTokAt(c->ls, j + 1)->char_len));
		np->neg = false;
		np->any = true;
		np->last = P_DIGITS;
		np->end = j + 1;
		np->total = ArNumValAdd(np->total, np->group);
		return true;
	}

	while (ArLexInRange(c->ls, j))
	{
		const ArLexTok *t;
		bool		conn = false;
		int			pj;			/* token of the piece */
		Piece		p;

		/* "مائة مليون، ومائة ألف": a comma before و between scale groups */
		if (np->any && np->last == P_SCALE && ArLexInRange(c->ls, j + 1) &&
			(ArLexIsPunct(c->ls, j, 0x060C) || ArLexIsPunct(c->ls, j, ',')) &&
			(is_and(c, j + 1) || ArLexTokAt(c->ls, j + 1)->pre == AR_PRE_WA))
			j++;
		t = ArLexTokAt(c->ls, j);
		pj = j;

		/* the connector: a separate و, or و glued to the piece */
		if (np->any && is_and(c, j))
		{
			conn = true;
			pj = j + 1;
			if (!ArLexInRange(c->ls, pj))
				break;
			t = ArLexTokAt(c->ls, pj);
			piece_at(c, pj, PIECE_WHOLE, &p);
		}
		else
		{
			if (!np->any)
			{
				piece_at(c, pj, PIECE_ANY, &p);
				np->first_pre = p.pre != 0;
			}
			else
			{
				p.found = false;
				if (t->type == AR_TOK_ARABIC && t->skey >= 0 && t->pre == AR_PRE_WA)
				{
					piece_at(c, pj, PIECE_STRIPPED, &p);
					conn = p.found;
				}
				if (!p.found)
					piece_at(c, pj, PIECE_WHOLE, &p);
			}
		}

		if (t->type == AR_TOK_NUMBER)
		{
			/* digits: first, or after و following a scale ("مليون و500 ألف") */
			if (np->any && !(conn && np->last == P_SCALE))
				break;
			if (np->any)
			{
				/* only with a smaller scale after it: مليون و500 ألف */
				Piece		s;

				piece_at(c, pj + 1, PIECE_WHOLE, &s);
				if (!s.scale || s.scale->val >= np->last_scale || t->has_decimal)
					break;
			}
			if (!conn && np->any)
				break;
			np->group = digits_value(c->ls, t, np->neg);
			/* Arabic comma as thousands separator: ١،٢٣٤،٥٦٧ (three digits, no spaces) */
			while (!t->has_decimal && t->char_len <= 3 && pj == j && ArLexIsPunct(c->ls, pj + 1, 0x060C) &&
				   ArLexInRange(c->ls, pj + 2) && ArLexTokAt(c->ls, pj + 2)->type == AR_TOK_NUMBER &&
				   ArLexTokAt(c->ls, pj + 2)->char_len == 3 && !ArLexTokAt(c->ls, pj + 1)->space_before &&
				   !ArLexTokAt(c->ls, pj + 2)->space_before && !ArLexTokAt(c->ls, pj + 2)->has_decimal &&
				   ArLexIsPunct(c->ls, pj + 3, 0x060C) && ArLexInRange(c->ls, pj + 4) &&
				   ArLexTokAt(c->ls, pj + 4)->type == AR_TOK_NUMBER && ArLexTokAt(c->ls, pj + 4)->char_len == 3 &&
				   !ArLexTokAt(c->ls, pj + 3)->space_before && !ArLexTokAt(c->ls, pj + 4)->space_before)
			{
				/* at least two groups, so that "٣،٤" lists stay apart */
				for (int g = 0; g < 2; g++)
				{
					np->group = ArNumValAdd(ArNumValMul(np->group, 1000, 1), digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), false));
					pj += 2;
				}
				while (ArLexIsPunct(c->ls, pj + 1, 0x060C) && ArLexInRange(c->ls, pj + 2) &&
					   ArLexTokAt(c->ls, pj + 2)->type == AR_TOK_NUMBER && ArLexTokAt(c->ls, pj + 2)->char_len == 3 &&
					   !ArLexTokAt(c->ls, pj + 1)->space_before && !ArLexTokAt(c->ls, pj + 2)->space_before &&
					   ArNumValSmallInt(&np->group) < 1000000000000LL)
				{
					np->group = ArNumValAdd(ArNumValMul(np->group, 1000, 1), digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), false));
					pj += 2;
				}
				break;
			}
			/* AFP's right-to-left decimals: 2ر1 is 1.2, 1ر0 is 0.1 */
			if (!t->has_decimal && ArLexInRange(c->ls, pj + 2) && ArLexTokAt(c->ls, pj + 1)->type == AR_TOK_ARABIC &&
				ArLexTokAt(c->ls, pj + 1)->char_len == 1 && ArLexTokAt(c->ls, pj + 1)->first_cp == 0x0631 &&
				!ArLexTokAt(c->ls, pj + 1)->space_before && ArLexTokAt(c->ls, pj + 2)->type == AR_TOK_NUMBER &&
				!ArLexTokAt(c->ls, pj + 2)->space_before && !ArLexTokAt(c->ls, pj + 2)->has_decimal &&
				t->char_len <= 15 && !np->group.big)
			{
				ArNumVal	ip = digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), np->neg);

				if (!ip.big)
				{
					ArNumVal	fr = ArNumValMul(np->group, 1, ArNumValPow10((int) t->char_len));

					np->group = ArNumValAdd(ip, fr);
					pj += 2;
				}
				else
					ArFree(ip.big);	/* too long to be AFP's decimal: not taken */
			}
			/* decimal comma: ٤,٨ and 3,5% (a comma before exactly three
			 * digits is a thousands separator, already inside the token) */
			if (!t->has_decimal && (ArLexIsPunct(c->ls, pj + 1, ',') || ArLexIsPunct(c->ls, pj + 1, 0x060C)) &&
				ArLexInRange(c->ls, pj + 2) && ArLexTokAt(c->ls, pj + 2)->type == AR_TOK_NUMBER &&
				!ArLexTokAt(c->ls, pj + 1)->space_before && !ArLexTokAt(c->ls, pj + 2)->space_before &&
				!ArLexTokAt(c->ls, pj + 2)->has_decimal && ArLexTokAt(c->ls, pj + 2)->char_len != 3 &&
				ArLexTokAt(c->ls, pj + 2)->char_len <= 15 && t->char_len <= 3 &&
				!ArLexIsPunct(c->ls, pj - 1, ',') && !ArLexIsPunct(c->ls, pj + 3, ',') &&
				!ArLexIsPunct(c->ls, pj - 1, 0x060C) && !ArLexIsPunct(c->ls, pj + 3, 0x060C) &&
				!np->group.big)
			{
				ArNumVal	fr = digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), false);

				fr = ArNumValMul(fr, 1, ArNumValPow10((int) ArLexTokAt(c->ls, pj + 2)->char_len));
				if (np->neg)
					fr.num = -fr.num;
				np->group = ArNumValAdd(np->group, fr);
				pj += 2;
			}
			np->neg = false;
			/* space-grouped thousands: "100 000", "1 500 000" */
			while (!t->has_decimal && ArLexInRange(c->ls, pj + 1) &&
				   ArLexTokAt(c->ls, pj + 1)->type == AR_TOK_NUMBER && ArLexTokAt(c->ls, pj + 1)->char_len == 3 &&
				   ArLexTokAt(c->ls, pj + 1)->space_before && !ArLexTokAt(c->ls, pj + 1)->break_before &&
				   np->group.big == NULL && ArNumValSmallInt(&np->group) >= 0 &&
				   ArNumValSmallInt(&np->group) < 1000000000000LL &&
				   (pj > i || t->char_len <= 3))
			{
				ArNumVal	next = digits_value(c->ls, ArLexTokAt(c->ls, pj + 1), false);

				if (next.big || ArLexTokAt(c->ls, pj + 1)->has_decimal)
				{
					ArFree(next.big);
					break;
				}
				np->group = ArNumValAdd(ArNumValMul(np->group, 1000, 1), next);
				pj++;
			}
			np->last = P_DIGITS;
			np->any = true;
			np->end = pj;
			j = pj + 1;
			/* a scale word after digits */
			{
				Piece		s;
				int			e = latin_scale(c, j);

				piece_at(c, j, PIECE_WHOLE, &s);
				if (s.scale && apply_scale(np, s.scale->val, s.scale->flags & ~(LXF_DUAL | LXF_CONSTRUCT), false, true))
				{
					np->words = true;
					np->end = j;
					j++;
				}
				else if (e && !ArLexTokAt(c->ls, j)->break_before && apply_scale(np, e, LXF_SING, false, true))
				{
					np->end = j;
					j++;
				}
				else if (s.hundred && s.hundred->val == 100 && !(s.hundred->flags & LXF_CONSTRUCT) &&
						 !np->group.big)
				{
					/* ٣ مئة */
					np->group = ArNumValMul(np->group, 100, 1);
					np->end = j;
					j++;
				}
			}
			if (np->total.big || np->group.big || np->total.overflow || np->group.overflow)
				break;
			continue;
		}
		if (!p.found)
			break;
		if (np->any && t->break_before)
			break;

		if (p.neg && !np->any)
		{
			Piece		q;

			piece_at(c, pj + 1, PIECE_WHOLE, &q);
			if (!q.found && !(ArLexInRange(c->ls, pj + 1) && ArLexTokAt(c->ls, pj + 1)->type == AR_TOK_NUMBER))
				break;
			np->neg = true;
			np->end = pj;
			j = pj + 1;
			if (ArLexInRange(c->ls, j) && ArLexTokAt(c->ls, j)->type == AR_TOK_NUMBER)
			{
				/* سالب 5: digits carry the sign */
				np->group = digits_value(c->ls, ArLexTokAt(c->ls, j), true);
				np->neg = false;
				np->any = true;
				np->last = P_DIGITS;
				np->end = j;
				j++;
				continue;
			}
			continue;
		}
		if (p.point && allow_point && np->any && np->last != P_SCALE && ArNumValIsInt(&np->group) &&
			np->total.num == 0)
		{
			/* فاصلة: the following integer words are the decimals */
			NumParse	d;
			int64_t		dv;

			if (!parse_number(c, pj + 1, &d, false))
				break;
			if (d.scale || !ArNumValIsInt(&d.total) || (dv = ArNumValSmallInt(&d.total)) < 0)
			{
				ArFree(d.total.big);	/* a long digit run after فاصلة: not decimals */
				break;
			}
			{
				ar_int128	den = 1;

				for (int64_t x = dv; x > 0; x /= 10)
					den *= 10;
				if (dv == 0)
					den = 10;
				np->group = ArNumValAdd(np->group, ArNumValMake(dv, den));
			}
			np->end = d.end;
			j = d.end + 1;
			break;
		}

		/* teens: unit + عشر/عشرة, written as two words */
		if (p.unit && p.unit->val >= 1 && p.unit->val <= 9)
		{
			Piece		q;

			piece_at(c, pj + 1, PIECE_WHOLE, &q);
			if (q.ten && !ArLexTokAt(c->ls, pj + 1)->break_before)
			{
				if (np->any && !(conn && (np->last == P_SCALE || np->last == P_HUNDRED)))
					break;
				np->group = ArNumValAdd(np->group, ArNumValMake(p.unit->val + 10, 1));
				np->last = P_TEEN;
				np->unit_in_group = 0;
				np->any = np->words = true;
				np->end = pj + 1;
				j = pj + 2;
				continue;
			}
		}
		if (p.unit && !(p.unit->flags & LXF_TEENONLY))
		{
			bool		ok;

			if (!np->any)
				ok = true;
			else if (!conn)
				ok = false;
			else
			{
				Piece		q;

				/* عشرون وثلاثة أخماس: a unit counting a fraction may follow anything */
				piece_at(c, pj + 1, PIECE_WHOLE, &q);
				ok = np->last == P_SCALE || np->last == P_HUNDRED ||
					(q.fraction && (q.fraction->flags & LXF_PLURAL) && np->last != P_FRACTION);
			}
			if (ok && p.unit->val == 0 && np->any)
				ok = false;
			if (ok)
			{
				np->group = ArNumValAdd(np->group, ArNumValMake(p.unit->val, 1));
				np->last = P_UNIT;
				np->unit_in_group = p.unit->val;
				np->any = np->words = true;
				np->end = pj;
				j = pj + 1;
				if (p.unit->val == 0)
					break;
				continue;
			}
		}
		if (p.tens)
		{
			bool		ok;

			if (!np->any)
				ok = true;
			else if (!conn)
				ok = false;
			else
				ok = np->last == P_SCALE || np->last == P_HUNDRED ||
					(np->last == P_UNIT && np->unit_in_group >= 1 && np->unit_in_group <= 9);
			if (ok)
			{
				np->group = ArNumValAdd(np->group, ArNumValMake(p.tens->val, 1));
				np->last = P_TENS;
				np->unit_in_group = 0;
				np->any = np->words = true;
				np->end = pj;
				j = pj + 1;
				continue;
			}
		}
		if (p.hundred)
		{
			bool		ok = false;

			if (!np->any)
				ok = true;
			else if (!conn && np->last == P_UNIT && p.hundred->val == 100 &&
					 np->unit_in_group >= 3 && np->unit_in_group <= 9 &&
					 ArNumValSmallInt(&np->group) == np->unit_in_group)
			{
				/* ثلاث مئة: the unit multiplies the hundred */
				np->group = ArNumValMake(np->unit_in_group * 100, 1);
				np->last = P_HUNDRED;
				np->unit_in_group = 0;
				np->end = pj;
				j = pj + 1;
				continue;
			}
			else if (conn)
				ok = np->last == P_SCALE;
			if (ok)
			{
				np->group = ArNumValAdd(np->group, ArNumValMake(p.hundred->val, 1));
				np->last = P_HUNDRED;
				np->unit_in_group = 0;
				np->any = np->words = true;
				np->end = pj;
				j = pj + 1;
				continue;
			}
		}
		if (p.scale)
		{
			if (apply_scale(np, p.scale->val, p.scale->flags, conn, t->tanween))
			{
				np->any = np->words = true;
				np->end = pj;
				j = pj + 1;
				snap = *np;
				have_snap = true;
				continue;
			}
			/* "أحد عشر مليونًا وخمسة عشر مليونًا": the pieces after the last
			 * scale start the next number */
			if (have_snap && !group_empty(np) && !conn)
			{
				*np = snap;
				break;
			}
		}
		if (p.fraction && !(p.fraction->flags & LXF_AFTERAND))
		{
			const ArLexEntry *f = p.fraction;

			if (f->flags & LXF_PLURAL)
			{
				/* ثلاثة أرباع */
				if (conn || np->last != P_UNIT)
					break;
				/* the fraction counts the unit only: مائة وثلاثة أرباع = 100.75 */
				np->group = ArNumValAdd(ArNumValAdd(np->group, ArNumValMake(-np->unit_in_group, 1)),
								   ArNumValMake((ar_int128) np->unit_in_group * f->val, f->den));
				np->last = P_FRACTION;
				np->end = pj;
				j = pj + 1;
				continue;
			}
			if (!np->any)
			{
				np->group = ArNumValMake(f->val, f->den);
				np->last = P_FRACTION;
				np->any = np->words = true;
				np->end = pj;
				j = pj + 1;
				continue;
			}
			if (conn && np->last == P_SCALE && !np->total.big)
			{
				/* مليار ونصف: a fraction of the last scale */
				ArNumVal	fr = ArNumValMake(f->val, f->den);

				ArNumValScale(&fr, np->last_scale);
				np->total = ArNumValAdd(np->total, fr);
				np->end = pj;
				j = pj + 1;
				break;
			}
			if (conn && (np->last == P_UNIT || np->last == P_TEEN || np->last == P_TENS ||
						 np->last == P_HUNDRED || np->last == P_DIGITS) && !np->group.big)
			{
				np->group = ArNumValAdd(np->group, ArNumValMake(f->val, f->den));
				np->end = pj;
				j = pj + 1;
				break;
			}
		}
		break;
	}
	if (!np->any)
		return false;
	if (np->total.big || np->total.overflow)
	{
		/* a long digit string times a scale: the group was folded in */
	}
	else if (np->group.big || np->group.overflow)
	{
		np->total = np->group;
		np->group.big = NULL;
	}
	else
		np->total = ArNumValAdd(np->total, np->group);
	if (np->neg && !np->total.big && !np->total.overflow)
		np->total.num = -np->total.num;
	return true;
}

/* ---- ordinals ---- */

/* Read an ordinal at token i (الحادي عشر، الخامس والعشرون، المئة والخامس،
 * الـ 76). */
static bool
parse_ordinal(const Ctx *c, int i, int64_t *value, int *end, bool *fem)
{
	const ArLexEntry *o = ArLexEntryAt(c->ls, i, LX_ORDINAL);
	uint8_t		pre = 0;
	int64_t		v;
	int			j;

	if (!o)
	{
		o = ArLexEntryAtStripped(c->ls, i, LX_ORDINAL, &pre);
		if (!o || !(o->flags & LXF_DEF))
			o = NULL;
	}
	if (ArLexInRange(c->ls, i) && !o && ArLexEntryAt(c->ls, i, LX_DEFART) && ArLexInRange(c->ls, i + 1) &&
		ArLexTokAt(c->ls, i + 1)->type == AR_TOK_NUMBER && !ArLexTokAt(c->ls, i + 1)->has_decimal &&
		ArLexTokAt(c->ls, i + 1)->char_len <= 6)
	{
		ArNumVal	nv = digits_value(c->ls, ArLexTokAt(c->ls, i + 1), false);

		*value = ArNumValSmallInt(&nv);
		*end = i + 1;
		*fem = false;
		return *value >= 0;
	}
	if (!o)
		return false;
	/* كانون الثاني، ربيع الأول، جمادى الأولى are months, not ordinals */
	if (ArLexEntryAt(c->ls, i - 1, LX_MONTHPRE) || ArLexEntryAt(c->ls, i - 1, LX_HIJRIPRE))
		return false;
	v = o->val;
	j = i;
	*fem = (o->flags & LXF_FEM) != 0;
	if (o->flags & LXF_HUNDRED)
	{
		/* في المئة، بالمئة are percent signs, not "the hundredth" */
		if (pre == AR_PRE_BI || (ArLexInRange(c->ls, i - 1) && ArLexEntryAt(c->ls, i - 1, LX_PREP) &&
								 ArLexTokAt(c->ls, i - 1)->byte_len == 4))
			return false;
		/* المئة والخامس والعشرون */
		if (ArLexInRange(c->ls, j + 1))
		{
			int64_t		v2;
			int			e2;
			bool		f2;
			int			k = is_and(c, j + 1) ? j + 2 : j + 1;

			if ((k == j + 2 || ArLexTokAt(c->ls, k)->pre == AR_PRE_WA) &&
				parse_ordinal(c, k, &v2, &e2, &f2) && v2 < v)
			{
				v += v2;
				j = e2;
			}
		}
		*value = v;
		*end = j;
		return true;
	}
	if (o->flags & LXF_MUL100)
	{
		/* الثلاث مئة، الخمسة مائة (والعشرين) */
		const ArLexEntry *h = ArLexEntryAt(c->ls, i + 1, LX_HUNDRED);
		int64_t		v2;
		int			e2;
		bool		f2;

		if (!h || h->val != 100)
			return false;
		v *= 100;
		j = i + 1;
		if (ArLexInRange(c->ls, j + 1))
		{
			int			k = is_and(c, j + 1) ? j + 2 : j + 1;

			if ((k == j + 2 || ArLexTokAt(c->ls, k)->pre == AR_PRE_WA) &&
				parse_ordinal(c, k, &v2, &e2, &f2) && v2 < 100)
			{
				v += v2;
				j = e2;
			}
		}
		*value = v;
		*end = j;
		return true;
	}
	if (o->flags & LXF_TENS)
		;
	else if (v <= 9 && ArLexInRange(c->ls, j + 1) && ArLexEntryAt(c->ls, j + 1, LX_TEN))
	{
		v += 10;
		j++;
	}
	else
	{
		int			k = j + 1;
		const ArLexEntry *t = NULL;
		uint8_t		tpre = 0;
		bool		sep = is_and(c, k);

		if (sep)
			k++;
		if (ArLexInRange(c->ls, k))
		{
			t = sep ? ArLexEntryAt(c->ls, k, LX_ORDINAL) : ArLexEntryAtStripped(c->ls, k, LX_ORDINAL, &tpre);
			if (t && !(t->flags & LXF_TENS))
				t = NULL;
			if (!t)
				t = sep ? ArLexEntryAt(c->ls, k, LX_TENS) : ArLexEntryAtStripped(c->ls, k, LX_TENS, &tpre);
			if (!sep && tpre != AR_PRE_WA)
				t = NULL;
		}
		if (t && v <= 9)
		{
			v += t->val;
			j = k;
		}
		else if ((o->flags & (LXF_ONLYTEEN | LXF_WITHTENS)))
			return false;
	}
	/* الحادي والعشرون بعد المائة */
	if (ArLexInRange(c->ls, j + 2) && ArLexEntryAt(c->ls, j + 1, LX_AFTER))
	{
		const ArLexEntry *h = ArLexEntryAt(c->ls, j + 2, LX_ORDINAL);

		if (h && (h->flags & LXF_HUNDRED))
		{
			v += h->val;
			j += 2;
		}
	}
	*value = v;
	*end = j;
	return true;
}

/* ---- emitting ---- */

static ArNumItem *
emit(Ctx *c, ArNumKind kind, ArNumVal val, int first, int last, size_t prechars)
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

/* Extend the mention to token k. */
static void
extend(Ctx *c, ArNumItem *it, int k)
{
	it->tok_end = k;
	it->char_end = ArLexTokAt(c->ls, k)->char_start + ArLexTokAt(c->ls, k)->char_len;
	it->byte_end = ArLexTokAt(c->ls, k)->byte_start + ArLexTokAt(c->ls, k)->byte_len;
}

/* A currency word at token k: its code through *code; returns the last token. */
static int
currency_at(const Ctx *c, int k, const char **code, bool *found)
{
	const ArLexEntry *cur = ArLexEntryAt(c->ls, k, LX_CURRENCY);
	const char *lc;

	*found = false;
	if (cur)
	{
		int			a = k + 1;

		*found = true;
		*code = cur->code;
		if (ArLexInRange(c->ls, a) && !ArLexTokAt(c->ls, a)->break_before)
		{
			const ArLexTok *t = ArLexTokAt(c->ls, a);

			if (t->key >= 0)
				for (int e = 0; e < AR_LEX_COUNT(t->key); e++)
				{
					const ArLexEntry *en = &AR_LEX_ENTRIES(t->key)[e];

					if (en->cls == LX_ADJ && en->family == cur->family)
					{
						*code = en->code;
						return a;
					}
				}
		}
		return k;
	}
	if ((lc = latin_currency(c, k)) != NULL)
	{
		*found = true;
		*code = lc;
		return k;
	}
	return k;
}

/* Settle kind, unit and flags of the number on tokens [first..last]. */
static void
classify(Ctx *c, ArNumItem *it)
{
	int			L = it->tok_first - 1;
	int			R = it->tok_last + 1;
	const ArLexEntry *e;
	uint8_t		pre;
	bool		found;
	const char *code = NULL;
	int64_t		iv = ArNumValSmallInt(&it->val);

	/* approximations before: نحو، حوالي، بنحو، أكثر من، ما يزيد على */
	if ((e = ArLexEntryAtStripped(c->ls, L, LX_APPROX, &pre)) != NULL && !(e->flags & LXF_NEEDSPREP))
		it->approx = true;
	else if ((ArLexEntryAt(c->ls, L, LX_FROM) || ArLexEntryAt(c->ls, L, LX_PREP)) &&
			 (e = ArLexEntryAtStripped(c->ls, L - 1, LX_APPROX, &pre)) != NULL && (e->flags & LXF_NEEDSPREP))
		it->approx = true;
	if (ArLexInRange(c->ls, R) && ArLexEntryAt(c->ls, R, LX_APPROXAFTER))
		it->approx = true;
	if (it->kind != AR_NUM_NUMBER && it->kind != AR_NUM_ORDINAL && it->kind != AR_NUM_TIME)
		return;

	/* money with the sign or code before: $5، €2bn، US$ 3، USD 10 */
	if (ArLexInRange(c->ls, L) && (code = latin_currency(c, L)) != NULL)
	{
		it->kind = AR_NUM_MONEY;
		it->unit = code;
		it->char_start = ArLexTokAt(c->ls, L)->char_start;
		it->byte_start = ArLexTokAt(c->ls, L)->byte_start;
		if (code[0] == 'U' && ArLexInRange(c->ls, L - 1) && ArLexTokAt(c->ls, L - 1)->type == AR_TOK_LATIN &&
			ArLexTokAt(c->ls, L - 1)->byte_len == 2 && !ArLexTokAt(c->ls, L)->space_before &&
			strncasecmp(c->ls->buf + ArLexTokAt(c->ls, L - 1)->byte_start, "US", 2) == 0)
		{
			it->char_start = ArLexTokAt(c->ls, L - 1)->char_start;
			it->byte_start = ArLexTokAt(c->ls, L - 1)->byte_start;
		}
		/* a trailing code repeats it: $5 USD */
		return;
	}
	if (!ArLexInRange(c->ls, R) || ArLexTokAt(c->ls, R)->break_before)
		goto context_left;

	/* percent: 5%، 5 %، 5 في المائة، 5 بالمئة، 3 نقاط مئوية */
	if (ArLexTokAt(c->ls, R)->type == AR_TOK_PERCENT)
	{
		it->kind = AR_NUM_PERCENT;
		it->unit = "percent";
		extend(c, it, R);
		return;
	}
	if (ArLexEntryAt(c->ls, R, LX_PREP) && ArLexInRange(c->ls, R + 1) && ArLexEntryAt(c->ls, R + 1, LX_PCTWORD) &&
		ArLexTokAt(c->ls, R)->byte_len == 4)	/* في */
	{
		it->kind = AR_NUM_PERCENT;
		it->unit = "percent";
		extend(c, it, R + 1);
		return;
	}
	if ((e = ArLexEntryAtStripped(c->ls, R, LX_PCTWORD, &pre)) != NULL && pre == AR_PRE_BI)
	{
		it->kind = AR_NUM_PERCENT;
		it->unit = "percent";
		extend(c, it, R);
		return;
	}
	if (ArLexEntryAt(c->ls, R, LX_PCTPOINT) && ArLexInRange(c->ls, R + 1) && ArLexEntryAt(c->ls, R + 1, LX_PCTADJ))
	{
		it->kind = AR_NUM_PERCENT;
		it->unit = "percentage point";
		extend(c, it, R + 1);
		return;
	}

	/* money with the currency after: 5 مليارات دولار، 10 دولارات، 3.42$ */
	{
		int			last = currency_at(c, R, &code, &found);

		if (found)
		{
			it->kind = AR_NUM_MONEY;
			it->unit = code;
			extend(c, it, last);
			return;
		}
	}

	/* durations: 10 أيام، ثلاث سنوات، 70 عامًا */
	if ((e = ArLexEntryAt(c->ls, R, LX_DURUNIT)) != NULL && !(e->flags & LXF_DUAL) &&
		!ArLexEntryAt(c->ls, L, LX_YEARCUE) && it->kind != AR_NUM_ORDINAL)
	{
		it->kind = AR_NUM_DURATION;
		it->unit = dur_units[e->val];
		extend(c, it, R);
		return;
	}

	/* times: 10:30، الساعة 10 صباحا */
	if (ArLexIsPunct(c->ls, R, ':') && ArLexInRange(c->ls, R + 1) && ArLexTokAt(c->ls, R + 1)->type == AR_TOK_NUMBER &&
		!ArLexTokAt(c->ls, R)->space_before && !ArLexTokAt(c->ls, R + 1)->space_before &&
		ArLexTokAt(c->ls, it->tok_last)->type == AR_TOK_NUMBER && iv >= 0 && iv <= 24 &&
		ArLexTokAt(c->ls, R + 1)->char_len <= 2 && !ArLexTokAt(c->ls, R + 1)->has_decimal)
	{
		ArNumVal	m = digits_value(c->ls, ArLexTokAt(c->ls, R + 1), false);
		int64_t		mv = ArNumValSmallInt(&m);

		if (mv >= 0 && mv < 60)
		{
			it->kind = AR_NUM_TIME;
			it->val = ArNumValAdd(it->val, ArNumValMake(mv, 60));
			extend(c, it, R + 1);
			R += 2;
			if (ArLexInRange(c->ls, R) && (e = ArLexEntryAt(c->ls, R, LX_DAYPART)) != NULL)
			{
				if (e->val == 12 && iv < 12)
					it->val = ArNumValAdd(it->val, ArNumValMake(12, 1));
				extend(c, it, R);
			}
			return;
		}
	}

context_left:
	if (ArLexEntryAt(c->ls, L, LX_TIMECUE) && iv >= 0 && iv <= 24)
	{
		it->kind = AR_NUM_TIME;
		if (ArLexInRange(c->ls, R) && (e = ArLexEntryAt(c->ls, R, LX_DAYPART)) != NULL && !ArLexTokAt(c->ls, R)->break_before)
		{
			if (e->val == 12 && iv < 12)
				it->val = ArNumValAdd(it->val, ArNumValMake(12, 1));
			extend(c, it, R);
		}
		return;
	}
	if (it->kind == AR_NUM_ORDINAL)
	{
		if (ArLexInRange(c->ls, R) && (e = ArLexEntryAt(c->ls, R, LX_DAYPART)) != NULL && !ArLexTokAt(c->ls, R)->break_before &&
			iv >= 1 && iv <= 12)
		{
			/* العاشرة صباحًا */
			it->kind = AR_NUM_TIME;
			if (e->val == 12 && iv < 12)
				it->val = ArNumValAdd(it->val, ArNumValMake(12, 1));
			extend(c, it, R);
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

	/* years: عام 2024، لعام 1949، نوفمبر 2024، 2024م */
	/* سنة واحدة، عام واحد: a duration of one */
	if (iv == 1 && it->words && (e = ArLexEntryAt(c->ls, L, LX_DURUNIT)) != NULL && !(e->flags & (LXF_DUAL | LXF_PLURAL)))
	{
		it->kind = AR_NUM_DURATION;
		it->unit = dur_units[e->val];
		it->char_start = ArLexTokAt(c->ls, L)->char_start;
		it->byte_start = ArLexTokAt(c->ls, L)->byte_start;
		return;
	}
	if (iv >= 1 && iv <= 2200 && !it->scale &&
		((ArLexEntryAtStripped(c->ls, L, LX_YEARCUE, &pre) && (ArLexTokAt(c->ls, it->tok_first)->type == AR_TOK_NUMBER || iv >= 1000)) ||
		 (ArLexEntryAt(c->ls, L, LX_MONTH) && ArLexTokAt(c->ls, it->tok_first)->type == AR_TOK_NUMBER) ||
		 (ArLexInRange(c->ls, R) && (ArLexEntryAt(c->ls, R, LX_YEARMARK) || ArLexEntryAt(c->ls, R, LX_HIJRIMARK)) && iv >= 100 &&
		  !ArLexTokAt(c->ls, R)->break_before && ArLexTokAt(c->ls, it->tok_first)->type == AR_TOK_NUMBER)))
	{
		it->kind = AR_NUM_YEAR;
		if (ArLexInRange(c->ls, R) && (ArLexEntryAt(c->ls, R, LX_YEARMARK) || ArLexEntryAt(c->ls, R, LX_HIJRIMARK)) && !ArLexTokAt(c->ls, R)->break_before)
			extend(c, it, R);
		return;
	}
	/* the year of a numeric date: 15/10/2025، 21-04-2016 */
	if (iv >= 1 && iv <= 9999 && ArLexTokAt(c->ls, it->tok_first)->char_len == 4 &&
		(ArLexIsPunct(c->ls, L, '/') || ArLexIsPunct(c->ls, L, '-') || ArLexIsPunct(c->ls, L, '.')) &&
		!ArLexTokAt(c->ls, L)->space_before && !ArLexTokAt(c->ls, it->tok_first)->space_before &&
		ArLexInRange(c->ls, L - 1) && ArLexTokAt(c->ls, L - 1)->type == AR_TOK_NUMBER && ArLexTokAt(c->ls, L - 1)->char_len <= 2 &&
		ArLexInRange(c->ls, L - 2) && ArLexTokAt(c->ls, L - 2)->first_cp == ArLexTokAt(c->ls, L)->first_cp &&
		(ArLexTokAt(c->ls, L - 2)->type == AR_TOK_PUNCT || ArLexTokAt(c->ls, L - 2)->type == AR_TOK_SYMBOL))
	{
		it->kind = AR_NUM_YEAR;
		return;
	}
	if (iv >= 1900 && iv <= 2100 && ArLexTokAt(c->ls, it->tok_first)->type == AR_TOK_NUMBER &&
		ArLexTokAt(c->ls, it->tok_first)->char_len == 4 && (ArLexEntryAtStripped(c->ls, L, LX_PREP, NULL) || ArLexEntryAtStripped(c->ls, L, LX_TO, NULL) ||
												 ArLexEntryAtStripped(c->ls, L, LX_FROM, NULL) || ArLexEntryAtStripped(c->ls, L, LX_DURCUE, NULL)))
	{
		it->kind = AR_NUM_YEAR;
		return;
	}

	/* counts: a number before a noun (30 دولة، ثلاثة وزراء) */
	if (ArLexInRange(c->ls, R) && !ArLexTokAt(c->ls, R)->break_before && ArLexTokAt(c->ls, R)->type == AR_TOK_ARABIC &&
		!ArLexKnown(ArLexTokAt(c->ls, R)) && iv >= 0 && it->kind == AR_NUM_NUMBER)
		it->kind = AR_NUM_COUNT;
}

/* Stand-alone duals that are numbers by themselves: يومين، دولارين، نقطتين مئويتين. */
static bool
dual_word(Ctx *c, int i)
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
		it->unit = dur_units[e->val];
		it->words = true;
		if (ArLexEntryAt(c->ls, i + 1, LX_DURFULL))
			extend(c, it, i + 1);
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
		it->unit = dur_units[e->val];
		it->words = true;
		if (ArLexInRange(c->ls, i + 1) && (f = ArLexEntryAtStripped(c->ls, i + 1, LX_FRACTION, &fpre)) != NULL &&
			fpre == AR_PRE_WA && !(f->flags & (LXF_PLURAL | LXF_AFTERAND)) &&
			!ArLexTokAt(c->ls, i + 1)->break_before)
		{
			it->val = ArNumValAdd(it->val, ArNumValMake(f->val, f->den));
			extend(c, it, i + 1);
		}
		return true;
	}
	if ((e = ArLexEntryAt(c->ls, i, LX_CURRENCY)) != NULL && ArLexInRange(c->ls, i + 1) && !ArLexTokAt(c->ls, i + 1)->break_before)
	{
		/* ليرة واحدة، ريالان اثنان: the noun, then the number one or two */
		int			k = currency_at(c, i, &code, &found);
		const ArLexEntry *u = ArLexEntryAt(c->ls, k + 1, LX_UNIT);

		if (u && (u->val == 1 || u->val == 2) && !(u->flags & LXF_TEENONLY))
		{
			it = emit(c, AR_NUM_MONEY, ArNumValMake(u->val, 1), i, k + 1, 0);
			it->unit = code;
			it->words = true;
			return true;
		}
	}
	if ((e = ArLexEntryAt(c->ls, i, LX_CURRENCY)) != NULL && (e->flags & LXF_DUAL))
	{
		int			last = currency_at(c, i, &code, &found);

		it = emit(c, AR_NUM_MONEY, ArNumValMake(2, 1), i, i, 0);
		it->unit = code;
		it->words = true;
		extend(c, it, last);
		return true;
	}
	if ((e = ArLexEntryAt(c->ls, i, LX_PCTPOINT)) != NULL && (e->flags & LXF_DUAL) && ArLexEntryAt(c->ls, i + 1, LX_PCTADJ))
	{
		it = emit(c, AR_NUM_PERCENT, ArNumValMake(2, 1), i, i, 0);
		it->unit = "percentage point";
		it->words = true;
		extend(c, it, i + 1);
		return true;
	}
	return false;
}

/* Money subunits: "عشرون ألف ريال و اثنتا عشرة هللة" adds 0.12 to the
 * amount; the subunit's number is folded into the money row. */
static void
merge_subunits(Ctx *c)
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
				((gap == 2 && is_and(c, a->tok_end + 1)) ||
				 (gap == 1 && ArLexTokAt(c->ls, b->tok_first)->pre == AR_PRE_WA)))
			{
				a->val = ArNumValAdd(a->val, ArNumValMake(ArNumValSmallInt(&b->val), su->den));
				extend(c, a, b->tok_last + 1);
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
link_ranges(Ctx *c)
{
	ArNumList  *l = c->out;

	for (int k = 0; k + 1 < l->n; k++)
	{
		ArNumItem  *a = &l->items[k];
		ArNumItem  *b = &l->items[k + 1];
		int			gap = b->tok_first - a->tok_end;
		bool		range = false;

		if (gap == 2 && (ArLexIsPunct(c->ls, a->tok_end + 1, '-') || ArLexIsPunct(c->ls, a->tok_end + 1, 0x2013)))
			range = true;
		else if (gap == 2 && is_and(c, a->tok_end + 1) && ArLexEntryAtStripped(c->ls, a->tok_first - 1, LX_BETWEEN, NULL))
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

void
ArNumbersExtract(const ArLexStream *ls, ArNumList *out)
{
	Ctx			c;
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
		if (t->type != AR_TOK_NUMBER && t->key < 0 && t->skey < 0 &&
			!(t->type == AR_TOK_PUNCT && (t->first_cp == '-' || t->first_cp == '.' ||
										  t->first_cp == 0x066B)))
		{
			i++;
			continue;
		}
		if (t->type == AR_TOK_ARABIC && parse_ordinal(&c, i, &ov, &oend, &fem))
		{
			bool		digits = ArLexEntryAt(c.ls, i, LX_DEFART) != NULL;
			ArNumItem  *it = emit(&c, AR_NUM_ORDINAL, ArNumValMake(ov, 1), digits ? i + 1 : i, oend,
								  (digits || ArLexEntryAt(c.ls, i, LX_ORDINAL)) ? 0 : t->prechars);

			it->words = true;
			/* الساعة الثانية: a time */
			if (ArLexEntryAt(c.ls, i - 1, LX_TIMECUE) && ov >= 1 && ov <= 12)
				it->kind = AR_NUM_TIME;
			classify(&c, it);
			i = it->tok_end + 1;
			continue;
		}
		if (parse_number(&c, i, &np, true))
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
			classify(&c, it);
			i = it->tok_end + 1;
			continue;
		}
		if (t->type == AR_TOK_ARABIC && dual_word(&c, i))
		{
			classify(&c, &out->items[out->n - 1]);
			i = out->items[out->n - 1].tok_end + 1;
			continue;
		}
		i++;
	}
	merge_subunits(&c);
	link_ranges(&c);
}

bool
ArNumOrdinalAt(const ArLexStream *ls, int i, int64_t *value, int *end)
{
	Ctx			c;
	bool		fem;

	c.ls = ls;
	c.out = NULL;
	if (!ArLexInRange(ls, i) || ArLexTokAt(ls, i)->type != AR_TOK_ARABIC)
		return false;
	return parse_ordinal(&c, i, value, end, &fem) && *value >= 0;
}

bool
ArNumCardinalAt(const ArLexStream *ls, int i, int64_t *value, int *end)
{
	Ctx			c;
	NumParse	np;
	bool		ok;

	c.ls = ls;
	c.out = NULL;
	if (!ArLexInRange(ls, i))
		return false;
	if (!parse_number(&c, i, &np, false))
		return false;
	*value = ArNumValSmallInt(&np.total);
	*end = np.end;
	ok = *value >= 0;
	ArFree(np.total.big);
	return ok;
}
