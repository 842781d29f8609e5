/*
 * ner_tag.c — ArEntitiesExtract with a trained model.
 *
 * The rules run first and describe the words (ArEntitiesRules); the model
 * tags the words in chunks (at most CHUNK words, cut where punctuation
 * stands between words), so the memory used is fixed whatever the length
 * of the text.  Then the results are merged: a model span takes the
 * offsets and canonical of the rule entity with the same words when there
 * is one (gazetteer canonicals, government bodies, clubs, coreference),
 * else its own surface (or, for one word, the canonical of an earlier
 * person with that last name).  NAT rows come from the rules, unless a
 * model span covers them.
 */
#include "ner_tag.h"

#include <string.h>

#define CHUNK		512
#define MAX_PEOPLE	64

static const ArNerModel *current_model = NULL;
static int	current_policy = AR_NER_POLICY_DEFAULT;

void
ArEntitiesSetModel(const ArNerModel *m)
{
	current_model = m;
}

const ArNerModel *
ArEntitiesModel(void)
{
	return current_model;
}

void
ArNerTagSetPolicy(int policy)
{
	current_policy = policy;
}

/* A span of words [a, b) with a kind, from the model or the rules. */
typedef struct Span
{
	size_t		a;
	size_t		b;
	ArEntKind	kind;
	int32_t		rule_ent;		/* a rule entity over exactly these words, or -1 */
} Span;

typedef struct TagState
{
	const ArNerWords *w;
	const char *src;
	ArEntityList *out;			/* rule entities at [first, …) */
	size_t		first;
	uint8_t    *tags;			/* model tag per word */
	uint8_t    *dropped;		/* per word: the model span here lost to a rule */
	size_t		people[MAX_PEOPLE];	/* last words of multi-word persons emitted */
	size_t		people_ent[MAX_PEOPLE];
	int			npeople;
} TagState;

/* The model's tags of every word, chunk by chunk. */
static void
decode_all(const ArNerModel *m, const ArNerWords *w, uint8_t *tags)
{
	size_t		chunk = w->n < CHUNK ? (w->n ? w->n : 1) : CHUNK;
	uint32_t   *wh = ArAlloc(AR_NER_WORD_HASHES * (w->n ? w->n : 1) * sizeof(uint32_t));
	uint32_t   *feats = ArAlloc(chunk * AR_NER_MAX_FEATS * sizeof(uint32_t));
	uint8_t    *nfeat = ArAlloc(chunk);
	void	   *scratch = ArAlloc(ArNerScratchSize(chunk));
	size_t		from = 0;

	ArNerWordHashes(w, wh);
	while (from < w->n)
	{
		size_t		to = w->n,
					k;

		AR_CHECK_INTERRUPTS();
		if (to - from > CHUNK)
		{
			/* cut before the last word after punctuation, if any */
			to = from + CHUNK;
			for (k = to - 1; k > from + CHUNK / 2; k--)
				if (w->items[k].gap != AR_NER_GAP_NONE)
				{
					to = k;
					break;
				}
		}
		ArNerFeatures(w, wh, from, to, feats, nfeat);
		ArNerModelDecode(m, feats, nfeat, AR_NER_MAX_FEATS, to - from, scratch, tags + from);
		from = to;
	}
	ArFree(wh);
	ArFree(feats);
	ArFree(nfeat);
	ArFree(scratch);
}

/* Is every word of [a, b) a Latin word in lower case ("and the")? */
static bool
lowercase_latin(const ArNerWords *w, const char *src, size_t a, size_t b)
{
	size_t		k;

	for (k = a; k < b; k++)
	{
		unsigned char c = (unsigned char) src[w->items[k].byte_start];

		if (!w->items[k].latin || c < 'a' || c > 'z')
			return false;
	}
	return true;
}

/*
 * Model spans that cannot be names become none, unless the rules tagged
 * them: a lone currency noun (after an amount, ريال is money, whatever the
 * club is called), and Latin words in lower case (the model learnt its
 * Latin from a few capitalized names in Arabic text).
 */
static void
drop_impossible_spans(const ArNerWords *w, const char *src, uint8_t *tags)
{
	size_t		a,
				b,
				k;

	for (a = 0; a < w->n; a = b)
	{
		b = a + 1;
		if (!(tags[a] & 1))
			continue;
		while (b < w->n && tags[b] == tags[a] + 1)
			b++;
		if (w->items[a].rule != AR_NER_O)
			continue;
		if ((b == a + 1 && ArNerIsCurrency(w, a)) || lowercase_latin(w, src, a, b))
			for (k = a; k < b; k++)
				tags[k] = AR_NER_O;
	}
}

/* The kind of a B tag. */
static ArEntKind
tag_kind(int tag)
{
	return tag <= AR_NER_I_PER ? AR_ENT_PER : tag <= AR_NER_I_ORG ? AR_ENT_ORG : AR_ENT_LOC;
}

/* The words [a, b) of the rule entity starting at word a. */
static size_t
rule_end(const ArNerWords *w, size_t a)
{
	size_t		b = a + 1;
	int			in = w->items[a].rule + 1;

	while (b < w->n && w->items[b].rule == in)
		b++;
	return b;
}

/* The model span starting at word a (a B tag), or a = n. */
static size_t
model_end(const TagState *st, size_t a)
{
	size_t		b = a + 1;

	while (b < st->w->n && st->tags[b] == st->tags[a] + 1)
		b++;
	return b;
}

/* Does any model span (not dropped) cover a word of [a, b)? */
static bool
model_covers(const TagState *st, size_t a, size_t b)
{
	size_t		k;

	for (k = a; k < b; k++)
		if (st->tags[k] != AR_NER_O && !st->dropped[k])
			return true;
	return false;
}

/* Drop the model spans that overlap [a, b). */
static void
drop_model_spans(TagState *st, size_t a, size_t b)
{
	size_t		s = a,
				e;

	while (s > 0 && st->tags[s] != AR_NER_O && !(st->tags[s] & 1))
		s--;					/* back to the B of a span running into a */
	for (; s < b; s = e)
	{
		e = s + 1;
		if (st->tags[s] == AR_NER_O || !(st->tags[s] & 1))
			continue;
		e = model_end(st, s);
		memset(st->dropped + s, 1, e - s);
	}
}

/* Copy rule entity r (changing its kind) to the end of *res. */
static void
push_rule(TagState *st, ArEntityList *res, int32_t r, ArEntKind kind)
{
	const ArEntity *x = &st->out->items[r];
	ArEntity   *e = ArArrayPush(res);

	*e = *x;
	e->kind = kind;
	e->canon_off = res->canon.len;
	ArBufAppend(&res->canon, st->out->canon.data + x->canon_off, x->canon_len);
}

/* The canonical of an earlier person whose last word is word i, or -1. */
static int32_t
person_by_last_word(const TagState *st, const ArEntityList *res, size_t i)
{
	const ArNerWord *x = &st->w->items[i];
	const char *norm = st->w->norm.data;
	int			k;

	for (k = st->npeople - 1; k >= 0; k--)
	{
		const ArNerWord *y = &st->w->items[st->people[k]];

		if (y->norm_len == x->norm_len &&
			memcmp(norm + y->norm_off, norm + x->norm_off, x->norm_len) == 0)
			return (int32_t) st->people_ent[k];
	}
	(void) res;
	return -1;
}

/* Emit the model span [a, b) of kind into *res. */
static void
push_model_span(TagState *st, ArEntityList *res, size_t a, size_t b, ArEntKind kind)
{
	const ArNerWord *x = &st->w->items[a],
			   *z = &st->w->items[b - 1];
	int32_t		r = x->rule_ent,
				p;
	ArEntity   *e;

	if (r >= 0 && rule_end(st->w, a) == b && st->out->items[r].kind != AR_ENT_NAT)
		push_rule(st, res, r, kind);
	else
	{
		e = ArArrayPush(res);
		e->kind = kind;
		e->byte_start = x->byte_start + x->name_byte_skip;
		e->char_start = x->char_start + x->name_char_skip;
		e->byte_len = z->byte_start + z->byte_len - e->byte_start;
		e->char_len = z->char_start + z->char_len - e->char_start;
		e->canon_off = res->canon.len;
		if (kind == AR_ENT_PER && b == a + 1 && (p = person_by_last_word(st, res, a)) >= 0)
		{
			/* the source is in the same buffer: grow it first, or it moves under the copy */
			ArBufReserve(&res->canon, res->items[p].canon_len);
			ArBufAppend(&res->canon, res->canon.data + res->items[p].canon_off,
						res->items[p].canon_len);
		}
		else
			ArEntitiesSurfaceCanon(&res->canon, st->src, e->byte_start,
								   e->byte_start + e->byte_len);
		e->canon_len = res->canon.len - e->canon_off;
	}
	if (kind == AR_ENT_PER && b > a + 1 && st->npeople < MAX_PEOPLE)
	{
		st->people[st->npeople] = b - 1;
		st->people_ent[st->npeople++] = res->n - 1;
	}
}

/* Does the rule entity starting at word a beat the model spans it
 * overlaps?  The conventions always (government bodies, clubs); gazetteer
 * entries and foreign family names (-فيتش، -سكي) under AR_NER_GAZ_WINS. */
static bool
rule_wins(const TagState *st, size_t a)
{
	int			why = st->w->items[a].rule_why;

	return why == AR_NER_WHY_CONVENTION ||
		((why == AR_NER_WHY_GAZETTEER || why == AR_NER_WHY_SHAPE) &&
		 (current_policy & AR_NER_GAZ_WINS));
}

/* Drop the model spans the winning rule entities overlap. */
static void
rules_win(TagState *st)
{
	size_t		a,
				b;

	for (a = 0; a < st->w->n; a = b)
	{
		int32_t		r = st->w->items[a].rule_ent;

		b = a + 1;
		if (r < 0)
			continue;
		b = rule_end(st->w, a);
		if (st->out->items[r].kind != AR_ENT_NAT && rule_wins(st, a))
			drop_model_spans(st, a, b);
	}
}

/* Should the rule entity r over [a, b) be in the result?  Not where a
 * model span stands; NAT rows and conventions always; gazetteer entries
 * and foreign family names under AR_NER_KEEP_GAZ_RULES; any under
 * AR_NER_KEEP_ALL_RULES. */
static bool
keep_rule(const TagState *st, int32_t r, size_t a, size_t b)
{
	ArEntKind	kind = st->out->items[r].kind;
	int			why = st->w->items[a].rule_why;

	if (model_covers(st, a, b))
		return false;
	if (kind == AR_ENT_NAT || why == AR_NER_WHY_CONVENTION ||
		(current_policy & AR_NER_KEEP_ALL_RULES))
		return true;
	if (why == AR_NER_WHY_GAZETTEER || why == AR_NER_WHY_SHAPE)
		return (current_policy & (AR_NER_KEEP_GAZ_RULES | AR_NER_GAZ_WINS)) != 0;
	return false;
}

/* The merged entities, in text order, into *res. */
static void
merge(TagState *st, ArEntityList *res)
{
	const ArNerWords *w = st->w;
	size_t		a = 0,
				b;

	rules_win(st);
	while (a < w->n)
	{
		int			t = st->tags[a];
		int32_t		r = w->items[a].rule_ent;

		if (t != AR_NER_O && (t & 1) && !st->dropped[a])
		{
			b = model_end(st, a);
			push_model_span(st, res, a, b, tag_kind(t));
			a = b;
			continue;
		}
		if (r >= 0 && keep_rule(st, r, a, b = rule_end(w, a)))
		{
			push_rule(st, res, r, st->out->items[r].kind);
			a = b;
			continue;
		}
		a++;
	}
}

void
ArNerTagExtract(const ArNerModel *m, const char *s, size_t len, ArEntityList *out)
{
	ArNerWords	w;
	ArEntityList res;
	TagState	st;
	size_t		k,
				canon_first = out->canon.len;

	memset(&st, 0, sizeof(st));
	ArNerWordsInit(&w);
	st.first = out->n;
	ArEntitiesRules(s, len, out, &w);
	st.w = &w;
	st.src = s;
	st.out = out;
	st.tags = ArAlloc(2 * (w.n ? w.n : 1));
	st.dropped = st.tags + w.n;
	memset(st.dropped, 0, w.n);
	decode_all(m, &w, st.tags);
	drop_impossible_spans(&w, s, st.tags);

	ArEntityListInit(&res);
	merge(&st, &res);

	/* replace the rule entities by the merged ones */
	out->n = st.first;
	out->canon.len = canon_first;
	if (out->canon.data)
		out->canon.data[canon_first] = '\0';
	for (k = 0; k < res.n; k++)
	{
		ArEntity   *e = ArArrayPush(out);

		*e = res.items[k];
		e->canon_off = out->canon.len;
		ArBufAppend(&out->canon, res.canon.data + res.items[k].canon_off, res.items[k].canon_len);
	}
	ArEntityListFree(&res);
	ArFree(st.tags);
	ArNerWordsFree(&w);
}
