/*
 * utf8.c — bounds-checked UTF-8 decoding for the core.
 *
 * Follows RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF.  A malformed sequence yields U+FFFD and consumes one byte, so a
 * reader always makes progress and never reads past len.
 */
#include "utf8.h"

/* Decode one code point, any length or malformed; see utf8.h. */
int
ArUtf8DecodeSlow(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	uint32_t	v;
	int			n,
				i;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 2;
		v = c & 0x1F;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 3;
		v = c & 0x0F;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 4;
		v = c & 0x07;
	}
	else
	{
		*cp = AR_UTF8_REPLACEMENT;
		return 1;
	}
	if ((size_t) n > len)
	{
		*cp = AR_UTF8_REPLACEMENT;
		return 1;
	}
	for (i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
		{
			*cp = AR_UTF8_REPLACEMENT;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	/* overlong, surrogate or out-of-range forms */
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
		(v >= 0xD800 && v <= 0xDFFF))
	{
		*cp = AR_UTF8_REPLACEMENT;
		return 1;
	}
	*cp = v;
	return n;
}

/* Encode one code point; see utf8.h. */
int
ArUtf8Encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *) out;

	if (cp < 0x80)
	{
		o[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = 0xC0 | (cp >> 6);
		o[1] = 0x80 | (cp & 0x3F);
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = 0xE0 | (cp >> 12);
		o[1] = 0x80 | ((cp >> 6) & 0x3F);
		o[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | (cp >> 18);
	o[1] = 0x80 | ((cp >> 12) & 0x3F);
	o[2] = 0x80 | ((cp >> 6) & 0x3F);
	o[3] = 0x80 | (cp & 0x3F);
	return 4;
}

/* Count code points, one per malformed byte. */
size_t
ArUtf8CharCount(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				n = 0;
	uint32_t	cp;

	while (i < len)
	{
		i += ArUtf8Decode(p + i, len - i, &cp);
		n++;
	}
	return n;
}

/* Well-formed and NUL-free? */
bool
ArUtf8IsValid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	uint32_t	cp;
	int			n;

	while (i < len)
	{
		if (p[i] == 0)
			return false;
		if (p[i] < 0x80)
		{
			i++;
			continue;
		}
		n = ArUtf8Decode(p + i, len - i, &cp);
		if (cp == AR_UTF8_REPLACEMENT && n == 1)
			return false;
		i += n;
	}
	return true;
}
