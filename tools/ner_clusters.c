/*
 * ner_clusters.c — word classes of the news corpus, learnt from the words
 * around each word, for the trained entity tagger (make regen-ner-clusters).
 *
 *   ner_clusters CORPUS.tsv[.gz] … > data/ner_clusters.tsv
 *
 * Why: a quarter of the persons in news are single words the rules do not
 * know and no cue stands next to.  Such a name is rare in the tagger's
 * training data but common enough in a year of news, where it stands where
 * names stand (after قال, before the comma of a list of names, after a
 * given name).  Words used in the same contexts get the same class; the
 * tagger reads the class as a feature (ner_features.c), so what it learns
 * about the names of its training data carries over to names it never saw.
 *
 * How: every word of the corpus (its bare form: normalized, proclitics
 * peeled, as ner_features.c sees it) is described by the words at -2, -1,
 * +1 and +2 (the NCTX most frequent words, punctuation and text edges, the
 * rest as one "other"), weighted by positive pointwise mutual information.
 * The vectors of the NVOCAB most frequent words (seen MIN_COUNT times or
 * more) are projected to DIM dimensions by a fixed random matrix and
 * grouped by spherical k-means into KFINE classes; the class centres are
 * grouped again into KCOARSE classes.  Everything is seeded: the same
 * corpus gives the same file on the same machine.
 *
 * Output: "word TAB coarse TAB fine", sorted bytewise.  Only word types and
 * class numbers come out of the corpus, never its text.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_words.h"
#include "entities.h"
#include "ner_tag.h"

#ifndef MIN_COUNT
#define MIN_COUNT	5
#endif
#ifndef NVOCAB
#define NVOCAB		100000
#endif
#ifndef NCTX
#define NCTX		1000		/* context words per position */
#endif
#define NSLOT		4			/* positions -2, -1, +1, +2 */
#define DIM			256
#ifndef KFINE
#define KFINE		1024
#endif
#ifndef KCOARSE
#define KCOARSE		64
#endif
#define ITERS		12
#define CDS_ALPHA	0.75		/* context distribution smoothing */

/* Tokens of the stream beyond the words: fixed ids. */
#define T_EDGE		0			/* start or end of a text, a number or symbol */
#define T_COMMA		1
#define T_LATIN		2
#define T_WORDS		3			/* first word id */

typedef CorpusWord Word;

typedef struct Stream
{
	uint32_t   *t;
	size_t		n;
	size_t		cap;
} Stream;

static void *
xalloc(size_t n)
{
	void	   *p = calloc(1, n ? n : 1);

	if (p == NULL)
	{
		fprintf(stderr, "ner_clusters: out of memory\n");
		exit(2);
	}
	return p;
}

static void
push(Stream *st, uint32_t t)
{
	if (st->n == st->cap)
	{
		st->cap = st->cap ? st->cap * 2 : 1 << 20;
		st->t = realloc(st->t, st->cap * sizeof(uint32_t));
		if (st->t == NULL)
		{
			fprintf(stderr, "ner_clusters: out of memory\n");
			exit(2);
		}
	}
	st->t[st->n++] = t;
}

typedef struct Reading
{
	CorpusWords *v;
	Stream	   *st;
	ArNerWords *w;
} Reading;

/* The words of one text onto the stream, as the tagger sees them. */
static void
read_text(const char *s, size_t len, void *arg)
{
	Reading    *r = arg;
	ArNerWords *w = r->w;
	ArEntityList l;
	size_t		k;

	ArEntityListInit(&l);
	ArEntitiesRules(s, len, &l, w);
	push(r->st, T_EDGE);
	for (k = 0; k < w->n; k++)
	{
		const ArNerWord *x = &w->items[k];

		if (x->gap == AR_NER_GAP_COMMA)
			push(r->st, T_COMMA);
		else if (x->gap == AR_NER_GAP_OTHER)
			push(r->st, T_EDGE);
		if (x->latin)
			push(r->st, T_LATIN);
		else if (x->norm_len > x->bare_skip)
		{
			Word	   *e = corpus_word(r->v, w->norm.data + x->norm_off + x->bare_skip,
										x->norm_len - x->bare_skip);

			e->count++;
			push(r->st, e->id);
		}
	}
	ArEntityListFree(&l);
}

/* Most frequent first, then bytewise: a stable order for the ranks. */
static int
by_count(const void *a, const void *b)
{
	const Word *x = *(Word *const *) a,
			   *y = *(Word *const *) b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->s, y->s);
}

static int
by_string(const void *a, const void *b)
{
	return strcmp((*(Word *const *) a)->s, (*(Word *const *) b)->s);
}

/* xorshift64*: the fixed random numbers of the projection and the seeds. */
#ifndef CLUSTER_SEED
#define CLUSTER_SEED 0x9e3779b97f4a7c15ull
#endif
static uint64_t rng_state = CLUSTER_SEED;

static double
rng_uniform(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return ((rng_state * 0x2545f4914f6cdd1dull) >> 11) * (1.0 / 9007199254740992.0);
}

static double
rng_gauss(void)
{
	double		u = rng_uniform(),
				w = rng_uniform();

	return sqrt(-2.0 * log(u + 1e-300)) * cos(2 * M_PI * w);
}

static float
dot(const float *a, const float *b, int n)
{
	float		s0 = 0,
				s1 = 0,
				s2 = 0,
				s3 = 0;
	int			i;

	for (i = 0; i < n; i += 4)
	{
		s0 += a[i] * b[i];
		s1 += a[i + 1] * b[i + 1];
		s2 += a[i + 2] * b[i + 2];
		s3 += a[i + 3] * b[i + 3];
	}
	return (s0 + s1) + (s2 + s3);
}

static void
normalize(float *a, int n)
{
	double		s = 0;
	int			i;

	for (i = 0; i < n; i++)
		s += (double) a[i] * a[i];
	if (s > 0)
		for (i = 0; i < n; i++)
			a[i] = (float) (a[i] / sqrt(s));
}

/*
 * Spherical k-means of the n unit vectors x (weights wt) into k classes:
 * k-means++ seeding, then ITERS rounds.  Returns each vector's class.
 */
static int *
kmeans(const float *x, const double *wt, size_t n, int k)
{
	float	   *c = xalloc((size_t) k * DIM * sizeof(float));
	double	   *acc = xalloc((size_t) k * DIM * sizeof(double));
	int		   *cls = xalloc(n * sizeof(int));
	double	   *d2 = xalloc(n * sizeof(double));
	size_t		i;
	int			j,
				it;

	/* k-means++: each new centre drawn in proportion to weight × distance */
	memcpy(c, x, DIM * sizeof(float));
	for (i = 0; i < n; i++)
		d2[i] = 1e30;
	for (j = 1; j < k; j++)
	{
		double		total = 0,
					r;

		for (i = 0; i < n; i++)
		{
			double		d = 2.0 - 2.0 * dot(x + i * DIM, c + (size_t) (j - 1) * DIM, DIM);

			if (d < d2[i])
				d2[i] = d > 0 ? d : 0;
			total += wt[i] * d2[i];
		}
		r = rng_uniform() * total;
		for (i = 0; i + 1 < n && (r -= wt[i] * d2[i]) > 0; i++)
			;
		memcpy(c + (size_t) j * DIM, x + i * DIM, DIM * sizeof(float));
	}
	for (it = 0; it < ITERS; it++)
	{
		size_t		moved = 0;

		for (i = 0; i < n; i++)
		{
			int			best = 0;
			float		bs = -2;

			for (j = 0; j < k; j++)
			{
				float		s = dot(x + i * DIM, c + (size_t) j * DIM, DIM);

				if (s > bs)
				{
					bs = s;
					best = j;
				}
			}
			if (it == 0 || cls[i] != best)
				moved++;
			cls[i] = best;
		}
		memset(acc, 0, (size_t) k * DIM * sizeof(double));
		for (i = 0; i < n; i++)
			for (j = 0; j < DIM; j++)
				acc[(size_t) cls[i] * DIM + j] += wt[i] * x[i * DIM + j];
		for (j = 0; j < k; j++)
		{
			int			d;

			for (d = 0; d < DIM; d++)
				c[(size_t) j * DIM + d] = (float) acc[(size_t) j * DIM + d];
			normalize(c + (size_t) j * DIM, DIM);
		}
		fprintf(stderr, "ner_clusters: k=%d round %d, %zu moved\n", k, it + 1, moved);
		if (moved == 0)
			break;
	}
	free(c);
	free(acc);
	free(d2);
	return cls;
}

int
main(int argc, char **argv)
{
	CorpusWords v = {NULL, 0, 0, T_WORDS};
	Stream		st = {NULL, 0, 0};
	ArNerWords	w;
	Reading		r = {&v, &st, &w};
	Word	  **byrank;
	int32_t    *rank_of;		/* stream id -> vocabulary rank, or -1 */
	int32_t    *ctx_of;			/* stream id -> context column, NCTX = other */
	size_t		nv,
				k,
				i;
	int			a;
	const int	ncol = NCTX + T_WORDS + 1;	/* context words, specials, other */
	float	   *counts,
			   *proj,
			   *vec;
	double		colsum[NSLOT][NCTX + T_WORDS + 1];
	double	   *wt;
	int		   *fine,
			   *coarse;
	static const int offsets[NSLOT] = {-2, -1, 1, 2};

	if (argc < 2)
	{
		fprintf(stderr, "usage: ner_clusters CORPUS.tsv[.gz] ...\n");
		return 2;
	}
	ArNerWordsInit(&w);
	for (a = 1; a < argc; a++)
	{
		corpus_each_text(argv[a], read_text, &r);
		push(&st, T_EDGE);
	}
	ArNerWordsFree(&w);
	byrank = xalloc(v.n * sizeof(Word *));
	for (k = 0, i = 0; k < v.cap; k++)
		if (v.e[k].s)
			byrank[i++] = &v.e[k];
	qsort(byrank, v.n, sizeof(Word *), by_count);
	for (nv = 0; nv < v.n && nv < NVOCAB && byrank[nv]->count >= MIN_COUNT; nv++)
		;
	fprintf(stderr, "ner_clusters: %zu tokens, %zu word types, %zu classified\n",
			st.n, v.n, nv);

	/* columns: the specials, then the NCTX most frequent words, then other */
	rank_of = xalloc((v.n + T_WORDS) * sizeof(int32_t));
	ctx_of = xalloc((v.n + T_WORDS) * sizeof(int32_t));
	for (k = 0; k < v.n + T_WORDS; k++)
	{
		rank_of[k] = -1;
		ctx_of[k] = ncol - 1;
	}
	for (k = 0; k < T_WORDS; k++)
		ctx_of[k] = (int32_t) k;
	for (k = 0; k < v.n; k++)
	{
		if (k < nv)
			rank_of[byrank[k]->id] = (int32_t) k;
		if (k < NCTX)
			ctx_of[byrank[k]->id] = (int32_t) (T_WORDS + k);
	}

	/* co-occurrence counts, one block of columns per position */
	counts = xalloc(nv * NSLOT * ncol * sizeof(float));
	memset(colsum, 0, sizeof(colsum));
	for (i = 0; i < st.n; i++)
	{
		int32_t		r = rank_of[st.t[i]];
		int			s;

		if (r < 0)
			continue;
		for (s = 0; s < NSLOT; s++)
		{
			long		j = (long) i + offsets[s];
			int32_t		col = j < 0 || (size_t) j >= st.n ? T_EDGE : ctx_of[st.t[j]];

			counts[((size_t) r * NSLOT + s) * ncol + col] += 1;
			colsum[s][col] += 1;
		}
	}

	/* PPMI with smoothed context distribution, projected to DIM */
	proj = xalloc((size_t) NSLOT * ncol * DIM * sizeof(float));
	for (k = 0; k < (size_t) NSLOT * ncol * DIM; k++)
		proj[k] = (float) rng_gauss();
	vec = xalloc(nv * DIM * sizeof(float));
	wt = xalloc(nv * sizeof(double));
	{
		double		z[NSLOT];
		int			s,
					col;

		for (s = 0; s < NSLOT; s++)
		{
			z[s] = 0;
			for (col = 0; col < ncol; col++)
				z[s] += pow(colsum[s][col], CDS_ALPHA);
		}
		for (k = 0; k < nv; k++)
		{
			float	   *out = vec + k * DIM;
			double		row = (double) byrank[k]->count;

			wt[k] = log(row);
			for (s = 0; s < NSLOT; s++)
				for (col = 0; col < ncol; col++)
				{
					double		n = counts[(k * NSLOT + s) * ncol + col];
					double		pmi;
					const float *p;
					int			d;

					if (n == 0)
						continue;
					pmi = log(n * z[s] / (row * pow(colsum[s][col], CDS_ALPHA)));
					if (pmi <= 0)
						continue;
					p = proj + ((size_t) s * ncol + col) * DIM;
					for (d = 0; d < DIM; d++)
						out[d] += (float) pmi * p[d];
				}
			normalize(out, DIM);
		}
	}
	free(counts);
	free(proj);

	fine = kmeans(vec, wt, nv, KFINE);
	/* the coarse classes group the fine ones' centres, weighted by size */
	{
		float	   *cen = xalloc((size_t) KFINE * DIM * sizeof(float));
		double	   *cw = xalloc(KFINE * sizeof(double));
		int			j,
					d;

		for (k = 0; k < nv; k++)
		{
			cw[fine[k]] += wt[k];
			for (d = 0; d < DIM; d++)
				cen[(size_t) fine[k] * DIM + d] += (float) (wt[k] * vec[k * DIM + d]);
		}
		for (j = 0; j < KFINE; j++)
			normalize(cen + (size_t) j * DIM, DIM);
		coarse = kmeans(cen, cw, KFINE, KCOARSE);
		free(cen);
		free(cw);
	}

	/* the classified words, bytewise, with their classes */
	for (k = 0; k < nv; k++)
		byrank[k]->id = (uint32_t) k;	/* rank, to find the classes again */
	qsort(byrank, nv, sizeof(Word *), by_string);
	printf("# word\tcoarse\tfine (classes of the words around each word in the news corpus; make regen-ner-clusters)\n");
	for (k = 0; k < nv; k++)
	{
		uint32_t	r = byrank[k]->id;

		printf("%s\t%d\t%d\n", byrank[k]->s, coarse[fine[r]], fine[r]);
	}
	return 0;
}
