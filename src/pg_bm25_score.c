/*
 * pg_bm25_score.c — bm25_score(tsvector, bm25query) and the <=> operator.
 *
 * Both score a tsvector with the named index's statistics and options,
 * through the same core function as the index scan, so the values are
 * bit-identical.  The statistics are read once per call site (cached in
 * fn_extra with the query they belong to), not once per row; each call
 * compares the metapage generation, because a call site can outlive a
 * statement (a PL/pgSQL expression in a loop) while rows are written.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/xact.h"
#include "storage/proc.h"
#include "storage/lockdefs.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "pg_bm25.h"

PG_FUNCTION_INFO_V1(bm25_score);
PG_FUNCTION_INFO_V1(bm25_distance);

/* What tells one statement's view of the data from the next one's. */
typedef struct Bm25StatementView
{
	LocalTransactionId lxid;
	CommandId	cid;			/* own writes advance it */
	TransactionId xmin;			/* a commit elsewhere moves xmax or shrinks xip */
	TransactionId xmax;
	uint32		xcnt;
} Bm25StatementView;

typedef struct Bm25ScoreCache
{
	MemoryContext cxt;			/* the query and its statistics */
	Oid			indexoid;
	uint64		generation;		/* of the metapage the statistics came from */
	Bm25StatementView seen;		/* the statement view it was last checked in */
	Size		querylen;
	char	   *querybytes;		/* the tsquery the statistics belong to */
	Bm25Params	params;
	Bm25Query  *query;
} Bm25ScoreCache;

/* The current statement's view: transaction, command and snapshot. */
static void
bm25_statement_view(Bm25StatementView *view)
{
	Snapshot	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;

	memset(view, 0, sizeof(*view));
	view->lxid = MyProc->lxid;
	view->cid = GetCurrentCommandId(false);
	if (snap != NULL)
	{
		view->xmin = snap->xmin;
		view->xmax = snap->xmax;
		view->xcnt = snap->xcnt;
	}
}

/* (Re)load the statistics of qd's index for qd's query into the cache. */
static void
bm25_cache_load(Bm25ScoreCache *cache, Bm25QueryDatum *qd)
{
	TSQuery		tsq = Bm25DatumTsquery(qd);
	MemoryContext tmp = AllocSetContextCreate(CurrentMemoryContext, "bm25_score stats",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old;
	Relation	index;
	Bm25MetaData meta;
	Bm25IndexView view;

	MemoryContextReset(cache->cxt);
	cache->indexoid = InvalidOid;
	Bm25CheckIndexOid(qd->indexoid);
	index = index_open(qd->indexoid, AccessShareLock);
	old = MemoryContextSwitchTo(cache->cxt);
	Bm25ReadMeta(index, &meta);
	cache->generation = meta.generation;
	bm25_statement_view(&cache->seen);
	Bm25IndexParams(index, &meta, &cache->params);
	cache->query = Bm25QueryFromTsquery(&cache->params, tsq);
	/* the scan of the same query has usually just computed the df */
	if (!Bm25StatsFromMemo(index, &meta, tsq, cache->query))
	{
		MemoryContextSwitchTo(tmp);
		Bm25OpenView(index, &view);
		MemoryContextSwitchTo(cache->cxt);
		Bm25SetQueryStats(index, &view, tsq, cache->query);
	}
	cache->querylen = VARSIZE(tsq);
	cache->querybytes = palloc(cache->querylen);
	memcpy(cache->querybytes, tsq, cache->querylen);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(tmp);
	index_close(index, AccessShareLock);
	cache->indexoid = qd->indexoid;
}

/*
 * Whether the cached statistics still hold: yes within the statement that
 * last checked them; in a later one, if the index has not been written since.
 */
static bool
bm25_cache_current(Bm25ScoreCache *cache)
{
	Bm25StatementView now;
	Relation	index;
	bool		current;

	bm25_statement_view(&now);
	if (memcmp(&now, &cache->seen, sizeof(now)) == 0)
		return true;
	index = try_index_open(cache->indexoid, AccessShareLock);
	if (index == NULL)
		return false;			/* dropped: the reload reports it */
	current = Bm25ReadGeneration(index) == cache->generation;
	index_close(index, AccessShareLock);
	if (current)
		cache->seen = now;
	return current;
}

/*
 * The cached query of this call site, loaded when the bm25query changes or
 * the index has been written since.
 */
static Bm25ScoreCache *
bm25_cache_get(FunctionCallInfo fcinfo, Bm25QueryDatum *qd)
{
	Bm25ScoreCache *cache = (Bm25ScoreCache *) fcinfo->flinfo->fn_extra;
	TSQuery		tsq = Bm25DatumTsquery(qd);

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(Bm25ScoreCache));
		cache->cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "bm25_score cache",
										   ALLOCSET_SMALL_SIZES);
		fcinfo->flinfo->fn_extra = cache;
	}
	if (cache->indexoid != qd->indexoid || cache->querylen != VARSIZE(tsq) ||
		memcmp(cache->querybytes, tsq, cache->querylen) != 0 ||
		!bm25_cache_current(cache))
		bm25_cache_load(cache, qd);
	return cache;
}

/* The score of tsvector arg 0 for bm25query arg 1. */
static double
bm25_score_args(FunctionCallInfo fcinfo)
{
	TSVector	tsv = PG_GETARG_TSVECTOR(0);
	Bm25QueryDatum *qd = PG_GETARG_BM25QUERY(1);
	Bm25ScoreCache *cache = bm25_cache_get(fcinfo, qd);
	Bm25Doc		doc;
	double		score = 0.0;

	if (Bm25QueryNumTerms(cache->query) == 0)
		return 0.0;
	Bm25DocFromTsvector(&cache->params, tsv, &doc);
	Bm25QueryScoreDoc(cache->query, doc.terms, doc.nterms, doc.dl, &score);
	pfree(doc.terms);
	return score;
}

/* bm25_score(tsvector, bm25query) → float8: the score, 0 when no term matches */
Datum
bm25_score(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(bm25_score_args(fcinfo));
}

/* tsvector <=> bm25query → float8: the negated score (ascending = best first) */
Datum
bm25_distance(PG_FUNCTION_ARGS)
{
	double		score = bm25_score_args(fcinfo);

	PG_RETURN_FLOAT8(score > 0.0 ? -score : 0.0);
}
