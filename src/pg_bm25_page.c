/*
 * pg_bm25_page.c — pages of a bm25 index: the metapage, new and recycled
 * pages, deletion marks, the writers' lock.  Every change goes through
 * generic WAL, so a standby replays it without this extension.
 */
#include "postgres.h"

#include "access/generic_xlog.h"
#include "access/transam.h"
#include "access/xloginsert.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/indexfsm.h"
#include "storage/lmgr.h"
#include "utils/rel.h"
#include "utils/timestamp.h"
#include "utils/snapmgr.h"

#include "pg_bm25.h"

/* An empty page of the given type. */
void
Bm25InitPage(Page page, uint16 type)
{
	Bm25PageOpaque opaque;

	PageInit(page, BLCKSZ, sizeof(Bm25PageOpaqueData));
	opaque = Bm25PageGetOpaque(page);
	opaque->delxid = InvalidFullTransactionId;
	opaque->next = InvalidBlockNumber;
	opaque->flags = type;
	opaque->page_id = BM25_PAGE_ID;
}

/*
 * The opaque data of a page after checking it is ours and of the expected
 * type (0 = any); a mismatch is index corruption.  A deleted page still
 * holds valid contents for scans that started before it was replaced.
 */
Bm25PageOpaque
Bm25CheckPage(Relation index, Page page, BlockNumber blkno, uint16 type)
{
	Bm25PageOpaque opaque;

	if (PageIsNew(page) || PageGetSpecialSize(page) != MAXALIGN(sizeof(Bm25PageOpaqueData)))
		ereport(ERROR,
				(errcode(ERRCODE_INDEX_CORRUPTED),
				 errmsg("bm25 index \"%s\" has an invalid page at block %u",
						RelationGetRelationName(index), blkno),
				 errhint("REINDEX the index.")));
	opaque = Bm25PageGetOpaque(page);
	if (opaque->page_id != BM25_PAGE_ID ||
		(type != 0 && (opaque->flags & BM25_PAGE_TYPEMASK) != type))
		ereport(ERROR,
				(errcode(ERRCODE_INDEX_CORRUPTED),
				 errmsg("bm25 index \"%s\" has a page of the wrong type at block %u",
						RelationGetRelationName(index), blkno),
				 errdetail("Expected type %u, found flags 0x%x.", type, opaque->flags),
				 errhint("REINDEX the index.")));
	return opaque;
}

/* A core status as an ereport: corrupt data is index corruption. */
void
Bm25ReportCoreError(Relation index, const char *what, int status, const char *msg)
{
	int			code = ERRCODE_INTERNAL_ERROR;

	if (status == BM25_ERR_CORRUPT || status == BM25_ERR_READ)
		code = ERRCODE_INDEX_CORRUPTED;
	else if (status == BM25_ERR_TERM_TOO_LONG || status == BM25_ERR_LIMIT)
		code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
	else if (status == BM25_ERR_PARAMS)
		code = ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE;
	ereport(ERROR,
			(errcode(code),
			 errmsg("bm25 index \"%s\": %s: %s", RelationGetRelationName(index),
					what, Bm25StatusText(status)),
			 msg && msg[0] ? errdetail("%s", msg) : 0,
			 errhint("REINDEX the index if this persists.")));
}

/*
 * A new page, exclusively locked: a deleted page the FSM offers (VACUUM put
 * it there once no scan could still read it), else a new block.
 */
Buffer
Bm25NewBuffer(Relation index)
{
	Buffer		buf;

	for (;;)
	{
		BlockNumber blkno = GetFreeIndexPage(index);
		Page		page;

		if (blkno == InvalidBlockNumber)
			break;
		buf = ReadBuffer(index, blkno);
		if (ConditionalLockBuffer(buf))
		{
			page = BufferGetPage(buf);
			if (PageIsNew(page))
				return buf;
			if (PageGetSpecialSize(page) == MAXALIGN(sizeof(Bm25PageOpaqueData)) &&
				(Bm25PageGetOpaque(page)->flags & BM25_PAGE_DELETED) &&
				GlobalVisCheckRemovableFullXid(NULL, Bm25PageGetOpaque(page)->delxid))
				return buf;
			LockBuffer(buf, BUFFER_LOCK_UNLOCK);
		}
		ReleaseBuffer(buf);
	}

	LockRelationForExtension(index, ExclusiveLock);
	buf = ReadBuffer(index, P_NEW);
	LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
	UnlockRelationForExtension(index, ExclusiveLock);
	return buf;
}

/*
 * The metapage's generation alone: what a cached copy of the statistics
 * checks before each use (cheaper than copying the segment table).
 */
uint64
Bm25ReadGeneration(Relation index)
{
	Buffer		buf = ReadBuffer(index, BM25_METAPAGE);
	uint64		generation;
	Page		page;

	LockBuffer(buf, BUFFER_LOCK_SHARE);
	page = BufferGetPage(buf);
	Bm25CheckPage(index, page, BM25_METAPAGE, BM25_PAGE_META);
	generation = ((Bm25MetaData *) PageGetContents(page))->generation;
	UnlockReleaseBuffer(buf);
	return generation;
}

/* A copy of the metapage, read under a share lock (a scan's whole view). */
void
Bm25ReadMeta(Relation index, Bm25MetaData *meta)
{
	Buffer		buf = ReadBuffer(index, BM25_METAPAGE);
	Page		page;

	LockBuffer(buf, BUFFER_LOCK_SHARE);
	page = BufferGetPage(buf);
	Bm25CheckPage(index, page, BM25_METAPAGE, BM25_PAGE_META);
	memcpy(meta, PageGetContents(page), sizeof(Bm25MetaData));
	UnlockReleaseBuffer(buf);
	if (meta->magic != BM25_MAGIC || meta->version != BM25_VERSION ||
		meta->nsegments > BM25_MAX_SEGMENTS)
		ereport(ERROR,
				(errcode(ERRCODE_INDEX_CORRUPTED),
				 errmsg("bm25 index \"%s\" has an invalid metapage",
						RelationGetRelationName(index)),
				 errdetail("magic 0x%x, version %u, %u segments",
						   meta->magic, meta->version, meta->nsegments),
				 errhint("REINDEX the index.")));
}

/* Put the metapage on a page (pd_lower covers it: generic WAL keeps it). */
static void
bm25_put_meta(Page page, const Bm25MetaData *meta)
{
	memcpy(PageGetContents(page), meta, sizeof(Bm25MetaData));
	((PageHeader) page)->pd_lower = (PageGetContents(page) - page) + sizeof(Bm25MetaData);
}

/* Replace the metapage, WAL-logged as one record (the writers' lock is held). */
void
Bm25WriteMeta(Relation index, Bm25MetaData *meta)
{
	Buffer		buf = ReadBuffer(index, BM25_METAPAGE);
	GenericXLogState *state;
	Page		page;

	LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
	meta->generation++;
	state = GenericXLogStart(index);
	page = GenericXLogRegisterBuffer(state, buf, 0);
	bm25_put_meta(page, meta);
	GenericXLogFinish(state);
	UnlockReleaseBuffer(buf);
}

/*
 * Block 0 of an empty index (main fork, or the init fork of an unlogged
 * one: that is WAL-logged even though the relation is not).
 */
void
Bm25InitMetaPage(Relation index, ForkNumber fork, int lead_positions)
{
	Buffer		buf = ReadBufferExtended(index, fork, P_NEW, RBM_NORMAL, NULL);
	Page		page;
	Bm25MetaData meta;

	Assert(BufferGetBlockNumber(buf) == BM25_METAPAGE);
	LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
	memset(&meta, 0, sizeof(meta));
	meta.magic = BM25_MAGIC;
	meta.version = BM25_VERSION;
	meta.lead_positions = lead_positions;
	meta.pending_head = meta.pending_tail = InvalidBlockNumber;
	/* distinct per build, so a REINDEX never repeats an old generation */
	meta.generation = (uint64) GetCurrentTimestamp() << 16;

	page = BufferGetPage(buf);
	START_CRIT_SECTION();
	Bm25InitPage(page, BM25_PAGE_META);
	bm25_put_meta(page, &meta);
	MarkBufferDirty(buf);
	if (fork == INIT_FORKNUM || RelationNeedsWAL(index))
		log_newpage_buffer(buf, true);
	END_CRIT_SECTION();
	UnlockReleaseBuffer(buf);
}

/*
 * Mark pages no longer referenced as deleted: contents stay for scans that
 * still read them, the stamp says from which XID on nobody can.
 */
void
Bm25MarkDeleted(Relation index, const BlockNumber *blocks, int n)
{
	FullTransactionId stamp = ReadNextFullTransactionId();

	for (int i = 0; i < n; i++)
	{
		Buffer		buf = ReadBuffer(index, blocks[i]);
		GenericXLogState *state;
		Page		page;
		Bm25PageOpaque opaque;

		CHECK_FOR_INTERRUPTS();
		LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
		state = GenericXLogStart(index);
		page = GenericXLogRegisterBuffer(state, buf, 0);
		opaque = Bm25CheckPage(index, page, blocks[i], 0);
		opaque->flags |= BM25_PAGE_DELETED;
		opaque->delxid = stamp;
		GenericXLogFinish(state);
		UnlockReleaseBuffer(buf);
	}
}

/*
 * Writers (inserts, flushes, VACUUM) take turns through a heavyweight lock
 * on the metapage, so waiting is interruptible and deadlock-checked; scans
 * never take it.
 */
void
Bm25LockWriters(Relation index)
{
	LockPage(index, BM25_METAPAGE, ExclusiveLock);
}

void
Bm25UnlockWriters(Relation index)
{
	UnlockPage(index, BM25_METAPAGE, ExclusiveLock);
}
