/*
 * pledge_features.c — hashed features of a pledge candidate (the list is
 * in pledge_features.h).  Each word of the windows is folded and stemmed
 * once into a small array on the stack; every feature is then a mix of a
 * feature id with those hashes.  No allocation.
 */
#include "pledge_features.h"

#include <string.h>

#include "stem.h"

/* A context word class of data/pledge_context.tsv, keyed by stem. */
typedef struct PledgeContextWord
{
	const char *stem;
	uint8_t		len;
	uint8_t		cls;
} PledgeContextWord;

#include "pledge_context_table.h"

/* Feature ids: values only matter for hashing; keep them stable within a
 * feature-set version. */
enum
{
	F_BIAS = 1,
	F_RULE, F_RULE_KIND, F_CUE_FORM, F_CUE_STEM, F_CUE_CLASS, F_CUE_DIST, F_RULE_CUE,
	F_HAS_ACTOR, F_KIND, F_UNIT, F_APPROX, F_WORDS, F_SCALE, F_MAGNITUDE,
	F_PREV1, F_PREV1_STEM, F_PREV2, F_PREV_BIGRAM, F_NEXT1, F_NEXT1_STEM, F_NEXT2, F_NEXT_BIGRAM,
	F_BEFORE_STEM_D, F_BEFORE_STEM, F_AFTER_STEM_D, F_AFTER_STEM,
	F_BEFORE_CLASS_D, F_BEFORE_CLASS, F_AFTER_CLASS_D, F_AFTER_CLASS,
	F_BEFORE_CTX_D, F_BEFORE_CTX, F_AFTER_CTX_D, F_AFTER_CTX,
	F_VERB_STEM, F_VERB_FORM, F_VERB_TENSE, F_VERB_DIST,
	F_CUE_BREAKS, F_BRACKET, F_COMMA_BEFORE, F_ORDER, F_PREV_CAND, F_RULE_PREV1,
	F_SENT_START, F_HEAD_STEM, F_HEAD_CTX, F_HEAD_CLASS, F_NEAR_CUE, F_NEAR_CUE_CLASS
};

/* Lexicon classes of a word, as bits (class_bits). */
enum
{
	C_CUE_VERB = 1 << 0,
	C_CUE_NOUN = 1 << 1,
	C_CUE_NEEDSVERB = 1 << 2,
	C_CUE_TARGET = 1 << 3,
	C_CUE_AMOUNT = 1 << 4,
	C_STAT = 1 << 5,
	C_STAT_QUAL = 1 << 6,
	C_STAT_PRICE = 1 << 7,
	C_NEG = 1 << 8,
	C_EXPECT = 1 << 9,
	C_ACTORVERB = 1 << 10,
	C_RECEIVE = 1 << 11,
	C_CLAUSE = 1 << 12,
	C_QUALPART = 1 << 13,
	C_PASSIVE = 1 << 14,
	C_TO = 1 << 15,
	C_FROM = 1 << 16,
	C_NCLASSES = 17
};

#define NO_WORD		0x9e3779b9u	/* the hash of "no word here" */

/* What the features read of one token. */
typedef struct PfTok
{
	uint32_t	form;			/* folded form, or the token's shape */
	uint32_t	stem;
	uint32_t	classes;		/* C_* bits */
	uint8_t		ctx;			/* context class (pledge_context.tsv), 0 none */
	uint8_t		tense;			/* 0 past or other, 1 present, 2 future */
	bool		is_break;		/* punctuation that breaks a clause (break_punct) */
} PfTok;

#define mix ArHashMix

int
ArPledgeDistBucket(int d)
{
	return d <= 1 ? 0 : d == 2 ? 1 : d <= 4 ? 2 : d <= 7 ? 3 : d <= 12 ? 4 : 5;
}

/* The context class of a stem (binary search of the generated table). */
static uint8_t
context_class(const char *s, size_t len)
{
	int			lo = 0,
				hi = AR_PLEDGE_N_CONTEXT - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		const PledgeContextWord *w = &ar_pledge_context[mid];
		size_t		n = len < w->len ? len : w->len;
		int			c = memcmp(s, w->stem, n);

		if (c == 0)
			c = len < w->len ? -1 : len > w->len ? 1 : 0;
		if (c == 0)
			return w->cls;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return 0;
}

/* The C_* bits of token i. */
static uint32_t
class_bits(const ArLexStream *ls, int i)
{
	const ArLexEntry *e;
	uint32_t	c = 0;

	if ((e = ArLexEntryAtStripped(ls, i, LX_CUE, NULL)) != NULL)
		c |= ((e->flags & LXF_VERB) ? C_CUE_VERB : 0) | ((e->flags & LXF_NOUN) ? C_CUE_NOUN : 0) |
			((e->flags & LXF_NEEDSVERB) ? C_CUE_NEEDSVERB : 0) |
			((e->flags & LXF_TARGET) ? C_CUE_TARGET : 0) | ((e->flags & LXF_AMOUNT) ? C_CUE_AMOUNT : 0);
	if ((e = ArLexEntryAtStripped(ls, i, LX_STAT, NULL)) != NULL)
		c |= C_STAT | ((e->flags & LXF_QUAL) ? C_STAT_QUAL : 0) | ((e->flags & LXF_PRICE) ? C_STAT_PRICE : 0);
	if ((e = ArLexEntryAtStripped(ls, i, LX_NEGWORD, NULL)) != NULL)
		c |= (e->flags & LXF_EXPECT) ? C_EXPECT : C_NEG;
	if ((e = ArLexEntryAtStripped(ls, i, LX_ACTORVERB, NULL)) != NULL)
		c |= C_ACTORVERB | ((e->flags & LXF_RECEIVE) ? C_RECEIVE : 0);
	if ((e = ArLexEntryAtStripped(ls, i, LX_PARTICLE, NULL)) != NULL)
		c |= ((e->flags & LXF_CLAUSE) ? C_CLAUSE : 0) | ((e->flags & LXF_QUAL) ? C_QUALPART : 0) |
			((e->flags & LXF_PASSIVE) ? C_PASSIVE : 0);
	if (ArLexEntryAtStripped(ls, i, LX_TO, NULL))
		c |= C_TO;
	if (ArLexEntryAt(ls, i, LX_FROM))
		c |= C_FROM;
	return c;
}

static bool break_punct(const ArLexStream *ls, int k);

/* Fill *t for token i: folded form, stem, classes, context class, tense. */
static void
read_token(const ArLexStream *ls, int i, PfTok *t)
{
	char		w[AR_LEX_MAX_WORD];
	const ArLexTok *tok = ArLexTokAt(ls, i);
	int			n = ArLexFoldAt(ls, i, w);

	memset(t, 0, sizeof(*t));
	if (n <= 0)
	{
		/* digits, Latin, punctuation: the type, and the character of punctuation */
		t->form = t->stem = mix(tok->type, tok->type == AR_TOK_PUNCT ? tok->first_cp : 0, 0);
		t->is_break = break_punct(ls, i);
		return;
	}
	{
		size_t		slen;
		const char *s = ArStem(w, (size_t) n, &slen);

		t->form = ArHashBytes(w, (size_t) n);
		t->stem = ArHashBytes(s, slen);
		t->ctx = context_class(s, slen);
	}
	t->classes = class_bits(ls, i);
	/* سيقدم، ستخصص: future; يقدم، تقدم، نقدم: present (a guess from the prefix) */
	if (n > 4 && memcmp(w, "\xd8\xb3", 2) == 0 &&
		(memcmp(w + 2, "\xd9\x8a", 2) == 0 || memcmp(w + 2, "\xd8\xaa", 2) == 0 ||
		 memcmp(w + 2, "\xd9\x86", 2) == 0))
		t->tense = 2;
	else if (memcmp(w, "\xd9\x8a", 2) == 0 || memcmp(w, "\xd9\x86", 2) == 0)
		t->tense = 1;
}

/* Room for the feature hashes of one candidate. */
typedef struct PfOut
{
	uint32_t   *f;
	int			n;
} PfOut;

static inline void
emit(PfOut *o, uint32_t id, uint32_t a, uint32_t b)
{
	if (o->n < AR_PF_MAX_FEATS)
		o->f[o->n++] = mix(id, a, b);
}

/* One feature per class bit of c, with and without the bucket. */
static void
emit_classes(PfOut *o, uint32_t id_d, uint32_t id, uint32_t c, int bucket)
{
	for (int b = 0; b < C_NCLASSES; b++)
		if (c & (1u << b))
		{
			emit(o, id_d, b, bucket);
			emit(o, id, b, 0);
		}
}

/* The features of the number itself. */
static void
number_features(const ArNumItem *it, uint32_t rule, PfOut *o)
{
	int64_t		v = ArNumValSmallInt(&it->val);
	int			mag = 0;

	emit(o, F_KIND, it->kind, 0);
	emit(o, F_RULE_KIND, rule, it->kind);
	emit(o, F_UNIT, it->unit ? ArHashBytes(it->unit, strlen(it->unit)) : 0, 0);
	emit(o, F_APPROX, it->approx, it->kind);
	emit(o, F_WORDS, it->words, it->kind);
	emit(o, F_SCALE, it->scale, it->kind);
	if (v < 0)
		mag = 20;				/* a fraction, or beyond 10^18 */
	else
		while (v >= 10 && mag < 19)
		{
			v /= 10;
			mag++;
		}
	emit(o, F_MAGNITUDE, it->kind == AR_NUM_PERCENT ? mag : mag / 3, it->kind);
}

/* The words right around the mention. */
static void
neighbour_features(const PfTok *before, int nb, const PfTok *after, int na, PfOut *o)
{
	uint32_t	p1 = nb > 0 ? before[0].form : NO_WORD;
	uint32_t	p2 = nb > 1 ? before[1].form : NO_WORD;
	uint32_t	n1 = na > 0 ? after[0].form : NO_WORD;
	uint32_t	n2 = na > 1 ? after[1].form : NO_WORD;

	emit(o, F_PREV1, p1, 0);
	emit(o, F_PREV1_STEM, nb > 0 ? before[0].stem : NO_WORD, 0);
	emit(o, F_PREV2, p2, 0);
	emit(o, F_PREV_BIGRAM, p2, p1);
	emit(o, F_NEXT1, n1, 0);
	emit(o, F_NEXT1_STEM, na > 0 ? after[0].stem : NO_WORD, 0);
	emit(o, F_NEXT2, n2, 0);
	emit(o, F_NEXT_BIGRAM, n1, n2);
}

/* The feature ids of one side of the mention: with a distance bucket, without. */
typedef struct PfSide
{
	uint32_t	stem_d,
				stem,
				class_d,
				class,
				ctx_d,
				ctx;
} PfSide;

static const PfSide side_before = {F_BEFORE_STEM_D, F_BEFORE_STEM, F_BEFORE_CLASS_D, F_BEFORE_CLASS,
F_BEFORE_CTX_D, F_BEFORE_CTX};
static const PfSide side_after = {F_AFTER_STEM_D, F_AFTER_STEM, F_AFTER_CLASS_D, F_AFTER_CLASS,
F_AFTER_CTX_D, F_AFTER_CTX};

/* Every word of one side, nearest first: stems, classes, context classes. */
static void
side_features(const PfTok *toks, int n, const PfSide *ids, PfOut *o)
{
	for (int k = 0; k < n; k++)
	{
		int			b = ArPledgeDistBucket(k + 1);

		emit(o, ids->stem_d, toks[k].stem, b);
		emit(o, ids->stem, toks[k].stem, 0);
		emit_classes(o, ids->class_d, ids->class, toks[k].classes, b);
		if (toks[k].ctx)
		{
			emit(o, ids->ctx_d, toks[k].ctx, b);
			emit(o, ids->ctx, toks[k].ctx, 0);
		}
	}
}

/* The words of both sides, and the nearest verb before the mention. */
static void
window_features(const PfTok *before, int nb, const PfTok *after, int na, PfOut *o)
{
	int			k;

	side_features(before, nb, &side_before, o);
	for (k = 0; k < nb && !(before[k].classes & (C_CUE_VERB | C_ACTORVERB | C_STAT)); k++)
		;
	if (k < nb)
	{
		emit(o, F_VERB_STEM, before[k].stem, 0);
		emit(o, F_VERB_FORM, before[k].form, 0);
		emit(o, F_VERB_TENSE, before[k].tense, before[k].classes & (C_CUE_VERB | C_STAT));
		emit(o, F_VERB_DIST, ArPledgeDistBucket(k + 1), before[k].classes & (C_CUE_VERB | C_STAT));
	}
	else
		emit(o, F_VERB_STEM, NO_WORD, 0);
	side_features(after, na, &side_after, o);
}

/*
 * The noun an amount qualifies, past the words that only introduce the
 * amount (منحة بقيمة، قرض قيمته، جائزة مالية قدرها، مساعدات تصل إلى نحو):
 * its stem, context class and lexicon classes.  before[] holds the words
 * nearest first; nothing when no such word stands right before the amount.
 */
static void
head_features(const ArLexStream *ls, const ArNumItem *it, const PfTok *before, int nb, PfOut *o)
{
	int			k = 0;

	while (k < nb && k < 4 &&
		   ((before[k].classes & (C_QUALPART | C_STAT_QUAL | C_TO)) ||
			ArLexEntryAtStripped(ls, it->tok_first - 1 - k, LX_APPROX, NULL)))
		k++;
	if (k == 0 || k == nb)
		return;
	/* one adjective may follow the noun (جائزة مالية قدرها) */
	for (int j = k; j < nb && j <= k + 1; j++)
	{
		emit(o, F_HEAD_STEM, before[j].stem, j - k);
		if (before[j].ctx)
			emit(o, F_HEAD_CTX, before[j].ctx, j - k);
		emit(o, F_HEAD_CLASS, before[j].classes & (C_CUE_VERB | C_CUE_NOUN | C_CUE_AMOUNT | C_CUE_NEEDSVERB | C_STAT),
			 j - k);
	}
}

/* The nearest commitment cue or actor verb before the amount, whatever the
 * grammar made of it: its stem with the clause breaks and statistic words
 * between it and the amount. */
static void
near_cue_features(const PfTok *before, int nb, PfOut *o)
{
	int			breaks = 0,
				stats = 0;

	for (int k = 0; k < nb; k++)
	{
		if (before[k].classes & (C_CUE_VERB | C_CUE_NOUN | C_ACTORVERB))
		{
			uint32_t	shape = (breaks > 2 ? 2 : breaks) * 4 + (stats > 1 ? 1 : stats) * 2;

			emit(o, F_NEAR_CUE, before[k].stem, shape);
			emit(o, F_NEAR_CUE_CLASS, before[k].classes & (C_CUE_VERB | C_CUE_NOUN | C_ACTORVERB | C_CUE_NEEDSVERB),
				 shape + ArPledgeDistBucket(k + 1) * 16);
			return;
		}
		breaks += before[k].is_break;
		stats += (before[k].classes & (C_STAT | C_CLAUSE)) != 0;
	}
	emit(o, F_NEAR_CUE, NO_WORD, 0);
}

/* Is token k punctuation that breaks a clause or a phrase? */
static bool
break_punct(const ArLexStream *ls, int k)
{
	const ArLexTok *t = ArLexTokAt(ls, k);

	return t->type == AR_TOK_PUNCT &&
		(t->first_cp == ',' || t->first_cp == AR_CP_COMMA || t->first_cp == ';' ||
		 t->first_cp == AR_CP_SEMICOLON || t->first_cp == ':' || t->first_cp == '(' ||
		 t->first_cp == ')' || t->first_cp == '"' || t->first_cp == 0x00AB || t->first_cp == 0x00BB);
}

/* The grammar's reading: decision, cue, actor, breaks between cue and amount. */
static void
grammar_features(const ArLexStream *ls, const ArPledgeCand *c, const ArNumItem *it, PfOut *o)
{
	uint32_t	rule = (uint32_t) c->rule;

	emit(o, F_RULE, rule, 0);
	emit(o, F_HAS_ACTOR, rule, c->p.actor_first >= 0);
	if (c->p.cue >= 0 && c->p.cue < it->tok_first)
	{
		PfTok		t;
		int			breaks = 0;

		read_token(ls, c->p.cue, &t);
		emit(o, F_CUE_FORM, t.form, 0);
		emit(o, F_CUE_STEM, t.stem, 0);
		emit(o, F_RULE_CUE, rule, t.stem);
		emit(o, F_CUE_CLASS, t.classes, rule);
		emit(o, F_CUE_DIST, ArPledgeDistBucket(it->tok_first - c->p.cue), rule);
		for (int k = c->p.cue + 1; k < it->tok_first; k++)
			breaks += break_punct(ls, k);
		emit(o, F_CUE_BREAKS, breaks > 2 ? 2 : breaks, rule);
	}
	else
		emit(o, F_CUE_FORM, c->p.cue >= 0 ? 1 : 0, rule);
}

/* Where the mention stands: bracket, comma before it, order among the
 * candidates of its sentence, the previous candidate. */
static void
position_features(const ArLexStream *ls, const ArNumList *nums, const ArPledgeCandList *cands,
				  int i, int start, PfOut *o)
{
	const ArNumItem *it = &nums->items[cands->items[i].p.item];
	int			order = 0;

	for (int k = it->tok_first - 1; k >= start && k >= it->tok_first - 6; k--)
	{
		if (ArLexIsPunct(ls, k, ')'))
			break;
		if (ArLexIsPunct(ls, k, '('))
		{
			emit(o, F_BRACKET, 1, it->tok_first - k);
			break;
		}
	}
	emit(o, F_COMMA_BEFORE, it->tok_first > start && break_punct(ls, it->tok_first - 1), 0);
	emit(o, F_SENT_START, ArPledgeDistBucket(it->tok_first - start + 1), 0);
	for (int j = i - 1; j >= 0 && nums->items[cands->items[j].p.item].tok_end >= start; j--)
		order++;
	emit(o, F_ORDER, order > 2 ? 2 : order, 0);
	if (order > 0)
	{
		const ArPledgeCand *pc = &cands->items[i - 1];
		int			gap = it->tok_first - nums->items[pc->p.item].tok_end;

		emit(o, F_PREV_CAND, ArPledgeRuleAccepts(pc->rule), ArPledgeDistBucket(gap));
	}
}

int
ArPledgeFeatures(const ArLexStream *ls, const ArNumList *nums, const ArPledgeCandList *cands,
				 int i, uint32_t *feats)
{
	const ArPledgeCand *c = &cands->items[i];
	const ArNumItem *it = &nums->items[c->p.item];
	PfTok		before[AR_PF_BEFORE];
	PfTok		after[AR_PF_AFTER];
	int			nb = 0,
				na = 0,
				start = it->tok_first;
	PfOut		o = {feats, 0};

	/* the sentence around the mention, nearest words first */
	while (nb < AR_PF_BEFORE && start > 0 && !ArLexTokAt(ls, start)->break_before)
		read_token(ls, --start, &before[nb++]);
	for (int k = it->tok_end + 1; na < AR_PF_AFTER && k < ls->n && !ArLexTokAt(ls, k)->break_before; k++)
		read_token(ls, k, &after[na++]);

	emit(&o, F_BIAS, 0, 0);
	grammar_features(ls, c, it, &o);
	number_features(it, (uint32_t) c->rule, &o);
	neighbour_features(before, nb, after, na, &o);
	emit(&o, F_RULE_PREV1, c->rule, nb > 0 ? before[0].form : NO_WORD);
	window_features(before, nb, after, na, &o);
	head_features(ls, it, before, nb, &o);
	near_cue_features(before, nb, &o);
	position_features(ls, nums, cands, i, start, &o);
	return o.n;
}
