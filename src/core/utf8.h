/*
 * utf8.h — bounds-checked UTF-8 decoding and encoding for the core.
 *
 * Every core stage reads text through ArUtf8Decode so that malformed input
 * (truncated sequences, lone continuation bytes, overlong forms, surrogates)
 * can never make a reader step past its buffer: a bad byte decodes as
 * U+FFFD and consumes exactly one byte.
 */
#ifndef AR_UTF8_H
#define AR_UTF8_H

#include "arcore.h"

#define AR_UTF8_REPLACEMENT 0xFFFDu

/*
 * Decode the code point at s[0..len) into *cp and return the number of
 * bytes consumed (1..4).  len must be >= 1.
 */
extern int	ArUtf8Decode(const unsigned char *s, size_t len, uint32_t *cp);

/*
 * The same, with ASCII and two-byte sequences (all of Arabic) decoded
 * inline: the tokenizer and the lexicon fold call this once per character.
 */
static inline int
ArUtf8DecodeFast(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (s[0] < 0x80)
	{
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80)
	{
		*cp = ((uint32_t) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	return ArUtf8Decode(s, len, cp);
}

/* Encode cp into out (room for 4 bytes); returns the byte count. */
extern int	ArUtf8Encode(uint32_t cp, char *out);

/* Number of code points in s[0..len), counting each bad byte as one. */
extern size_t ArUtf8CharCount(const char *s, size_t len);

/* True when s[0..len) is well-formed UTF-8 with no NUL byte. */
extern bool ArUtf8IsValid(const char *s, size_t len);

#endif							/* AR_UTF8_H */
