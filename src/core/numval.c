/*
 * numval.c — exact arithmetic of number values (see numval.h).
 */
#include "numval.h"

#include <string.h>

/* Largest digit count carried as a rational (leaves room for 10^12). */
#define NUM_RATIONAL_DIGITS 24

/* Greatest common divisor (1 when both are 0, so a division never fails). */
static ar_int128
gcd128(ar_int128 a, ar_int128 b)
{
	if (a < 0)
		a = -a;
	while (b)
	{
		ar_int128	t = a % b;

		a = b;
		b = t;
	}
	return a ? a : 1;
}

/* num/den in lowest terms. */
ArNumVal
ArNumValMake(ar_int128 num, ar_int128 den)
{
	ArNumVal	v;
	ar_int128	g = gcd128(num, den);

	memset(&v, 0, sizeof(v));
	v.num = num / g;
	v.den = den / g;
	/* keep the denominator bounded: beyond 10^30 digits are dropped */
	while (v.den > (ar_int128) 1000000000000000LL * 1000000000000000LL)
	{
		v.num /= 10;
		v.den /= 10;
	}
	return v;
}

/* A value too large to compute: no value, the surface is still returned. */
ArNumVal
ArNumValOverflow(void)
{
	ArNumVal	v;

	memset(&v, 0, sizeof(v));
	v.den = 1;
	v.overflow = true;
	return v;
}

/* a + b, or overflow. */
ArNumVal
ArNumValAdd(ArNumVal a, ArNumVal b)
{
	ar_int128	x,
				y,
				s,
				d;

	if (a.overflow || b.overflow ||
		__builtin_mul_overflow(a.num, b.den, &x) || __builtin_mul_overflow(b.num, a.den, &y) ||
		__builtin_add_overflow(x, y, &s) || __builtin_mul_overflow(a.den, b.den, &d))
		return ArNumValOverflow();
	return ArNumValMake(s, d);
}

/* a * num/den, or overflow. */
ArNumVal
ArNumValMul(ArNumVal a, ar_int128 num, ar_int128 den)
{
	ar_int128	x,
				d;

	if (a.overflow || __builtin_mul_overflow(a.num, num, &x) ||
		__builtin_mul_overflow(a.den, den, &d))
		return ArNumValOverflow();
	return ArNumValMake(x, d);
}

/* Append the decimal digits of a non-negative ar_int128. */
static void
buf_int128(ArBuf *b, ar_int128 x)
{
	char		tmp[48];
	int			n = 0;

	do
	{
		tmp[n++] = '0' + (int) (x % 10);
		x /= 10;
	} while (x);
	while (n)
		ArBufAppendChar(b, tmp[--n]);
}

/* The value as a plain decimal string (see numval.h). */
char *
ArNumValString(const ArNumVal *v)
{
	ArBuf		b;
	ar_int128	num = v->num;
	ar_int128	ip,
				rem;

	if (v->overflow)
		return NULL;
	if (v->big)
	{
		size_t		n = strlen(v->big);
		char	   *s = ArAlloc(n + 1);

		memcpy(s, v->big, n + 1);
		return s;
	}
	ArBufInit(&b, 32);
	if (num < 0)
	{
		ArBufAppendChar(&b, '-');
		num = -num;
	}
	ip = num / v->den;
	rem = num % v->den;
	buf_int128(&b, ip);
	if (rem)
	{
		/* 15 significant fractional digits at most: 1/3 → 0.333333333333333 */
		char		frac[16];
		int			n = 0;

		while (rem && n < 15)
		{
			rem *= 10;
			frac[n++] = '0' + (int) (rem / v->den);
			rem %= v->den;
		}
		while (n > 0 && frac[n - 1] == '0')
			n--;
		if (n > 0)
		{
			ArBufAppendChar(&b, '.');
			ArBufAppend(&b, frac, n);
		}
	}
	ArBufAppendChar(&b, '\0');
	return b.data;
}

/* Decimal string s (digits and at most one '.') times 10^e, normalized. */
static char *
big_shift(const char *s, int e, bool neg, bool *overflow)
{
	ArBuf		b;
	size_t		n = strlen(s);
	const char *dot = memchr(s, '.', n);
	size_t		ilen = dot ? (size_t) (dot - s) : n;
	size_t		flen = dot ? n - ilen - 1 : 0;
	char	   *digits = ArAlloc(n + e + 2);
	size_t		nd = 0,
				point,
				start = 0,
				end;

	memcpy(digits, s, ilen);
	nd = ilen;
	if (flen)
		memcpy(digits + nd, dot + 1, flen);
	nd += flen;
	point = ilen + e;
	while (nd < point)
		digits[nd++] = '0';
	end = nd;
	while (start < point - 1 && start < end && digits[start] == '0')
		start++;
	while (end > point && digits[end - 1] == '0')
		end--;
	if (end - start > AR_NUM_MAX_DIGITS)
	{
		*overflow = true;
		ArFree(digits);
		return NULL;
	}
	ArBufInit(&b, end - start + 3);
	if (neg)
		ArBufAppendChar(&b, '-');
	ArBufAppend(&b, digits + start, point - start);
	if (end > point)
	{
		ArBufAppendChar(&b, '.');
		ArBufAppend(&b, digits + point, end - point);
	}
	ArBufAppendChar(&b, '\0');
	ArFree(digits);
	return b.data;
}

/* The value of a plain decimal string, rational when short enough. */
ArNumVal
ArNumValFromDecimal(const char *ascii, bool neg)
{
	ArNumVal	v;
	size_t		sig = 0;
	const char *p;

	memset(&v, 0, sizeof(v));
	for (p = ascii; *p; p++)
		if (*p != '.')
			sig++;
	/* with at most 24 digits, a rational (the denominator fits 10^24) */
	if (sig <= NUM_RATIONAL_DIGITS)
	{
		ar_int128	num = 0;
		ar_int128	den = 1;
		bool		frac = false;

		for (p = ascii; *p; p++)
		{
			if (*p == '.')
			{
				frac = true;
				continue;
			}
			num = num * 10 + (*p - '0');
			if (frac)
				den *= 10;
		}
		return ArNumValMake(neg ? -num : num, den);
	}
	v.big = big_shift(ascii, 0, neg, &v.overflow);
	return v;
}

/* Multiply by 10^e, switching to the string form when needed. */
void
ArNumValScale(ArNumVal *v, int e)
{
	if (v->overflow || e == 0)
		return;
	if (v->big)
	{
		bool		neg = v->big[0] == '-';
		char	   *s = big_shift(v->big + (neg ? 1 : 0), e, neg, &v->overflow);

		ArFree(v->big);
		v->big = s;
		return;
	}
	*v = ArNumValMul(*v, ArNumValPow10(e), 1);
}
