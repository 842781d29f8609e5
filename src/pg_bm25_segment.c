/*
 * pg_bm25_segment.c — segment images on pages.
 *
 * The core builds a segment as an image of fixed-size chunks (BM25_PAYLOAD
 * bytes, one page's payload each).  Chunk i goes to a data page of its own;
 * the block-map pages list those data pages in chunk order, so pages can be
 * recycled one by one and a segment need not be contiguous.  Segments are
 * immutable: a scan reads them without any lock beyond a page's share lock.
 */
#include "postgres.h"

#include "access/generic_xlog.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/rel.h"

#include "pg_bm25.h"

/* Write one page of the given type holding len bytes, WAL-logged as a full image. */
static BlockNumber
bm25_write_page(Relation index, uint16 type, const void *data, Size len, BlockNumber next)
{
	Buffer		buf = Bm25NewBuffer(index);
	BlockNumber blkno = BufferGetBlockNumber(buf);
	GenericXLogState *state = GenericXLogStart(index);
	Page		page = GenericXLogRegisterBuffer(state, buf, GENERIC_XLOG_FULL_IMAGE);

	Assert(len <= BM25_PAYLOAD);
	Bm25InitPage(page, type);
	Bm25PageGetOpaque(page)->next = next;
	memcpy(PageGetContents(page), data, len);
	((PageHeader) page)->pd_lower = (PageGetContents(page) - page) + len;
	GenericXLogFinish(state);
	UnlockReleaseBuffer(buf);
	return blkno;
}

/*
 * Write a finished image: its data pages, then the block map from its last
 * page back to its first (so each map page knows its successor).
 */
Bm25SegmentRef
Bm25WriteSegment(Relation index, const Bm25Image *img)
{
	Bm25SegmentRef ref;
	BlockNumber *blocks = palloc(sizeof(BlockNumber) * Max(img->nchunks, 1));
	BlockNumber next = InvalidBlockNumber;
	int			nmap = (img->nchunks + BM25_MAP_ENTRIES - 1) / BM25_MAP_ENTRIES;

	if (img->chunk_size != BM25_PAYLOAD)
		elog(ERROR, "bm25 segment image has chunks of %u bytes, pages hold %zu",
			 img->chunk_size, (size_t) BM25_PAYLOAD);
	for (uint32 i = 0; i < img->nchunks; i++)
	{
		CHECK_FOR_INTERRUPTS();
		blocks[i] = bm25_write_page(index, BM25_PAGE_DATA,
									img->data + (size_t) i * img->chunk_size,
									img->chunk_size, InvalidBlockNumber);
	}
	for (int m = nmap - 1; m >= 0; m--)
	{
		uint32		first = m * BM25_MAP_ENTRIES;
		uint32		count = Min(BM25_MAP_ENTRIES, img->nchunks - first);

		next = bm25_write_page(index, BM25_PAGE_MAP, blocks + first,
							   count * sizeof(BlockNumber), next);
	}
	pfree(blocks);

	memset(&ref, 0, sizeof(ref));
	ref.map_head = next;
	ref.nchunks = img->nchunks;
	ref.ndocs = img->ndocs;
	ref.total_dl = img->total_dl;
	return ref;
}

/* Finish a builder, write its image unless it holds no document (ref->ndocs 0). */
void
Bm25FinishImage(Relation index, Bm25Builder *b, Bm25SegmentRef *ref)
{
	Bm25Image	img;
	int			status = Bm25BuildFinish(b, &img);

	if (status != BM25_OK)
		Bm25ReportCoreError(index, "building a segment", status, Bm25BuildError(b));
	memset(ref, 0, sizeof(*ref));
	if (img.ndocs > 0)
		*ref = Bm25WriteSegment(index, &img);
	Bm25ImageFree(&img);
	Bm25BuildFree(b);
}

/* The data pages of a segment, from its block map. */
void
Bm25LoadSegment(Relation index, const Bm25SegmentRef *ref, Bm25SegmentSource *src)
{
	BlockNumber blkno = ref->map_head;
	uint32		have = 0;
	int			maxmap = (ref->nchunks + BM25_MAP_ENTRIES - 1) / BM25_MAP_ENTRIES;

	src->index = index;
	src->nblocks = RelationGetNumberOfBlocks(index);
	src->nchunks = ref->nchunks;
	src->blocks = palloc(sizeof(BlockNumber) * Max(ref->nchunks, 1));
	src->map_blocks = palloc(sizeof(BlockNumber) * Max(maxmap, 1));
	src->nmap = 0;
	while (have < ref->nchunks)
	{
		Buffer		buf;
		Page		page;
		uint32		count;

		if (blkno == InvalidBlockNumber || src->nmap >= maxmap || blkno >= src->nblocks)
			ereport(ERROR,
					(errcode(ERRCODE_INDEX_CORRUPTED),
					 errmsg("bm25 index \"%s\": a segment's block map ends after %u of %u pages",
							RelationGetRelationName(index), have, ref->nchunks),
					 errhint("REINDEX the index.")));
		buf = ReadBuffer(index, blkno);
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		page = BufferGetPage(buf);
		Bm25CheckPage(index, page, blkno, BM25_PAGE_MAP);
		count = (((PageHeader) page)->pd_lower - (PageGetContents(page) - page)) / sizeof(BlockNumber);
		count = Min(count, ref->nchunks - have);
		memcpy(src->blocks + have, PageGetContents(page), count * sizeof(BlockNumber));
		have += count;
		src->map_blocks[src->nmap++] = blkno;
		blkno = Bm25PageGetOpaque(page)->next;
		UnlockReleaseBuffer(buf);
		if (count == 0)
			blkno = InvalidBlockNumber;
	}
}

/* The core's chunk callback: copy data page #chunkno's payload into buf. */
const uint8_t *
Bm25ReadChunkCb(void *arg, uint32_t chunkno, uint8_t *buf)
{
	Bm25SegmentSource *src = (Bm25SegmentSource *) arg;
	BlockNumber blkno;
	Buffer		buffer;
	Page		page;

	if (chunkno >= src->nchunks)
		return NULL;
	blkno = src->blocks[chunkno];
	if (blkno == BM25_METAPAGE || blkno >= src->nblocks)
		return NULL;
	buffer = ReadBuffer(src->index, blkno);
	LockBuffer(buffer, BUFFER_LOCK_SHARE);
	page = BufferGetPage(buffer);
	Bm25CheckPage(src->index, page, blkno, BM25_PAGE_DATA);
	memcpy(buf, PageGetContents(page), BM25_PAYLOAD);
	UnlockReleaseBuffer(buffer);
	return buf;
}

/* A core reader over a segment of the index. */
Bm25Reader *
Bm25OpenSegment(Relation index, const Bm25SegmentRef *ref, Bm25SegmentSource *src)
{
	Bm25Reader *reader;
	char		msg[256];
	int			status;

	Bm25LoadSegment(index, ref, src);
	msg[0] = '\0';
	status = Bm25ReaderOpen(Bm25ReadChunkCb, src, BM25_PAYLOAD, src->nchunks,
							&reader, msg, sizeof(msg));
	if (status != BM25_OK)
		Bm25ReportCoreError(index, "opening a segment", status, msg);
	return reader;
}

/* Mark every page of a replaced segment deleted (data and map pages). */
void
Bm25FreeSegmentPages(Relation index, const Bm25SegmentRef *ref)
{
	Bm25SegmentSource src;

	Bm25LoadSegment(index, ref, &src);
	Bm25MarkDeleted(index, src.blocks, src.nchunks);
	Bm25MarkDeleted(index, src.map_blocks, src.nmap);
	pfree(src.blocks);
	pfree(src.map_blocks);
}
