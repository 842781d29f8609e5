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
	P_SCALE,
	P_COUNTED_FRACTION			/* a plural fraction counting a unit: ثلاثة أرباع */
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
		return ArLexTokAt(c->ls, i)->first_cp == AR_CP_WAW || ArLexTokAt(c->ls, i)->first_cp == AR_CP_FEH;
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

/* وأحد، وإحدى: و glued to a word in أ or إ, read as و + the teen-only أحد,
 * not as واحد (one). */
static bool
wa_then_hamza_alef(const Ctx *c, const ArLexTok *t)
{
	const char *second = c->ls->buf + t->byte_start + 2;

	return t->skey >= 0 && t->pre == AR_PRE_WA && t->byte_len > 4 &&
		(memcmp(second, AR_STR_ALEF_HAMZA_ABOVE, 2) == 0 ||
		 memcmp(second, AR_STR_ALEF_HAMZA_BELOW, 2) == 0);
}

/* The number pieces token i can be, read as mode says: fills p. */
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

static bool parse_number(const Ctx *c, int i, NumParse *np, bool allow_point);

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

/* A minus sign glued to digits, not after another number (2-3 is a range). */
static bool
minus_sign_at(const Ctx *c, int j)
{
	return ArLexIsPunct(c->ls, j, '-') && ArLexInRange(c->ls, j + 1) &&
		ArLexTokAt(c->ls, j + 1)->type == AR_TOK_NUMBER &&
		!ArLexTokAt(c->ls, j + 1)->space_before &&
		!(ArLexInRange(c->ls, j - 1) && ArLexTokAt(c->ls, j - 1)->type == AR_TOK_NUMBER);
}

/* A leading decimal point glued to at most 15 digits: .77، ٫٧٧ */
static bool
leading_point_at(const Ctx *c, int j)
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
glued_number_at(const Ctx *c, int k)
{
	return ArLexInRange(c->ls, k) && ArLexTokAt(c->ls, k)->type == AR_TOK_NUMBER &&
		!ArLexTokAt(c->ls, k)->space_before;
}

/* Token k is a glued three-digit group without a decimal point. */
static bool
glued_group3_at(const Ctx *c, int k)
{
	return glued_number_at(c, k) && ArLexTokAt(c->ls, k)->char_len == 3 &&
		!ArLexTokAt(c->ls, k)->has_decimal;
}

/* An Arabic comma glued to what follows it, at token k. */
static bool
glued_arabic_comma_at(const Ctx *c, int k)
{
	return ArLexIsPunct(c->ls, k, AR_CP_COMMA) && !ArLexTokAt(c->ls, k)->space_before;
}

/* Arabic commas as thousands separators after digits t at pj: ١،٢٣٤،٥٦٧ —
 * at least two glued three-digit groups, so that "٣،٤" lists stay apart. */
static bool
arabic_comma_thousands_at(const Ctx *c, const ArLexTok *t, int pj)
{
	return !t->has_decimal && t->char_len <= 3 &&
		glued_arabic_comma_at(c, pj + 1) && glued_group3_at(c, pj + 2) &&
		glued_arabic_comma_at(c, pj + 3) && glued_number_at(c, pj + 4) &&
		ArLexTokAt(c->ls, pj + 4)->char_len == 3;
}

/* Fold the Arabic-comma groups after pj into the group; returns the last token. */
static int
read_arabic_comma_thousands(const Ctx *c, NumParse *np, int pj)
{
	for (int g = 0; g < 2; g++)
	{
		np->group = ArNumValAdd(ArNumValMul(np->group, 1000, 1),
								digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), false));
		pj += 2;
	}
	while (glued_arabic_comma_at(c, pj + 1) && glued_number_at(c, pj + 2) &&
		   ArLexTokAt(c->ls, pj + 2)->char_len == 3 &&
		   ArNumValSmallInt(&np->group) < 1000000000000LL)
	{
		np->group = ArNumValAdd(ArNumValMul(np->group, 1000, 1),
								digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), false));
		pj += 2;
	}
	return pj;
}

/* AFP's right-to-left decimals after digits t at pj: 2ر1 is 1.2, 1ر0 is 0.1. */
static bool
afp_decimal_at(const Ctx *c, const NumParse *np, const ArLexTok *t, int pj)
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
read_afp_decimal(const Ctx *c, NumParse *np, const ArLexTok *t, int pj)
{
	ArNumVal	ip = digits_value(c->ls, ArLexTokAt(c->ls, pj + 2), np->neg);

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
comma_at(const Ctx *c, int k)
{
	return ArLexIsPunct(c->ls, k, ',') || ArLexIsPunct(c->ls, k, AR_CP_COMMA);
}

/* A decimal comma after digits t at pj: ٤,٨ and 3,5% (a comma before
 * exactly three digits is a thousands separator, already inside the token;
 * commas on either side make a list). */
static bool
decimal_comma_at(const Ctx *c, const NumParse *np, const ArLexTok *t, int pj)
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
read_decimal_comma(const Ctx *c, NumParse *np, int pj)
{
	const ArLexTok *f = ArLexTokAt(c->ls, pj + 2);
	ArNumVal	fr = ArNumValMul(digits_value(c->ls, f, false), 1,
								 ArNumValPow10((int) f->char_len));

	if (np->neg)
		fr.num = -fr.num;
	np->group = ArNumValAdd(np->group, fr);
	return pj + 2;
}

/* Space-grouped thousands continue after pj: "100 000", "1 500 000" (a
 * first group of at most three digits, on one line, within 10^12). */
static bool
space_thousands_continue(const Ctx *c, const NumRead *r, const ArLexTok *t, int pj)
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
read_space_thousands(const Ctx *c, NumRead *r, const ArLexTok *t, int pj)
{
	while (space_thousands_continue(c, r, t, pj))
	{
		ArNumVal	next = digits_value(c->ls, ArLexTokAt(c->ls, pj + 1), false);

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
read_scale_after_digits(const Ctx *c, NumParse *np, int *j)
{
	Piece		s;
	int			e = latin_scale(c, *j);

	piece_at(c, *j, PIECE_WHOLE, &s);
	if (s.scale && apply_scale(np, s.scale->val, s.scale->flags & ~(LXF_DUAL | LXF_CONSTRUCT),
							   false, true))
		np->words = true;
	else if (e && !ArLexTokAt(c->ls, *j)->break_before &&
			 apply_scale(np, e, LXF_SING, false, true))
		;
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
digits_may_come(const Ctx *c, const NumParse *np, const NextPiece *n)
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
try_digits(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	const ArLexTok *t = n->t;
	int			pj = n->pj;

	if (!digits_may_come(c, np, n))
		return PIECE_ENDS;
	np->group = digits_value(c->ls, t, np->neg);
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

/* سالب before a number word or digits (which then carry the sign). */
static PieceStep
try_negative(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
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
		np->group = digits_value(c->ls, ArLexTokAt(c->ls, *j), true);
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
try_point(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;
	NumParse	d;
	int64_t		dv;
	ar_int128	den = 1;

	if (!n->p.point || !r->allow_point || !np->any || np->last == P_SCALE ||
		!ArNumValIsInt(&np->group) || np->total.num != 0)
		return PIECE_NOT_THIS;
	if (!parse_number(c, n->pj + 1, &d, false))
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
try_teen(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
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
unit_counts_fraction(const Ctx *c, const NumParse *np, const NextPiece *n)
{
	Piece		q;

	if (!n->conn)
		return false;
	piece_at(c, n->pj + 1, PIECE_WHOLE, &q);
	return q.fraction && (q.fraction->flags & LXF_PLURAL) && np->last != P_FRACTION;
}

/* A unit (0–10); zero ends the number and never follows another piece. */
static PieceStep
try_unit(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
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
try_tens(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
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
try_hundred(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
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

/* Scales (ألف … تريليون).  "أحد عشر مليونًا وخمسة عشر مليونًا": when a
 * scale cannot follow, the pieces after the last scale start the next
 * number. */
static PieceStep
try_scale(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
{
	NumParse   *np = r->np;

	if (!n->p.scale)
		return PIECE_NOT_THIS;
	if (apply_scale(np, n->p.scale->val, n->p.scale->flags, n->conn, n->t->tanween))
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
try_fraction(const Ctx *c, NumRead *r, const NextPiece *n, int *j)
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

typedef PieceStep (*PieceReader) (const Ctx *c, NumRead *r, const NextPiece *n, int *j);

/* The word pieces, tried in this order on each word of a number. */
static const PieceReader word_pieces[] = {
	try_negative, try_point, try_teen, try_unit, try_tens, try_hundred, try_scale, try_fraction
};

/* "مائة مليون، ومائة ألف": a comma before و between scale groups. */
static bool
comma_between_scale_groups(const Ctx *c, const NumParse *np, int j)
{
	return np->any && np->last == P_SCALE && ArLexInRange(c->ls, j + 1) && comma_at(c, j) &&
		(is_and(c, j + 1) || ArLexTokAt(c->ls, j + 1)->pre == AR_PRE_WA);
}

/* Find the next piece at token j: the connector (a separate و, or و glued
 * to the piece) and what the word can be.  False past the end. */
static bool
next_piece(const Ctx *c, NumParse *np, int j, NextPiece *n)
{
	n->t = ArLexTokAt(c->ls, j);
	n->pj = j;
	n->conn = false;
	if (np->any && is_and(c, j))
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
read_piece(const Ctx *c, NumRead *r, int *j)
{
	NextPiece	n;

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
static bool
parse_number(const Ctx *c, int i, NumParse *np, bool allow_point)
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

		np->group = ArNumValMul(digits_value(c->ls, d, np->neg), 1,
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

static bool parse_ordinal(const Ctx *c, int i, int64_t *value, int *end, bool *fem);

/* A smaller ordinal joined by و after token *j (المئة والخامس، الثلاث مئة
 * والعشرين): adds it to *v and moves *j to its end when it is below limit. */
static void
add_ordinal_after_and(const Ctx *c, int64_t *v, int *j, int64_t limit)
{
	int64_t		v2;
	int			e2;
	bool		f2;
	int			k;

	if (!ArLexInRange(c->ls, *j + 1))
		return;
	k = is_and(c, *j + 1) ? *j + 2 : *j + 1;
	if ((k == *j + 2 || ArLexTokAt(c->ls, k)->pre == AR_PRE_WA) &&
		parse_ordinal(c, k, &v2, &e2, &f2) && v2 < limit)
	{
		*v += v2;
		*j = e2;
	}
}

/* الـ 76: the article, then digits (at most six, no decimals). */
static bool
article_digits_at(const Ctx *c, int i)
{
	return ArLexInRange(c->ls, i) && ArLexEntryAt(c->ls, i, LX_DEFART) &&
		ArLexInRange(c->ls, i + 1) && ArLexTokAt(c->ls, i + 1)->type == AR_TOK_NUMBER &&
		!ArLexTokAt(c->ls, i + 1)->has_decimal && ArLexTokAt(c->ls, i + 1)->char_len <= 6;
}

/* في المئة، بالمئة are percent signs, not "the hundredth". */
static bool
hundredth_is_percent(const Ctx *c, int i, uint8_t pre)
{
	return pre == AR_PRE_BI ||
		(ArLexInRange(c->ls, i - 1) && ArLexEntryAt(c->ls, i - 1, LX_PREP) &&
		 ArLexTokAt(c->ls, i - 1)->byte_len == 4);
}

/* The tens after a unit ordinal at *j: الحادي عشر (a teen), الخامس
 * والعشرون (tens after و, as an ordinal or a cardinal).  False when the
 * ordinal needs tens (الحادي) and has none. */
static bool
add_ordinal_tens(const Ctx *c, const ArLexEntry *o, int64_t *v, int *j)
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
	sep = is_and(c, k);
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
	if (!o && article_digits_at(c, i))
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
extend(const Ctx *c, ArNumItem *it, int k)
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

/* ---- classification: kind, unit and approx flag from the words around ---- */

/* Approximations before (نحو، حوالي، بنحو، أكثر من، ما يزيد على) or after. */
static void
mark_approx(const Ctx *c, ArNumItem *it)
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
classify_money_sign_before(const Ctx *c, ArNumItem *it)
{
	int			L = it->tok_first - 1;
	const char *code;

	if (!ArLexInRange(c->ls, L) || (code = latin_currency(c, L)) == NULL)
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
fi_at(const Ctx *c, int k)
{
	return ArLexEntryAt(c->ls, k, LX_PREP) && ArLexTokAt(c->ls, k)->byte_len == 4;
}

/* A percent sign or phrase at R: 5%، 5 %، 5 في المائة، 5 بالمئة، 3 نقاط
 * مئوية.  Returns its last token (*unit gets the unit), or -1. */
static int
percent_after(const Ctx *c, int R, const char **unit)
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
take_day_part(const Ctx *c, ArNumItem *it, int R, int64_t hour)
{
	const ArLexEntry *e;

	if (!ArLexInRange(c->ls, R) || (e = ArLexEntryAt(c->ls, R, LX_DAYPART)) == NULL)
		return;
	if (e->val == 12 && hour < 12)
		it->val = ArNumValAdd(it->val, ArNumValMake(12, 1));
	extend(c, it, R);
}

/* Minutes after a colon glued to an hour 0–24 in digits: 10:30. */
static bool
clock_minutes_at(const Ctx *c, const ArNumItem *it, int R, int64_t iv)
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
classify_by_right(Ctx *c, ArNumItem *it, int64_t iv)
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
		extend(c, it, last);
		return true;
	}
	/* money with the currency after: 5 مليارات دولار، 10 دولارات، 3.42$ */
	last = currency_at(c, R, &code, &found);
	if (found)
	{
		it->kind = AR_NUM_MONEY;
		it->unit = code;
		extend(c, it, last);
		return true;
	}
	/* durations: 10 أيام، ثلاث سنوات، 70 عامًا */
	if ((e = ArLexEntryAt(c->ls, R, LX_DURUNIT)) != NULL && !(e->flags & LXF_DUAL) &&
		!ArLexEntryAt(c->ls, L, LX_YEARCUE) && it->kind != AR_NUM_ORDINAL)
	{
		it->kind = AR_NUM_DURATION;
		it->unit = dur_units[e->val];
		extend(c, it, R);
		return true;
	}
	/* times: 10:30 (صباحا) */
	if (clock_minutes_at(c, it, R, iv))
	{
		ArNumVal	m = digits_value(c->ls, ArLexTokAt(c->ls, R + 1), false);
		int64_t		mv = ArNumValSmallInt(&m);

		if (mv >= 0 && mv < 60)
		{
			it->kind = AR_NUM_TIME;
			it->val = ArNumValAdd(it->val, ArNumValMake(mv, 60));
			extend(c, it, R + 1);
			take_day_part(c, it, R + 2, iv);
			return true;
		}
	}
	return false;
}

/* A year mark (م، هـ) at token R, on the same line. */
static bool
year_mark_at(const Ctx *c, int R)
{
	return ArLexInRange(c->ls, R) &&
		(ArLexEntryAt(c->ls, R, LX_YEARMARK) || ArLexEntryAt(c->ls, R, LX_HIJRIMARK)) &&
		!ArLexTokAt(c->ls, R)->break_before;
}

/* A year 1–2200 without a scale: after عام/سنة (digits, or words from
 * 1000), after a month name (digits), or digits from 100 before a year
 * mark: عام 2024، لعام 1949، نوفمبر 2024، 2024م. */
static bool
year_by_cue(const Ctx *c, const ArNumItem *it, int64_t iv)
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
year_of_numeric_date(const Ctx *c, const ArNumItem *it, int64_t iv)
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
year_after_preposition(const Ctx *c, const ArNumItem *it, int64_t iv)
{
	int			L = it->tok_first - 1;
	const ArLexTok *first = ArLexTokAt(c->ls, it->tok_first);

	return iv >= 1900 && iv <= 2100 && first->type == AR_TOK_NUMBER && first->char_len == 4 &&
		(ArLexEntryAtStripped(c->ls, L, LX_PREP, NULL) ||
		 ArLexEntryAtStripped(c->ls, L, LX_TO, NULL) ||
		 ArLexEntryAtStripped(c->ls, L, LX_FROM, NULL) ||
		 ArLexEntryAtStripped(c->ls, L, LX_DURCUE, NULL));
}

/* The words before the number decide (and a day part after a clock hour):
 * a time, a percent after نسبة, a duration of one, a year, a count. */
static void
classify_by_left(Ctx *c, ArNumItem *it, int64_t iv)
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
		it->unit = dur_units[e->val];
		it->char_start = ArLexTokAt(c->ls, L)->char_start;
		it->byte_start = ArLexTokAt(c->ls, L)->byte_start;
		return;
	}
	if (year_by_cue(c, it, iv))
	{
		it->kind = AR_NUM_YEAR;
		if (year_mark_at(c, R))
			extend(c, it, R);
		return;
	}
	if (year_of_numeric_date(c, it, iv) || year_after_preposition(c, it, iv))
	{
		it->kind = AR_NUM_YEAR;
		return;
	}
	/* counts: a number before a noun (30 دولة، ثلاثة وزراء) */
	if (same_line && ArLexTokAt(c->ls, R)->type == AR_TOK_ARABIC &&
		!ArLexKnown(ArLexTokAt(c->ls, R)) && iv >= 0 && it->kind == AR_NUM_NUMBER)
		it->kind = AR_NUM_COUNT;
}

/* Settle kind, unit and flags of the number on tokens [first..last]. */
static void
classify(Ctx *c, ArNumItem *it)
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

		if (gap == 2 && (ArLexIsPunct(c->ls, a->tok_end + 1, '-') || ArLexIsPunct(c->ls, a->tok_end + 1, AR_CP_EN_DASH)))
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
										  t->first_cp == AR_CP_DECIMAL_SEP)))
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
