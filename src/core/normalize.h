/*
 * normalize.h — search-form normalization of Arabic text.
 *
 * One implementation serves ar_normalize(), the stemming dictionary, the
 * entity matcher and the number grammar.  Each fold is a bit so callers can
 * switch single folds off; AR_NORM_DEFAULT is what ar_normalize() does with
 * no options.  The per-character folds come from a table generated from
 * data/normalize.tsv (data/gen_normalize_table.py); Arabic presentation
 * forms go through ICU NFKC, one call per run of such characters.
 */
#ifndef AR_NORMALIZE_H
#define AR_NORMALIZE_H

#include "arcore.h"

/*
 * ArNormFlag (AR_NORM_DIACRITICS …) and AR_NORM_DEFAULT, generated from
 * data/normalize_folds.tsv, the one definition of the fold order that the
 * table and the SQL arguments of ar_normalize() follow.
 */
#include "normalize_folds.h"

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
