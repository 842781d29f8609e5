/*
 * pg_bm25_insert.c — aminsert: the pending list, and turning it into a segment.
 *
 * An insert appends one record to the pending list, a byte log spread over
 * chained pages: 6-byte TID, uint32 term count, uint32 dl, then per term
 * uint16 length, uint16 tf, uint16 lead and the lexeme bytes.  The last
 * piece of the record and the metapage (N, total length, pending counts)
 * change in one WAL record, so after a crash the record is either all there
 * or not counted.  Past BM25_PENDING_LIMIT bytes the inserter builds a
 * segment from the pending documents (merged with the newest segments when
 * they are not much larger, so segments stay few and logarithmic in size).
 */
#include "postgres.h"

#include "access/generic_xlog.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "pg_bm25.h"

#define BM25_REC_HEADER	14		/* tid 6 + nterms 4 + dl 4 */
#define BM25_REC_TERM	6		/* len 2 + tf 2 + lead 2, then the bytes */

/* A document as one pending-list record; *len its size. */
static char *
bm25_serialize(const Bm25Doc *doc, Size *len)
{
	Size		size = BM25_REC_HEADER;
	char	   *rec,
			   *p;
	uint32		nterms = doc->nterms;

	for (int i = 0; i < doc->nterms; i++)
		size += BM25_REC_TERM + doc->terms[i].len;
	rec = p = palloc(size);
	memcpy(p, doc->tid.b, 6);
	memcpy(p + 6, &nterms, 4);
	memcpy(p + 10, &doc->dl, 4);
	p += BM25_REC_HEADER;
	for (int i = 0; i < doc->nterms; i++)
	{
		const Bm25DocTerm *t = &doc->terms[i];

		memcpy(p, &t->len, 2);
		memcpy(p + 2, &t->freq.tf, 2);
		memcpy(p + 4, &t->freq.lead, 2);
		memcpy(p + BM25_REC_TERM, t->lex, t->len);
		p += BM25_REC_TERM + t->len;
	}
	*len = size;
	return rec;
}

static void
bm25_pending_corrupt(Relation index, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INDEX_CORRUPTED),
			 errmsg("bm25 index \"%s\" has a corrupt pending list",
					RelationGetRelationName(index)),
			 errdetail("%s", detail),
			 errhint("REINDEX the index.")));
}

/* Parse the records of a pending list's bytes (terms point into them). */
static void
bm25_parse_pending(Relation index, Bm25PendingList *list, Size nbytes, uint32 ndocs)
{
	const char *p = list->bytes;
	const char *end = list->bytes + nbytes;

	list->docs = palloc(sizeof(Bm25Doc) * Max(ndocs, 1));
	list->ndocs = 0;
	while (list->ndocs < ndocs)
	{
		Bm25Doc    *doc = &list->docs[list->ndocs++];
		uint32		nterms;

		CHECK_FOR_INTERRUPTS();
		if (end - p < BM25_REC_HEADER)
			bm25_pending_corrupt(index, "A record header runs past the end of the list.");
		memcpy(doc->tid.b, p, 6);
		memcpy(&nterms, p + 6, 4);
		memcpy(&doc->dl, p + 10, 4);
		p += BM25_REC_HEADER;
		if (nterms > (Size) (end - p) / BM25_REC_TERM)
			bm25_pending_corrupt(index, "A record holds more terms than bytes.");
		doc->nterms = nterms;
		doc->terms = palloc(sizeof(Bm25DocTerm) * Max(nterms, 1));
		for (uint32 i = 0; i < nterms; i++)
		{
			Bm25DocTerm *t = &doc->terms[i];

			if (end - p < BM25_REC_TERM)
				bm25_pending_corrupt(index, "A term runs past the end of the list.");
			memcpy(&t->len, p, 2);
			memcpy(&t->freq.tf, p + 2, 2);
			memcpy(&t->freq.lead, p + 4, 2);
			p += BM25_REC_TERM;
			if (end - p < t->len)
				bm25_pending_corrupt(index, "A lexeme runs past the end of the list.");
			t->lex = p;
			p += t->len;
		}
	}
	if (p != end)
		bm25_pending_corrupt(index, "The list holds more bytes than its records.");
}

/* The pending documents a metapage copy counts (bytes copied page by page). */
void
Bm25PendingRead(Relation index, const Bm25MetaData *meta, Bm25PendingList *list)
{
	BlockNumber blkno = meta->pending_head;
	Size		have = 0;

	list->bytes = palloc(Max(meta->pending_bytes, 1));
	while (have < meta->pending_bytes)
	{
		Size		n = Min(BM25_PAYLOAD, meta->pending_bytes - have);
		Buffer		buf;
		Page		page;

		CHECK_FOR_INTERRUPTS();
		if (blkno == InvalidBlockNumber || blkno == BM25_METAPAGE ||
			blkno >= RelationGetNumberOfBlocks(index))
			bm25_pending_corrupt(index, "The page chain ends before the counted bytes.");
		buf = ReadBuffer(index, blkno);
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		page = BufferGetPage(buf);
		Bm25CheckPage(index, page, blkno, BM25_PAGE_PENDING);
		memcpy(list->bytes + have, PageGetContents(page), n);
		blkno = Bm25PageGetOpaque(page)->next;
		UnlockReleaseBuffer(buf);
		have += n;
	}
	bm25_parse_pending(index, list, meta->pending_bytes, meta->pending_docs);
}

/* A fresh, empty pending page (WAL-logged); it is linked by the caller. */
static BlockNumber
bm25_new_pending_page(Relation index)
{
	Buffer		buf = Bm25NewBuffer(index);
	BlockNumber blkno = BufferGetBlockNumber(buf);
	GenericXLogState *state = GenericXLogStart(index);
	Page		page = GenericXLogRegisterBuffer(state, buf, GENERIC_XLOG_FULL_IMAGE);

	Bm25InitPage(page, BM25_PAGE_PENDING);
	GenericXLogFinish(state);
	UnlockReleaseBuffer(buf);
	return blkno;
}

/*
 * Write rec into the tail page (and further pages); the last piece goes in
 * one WAL record with the updated metapage.  The writers' lock is held.
 */
static void
bm25_append_bytes(Relation index, Bm25MetaData *meta, const char *rec, Size len)
{
	Size		off = 0;

	if (meta->pending_head == InvalidBlockNumber)
	{
		meta->pending_head = meta->pending_tail = bm25_new_pending_page(index);
		meta->pending_tail_used = 0;
	}
	for (;;)
	{
		Size		n = Min(BM25_PAYLOAD - meta->pending_tail_used, len - off);
		bool		final = (off + n == len);
		BlockNumber newblk = final ? InvalidBlockNumber : bm25_new_pending_page(index);
		Buffer		tail = ReadBuffer(index, meta->pending_tail);
		Buffer		metabuf = final ? ReadBuffer(index, BM25_METAPAGE) : InvalidBuffer;
		GenericXLogState *state;
		Page		page;

		CHECK_FOR_INTERRUPTS();
		if (final)
			LockBuffer(metabuf, BUFFER_LOCK_EXCLUSIVE);
		LockBuffer(tail, BUFFER_LOCK_EXCLUSIVE);
		state = GenericXLogStart(index);
		page = GenericXLogRegisterBuffer(state, tail, 0);
		Bm25CheckPage(index, page, meta->pending_tail, BM25_PAGE_PENDING);
		memcpy(PageGetContents(page) + meta->pending_tail_used, rec + off, n);
		((PageHeader) page)->pd_lower = (PageGetContents(page) - page) + meta->pending_tail_used + n;
		off += n;
		meta->pending_tail_used += n;
		if (!final)
		{
			Bm25PageGetOpaque(page)->next = newblk;
			meta->pending_tail = newblk;
			meta->pending_tail_used = 0;
		}
		else
		{
			Page		metapage = GenericXLogRegisterBuffer(state, metabuf, 0);

			memcpy(PageGetContents(metapage), meta, sizeof(Bm25MetaData));
		}
		GenericXLogFinish(state);
		UnlockReleaseBuffer(tail);
		if (final)
		{
			UnlockReleaseBuffer(metabuf);
			return;
		}
	}
}

/* Append one document to the pending list and count it in the metapage. */
void
Bm25PendingAppend(Relation index, Bm25MetaData *meta, const Bm25Doc *doc)
{
	Size		len;
	char	   *rec = bm25_serialize(doc, &len);

	meta->pending_docs++;
	meta->pending_bytes += len;
	meta->pending_dl += doc->dl;
	meta->ndocs++;
	meta->total_dl += doc->dl;
	meta->generation++;
	bm25_append_bytes(index, meta, rec, len);
	pfree(rec);
}

/* Mark the pages of the pending list a metapage copy describes deleted. */
void
Bm25FreePendingPages(Relation index, const Bm25MetaData *meta)
{
	int			npages = 0;
	int			maxpages = meta->pending_bytes / BM25_PAYLOAD + 2;
	BlockNumber *blocks = palloc(sizeof(BlockNumber) * maxpages);
	BlockNumber blkno = meta->pending_head;

	while (blkno != InvalidBlockNumber && npages < maxpages)
	{
		Buffer		buf = ReadBuffer(index, blkno);

		LockBuffer(buf, BUFFER_LOCK_SHARE);
		Bm25CheckPage(index, BufferGetPage(buf), blkno, BM25_PAGE_PENDING);
		blocks[npages++] = blkno;
		blkno = (blkno == meta->pending_tail) ? InvalidBlockNumber :
			Bm25PageGetOpaque(BufferGetPage(buf))->next;
		UnlockReleaseBuffer(buf);
	}
	Bm25MarkDeleted(index, blocks, npages);
	pfree(blocks);
}

/*
 * The first segment to merge with the pending documents: the newest
 * segments while each is at most twice what is merged so far; all of them
 * once too many segments would remain.
 */
static int
bm25_merge_start(const Bm25MetaData *meta)
{
	uint64		acc = meta->pending_docs;
	int			first = meta->nsegments;

	while (first > 0 && meta->segs[first - 1].ndocs <= 2 * acc)
		acc += meta->segs[--first].ndocs;
	if (first + 1 > BM25_SEGMENTS_MERGE_ALL)
		first = 0;
	return first;
}

/*
 * Turn the pending list into a segment (merged with the newest segments),
 * then point the metapage at it and mark the replaced pages deleted.  The
 * writers' lock is held; *meta is the current metapage and is updated.
 */
void
Bm25PendingFlush(Relation index, Bm25MetaData *meta)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "bm25 flush",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Bm25MetaData before = *meta;
	int			first = bm25_merge_start(meta);
	Bm25Params	params;
	Bm25Builder *b;
	Bm25PendingList pending;
	Bm25SegmentRef ref;

	Bm25IndexParams(index, meta, &params);
	b = Bm25BuildCreate(&params, BM25_PAYLOAD);
	for (int i = first; i < meta->nsegments; i++)
	{
		Bm25SegmentSource src;
		Bm25Reader *r = Bm25OpenSegment(index, &meta->segs[i], &src);
		int			status = Bm25BuildAddSegment(b, r, NULL, NULL);

		if (status != BM25_OK)
			Bm25ReportCoreError(index, "merging segments", status, Bm25BuildError(b));
	}
	Bm25PendingRead(index, meta, &pending);
	for (int i = 0; i < pending.ndocs; i++)
	{
		int			status = Bm25BuildAddDoc(b, &pending.docs[i].tid, pending.docs[i].terms,
											 pending.docs[i].nterms);

		if (status != BM25_OK)
			Bm25ReportCoreError(index, "adding a pending document", status, Bm25BuildError(b));
	}
	Bm25FinishImage(index, b, &ref);

	meta->nsegments = first;
	if (ref.ndocs > 0)
		meta->segs[meta->nsegments++] = ref;
	meta->pending_head = meta->pending_tail = InvalidBlockNumber;
	meta->pending_tail_used = meta->pending_docs = 0;
	meta->pending_bytes = meta->pending_dl = 0;
	Bm25WriteMeta(index, meta);

	for (int i = first; i < before.nsegments; i++)
		Bm25FreeSegmentPages(index, &before.segs[i]);
	Bm25FreePendingPages(index, &before);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
}

/* aminsert: append the document to the pending list (NULL tsvectors are not indexed). */
bool
bm25_aminsert(Relation index, Datum *values, bool *isnull, ItemPointer ht_ctid,
			  Relation heapRel, IndexUniqueCheck checkUnique, bool indexUnchanged,
			  IndexInfo *indexInfo)
{
	MemoryContext cxt,
				old;
	Bm25MetaData meta;
	Bm25Params	params;
	Bm25Doc		doc;

	if (isnull[0])
		return false;
	cxt = AllocSetContextCreate(CurrentMemoryContext, "bm25 insert", ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	Bm25LockWriters(index);
	Bm25ReadMeta(index, &meta);
	Bm25IndexParams(index, &meta, &params);
	Bm25DocFromTsvector(&params, DatumGetTSVector(values[0]), &doc);
	doc.tid = Bm25TidFromItemPointer(ht_ctid);
	Bm25PendingAppend(index, &meta, &doc);
	if (meta.pending_bytes >= BM25_PENDING_LIMIT)
		Bm25PendingFlush(index, &meta);
	Bm25UnlockWriters(index);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return false;
}
