/*
 * pg_bm25_vacuum.c — VACUUM: rewrite what holds dead TIDs, recycle pages.
 *
 * ambulkdelete rewrites every segment that holds a dead TID without it
 * (and turns a pending list holding one into a segment), so N, the average
 * length and every df describe exactly the documents left.  The replaced
 * pages are marked deleted with the next XID; amvacuumcleanup gives them to
 * the FSM only once GlobalVisCheckRemovableFullXid says no running scan can
 * still read them (a scan reads the pages its copy of the metapage names).
 */
#include "postgres.h"

#include "access/genam.h"
#include "commands/vacuum.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/indexfsm.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "pg_bm25.h"

typedef struct Bm25DeadCheck
{
	IndexBulkDeleteCallback callback;
	void	   *state;
} Bm25DeadCheck;

static bool
bm25_is_dead(Bm25DeadCheck *dc, const Bm25Tid *tid)
{
	ItemPointerData ip;

	Bm25ItemPointerFromTid(tid, &ip);
	return dc->callback(&ip, dc->state);
}

/* The core's keep() for Bm25BuildAddSegment: live TIDs only. */
static bool
bm25_keep_live(void *arg, const Bm25Tid *tid)
{
	return !bm25_is_dead((Bm25DeadCheck *) arg, tid);
}

/* Dead documents of a segment, by its doc table. */
static uint32
bm25_count_dead(Relation index, Bm25Reader *r, uint32 ndocs, Bm25DeadCheck *dc)
{
	uint32		dead = 0;

	for (uint32 ord = 0; ord < ndocs; ord++)
	{
		Bm25Tid		tid;
		uint32		dl;
		int			status = Bm25ReaderDoc(r, ord, &tid, &dl);

		if (status != BM25_OK)
			Bm25ReportCoreError(index, "reading a document", status, Bm25ReaderError(r));
		if ((ord & 1023) == 0)
			vacuum_delay_point();
		if (bm25_is_dead(dc, &tid))
			dead++;
	}
	return dead;
}

/* A segment without its dead documents (ref->ndocs 0 when none is left). */
static uint32
bm25_rewrite_segment(Relation index, const Bm25Params *params, Bm25SegmentRef *ref,
					 Bm25DeadCheck *dc)
{
	Bm25SegmentSource src;
	Bm25Reader *r = Bm25OpenSegment(index, ref, &src);
	uint32		dead = bm25_count_dead(index, r, ref->ndocs, dc);
	Bm25Builder *b;
	int			status;

	if (dead == 0)
		return 0;
	b = Bm25BuildCreate(params, BM25_PAYLOAD);
	status = Bm25BuildAddSegment(b, r, bm25_keep_live, dc);
	if (status != BM25_OK)
		Bm25ReportCoreError(index, "rewriting a segment", status, Bm25BuildError(b));
	Bm25FinishImage(index, b, ref);
	return dead;
}

/* The live pending documents as a segment; how many dead ones were dropped. */
static uint32
bm25_rewrite_pending(Relation index, const Bm25Params *params, const Bm25MetaData *meta,
					 Bm25SegmentRef *ref, Bm25DeadCheck *dc)
{
	Bm25PendingList pending;
	Bm25Builder *b = Bm25BuildCreate(params, BM25_PAYLOAD);
	uint32		dead = 0;

	Bm25PendingRead(index, meta, &pending);
	for (int i = 0; i < pending.ndocs; i++)
	{
		Bm25Doc    *doc = &pending.docs[i];
		int			status;

		if (bm25_is_dead(dc, &doc->tid))
		{
			dead++;
			continue;
		}
		status = Bm25BuildAddDoc(b, &doc->tid, doc->terms, doc->nterms);
		if (status != BM25_OK)
			Bm25ReportCoreError(index, "rewriting the pending list", status, Bm25BuildError(b));
	}
	if (dead == 0)
	{
		memset(ref, 0, sizeof(*ref));
		return 0;
	}
	Bm25FinishImage(index, b, ref);
	return dead;
}

/* Totals of a metapage from its segments and pending counts. */
static void
bm25_recount(Bm25MetaData *meta)
{
	meta->ndocs = meta->pending_docs;
	meta->total_dl = meta->pending_dl;
	for (uint32 i = 0; i < meta->nsegments; i++)
	{
		meta->ndocs += meta->segs[i].ndocs;
		meta->total_dl += meta->segs[i].total_dl;
	}
}

IndexBulkDeleteResult *
bm25_ambulkdelete(IndexVacuumInfo *info, IndexBulkDeleteResult *stats,
				  IndexBulkDeleteCallback callback, void *callback_state)
{
	Relation	index = info->index;
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "bm25 vacuum",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Bm25DeadCheck dc = {callback, callback_state};
	Bm25MetaData before,
				meta;
	Bm25Params	params;
	bool		replaced[BM25_MAX_SEGMENTS];
	bool		pending_replaced = false;
	uint64		removed = 0;

	Bm25LockWriters(index);
	Bm25ReadMeta(index, &before);
	Bm25IndexParams(index, &before, &params);
	meta = before;
	meta.nsegments = 0;
	for (uint32 i = 0; i < before.nsegments; i++)
	{
		Bm25SegmentRef ref = before.segs[i];
		uint32		dead = bm25_rewrite_segment(index, &params, &ref, &dc);

		replaced[i] = (dead > 0);
		removed += dead;
		if (ref.ndocs > 0)
			meta.segs[meta.nsegments++] = ref;
	}
	if (before.pending_docs > 0)
	{
		Bm25SegmentRef ref;
		uint32		dead = bm25_rewrite_pending(index, &params, &before, &ref, &dc);

		if (dead > 0)
		{
			pending_replaced = true;
			removed += dead;
			if (ref.ndocs > 0)
				meta.segs[meta.nsegments++] = ref;
			meta.pending_head = meta.pending_tail = InvalidBlockNumber;
			meta.pending_tail_used = meta.pending_docs = 0;
			meta.pending_bytes = meta.pending_dl = 0;
		}
	}
	if (removed > 0)
	{
		bm25_recount(&meta);
		Bm25WriteMeta(index, &meta);
		for (uint32 i = 0; i < before.nsegments; i++)
			if (replaced[i])
				Bm25FreeSegmentPages(index, &before.segs[i]);
		if (pending_replaced)
			Bm25FreePendingPages(index, &before);
	}
	Bm25UnlockWriters(index);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);

	if (stats == NULL)
		stats = palloc0(sizeof(IndexBulkDeleteResult));
	stats->tuples_removed += removed;
	stats->num_index_tuples = meta.ndocs;
	return stats;
}

/* Pages the metapage reaches: its segments' data and map pages, the pending chain. */
static bool *
bm25_pages_in_use(Relation index, const Bm25MetaData *meta, BlockNumber nblocks)
{
	bool	   *used = palloc0(sizeof(bool) * nblocks);
	BlockNumber blkno = meta->pending_head;

	used[BM25_METAPAGE] = true;
	for (uint32 i = 0; i < meta->nsegments; i++)
	{
		Bm25SegmentSource src;

		Bm25LoadSegment(index, &meta->segs[i], &src);
		for (uint32 c = 0; c < src.nchunks; c++)
			if (src.blocks[c] < nblocks)
				used[src.blocks[c]] = true;
		for (int m = 0; m < src.nmap; m++)
			used[src.map_blocks[m]] = true;
	}
	while (blkno != InvalidBlockNumber && blkno < nblocks && !used[blkno])
	{
		Buffer		buf = ReadBuffer(index, blkno);

		used[blkno] = true;
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		Bm25CheckPage(index, BufferGetPage(buf), blkno, BM25_PAGE_PENDING);
		blkno = (blkno == meta->pending_tail) ? InvalidBlockNumber :
			Bm25PageGetOpaque(BufferGetPage(buf))->next;
		UnlockReleaseBuffer(buf);
	}
	return used;
}

/*
 * Sort every page: in use, deleted (to the FSM once no scan can read it),
 * new, or orphaned by a crash between writing pages and the metapage
 * (marked deleted now, recycled by a later VACUUM).
 */
static void
bm25_recycle_pages(Relation index, IndexBulkDeleteResult *stats)
{
	Bm25MetaData meta;
	BlockNumber nblocks = RelationGetNumberOfBlocks(index);
	bool	   *used;
	BlockNumber *orphans = palloc(sizeof(BlockNumber) * nblocks);
	int			norphans = 0;

	Bm25ReadMeta(index, &meta);
	used = bm25_pages_in_use(index, &meta, nblocks);
	stats->pages_free = 0;
	stats->pages_deleted = 0;
	for (BlockNumber blkno = 1; blkno < nblocks; blkno++)
	{
		Buffer		buf;
		Page		page;

		vacuum_delay_point();
		if (used[blkno])
			continue;
		buf = ReadBuffer(index, blkno);
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		page = BufferGetPage(buf);
		if (PageIsNew(page))
		{
			RecordFreeIndexPage(index, blkno);
			stats->pages_free++;
		}
		else if (Bm25PageGetOpaque(page)->flags & BM25_PAGE_DELETED)
		{
			stats->pages_deleted++;
			if (GlobalVisCheckRemovableFullXid(NULL, Bm25PageGetOpaque(page)->delxid))
			{
				RecordFreeIndexPage(index, blkno);
				stats->pages_free++;
			}
		}
		else
			orphans[norphans++] = blkno;
		UnlockReleaseBuffer(buf);
	}
	Bm25MarkDeleted(index, orphans, norphans);
	stats->pages_newly_deleted += norphans;
	stats->num_pages = nblocks;
	stats->num_index_tuples = meta.ndocs;
	stats->estimated_count = false;
}

IndexBulkDeleteResult *
bm25_amvacuumcleanup(IndexVacuumInfo *info, IndexBulkDeleteResult *stats)
{
	Relation	index = info->index;

	if (info->analyze_only)
		return stats;
	if (stats == NULL)
		stats = palloc0(sizeof(IndexBulkDeleteResult));
	Bm25LockWriters(index);
	bm25_recycle_pages(index, stats);
	Bm25UnlockWriters(index);
	IndexFreeSpaceMapVacuum(index);
	return stats;
}
