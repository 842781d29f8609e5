/*
 * pledge_grammar.h — internals shared by the files of the pledge grammar:
 * pledges.c (the driver: cues before and after an amount, the grammar's
 * reading of each mention, extraction), pledge_phrase.c (noun phrases and
 * purposes around an amount) and pledge_actor.c (the verb that commits and
 * its actor).  Not for use outside them.  The small token tests are inline
 * here: the grammar calls them for every token it looks back over.
 */
#ifndef AR_PLEDGE_GRAMMAR_H
#define AR_PLEDGE_GRAMMAR_H

#include "pledges.h"

#include <string.h>

/* How far back from a number a cue may stand, in tokens. */
#define PLEDGE_WINDOW 15
/* Longest actor or purpose phrase, in tokens. */
#define PHRASE_MAX 4

/* Does the word at token k start with the article ال? */
static inline bool
pl_starts_with_al(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	return t->type == AR_TOK_ARABIC && t->byte_len > 4 &&
		memcmp(ls->buf + t->byte_start, AR_STR_AL, 4) == 0;
}

/* A clause boundary at token k: brackets, quotes, commas, colons. */
static inline bool
pl_clause_break(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	if (t->type != AR_TOK_PUNCT)
		return false;
	switch (t->first_cp)
	{
		case '(':
		case ')':
		case ',':
		case ';':
		case ':':
		case '"':
		case AR_CP_COMMA:
		case AR_CP_SEMICOLON:
		case 0x00AB:			/* « */
		case 0x00BB:			/* » */
		case 0x201C:			/* “ */
		case 0x201D:			/* ” */
			return true;
	}
	return false;
}

/* A particle that opens a new clause (لكن، بينما …) at token k. */
static inline bool
pl_clause_particle_at(const ArLexStream *ls, int k)
{
	const ArLexEntry *pe = ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL);

	return pe && (pe->flags & LXF_CLAUSE);
}

/* A cue of a pledge of its own at token k (not a thing announced, such as
 * قرض or استثمارات, which may name a part of the pledge before it). */
static inline bool
pl_own_cue_at(const ArLexStream *ls, int k)
{
	const ArLexEntry *e = ArLexEntryAtStripped(ls, k, LX_CUE, NULL);

	return e && !(e->flags & LXF_NEEDSVERB);
}

/* Is the word at token k written w? */
static inline bool
pl_word_is(const ArLexStream *ls, int k, const char *w)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	return t->byte_len == strlen(w) && memcmp(ls->buf + t->byte_start, w, t->byte_len) == 0;
}

/* Is token k a comma? */
static inline bool
pl_comma_at(const ArLexStream *ls, int k)
{
	return ArLexIsPunct(ls, k, ',') || ArLexIsPunct(ls, k, AR_CP_COMMA);
}

/* Does the word at token k end in the pronoun ه or ها? */
static inline bool
pl_ends_with_pronoun(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);
	const char *end = ls->buf + t->byte_start + t->byte_len;

	return (t->byte_len > 4 && memcmp(end - 4, AR_STR_HEH AR_STR_ALEF, 4) == 0) ||
		(t->byte_len > 2 && memcmp(end - 2, AR_STR_HEH, 2) == 0);
}

/* pledge_phrase.c: can token i be part of an actor or purpose noun phrase? */
extern bool pl_phrase_word(const ArLexStream *ls, int i);

/* pledge_phrase.c: the noun phrase starting at token i going forward (dir 1)
 * or ending at it going backward (dir -1), within [lo, hi]. */
extern bool pl_phrase_at(const ArLexStream *ls, int i, int dir, int lo, int hi, int *first, int *last);

/* pledge_phrase.c: does a purpose phrase (a word with ل glued to it) start at k? */
extern bool pl_purpose_start(const ArLexStream *ls, int k);

/* pledge_phrase.c: the purpose, the ل- phrase right after the amount. */
extern void pl_set_purpose(const ArLexStream *ls, const ArNumItem *it, ArPledge *p);

/* pledge_actor.c: the committing verb of the cue at token cue (the cue
 * itself, or the verb before a verbal noun): its token, -1 when none, -2
 * when negated. */
extern int	pl_cue_verb(const ArLexStream *ls, const ArLexEntry *ce, int cue, int start, ArPledge *p);

/* pledge_actor.c: does the verb at token k receive the money? */
extern bool pl_receiving_verb(const ArLexStream *ls, int k);

/* pledge_actor.c: the actor of the verb at token verb into p. */
extern void pl_set_actor(const ArLexStream *ls, const ArNumItem *it, int verb, int start, ArPledge *p);

/* pledge_actor.c: does the subject of the verb at token k name the actor? */
extern bool pl_verb_names_actor(const ArLexStream *ls, int k);

#endif							/* AR_PLEDGE_GRAMMAR_H */
