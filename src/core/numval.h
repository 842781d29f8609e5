/*
 * numval.h — exact values of the number grammar: rationals num/den on
 * 128-bit integers, and decimal strings for digit runs too long for them.
 *
 * No binary floats anywhere: "3.5 مليار" is 3500000000/1 and "ثلث" 1/3,
 * and the SQL side receives a plain decimal string (ArNumValString) that
 * numeric_in reads exactly.  An operation that would overflow 128 bits
 * gives a value marked overflow (no value; the surface is still reported).
 */
#ifndef AR_NUMVAL_H
#define AR_NUMVAL_H

#include "arcore.h"

/* Numbers with more digits than this get value NULL (surface still given). */
#define AR_NUM_MAX_DIGITS 1000

/*
 * 128-bit integers with 8-byte alignment: palloc only guarantees MAXALIGN
 * (8), and a 16-byte-aligned type in palloc'd memory faults on SSE moves
 * (PostgreSQL's own int128 is declared the same way).
 */
typedef __int128 ar_int128 __attribute__((aligned(8)));

/* A rational value: num/den, or a long decimal string when too big. */
typedef struct ArNumVal
{
	ar_int128	num;
	ar_int128	den;
	char	   *big;			/* non-NULL: the value as a decimal string */
	bool		overflow;		/* beyond AR_NUM_MAX_DIGITS: no value */
} ArNumVal;

/* num/den in lowest terms (den > 0 expected; huge denominators are cut
 * down to 10^30 by dropping digits). */
extern ArNumVal ArNumValMake(ar_int128 num, ar_int128 den);

/* A value too large to compute: no value, the surface is still returned. */
extern ArNumVal ArNumValOverflow(void);

/* a + b, a * num/den: exact, or overflow. */
extern ArNumVal ArNumValAdd(ArNumVal a, ArNumVal b);
extern ArNumVal ArNumValMul(ArNumVal a, ar_int128 num, ar_int128 den);

/* Multiply *v by 10^e in place, switching to the string form when needed. */
extern void ArNumValScale(ArNumVal *v, int e);

/* The value of a plain decimal string (ASCII digits, at most one '.'),
 * negated when neg: a rational when short enough, else the string form. */
extern ArNumVal ArNumValFromDecimal(const char *ascii, bool neg);

/* Write the value as a plain decimal ("2000000000", "3.5", "-0.25") into a
 * new ArAlloc'd string; NULL when the value is over the digit cap. */
extern char *ArNumValString(const ArNumVal *v);

/* 10^e for 0 <= e <= 38. */
static inline ar_int128
ArNumValPow10(int e)
{
	ar_int128	p = 1;

	while (e-- > 0)
		p *= 10;
	return p;
}

/* True for an integer held as a rational. */
static inline bool
ArNumValIsInt(const ArNumVal *v)
{
	return v->big == NULL && !v->overflow && v->den == 1;
}

/* Integer value when it fits, else -1 (for range checks only). */
static inline int64_t
ArNumValSmallInt(const ArNumVal *v)
{
	if (!ArNumValIsInt(v) || v->num < 0 || v->num > (ar_int128) 1000000000000000000LL)
		return -1;
	return (int64_t) v->num;
}

#endif							/* AR_NUMVAL_H */
