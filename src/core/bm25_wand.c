/*
 * bm25_wand.c — block-max WAND (Ding & Suel 2011) over one segment.
 *
 * Cursors are kept sorted by their current ordinal.  The pivot is the
 * first cursor at which the summed term upper bounds could beat the
 * collector's threshold; no document before the pivot's can.  The pivot
 * document is then checked against the sum of the bounds of the blocks
 * that contain it; when even those cannot beat the threshold, every
 * document up to the end of the shortest of those blocks is skipped by
 * block headers alone, without decoding.  Only a document that survives
 * both checks is scored, through Bm25ScoreFreqs like any other, so WAND's
 * partial sums never reach a result.
 *
 * Bounds use the stored maxima (max tf, max lead, min dl), which are exact
 * for the block and valid for every avgdl, k1, b and lead_weight, because a
 * term's score rises with tf' and falls with dl.  Sums of bounds are
 * compared with a relative slack of 1e-9 against the threshold, so floating
 * rounding (a bound summed in another order than the score) can never prune
 * a document that ties or beats it.
 */
#include "bm25_int.h"

#define BOUND_SLACK 1e-9

typedef struct WTerm
{
	Bm25Cursor *c;
	int			qi;				/* canonical query term index */
	double		idf;
	double		ub;				/* bound over the whole posting list */
	uint32_t	doc;			/* current ordinal */
	uint64_t	bpos;			/* block whose bound bub holds (0: none) */
	double		bub;
} WTerm;

typedef struct Wand
{
	const Bm25Query *q;
	const Bm25Params *p;
	Bm25Reader *r;
	Bm25TopK   *t;
	WTerm	   *terms;
	WTerm	  **order;			/* live cursors by current ordinal */
	int			n;
	int			nterms;
	Bm25Freq   *freqs;
	uint64_t	scored;
} Wand;

static inline bool
can_beat(double bound, double theta)
{
	return bound + bound * BOUND_SLACK >= theta;
}

static double
bound(const Wand *w, const WTerm *t, uint32_t max_tf, uint32_t max_lead, uint32_t min_dl)
{
	return Bm25TermScore(w->p, t->idf, bm25_weight_bound(w->p, max_tf, max_lead),
						 (double) min_dl, bm25_query_avgdl(w->q));
}

/* Look up every query term and open a cursor on its first posting. */
static int
wand_open(Wand *w, Bm25SearchStats *stats)
{
	int			i,
				status;

	for (i = 0; i < Bm25QueryNumTerms(w->q); i++)
	{
		const char *lex;
		size_t		len;
		Bm25TermInfo info;
		WTerm	   *t = &w->terms[w->nterms];

		Bm25QueryTerm(w->q, i, &lex, &len);
		status = Bm25ReaderLookup(w->r, lex, len, &info);
		if (status == BM25_NOT_FOUND)
			continue;
		if (status != BM25_OK)
			return status;
		if ((status = Bm25CursorOpen(w->r, &info, &t->c)) != BM25_OK)
			return status;
		w->nterms++;
		if (stats)
			stats->postings_total += info.df;
		t->qi = i;
		t->bpos = 0;			/* block offsets are past chunk 0, never 0 */
		t->idf = bm25_query_idf(w->q, i);
		t->ub = bound(w, t, info.max_tf, info.max_lead, info.min_dl);
		status = Bm25CursorNext(t->c);
		if (status == BM25_END)
			continue;
		if (status != BM25_OK)
			return status;
		t->doc = Bm25CursorOrd(t->c);
		w->order[w->n++] = t;
	}
	return BM25_OK;
}

/* Insertion sort by ordinal: few cursors, nearly sorted each round. */
static void
sort_order(Wand *w)
{
	int			i,
				j;

	for (i = 1; i < w->n; i++)
	{
		WTerm	   *x = w->order[i];

		for (j = i; j > 0 && w->order[j - 1]->doc > x->doc; j--)
			w->order[j] = w->order[j - 1];
		w->order[j] = x;
	}
}

/* Move cursor j of order to ordinal >= target (or drop it at its end). */
static int
move_to(Wand *w, int j, uint32_t target, bool next)
{
	WTerm	   *t = w->order[j];
	int			status = next ? Bm25CursorNext(t->c) : Bm25CursorAdvance(t->c, target);

	if (status == BM25_OK)
		t->doc = Bm25CursorOrd(t->c);
	else if (status == BM25_END)
		t->doc = UINT32_MAX;	/* dropped by drop_ended */
	else
		return status;
	return BM25_OK;
}

static void
drop_ended(Wand *w)
{
	int			i,
				k = 0;

	for (i = 0; i < w->n; i++)
		if (w->order[i]->doc != UINT32_MAX)
			w->order[k++] = w->order[i];
	w->n = k;
}

/* Score document d from the cursors standing on it and offer it. */
static int
score_doc(Wand *w, uint32_t d)
{
	Bm25Tid		tid;
	uint32_t	dl;
	int			i,
				status;

	memset(w->freqs, 0, sizeof(Bm25Freq) * Bm25QueryNumTerms(w->q));
	for (i = 0; i < w->n && w->order[i]->doc == d; i++)
		w->freqs[w->order[i]->qi] = Bm25CursorFreq(w->order[i]->c);
	if ((status = Bm25ReaderDoc(w->r, d, &tid, &dl)) != BM25_OK)
		return status;
	Bm25TopKOffer(w->t, Bm25ScoreFreqs(w->q, w->freqs, dl), &tid);
	w->scored++;
	for (i = 0; i < w->n && w->order[i]->doc == d; i++)
		if ((status = move_to(w, i, 0, true)) != BM25_OK)
			return status;
	return BM25_OK;
}

/*
 * Put cursors 0..p on the blocks holding d and sum those blocks' bounds;
 * *next = the first ordinal after the shortest of them (or the next
 * cursor's ordinal).  BM25_END when a cursor has no block left: the caller
 * drops it and picks a new pivot.
 */
static int
block_bound(Wand *w, int p, uint32_t d, double *sum, uint32_t *next)
{
	int			j,
				status;

	*sum = 0.0;
	*next = p + 1 < w->n ? w->order[p + 1]->doc : UINT32_MAX;
	for (j = 0; j <= p; j++)
	{
		WTerm	   *t = w->order[j];
		const Bm25Block *b = &t->c->blk;

		status = bm25_cursor_seek_block(t->c, d);
		if (status == BM25_END)
			t->doc = UINT32_MAX;
		if (status != BM25_OK)
			return status;
		if (t->bpos != b->pos)
		{
			/* a block is bounded once, however many pivots fall in it */
			t->bub = bound(w, t, b->max_tf, b->max_lead, b->min_dl);
			t->bpos = b->pos;
		}
		*sum += t->bub;
		if ((uint64_t) b->last + 1 < *next)
			*next = b->last + 1;	/* ordinals stay below 2^31: no overflow */
	}
	return BM25_OK;
}

/* One round: pick the pivot, then score it, catch up to it, or skip. */
static int
wand_step(Wand *w, bool *done)
{
	double		theta = bm25_topk_threshold(w->t),
				acc = 0.0,
				bsum;
	uint32_t	d,
				next;
	int			p,
				j,
				status;

	sort_order(w);
	for (p = 0; p < w->n; p++)
		if (can_beat(acc += w->order[p]->ub, theta))
			break;
	if (p == w->n)
	{
		*done = true;			/* nothing left can enter the top k */
		return BM25_OK;
	}
	d = w->order[p]->doc;
	while (p + 1 < w->n && w->order[p + 1]->doc == d)
		p++;
	status = block_bound(w, p, d, &bsum, &next);
	if (status == BM25_END)
	{
		/*
		 * A cursor ran out (drop_ended removes it).  The ones already put
		 * on d's block may have left their current posting behind: bring
		 * them to d, which is safe because no document before the pivot
		 * can beat theta.
		 */
		status = BM25_OK;
		for (j = 0; j <= p && status == BM25_OK; j++)
			if (w->order[j]->doc < d)
				status = move_to(w, j, d, false);
		return status;
	}
	if (status != BM25_OK)
		return status;
	if (can_beat(bsum, theta))
	{
		if (w->order[0]->doc == d)
			return score_doc(w, d);
		for (j = 0; j <= p && status == BM25_OK; j++)
			if (w->order[j]->doc < d)
				status = move_to(w, j, d, false);
		return status;
	}
	/* no document in [d, next) can beat theta: skip them all */
	for (j = 0; j <= p && status == BM25_OK; j++)
		status = move_to(w, j, next, false);
	return status;
}

int
Bm25Search(const Bm25Query *q, Bm25Reader *r, Bm25TopK *t, Bm25SearchStats *stats)
{
	Wand		w;
	int			nq = Bm25QueryNumTerms(q);
	int			status,
				i;
	bool		done = false;
	uint64_t	rounds = 0;

	if (r->lead_positions != bm25_query_params(q)->lead_positions)
		return bm25_fail(r, BM25_ERR_PARAMS,
						 "the segment was built with lead_positions %d, the query uses %d",
						 r->lead_positions, bm25_query_params(q)->lead_positions);
	memset(&w, 0, sizeof(w));
	w.q = q;
	w.p = bm25_query_params(q);
	w.r = r;
	w.t = t;
	w.terms = ArAlloc(sizeof(WTerm) * (nq + 1));
	w.order = ArAlloc(sizeof(WTerm *) * (nq + 1));
	w.freqs = ArAlloc(sizeof(Bm25Freq) * (nq + 1));
	status = wand_open(&w, stats);
	while (status == BM25_OK && !done && w.n > 0)
	{
		if (++rounds % AR_INTERRUPT_STRIDE == 0)
			AR_CHECK_INTERRUPTS();
		status = wand_step(&w, &done);
		drop_ended(&w);
	}
	for (i = 0; i < w.nterms; i++)
	{
		if (stats)
		{
			stats->blocks_decoded += w.terms[i].c->ndecoded;
			stats->blocks_skipped += w.terms[i].c->skipped;
		}
		Bm25CursorClose(w.terms[i].c);
	}
	if (stats)
		stats->docs_scored += w.scored;
	ArFree(w.terms);
	ArFree(w.order);
	ArFree(w.freqs);
	return status;
}
