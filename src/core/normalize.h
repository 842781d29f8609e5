/*
 * normalize.h — search-form normalization of Arabic text.
 *
 * One implementation serves ar_normalize(), the stemming dictionary, the
 * entity matcher and the number grammar.  Each fold is a bit so callers can
 * switch single folds off; AR_NORM_DEFAULT is what ar_normalize() does with
 * no options.  The per-character folds come from a table generated from
 * data/normalize.tsv (tools/gen_normalize_table.py); Arabic presentation
 * forms go through ICU NFKC, one call per run of such characters.
 */
#ifndef AR_NORMALIZE_H
#define AR_NORMALIZE_H

#include "arcore.h"

typedef enum ArNormFlag
{
	AR_NORM_DIACRITICS = 1 << 0,	/* harakat, Quranic marks, superscript alef */
	AR_NORM_TATWEEL = 1 << 1,		/* U+0640 */
	AR_NORM_ALEF = 1 << 2,			/* أ إ آ ٱ → ا */
	AR_NORM_ALEF_MAKSURA = 1 << 3,	/* ى → ي */
	AR_NORM_TEH_MARBUTA = 1 << 4,	/* ة → ه */
	AR_NORM_HAMZA = 1 << 5,			/* ئو → ؤو (مسئول = مسؤول), ٵ ٶ ٸ … */
	AR_NORM_PERSIAN = 1 << 6,		/* ک → ك, ی → ي, ہ ە ھ → ه, ۃ → ة */
	AR_NORM_DIGITS = 1 << 7,		/* ٠-٩ ۰-۹ → 0-9, ٫ → . ٬ → , ٪ → % */
	AR_NORM_PRESENTATION = 1 << 8,	/* U+FB50–U+FDFF, U+FE70–U+FEFF via NFKC */
	AR_NORM_INVISIBLE = 1 << 9,		/* ZWNJ ZWJ LRM RLM ALM BOM SHY … */
	AR_NORM_SPACES = 1 << 10,		/* every Unicode space → one ASCII space */
} ArNormFlag;

#define AR_NORM_DEFAULT 0x7FFu

/*
 * Append the normalized form of in[0..len) to out.  Invalid UTF-8 bytes are
 * copied through unchanged (the PostgreSQL glue only passes valid text).
 */
extern void ArNormalize(const char *in, size_t len, unsigned flags, ArBuf *out);

/*
 * Fold a single code point with the table (no presentation forms, no
 * context rules).  Returns the folded code point, or 0 when the character
 * is removed.  Cheap; used by the tokenizer and matchers on hot paths.
 */
extern uint32_t ArNormalizeChar(uint32_t cp, unsigned flags);

/* True for characters that ArNormalize removes inside words (marks, tatweel,
 * invisible joiners): the tokenizer keeps them inside a word. */
extern bool ArIsWordInternalMark(uint32_t cp);

#endif							/* AR_NORMALIZE_H */
