/*
 * pledge_actor.c — who commits: the verb that commits a cue (the cue itself,
 * or the verb governing a verbal noun: تعهدت ألمانيا بتقديم), whether its
 * subject names the giver (not a receiver, a passive or "we"), and the
 * actor's noun phrase after the verb, before it, or behind a pronoun (see
 * pledge_grammar.h).
 */
#include "pledge_grammar.h"

/* A definite noun right after or right before the verb at token cue, its
 * subject (ضخ البنك الأهلي، الصندوق السيادي ضخ)? */
static bool
definite_subject_next(const ArLexStream *ls, int cue, int start)
{
	return (ArLexInRange(ls, cue + 1) && pl_starts_with_al(ls, cue + 1)) ||
		(cue > start && pl_starts_with_al(ls, cue - 1) && pl_phrase_word(ls, cue - 1));
}

/* Does the word at token cue stand where a verb does: its definite subject
 * next to it, or an auxiliary particle before it (كما قدم صلاح، وقد قدم)? */
static bool
verb_position(const ArLexStream *ls, int cue, int start)
{
	return definite_subject_next(ls, cue, start) ||
		(cue > start && !ArLexTokAt(ls, cue)->break_before &&
		 ArLexEntryAtStripped(ls, cue - 1, LX_PARTICLE, NULL) && !pl_clause_particle_at(ls, cue - 1));
}

/* Is token k the relative ما (ما تم صرفه: what was spent, a total)? */
static bool
relative_ma_at(const ArLexStream *ls, int k)
{
	const ArLexEntry *pe = k >= 0 ? ArLexEntryAt(ls, k, LX_PARTICLE) : NULL;

	return pe && (pe->flags & LXF_QUAL) && ArLexTokAt(ls, k)->char_len == 2;
}

/* Is token k a passive auxiliary (تم، يتم، سيتم، جرى)? */
static bool
passive_at(const ArLexStream *ls, int k)
{
	const ArLexEntry *pe = ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL);

	return pe && (pe->flags & LXF_PASSIVE);
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
		/* ساهمت الخطة في … حزمة: a verb of amounts after ب governs no noun;
		 * ملياري قدم مكعبة: قدم without its subject is no verb */
		if (e && ((e->flags & LXF_BI) ||
				  ((e->flags & LXF_NEEDSVERB) && !(e->flags & LXF_NOUN) &&
				   !verb_position(ls, k, start))))
			continue;
		/* وأن استثماراته بلغت: a new clause; قال: «نملك ميزانية: a quotation */
		if (pl_clause_particle_at(ls, k) || ArLexIsPunct(ls, k, ':'))
			return -1;
		/* سيتم صرف، تم الاتفاق على قرض: a passive governs the noun after it
		 * (not money spent, تم إنفاق, nor a total, ما تم صرفه) */
		if (passive_at(ls, k) && (e = ArLexEntryAtStripped(ls, k + 1, LX_CUE, NULL)) != NULL)
			return (e->flags & LXF_SPEND) || relative_ma_at(ls, k - 1) ? -1 : k;
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
int
pl_cue_verb(const ArLexStream *ls, const ArLexEntry *ce, int cue, int start, ArPledge *p)
{
	int			verb;

	/* قدم الأمير 5 ملايين: a verb that is also another word (قدم: a foot)
	 * only with its definite subject next to it */
	if ((ce->flags & LXF_VERB) && !(ce->flags & LXF_NOUN))
		return !(ce->flags & LXF_NEEDSVERB) || verb_position(ls, cue, start) ? cue : -1;
	verb = verb_before_cue(ls, cue, start, p);
	/* ضخ البنك الأهلي 3 مليارات، الصندوق السيادي ضخ: a definite subject
	 * next to it makes it the verb */
	if (verb == -1 && (ce->flags & LXF_VERB) &&
		(!(ce->flags & LXF_NEEDSVERB) || definite_subject_next(ls, cue, start)))
		return cue;
	return verb;
}

/* Does the verb at token k receive the money (حصلت مصر على قرض)?  Its
 * subject is not the giver. */
bool
pl_receiving_verb(const ArLexStream *ls, int k)
{
	const ArLexEntry *e = ArLexEntryAtStripped(ls, k, LX_ACTORVERB, NULL);

	return e && (e->flags & LXF_RECEIVE);
}

/* Is token k a particle with flag f? */
static bool
particle_flag_at(const ArLexStream *ls, int k, uint64_t f)
{
	const ArLexEntry *pe = k >= 0 ? ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL) : NULL;

	return pe && (pe->flags & f);
}

/*
 * The actor of a verb whose subject is a pronoun or a relative before it: the
 * noun phrase before الذي/التي (ستيفن سبيلبرغ، الذي تبرع), or the subject of
 * the reporting or announcing verb before أنها/إنه (قالت الوزارة إنها خصصت،
 * الحكومة أعلنت أنها خصصت).  At most 2 PHRASE_MAX + 3 tokens back, in the
 * sentence.
 */
static void
actor_before_pronoun(const ArLexStream *ls, int verb, ArPledge *p)
{
	int			k = verb - 1;
	int			lo = verb - 2 * PHRASE_MAX - 3 > 0 ? verb - 2 * PHRASE_MAX - 3 : 0;

	if (k < 1 || ArLexTokAt(ls, verb)->break_before || !particle_flag_at(ls, k, LXF_PRONOUN))
		return;
	for (int j = k - 1; j >= lo && !ArLexTokAt(ls, j + 1)->break_before; j--)
	{
		if (pl_comma_at(ls, j))
			continue;
		if (pl_word_is(ls, k, "الذي") || pl_word_is(ls, k, "التي") || pl_word_is(ls, k, "الذين"))
		{
			pl_phrase_at(ls, j, -1, lo, j, &p->actor_first, &p->actor_last);
			return;
		}
		if (ArLexEntryAtStripped(ls, j, LX_ACTORVERB, NULL) || particle_flag_at(ls, j, LXF_REPORT))
		{
			if (!pl_phrase_at(ls, j + 1, 1, j + 1, k - 1, &p->actor_first, &p->actor_last) && j > lo)
				pl_phrase_at(ls, j - 1, -1, lo, j - 1, &p->actor_first, &p->actor_last);
			return;
		}
	}
}

/* The actor: the noun phrase after the verb (before the number), else the
 * one before the verb, else the one a pronoun subject points at. */
void
pl_set_actor(const ArLexStream *ls, const ArNumItem *it, int verb, int start, ArPledge *p)
{
	int			first = verb + 1;

	/* تعهد #الاتحاد_الأوروبي: a hashtag names the actor */
	if (ArLexIsPunct(ls, first, '#') && ArLexInRange(ls, first + 1) && !ArLexTokAt(ls, first + 1)->space_before)
		first++;
	if (pl_phrase_at(ls, first, 1, first, it->tok_first - 1, &p->actor_first, &p->actor_last))
		return;
	/* وكان الصندوق قد خصص: past the auxiliary particles before the verb */
	for (int skip = 0; skip < 2 && verb - 1 > start && ArLexEntryAtStripped(ls, verb - 1, LX_PARTICLE, NULL) &&
		 !pl_clause_particle_at(ls, verb - 1); skip++)
		verb--;
	if (verb - 1 >= start && !pl_phrase_at(ls, verb - 1, -1, start, verb - 1, &p->actor_first, &p->actor_last))
		actor_before_pronoun(ls, verb, p);
}

/* Is the cue verb at token k in the first person plural (خصصنا، أقررنا):
 * the speaker, whom the sentence does not name? */
static bool
first_person_plural(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	return ArLexEntryAtStripped(ls, k, LX_CUE, NULL) && t->byte_len > 4 &&
		memcmp(ls->buf + t->byte_start + t->byte_len - 4, AR_STR_NOON AR_STR_ALEF, 4) == 0;
}

/* Does the subject of the verb at token k name the actor: not a receiver
 * (حصلت مصر على)، not a passive (تم تخصيص), not "we" (خصصنا)? */
bool
pl_verb_names_actor(const ArLexStream *ls, int k)
{
	return !pl_receiving_verb(ls, k) && !passive_at(ls, k) && !first_person_plural(ls, k);
}
