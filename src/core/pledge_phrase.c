/*
 * pledge_phrase.c — the noun phrases of the pledge grammar: which words may
 * stand in an actor's or a purpose's phrase, how far such a phrase runs
 * forward or back, and the purpose after an amount (see pledge_grammar.h).
 */
#include "pledge_grammar.h"

/* Can token i be part of an actor or purpose noun phrase? */
bool
pl_phrase_word(const ArLexStream *ls, int i)
{
	const ArLexTok *t;

	if (!ArLexInRange(ls, i))
		return false;
	t = ArLexTokAt(ls, i);
	/* #الاتحاد_الأوروبي: the underscore of a hashtag joins its words */
	if (ArLexIsPunct(ls, i, '_') && !t->space_before && ArLexInRange(ls, i + 1) &&
		!ArLexTokAt(ls, i + 1)->space_before)
		return true;
	if (t->type != AR_TOK_ARABIC && t->type != AR_TOK_LATIN)
		return false;
	if (t->key >= 0)
	{
		/* function words and cues end a phrase */
		for (int e = 0; e < AR_LEX_COUNT(t->key); e++)
		{
			int			cls = AR_LEX_ENTRIES(t->key)[e].cls;

			if (cls == LX_PREP || cls == LX_FROM || cls == LX_TO || cls == LX_AND ||
				cls == LX_OR || cls == LX_BETWEEN || cls == LX_CUE || cls == LX_STAT ||
				cls == LX_NEGWORD || cls == LX_ACTORVERB || cls == LX_APPROX ||
				cls == LX_DURCUE || cls == LX_AGO || cls == LX_RELDAY || cls == LX_WEEKDAY ||
				cls == LX_AFTER || cls == LX_PARTICLE)
				return false;
		}
	}
	if (t->skey >= 0 && t->key < 0)
	{
		/* بتقديم، لرفع: a new phrase; وقالت، وأكد: a reporting verb */
		if (t->pre & (AR_PRE_BI | AR_PRE_LI))
			return false;
		for (int e = 0; e < AR_LEX_COUNT(t->skey); e++)
		{
			int			cls = AR_LEX_ENTRIES(t->skey)[e].cls;

			if (cls == LX_PARTICLE || cls == LX_CUE || cls == LX_STAT || cls == LX_ACTORVERB)
				return false;
		}
	}
	return true;
}

/* The noun phrase starting at token i going forward (dir 1) or ending at it
 * going backward (dir -1): first and last token, or false. */
bool
pl_phrase_at(const ArLexStream *ls, int i, int dir, int lo, int hi, int *first, int *last)
{
	int			n = 0;
	int			k = i;

	while (n < PHRASE_MAX && k >= lo && k <= hi && pl_phrase_word(ls, k))
	{
		/* لأفضل، لأوكرانيا: a recipient or purpose, not the actor */
		if (dir > 0 && n == 0 && ArLexTokAt(ls, k)->first_cp == AR_CP_LAM && !pl_starts_with_al(ls, k))
			break;
		if (n > 0 && dir > 0 && ArLexTokAt(ls, k)->break_before)
			break;
		if (n > 0 && dir < 0 && ArLexTokAt(ls, k + 1)->break_before)
			break;
		/* a word glued to و starts a new phrase */
		if (n > 0 && dir > 0 && ArLexTokAt(ls, k)->pre == AR_PRE_WA && ArLexTokAt(ls, k)->key < 0)
			break;
		/* after a definite word only definite words continue the phrase
		 * (البنك الدولي | مصر), while an indefinite head may take a name
		 * or a genitive (حلف شمال الأطلسي، وزارة الدفاع) */
		if (n > 0 && dir > 0 && pl_starts_with_al(ls, k - 1) && !pl_starts_with_al(ls, k) &&
			!ArLexIsPunct(ls, k, '_'))
			break;
		n++;
		if (dir < 0 && ArLexTokAt(ls, k)->pre == AR_PRE_WA && ArLexTokAt(ls, k)->key < 0)
		{
			k += dir;
			break;
		}
		k += dir;
	}
	if (n == 0)
		return false;
	if (dir > 0)
	{
		*first = i;
		*last = k - 1;
	}
	else
	{
		*first = k + 1;
		*last = i;
	}
	return true;
}

/* Does a purpose phrase start at token k: a word with the preposition ل
 * glued to it (للدفاع، لأوكرانيا، لدعم), not a particle (لكن، لقد …)? */
bool
pl_purpose_start(const ArLexStream *ls, int k)
{
	static const char *const particles[] = {"لكن", "لقد", "لذلك", "لأن", "لدى", "ليس"};
	const ArLexTok *t = ArLexTokAt(ls, k);

	if (t->type != AR_TOK_ARABIC || t->first_cp != AR_CP_LAM || t->char_len < 3 || t->key >= 0)
		return false;
	for (size_t i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
		if (strlen(particles[i]) == t->byte_len &&
			memcmp(ls->buf + t->byte_start, particles[i], t->byte_len) == 0)
			return false;
	return true;
}

/* The purpose: the ل- phrase right after the amount (للدفاع الأساسي،
 * لأوكرانيا، لدعم الجيش). */
void
pl_set_purpose(const ArLexStream *ls, const ArNumItem *it, ArPledge *p)
{
	int			k = it->tok_end + 1;

	if (k < ls->n && !ArLexTokAt(ls, k)->break_before && pl_purpose_start(ls, k))
	{
		int			l = k;
		int			m = 1;

		while (m < PHRASE_MAX && l + 1 < ls->n && pl_phrase_word(ls, l + 1) &&
			   !ArLexTokAt(ls, l + 1)->break_before &&
			   !(ArLexTokAt(ls, l + 1)->pre == AR_PRE_WA && ArLexTokAt(ls, l + 1)->key < 0))
		{
			l++;
			m++;
		}
		p->purpose_first = k;
		p->purpose_last = l;
	}
}
