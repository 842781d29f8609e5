/*
 * normalize.c — search-form normalization of Arabic text.
 *
 * One pass over the input.  ASCII is copied as it is; every other code
 * point is folded through the table generated from data/normalize.tsv
 * (dense for the Arabic block, binary search elsewhere).  Three things need
 * more than a table:
 *   - presentation forms go through ICU NFKC, one call per maximal run of
 *     them, so ﻻ becomes لا and ﷲ becomes الله before the letter folds;
 *   - ئ before و becomes ؤ, so مسئول and مسؤول, شئون and شؤون meet;
 *   - a run of white space holding any non-ASCII space becomes one ASCII
 *     space (runs of plain ASCII white space are left as they are).
 */
#include "normalize.h"

#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "arletters.h"
#include "utf8.h"

typedef struct ArNormEntry
{
	uint16_t	to;				/* replacement, 0 = delete */
	uint16_t	fold;			/* ArNormFlag bit that enables the rule */
} ArNormEntry;

typedef struct ArNormSparse
{
	uint32_t	cp;
	uint16_t	to;
	uint16_t	fold;
} ArNormSparse;

#include "normalize_table.h"

#define NSPARSE (sizeof(ar_norm_sparse) / sizeof(ar_norm_sparse[0]))

/* Arabic presentation forms A and B (U+FEFF, the BOM, is an invisible). */
#define IS_PRESENTATION(cp) \
	(((cp) >= 0xFB50 && (cp) <= 0xFDFF) || ((cp) >= 0xFE70 && (cp) <= 0xFEFE))

/* Table lookup: the rule for cp, or NULL when no rule mentions it. */
static inline const ArNormEntry *
norm_lookup(uint32_t cp)
{
	size_t		lo,
				hi;

	if (cp >= 0x600 && cp < 0x700)
	{
		const ArNormEntry *e = &ar_norm_arabic_block[cp - 0x600];

		return e->fold ? e : NULL;
	}
	if (cp < 0x80 || cp > 0xFFFF)
		return NULL;
	lo = 0;
	hi = NSPARSE;
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (ar_norm_sparse[mid].cp == cp)
			return (const ArNormEntry *) &ar_norm_sparse[mid].to;
		if (ar_norm_sparse[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Fold one code point; 0 means "delete".  Follows at most one chained rule
 * (ۃ → ة → ه) so that each option still switches off exactly its own fold. */
uint32_t
ArNormalizeChar(uint32_t cp, unsigned flags)
{
	const ArNormEntry *e = norm_lookup(cp);
	uint32_t	to;

	if (e == NULL || !(e->fold & flags))
		return cp;
	to = e->to;
	if (to != 0 && to != cp)
	{
		e = norm_lookup(to);
		if (e != NULL && (e->fold & flags))
			to = e->to;
	}
	return to;
}

/* Marks the tokenizer keeps inside a word: diacritics, tatweel, joiners. */
bool
ArIsWordInternalMark(uint32_t cp)
{
	const ArNormEntry *e = norm_lookup(cp);

	return e != NULL &&
		(e->fold & (AR_NORM_DIACRITICS | AR_NORM_TATWEEL | AR_NORM_INVISIBLE));
}

/* True for the code points that start or continue a white-space run. */
static inline bool
is_space_cp(uint32_t cp, bool *unicode)
{
	const ArNormEntry *e;

	if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
	{
		*unicode = false;
		return true;
	}
	if (cp < 0x80)
		return false;
	e = norm_lookup(cp);
	*unicode = true;
	return e != NULL && (e->fold & AR_NORM_SPACES);
}

/* Emit one folded code point, applying the ئو → ؤو context rule. */
static inline void
emit_folded(ArBuf *out, uint32_t cp, unsigned flags)
{
	char		enc[4];
	int			n;

	cp = ArNormalizeChar(cp, flags);
	if (cp == 0)
		return;
	/* ئ (D8 A6) just written and و follows: rewrite it as ؤ (D8 A4). */
	if (cp == AR_CP_WAW && (flags & AR_NORM_HAMZA) && out->len >= 2 &&
		(unsigned char) out->data[out->len - 2] == 0xD8 &&
		(unsigned char) out->data[out->len - 1] == 0xA6)
		out->data[out->len - 1] = (char) 0xA4;
	n = ArUtf8Encode(cp, enc);
	ArBufAppend(out, enc, n);
}

/*
 * NFKC one run of presentation forms through ICU and fold the result.
 * On any ICU failure the run is folded character by character instead
 * (the letters stay presentation forms, nothing is lost).
 */
static void
emit_presentation_run(ArBuf *out, const unsigned char *s, size_t len, unsigned flags)
{
	UErrorCode	status = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
	UChar		stackin[256],
				stackout[1024];
	UChar	   *uin = stackin,
			   *uout = stackout;
	int32_t		ulen = 0,
				olen,
				i;
	size_t		pos = 0;

	/* A run of 3-byte code points: at most len/3 UTF-16 units. */
	if (len / 3 + 1 > sizeof(stackin) / sizeof(UChar))
		uin = ArAlloc((len / 3 + 1) * sizeof(UChar));
	while (pos < len)
	{
		uint32_t	cp;

		pos += ArUtf8Decode(s + pos, len - pos, &cp);
		uin[ulen++] = (UChar) cp;	/* presentation forms are all in the BMP */
	}
	if (U_SUCCESS(status))
	{
		/* NFKC expands one presentation form to at most 18 code points (ﷺ). */
		int32_t		cap = ulen * 18 + 1;

		if ((size_t) cap > sizeof(stackout) / sizeof(UChar))
			uout = ArAlloc(cap * sizeof(UChar));
		olen = unorm2_normalize(nfkc, uin, ulen, uout, cap, &status);
	}
	if (U_SUCCESS(status))
	{
		for (i = 0; i < olen; i++)
		{
			uint32_t	cp = uout[i];

			if (U16_IS_LEAD(uout[i]) && i + 1 < olen && U16_IS_TRAIL(uout[i + 1]))
			{
				cp = U16_GET_SUPPLEMENTARY(uout[i], uout[i + 1]);
				i++;
			}
			emit_folded(out, cp, flags);
		}
	}
	else
	{
		for (i = 0; i < ulen; i++)
			emit_folded(out, uin[i], flags);
	}
	if (uin != stackin)
		ArFree(uin);
	if (uout != stackout)
		ArFree(uout);
}

/* Bytes between interrupt checks, and the longest run copied in one go. */
#define NORM_CHUNK	(AR_INTERRUPT_STRIDE * 16)

/* Presentation forms sent to ICU at most per call: keeps its buffers small;
 * NFKC of these forms never composes across a chunk boundary. */
#define PRESENTATION_CHUNK	4096

/* An ASCII byte other than white space. */
static inline bool
ascii_non_space(unsigned char c)
{
	return c < 0x80 && !(c == ' ' || (c >= '\t' && c <= '\r'));
}

/* A lead byte of the Arabic block U+0600–U+06FF (always a two-byte form). */
static inline bool
arabic_block_lead(unsigned char c)
{
	return c >= 0xD8 && c <= 0xDB;
}

/* One ASCII space between words, the usual case: nothing to fold. */
static inline bool
single_space_before_word(const unsigned char *s, size_t i, size_t len)
{
	return s[i] == ' ' && i + 1 < len &&
		((s[i + 1] > ' ' && s[i + 1] < 0x80) || arabic_block_lead(s[i + 1]));
}

/* Copy the run of ASCII from i that holds no white space; returns its end. */
static size_t
copy_ascii_run(const unsigned char *s, size_t i, size_t len, ArBuf *out)
{
	size_t		j = i + 1;

	while (j < len && s[j] < 0x80 && s[j] > ' ')
		j++;
	ArBufAppend(out, (const char *) s + i, j - i);
	return j;
}

/*
 * The end of the run from i of Arabic-block letters the folds leave alone
 * (most of news text), i when there is none.  A و right after ئ stops the
 * run so the general path can apply the ئو → ؤو rule.  Runs are cut at
 * NORM_CHUNK so a huge unspaced input stays cancellable.
 */
static size_t
plain_arabic_run_end(const unsigned char *s, size_t i, size_t len, unsigned flags)
{
	size_t		j = i;
	size_t		stop = len;

	if (stop - i > NORM_CHUNK)
		stop = i + NORM_CHUNK;
	while (j + 1 < stop && arabic_block_lead(s[j]) && (s[j + 1] & 0xC0) == 0x80)
	{
		uint32_t	c2 = ((s[j] & 0x1Fu) << 6) | (s[j + 1] & 0x3Fu);

		if (ar_norm_arabic_block[c2 - 0x600].fold & flags)
			break;
		if (c2 == AR_CP_WAW && (j == i || (s[j - 2] == 0xD8 && s[j - 1] == 0xA6)))	/* after ئ */
			break;
		j += 2;
	}
	return j;
}

/*
 * The white-space run from i (its first code point n bytes long): folded
 * to one space only if it holds a Unicode space and that fold is on, else
 * copied.  Returns its end.
 */
static size_t
emit_space_run(const unsigned char *s, size_t i, int n, size_t len, bool unicode_space,
			   unsigned flags, ArBuf *out)
{
	size_t		j = i + n;
	bool		any_unicode = unicode_space;

	while (j < len)
	{
		uint32_t	c2;
		int			n2 = ArUtf8Decode(s + j, len - j, &c2);
		bool		u2;

		if (!is_space_cp(c2, &u2))
			break;
		any_unicode |= u2;
		j += n2;
	}
	if (any_unicode && (flags & AR_NORM_SPACES))
		ArBufAppendChar(out, ' ');
	else
		ArBufAppend(out, (const char *) s + i, j - i);
	return j;
}

/* The end of the run of presentation forms from i (its first form n bytes
 * long), at most PRESENTATION_CHUNK of them. */
static size_t
presentation_run_end(const unsigned char *s, size_t i, int n, size_t len)
{
	size_t		j = i + n;
	size_t		count = 1;

	while (j < len && count < PRESENTATION_CHUNK)
	{
		uint32_t	c2;
		int			n2 = ArUtf8Decode(s + j, len - j, &c2);

		if (!IS_PRESENTATION(c2))
			break;
		j += n2;
		count++;
	}
	return j;
}

/* Normalize in[0..len) and append to out; see normalize.h. */
void
ArNormalize(const char *in, size_t len, unsigned flags, ArBuf *out)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		i = 0,
				j;
	size_t		next_check = NORM_CHUNK;

	ArBufReserve(out, len);
	while (i < len)
	{
		uint32_t	cp;
		int			n;
		bool		unicode_space;

		if (i >= next_check)
		{
			AR_CHECK_INTERRUPTS();
			next_check = i + NORM_CHUNK;
		}
		if (ascii_non_space(s[i]))
		{
			i = copy_ascii_run(s, i, len, out);
			continue;
		}
		if (single_space_before_word(s, i, len))
		{
			ArBufAppendChar(out, ' ');
			i++;
			continue;
		}
		if (arabic_block_lead(s[i]) && (j = plain_arabic_run_end(s, i, len, flags)) > i)
		{
			ArBufAppend(out, in + i, j - i);
			i = j;
			continue;
		}
		n = ArUtf8Decode(s + i, len - i, &cp);
		if (cp == AR_UTF8_REPLACEMENT && n == 1)
			ArBufAppend(out, in + i, 1);	/* malformed byte: pass it through untouched */
		else if (is_space_cp(cp, &unicode_space))
			n = emit_space_run(s, i, n, len, unicode_space, flags, out) - i;
		else if (IS_PRESENTATION(cp) && (flags & AR_NORM_PRESENTATION))
		{
			j = presentation_run_end(s, i, n, len);
			emit_presentation_run(out, s + i, j - i, flags);
			n = j - i;
		}
		else
			emit_folded(out, cp, flags);
		i += n;
	}
}
