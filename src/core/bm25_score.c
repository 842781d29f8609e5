/*
 * bm25_score.c — BM25 scoring: options, term frequencies from tsvector
 * positions, Lucene IDF, and the one function every score goes through
 * (Bm25ScoreFreqs), so the index scan and bm25_score() agree to the bit.
 */
#include "bm25_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* PostgreSQL keeps a position in the low 14 bits of a WordEntryPos. */
#define POS_MASK 0x3FFF

struct Bm25Query
{
	Bm25Params	p;
	int			n;
	char	   *bytes;			/* the terms, back to back */
	size_t	   *off;
	uint16_t   *len;
	double	   *idf;
	double		avgdl;
};

const char *
Bm25StatusText(int status)
{
	switch (status)
	{
		case BM25_OK:
			return "ok";
		case BM25_NOT_FOUND:
			return "term not found";
		case BM25_END:
			return "end of postings";
		case BM25_ERR_CORRUPT:
			return "corrupt segment";
		case BM25_ERR_READ:
			return "segment chunk could not be read";
		case BM25_ERR_ARG:
			return "invalid argument";
		case BM25_ERR_TERM_TOO_LONG:
			return "term too long";
		case BM25_ERR_DUPLICATE:
			return "duplicate entry";
		case BM25_ERR_PARAMS:
			return "segment built with other options";
		case BM25_ERR_LIMIT:
			return "too many documents in one segment";
	}
	return "unknown status";
}

void
bm25_msg(char *msg, size_t size, const char *fmt,...)
{
	va_list		ap;

	if (msg == NULL || size == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, size, fmt, ap);
	va_end(ap);
}

void
Bm25ParamsDefault(Bm25Params *p)
{
	p->k1 = BM25_DEFAULT_K1;
	p->b = BM25_DEFAULT_B;
	p->lead_positions = BM25_DEFAULT_LEAD_POSITIONS;
	p->lead_weight = BM25_DEFAULT_LEAD_WEIGHT;
}

/* The ranges keep every score finite and the bounds monotone: k1 >= 0 and
 * 0 <= b <= 1 make a term's score non-decreasing in tf', non-increasing in dl. */
bool
Bm25ParamsCheck(const Bm25Params *p, char *msg, size_t msgsize)
{
	if (!(p->k1 >= 0.0 && p->k1 <= 100.0))
		bm25_msg(msg, msgsize, "k1 must be between 0 and 100, not %g", p->k1);
	else if (!(p->b >= 0.0 && p->b <= 1.0))
		bm25_msg(msg, msgsize, "b must be between 0 and 1, not %g", p->b);
	else if (p->lead_positions < 0 || p->lead_positions > BM25_MAX_POSITION)
		bm25_msg(msg, msgsize, "lead_positions must be between 0 and %d, not %d",
				 BM25_MAX_POSITION, p->lead_positions);
	else if (!(p->lead_weight >= 0.0 && p->lead_weight <= 100.0))
		bm25_msg(msg, msgsize, "lead_weight must be between 0 and 100, not %g",
				 p->lead_weight);
	else
		return true;
	return false;
}

double
Bm25FreqWeight(const Bm25Params *p, Bm25Freq f)
{
	return (double) f.tf + (p->lead_weight - 1.0) * (double) f.lead;
}

double
Bm25Idf(uint64_t N, uint64_t df)
{
	double		n = (double) N;
	double		d = (double) (df > N ? N : df);

	return log(1.0 + (n - d + 0.5) / (d + 0.5));
}

double
Bm25TermScore(const Bm25Params *p, double idf, double tfw, double dl, double avgdl)
{
	double		norm;

	if (!(tfw > 0.0))
		return 0.0;
	norm = p->k1 * (1.0 - p->b + p->b * dl / avgdl);
	return idf * tfw * (p->k1 + 1.0) / (tfw + norm);
}

Bm25Freq
Bm25FreqFromPositions(const Bm25Params *p, const uint16_t *pos, int npos)
{
	Bm25Freq	f = {1, 0};
	int			i;

	if (npos <= 0)
		return f;				/* no positions: tf 1, no lead */
	f.tf = (uint16_t) (npos > UINT16_MAX ? UINT16_MAX : npos);
	for (i = 0; i < f.tf; i++)
		if ((pos[i] & POS_MASK) <= p->lead_positions)
			f.lead++;
	return f;
}

int
Bm25DocTerms(const Bm25Params *p, const Bm25Lexeme *lexemes, int nlex,
			 Bm25DocTerm *out, uint32_t *dl)
{
	uint64_t	sum = 0;
	int			n = 0;
	int			i;

	for (i = 0; i < nlex; i++)
	{
		const Bm25Lexeme *x = &lexemes[i];

		if (!Bm25IsTerm(x->lex, x->len))
			continue;
		out[n].lex = x->lex;
		out[n].len = x->len;
		out[n].freq = Bm25FreqFromPositions(p, x->pos, x->npos);
		sum += out[n].freq.tf;
		n++;
	}
	/* a tsvector is at most 1 GB, so this only guards the arithmetic */
	*dl = sum > UINT32_MAX ? UINT32_MAX : (uint32_t) sum;
	return n;
}

/* ---------------------------------------------------------------- query */

static const Bm25Lexeme *sort_lexemes;

static int
cmp_lexeme_index(const void *a, const void *b)
{
	const Bm25Lexeme *x = &sort_lexemes[*(const int *) a];
	const Bm25Lexeme *y = &sort_lexemes[*(const int *) b];

	return bm25_term_cmp(x->lex, x->len, y->lex, y->len);
}

Bm25Query *
Bm25QueryCreate(const Bm25Params *p, const Bm25Lexeme *lexemes, int n)
{
	Bm25Query  *q = ArAlloc(sizeof(Bm25Query));
	int		   *order = ArAlloc(sizeof(int) * (n > 0 ? n : 1));
	size_t		total = 0;
	int			k = 0,
				i;

	for (i = 0; i < n; i++)
		if (Bm25IsTerm(lexemes[i].lex, lexemes[i].len))
		{
			order[k++] = i;
			total += lexemes[i].len;
		}
	/* qsort has no context argument in C99; queries are built one at a time */
	sort_lexemes = lexemes;
	qsort(order, k, sizeof(int), cmp_lexeme_index);
	q->p = *p;
	q->bytes = ArAlloc(total + 1);
	q->off = ArAlloc(sizeof(size_t) * (k + 1));
	q->len = ArAlloc(sizeof(uint16_t) * (k + 1));
	q->idf = ArAlloc(sizeof(double) * (k + 1));
	q->n = 0;
	total = 0;
	for (i = 0; i < k; i++)
	{
		const Bm25Lexeme *x = &lexemes[order[i]];

		if (q->n > 0 && bm25_term_cmp(q->bytes + q->off[q->n - 1], q->len[q->n - 1],
									  x->lex, x->len) == 0)
			continue;			/* the same lexeme twice counts once */
		memcpy(q->bytes + total, x->lex, x->len);
		q->off[q->n] = total;
		q->len[q->n] = x->len;
		q->idf[q->n] = 0.0;
		total += x->len;
		q->n++;
	}
	q->avgdl = 1.0;
	ArFree(order);
	return q;
}

void
Bm25QueryFree(Bm25Query *q)
{
	if (q == NULL)
		return;
	ArFree(q->bytes);
	ArFree(q->off);
	ArFree(q->len);
	ArFree(q->idf);
	ArFree(q);
}

int
Bm25QueryNumTerms(const Bm25Query *q)
{
	return q->n;
}

void
Bm25QueryTerm(const Bm25Query *q, int i, const char **lex, size_t *len)
{
	*lex = q->bytes + q->off[i];
	*len = q->len[i];
}

const Bm25Params *
bm25_query_params(const Bm25Query *q)
{
	return &q->p;
}

double
bm25_query_idf(const Bm25Query *q, int i)
{
	return q->idf[i];
}

double
bm25_query_avgdl(const Bm25Query *q)
{
	return q->avgdl;
}

void
Bm25QuerySetStats(Bm25Query *q, uint64_t N, uint64_t total_dl, const uint64_t *df)
{
	int			i;

	q->avgdl = (N > 0 && total_dl > 0) ? (double) total_dl / (double) N : 1.0;
	for (i = 0; i < q->n; i++)
		q->idf[i] = Bm25Idf(N, df[i]);
}

double
Bm25ScoreFreqs(const Bm25Query *q, const Bm25Freq *freqs, uint32_t dl)
{
	double		s = 0.0;
	int			i;

	for (i = 0; i < q->n; i++)
		if (freqs[i].tf > 0)
			s += Bm25TermScore(&q->p, q->idf[i], Bm25FreqWeight(&q->p, freqs[i]),
							   (double) dl, q->avgdl);
	return s;
}

/* Index of term lex in q's canonical order, or -1. */
int
bm25_query_find(const Bm25Query *q, const char *lex, size_t len)
{
	int			lo = 0,
				hi = q->n - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = bm25_term_cmp(q->bytes + q->off[mid], q->len[mid], lex, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int
Bm25QueryScoreDoc(const Bm25Query *q, const Bm25DocTerm *terms, int n,
				  uint32_t dl, double *score)
{
	Bm25Freq	local[32];
	Bm25Freq   *freqs = q->n <= 32 ? local : ArAlloc(sizeof(Bm25Freq) * q->n);
	int			matched = 0;
	int			i;

	memset(freqs, 0, sizeof(Bm25Freq) * q->n);
	for (i = 0; i < n; i++)
	{
		int			t = bm25_query_find(q, terms[i].lex, terms[i].len);

		if (t >= 0 && freqs[t].tf == 0 && terms[i].freq.tf > 0)
		{
			freqs[t] = terms[i].freq;
			matched++;
		}
	}
	*score = matched ? Bm25ScoreFreqs(q, freqs, dl) : 0.0;
	if (freqs != local)
		ArFree(freqs);
	return matched;
}
