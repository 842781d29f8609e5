/*
 * pg_bm25_scan.c — ORDER BY tsvector <=> bm25query as an index scan.
 *
 * The AM does not know the LIMIT.  It computes the best k0 documents, returns
 * them in (score desc, TID asc) order, and when the executor wants more
 * (rows filtered by WHERE, or dead heap tuples) computes the next 4 × k
 * strictly after the last key it returned — never a row twice, and a
 * WHERE + LIMIT query gets its k rows whenever k rows qualify.  All batches
 * use the one view of the index read at the start of the scan.
 */
#include "postgres.h"

#include "access/relscan.h"
#include "nodes/nodes.h"
#include "utils/relcache.h"
#include "miscadmin.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "pg_bm25.h"

#define BM25_FIRST_K 10

typedef struct Bm25ScanOpaqueData
{
	MemoryContext cxt;			/* everything of the current rescan */
	MemoryContext batchcxt;		/* one top-k computation */
	Relation	twin;			/* the index the bm25query names, if not this one */
	bool		started;
	bool		exhausted;		/* the last batch came back short */
	Bm25IndexView view;
	Bm25Query  *query;
	int			k;
	Bm25Hit    *hits;
	int			nhits;
	int			pos;
	bool		have_last;
	Bm25Hit		last;
} Bm25ScanOpaqueData;

typedef Bm25ScanOpaqueData *Bm25ScanOpaque;

IndexScanDesc
bm25_ambeginscan(Relation index, int nkeys, int norderbys)
{
	IndexScanDesc scan = RelationGetIndexScan(index, nkeys, norderbys);
	Bm25ScanOpaque so = palloc0(sizeof(Bm25ScanOpaqueData));

	so->cxt = AllocSetContextCreate(CurrentMemoryContext, "bm25 scan", ALLOCSET_DEFAULT_SIZES);
	so->batchcxt = AllocSetContextCreate(so->cxt, "bm25 scan batch", ALLOCSET_DEFAULT_SIZES);
	scan->opaque = so;
	scan->xs_orderbyvals = palloc0(sizeof(Datum) * Max(norderbys, 1));
	scan->xs_orderbynulls = palloc(sizeof(bool) * Max(norderbys, 1));
	memset(scan->xs_orderbynulls, true, sizeof(bool) * Max(norderbys, 1));
	return scan;
}

void
bm25_amrescan(IndexScanDesc scan, ScanKey keys, int nkeys, ScanKey orderbys, int norderbys)
{
	Bm25ScanOpaque so = (Bm25ScanOpaque) scan->opaque;

	if (keys && scan->numberOfKeys > 0)
		memmove(scan->keyData, keys, scan->numberOfKeys * sizeof(ScanKeyData));
	if (orderbys && scan->numberOfOrderBys > 0)
		memmove(scan->orderByData, orderbys, scan->numberOfOrderBys * sizeof(ScanKeyData));
	if (so->twin != NULL)
		index_close(so->twin, AccessShareLock);
	so->twin = NULL;
	MemoryContextReset(so->cxt);
	so->batchcxt = AllocSetContextCreate(so->cxt, "bm25 scan batch", ALLOCSET_DEFAULT_SIZES);
	so->started = false;
	so->exhausted = false;
	so->hits = NULL;
	so->nhits = so->pos = 0;
	so->have_last = false;
}

/* Compute the next batch: the best k hits strictly after the last returned. */
static void
bm25_next_batch(IndexScanDesc scan)
{
	Bm25ScanOpaque so = (Bm25ScanOpaque) scan->opaque;
	Bm25IndexView *view = &so->view;
	MemoryContext old;
	Bm25TopK   *topk;
	const Bm25Hit *hits;
	int			n;

	MemoryContextReset(so->batchcxt);
	old = MemoryContextSwitchTo(so->batchcxt);
	topk = Bm25TopKCreate(so->k, so->have_last ? &so->last : NULL);
	for (int i = 0; i < view->pending.ndocs; i++)
	{
		const Bm25Doc *doc = &view->pending.docs[i];
		double		score;

		CHECK_FOR_INTERRUPTS();
		if (Bm25QueryScoreDoc(so->query, doc->terms, doc->nterms, doc->dl, &score) > 0)
			Bm25TopKOffer(topk, score, &doc->tid);
	}
	for (int s = 0; s < view->nsegs; s++)
	{
		int			status = Bm25Search(so->query, view->readers[s], topk, NULL);

		if (status != BM25_OK)
			Bm25ReportCoreError(scan->indexRelation, "searching a segment", status,
								Bm25ReaderError(view->readers[s]));
	}
	n = Bm25TopKResults(topk, &hits);
	so->hits = palloc(sizeof(Bm25Hit) * Max(n, 1));
	memcpy(so->hits, hits, sizeof(Bm25Hit) * n);
	so->nhits = n;
	so->pos = 0;
	so->exhausted = (n < so->k);
	MemoryContextSwitchTo(old);
}

/*
 * The bm25query names another bm25 index (a generic plan can pick either of
 * two indexes on one column): read that one instead, which is right when it
 * indexes the same expression of the same rows; refuse otherwise.
 */
static Relation
bm25_open_twin(Relation index, Oid twinoid)
{
	Relation	twin;

	Bm25CheckIndexOid(twinoid);
	twin = index_open(twinoid, AccessShareLock);
	if (twin->rd_index->indrelid != index->rd_index->indrelid ||
		twin->rd_index->indkey.values[0] != index->rd_index->indkey.values[0] ||
		!equal(RelationGetIndexExpressions(twin), RelationGetIndexExpressions(index)) ||
		!equal(RelationGetIndexPredicate(twin), RelationGetIndexPredicate(index)))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("the bm25query names index \"%s\", which does not index what \"%s\" does",
						RelationGetRelationName(twin), RelationGetRelationName(index)),
				 errhint("Order by the expression that \"%s\" indexes.",
						 RelationGetRelationName(twin))));
	return twin;
}

/* First call after a rescan: the query, the view of the index, the first batch. */
static void
bm25_start(IndexScanDesc scan)
{
	Bm25ScanOpaque so = (Bm25ScanOpaque) scan->opaque;
	Relation	index = scan->indexRelation;
	MemoryContext old;
	Bm25QueryDatum *qd;

	so->started = true;
	if (scan->numberOfOrderBys != 1)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("a bm25 index can only be scanned by ORDER BY tsvector <=> bm25query"),
				 errhint("Write ORDER BY expression <=> bm25query('%s', query) LIMIT n.",
						 RelationGetRelationName(index))));
	if (scan->orderByData[0].sk_flags & SK_ISNULL)
	{
		so->exhausted = true;
		return;
	}
	old = MemoryContextSwitchTo(so->cxt);
	qd = (Bm25QueryDatum *) PG_DETOAST_DATUM(scan->orderByData[0].sk_argument);
	if (qd->indexoid != RelationGetRelid(index))
		index = so->twin = bm25_open_twin(index, qd->indexoid);
	Bm25OpenView(index, &so->view);
	so->query = Bm25QueryFromTsquery(&so->view.params, Bm25DatumTsquery(qd));
	if (Bm25QueryNumTerms(so->query) == 0 || so->view.meta.ndocs == 0)
		so->exhausted = true;
	else
	{
		Bm25SetQueryStats(index, &so->view, Bm25DatumTsquery(qd), so->query);
		so->k = BM25_FIRST_K;
		bm25_next_batch(scan);
	}
	MemoryContextSwitchTo(old);
}

bool
bm25_amgettuple(IndexScanDesc scan, ScanDirection dir)
{
	Bm25ScanOpaque so = (Bm25ScanOpaque) scan->opaque;

	if (!so->started)
		bm25_start(scan);
	while (so->pos >= so->nhits)
	{
		MemoryContext old;

		if (so->exhausted)
			return false;
		/* widen: 4 × more, after the last key returned */
		so->k = (so->k > INT_MAX / 4) ? INT_MAX : so->k * 4;
		old = MemoryContextSwitchTo(so->cxt);
		bm25_next_batch(scan);
		MemoryContextSwitchTo(old);
	}
	so->last = so->hits[so->pos++];
	so->have_last = true;
	Bm25ItemPointerFromTid(&so->last.tid, &scan->xs_heaptid);
	scan->xs_recheck = false;
	scan->xs_recheckorderby = false;
	scan->xs_orderbyvals[0] = Float8GetDatum(-so->last.score);
	scan->xs_orderbynulls[0] = false;
	return true;
}

void
bm25_amendscan(IndexScanDesc scan)
{
	Bm25ScanOpaque so = (Bm25ScanOpaque) scan->opaque;

	if (so->twin != NULL)
		index_close(so->twin, AccessShareLock);
	MemoryContextDelete(so->cxt);
	pfree(so);
	scan->opaque = NULL;
}
