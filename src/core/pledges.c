/*
 * pledges.c — commitments among the money and percent mentions (see
 * pledges.h).  Every look-back is bounded (the sentence, at most
 * PLEDGE_WINDOW tokens), so the work stays linear in the input.
 */
#include "pledges.h"

#include <string.h>

/* How far back from a number a cue may stand, in tokens. */
#define PLEDGE_WINDOW 15
/* Longest actor or purpose phrase, in tokens. */
#define PHRASE_MAX 4

void
ArPledgeListInit(ArPledgeList *l)
{
	ArArrayInit(l, 8);
}

void
ArPledgeListFree(ArPledgeList *l)
{
	ArArrayFree(l);
}

/* Can token i be part of an actor or purpose noun phrase? */
static bool
phrase_word(const ArLexStream *ls, int i)
{
	const ArLexTok *t;

	if (!ArLexInRange(ls, i))
		return false;
	t = ArLexTokAt(ls, i);
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

/* Does the word at token k start with the article ال? */
static bool
starts_with_al(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	return t->type == AR_TOK_ARABIC && t->byte_len > 4 &&
		memcmp(ls->buf + t->byte_start, "\xd8\xa7\xd9\x84", 4) == 0;
}

/* The noun phrase starting at token i going forward (dir 1) or ending at it
 * going backward (dir -1): first and last token, or false. */
static bool
phrase_at(const ArLexStream *ls, int i, int dir, int lo, int hi, int *first, int *last)
{
	int			n = 0;
	int			k = i;

	while (n < PHRASE_MAX && k >= lo && k <= hi && phrase_word(ls, k))
	{
		/* لأفضل، لأوكرانيا: a recipient or purpose, not the actor */
		if (dir > 0 && n == 0 && ArLexTokAt(ls, k)->first_cp == 0x0644 && !starts_with_al(ls, k))
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
		if (n > 0 && dir > 0 && starts_with_al(ls, k - 1) && !starts_with_al(ls, k))
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
static bool
purpose_start(const ArLexStream *ls, int k)
{
	static const char *const particles[] = {
		"\xd9\x84\xd9\x83\xd9\x86",	/* لكن */
		"\xd9\x84\xd9\x82\xd8\xaf",	/* لقد */
		"\xd9\x84\xd8\xb0\xd9\x84\xd9\x83",	/* لذلك */
		"\xd9\x84\xd8\xa3\xd9\x86",	/* لأن */
		"\xd9\x84\xd8\xaf\xd9\x89",	/* لدى */
		"\xd9\x84\xd9\x8a\xd8\xb3",	/* ليس */
	};
	const ArLexTok *t = ArLexTokAt(ls, k);

	if (t->type != AR_TOK_ARABIC || t->first_cp != 0x0644 || t->char_len < 3 || t->key >= 0)
		return false;
	for (size_t i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
		if (strlen(particles[i]) == t->byte_len &&
			memcmp(ls->buf + t->byte_start, particles[i], t->byte_len) == 0)
			return false;
	return true;
}

/* A clause boundary at token k: brackets, quotes, commas, colons. */
static bool
clause_break(const ArLexStream *ls, int k)
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
		case 0x060C:			/* ، */
		case 0x061B:			/* ؛ */
		case 0x00AB:			/* « */
		case 0x00BB:			/* » */
		case 0x201C:
		case 0x201D:
			return true;
	}
	return false;
}

/* The purpose: the ل- phrase right after the amount (للدفاع الأساسي،
 * لأوكرانيا، لدعم الجيش). */
static void
set_purpose(const ArLexStream *ls, const ArNumItem *it, ArPledge *p)
{
	int			k = it->tok_end + 1;

	if (k < ls->n && !ArLexTokAt(ls, k)->break_before && purpose_start(ls, k))
	{
		int			l = k;
		int			m = 1;

		while (m < PHRASE_MAX && l + 1 < ls->n && phrase_word(ls, l + 1) &&
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

static void
push_pledge(ArPledgeList *out, const ArPledge *p)
{
	*ArArrayPush(out) = *p;
}

void
ArPledgesExtract(const ArLexStream *ls, const ArNumList *nums, ArPledgeList *out)
{
	for (int n = 0; n < nums->n; n++)
	{
		const ArNumItem *it = &nums->items[n];
		int			start,
					cue = -1;
		const ArLexEntry *ce = NULL;
		bool		target_ok = false;
		ArPledge	p;

		AR_CHECK_INTERRUPTS_EVERY(n);
		if (it->kind != AR_NUM_MONEY && it->kind != AR_NUM_PERCENT)
			continue;
		/* the sentence: back to a sentence end, at most PLEDGE_WINDOW tokens */
		start = it->tok_first;
		while (start > 0 && it->tok_first - start < PLEDGE_WINDOW && !ArLexTokAt(ls, start)->break_before)
			start--;
		/*
		 * A part of the pledge before it in the same sentence: "إلى 5% …،
		 * بواقع 3.5% … و1.5%" — the same cue and actor, when nothing in
		 * between reports a statistic or opens a new clause.
		 */
		if (out->n > 0 && nums->items[out->items[out->n - 1].item].tok_end < it->tok_first &&
			it->tok_first - nums->items[out->items[out->n - 1].item].tok_end <= PLEDGE_WINDOW &&
			nums->items[out->items[out->n - 1].item].tok_end >= start)
		{
			const ArPledge *prev = &out->items[out->n - 1];
			bool		clean = true;

			for (int k = nums->items[prev->item].tok_end + 1; k < it->tok_first; k++)
				if (ArLexEntryAtStripped(ls, k, LX_STAT, NULL) ||
					(ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL) && (ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL)->flags & LXF_CLAUSE)) ||
					ArLexEntryAtStripped(ls, k, LX_CUE, NULL) ||
					ArLexEntryAtStripped(ls, k, LX_ACTORVERB, NULL) || ArLexTokAt(ls, k)->break_before)
					clean = false;
			if (clean)
			{
				p = *prev;
				p.item = n;
				p.purpose_first = p.purpose_last = -1;
				set_purpose(ls, it, &p);
				push_pledge(out, &p);
				continue;
			}
		}
		/* the nearest cue before the number, in the same clause */
		for (int k = it->tok_first - 1; k >= start; k--)
		{
			const ArLexEntry *e;

			const ArLexEntry *pe = ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL);

			if (ArLexEntryAtStripped(ls, k, LX_STAT, NULL) || (pe && (pe->flags & LXF_CLAUSE)) || clause_break(ls, k))
				break;
			if ((e = ArLexEntryAtStripped(ls, k, LX_TO, NULL)) != NULL || ArLexEntryAtStripped(ls, k, LX_PCTRATIO, NULL))
				target_ok = true;
			if ((e = ArLexEntryAtStripped(ls, k, LX_CUE, NULL)) != NULL)
			{
				cue = k;
				ce = e;
				break;
			}
		}
		if (cue < 0)
			continue;
		if ((ce->flags & LXF_TARGET) && !target_ok)
			continue;
		/* لم يتعهد، لن تقدم، دون تقديم */
		if (ArLexEntryAtStripped(ls, cue - 1, LX_NEGWORD, NULL) && !ArLexTokAt(ls, cue)->break_before)
			continue;
		memset(&p, 0, sizeof(p));
		p.item = n;
		p.cue = cue;
		p.actor_first = p.actor_last = -1;
		p.purpose_first = p.purpose_last = -1;

		/* the actor */
		{
			int			verb = -1;

			if (ce->flags & LXF_VERB)
				verb = cue;
			else
			{
				/* a verbal noun: the verb before it (تعهدت ألمانيا بتقديم، أعلنت الوزارة عن تخصيص) */
				for (int k = cue - 1; k >= start && cue - k <= 12; k--)
				{
					const ArLexEntry *e = ArLexEntryAtStripped(ls, k, LX_CUE, NULL);

					if (ArLexEntryAtStripped(ls, k, LX_STAT, NULL))
						break;
					if ((e && (e->flags & LXF_VERB)) || ArLexEntryAtStripped(ls, k, LX_ACTORVERB, NULL))
					{
						if (ArLexEntryAtStripped(ls, k - 1, LX_NEGWORD, NULL))
						{
							verb = -2;
							break;
						}
						verb = k;
						if (e)
							p.cue = k;
						break;
					}
				}
			}
			if (verb == -2)
				continue;
			if (verb >= 0)
			{
				if (!phrase_at(ls, verb + 1, 1, verb + 1, it->tok_first - 1, &p.actor_first, &p.actor_last) &&
					verb - 1 >= start)
					phrase_at(ls, verb - 1, -1, start, verb - 1, &p.actor_first, &p.actor_last);
			}
		}

		set_purpose(ls, it, &p);
		push_pledge(out, &p);
	}
}

void
ArPledgeDocRun(ArPledgeDoc *doc, const char *s, size_t len)
{
	ArLexStreamInit(&doc->ls, s, len);
	ArNumListInit(&doc->nums);
	ArNumbersExtract(&doc->ls, &doc->nums);
	ArPledgeListInit(&doc->pledges);
	ArPledgesExtract(&doc->ls, &doc->nums, &doc->pledges);
}

void
ArPledgeDocFree(ArPledgeDoc *doc)
{
	ArPledgeListFree(&doc->pledges);
	ArNumListFree(&doc->nums);
	ArLexStreamFree(&doc->ls);
}
