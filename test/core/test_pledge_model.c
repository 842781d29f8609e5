/*
 * test_pledge_model.c — unit tests of the pledge classifier
 * (src/core/pledge_features.c, pledge_model.c and its hook in pledges.c),
 * without PostgreSQL.  Run from the repository root (reads
 * data/pledge_context.tsv).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pledge_features.h"
#include "pledge_model.h"
#include "stem.h"
#include "unit.h"

/* A text through the number grammar and the candidate reading. */
typedef struct Doc
{
	ArLexStream ls;
	ArNumList	nums;
	ArPledgeCandList cands;
} Doc;

static void
doc_open(Doc *d, const char *s)
{
	ArLexStreamInit(&d->ls, s, strlen(s));
	ArNumListInit(&d->nums);
	ArNumbersExtract(&d->ls, &d->nums);
	ArArrayInit(&d->cands, 8);
	ArPledgeCandidates(&d->ls, &d->nums, &d->cands);
}

static void
doc_close(Doc *d)
{
	ArArrayFree(&d->cands);
	ArNumListFree(&d->nums);
	ArLexStreamFree(&d->ls);
}

/* The features of the last candidate of s, sorted, into f; their count. */
static int
last_features(const char *s, uint32_t *f)
{
	Doc			d;
	int			n = 0;

	doc_open(&d, s);
	if (d.cands.n > 0)
		n = ArPledgeFeatures(&d.ls, &d.nums, &d.cands, (int) d.cands.n - 1, f);
	doc_close(&d);
	for (int i = 1; i < n; i++)			/* insertion sort: order does not matter to a sum */
		for (int j = i; j > 0 && f[j - 1] > f[j]; j--)
		{
			uint32_t	t = f[j];

			f[j] = f[j - 1];
			f[j - 1] = t;
		}
	return n;
}

/* The values of the pledges of s, "v|v|…", with the model on or off. */
static const char *
pledges_of(const char *s, bool model)
{
	static char out[512];
	ArLexStream ls;
	ArNumList	nums;
	ArPledgeList pl;

	ArPledgeModelSetEnabled(model);
	ArLexStreamInit(&ls, s, strlen(s));
	ArNumListInit(&nums);
	ArNumbersExtract(&ls, &nums);
	ArPledgeListInit(&pl);
	ArPledgesExtract(&ls, &nums, &pl);
	out[0] = 0;
	for (size_t i = 0; i < pl.n; i++)
	{
		char	   *v = ArNumValString(&nums.items[pl.items[i].item].val);

		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s", i ? "|" : "", v ? v : "?");
		ArFree(v);
	}
	ArPledgeListFree(&pl);
	ArNumListFree(&nums);
	ArLexStreamFree(&ls);
	ArPledgeModelSetEnabled(true);
	return out;
}

/* Every example word of data/pledge_context.tsv stems to its row's stem. */
static void
test_context_stems(void)
{
	FILE	   *f = fopen("data/pledge_context.tsv", "r");
	char		line[1024];
	int			rows = 0,
				bad = 0;

	unit_ok(f != NULL, "data/pledge_context.tsv is readable");
	if (!f)
		return;
	while (fgets(line, sizeof line, f))
	{
		char	   *stem = line,
				   *cls,
				   *ex,
				   *w;

		if (line[0] == '#' || strncmp(line, "stem\t", 5) == 0)
			continue;
		line[strcspn(line, "\n")] = 0;
		if (!(cls = strchr(stem, '\t')) || !(ex = strchr(cls + 1, '\t')))
			continue;
		*cls = *ex = 0;
		rows++;
		for (w = strtok(ex + 1, " "); w; w = strtok(NULL, " "))
		{
			ArLexStream ls;
			char		fold[AR_LEX_MAX_WORD];
			size_t		slen = 0;
			const char *s = NULL;
			int			n;

			ArLexStreamInit(&ls, w, strlen(w));
			n = ArLexFoldAt(&ls, 0, fold);
			if (n > 0)
				s = ArStem(fold, (size_t) n, &slen);
			if (!s || slen != strlen(stem) || memcmp(s, stem, slen) != 0)
			{
				bad++;
				printf("#   %s stems to %.*s, not %s\n", w, (int) slen, s ? s : "", stem);
			}
			ArLexStreamFree(&ls);
		}
	}
	fclose(f);
	unit_ok(rows > 100, "pledge_context.tsv has its rows");
	unit_int(bad, 0, "every example stems to its row's stem");
}

/* The committed weights are well formed and match the features. */
static void
test_builtin_weights(void)
{
	const ArPledgeWeights *w = ArPledgeModelBuiltin();
	bool		sorted = true;

	unit_ok(w->n > 0, "the committed model has weights");
	unit_ok(w->hash_bits >= 10 && w->hash_bits <= 24, "hash bits in range");
	for (size_t i = 0; i < w->n; i++)
		if ((i > 0 && w->slots[i] <= w->slots[i - 1]) || (w->slots[i] >> w->hash_bits) != 0)
			sorted = false;
	unit_ok(sorted, "slots strictly increasing, below 2^hash_bits");
	unit_ok(w->prior >= 0, "prior not negative");
	unit_ok(ArPledgeModelEnabled(), "trained on the current features: on by default");
}

/* The score: a sum of slot weights, ± the prior by the grammar's decision. */
static void
test_score(void)
{
	static const uint32_t slots[] = {3, 7, 1000};
	static const int32_t weights[] = {10, -4, 100};
	ArPledgeWeights w = {slots, weights, 3, 10, 50, 0};
	uint32_t	feats[] = {3, 7 + 1024, 1000, 5, 3};	/* 7 + 2^10 keeps slot 7; 5 has no weight */

	unit_int(ArPledgeModelScore(&w, feats, 5, AR_PLEDGE_CUE), 10 - 4 + 100 + 10 + 50, "score with the prior added");
	unit_int(ArPledgeModelScore(&w, feats, 5, AR_PLEDGE_NO_CUE), 10 - 4 + 100 + 10 - 50, "score with the prior taken off");
	unit_int(ArPledgeModelScore(&w, feats, 0, AR_PLEDGE_NO_CUE), -50, "no features: the prior alone");
	unit_int(ArPledgeDistBucket(1), 0, "distance 1: bucket 0");
	unit_int(ArPledgeDistBucket(13), 5, "distance 13: the last bucket");
}

/* Features: deterministic, bounded, local to the sentence. */
static void
test_features(void)
{
	uint32_t	a[AR_PF_MAX_FEATS],
				b[AR_PF_MAX_FEATS];
	int			na,
				nb;
	char	   *long_text;
	size_t		cap = 20000,
				len;

	na = last_features("تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا", a);
	nb = last_features("تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا", b);
	unit_ok(na > 20 && na <= AR_PF_MAX_FEATS, "a candidate has its features");
	unit_ok(na == nb && memcmp(a, b, sizeof(uint32_t) * na) == 0, "the same text gives the same features");
	nb = last_features("بلغ الإنفاق 5 مليارات دولار. تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا", b);
	unit_ok(na == nb && memcmp(a, b, sizeof(uint32_t) * na) == 0, "a sentence before it changes nothing");
	nb = last_features("بلغت صادرات ألمانيا ملياري يورو لأوكرانيا", b);
	unit_ok(na != nb || memcmp(a, b, sizeof(uint32_t) * na) != 0, "another verb gives other features");
	/* a long sentence: the windows are capped */
	long_text = malloc(cap);
	strcpy(long_text, "تعهدت ألمانيا");
	for (len = strlen(long_text); len + 100 < cap; len += strlen(long_text + len))
		strcpy(long_text + len, " بتقديم مساعدات");
	strcpy(long_text + len, " بقيمة 5 ملايين يورو");
	na = last_features(long_text, a);
	unit_ok(na > 20 && na <= AR_PF_MAX_FEATS, "a very long sentence: features within bounds");
	free(long_text);
}

/* The decisions: the grammar's where the model does not decide. */
static void
test_decide(void)
{
	static const uint32_t slots[] = {0};
	static const int32_t weights[] = {0};
	ArPledgeWeights none = {slots, weights, 1, 10, 0, INT32_MAX};	/* turns every decided one down */
	ArPledgeWeights all = {slots, weights, 1, 10, 0, INT32_MIN};	/* takes every decided one */
	Doc			d;

	doc_open(&d, "تعهدت ألمانيا بتقديم ملياري يورو واتفق الحلفاء على رفع الإنفاق إلى 5%، منها 3.5% للدفاع، "
			 "ولم تتعهد فرنسا بتقديم 3 مليارات يورو، وبلغ الإنفاق 900 مليار دولار");
	unit_int((long long) d.cands.n, 5, "five money and percent candidates");
	ArPledgeDecide(&d.ls, &d.nums, &d.cands, NULL);
	unit_ok(d.cands.items[0].pledge && d.cands.items[1].pledge && d.cands.items[2].pledge &&
			!d.cands.items[3].pledge && !d.cands.items[4].pledge, "grammar alone: its own decisions");
	unit_int(d.cands.items[2].whole, 1, "3.5% is a part of 5%");
	ArPledgeDecide(&d.ls, &d.nums, &d.cands, &none);
	unit_ok(!d.cands.items[0].pledge, "a model may turn a money pledge down");
	unit_ok(d.cands.items[1].pledge && d.cands.items[2].pledge, "percentages keep the grammar's decision, parts follow");
	ArPledgeDecide(&d.ls, &d.nums, &d.cands, &all);
	unit_ok(!d.cands.items[3].pledge && !d.cands.items[4].pledge,
			"a negated cue and a statistic's stay turned down");
	doc_close(&d);
	doc_open(&d, "وقال الوزير إن الإنفاق 900 مليار دولار");
	unit_int(d.cands.n == 1 ? d.cands.items[0].rule : -1, AR_PLEDGE_UNSUPPORTED, "a cue noun without its verb");
	ArPledgeDecide(&d.ls, &d.nums, &d.cands, NULL);
	unit_ok(d.cands.n == 1 && !d.cands.items[0].pledge, "… not a pledge for the grammar");
	ArPledgeDecide(&d.ls, &d.nums, &d.cands, &all);
	unit_ok(d.cands.n == 1 && d.cands.items[0].pledge, "… a model may take it");
	doc_close(&d);
}

/* ArPledgesExtract with the committed model, switched on and off. */
static void
test_extract(void)
{
	char	   *big;
	const char *unit = "تعهدت ألمانيا بتقديم 5% ";
	size_t		n = 3000;

	unit_str(pledges_of("تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا", true), "2000000000", "a plain pledge");
	unit_str(pledges_of("ضخ صندوق الاستثمارات العامة 5 مليارات ريال في الشركة الجديدة", false), "",
			 "ضخ with its subject after it: not for the grammar");
	unit_str(pledges_of("ضخ صندوق الاستثمارات العامة 5 مليارات ريال في الشركة الجديدة", true), "5000000000",
			 "… a pledge for the model");
	unit_str(pledges_of("لم تتعهد فرنسا بتقديم 5 مليارات يورو", true), "", "negated");
	unit_str(pledges_of("", true), "", "empty text");
	big = malloc(strlen(unit) * n + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(big + i * strlen(unit), unit, strlen(unit));
	big[strlen(unit) * n] = 0;
	unit_ok(strlen(pledges_of(big, true)) > 0, "3000 candidates: no crash");
	free(big);
}

int
main(void)
{
	test_context_stems();
	test_builtin_weights();
	test_score();
	test_features();
	test_decide();
	test_extract();
	return unit_done();
}
