/*
 * numparse.h — internals shared by the files of the number grammar:
 * numbers.c (the driver: one pass over the tokens, stand-alone duals,
 * subunits, ranges), numwords.c (cardinals and ordinals in words and
 * digits) and numkind.c (kind, unit and approx flag from the words around
 * a number).  Not for use outside them.
 */
#ifndef AR_NUMPARSE_H
#define AR_NUMPARSE_H

#include "numbers.h"

/* The token stream being read and the list the numbers go to. */
typedef struct NumCtx
{
	const ArLexStream *ls;
	ArNumList  *out;
} NumCtx;

/* Piece magnitudes, in the order rule of numwords.c. */
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

/* A number being read: the total so far, the group after the last scale. */
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
	bool		closed;			/* a Latin scale (2bn, 5 million) ended the number */
} NumParse;

/* Duration units by LX_DURUNIT value ("second" … "year"). */
extern const char *const num_dur_units[];

/* Value of a number token (any script of digits), negated when neg. */
extern ArNumVal num_digits_value(const ArLexStream *ls, const ArLexTok *t, bool neg);

/* Read a cardinal (words, digits, or both) at token i; false when none
 * starts there.  allow_point: فاصلة may bring decimals. */
extern bool num_parse_cardinal(const NumCtx *c, int i, NumParse *np, bool allow_point);

/* Read an ordinal at token i (الحادي عشر، الخامس والعشرون، الـ 76). */
extern bool num_parse_ordinal(const NumCtx *c, int i, int64_t *value, int *end, bool *fem);

/* Settle kind, unit and flags of the number on tokens [first..last]. */
extern void num_classify(NumCtx *c, ArNumItem *it);

/* A currency word (with its adjective: دولار أمريكي) or a Latin code or
 * sign at token k: *found, *code; returns the last token. */
extern int	num_currency_at(const NumCtx *c, int k, const char **code, bool *found);

/* ISO code of a Latin currency code or symbol token, or NULL. */
extern const char *num_latin_currency(const NumCtx *c, int i);

/* Is token i a separate و (a word or a clitic token)? */
static inline bool
num_is_and(const NumCtx *c, int i)
{
	if (!ArLexInRange(c->ls, i))
		return false;
	if (ArLexTokAt(c->ls, i)->type == AR_TOK_CLITIC)
		return ArLexTokAt(c->ls, i)->first_cp == AR_CP_WAW || ArLexTokAt(c->ls, i)->first_cp == AR_CP_FEH;
	return ArLexEntryAt(c->ls, i, LX_AND) != NULL;
}

/* Extend the mention to token k. */
static inline void
num_extend(const NumCtx *c, ArNumItem *it, int k)
{
	it->tok_end = k;
	it->char_end = ArLexTokAt(c->ls, k)->char_start + ArLexTokAt(c->ls, k)->char_len;
	it->byte_end = ArLexTokAt(c->ls, k)->byte_start + ArLexTokAt(c->ls, k)->byte_len;
}

#endif							/* AR_NUMPARSE_H */
