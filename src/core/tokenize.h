/*
 * tokenize.h — the one tokenizer behind search, entities and numbers.
 *
 * A single forward pass over the ORIGINAL UTF-8 input (not a normalized
 * copy), so every token carries exact byte and character offsets into what
 * the user passed in.  Consumers normalize the token text themselves with
 * ArNormalize when they need the search form.
 *
 * Token rules, in short:
 *  - Arabic word: Arabic letters, with harakat, tatweel and zero-width
 *    joiners kept inside (they never split a word).
 *  - Latin word: ASCII/Latin letters (and digits glued after letters, as in
 *    "G7" or "F35"); other-script letters form AR_TOK_WORD.
 *  - Number: ASCII, Arabic-Indic (٠-٩) or Persian (۰-۹) digits; a '.' or '٫'
 *    between digits is a decimal point; ',' or '٬' followed by exactly three
 *    digits is a thousands separator.
 *  - A single proclitic letter (و ف ب ك ل) glued to digits is emitted as its
 *    own AR_TOK_CLITIC token before the number: "و5" → clitic "و", number "5".
 *  - '%' and '٪' are AR_TOK_PERCENT; URLs and e-mail addresses are kept whole.
 */
#ifndef AR_TOKENIZE_H
#define AR_TOKENIZE_H

#include "arcore.h"

typedef enum ArTokenType
{
	AR_TOK_END = 0,
	AR_TOK_ARABIC,				/* Arabic-script word */
	AR_TOK_LATIN,				/* Latin-script word */
	AR_TOK_WORD,				/* word in another script */
	AR_TOK_NUMBER,				/* digits, any script; may hold . ٫ , ٬ */
	AR_TOK_PERCENT,				/* % or ٪ */
	AR_TOK_CLITIC,				/* و ف ب ك ل glued to a number */
	AR_TOK_PUNCT,				/* punctuation, Arabic or Latin */
	AR_TOK_SYMBOL,				/* currency signs and other symbols */
	AR_TOK_SPACE,				/* white space and invisible characters */
	AR_TOK_URL,
	AR_TOK_EMAIL,
	AR_TOK_NTYPES
} ArTokenType;

typedef struct ArToken
{
	ArTokenType type;
	size_t		byte_start;		/* offset into the input, in bytes */
	size_t		byte_len;
	size_t		char_start;		/* 0-based offset, in code points */
	size_t		char_len;
	bool		has_decimal;	/* AR_TOK_NUMBER: contains a decimal point */
} ArToken;

typedef struct ArTokenizer
{
	const unsigned char *buf;
	size_t		len;
	size_t		pos;			/* next byte to read */
	size_t		charpos;		/* code points before pos */
	unsigned	steps;			/* for interrupt checks */
	size_t		email_none_before;	/* no e-mail address starts before this */
} ArTokenizer;

extern void ArTokenizerInit(ArTokenizer *tz, const char *buf, size_t len);

/* Fill *tok with the next token; returns false (type AR_TOK_END) at the end. */
extern bool ArTokenizerNext(ArTokenizer *tz, ArToken *tok);

/* Short lower-case name of a token type ("arabic", "number", …). */
extern const char *ArTokenTypeName(ArTokenType type);

/*
 * Write the value of a number token as plain ASCII into out: digits mapped
 * to 0-9, decimal point '.', thousands separators dropped ("٣٬٥٠٠٫٢٥" →
 * "3500.25").  Returns the length written (at most len bytes are needed).
 */
extern size_t ArNumberTokenAscii(const char *s, size_t len, char *out);

#endif							/* AR_TOKENIZE_H */
