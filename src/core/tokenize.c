/*
 * tokenize.c — the one tokenizer behind search, entities and numbers.
 *
 * A forward scan over the original UTF-8 bytes.  Each code point gets a
 * character class (lookup tables for ASCII and the Arabic block, ranges for
 * the rest, ICU character properties only for other scripts); tokens are
 * maximal runs of one class with the few joins news text needs:
 * diacritics, tatweel and zero-width joiners stay inside Arabic words,
 * decimal points and thousands separators inside numbers, and URLs and
 * e-mail addresses stay whole.  See tokenize.h for the rules.
 */
#include "tokenize.h"

#include <string.h>

#include <unicode/uchar.h>

#include "arletters.h"
#include "utf8.h"

typedef enum CharClass
{
	CC_PUNCT = 0,
	CC_SPACE,
	CC_ARABIC,
	CC_LATIN,
	CC_LETTER,					/* a letter of another script */
	CC_DIGIT,
	CC_MARK,					/* diacritic, tatweel or invisible joiner */
	CC_BIDI,					/* bidi control: inside a word only between letters */
	CC_PERCENT,
	CC_SYMBOL
} CharClass;

static unsigned char ascii_class[128];
static unsigned char arabic_class[256];	/* U+0600..U+06FF */
static bool tables_ready = false;

/* Fill a class table range. */
static void
set_range(unsigned char *table, uint32_t base, uint32_t lo, uint32_t hi, CharClass cc)
{
	uint32_t	cp;

	for (cp = lo; cp <= hi; cp++)
		table[cp - base] = (unsigned char) cc;
}

/* Build the two lookup tables once per process. */
static void
init_tables(void)
{
	uint32_t	c;

	for (c = 0; c < 128; c++)
		ascii_class[c] = CC_PUNCT;
	set_range(ascii_class, 0, 'a', 'z', CC_LATIN);
	set_range(ascii_class, 0, 'A', 'Z', CC_LATIN);
	set_range(ascii_class, 0, '0', '9', CC_DIGIT);
	set_range(ascii_class, 0, '\t', '\r', CC_SPACE);
	set_range(ascii_class, 0, 0, 8, CC_SPACE);	/* control characters act as breaks */
	set_range(ascii_class, 0, 14, 31, CC_SPACE);
	ascii_class[' '] = CC_SPACE;
	ascii_class[127] = CC_SPACE;
	ascii_class['%'] = CC_PERCENT;
	ascii_class['$'] = CC_SYMBOL;

	/* Arabic block: letters unless listed below. */
	set_range(arabic_class, 0x600, 0x600, 0x6FF, CC_ARABIC);
	set_range(arabic_class, 0x600, 0x600, 0x605, CC_SPACE);	/* number signs (format) */
	set_range(arabic_class, 0x600, 0x606, 0x60F, CC_SYMBOL);	/* ؆ ؇ ؈ ؉ ؊ ؋ … */
	arabic_class[0x60C - 0x600] = CC_PUNCT;	/* ، */
	arabic_class[0x60D - 0x600] = CC_PUNCT;	/* ؍ */
	set_range(arabic_class, 0x600, 0x610, 0x61A, CC_MARK);
	arabic_class[0x61B - 0x600] = CC_PUNCT;	/* ؛ */
	arabic_class[0x61C - 0x600] = CC_BIDI;	/* ALM */
	set_range(arabic_class, 0x600, 0x61D, 0x61F, CC_PUNCT);	/* ؝ ؞ ؟ */
	arabic_class[0x640 - 0x600] = CC_MARK;	/* tatweel */
	set_range(arabic_class, 0x600, 0x64B, 0x65F, CC_MARK);
	set_range(arabic_class, 0x600, 0x660, 0x669, CC_DIGIT);
	arabic_class[0x66A - 0x600] = CC_PERCENT;	/* ٪ */
	set_range(arabic_class, 0x600, 0x66B, 0x66D, CC_PUNCT);	/* ٫ ٬ ٭ */
	arabic_class[0x670 - 0x600] = CC_MARK;
	arabic_class[0x6D4 - 0x600] = CC_PUNCT;	/* ۔ */
	set_range(arabic_class, 0x600, 0x6D6, 0x6ED, CC_MARK);
	set_range(arabic_class, 0x600, 0x6F0, 0x6F9, CC_DIGIT);
	set_range(arabic_class, 0x600, 0x6FD, 0x6FE, CC_SYMBOL);
	tables_ready = true;
}

/* Class of a code point outside ASCII and the Arabic block. */
static CharClass
classify_other(uint32_t cp)
{
	int8_t		type;

	if ((cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08C9) ||
		(cp >= 0xFB50 && cp <= 0xFDFB) || cp == 0xFDFD || (cp >= 0xFE80 && cp <= 0xFEFC))
	{
		if (cp == 0xFD3E || cp == 0xFD3F)
			return CC_PUNCT;
		return CC_ARABIC;
	}
	if (cp == 0xFDFC)
		return CC_SYMBOL;		/* ﷼ rial sign */
	if ((cp >= 0x08CA && cp <= 0x08FF) || (cp >= 0xFE70 && cp <= 0xFE7F))
		return CC_MARK;
	switch (cp)
	{
		case 0x00AD:			/* soft hyphen */
		case 0x034F:			/* combining grapheme joiner */
		case 0x200B:			/* zero width space */
		case 0x200C:			/* ZWNJ */
		case 0x200D:			/* ZWJ */
		case 0x2060:			/* word joiner */
			return CC_MARK;
		case 0x200E:
		case 0x200F:
		case 0x202A:
		case 0x202B:
		case 0x202C:
		case 0x202D:
		case 0x202E:
		case 0x2066:
		case 0x2067:
		case 0x2068:
		case 0x2069:
			return CC_BIDI;
		case 0xFEFF:
		case 0x0085:
		case 0x00A0:
		case 0x1680:
		case 0x2028:
		case 0x2029:
		case 0x202F:
		case 0x205F:
		case 0x3000:
		case AR_UTF8_REPLACEMENT:
			return CC_SPACE;
		case 0xFE6A:
		case 0xFF05:
			return CC_PERCENT;
		case 0x00D7:
		case 0x00F7:
			return CC_SYMBOL;
	}
	if (cp >= 0x2000 && cp <= 0x200A)
		return CC_SPACE;
	if ((cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
		cp == 0x00AA || cp == 0x00BA)
		return CC_LATIN;
	/* Everything else: ask ICU for the general category. */
	type = u_charType((UChar32) cp);
	switch (type)
	{
		case U_UPPERCASE_LETTER:
		case U_LOWERCASE_LETTER:
		case U_TITLECASE_LETTER:
		case U_MODIFIER_LETTER:
		case U_OTHER_LETTER:
		case U_DECIMAL_DIGIT_NUMBER:
		case U_LETTER_NUMBER:
		case U_OTHER_NUMBER:
			return CC_LETTER;
		case U_NON_SPACING_MARK:
		case U_ENCLOSING_MARK:
		case U_COMBINING_SPACING_MARK:
		case U_FORMAT_CHAR:
			return CC_MARK;
		case U_SPACE_SEPARATOR:
		case U_LINE_SEPARATOR:
		case U_PARAGRAPH_SEPARATOR:
		case U_CONTROL_CHAR:
		case U_UNASSIGNED:
		case U_PRIVATE_USE_CHAR:
		case U_SURROGATE:
			return CC_SPACE;
		case U_CURRENCY_SYMBOL:
		case U_MATH_SYMBOL:
		case U_MODIFIER_SYMBOL:
		case U_OTHER_SYMBOL:
			return CC_SYMBOL;
		default:
			return CC_PUNCT;
	}
}

/* Decode the code point at pos and classify it. */
static inline CharClass
peek(const ArTokenizer *tz, size_t pos, uint32_t *cp, int *nbytes)
{
	const unsigned char *s = tz->buf + pos;

	if (s[0] < 0x80)
	{
		*cp = s[0];
		*nbytes = 1;
		return (CharClass) ascii_class[s[0]];
	}
	*nbytes = ArUtf8Decode(s, tz->len - pos, cp);
	if (*cp >= 0x600 && *cp <= 0x6FF)
		return (CharClass) arabic_class[*cp - 0x600];
	return classify_other(*cp);
}

/* Start tokenizing buf[0..len). */
void
ArTokenizerInit(ArTokenizer *tz, const char *buf, size_t len)
{
	if (!tables_ready)
		init_tables();
	memset(tz, 0, sizeof(*tz));
	tz->buf = (const unsigned char *) buf;
	tz->len = len;
}

/* Is the code point a decimal point (. or ٫)? */
static inline bool
is_decimal_point(uint32_t cp)
{
	return cp == '.' || cp == 0x066B;
}

/* Is the code point a thousands separator (, or ٬)? */
static inline bool
is_group_sep(uint32_t cp)
{
	return cp == ',' || cp == 0x066C;
}

/* Number of consecutive digits at pos (stops at limit). */
static size_t
count_digits(const ArTokenizer *tz, size_t pos, size_t *endpos, size_t limit)
{
	size_t		n = 0;
	uint32_t	cp;
	int			nb;

	while (pos < tz->len && n < limit && peek(tz, pos, &cp, &nb) == CC_DIGIT)
	{
		pos += nb;
		n++;
	}
	*endpos = pos;
	return n;
}

/* Does a decimal point followed by a digit start at pos? */
static bool
dotted_digit_at(const ArTokenizer *tz, size_t pos)
{
	uint32_t	cp,
				cp2;
	int			nb,
				nb2;

	if (pos >= tz->len)
		return false;
	peek(tz, pos, &cp, &nb);
	if (!is_decimal_point(cp) || pos + nb >= tz->len)
		return false;
	return peek(tz, pos + nb, &cp2, &nb2) == CC_DIGIT;
}

/* Is the number starting at pos the second part of a dotted sequence such
 * as 15.10.2025 or 192.168.1.1 (digit, then a point, right before it)? */
static bool
after_dotted_digit(const ArTokenizer *tz, size_t pos)
{
	const unsigned char *s = tz->buf;
	size_t		p;

	if (pos >= 1 && s[pos - 1] == '.')
		p = pos - 1;
	else if (pos >= 2 && s[pos - 2] == 0xD9 && s[pos - 1] == 0xAB)
		p = pos - 2;
	else
		return false;
	if (p == 0)
		return false;
	/* the byte before the point: ASCII digit or the last byte of ٠-٩ / ۰-۹ */
	if (s[p - 1] >= '0' && s[p - 1] <= '9')
		return true;
	if (p >= 2 && ((s[p - 2] == 0xD9 && s[p - 1] >= 0xA0 && s[p - 1] <= 0xA9) ||
				   (s[p - 2] == 0xDB && s[p - 1] >= 0xB0 && s[p - 1] <= 0xB9)))
		return true;
	return false;
}

/* Scan a number token starting at tz->pos; returns its end. */
static size_t
scan_number(ArTokenizer *tz, bool *has_decimal)
{
	size_t		pos,
				end;
	bool		dotted = after_dotted_digit(tz, tz->pos);

	*has_decimal = false;
	count_digits(tz, tz->pos, &pos, SIZE_MAX);
	for (;;)
	{
		uint32_t	cp;
		int			nb;

		if (pos >= tz->len)
			break;
		peek(tz, pos, &cp, &nb);
		if (is_decimal_point(cp) && !*has_decimal && !dotted && dotted_digit_at(tz, pos))
		{
			count_digits(tz, pos + nb, &end, SIZE_MAX);
			/* 15.10.2025, 1.2.3: a dotted sequence, not a decimal */
			if (dotted_digit_at(tz, end))
				break;
			*has_decimal = true;
			pos = end;
			continue;
		}
		if (is_group_sep(cp) && !*has_decimal)
		{
			size_t		n = count_digits(tz, pos + nb, &end, 4);
			uint32_t	c2;
			int			nb2;

			if (n == 3 && !(end < tz->len && peek(tz, end, &c2, &nb2) == CC_DIGIT))
			{
				pos = end;
				continue;
			}
		}
		break;
	}
	return pos;
}

/* Case-insensitive ASCII prefix test at pos. */
static bool
has_prefix(const ArTokenizer *tz, size_t pos, const char *prefix)
{
	size_t		n = strlen(prefix),
				i;

	if (tz->len - pos < n)
		return false;
	for (i = 0; i < n; i++)
	{
		unsigned char c = tz->buf[pos + i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != (unsigned char) prefix[i])
			return false;
	}
	return true;
}

/* A URL starting at pos: returns its end, or 0 when there is none. */
static size_t
scan_url(const ArTokenizer *tz, size_t pos)
{
	size_t		end;

	if (!(has_prefix(tz, pos, "http://") || has_prefix(tz, pos, "https://") ||
		  has_prefix(tz, pos, "ftp://") || has_prefix(tz, pos, "www.")))
		return 0;
	end = pos;
	while (end < tz->len)
	{
		unsigned char c = tz->buf[end];

		if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\'' || c >= 0x80)
			break;
		end++;
	}
	/* trailing punctuation belongs to the sentence, not the URL */
	while (end > pos && strchr(".,;:!?)]}", tz->buf[end - 1]) != NULL)
		end--;
	return end - pos > 8 ? end : 0;
}

/* Characters of the local part of an e-mail address. */
static inline bool
is_email_local(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/*
 * An e-mail address starting at pos: returns its end, or 0.  A scan that
 * found no '@' is remembered (email_none_before) so that a long run such as
 * "a.a.a.a…" is scanned once, not once per token: no quadratic time.
 */
static size_t
scan_email(ArTokenizer *tz, size_t pos)
{
	size_t		p = pos,
				dom,
				lastdot = 0,
				end;

	if (pos < tz->email_none_before)
		return 0;
	while (p < tz->len && is_email_local(tz->buf[p]))
		p++;
	if (p == pos || p >= tz->len || tz->buf[p] != '@')
	{
		tz->email_none_before = p;
		return 0;
	}
	dom = p + 1;
	end = dom;
	while (end < tz->len)
	{
		unsigned char c = tz->buf[end];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')
			end++;
		else if (c == '.' && end + 1 < tz->len && end > dom && tz->buf[end - 1] != '.')
		{
			lastdot = end;
			end++;
		}
		else
			break;
	}
	while (end > dom && (tz->buf[end - 1] == '.' || tz->buf[end - 1] == '-'))
		end--;
	/* need a dot in the domain and a top-level part of two letters or more */
	if (lastdot == 0 || lastdot >= end || end - lastdot < 3)
	{
		tz->email_none_before = p;
		return 0;
	}
	return end;
}

/* Letters (after removing marks) that may be glued in front of a number. */
static bool
is_number_clitic(const ArTokenizer *tz, size_t start, size_t end)
{
	uint32_t	letters[4];
	int			n = 0;
	size_t		pos = start;

	while (pos < end)
	{
		uint32_t	cp;
		int			nb;
		CharClass	cc = peek(tz, pos, &cp, &nb);

		pos += nb;
		if (cc != CC_ARABIC)
			continue;
		if (n == 4)
			return false;
		letters[n++] = cp;
	}
	if (n == 0)
		return false;
	/* و ف prefix one of ب ك ل, or the article ال / لل */
	{
		int			i = 0;

		if (letters[0] == AR_CP_WAW || letters[0] == AR_CP_FEH)
			i = 1;
		if (i == n)
			return true;
		if (n - i == 1)
			return letters[i] == AR_CP_BEH || letters[i] == AR_CP_KAF || letters[i] == AR_CP_LAM;
		if (n - i == 2)
			return (letters[i] == AR_CP_ALEF && letters[i + 1] == AR_CP_LAM) ||	/* ال */
				(letters[i] == AR_CP_LAM && letters[i + 1] == AR_CP_LAM);	/* لل */
		if (n - i == 3)
			return (letters[i] == AR_CP_BEH || letters[i] == AR_CP_KAF) &&
				letters[i + 1] == AR_CP_ALEF && letters[i + 2] == AR_CP_LAM;	/* بال كال */
		return false;
	}
}

/* A bidi control (LRM, RLM, ALM, embeddings and isolates): inside a word
 * only between letters. */
static inline bool
is_bidi_control(uint32_t cp)
{
	return cp == 0x200E || cp == 0x200F || cp == 0x061C ||
		(cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * Back from end to last_letter_end over trailing bidi controls, which are
 * not part of the word.  Returns the new end; *nchars becomes 0 (count
 * after) when anything was trimmed.
 */
static size_t
trim_trailing_bidi(const ArTokenizer *tz, size_t last_letter_end, size_t end, size_t *nchars)
{
	uint32_t	cp;
	int			nb;

	while (end > last_letter_end)
	{
		size_t		back = end - 1;

		while (back > last_letter_end && (tz->buf[back] & 0xC0) == 0x80)
			back--;
		peek(tz, back, &cp, &nb);
		if (!is_bidi_control(cp))
			break;
		end = back;
		*nchars = 0;
	}
	return end;
}

/*
 * An Arabic word from start (its first letter ends at pos): letters with
 * marks and bidi controls inside, the trailing controls trimmed.  A clitic
 * glued to digits is AR_TOK_CLITIC.  Returns the end; sets *type and
 * *nchars (0: count after).
 */
static size_t
scan_arabic(const ArTokenizer *tz, size_t start, size_t pos, ArTokenType *type, size_t *nchars)
{
	size_t		last_letter_end = pos;
	uint32_t	cp;
	int			nb;

	*nchars = 1;
	while (pos < tz->len)
	{
		CharClass	c2 = peek(tz, pos, &cp, &nb);

		if (c2 == CC_ARABIC)
		{
			pos += nb;
			last_letter_end = pos;
		}
		else if (c2 == CC_MARK || c2 == CC_BIDI)
			pos += nb;
		else
			break;
		(*nchars)++;
	}
	pos = trim_trailing_bidi(tz, last_letter_end, pos, nchars);
	*type = AR_TOK_ARABIC;
	if (pos < tz->len && peek(tz, pos, &cp, &nb) == CC_DIGIT &&
		is_number_clitic(tz, start, pos))
		*type = AR_TOK_CLITIC;
	return pos;
}

/* Does the address buf[start..end) start like a URL (http…, www…, ftp…)
 * and hold no @ (else it is an e-mail address)? */
static bool
address_is_url(const ArTokenizer *tz, size_t start, size_t end)
{
	unsigned char c = tz->buf[start];

	return (c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'F') &&
		memchr(tz->buf + start, '@', end - start) == NULL;
}

/* Is a code point of class cc part of a Latin word: Latin letters, digits
 * and Latin combining marks? */
static inline bool
latin_word_char(CharClass cc, uint32_t cp)
{
	return cc == CC_LATIN || cc == CC_DIGIT || (cc == CC_MARK && cp >= 0x300 && cp < 0x370);
}

/* A Latin word, URL or e-mail address from start (first letter ends at
 * pos).  Returns the end; sets *type. */
static size_t
scan_latin(ArTokenizer *tz, size_t start, size_t pos, ArTokenType *type)
{
	size_t		end;
	uint32_t	cp;
	int			nb;

	if ((end = scan_url(tz, start)) != 0 || (end = scan_email(tz, start)) != 0)
	{
		*type = address_is_url(tz, start, end) ? AR_TOK_URL : AR_TOK_EMAIL;
		return end;
	}
	while (pos < tz->len)
	{
		CharClass	c2 = peek(tz, pos, &cp, &nb);

		if (!latin_word_char(c2, cp))
			break;
		pos += nb;
	}
	*type = AR_TOK_LATIN;
	return pos;
}

/* The run from pos of code points whose class is in mask (1 << class);
 * returns its end, adding the code points to *nchars when not NULL. */
static size_t
scan_run(const ArTokenizer *tz, size_t pos, unsigned mask, size_t *nchars)
{
	uint32_t	cp;
	int			nb;

	while (pos < tz->len && (mask & (1u << peek(tz, pos, &cp, &nb))))
	{
		pos += nb;
		if (nchars)
			(*nchars)++;
	}
	return pos;
}

/* Produce the next token; see tokenize.h. */
bool
ArTokenizerNext(ArTokenizer *tz, ArToken *tok)
{
	size_t		start = tz->pos,
				pos,
				end;
	uint32_t	cp;
	int			nb;
	ArTokenType type;
	bool		has_decimal = false;
	size_t		nchars = 1;		/* code points counted by the scan; 0: count after */

	memset(tok, 0, sizeof(*tok));
	if (start >= tz->len)
	{
		tok->type = AR_TOK_END;
		tok->byte_start = tz->len;
		tok->char_start = tz->charpos;
		return false;
	}
	AR_CHECK_INTERRUPTS_EVERY(++tz->steps);

	switch (peek(tz, start, &cp, &nb))
	{
		case CC_ARABIC:
			pos = scan_arabic(tz, start, start + nb, &type, &nchars);
			break;
		case CC_LATIN:
			pos = scan_latin(tz, start, start + nb, &type);
			nchars = 0;
			break;
		case CC_DIGIT:
			if (cp < 0x80 && (end = scan_email(tz, start)) != 0)
			{
				pos = end;
				type = AR_TOK_EMAIL;
			}
			else
			{
				pos = scan_number(tz, &has_decimal);
				type = AR_TOK_NUMBER;
			}
			nchars = 0;
			break;
		case CC_LETTER:
			pos = scan_run(tz, start + nb, 1u << CC_LETTER | 1u << CC_MARK, NULL);
			type = AR_TOK_WORD;
			nchars = 0;
			break;
		case CC_SPACE:
		case CC_MARK:
		case CC_BIDI:
			/* white space, and marks or joiners with no word to attach to */
			pos = scan_run(tz, start + nb, 1u << CC_SPACE | 1u << CC_MARK | 1u << CC_BIDI, &nchars);
			type = AR_TOK_SPACE;
			break;
		case CC_PERCENT:
			pos = start + nb;
			type = AR_TOK_PERCENT;
			break;
		case CC_SYMBOL:
			pos = start + nb;
			type = AR_TOK_SYMBOL;
			break;
		default:
			pos = start + nb;
			type = AR_TOK_PUNCT;
			break;
	}

	tok->type = type;
	tok->byte_start = start;
	tok->byte_len = pos - start;
	tok->char_start = tz->charpos;
	/* the hot cases counted their characters while scanning */
	tok->char_len = nchars ? nchars :
		ArUtf8CharCount((const char *) tz->buf + start, pos - start);
	tok->has_decimal = has_decimal;
	tz->charpos += tok->char_len;
	tz->pos = pos;
	return true;
}

/* Printable name of a token type. */
const char *
ArTokenTypeName(ArTokenType type)
{
	static const char *const names[AR_TOK_NTYPES] = {
		"end", "arabic", "latin", "word", "number", "percent", "clitic",
		"punct", "symbol", "space", "url", "email"
	};

	return (unsigned) type < AR_TOK_NTYPES ? names[type] : "unknown";
}

/* ASCII value of a number token; see tokenize.h. */
size_t
ArNumberTokenAscii(const char *s, size_t len, char *out)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				o = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			nb = ArUtf8Decode(p + i, len - i, &cp);

		i += nb;
		if (cp >= '0' && cp <= '9')
			out[o++] = (char) cp;
		else if (cp >= 0x660 && cp <= 0x669)
			out[o++] = (char) ('0' + cp - 0x660);
		else if (cp >= 0x6F0 && cp <= 0x6F9)
			out[o++] = (char) ('0' + cp - 0x6F0);
		else if (is_decimal_point(cp))
			out[o++] = '.';
		/* thousands separators are dropped */
	}
	return o;
}
