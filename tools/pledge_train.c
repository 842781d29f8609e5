/*
 * pledge_train.c — trains, cross-validates and runs the pledge classifier
 * of src/core/pledge_model.h, with the core linked in (make train-pledges).
 *
 *   pledge_train cands SENTENCES
 *        every money and percent mention (the classifier's candidates):
 *        rows "sid idx kind value unit rule" for tools/pledge_labels.py
 *   pledge_train cv SENTENCES LABELS [-k FOLDS] [-e EPOCHS] [-b HASH_BITS] [-r RUNS] [-p PRIOR]
 *        K folds by sentence: on stderr the out-of-fold F1 of each prior, and
 *        P/R/F1 of the grammar alone and of the model with the prior and
 *        threshold chosen (-p: that prior only); then the out-of-fold
 *        decisions, rows "sid idx pledge score rule label" (as apply's)
 *   pledge_train train SENTENCES LABELS OUT [same options]
 *        prior and threshold by cross-validation as above, then RUNS
 *        averaged perceptrons (default 5) over every labelled candidate the
 *        model decides; weights written to OUT (data/pledge_model.tsv's
 *        format)
 *   pledge_train apply MODEL SENTENCES
 *        the decisions of ArPledgeDecide with the weights of MODEL: rows
 *        "sid idx pledge score rule" (score less the threshold)
 *   pledge_train diff SENTENCES
 *        ArPledgesExtract with the committed weights against the grammar
 *        alone: rows "sid value unit grammar|model" for every pledge only
 *        one of them finds
 *
 * SENTENCES: "sid <TAB> text" lines (test/eval/pledges/load.py).  LABELS:
 * "sid <TAB> idx <TAB> 0|1" per candidate of a judged sentence, and "sid
 * <TAB> -1 <TAB> n" for n judged pledges no candidate matches (recall
 * counts them as missed).  Training is deterministic: the example order of
 * each epoch comes from a fixed-seed generator, the weights are integers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pledge_features.h"
#include "pledge_model.h"

#define SEED		20261205u
#define SCALE		100			/* stored weight = average weight × SCALE */
#define MAX_LINE	(1 << 20)

/* One candidate with its features. */
typedef struct Example
{
	int			sent;			/* index of its sentence */
	int			idx;			/* candidate index within the sentence */
	int			rule;			/* ArPledgeRule */
	bool		decided;		/* by the model (ArPledgeModelDecides), else by the grammar */
	int			whole;			/* a part: the example of its whole, else -1 */
	int			label;			/* 1 pledge, 0 not, -1 not labelled */
	int			nfeat;
	uint32_t	feats[AR_PF_MAX_FEATS];
} Example;

typedef struct Data
{
	char	  **sid;			/* per sentence */
	int			nsent;
	Example    *ex;
	int			nex;
	int			missed;			/* judged pledges no candidate matches */
} Data;

typedef struct Options
{
	int			folds;
	int			epochs;
	int			bits;
	int64_t		prior;			/* -p: this prior only (-1: choose by CV) */
	int			runs;			/* -r: perceptrons averaged, each its own order */
} Options;

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
	{
		fprintf(stderr, "pledge_train: out of memory\n");
		exit(1);
	}
	return p;
}

/* What reading sentences prints: the candidates (cands), or the decisions
 * and scores of a model (apply); neither for training. */
typedef struct Printing
{
	bool		cands;
	const ArPledgeWeights *apply;
} Printing;

/* The candidates of one sentence, with their features, appended to d. */
static void
add_sentence(Data *d, const char *sid, const char *text, const Printing *pr)
{
	ArLexStream ls;
	ArNumList	nums;
	ArPledgeCandList cands;

	d->sid = xrealloc(d->sid, sizeof(char *) * (d->nsent + 1));
	d->sid[d->nsent] = strdup(sid);
	ArLexStreamInit(&ls, text, strlen(text));
	ArNumListInit(&nums);
	ArNumbersExtract(&ls, &nums);
	ArArrayInit(&cands, 8);
	ArPledgeCandidates(&ls, &nums, &cands);
	if (pr->apply)
		ArPledgeDecide(&ls, &nums, &cands, pr->apply);
	for (size_t i = 0; i < cands.n; i++)
	{
		Example    *e;

		d->ex = xrealloc(d->ex, sizeof(Example) * (d->nex + 1));
		e = &d->ex[d->nex++];
		e->sent = d->nsent;
		e->idx = (int) i;
		e->rule = cands.items[i].rule;
		e->decided = ArPledgeModelDecides(cands.items[i].rule, nums.items[cands.items[i].p.item].kind);
		e->whole = cands.items[i].whole >= 0 ? d->nex - 1 - ((int) i - cands.items[i].whole) : -1;
		e->label = -1;
		e->nfeat = ArPledgeFeatures(&ls, &nums, &cands, (int) i, e->feats);
		if (pr->apply)
			printf("%s\t%zu\t%d\t%lld\t%d\n", sid, i, cands.items[i].pledge,
				   (long long) (ArPledgeModelScore(pr->apply, e->feats, e->nfeat, e->rule) - pr->apply->threshold),
				   e->rule);
		if (pr->cands)
		{
			const ArNumItem *it = &nums.items[cands.items[i].p.item];
			char	   *v = ArNumValString(&it->val);

			printf("%s\t%zu\t%s\t%s\t%s\t%d\n", sid, i, ArNumKindName(it->kind), v ? v : "",
				   it->unit ? it->unit : "", e->rule);
			ArFree(v);
		}
	}
	d->nsent++;
	ArArrayFree(&cands);
	ArNumListFree(&nums);
	ArLexStreamFree(&ls);
}

/* Read "sid <TAB> text" lines. */
static void
read_sentences(const char *path, Data *d, const Printing *pr)
{
	FILE	   *f = fopen(path, "r");
	char	   *line = xrealloc(NULL, MAX_LINE);

	if (!f)
	{
		perror(path);
		exit(1);
	}
	while (fgets(line, MAX_LINE, f))
	{
		char	   *tab = strchr(line, '\t');
		size_t		n = strlen(line);

		if (n && line[n - 1] == '\n')
			line[--n] = 0;
		if (!tab)
			continue;
		*tab = 0;
		add_sentence(d, line, tab + 1, pr);
	}
	fclose(f);
	free(line);
}

/* Read the labels: "sid idx label" lines, "sid -1 n" for missed pledges. */
static void
read_labels(const char *path, Data *d)
{
	FILE	   *f = fopen(path, "r");
	char		sid[256];
	int			idx,
				label,
				s = 0;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	while (fscanf(f, "%255s %d %d", sid, &idx, &label) == 3)
	{
		if (idx < 0)
		{
			d->missed += label;
			continue;
		}
		/* labels come in sentence order: find the example */
		for (; s < d->nex; s++)
			if (strcmp(d->sid[d->ex[s].sent], sid) == 0 && d->ex[s].idx == idx)
				break;
		if (s == d->nex)
		{
			fprintf(stderr, "pledge_train: %s: label of %s %d matches no candidate (in order)\n", path, sid, idx);
			exit(1);
		}
		d->ex[s].label = label;
	}
	fclose(f);
}

/* A fixed-seed generator (xorshift32) for the example order. */
static uint32_t
next_rand(uint32_t *state)
{
	uint32_t	x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* FNV-1a of a sentence id: its fold. */
static int
fold_of(const char *sid, int folds)
{
	return (int) (ArHashBytes(sid, strlen(sid)) % (uint32_t) folds);
}

/*
 * One averaged perceptron over the examples with use[i] set, the example
 * order of each epoch drawn from seed; adds the average weights × SCALE,
 * rounded, to sum (2^bits int64).  Integer arithmetic only, so every
 * machine gets the same weights.
 */
static void
perceptron_run(const Data *d, const bool *use, const Options *o, uint32_t seed, int64_t *sum)
{
	size_t		nslots = (size_t) 1 << o->bits;
	uint32_t	mask = (uint32_t) nslots - 1;
	int64_t    *w = calloc(nslots, sizeof(int64_t));
	int64_t    *u = calloc(nslots, sizeof(int64_t));
	int		   *order = xrealloc(NULL, sizeof(int) * (d->nex + 1));
	int			n = 0;
	int64_t		c = 1;
	uint32_t	state = seed;

	if (!w || !u)
		xrealloc(NULL, (size_t) -1);	/* reports out of memory */
	for (int i = 0; i < d->nex; i++)
		if (use[i] && d->ex[i].label >= 0 && d->ex[i].decided)
			order[n++] = i;
	for (int epoch = 0; epoch < o->epochs; epoch++)
	{
		for (int i = n - 1; i > 0; i--)
		{
			int			j = (int) (next_rand(&state) % (uint32_t) (i + 1));
			int			t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		for (int k = 0; k < n; k++, c++)
		{
			const Example *e = &d->ex[order[k]];
			int64_t		score = 0;
			int			y = e->label ? 1 : -1;

			for (int f = 0; f < e->nfeat; f++)
				score += w[e->feats[f] & mask];
			if (y * score > 0)
				continue;
			for (int f = 0; f < e->nfeat; f++)
			{
				w[e->feats[f] & mask] += y;
				u[e->feats[f] & mask] += y * c;
			}
		}
	}
	/* average = w - u / c; rounded half away from zero */
	for (size_t s = 0; s < nslots; s++)
	{
		int64_t		num = (w[s] * c - u[s]) * SCALE;

		sum[s] += num >= 0 ? (num + c / 2) / c : -((-num + c / 2) / c);
	}
	free(w);
	free(u);
	free(order);
}

/*
 * The weights of o->runs averaged perceptrons, each with its own example
 * order (a fixed seed each), averaged: training on a few hundred pledges
 * depends on the order, and the mean of several orders does not.
 */
static void
train_perceptron(const Data *d, const bool *use, const Options *o, int32_t *out)
{
	size_t		nslots = (size_t) 1 << o->bits;
	int64_t    *sum = calloc(nslots, sizeof(int64_t));

	if (!sum)
		xrealloc(NULL, (size_t) -1);
	for (int r = 0; r < o->runs; r++)
		perceptron_run(d, use, o, SEED + (uint32_t) r * 0x9e3779b9u, sum);
	for (size_t s = 0; s < nslots; s++)
		out[s] = (int32_t) (sum[s] >= 0 ? (sum[s] + o->runs / 2) / o->runs : -((-sum[s] + o->runs / 2) / o->runs));
	free(sum);
}

/* The score of example e under dense weights. */
static int64_t
dense_score(const Example *e, const int32_t *w, int bits)
{
	uint32_t	mask = ((uint32_t) 1 << bits) - 1;
	int64_t		s = 0;

	for (int f = 0; f < e->nfeat; f++)
		s += w[e->feats[f] & mask];
	return s;
}

/* The decisions for scores adj[] at threshold t: parts follow their whole. */
static void
decide(const Data *d, const int64_t *adj, int64_t t, bool *dec)
{
	for (int i = 0; i < d->nex; i++)
		dec[i] = d->ex[i].whole >= 0 ? dec[d->ex[i].whole] : adj[i] >= t;
}

static int
cmp_int64(const void *a, const void *b)
{
	int64_t		x = *(const int64_t *) a,
				y = *(const int64_t *) b;

	return (x > y) - (x < y);
}

/* P, R, F1 of the decisions dec[] over the labelled examples. */
static void
prf(const Data *d, const bool *dec, double *p, double *r, double *f1)
{
	int			tp = 0,
				fp = 0,
				fn = d->missed;

	for (int i = 0; i < d->nex; i++)
	{
		if (d->ex[i].label < 0)
			continue;
		tp += dec[i] && d->ex[i].label;
		fp += dec[i] && !d->ex[i].label;
		fn += !dec[i] && d->ex[i].label;
	}
	*p = tp + fp ? (double) tp / (tp + fp) : 0;
	*r = tp + fn ? (double) tp / (tp + fn) : 0;
	*f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

/* The threshold with the best F1 of the scores (ties: the higher one). */
static int64_t
best_threshold(const Data *d, const int64_t *score, double *best_f1)
{
	int64_t    *sorted = xrealloc(NULL, sizeof(int64_t) * (d->nex + 1));
	bool	   *dec = xrealloc(NULL, d->nex + 1);
	int64_t		best = 0;

	*best_f1 = -1;
	memcpy(sorted, score, sizeof(int64_t) * d->nex);
	qsort(sorted, d->nex, sizeof(int64_t), cmp_int64);
	for (int k = 0; k < d->nex; k++)
	{
		double		p,
					r,
					f1;

		if ((k > 0 && sorted[k] == sorted[k - 1]) || sorted[k] == INT64_MIN || sorted[k] == INT64_MAX)
			continue;
		decide(d, score, sorted[k], dec);
		prf(d, dec, &p, &r, &f1);
		if (f1 >= *best_f1)
		{
			*best_f1 = f1;
			best = sorted[k];
		}
	}
	free(sorted);
	free(dec);
	return best;
}

/* How far the grammar's own decision may move a score (stored weight
 * units), tried by cross-validation; the last one leaves the grammar alone
 * in charge. */
static const int64_t priors[] = {0, 250, 500, 1000, 2000, 3000, 5000, 8000, 1 << 30};
#define NPRIORS ((int) (sizeof(priors) / sizeof(priors[0])))

/* The score of example i with the grammar's decision weighted by prior;
 * the highest or the lowest score for candidates the model does not
 * decide, as the grammar decides them. */
static int64_t
with_prior(const Data *d, const int64_t *score, int i, int64_t prior)
{
	if (!d->ex[i].decided)
		return ArPledgeRuleAccepts(d->ex[i].rule) ? INT64_MAX : INT64_MIN;
	return score[i] + (ArPledgeRuleAccepts(d->ex[i].rule) ? prior : -prior);
}

/* Out-of-fold F1 a larger prior may lose and still be preferred: where
 * the judged data cannot tell the settings apart, the grammar's decision
 * (hand-written, general) weighs more. */
#define PRIOR_TOLERANCE 0.005

/*
 * The prior and threshold of the best out-of-fold F1 into *prior and *thr:
 * the largest prior within PRIOR_TOLERANCE of the best, and its best
 * threshold (ties: the higher one); prints the figures of the grammar and
 * of the model on stderr.
 */
static void
choose_decision(const Data *d, const int64_t *score, const Options *o, int64_t *prior, int64_t *thr)
{
	int64_t    *adj = xrealloc(NULL, sizeof(int64_t) * (d->nex + 1));
	bool	   *dec = xrealloc(NULL, d->nex + 1);
	int64_t		t[NPRIORS];
	double		f[NPRIORS],
				p,
				r,
				f1,
				best = 0;

	for (int k = 0; k < NPRIORS; k++)
	{
		for (int i = 0; i < d->nex; i++)
			adj[i] = with_prior(d, score, i, priors[k]);
		t[k] = best_threshold(d, adj, &f[k]);
		fprintf(stderr, "  prior %lld: out-of-fold F1 %.3f\n", (long long) priors[k], f[k]);
		best = f[k] > best ? f[k] : best;
	}
	for (int k = 0; k < NPRIORS; k++)
		if (o->prior >= 0 ? priors[k] == o->prior : f[k] >= best - PRIOR_TOLERANCE)
		{
			*prior = priors[k];
			*thr = t[k];
		}
	for (int i = 0; i < d->nex; i++)
		dec[i] = ArPledgeRuleAccepts(d->ex[i].rule);
	prf(d, dec, &p, &r, &f1);
	fprintf(stderr, "grammar alone:      P %.3f  R %.3f  F1 %.3f\n", p, r, f1);
	for (int i = 0; i < d->nex; i++)
		adj[i] = with_prior(d, score, i, *prior);
	decide(d, adj, *thr, dec);
	prf(d, dec, &p, &r, &f1);
	fprintf(stderr, "model, %d-fold CV:  P %.3f  R %.3f  F1 %.3f  (prior %lld, threshold %lld, %d epochs, %d bits)\n",
			o->folds, p, r, f1, (long long) *prior, (long long) *thr, o->epochs, o->bits);
	free(adj);
	free(dec);
}

/* Out-of-fold scores of every example into score[] (the weights' sum,
 * without the prior). */
static void
cross_validate(const Data *d, const Options *o, int64_t *score)
{
	bool	   *use = xrealloc(NULL, d->nex + 1);
	int32_t    *w = xrealloc(NULL, sizeof(int32_t) << o->bits);

	for (int k = 0; k < o->folds; k++)
	{
		for (int i = 0; i < d->nex; i++)
			use[i] = fold_of(d->sid[d->ex[i].sent], o->folds) != k;
		train_perceptron(d, use, o, w);
		for (int i = 0; i < d->nex; i++)
			if (!use[i])
				score[i] = dense_score(&d->ex[i], w, o->bits);
	}
	free(use);
	free(w);
}

/* The out-of-fold decisions at the chosen prior and threshold: rows "sid
 * idx pledge score rule label" (apply's columns, and the label). */
static void
print_out_of_fold(const Data *d, const int64_t *score, int64_t prior, int64_t thr)
{
	int64_t    *adj = xrealloc(NULL, sizeof(int64_t) * (d->nex + 1));
	bool	   *dec = xrealloc(NULL, d->nex + 1);

	for (int i = 0; i < d->nex; i++)
		adj[i] = with_prior(d, score, i, prior);
	decide(d, adj, thr, dec);
	for (int i = 0; i < d->nex; i++)
		if (d->ex[i].label >= 0)
			printf("%s\t%d\t%d\t%lld\t%d\t%d\n", d->sid[d->ex[i].sent], d->ex[i].idx, dec[i],
				   (long long) (d->ex[i].decided ? adj[i] - thr : 0), d->ex[i].rule, d->ex[i].label);
	free(adj);
	free(dec);
}

/* Write the weights in data/pledge_model.tsv's format. */
static void
write_model(const char *path, const Data *d, const Options *o, const int32_t *w, int64_t prior, int64_t thr)
{
	FILE	   *f = fopen(path, "w");
	int			npos = 0,
				nlab = 0;
	size_t		nz = 0;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	for (int i = 0; i < d->nex; i++)
		if (d->ex[i].label >= 0)
		{
			nlab++;
			npos += d->ex[i].label;
		}
	for (size_t s = 0; s < ((size_t) 1 << o->bits); s++)
		nz += w[s] != 0;
	fprintf(f, "# pledge_model.tsv — weights of the pledge classifier (src/core/pledge_model.h),\n"
			"# written by tools/pledge_train.c (\"make train-pledges\"); do not edit.\n"
			"# Trained on %d labelled candidates (%d pledges) of %d sentences; %d averaged\n"
			"# perceptrons, %d epochs, weights x %d; prior (the weight of the grammar's\n"
			"# decision) and threshold by %d-fold cross-validation.\n"
			"# Settings, then \"slot <TAB> weight\" for the %zu non-zero weights.\n",
			nlab, npos, d->nsent, o->runs, o->epochs, SCALE, o->folds, nz);
	fprintf(f, "feature_version\t%d\nhash_bits\t%d\nprior\t%lld\nthreshold\t%lld\nslot\tweight\n",
			AR_PLEDGE_FEATURE_VERSION, o->bits, (long long) prior, (long long) thr);
	for (size_t s = 0; s < ((size_t) 1 << o->bits); s++)
		if (w[s] != 0)
			fprintf(f, "%zu\t%d\n", s, w[s]);
	if (fclose(f) != 0)
	{
		perror(path);
		exit(1);
	}
}

/* Read weights in data/pledge_model.tsv's format (for apply). */
static void
read_model(const char *path, ArPledgeWeights *m)
{
	FILE	   *f = fopen(path, "r");
	char		line[512];
	uint32_t   *slots = NULL;
	int32_t    *weights = NULL;
	bool		in_weights = false;
	size_t		n = 0;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	memset(m, 0, sizeof(*m));
	while (fgets(line, sizeof line, f))
	{
		char		key[64];
		long long	v;

		if (line[0] == '#' || sscanf(line, "%63s %lld", key, &v) != 2)
		{
			in_weights |= strncmp(line, "slot\t", 5) == 0;
			continue;
		}
		if (in_weights)
		{
			slots = xrealloc(slots, sizeof(uint32_t) * (n + 1));
			weights = xrealloc(weights, sizeof(int32_t) * (n + 1));
			slots[n] = (uint32_t) strtoul(key, NULL, 10);
			weights[n++] = (int32_t) v;
		}
		else if (strcmp(key, "hash_bits") == 0)
			m->hash_bits = (uint32_t) v;
		else if (strcmp(key, "threshold") == 0)
			m->threshold = (int32_t) v;
		else if (strcmp(key, "prior") == 0)
			m->prior = (int32_t) v;
	}
	fclose(f);
	m->slots = slots;
	m->weights = weights;
	m->n = n;
}

static int
cmd_apply(const char *model, const char *sentences)
{
	ArPledgeWeights m;
	Data		d = {0};

	Printing	pr = {false, &m};

	read_model(model, &m);
	read_sentences(sentences, &d, &pr);
	return 0;
}

/* The items of the pledges of text, with the model on or off, as flags. */
static void
pledged_items(const char *text, bool model, ArNumList *nums, ArLexStream *ls, bool *flag, size_t cap)
{
	ArPledgeList pl;

	ArPledgeModelSetEnabled(model);
	ArPledgeListInit(&pl);
	ArPledgesExtract(ls, nums, &pl);
	memset(flag, 0, cap);
	for (size_t i = 0; i < pl.n; i++)
		if ((size_t) pl.items[i].item < cap)
			flag[pl.items[i].item] = true;
	ArPledgeListFree(&pl);
}

static int
cmd_diff(const char *sentences)
{
	FILE	   *f = fopen(sentences, "r");
	char	   *line = xrealloc(NULL, MAX_LINE);

	if (!f)
	{
		perror(sentences);
		return 1;
	}
	while (fgets(line, MAX_LINE, f))
	{
		char	   *tab = strchr(line, '\t');
		ArLexStream ls;
		ArNumList	nums;
		bool	   *g,
				   *m;

		line[strcspn(line, "\n")] = 0;
		if (!tab)
			continue;
		*tab = 0;
		ArLexStreamInit(&ls, tab + 1, strlen(tab + 1));
		ArNumListInit(&nums);
		ArNumbersExtract(&ls, &nums);
		g = xrealloc(NULL, nums.n + 1);
		m = xrealloc(NULL, nums.n + 1);
		pledged_items(tab + 1, false, &nums, &ls, g, nums.n + 1);
		pledged_items(tab + 1, true, &nums, &ls, m, nums.n + 1);
		for (size_t i = 0; i < nums.n; i++)
			if (g[i] != m[i])
			{
				char	   *v = ArNumValString(&nums.items[i].val);

				printf("%s\t%s\t%s\t%s\n", line, v ? v : "", nums.items[i].unit ? nums.items[i].unit : "",
					   g[i] ? "grammar" : "model");
				ArFree(v);
			}
		free(g);
		free(m);
		ArNumListFree(&nums);
		ArLexStreamFree(&ls);
	}
	fclose(f);
	free(line);
	return 0;
}

static int
cmd_cv_or_train(const char *sentences, const char *labels, const char *out, const Options *o)
{
	Data		d = {0};
	int64_t    *score;
	int64_t		prior = 0,
				thr = 0;

	Printing	pr = {false, NULL};

	read_sentences(sentences, &d, &pr);
	read_labels(labels, &d);
	score = xrealloc(NULL, sizeof(int64_t) * (d.nex + 1));
	cross_validate(&d, o, score);
	choose_decision(&d, score, o, &prior, &thr);
	if (out == NULL)
		print_out_of_fold(&d, score, prior, thr);
	if (out)
	{
		bool	   *use = xrealloc(NULL, d.nex + 1);
		int32_t    *w = xrealloc(NULL, sizeof(int32_t) << o->bits);

		memset(use, 1, d.nex + 1);
		train_perceptron(&d, use, o, w);
		write_model(out, &d, o, w, prior, thr);
		free(use);
		free(w);
	}
	free(score);
	return 0;
}

int
main(int argc, char **argv)
{
	Options		o = {.folds = 5,.epochs = 10,.bits = 18,.prior = -1,.runs = 5};
	int			npos = 0;
	const char *pos[4] = {NULL, NULL, NULL, NULL};

	for (int i = 1; i < argc; i++)
	{
		/* "-x VALUE" options, else positional words */
		const char *v = (argv[i][0] == '-' && argv[i][1] && !argv[i][2] && i + 1 < argc) ? argv[i + 1] : NULL;

		switch (v ? argv[i][1] : 0)
		{
			case 'e':
				o.epochs = atoi(v);
				break;
			case 'b':
				o.bits = atoi(v);
				break;
			case 'k':
				o.folds = atoi(v);
				break;
			case 'r':
				o.runs = atoi(v);
				break;
			case 'p':
				o.prior = atoll(v);
				break;
			default:
				v = NULL;
				if (npos < 4)
					pos[npos] = argv[i];
				npos++;
				break;
		}
		i += v != NULL;
	}
	if (o.bits < 10 || o.bits > 24 || o.epochs < 1 || o.folds < 2 || o.runs < 1 || npos > 4)
		npos = 0;
	if (npos == 2 && strcmp(pos[0], "cands") == 0)
	{
		Data		d = {0};
		Printing	pr = {true, NULL};

		read_sentences(pos[1], &d, &pr);
		return 0;
	}
	if (npos == 3 && strcmp(pos[0], "cv") == 0)
		return cmd_cv_or_train(pos[1], pos[2], NULL, &o);
	if (npos == 4 && strcmp(pos[0], "train") == 0)
		return cmd_cv_or_train(pos[1], pos[2], pos[3], &o);
	if (npos == 3 && strcmp(pos[0], "apply") == 0)
		return cmd_apply(pos[1], pos[2]);
	if (npos == 2 && strcmp(pos[0], "diff") == 0)
		return cmd_diff(pos[1]);
	fprintf(stderr, "usage: pledge_train cands SENTENCES\n"
			"       pledge_train cv SENTENCES LABELS [-k FOLDS] [-e EPOCHS] [-b BITS] [-r RUNS] [-p PRIOR]\n"
			"       pledge_train train SENTENCES LABELS OUT [-k FOLDS] [-e EPOCHS] [-b BITS] [-r RUNS] [-p PRIOR]\n"
			"       pledge_train apply MODEL SENTENCES\n"
			"       pledge_train diff SENTENCES\n");
	return 2;
}
