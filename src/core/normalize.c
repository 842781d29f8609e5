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
	if (cp == 0x0648 && (flags & AR_NORM_HAMZA) && out->len >= 2 &&
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

		pos += ArUtf8DecodeFast(s + pos, len - pos, &cp);
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

/* Normalize in[0..len) and append to out; see normalize.h. */
void
ArNormalize(const char *in, size_t len, unsigned flags, ArBuf *out)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		i = 0;
	size_t		next_check = AR_INTERRUPT_STRIDE * 16;

	ArBufReserve(out, len);
	while (i < len)
	{
		uint32_t	cp;
		int			n;
		bool		unicode_space;

		if (i >= next_check)
		{
			AR_CHECK_INTERRUPTS();
			next_check = i + AR_INTERRUPT_STRIDE * 16;
		}

		/* ASCII other than white space: copy the whole run at once. */
		if (s[i] < 0x80 && !(s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		{
			size_t		j = i + 1;

			while (j < len && s[j] < 0x80 && s[j] > ' ')
				j++;
			ArBufAppend(out, in + i, j - i);
			i = j;
			continue;
		}

		n = ArUtf8DecodeFast(s + i, len - i, &cp);
		if (cp == AR_UTF8_REPLACEMENT && n == 1)
		{
			/* malformed byte: pass it through untouched */
			ArBufAppend(out, in + i, 1);
			i++;
			continue;
		}

		if (is_space_cp(cp, &unicode_space))
		{
			/* Scan the whole white-space run; fold it only if it holds a
			 * Unicode space and that fold is on. */
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
				ArBufAppend(out, in + i, j - i);
			i = j;
			continue;
		}

		if (IS_PRESENTATION(cp) && (flags & AR_NORM_PRESENTATION))
		{
			size_t		j = i + n;

			size_t		count = 1;

			/* Chunks of at most 4096 keep ICU's buffers small; NFKC of these
			 * forms never composes across a chunk boundary. */
			while (j < len && count < 4096)
			{
				uint32_t	c2;
				int			n2 = ArUtf8Decode(s + j, len - j, &c2);

				if (!IS_PRESENTATION(c2))
					break;
				j += n2;
				count++;
			}
			emit_presentation_run(out, s + i, j - i, flags);
			i = j;
			continue;
		}

		emit_folded(out, cp, flags);
		i += n;
	}
}
