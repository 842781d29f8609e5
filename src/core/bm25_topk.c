/*
 * bm25_topk.c — the top-k collector: a heap of the k best hits so far,
 * worst at the root, ordered by (score desc, TID asc).  Pending documents
 * and every segment feed the same collector, so the k-th score found in
 * one segment is the threshold the next one starts from.
 */
#include "bm25_int.h"

#include <math.h>
#include <stdlib.h>

struct Bm25TopK
{
	int			k;
	int			n;
	bool		has_after;
	Bm25Hit		after;
	Bm25Hit    *heap;			/* heap[0] ranks last */
	Bm25Hit    *sorted;
};

bool
Bm25HitBefore(const Bm25Hit *a, const Bm25Hit *b)
{
	if (a->score != b->score)
		return a->score > b->score;
	return Bm25TidCmp(&a->tid, &b->tid) < 0;
}

Bm25TopK *
Bm25TopKCreate(int k, const Bm25Hit *after)
{
	Bm25TopK   *t = ArAlloc(sizeof(Bm25TopK));

	t->k = k < 1 ? 1 : k;
	t->n = 0;
	t->has_after = after != NULL;
	if (after)
		t->after = *after;
	t->heap = ArAlloc(sizeof(Bm25Hit) * t->k);
	t->sorted = ArAlloc(sizeof(Bm25Hit) * t->k);
	return t;
}

void
Bm25TopKFree(Bm25TopK *t)
{
	if (t == NULL)
		return;
	ArFree(t->heap);
	ArFree(t->sorted);
	ArFree(t);
}

/* Restore the heap below slot i (its children rank before it). */
static void
sift_down(Bm25TopK *t, int i)
{
	for (;;)
	{
		int			worst = i,
					l = 2 * i + 1,
					r = l + 1;
		Bm25Hit		tmp;

		if (l < t->n && Bm25HitBefore(&t->heap[worst], &t->heap[l]))
			worst = l;
		if (r < t->n && Bm25HitBefore(&t->heap[worst], &t->heap[r]))
			worst = r;
		if (worst == i)
			return;
		tmp = t->heap[i];
		t->heap[i] = t->heap[worst];
		t->heap[worst] = tmp;
		i = worst;
	}
}

bool
Bm25TopKOffer(Bm25TopK *t, double score, const Bm25Tid *tid)
{
	Bm25Hit		h;
	int			i;

	h.score = score;
	h.tid = *tid;
	if (t->has_after && !Bm25HitBefore(&t->after, &h))
		return false;			/* already returned by an earlier round */
	if (t->n == t->k)
	{
		if (!Bm25HitBefore(&h, &t->heap[0]))
			return false;
		t->heap[0] = h;
		sift_down(t, 0);
		return true;
	}
	i = t->n++;
	while (i > 0 && Bm25HitBefore(&t->heap[(i - 1) / 2], &h))
	{
		t->heap[i] = t->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	t->heap[i] = h;
	return true;
}

/* The score a document must reach to enter (ties may enter by TID). */
double
bm25_topk_threshold(const Bm25TopK *t)
{
	return t->n < t->k ? -INFINITY : t->heap[0].score;
}

static int
cmp_hits(const void *a, const void *b)
{
	return Bm25HitBefore(a, b) ? -1 : (Bm25HitBefore(b, a) ? 1 : 0);
}

int
Bm25TopKResults(Bm25TopK *t, const Bm25Hit **hits)
{
	memcpy(t->sorted, t->heap, sizeof(Bm25Hit) * t->n);
	qsort(t->sorted, t->n, sizeof(Bm25Hit), cmp_hits);
	*hits = t->sorted;
	return t->n;
}
