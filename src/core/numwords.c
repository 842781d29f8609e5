/*
 * numwords.c — cardinals and ordinals, in words, digits or both (see
 * numparse.h).
 *
 * A number is read left to right as a list of pieces: units (0–10), teens
 * (unit + عشر), tens, hundreds, scales (ألف … تريليون, with their dual,
 * construct and plural forms), fractions and digit groups.  Pieces join
 * either directly ("ثلاث مئة", "خمسة عشر", "3.5 مليار") or through و, and a
 * piece after و must be smaller than the one before it, the one exception
 * being units before tens ("خمسة وعشرون").  This is the order rule of
 * Arabic numerals (the table piece_order below) and it is what keeps
 * "مليون مليون مليون" three numbers instead of one absurd one.
 *
 * Every loop advances at least one token, so the work is linear in the
 * input.
 */
#include "numparse.h"

#include <string.h>
#include <strings.h>

/* Value of a number token (any script of digits), negated when neg. */
ArNumVal
num_digits_value(const ArLexStream *ls, const ArLexTok *t, bool neg)
{
	char	   *ascii = ArAlloc(t->byte_len + 1);
	size_t		n = ArNumberTokenAscii(ls->buf + t->byte_start, t->byte_len, ascii);
	ArNumVal	v;

	ascii[n] = '\0';
	v = ArNumValFromDecimal(ascii, neg);
	ArFree(ascii);
	return v;
}

/* Latin scale word after digits ("2bn", "5 million"): its power of ten. */
static int
latin_scale(const NumCtx *c, int i)
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

/* ---- pieces ---- */

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

/* وأحد، وإحدى: و glued to a word in أ or إ, read as و + the teen-only أحد,
 * not as واحد (one). */
static bool
wa_then_hamza_alef(const NumCtx *c, const ArLexTok *t)
{
	const char *second = c->ls->buf + t->byte_start + 2;

	return t->skey >= 0 && t->pre == AR_PRE_WA && t->byte_len > 4 &&
		(memcmp(second, AR_STR_ALEF_HAMZA_ABOVE, 2) == 0 ||
		 memcmp(second, AR_STR_ALEF_HAMZA_BELOW, 2) == 0);
}

/* The number pieces token i can be, read as mode says: fills p. */
static void
piece_at(const NumCtx *c, int i, int mode, Piece *p)
{
	const ArLexTok *t;
	int			k = -1;

	memset(p, 0, sizeof(*p));
	if (!ArLexInRange(c->ls, i))
		return;
	t = ArLexTokAt(c->ls, i);
	if (t->type != AR_TOK_ARABIC)
		return;
	if (mode == PIECE_ANY && wa_then_hamza_alef(c, t))
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
apply_scale(NumParse *np, int e, uint64_t flags, bool conn, bool tanween)
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
	/*
	 * A huge digit string times a scale stands alone: decided before
	 * scaling, because mult may share the group's string, which scaling
	 * frees (مليونا و1555…0 ألف must leave the group as it was).
	 */
	if ((mult.big || np->total.big) && (np->total.num != 0 || np->total.big))
		return false;
	ArNumValScale(&mult, e);
	if (mult.big || mult.overflow)
	{
		/* a string, or over the cap: no room left for a sum */
		if (np->total.num != 0)
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

/* ---- the order rule ---- */

/*
 * Which piece may follow which.  Joined by و, a piece must be smaller than
 * the one before it ("ألف ومئة", "مئة وخمسة"), units before tens being the
 * exception ("خمسة وعشرون"); without و only a unit may multiply a hundred
 * ("ثلاث مئة") or be counted by a plural fraction ("ثلاثة أرباع").  Any
 * piece may start a number except a counted fraction.  Scales follow their
 * own rule (a smaller scale after a larger one, apply_scale).
 */
#define AFTER(piece) (1u << (piece))

typedef struct PieceOrder
{
	int			piece;			/* P_* of the new piece */
	unsigned	after;			/* AFTER() of the pieces it may follow */
	bool		needs_and;		/* joined by و (else directly) */
} PieceOrder;

static const PieceOrder piece_order[] = {
	{P_UNIT, AFTER(P_SCALE) | AFTER(P_HUNDRED), true},
	{P_TEEN, AFTER(P_SCALE) | AFTER(P_HUNDRED), true},
	{P_TENS, AFTER(P_SCALE) | AFTER(P_HUNDRED) | AFTER(P_UNIT), true},
	{P_HUNDRED, AFTER(P_SCALE), true},
	{P_HUNDRED, AFTER(P_UNIT), false},
	{P_DIGITS, AFTER(P_SCALE), true},
	{P_FRACTION, AFTER(P_SCALE) | AFTER(P_UNIT) | AFTER(P_TEEN) | AFTER(P_TENS) |
	AFTER(P_HUNDRED) | AFTER(P_DIGITS), true},
	{P_COUNTED_FRACTION, AFTER(P_UNIT), false},
};

/* True when the table lets piece follow the last piece read, joined by و
 * (conn) or directly. */
static bool
piece_follows(const NumParse *np, int piece, bool conn)
{
	for (size_t k = 0; k < sizeof(piece_order) / sizeof(piece_order[0]); k++)
		if (piece_order[k].piece == piece && piece_order[k].needs_and == conn &&
			(piece_order[k].after & AFTER(np->last)))
			return true;
	return false;
}

/* True when piece may come next: first in the number, or by the table. */
static bool
piece_may_come(const NumParse *np, int piece, bool conn)
{
	return !np->any || piece_follows(np, piece, conn);
}

/* The number being read, with what the piece readers below share. */
typedef struct NumRead
{
	NumParse   *np;
	int			start;			/* token the number starts at */
	bool		allow_point;	/* فاصلة may bring decimals */
	bool		have_snap;		/* snap holds the number up to its last scale */
	NumParse	snap;
} NumRead;

/* The next piece: its token, whether و joins it, what its word can be. */
typedef struct NextPiece
{
	const ArLexTok *t;
	int			pj;				/* token of the piece */
	bool		conn;			/* joined by و, separate or glued */
	Piece		p;
} NextPiece;

/* What a piece reader did: not its piece, took it, or ended the number
 * (with or without taking it). */
typedef enum PieceStep
{
	PIECE_NOT_THIS,
	PIECE_TAKEN,
	PIECE_ENDS
} PieceStep;

/* Record a word piece of kind piece on tokens up to pj. */
static void
took_piece(NumParse *np, int piece, int pj, int *j)
{
	np->last = piece;
	np->any = np->words = true;
	np->end = pj;
	*j = pj + 1;
}

/* ---- digits ---- */

/* A minus sign glued to digits, not after another number (2-3 is a range). */
static bool
minus_sign_at(const NumCtx *c, int j)
{
	return ArLexIsPunct(c->ls, j, '-') && ArLexInRange(c->ls, j + 1) &&
		ArLexTokAt(c->ls, j + 1)->type == AR_TOK_NUMBER &&
		!ArLexTokAt(c->ls, j + 1)->space_before &&
		!(ArLexInRange(c->ls, j - 1) && ArLexTokAt(c->ls, j - 1)->type == AR_TOK_NUMBER);
}

/* A leading decimal point glued to at most 15 digits: .77، ٫٧٧ */
static bool
leading_point_at(const NumCtx *c, int j)
{
	const ArLexTok *d;

	if (!(ArLexIsPunct(c->ls, j, '.') || ArLexIsPunct(c->ls, j, AR_CP_DECIMAL_SEP)) ||
		!ArLexInRange(c->ls, j + 1))
		return false;
	d = ArLexTokAt(c->ls, j + 1);
	return d->type == AR_TOK_NUMBER && !d->space_before && !d->has_decimal &&
		d->char_len <= 15 &&
		!(ArLexInRange(c->ls, j - 1) && ArLexTokAt(c->ls, j - 1)->type == AR_TOK_NUMBER);
}

/* Token k is a number token glued to the one before it (no space). */
static bool
glued_number_at(const NumCtx *c, int k)
{
	return ArLexInRange(c->ls, k) && ArLexTokAt(c->ls, k)->type == AR_TOK_NUMBER &&
		!ArLexTokAt(c->ls, k)->space_before;
}

/* Token k is a glued three-digit group without a decimal point. */
static bool
glued_group3_at(const NumCtx *c, int k)
{
	return glued_number_at(c, k) && ArLexTokAt(c->ls, k)->char_len == 3 &&
		!ArLexTokAt(c->ls, k)->has_decimal;
}

/* An Arabic comma glued to what follows it, at token k. */
static bool
glued_arabic_comma_at(const NumCtx *c, int k)
{
	return ArLexIsPunct(c->ls, k, AR_CP_COMMA) && !ArLexTokAt(c->ls, k)->space_before;
}

/* Arabic commas as thousands separators after digits t at pj: ١،٢٣٤،٥٦٧ —
 * at least two glued three-digit groups, so that "٣،٤" lists stay apart. */
static bool
arabic_comma_thousands_at(const NumCtx *c, const ArLexTok *t, int pj)
{
	return !t->has_decimal && t->char_len <= 3 &&
		glued_arabic_comma_at(c, pj + 1) && glued_group3_at(c, pj + 2) &&
		glued_arabic_comma_at(c, pj + 3) && glued_number_at(c, pj + 4) &&
		ArLexTokAt(c->ls, pj + 4)->char_len == 3;
}

/* Fold the Arabic-comma groups after pj into the group; returns the last token. */
static int
read_arabic_comma_thousands(const NumCtx *c, NumParse *np, int pj)
{
	for (int g = 0; g < 2; g++)
	{
		np->group = ArNumValAdd(ArNumValMul(np->group, 1000, 1),
								num_digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), false));
		pj += 2;
	}
	while (glued_arabic_comma_at(c, pj + 1) && glued_number_at(c, pj + 2) &&
		   ArLexTokAt(c->ls, pj + 2)->char_len == 3 &&
		   ArNumValSmallInt(&np->group) < 1000000000000LL)
	{
		np->group = ArNumValAdd(ArNumValMul(np->group, 1000, 1),
								num_digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), false));
		pj += 2;
	}
	return pj;
}

/* AFP's right-to-left decimals after digits t at pj: 2ر1 is 1.2, 1ر0 is 0.1. */
static bool
afp_decimal_at(const NumCtx *c, const NumParse *np, const ArLexTok *t, int pj)
{
	const ArLexTok *r;

	if (t->has_decimal || !ArLexInRange(c->ls, pj + 2) || t->char_len > 15 || np->group.big)
		return false;
	r = ArLexTokAt(c->ls, pj + 1);
	return r->type == AR_TOK_ARABIC && r->char_len == 1 && r->first_cp == AR_CP_REH &&
		!r->space_before && glued_number_at(c, pj + 2) &&
		!ArLexTokAt(c->ls, pj + 2)->has_decimal;
}

/* Read AFP's decimal after digits t at pj; returns the last token. */
static int
read_afp_decimal(const NumCtx *c, NumParse *np, const ArLexTok *t, int pj)
{
	ArNumVal	ip = num_digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), np->neg);

	if (ip.big)
	{
		ArFree(ip.big);			/* too long to be AFP's decimal: not taken */
		return pj;
	}
	np->group = ArNumValAdd(ip, ArNumValMul(np->group, 1, ArNumValPow10((int) t->char_len)));
	return pj + 2;
}

/* A comma (Latin or Arabic) at token k. */
static bool
comma_at(const NumCtx *c, int k)
{
	return ArLexIsPunct(c->ls, k, ',') || ArLexIsPunct(c->ls, k, AR_CP_COMMA);
}

/* A decimal comma after digits t at pj: ٤,٨ and 3,5% (a comma before
 * exactly three digits is a thousands separator, already inside the token;
 * commas on either side make a list). */
static bool
decimal_comma_at(const NumCtx *c, const NumParse *np, const ArLexTok *t, int pj)
{
	const ArLexTok *f;

	if (t->has_decimal || !comma_at(c, pj + 1) || !ArLexInRange(c->ls, pj + 2))
		return false;
	f = ArLexTokAt(c->ls, pj + 2);
	return f->type == AR_TOK_NUMBER && !ArLexTokAt(c->ls, pj + 1)->space_before &&
		!f->space_before && !f->has_decimal && f->char_len != 3 && f->char_len <= 15 &&
		t->char_len <= 3 && !comma_at(c, pj - 1) && !comma_at(c, pj + 3) && !np->group.big;
}

/* Read the decimals after a decimal comma at pj + 1; returns the last token. */
static int
read_decimal_comma(const NumCtx *c, NumParse *np, int pj)
{
	const ArLexTok *f = ArLexTokAt(c->ls, pj + 2);
	ArNumVal	fr = ArNumValMul(num_digits_value(c->ls, f, false), 1,
								 ArNumValPow10((int) f->char_len));

	if (np->neg)
		fr.num = -fr.num;
	np->group = ArNumValAdd(np->group, fr);
	return pj + 2;
}

/* Space-grouped thousands continue after pj: "100 000", "1 500 000" (a
 * first group of at most three digits, on one line, within 10^12). */
static bool
space_thousands_continue(const NumCtx *c, const NumRead *r, const ArLexTok *t, int pj)
{
	const ArLexTok *g;

	if (t->has_decimal || !ArLexInRange(c->ls, pj + 1))
		return false;
	g = ArLexTokAt(c->ls, pj + 1);
	return g->type == AR_TOK_NUMBER && g->char_len == 3 && g->space_before &&
		!g->break_before && r->np->group.big == NULL &&
		ArNumValSmallInt(&r->np->group) >= 0 &&
		ArNumValSmallInt(&r->np->group) < 1000000000000LL &&
		(pj > r->start || t->char_len <= 3);
}

/* Read space-grouped thousands after pj; returns the last token. */
static int
read_space_thousands(const NumCtx *c, NumRead *r, const ArLexTok *t, int pj)
{
	while (space_thousands_continue(c, r, t, pj))
	{
		ArNumVal	next = num_digits_value(c->ls, ArLexTokAt(c->ls, pj + 1), false);

		if (next.big || ArLexTokAt(c->ls, pj + 1)->has_decimal)
		{
			ArFree(next.big);
			break;
		}
		r->np->group = ArNumValAdd(ArNumValMul(r->np->group, 1000, 1), next);
		pj++;
	}
	return pj;
}

/* A scale word after digits: "3.5 مليار", "2bn", "٣ مئة". */
static void
read_scale_after_digits(const NumCtx *c, NumParse *np, int *j)
{
	Piece		s;
	int			e = latin_scale(c, *j);

	piece_at(c, *j, PIECE_WHOLE, &s);
	if (s.scale && apply_scale(np, s.scale->val, s.scale->flags & ~(LXF_DUAL | LXF_CONSTRUCT),
							   false, true))
		np->words = true;
	else if (e && !ArLexTokAt(c->ls, *j)->break_before &&
			 apply_scale(np, e, LXF_SING, false, true))
		np->closed = true;
	else if (s.hundred && s.hundred->val == 100 && !(s.hundred->flags & LXF_CONSTRUCT) &&
			 !np->group.big)
		np->group = ArNumValMul(np->group, 100, 1);
	else
		return;
	np->end = *j;
	(*j)++;
}

/* Digits may come next: first, or after و following a scale with a
 * smaller scale after them ("مليون و500 ألف"). */
static bool
digits_may_come(const NumCtx *c, const NumParse *np, const NextPiece *n)
{
	Piece		s;

	if (!np->any)
		return true;
	if (!piece_follows(np, P_DIGITS, n->conn))
		return false;
	piece_at(c, n->pj + 1, PIECE_WHOLE, &s);
	return s.scale && s.scale->val < np->last_scale && !n->t->has_decimal;
}

/* Digits (with their separators, decimals and a scale word after them). */
static PieceStep
try_digits(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	const ArLexTok *t = n->t;
	int			pj = n->pj;

	if (!digits_may_come(c, np, n))
		return PIECE_ENDS;
	np->group = num_digits_value(c->ls, t, np->neg);
	if (pj == *j && arabic_comma_thousands_at(c, t, pj))
		pj = read_arabic_comma_thousands(c, np, pj);
	if (afp_decimal_at(c, np, t, pj))
		pj = read_afp_decimal(c, np, t, pj);
	if (decimal_comma_at(c, np, t, pj))
		pj = read_decimal_comma(c, np, pj);
	np->neg = false;
	pj = read_space_thousands(c, r, t, pj);
	np->last = P_DIGITS;
	np->any = true;
	np->end = pj;
	*j = pj + 1;
	read_scale_after_digits(c, np, j);
	if (np->total.big || np->group.big || np->total.overflow || np->group.overflow)
		return PIECE_ENDS;
	return PIECE_TAKEN;
}

/* ---- word pieces ---- */

/* سالب before a number word or digits (which then carry the sign). */
static PieceStep
try_negative(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	Piece		q;

	if (!n->p.neg || np->any)
		return PIECE_NOT_THIS;
	piece_at(c, n->pj + 1, PIECE_WHOLE, &q);
	if (!q.found && !(ArLexInRange(c->ls, n->pj + 1) &&
					  ArLexTokAt(c->ls, n->pj + 1)->type == AR_TOK_NUMBER))
		return PIECE_ENDS;
	np->neg = true;
	np->end = n->pj;
	*j = n->pj + 1;
	if (ArLexInRange(c->ls, *j) && ArLexTokAt(c->ls, *j)->type == AR_TOK_NUMBER)
	{
		/* سالب 5: digits carry the sign */
		np->group = num_digits_value(c->ls, ArLexTokAt(c->ls, *j), true);
		np->neg = false;
		np->any = true;
		np->last = P_DIGITS;
		np->end = *j;
		(*j)++;
	}
	return PIECE_TAKEN;
}

/* فاصلة after an integer in words: the following integer words are the
 * decimals (خمسة فاصلة ثلاثة = 5.3). */
static PieceStep
try_point(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	NumParse	d;
	int64_t		dv;
	ar_int128	den = 1;

	if (!n->p.point || !r->allow_point || !np->any || np->last == P_SCALE ||
		!ArNumValIsInt(&np->group) || np->total.num != 0)
		return PIECE_NOT_THIS;
	if (!num_parse_cardinal(c, n->pj + 1, &d, false))
		return PIECE_ENDS;
	if (d.scale || !ArNumValIsInt(&d.total) || (dv = ArNumValSmallInt(&d.total)) < 0)
	{
		ArFree(d.total.big);	/* a long digit run after فاصلة: not decimals */
		return PIECE_ENDS;
	}
	for (int64_t x = dv; x > 0; x /= 10)
		den *= 10;
	if (dv == 0)
		den = 10;
	np->group = ArNumValAdd(np->group, ArNumValMake(dv, den));
	np->end = d.end;
	*j = d.end + 1;
	return PIECE_ENDS;
}

/* Teens written as two words: a unit 1–9, then عشر/عشرة. */
static PieceStep
try_teen(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	Piece		q;

	if (!n->p.unit || n->p.unit->val < 1 || n->p.unit->val > 9)
		return PIECE_NOT_THIS;
	piece_at(c, n->pj + 1, PIECE_WHOLE, &q);
	if (!q.ten || ArLexTokAt(c->ls, n->pj + 1)->break_before)
		return PIECE_NOT_THIS;
	if (!piece_may_come(np, P_TEEN, n->conn))
		return PIECE_ENDS;
	np->group = ArNumValAdd(np->group, ArNumValMake(n->p.unit->val + 10, 1));
	np->unit_in_group = 0;
	took_piece(np, P_TEEN, n->pj + 1, j);
	return PIECE_TAKEN;
}

/* عشرون وثلاثة أخماس: after و, a unit counted by a plural fraction may
 * follow anything but a fraction. */
static bool
unit_counts_fraction(const NumCtx *c, const NumParse *np, const NextPiece *n)
{
	Piece		q;

	if (!n->conn)
		return false;
	piece_at(c, n->pj + 1, PIECE_WHOLE, &q);
	return q.fraction && (q.fraction->flags & LXF_PLURAL) && np->last != P_FRACTION;
}

/* A unit (0–10); zero ends the number and never follows another piece. */
static PieceStep
try_unit(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	const ArLexEntry *u = n->p.unit;

	if (!u || (u->flags & LXF_TEENONLY))
		return PIECE_NOT_THIS;
	if (!piece_may_come(np, P_UNIT, n->conn) && !unit_counts_fraction(c, np, n))
		return PIECE_NOT_THIS;
	if (u->val == 0 && np->any)
		return PIECE_NOT_THIS;
	np->group = ArNumValAdd(np->group, ArNumValMake(u->val, 1));
	np->unit_in_group = u->val;
	took_piece(np, P_UNIT, n->pj, j);
	return u->val == 0 ? PIECE_ENDS : PIECE_TAKEN;
}

/* The unit read last is 1–9, so tens may follow it (خمسة وعشرون). */
static bool
unit_may_precede_tens(const NumParse *np)
{
	return np->unit_in_group >= 1 && np->unit_in_group <= 9;
}

/* Tens (عشرون … تسعون). */
static PieceStep
try_tens(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;

	if (!n->p.tens || !piece_may_come(np, P_TENS, n->conn))
		return PIECE_NOT_THIS;
	if (np->any && np->last == P_UNIT && !unit_may_precede_tens(np))
		return PIECE_NOT_THIS;
	np->group = ArNumValAdd(np->group, ArNumValMake(n->p.tens->val, 1));
	np->unit_in_group = 0;
	took_piece(np, P_TENS, n->pj, j);
	return PIECE_TAKEN;
}

/* ثلاث مئة: a unit 3–9, alone in its group, multiplies the hundred after it. */
static bool
unit_multiplies_hundred(const NumParse *np, const ArLexEntry *h)
{
	return h->val == 100 && np->unit_in_group >= 3 && np->unit_in_group <= 9 &&
		ArNumValSmallInt(&np->group) == np->unit_in_group;
}

/* Hundreds (مئة، مئتان، ثلاثمئة …). */
static PieceStep
try_hundred(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	const ArLexEntry *h = n->p.hundred;

	if (!h)
		return PIECE_NOT_THIS;
	if (np->any && !n->conn)
	{
		if (!piece_follows(np, P_HUNDRED, false) || !unit_multiplies_hundred(np, h))
			return PIECE_NOT_THIS;
		np->group = ArNumValMake(np->unit_in_group * 100, 1);
		np->last = P_HUNDRED;
		np->unit_in_group = 0;
		np->end = n->pj;
		*j = n->pj + 1;
		return PIECE_TAKEN;
	}
	if (!piece_may_come(np, P_HUNDRED, n->conn))
		return PIECE_NOT_THIS;
	np->group = ArNumValAdd(np->group, ArNumValMake(h->val, 1));
	np->unit_in_group = 0;
	took_piece(np, P_HUNDRED, n->pj, j);
	return PIECE_TAKEN;
}

/*
 * مليونا، ألفا، مليارا with no tanween written are either the construct dual
 * (مليونا دولار: two million) or the singular accusative (مليونًا).  With و
 * and more of the number right after the word it is the singular: a
 * construct dual is followed by its noun, never by و (مليونا و300 ألف =
 * 1,300,000).  More of the number: a word piece, or digits with a scale
 * word after them (the only digits that join after a scale, digits_may_come).
 */
static bool
number_goes_on_after(const NumCtx *c, int pj)
{
	Piece		p;
	int			k = pj + 1;
	int			mode = PIECE_WHOLE;

	if (num_is_and(c, k))
		k++;
	else if (ArLexInRange(c->ls, k) && ArLexTokAt(c->ls, k)->type == AR_TOK_ARABIC &&
			 ArLexTokAt(c->ls, k)->pre == AR_PRE_WA)
		mode = PIECE_STRIPPED;
	else
		return false;
	if (!ArLexInRange(c->ls, k))
		return false;
	if (ArLexTokAt(c->ls, k)->type == AR_TOK_NUMBER)
	{
		piece_at(c, k + 1, PIECE_WHOLE, &p);
		return p.scale != NULL;
	}
	piece_at(c, k, mode, &p);
	return p.found;
}

/* Scales (ألف … تريليون).  "أحد عشر مليونًا وخمسة عشر مليونًا": when a
 * scale cannot follow, the pieces after the last scale start the next
 * number. */
static PieceStep
try_scale(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;

	if (!n->p.scale)
		return PIECE_NOT_THIS;
	if (apply_scale(np, n->p.scale->val, n->p.scale->flags, n->conn,
					n->t->tanween || ((n->p.scale->flags & LXF_ACC_OR_CONSTRUCT) &&
									  number_goes_on_after(c, n->pj))))
	{
		took_piece(np, P_SCALE, n->pj, j);
		r->snap = *np;
		r->have_snap = true;
		return PIECE_TAKEN;
	}
	if (r->have_snap && !group_empty(np) && !n->conn)
	{
		*np = r->snap;
		return PIECE_ENDS;
	}
	return PIECE_NOT_THIS;
}

/* Fractions: ثلاثة أرباع (a plural counts the unit before it), نصف alone,
 * مليار ونصف (a fraction of the last scale), خمسة ونصف (added); a
 * fraction after و ends the number. */
static PieceStep
try_fraction(const NumCtx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	const ArLexEntry *f = n->p.fraction;

	if (!f || (f->flags & LXF_AFTERAND))
		return PIECE_NOT_THIS;
	if (f->flags & LXF_PLURAL)
	{
		if (!np->any || !piece_follows(np, P_COUNTED_FRACTION, n->conn))
			return PIECE_ENDS;
		/* the fraction counts the unit only: مائة وثلاثة أرباع = 100.75 */
		np->group = ArNumValAdd(ArNumValAdd(np->group, ArNumValMake(-np->unit_in_group, 1)),
								ArNumValMake((ar_int128) np->unit_in_group * f->val, f->den));
		np->last = P_FRACTION;
		np->end = n->pj;
		*j = n->pj + 1;
		return PIECE_TAKEN;
	}
	if (!np->any)
	{
		np->group = ArNumValMake(f->val, f->den);
		took_piece(np, P_FRACTION, n->pj, j);
		return PIECE_TAKEN;
	}
	if (!piece_follows(np, P_FRACTION, n->conn))
		return PIECE_NOT_THIS;
	if (np->last == P_SCALE && !np->total.big)
	{
		ArNumVal	fr = ArNumValMake(f->val, f->den);

		ArNumValScale(&fr, np->last_scale);
		np->total = ArNumValAdd(np->total, fr);
	}
	else if (np->last != P_SCALE && !np->group.big)
		np->group = ArNumValAdd(np->group, ArNumValMake(f->val, f->den));
	else
		return PIECE_NOT_THIS;
	np->end = n->pj;
	*j = n->pj + 1;
	return PIECE_ENDS;
}

typedef PieceStep (*PieceReader) (const NumCtx *c, NumRead *r, const NextPiece *n, int *j);

/* The word pieces, tried in this order on each word of a number. */
static const PieceReader word_pieces[] = {
	try_negative, try_point, try_teen, try_unit, try_tens, try_hundred, try_scale, try_fraction
};

/* ---- reading a cardinal ---- */

/* "مائة مليون، ومائة ألف": a comma before و between scale groups. */
static bool
comma_between_scale_groups(const NumCtx *c, const NumParse *np, int j)
{
	return np->any && np->last == P_SCALE && ArLexInRange(c->ls, j + 1) && comma_at(c, j) &&
		(num_is_and(c, j + 1) || ArLexTokAt(c->ls, j + 1)->pre == AR_PRE_WA);
}

/* Find the next piece at token j: the connector (a separate و, or و glued
 * to the piece) and what the word can be.  False past the end. */
static bool
next_piece(const NumCtx *c, NumParse *np, int j, NextPiece *n)
{
	n->t = ArLexTokAt(c->ls, j);
	n->pj = j;
	n->conn = false;
	if (np->any && num_is_and(c, j))
	{
		n->conn = true;
		n->pj = j + 1;
		if (!ArLexInRange(c->ls, n->pj))
			return false;
		n->t = ArLexTokAt(c->ls, n->pj);
		piece_at(c, n->pj, PIECE_WHOLE, &n->p);
	}
	else if (!np->any)
	{
		piece_at(c, n->pj, PIECE_ANY, &n->p);
		np->first_pre = n->p.pre != 0;
	}
	else
	{
		n->p.found = false;
		if (n->t->type == AR_TOK_ARABIC && n->t->skey >= 0 && n->t->pre == AR_PRE_WA)
		{
			piece_at(c, n->pj, PIECE_STRIPPED, &n->p);
			n->conn = n->p.found;
		}
		if (!n->p.found)
			piece_at(c, n->pj, PIECE_WHOLE, &n->p);
	}
	return true;
}

/* Read the next piece at token *j; false when the number ends. */
static bool
read_piece(const NumCtx *c, NumRead *r, int *j)
{
	NextPiece	n;

	if (r->np->closed)
		return false;
	if (comma_between_scale_groups(c, r->np, *j))
		(*j)++;
	if (!next_piece(c, r->np, *j, &n))
		return false;
	if (n.t->type == AR_TOK_NUMBER)
		return try_digits(c, r, &n, j) == PIECE_TAKEN;
	if (!n.p.found || (r->np->any && n.t->break_before))
		return false;
	for (size_t k = 0; k < sizeof(word_pieces) / sizeof(word_pieces[0]); k++)
	{
		PieceStep	step = word_pieces[k] (c, r, &n, j);

		if (step != PIECE_NOT_THIS)
			return step == PIECE_TAKEN;
	}
	return false;
}

/* The total of a number read: total + group, the sign applied. */
static void
finish_number(NumParse *np)
{
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
}

/*
 * Read a number (words, digits, or both) starting at token i.  Returns
 * false when no number starts there.
 */
bool
num_parse_cardinal(const NumCtx *c, int i, NumParse *np, bool allow_point)
{
	NumRead		r;
	int			j = i;

	memset(np, 0, sizeof(*np));
	np->total = ArNumValMake(0, 1);
	np->group = ArNumValMake(0, 1);
	np->last_scale = 99;
	np->end = -1;
	r.np = np;
	r.start = i;
	r.allow_point = allow_point;
	r.have_snap = false;

	if (minus_sign_at(c, j))
	{
		np->neg = true;
		j++;
	}
	if (leading_point_at(c, j))
	{
		const ArLexTok *d = ArLexTokAt(c->ls, j + 1);

		np->group = ArNumValMul(num_digits_value(c->ls, d, np->neg), 1,
								ArNumValPow10((int) d->char_len));
		np->neg = false;
		np->any = true;
		np->last = P_DIGITS;
		np->end = j + 1;
		np->total = ArNumValAdd(np->total, np->group);
		return true;
	}
	while (ArLexInRange(c->ls, j) && read_piece(c, &r, &j))
		;
	if (!np->any)
		return false;
	finish_number(np);
	return true;
}

/* ---- ordinals ---- */

/* A smaller ordinal joined by و after token *j (المئة والخامس، الثلاث مئة
 * والعشرين): adds it to *v and moves *j to its end when it is below limit. */
static void
add_ordinal_after_and(const NumCtx *c, int64_t *v, int *j, int64_t limit)
{
	int64_t		v2;
	int			e2;
	bool		f2;
	int			k;

	if (!ArLexInRange(c->ls, *j + 1))
		return;
	k = num_is_and(c, *j + 1) ? *j + 2 : *j + 1;
	if ((k == *j + 2 || ArLexTokAt(c->ls, k)->pre == AR_PRE_WA) &&
		num_parse_ordinal(c, k, &v2, &e2, &f2) && v2 < limit)
	{
		*v += v2;
		*j = e2;
	}
}

/* الـ 76: the article, then digits (at most six, no decimals). */
static bool
article_digits_at(const NumCtx *c, int i)
{
	return ArLexInRange(c->ls, i) && ArLexEntryAt(c->ls, i, LX_DEFART) &&
		ArLexInRange(c->ls, i + 1) && ArLexTokAt(c->ls, i + 1)->type == AR_TOK_NUMBER &&
		!ArLexTokAt(c->ls, i + 1)->has_decimal && ArLexTokAt(c->ls, i + 1)->char_len <= 6;
}

/* في المئة، بالمئة are percent signs, not "the hundredth". */
static bool
hundredth_is_percent(const NumCtx *c, int i, uint8_t pre)
{
	return pre == AR_PRE_BI ||
		(ArLexInRange(c->ls, i - 1) && ArLexEntryAt(c->ls, i - 1, LX_PREP) &&
		 ArLexTokAt(c->ls, i - 1)->byte_len == 4);
}

/* The tens after a unit ordinal at *j: الحادي عشر (a teen), الخامس
 * والعشرون (tens after و, as an ordinal or a cardinal).  False when the
 * ordinal needs tens (الحادي) and has none. */
static bool
add_ordinal_tens(const NumCtx *c, const ArLexEntry *o, int64_t *v, int *j)
{
	int			k = *j + 1;
	const ArLexEntry *t = NULL;
	uint8_t		tpre = 0;
	bool		sep;

	if (o->flags & LXF_TENS)
		return true;
	if (*v <= 9 && ArLexInRange(c->ls, *j + 1) && ArLexEntryAt(c->ls, *j + 1, LX_TEN))
	{
		*v += 10;
		(*j)++;
		return true;
	}
	sep = num_is_and(c, k);
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
	if (t && *v <= 9)
	{
		*v += t->val;
		*j = k;
		return true;
	}
	return !(o->flags & (LXF_ONLYTEEN | LXF_WITHTENS));
}

/* Read an ordinal at token i (الحادي عشر، الخامس والعشرون، المئة والخامس,
 * الـ 76). */
bool
num_parse_ordinal(const NumCtx *c, int i, int64_t *value, int *end, bool *fem)
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
	if (!o && article_digits_at(c, i))
	{
		ArNumVal	nv = num_digits_value(c->ls, ArLexTokAt(c->ls, i + 1), false);

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
		if (hundredth_is_percent(c, i, pre))
			return false;
		add_ordinal_after_and(c, &v, &j, v);
	}
	else if (o->flags & LXF_MUL100)
	{
		/* الثلاث مئة، الخمسة مائة (والعشرين) */
		const ArLexEntry *h = ArLexEntryAt(c->ls, i + 1, LX_HUNDRED);

		if (!h || h->val != 100)
			return false;
		v *= 100;
		j = i + 1;
		add_ordinal_after_and(c, &v, &j, 100);
	}
	else
	{
		if (!add_ordinal_tens(c, o, &v, &j))
			return false;
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
	}
	*value = v;
	*end = j;
	return true;
}
