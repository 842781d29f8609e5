/*
 * pg_bm25_stats.c — what one scan (or one bm25_score call site) sees of an
 * index: a copy of the metapage, the pending documents it counts, readers
 * over the segments it lists, and from them a query's global statistics.
 * Everything is read once, so N, average length and df describe exactly
 * the documents that scan reads.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/rel.h"

#include "pg_bm25.h"

/* Read the metapage once, then the pending list and segments it names. */
void
Bm25OpenView(Relation index, Bm25IndexView *view)
{
	Bm25ReadMeta(index, &view->meta);
	Bm25IndexParams(index, &view->meta, &view->params);
	Bm25PendingRead(index, &view->meta, &view->pending);
	view->nsegs = view->meta.nsegments;
	view->srcs = palloc(sizeof(Bm25SegmentSource) * Max(view->nsegs, 1));
	view->readers = palloc(sizeof(Bm25Reader *) * Max(view->nsegs, 1));
	for (int i = 0; i < view->nsegs; i++)
		view->readers[i] = Bm25OpenSegment(index, &view->meta.segs[i], &view->srcs[i]);
}

/* Pending documents holding a term. */
static uint64
bm25_pending_df(const Bm25PendingList *pending, const char *lex, size_t len)
{
	uint64		df = 0;

	for (int d = 0; d < pending->ndocs; d++)
	{
		const Bm25Doc *doc = &pending->docs[d];

		for (int i = 0; i < doc->nterms; i++)
		{
			if (doc->terms[i].len == len && memcmp(doc->terms[i].lex, lex, len) == 0)
			{
				df++;
				break;
			}
		}
	}
	return df;
}

/*
 * The df of the last query computed on an index, kept with the index's
 * relcache entry (rd_amcache: one chunk, freed by any relcache reset) and
 * valid for one metapage generation: the <=> in the select list of an index
 * scan then reuses what the scan read.  Layout: this header, df[nterms],
 * then the tsquery's bytes.
 */
typedef struct Bm25Memo
{
	uint64		generation;
	Size		querylen;
	int			nterms;
	uint64		df[FLEXIBLE_ARRAY_MEMBER];
} Bm25Memo;

#define Bm25MemoQuery(m) ((char *) &(m)->df[(m)->nterms])

/* Set q's statistics from the memo when it is for this query and metapage. */
bool
Bm25StatsFromMemo(Relation index, const Bm25MetaData *meta, TSQuery tsq, Bm25Query *q)
{
	Bm25Memo   *memo = (Bm25Memo *) index->rd_amcache;

	if (memo == NULL || memo->generation != meta->generation ||
		memo->nterms != Bm25QueryNumTerms(q) || memo->querylen != VARSIZE(tsq) ||
		memcmp(Bm25MemoQuery(memo), tsq, memo->querylen) != 0)
		return false;
	Bm25QuerySetStats(q, meta->ndocs, meta->total_dl, memo->df);
	return true;
}

static void
bm25_memo_put(Relation index, const Bm25MetaData *meta, TSQuery tsq, const uint64 *df, int nterms)
{
	Bm25Memo   *memo;

	if (index->rd_amcache != NULL)
		pfree(index->rd_amcache);
	index->rd_amcache = NULL;
	memo = MemoryContextAlloc(index->rd_indexcxt,
							  offsetof(Bm25Memo, df) + sizeof(uint64) * nterms + VARSIZE(tsq));
	memo->generation = meta->generation;
	memo->nterms = nterms;
	memo->querylen = VARSIZE(tsq);
	memcpy(memo->df, df, sizeof(uint64) * nterms);
	memcpy(Bm25MemoQuery(memo), tsq, VARSIZE(tsq));
	index->rd_amcache = memo;
}

/* Give q the view's N, total length and each term's df over segments + pending. */
void
Bm25SetQueryStats(Relation index, Bm25IndexView *view, TSQuery tsq, Bm25Query *q)
{
	int			nterms = Bm25QueryNumTerms(q);
	uint64	   *df;

	if (Bm25StatsFromMemo(index, &view->meta, tsq, q))
		return;
	df = palloc0(sizeof(uint64) * Max(nterms, 1));

	for (int t = 0; t < nterms; t++)
	{
		const char *lex;
		size_t		len;

		CHECK_FOR_INTERRUPTS();
		Bm25QueryTerm(q, t, &lex, &len);
		for (int s = 0; s < view->nsegs; s++)
		{
			Bm25TermInfo info;
			int			status = Bm25ReaderLookup(view->readers[s], lex, len, &info);

			if (status == BM25_OK)
				df[t] += info.df;
			else if (status != BM25_NOT_FOUND)
				Bm25ReportCoreError(index, "looking up a term", status,
									Bm25ReaderError(view->readers[s]));
		}
		df[t] += bm25_pending_df(&view->pending, lex, len);
	}
	Bm25QuerySetStats(q, view->meta.ndocs, view->meta.total_dl, df);
	bm25_memo_put(index, &view->meta, tsq, df, nterms);
	pfree(df);
}
