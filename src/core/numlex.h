/*
 * numlex.h — the token stream shared by the number, date and pledge grammars.
 *
 * One pass of the shared tokenizer over the ORIGINAL input; every word is
 * folded once (ArNormalizeChar, into a stack buffer) and looked up in the
 * compiled lexicon (numlex_table.h, generated from the data/ word lists).  A word that
 * is not in the lexicon is tried again without its proclitics (و ف ب ل ك and
 * their pairs; لل → ال) so "بمليار", "وثلاثة", "للدفاع" are recognised.
 * Spaces are dropped from the stream; each token remembers whether space or
 * a line break came before it.
 */
#ifndef AR_NUMLEX_H
#define AR_NUMLEX_H

#include "arcore.h"
#include "arletters.h"
#include "tokenize.h"
#include "numlex_table.h"

/* Proclitics stripped before a lexicon hit. */
#define AR_PRE_WA	0x01		/* و or ف: "and" */
#define AR_PRE_BI	0x02		/* ب */
#define AR_PRE_LI	0x04		/* ل */
#define AR_PRE_KA	0x08		/* ك */

typedef struct ArLexTok
{
	ArTokenType type;
	size_t		byte_start;
	size_t		byte_len;
	size_t		char_start;		/* 0-based, in code points */
	size_t		char_len;
	int16_t		key;			/* lexicon key of the whole word, -1 if none */
	int16_t		skey;			/* lexicon key without proclitics, -1 if none */
	uint8_t		pre;			/* AR_PRE_* stripped for skey */
	uint8_t		prechars;		/* code points of the stripped proclitics */
	uint8_t		prebytes;
	bool		tanween;		/* the raw word carries tanween fath (ً) */
	bool		space_before;
	bool		break_before;	/* a line break or sentence end came before */
	bool		has_decimal;
	uint32_t	first_cp;		/* first code point of the raw token */
} ArLexTok;

typedef struct ArLexStream
{
	const char *buf;
	size_t		len;
	ArLexTok   *toks;
	int			n;
	int			cap;
} ArLexStream;

/* Tokenize and look up buf[0..len); the stream owns its token array. */
extern void ArLexStreamInit(ArLexStream *ls, const char *buf, size_t len);
extern void ArLexStreamFree(ArLexStream *ls);

/* The first entry of class cls for the word (whole word only). */
extern const ArLexEntry *ArLexFind(const ArLexTok *t, int cls);

/* Same, but also tried without proclitics; *pre gets the stripped set. */
extern const ArLexEntry *ArLexFindStripped(const ArLexTok *t, int cls, uint8_t *pre);

/* True when the token is a word with any lexicon entry (whole or stripped). */
extern bool ArLexKnown(const ArLexTok *t);

/* True when the token is a word the grammars read for itself: a lexicon
 * word (whole or stripped) that is not only a place (places matter only
 * around an open currency noun).  The grammars' fast rejection. */
static inline bool
ArLexGrammarWord(const ArLexTok *t)
{
	return (t->key >= 0 && !ar_lex_keys[t->key].context_only) ||
		(t->skey >= 0 && !ar_lex_keys[t->skey].context_only);
}

/* Look a folded UTF-8 word up; returns the key index or -1. */
extern int	ArLexLookup(const char *word, size_t len);

/* Room for a folded word (ArLexFoldAt); every lexicon word is shorter. */
#define AR_LEX_MAX_WORD 48

/* The folded form of Arabic token i into out (AR_LEX_MAX_WORD bytes): its
 * length, or -1 when token i is no Arabic word or is longer than any key. */
extern int	ArLexFoldAt(const ArLexStream *ls, int i, char *out);

/* True when token i is the punctuation character cp (single character). */
extern bool ArLexIsPunct(const ArLexStream *ls, int i, uint32_t cp);

/*
 * Token look-ups of the grammars (numbers, dates, pledges): positions are
 * token indexes that may run off either end of the stream, so every
 * look-up but ArLexTokAt answers "nothing" out of range.
 */

/* True when i indexes a token of the stream. */
static inline bool
ArLexInRange(const ArLexStream *ls, int i)
{
	return i >= 0 && i < ls->n;
}

/* Token i (i must be in range). */
static inline const ArLexTok *
ArLexTokAt(const ArLexStream *ls, int i)
{
	return &ls->toks[i];
}

/* The entry of class cls of token i as written (whole word), or NULL. */
static inline const ArLexEntry *
ArLexEntryAt(const ArLexStream *ls, int i, int cls)
{
	if (!ArLexInRange(ls, i))
		return NULL;
	return ArLexFind(ArLexTokAt(ls, i), cls);
}

/* The entry of class cls of token i, whole or without its proclitics
 * (*pre, when not NULL, gets the stripped set), or NULL. */
static inline const ArLexEntry *
ArLexEntryAtStripped(const ArLexStream *ls, int i, int cls, uint8_t *pre)
{
	if (!ArLexInRange(ls, i))
		return NULL;
	return ArLexFindStripped(ArLexTokAt(ls, i), cls, pre);
}

/* The lexicon entries of key k. */
#define AR_LEX_ENTRIES(k) (&ar_lex_entries[ar_lex_keys[(k)].first])
#define AR_LEX_COUNT(k) (ar_lex_keys[(k)].count)

#endif							/* AR_NUMLEX_H */
