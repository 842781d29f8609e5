/*
 * pledges.c — commitments among the money and percent mentions (see
 * pledges.h).  Every look-back is bounded (the sentence, at most
 * PLEDGE_WINDOW tokens), so the work stays linear in the input.
 */
#include "pledges.h"
#include "pledge_model.h"

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

/* Does the word at token k start with the article ال? */
static bool
starts_with_al(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	return t->type == AR_TOK_ARABIC && t->byte_len > 4 &&
		memcmp(ls->buf + t->byte_start, AR_STR_AL, 4) == 0;
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
		if (dir > 0 && n == 0 && ArLexTokAt(ls, k)->first_cp == AR_CP_LAM && !starts_with_al(ls, k))
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
		if (n > 0 && dir > 0 && starts_with_al(ls, k - 1) && !starts_with_al(ls, k) &&
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
static bool
purpose_start(const ArLexStream *ls, int k)
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

/* The sentence of number it: back to a sentence end, at most PLEDGE_WINDOW
 * tokens.  Returns its first token. */
static int
sentence_start(const ArLexStream *ls, const ArNumItem *it)
{
	int			start = it->tok_first;

	while (start > 0 && it->tok_first - start < PLEDGE_WINDOW &&
		   !ArLexTokAt(ls, start)->break_before)
		start--;
	return start;
}

/* A particle that opens a new clause (لكن، بينما …) at token k. */
static bool
clause_particle_at(const ArLexStream *ls, int k)
{
	const ArLexEntry *pe = ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL);

	return pe && (pe->flags & LXF_CLAUSE);
}

/* A cue of a pledge of its own at token k (not a thing announced, such as
 * قرض or استثمارات, which may name a part of the pledge before it). */
static bool
own_cue_at(const ArLexStream *ls, int k)
{
	const ArLexEntry *e = ArLexEntryAtStripped(ls, k, LX_CUE, NULL);

	return e && !(e->flags & LXF_NEEDSVERB);
}

/* Nothing in tokens [from, to) reports a statistic, opens a new clause,
 * cues another pledge or starts a line. */
static bool
same_clause_between(const ArLexStream *ls, int from, int to)
{
	bool		clean = true;

	for (int k = from; k < to; k++)
		if (ArLexEntryAtStripped(ls, k, LX_STAT, NULL) || clause_particle_at(ls, k) ||
			own_cue_at(ls, k) ||
			ArLexEntryAtStripped(ls, k, LX_ACTORVERB, NULL) || ArLexTokAt(ls, k)->break_before)
			clean = false;
	return clean;
}

/*
 * A part of the pledge before it in the same sentence: "إلى 5% …، بواقع
 * 3.5% … و1.5%" — the same cue and actor, when nothing in between reports
 * a statistic or opens a new clause.  prev is the last pledge the grammar
 * found (NULL: none yet).  Returns prev when it continues, else NULL.
 */
static const ArPledge *
pledge_continued(const ArLexStream *ls, const ArNumList *nums, const ArPledge *prev,
				 const ArNumItem *it, int start)
{
	int			prev_end;

	if (prev == NULL)
		return NULL;
	prev_end = nums->items[prev->item].tok_end;
	if (prev_end < it->tok_first && it->tok_first - prev_end <= PLEDGE_WINDOW &&
		prev_end >= start && same_clause_between(ls, prev_end + 1, it->tok_first))
		return prev;
	return NULL;
}

/* Does the stat word at token k only give the amount: "up to" (ما يصل إلى)
 * or the sum of the money noun right before it, at most PHRASE_MAX words
 * back (بمساعدة تبلغ، تبرعات بلغت)? */
static bool
qualifies_cue(const ArLexStream *ls, int k)
{
	const ArLexEntry *se = ArLexEntryAtStripped(ls, k, LX_STAT, NULL);

	const ArLexEntry *pe = ArLexEntryAt(ls, k - 1, LX_PARTICLE);

	if (!(se->flags & LXF_QUAL))
		return false;
	/* ما يصل إلى، ما يزيد على: "up to" */
	if (pe && (pe->flags & LXF_QUAL))
		return true;
	for (int j = k - 1; j >= k - PHRASE_MAX && j >= 0 && !ArLexTokAt(ls, j + 1)->break_before; j--)
	{
		const ArLexEntry *ce = ArLexEntryAtStripped(ls, j, LX_CUE, NULL);

		if (ce)
			return (ce->flags & (LXF_AMOUNT | LXF_NEEDSVERB)) != 0;
		if (!phrase_word(ls, j))
			return false;
	}
	return false;
}

/* Is the cue at token k cancelled: negated (لم يتعهد، دون تقديم), after a
 * stat word (مقابل تبرع، بلغ تمويل), expected or asked for only (من المتوقع
 * أن تضخ، دعت المنظمة الدول الغنية إلى تقديم)? */
static bool
cue_cancelled(const ArLexStream *ls, int k)
{
	if (ArLexTokAt(ls, k)->break_before)
		return false;
	if (ArLexEntryAtStripped(ls, k - 1, LX_NEGWORD, NULL) || ArLexEntryAtStripped(ls, k - 1, LX_STAT, NULL))
		return true;
	/* the expecting or appealing word, its subject or object and أن/إلى */
	for (int j = k - 1; j >= k - PHRASE_MAX - 2 && j >= 0 && !ArLexTokAt(ls, j + 1)->break_before; j--)
	{
		const ArLexEntry *ne = ArLexEntryAtStripped(ls, j, LX_NEGWORD, NULL);

		if (ne && (ne->flags & LXF_EXPECT))
			return true;
	}
	return false;
}

/* Is the punctuation at token k a comma inside the subject of a verb cue
 * (وعد الوزير، خالد العتيبي، بمليوني ريال)?  Only words of a noun
 * phrase, at most PHRASE_MAX, stand between the verb and the comma. */
static bool
apposition_comma(const ArLexStream *ls, int k, int start)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	if (t->first_cp != ',' && t->first_cp != AR_CP_COMMA)
		return false;
	for (int j = k - 1; j >= start && j >= k - PHRASE_MAX - 1; j--)
	{
		const ArLexEntry *ce = ArLexEntryAtStripped(ls, j, LX_CUE, NULL);

		if (ce)
			return (ce->flags & LXF_VERB) && !(ce->flags & LXF_NOUN) && j < k - 1;
		if (!phrase_word(ls, j) && !ArLexIsPunct(ls, j, ',') && !ArLexIsPunct(ls, j, AR_CP_COMMA))
			return false;
	}
	return false;
}

/* Is the punctuation at token k a comma before the amount's connector
 * (المنحة الخامسة، وقدرها 700 ألف دولار)? */
static bool
amount_after_comma(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);
	const ArLexEntry *pe = ArLexEntryAtStripped(ls, k + 1, LX_PARTICLE, NULL);

	return (t->first_cp == ',' || t->first_cp == AR_CP_COMMA) && pe && (pe->flags & LXF_QUAL);
}

/* The nearest cue before token below, in the same clause as the number (a
 * target cue needs إلى or نسبة between); its token, or -1.  *ce gets its
 * entry. */
static int
find_cue(const ArLexStream *ls, const ArNumItem *it, int start, int below, const ArLexEntry **ce)
{
	bool		target_ok = false;

	for (int k = it->tok_first - 1; k >= start; k--)
	{
		if ((ArLexEntryAtStripped(ls, k, LX_STAT, NULL) && !qualifies_cue(ls, k)) ||
			clause_particle_at(ls, k) ||
			(clause_break(ls, k) && !apposition_comma(ls, k, start) && !amount_after_comma(ls, k)))
			return -1;
		if (ArLexEntryAtStripped(ls, k, LX_TO, NULL) || ArLexEntryAtStripped(ls, k, LX_PCTRATIO, NULL))
			target_ok = true;
		/* رفع النسبة من 49% إلى 51%: the number after من is where it starts */
		if (k < below && (*ce = ArLexEntryAtStripped(ls, k, LX_CUE, NULL)) != NULL)
			return ((*ce)->flags & LXF_TARGET) &&
				(!target_ok || ArLexEntryAt(ls, it->tok_first - 1, LX_FROM)) ? -1 : k;
	}
	return -1;
}

/* The verb of a verbal-noun cue: the cue verb or actor verb before it
 * (تعهدت ألمانيا بتقديم، أعلنت الوزارة عن تخصيص), within 12 tokens.  Its
 * token (p->cue moves to a cue verb), -1 when none, -2 when negated or
 * when a stat word stands just before (up to three tokens). */
static int
verb_before_cue(const ArLexStream *ls, int cue, int start, ArPledge *p)
{
	for (int k = cue - 1; k >= start && cue - k <= 12; k--)
	{
		const ArLexEntry *e = ArLexEntryAtStripped(ls, k, LX_CUE, NULL);

		/* بلغت المساعدات، وصلت قيمة تبرعاته: the noun is a statistic's subject */
		if (ArLexEntryAtStripped(ls, k, LX_STAT, NULL))
			return cue - k <= 3 ? -2 : -1;
		if ((e && (e->flags & LXF_VERB)) || ArLexEntryAtStripped(ls, k, LX_ACTORVERB, NULL))
		{
			if (ArLexEntryAtStripped(ls, k - 1, LX_NEGWORD, NULL))
				return -2;
			if (e)
				p->cue = k;
			return k;
		}
	}
	return -1;
}

/* The committing verb of the cue: the cue itself when it is a finite verb;
 * for a verbal noun the verb before it (verb_before_cue).  A cue that may be
 * either (منحا) is the noun after a verb, else the verb — unless a verb must
 * announce it (ضخ: أعلنت عزمها ضخ, but not يعني ضخ) and no definite subject
 * follows.  Its token, -1 when none, -2 when negated. */
static int
cue_verb(const ArLexStream *ls, const ArLexEntry *ce, int cue, int start, ArPledge *p)
{
	int			verb;

	if ((ce->flags & LXF_VERB) && !(ce->flags & LXF_NOUN))
		return cue;
	verb = verb_before_cue(ls, cue, start, p);
	/* ضخ البنك الأهلي 3 مليارات، الصندوق السيادي ضخ: a definite subject
	 * next to it makes it the verb */
	if (verb == -1 && (ce->flags & LXF_VERB) &&
		(!(ce->flags & LXF_NEEDSVERB) || (ArLexInRange(ls, cue + 1) && starts_with_al(ls, cue + 1)) ||
		 (cue > start && starts_with_al(ls, cue - 1) && phrase_word(ls, cue - 1))))
		return cue;
	return verb;
}

/* Does the verb at token k receive the money (حصلت مصر على قرض)?  Its
 * subject is not the giver. */
static bool
receiving_verb(const ArLexStream *ls, int k)
{
	const ArLexEntry *e = ArLexEntryAtStripped(ls, k, LX_ACTORVERB, NULL);

	return e && (e->flags & LXF_RECEIVE);
}

/* The actor: the noun phrase after the verb (before the number), else the
 * one before the verb. */
static void
set_actor(const ArLexStream *ls, const ArNumItem *it, int verb, int start, ArPledge *p)
{
	int			first = verb + 1;

	/* تعهد #الاتحاد_الأوروبي: a hashtag names the actor */
	if (ArLexIsPunct(ls, first, '#') && ArLexInRange(ls, first + 1) && !ArLexTokAt(ls, first + 1)->space_before)
		first++;
	if (phrase_at(ls, first, 1, first, it->tok_first - 1, &p->actor_first, &p->actor_last))
		return;
	/* وكان الصندوق قد خصص: past the auxiliary particles before the verb */
	for (int skip = 0; skip < 2 && verb - 1 > start && ArLexEntryAtStripped(ls, verb - 1, LX_PARTICLE, NULL) &&
		 !clause_particle_at(ls, verb - 1); skip++)
		verb--;
	if (verb - 1 >= start)
		phrase_at(ls, verb - 1, -1, start, verb - 1, &p->actor_first, &p->actor_last);
}

/* Is percentage it where a change starts (رفع النسبة من 4% إلى 6%)? */
static bool
change_start(const ArLexStream *ls, const ArNumItem *it)
{
	return it->kind == AR_NUM_PERCENT && ArLexEntryAt(ls, it->tok_first - 1, LX_FROM) &&
		ArLexEntryAtStripped(ls, it->tok_end + 1, LX_TO, NULL);
}

/* A pledge with no actor on cue token cue of number n. */
static void
pledge_init(ArPledge *p, int n, int cue)
{
	memset(p, 0, sizeof(*p));
	p->item = n;
	p->cue = cue;
	p->actor_first = p->actor_last = -1;
	p->purpose_first = p->purpose_last = -1;
}

/*
 * The pledge of number it read from the cue before it into *p: 1 when found,
 * 0 when no cue commits it, -1 when the cue is cancelled (negated, expected,
 * a statistic).  An announced thing with nobody announcing it (اتفاق قرض
 * قيمته) gives way to the cue before it.
 */
static int
pledge_before(const ArLexStream *ls, const ArNumItem *it, int n, int start, ArPledge *p)
{
	const ArLexEntry *ce = NULL;
	int			verb;

	for (int cue = it->tok_first;;)
	{
		if ((cue = find_cue(ls, it, start, cue, &ce)) < 0)
			return 0;
		pledge_init(p, n, cue);
		if (cue_cancelled(ls, cue))
			return -1;
		verb = cue_verb(ls, ce, cue, start, p);
		if (verb == -2)
			return -1;
		/* حصل اللاعب على مكافأة: a prize won is nobody's pledge */
		if (verb >= 0 && receiving_verb(ls, verb) && !(ce->flags & LXF_AMOUNT))
			verb = -1;
		if (verb >= 0 || !(ce->flags & LXF_NEEDSVERB))
			break;
	}
	if (verb >= 0 && !receiving_verb(ls, verb))
		set_actor(ls, it, verb, start, p);
	return 1;
}

/* Does the word at token k end in the pronoun ه or ها? */
static bool
ends_with_pronoun(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);
	const char *end = ls->buf + t->byte_start + t->byte_len;

	return (t->byte_len > 4 && memcmp(end - 4, AR_STR_HEH AR_STR_ALEF, 4) == 0) ||
		(t->byte_len > 2 && memcmp(end - 2, AR_STR_HEH, 2) == 0);
}

/* A passive cue right after the amount (… 40 مليون دينار تم تخصيصها): the
 * cue noun's token, or -1.  Only allocation nouns: money spent or financed
 * (يتم إنفاقها، يتم تمويله) is rather a statistic. */
static int
passive_cue_after(const ArLexStream *ls, const ArNumItem *it)
{
	int			k = it->tok_end + 1;
	const ArLexEntry *pe = ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL);
	const ArLexEntry *ce = ArLexEntryAtStripped(ls, k + 1, LX_CUE, NULL);

	if (!pe || !(pe->flags & LXF_PASSIVE) || !ce || !(ce->flags & LXF_NOUN) ||
		(ce->flags & (LXF_NEEDSVERB | LXF_AMOUNT)) ||
		ArLexTokAt(ls, k)->break_before || ArLexTokAt(ls, k + 1)->break_before)
		return -1;
	/* its pronoun points back at the amount (تخصيصها، تقديمه); تم تخصيص هذه
	 * الصكوك has an object of its own */
	return ends_with_pronoun(ls, k + 1) ? k + 1 : -1;
}

/* Is the amount named a fee or price right after it, past its bracketed
 * conversion (2 مليار درهم (545 مليون دولار)، رسم دخول)? */
static bool
price_after(const ArLexStream *ls, const ArNumItem *it)
{
	int			depth = 0;

	for (int k = it->tok_end + 1; k < ls->n && k <= it->tok_end + 12; k++)
	{
		const ArLexTok *t = ArLexTokAt(ls, k);

		if (t->break_before)
			return false;
		if (ArLexIsPunct(ls, k, '('))
			depth++;
		else if (ArLexIsPunct(ls, k, ')'))
			depth--;
		else if (depth <= 0 && (t->type == AR_TOK_ARABIC || t->type == AR_TOK_LATIN))
		{
			const ArLexEntry *se = ArLexEntryAtStripped(ls, k, LX_STAT, NULL);

			return se && (se->flags & LXF_PRICE);
		}
	}
	return false;
}

/* The grammar's reading of money or percent number n into *p; prev is the
 * last pledge it found before (NULL: none). */
static ArPledgeRule
read_number(const ArLexStream *ls, const ArNumList *nums, int n, const ArPledge *prev, ArPledge *p)
{
	const ArNumItem *it = &nums->items[n];
	int			start = sentence_start(ls, it);
	int			found,
				after;

	pledge_init(p, n, -1);
	if (change_start(ls, it))
		return AR_PLEDGE_CHANGE_START;
	if (price_after(ls, it))
		return AR_PLEDGE_PRICE;
	if ((prev = pledge_continued(ls, nums, prev, it, start)) != NULL)
	{
		*p = *prev;
		p->item = n;
		p->purpose_first = p->purpose_last = -1;
		set_purpose(ls, it, p);
		return AR_PLEDGE_CONTINUED;
	}
	if ((found = pledge_before(ls, it, n, start, p)) < 0)
		return AR_PLEDGE_CANCELLED;
	if (found == 0)
	{
		if ((after = passive_cue_after(ls, it)) < 0)
			return p->cue >= 0 ? AR_PLEDGE_UNSUPPORTED : AR_PLEDGE_NO_CUE;
		pledge_init(p, n, after);
	}
	set_purpose(ls, it, p);
	return found ? AR_PLEDGE_CUE : AR_PLEDGE_PASSIVE;
}

void
ArPledgeCandidates(const ArLexStream *ls, const ArNumList *nums, ArPledgeCandList *out)
{
	int			last = -1;		/* the last candidate the grammar accepted */

	for (size_t n = 0; n < nums->n; n++)
	{
		ArPledgeCand *c;

		AR_CHECK_INTERRUPTS_EVERY(n);
		if (nums->items[n].kind != AR_NUM_MONEY && nums->items[n].kind != AR_NUM_PERCENT)
			continue;
		c = ArArrayPush(out);
		c->rule = read_number(ls, nums, (int) n, last >= 0 ? &out->items[last].p : NULL, &c->p);
		c->whole = c->rule == AR_PLEDGE_CONTINUED ? last : -1;
		c->pledge = false;
		if (ArPledgeRuleAccepts(c->rule))
			last = (int) out->n - 1;
	}
}

/*
 * A reading for a candidate the grammar turned down but the model accepts:
 * the nearest cue or actor verb before it in its sentence gives the cue
 * and the actor (as for a pledge of the grammar); with none, the cue is
 * the word before the amount, or the amount itself.
 */
static void
reading_of_rejected(const ArLexStream *ls, const ArNumList *nums, ArPledge *p)
{
	const ArNumItem *it = &nums->items[p->item];
	int			start = sentence_start(ls, it);
	int			k;

	for (k = it->tok_first - 1; k >= start; k--)
	{
		const ArLexEntry *ce = ArLexEntryAtStripped(ls, k, LX_CUE, NULL);

		if (ce || ArLexEntryAtStripped(ls, k, LX_ACTORVERB, NULL))
		{
			int			verb;

			p->cue = k;			/* cue_verb moves it to a cue verb before */
			verb = ce ? cue_verb(ls, ce, k, start, p) : k;
			/* ضخ صندوق الاستثمارات: a cue that may be a verb is one here */
			if (verb < 0 && ce && (ce->flags & LXF_VERB))
				verb = k;
			if (verb >= 0 && !receiving_verb(ls, verb))
				set_actor(ls, it, verb, start, p);
			break;
		}
	}
	if (k < start)
		p->cue = it->tok_first > start ? it->tok_first - 1 : it->tok_first;
	set_purpose(ls, it, p);
}

void
ArPledgesExtract(const ArLexStream *ls, const ArNumList *nums, ArPledgeList *out)
{
	ArPledgeCandList cands;

	ArArrayInit(&cands, 8);
	ArPledgeCandidates(ls, nums, &cands);
	ArPledgeDecide(ls, nums, &cands, ArPledgeModelEnabled() ? ArPledgeModelBuiltin() : NULL);
	for (size_t i = 0; i < cands.n; i++)
	{
		ArPledgeCand *c = &cands.items[i];

		if (!c->pledge)
			continue;
		if (!ArPledgeRuleAccepts(c->rule))
			reading_of_rejected(ls, nums, &c->p);
		push_pledge(out, &c->p);
	}
	ArArrayFree(&cands);
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
