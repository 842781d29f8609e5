/*
 * numbers.h — the Arabic number grammar behind ar_numbers() and ar_pledges().
 *
 * Reads the shared token stream (numlex.h) and finds every numeric
 * expression: digits in any script, number words from zero to trillions
 * (genders, duals, construct duals, plurals, clitics), digits mixed with
 * scale words, fractions, money with ISO 4217 units, percentages, and the
 * kind of each number (money, percent, count, ordinal, year, time,
 * duration, number).  Values are decimal strings, never binary floats.
 */
#ifndef AR_NUMBERS_H
#define AR_NUMBERS_H

#include "arcore.h"
#include "numlex.h"
#include "numval.h"

typedef enum ArNumKind
{
	AR_NUM_NUMBER = 0,
	AR_NUM_COUNT,
	AR_NUM_ORDINAL,
	AR_NUM_YEAR,
	AR_NUM_TIME,
	AR_NUM_DURATION,
	AR_NUM_MONEY,
	AR_NUM_PERCENT,
} ArNumKind;

typedef struct ArNumItem
{
	ArNumKind	kind;
	ArNumVal	val;
	const char *unit;			/* ISO 4217, "percent", "percentage point", a time unit, or NULL */
	size_t		char_start;		/* 0-based, in code points of the input */
	size_t		char_end;		/* exclusive */
	size_t		byte_start;		/* the same span in bytes */
	size_t		byte_end;
	int			tok_first;		/* first and last token of the number itself */
	int			tok_last;
	int			tok_end;		/* last token of the whole mention (unit included) */
	int			scale;			/* power of ten of a scale word, 0 when none */
	bool		approx;			/* نحو، حوالي، أكثر من … */
	bool		words;			/* written (at least partly) in words */
} ArNumItem;

typedef struct ArNumList
{
	AR_ARRAY_FIELDS(ArNumItem);
} ArNumList;

extern void ArNumListInit(ArNumList *l);
extern void ArNumListFree(ArNumList *l);

/* Find every number in a token stream; appends to out in text order. */
extern void ArNumbersExtract(const ArLexStream *ls, ArNumList *out);

/* Read an ordinal written in words at token i (الحادي عشر، الثالث والعشرون);
 * used by the date grammar for "الرابع من أبريل". */
extern bool ArNumOrdinalAt(const ArLexStream *ls, int i, int64_t *value, int *end);

/* Read a cardinal at token i (digits or words); its value must be a
 * small non-negative integer.  Used by the date grammar. */
extern bool ArNumCardinalAt(const ArLexStream *ls, int i, int64_t *value, int *end);

/* Lower-case name of a kind ("money", "percent", …). */
extern const char *ArNumKindName(ArNumKind kind);

#endif							/* AR_NUMBERS_H */
