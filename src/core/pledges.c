/*
 * pledges.c — commitments among the money and percent mentions (see
 * pledges.h): the cue before or after each amount, the grammar's reading of
 * it, and the extraction with the classifier's decisions.  Noun phrases and
 * clause marks are in pledge_phrase.c, the committing verb and its actor in
 * pledge_actor.c.  Every look-back is bounded (the sentence, at most
 * PLEDGE_WINDOW tokens), so the work stays linear in the input.
 */
#include "pledge_grammar.h"
#include "pledge_model.h"

#include <string.h>

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

/* Nothing in tokens [from, to) reports a statistic, opens a new clause,
 * cues another pledge or starts a line. */
static bool
same_clause_between(const ArLexStream *ls, int from, int to)
{
	bool		clean = true;

	for (int k = from; k < to; k++)
		if (ArLexEntryAtStripped(ls, k, LX_STAT, NULL) || pl_clause_particle_at(ls, k) ||
			pl_own_cue_at(ls, k) ||
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

/* Is the stat word at token k the sum of a money noun in a relative clause
 * (وافق البنك على قرض لمصر، الذي تبلغ قيمته 3 مليارات دولار)?  Before it
 * الذي/التي, perhaps a comma, then the noun phrase of a cue noun that names
 * money.  The first token of the relative and its comma, or -1. */
static int
relative_sum_open(const ArLexStream *ls, int k, int start)
{
	const ArLexEntry *se = ArLexEntryAtStripped(ls, k, LX_STAT, NULL);
	int			j = k - 1;

	if (!se || !(se->flags & LXF_QUAL) || j <= start ||
		!(pl_word_is(ls, j, "التي") || pl_word_is(ls, j, "الذي")) || ArLexTokAt(ls, k)->break_before)
		return -1;
	if (pl_comma_at(ls, j - 1))
		j--;
	for (int m = j - 1; m >= start && m >= j - PHRASE_MAX && !ArLexTokAt(ls, m + 1)->break_before; m--)
	{
		const ArLexEntry *ce = ArLexEntryAtStripped(ls, m, LX_CUE, NULL);

		if (ce)
			return (ce->flags & (LXF_AMOUNT | LXF_NEEDSVERB)) ? j : -1;
		if (!pl_phrase_word(ls, m) && !pl_purpose_start(ls, m))
			return -1;
	}
	return -1;
}

/* Is the stat word at token k the cost of a gift (تبرعت الشركة ببناء المسجد
 * بتكلفة 40 مليون ريال): a cost word after a cue of gifts (flag cost) in
 * the same clause, at most PLEDGE_WINDOW / 2 tokens back? */
static bool
gift_cost(const ArLexStream *ls, int k)
{
	const ArLexEntry *se = ArLexEntryAtStripped(ls, k, LX_STAT, NULL);

	if (!se || !(se->flags & LXF_COST))
		return false;
	for (int j = k - 1; j >= 0 && j >= k - PLEDGE_WINDOW / 2 && !ArLexTokAt(ls, j + 1)->break_before; j--)
	{
		const ArLexEntry *ce = ArLexEntryAtStripped(ls, j, LX_CUE, NULL);

		if (ce)
			return (ce->flags & LXF_COST) != 0;
		if (pl_clause_break(ls, j) || ArLexEntryAtStripped(ls, j, LX_STAT, NULL) || pl_clause_particle_at(ls, j))
			return false;
	}
	return false;
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
	/* يصل إجمالي مبالغها إلى، بتكلفة بلغت: a stat word of the sum after
	 * another */
	if (k > 0 && ArLexEntryAtStripped(ls, k - 1, LX_STAT, NULL) && !ArLexTokAt(ls, k)->break_before)
		return qualifies_cue(ls, k - 1) || gift_cost(ls, k - 1);
	for (int j = k - 1; j >= k - PHRASE_MAX && j >= 0 && !ArLexTokAt(ls, j + 1)->break_before; j--)
	{
		const ArLexEntry *ce = ArLexEntryAtStripped(ls, j, LX_CUE, NULL);

		if (ce)
			return (ce->flags & (LXF_AMOUNT | LXF_NEEDSVERB)) != 0;
		/* بتكلفة بلغت: the sum of a gift's cost */
		if (j == k - 1 && gift_cost(ls, j))
			return true;
		/* مساعدات للأردن تبلغ: past the recipient */
		if (!pl_phrase_word(ls, j) && !pl_purpose_start(ls, j))
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
	const ArLexEntry *ce;

	if (ArLexTokAt(ls, k)->break_before)
		return false;
	if (ArLexEntryAtStripped(ls, k - 1, LX_NEGWORD, NULL) || ArLexEntryAtStripped(ls, k - 1, LX_STAT, NULL))
		return true;
	/* قد تقدم الحكومة: "may give", no commitment (قد قدمت: "has given") */
	if (k > 0 && (pl_word_is(ls, k - 1, "قد") || pl_word_is(ls, k - 1, "وقد")) &&
		(ce = ArLexEntryAtStripped(ls, k, LX_CUE, NULL)) != NULL && (ce->flags & LXF_PRESENT))
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
		if (!pl_phrase_word(ls, j) && !ArLexIsPunct(ls, j, ',') && !ArLexIsPunct(ls, j, AR_CP_COMMA))
			return false;
	}
	return false;
}

/* Does the amount it come right after token k: at most two words between,
 * each of them a known function word (بمبلغ، نحو، ما يزيد على), not a verb
 * or noun of a clause of its own (، وكلفت الصفقة 52 مليون)? */
static bool
amount_right_after(const ArLexStream *ls, int k, const ArNumItem *it)
{
	if (it->tok_first - k - 1 > 3)
		return false;
	for (int j = k + 1; j < it->tok_first; j++)
	{
		const ArLexTok *t = ArLexTokAt(ls, j);

		if (t->type != AR_TOK_CLITIC && t->key < 0 && t->skey < 0)
			return false;
	}
	return true;
}

typedef bool (*TokTest) (const ArLexStream *ls, int k);

/* The opening mark of a short span that the mark at token k closes: at most
 * max tokens back to another mark (is_mark), each of them passing inside, in
 * the sentence.  Its token, or -1 (an empty span is none). */
static int
span_open(const ArLexStream *ls, int k, int start, int max, TokTest is_mark, TokTest inside)
{
	if (!is_mark(ls, k))
		return -1;
	for (int j = k - 1; j > start && j >= k - max - 1; j--)
	{
		if (ArLexTokAt(ls, j + 1)->break_before)
			return -1;
		if (is_mark(ls, j))
			return j < k - 1 ? j : -1;
		if (!inside(ls, j))
			return -1;
	}
	return -1;
}

/*
 * A short phrase set off by commas — a time, a place, a channel (خصصت
 * الحكومة، في موازنة العام المقبل، 5 مليارات; تعهدت ألمانيا، أمس الأحد،
 * بتقديم) — or a short quoted name (شركة "كوين-تشيك"، بنك «الراجحي») does
 * not end the clause: span_open with pl_comma_at and inserted_word (at most
 * INSERT_MAX tokens), or quote_at and name_word (QUOTED_MAX).
 */
#define INSERT_MAX 6
#define QUOTED_MAX 4

/* Can token k stand in a phrase set off by commas: no punctuation, verb
 * cue, actor verb, stat word, negation or clause particle? */
static bool
inserted_word(const ArLexStream *ls, int k)
{
	return !(ArLexTokAt(ls, k)->type == AR_TOK_PUNCT || pl_own_cue_at(ls, k) ||
			 ArLexEntryAtStripped(ls, k, LX_STAT, NULL) || pl_clause_particle_at(ls, k) ||
			 ArLexEntryAtStripped(ls, k, LX_ACTORVERB, NULL) ||
			 ArLexEntryAtStripped(ls, k, LX_NEGWORD, NULL));
}

/* Is token k a quotation mark? */
static bool
quote_at(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	return t->type == AR_TOK_PUNCT &&
		(t->first_cp == '"' || t->first_cp == 0x00AB || t->first_cp == 0x00BB ||
		 t->first_cp == 0x201C || t->first_cp == 0x201D);
}

/* Can token k stand in a quoted name: a word of a noun phrase or a hyphen,
 * not a cue? */
static bool
name_word(const ArLexStream *ls, int k)
{
	return (pl_phrase_word(ls, k) || ArLexIsPunct(ls, k, '-')) && !ArLexEntryAtStripped(ls, k, LX_CUE, NULL);
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

/* Is the amount brought by the preposition ب: on the number (بمليون، بـ50)
 * or on one of the two words before it (بمبلغ، بنحو، بأكثر من; not بقيمة,
 * "worth")? */
static bool
amount_after_bi(const ArLexStream *ls, const ArNumItem *it)
{
	for (int k = it->tok_first; k >= 0 && k >= it->tok_first - 2; k--)
	{
		const ArLexTok *t = ArLexTokAt(ls, k);

		if (t->type == AR_TOK_CLITIC)
		{
			/* the clitic's letters: ب، وب، بـ */
			for (size_t b = 0; b + 2 <= t->byte_len; b++)
				if (memcmp(ls->buf + t->byte_start + b, AR_STR_BEH, 2) == 0)
					return true;
			return false;
		}
		if (t->type == AR_TOK_ARABIC && t->skey >= 0 && (t->pre & AR_PRE_BI))
		{
			const ArLexEntry *pe = ArLexEntryAtStripped(ls, k, LX_PARTICLE, NULL);

			/* بقيمة: "worth", not "by" or "with" */
			return !(pe && (pe->flags & LXF_WORTH));
		}
		if (t->break_before)
			break;
	}
	return false;
}

/* Does the preposition ب stand on the number itself (بمليار، بـ2.2 مليون)? */
static bool
bi_on_number(const ArLexStream *ls, const ArNumItem *it)
{
	const ArLexTok *t = ArLexTokAt(ls, it->tok_first);

	if (t->type == AR_TOK_ARABIC)
		return t->skey >= 0 && (t->pre & AR_PRE_BI);
	return it->tok_first > 0 && ArLexTokAt(ls, it->tok_first - 1)->type == AR_TOK_CLITIC &&
		amount_after_bi(ls, it);
}

/* Does the cue entry ce at token cue give number it: a cue of money only gives no
 * percentage (ساهم القطاع بنسبة 5%), a cue of amounts after ب only those
 * (ساهمت الإمارات بـ50 مليون دولار, not ساهمت الخطة في توفير 40 مليار), a
 * cue not followed by على only without it? */
static bool
cue_fits_amount(const ArLexStream *ls, const ArLexEntry *ce, int cue, const ArNumItem *it)
{
	if ((ce->flags & LXF_MONEY) && it->kind != AR_NUM_MONEY)
		return false;
	/* اعتمدت على قروض بقيمة: relied on */
	if (ce->flags & LXF_NOALA)
		for (int k = cue + 1; k < it->tok_first; k++)
			if (pl_word_is(ls, k, "على"))
				return false;
	return !(ce->flags & LXF_BI) || amount_after_bi(ls, it);
}

/* The nearest cue before token below, in the same clause as the number (a
 * target cue needs إلى or نسبة between; a cut between ends the search:
 * خطة لخفض الواردات بمقدار 10 مليارات); its token, or -1.  *ce gets its
 * entry. */
static int
find_cue(const ArLexStream *ls, const ArNumItem *it, int start, int below, const ArLexEntry **ce)
{
	bool		target_ok = false;

	for (int k = it->tok_first - 1; k >= start; k--)
	{
		int			open;

		if ((pl_clause_break(ls, k) && amount_right_after(ls, k, it) &&
			 (open = span_open(ls, k, start, INSERT_MAX, pl_comma_at, inserted_word)) >= 0) ||
			(open = span_open(ls, k, start, QUOTED_MAX, quote_at, name_word)) >= 0 ||
			(open = relative_sum_open(ls, k, start)) >= 0)
		{
			k = open;
			continue;
		}
		if ((ArLexEntryAtStripped(ls, k, LX_STAT, NULL) && !qualifies_cue(ls, k) && !gift_cost(ls, k)) ||
			pl_clause_particle_at(ls, k) ||
			(pl_clause_break(ls, k) && !apposition_comma(ls, k, start) && !amount_after_comma(ls, k)))
			return -1;
		if (ArLexEntryAtStripped(ls, k, LX_TO, NULL) || ArLexEntryAtStripped(ls, k, LX_PCTRATIO, NULL))
			target_ok = true;
		/* سترفع الحكومة مخصصات الصحة بمليار دولار: raised by a sum, ب on
		 * the number itself (not بقيمة، بنحو: worth, about) */
		if (k == it->tok_first - 1 && it->kind == AR_NUM_MONEY && bi_on_number(ls, it))
			target_ok = true;
		if ((*ce = ArLexEntryAtStripped(ls, k, LX_NEGWORD, NULL)) != NULL && ((*ce)->flags & LXF_CUT) &&
			(!((*ce)->flags & LXF_MONEY) || it->kind == AR_NUM_MONEY))
			return -1;
		/* رفع النسبة من 49% إلى 51%: the number after من is where it starts */
		if (k < below && (*ce = ArLexEntryAtStripped(ls, k, LX_CUE, NULL)) != NULL)
		{
			/* ساهم القطاع بنسبة 5% …: look further back (رفعت الدولة ميزانية
			 * الدفاع إلى 3%) */
			if (!cue_fits_amount(ls, *ce, k, it))
				continue;
			return ((*ce)->flags & LXF_TARGET) &&
				(!target_ok || ArLexEntryAt(ls, it->tok_first - 1, LX_FROM)) ? -1 : k;
		}
	}
	return -1;
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
		verb = pl_cue_verb(ls, ce, cue, start, p);
		if (verb == -2)
			return -1;
		/* حصل اللاعب على مكافأة: a prize won is nobody's pledge */
		if (verb >= 0 && pl_receiving_verb(ls, verb) && !(ce->flags & LXF_AMOUNT))
			verb = -1;
		if (verb >= 0 || !(ce->flags & LXF_NEEDSVERB))
			break;
	}
	if (verb >= 0 && pl_verb_names_actor(ls, verb))
		pl_set_actor(ls, it, verb, start, p);
	return 1;
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
	return pl_ends_with_pronoun(ls, k + 1) ? k + 1 : -1;
}

/*
 * A cue verb right after the amount (past التي/الذي) that points back at it:
 * with the object pronoun (… 5 ملايين دولار خصصتها الحكومة، … التي رصدتها
 * الوزارة), or through a verbal noun with it after its subject (… 720 مليون
 * دولار تعهد المانحون بتقديمها).  The verb's token, its subject as the actor
 * in *p, or -1.
 */
static int
cue_verb_after(const ArLexStream *ls, const ArNumItem *it, ArPledge *p)
{
	int			k = it->tok_end + 1;
	const ArLexEntry *ce;

	if (k < ls->n && (pl_word_is(ls, k, "التي") || pl_word_is(ls, k, "الذي")))
		k++;
	if (k >= ls->n || ArLexTokAt(ls, k)->break_before ||
		(ce = ArLexEntryAtStripped(ls, k, LX_CUE, NULL)) == NULL || !(ce->flags & LXF_VERB) ||
		(ce->flags & (LXF_NOUN | LXF_NEEDSVERB | LXF_TARGET)))
		return -1;
	if (pl_ends_with_pronoun(ls, k))
	{
		pl_phrase_at(ls, k + 1, 1, k + 1, ls->n - 1, &p->actor_first, &p->actor_last);
		return k;
	}
	for (int j = k + 1; j < ls->n && j <= k + PHRASE_MAX + 1 && !ArLexTokAt(ls, j)->break_before; j++)
	{
		const ArLexEntry *ne = ArLexEntryAtStripped(ls, j, LX_CUE, NULL);

		if (ne && (ne->flags & LXF_NOUN) && pl_ends_with_pronoun(ls, j))
		{
			pl_phrase_at(ls, k + 1, 1, k + 1, j - 1, &p->actor_first, &p->actor_last);
			return k;
		}
		if (!pl_phrase_word(ls, j))
			return -1;
	}
	return -1;
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
		pl_set_purpose(ls, it, p);
		return AR_PLEDGE_CONTINUED;
	}
	if ((found = pledge_before(ls, it, n, start, p)) < 0)
		return AR_PLEDGE_CANCELLED;
	if (found == 0)
	{
		int			seen = p->cue;	/* a cue the grammar read but did not take */

		pledge_init(p, n, -1);
		if ((after = passive_cue_after(ls, it)) < 0 && (after = cue_verb_after(ls, it, p)) < 0)
		{
			p->cue = seen;
			return seen >= 0 ? AR_PLEDGE_UNSUPPORTED : AR_PLEDGE_NO_CUE;
		}
		p->cue = after;
	}
	pl_set_purpose(ls, it, p);
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
			verb = ce ? pl_cue_verb(ls, ce, k, start, p) : k;
			/* ضخ صندوق الاستثمارات: a cue that may be a verb is one here */
			if (verb < 0 && ce && (ce->flags & LXF_VERB))
				verb = k;
			if (verb >= 0 && pl_verb_names_actor(ls, verb))
				pl_set_actor(ls, it, verb, start, p);
			break;
		}
	}
	if (k < start)
		p->cue = it->tok_first > start ? it->tok_first - 1 : it->tok_first;
	pl_set_purpose(ls, it, p);
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
