/*
 * pg_bm25.h — the PostgreSQL side of the bm25 index access method.
 *
 * Files: pg_bm25_query.c (bm25query type), pg_bm25_am.c (handler, options,
 * costs), pg_bm25_page.c (pages, metapage, WAL, page recycling),
 * pg_bm25_doc.c (tsvector → terms), pg_bm25_segment.c (segments on pages),
 * pg_bm25_pending.c (insert log), pg_bm25_build.c, pg_bm25_scan.c,
 * pg_bm25_score.c (bm25_score, <=>), pg_bm25_vacuum.c, pg_bm25_verify.c.
 */
#ifndef AR_PG_BM25_H
#define AR_PG_BM25_H

#include "postgres.h"

#include "fmgr.h"
#include "access/transam.h"
#include "storage/bufpage.h"
#include "tsearch/ts_type.h"
#include "access/amapi.h"
#include "access/genam.h"
#include "nodes/execnodes.h"
#include "utils/rel.h"

#include "bm25.h"

/*
 * bm25query: varlena header, the index OID, then a whole tsquery varlena
 * (int-aligned: the header and the OID take 8 bytes).
 */
typedef struct Bm25QueryDatum
{
	int32		vl_len_;
	Oid			indexoid;
	char		query[FLEXIBLE_ARRAY_MEMBER];
} Bm25QueryDatum;

#define PG_GETARG_BM25QUERY(n)	((Bm25QueryDatum *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))
#define Bm25DatumTsquery(q)		((TSQuery) (q)->query)

extern void Bm25CheckIndexOid(Oid indexoid);

/* ------------------------------------------------------------ on disk */

/*
 * Block 0 is the metapage.  Every other page is a segment data page (one
 * chunk of a segment image), a block-map page (the data pages of a segment,
 * in chunk order), or a pending-list page (the insert log).  A page that is
 * no longer referenced keeps its contents (a scan that read the old
 * metapage may still read it) and is marked deleted with the next full XID;
 * VACUUM hands it to the FSM once no snapshot can still see that XID.
 */
#define BM25_MAGIC			0x424D3235	/* "BM25" */
#define BM25_VERSION		1
#define BM25_METAPAGE		0
#define BM25_MAX_SEGMENTS	64
/* at most this many segments after an insert flushes the pending list */
#define BM25_SEGMENTS_MERGE_ALL 16

#define BM25_PAGE_META		1
#define BM25_PAGE_DATA		2
#define BM25_PAGE_MAP		3
#define BM25_PAGE_PENDING	4
#define BM25_PAGE_TYPEMASK	0x00FF
#define BM25_PAGE_DELETED	0x0100
#define BM25_PAGE_ID		0xFF85

typedef struct Bm25PageOpaqueData
{
	FullTransactionId delxid;	/* when deleted: the next XID at that time */
	BlockNumber next;			/* map and pending pages: next in the chain */
	uint16		flags;
	uint16		page_id;
} Bm25PageOpaqueData;

typedef Bm25PageOpaqueData *Bm25PageOpaque;

#define Bm25PageGetOpaque(page) ((Bm25PageOpaque) PageGetSpecialPointer(page))
/* payload bytes of a page = the chunk size of segment images */
#define BM25_PAYLOAD (BLCKSZ - MAXALIGN(SizeOfPageHeaderData) - \
					  MAXALIGN(sizeof(Bm25PageOpaqueData)))
#define BM25_MAP_ENTRIES	(BM25_PAYLOAD / sizeof(BlockNumber))

/* One segment as the metapage lists it. */
typedef struct Bm25SegmentRef
{
	BlockNumber map_head;		/* first block-map page */
	uint32		nchunks;		/* data pages */
	uint32		ndocs;
	uint32		unused;
	uint64		total_dl;
} Bm25SegmentRef;

typedef struct Bm25MetaData
{
	uint32		magic;
	uint32		version;
	int32		lead_positions; /* baked into the stored lead counts */
	uint32		nsegments;
	uint64		ndocs;			/* N: segments + pending */
	uint64		total_dl;		/* sum of dl: segments + pending */
	BlockNumber pending_head;	/* InvalidBlockNumber when empty */
	BlockNumber pending_tail;
	uint32		pending_tail_used;	/* bytes used in the tail page */
	uint32		pending_docs;
	uint64		pending_bytes;
	uint64		pending_dl;
	uint64		generation;		/* changes with every metapage write */
	Bm25SegmentRef segs[BM25_MAX_SEGMENTS];
} Bm25MetaData;

/* The pending list is turned into a segment past this many bytes. */
#define BM25_PENDING_LIMIT	(256 * 1024)

/* ------------------------------------------------------------ options */

typedef struct Bm25Options
{
	int32		vl_len_;
	double		k1;
	double		b;
	int			lead_positions;
	double		lead_weight;
} Bm25Options;

/* pg_bm25_am.c */
extern void Bm25InitOptions(void);
extern void Bm25IndexParams(Relation index, const Bm25MetaData *meta, Bm25Params *p);

/* pg_bm25_page.c */
extern void Bm25InitPage(Page page, uint16 type);
extern Buffer Bm25NewBuffer(Relation index);
extern void Bm25ReadMeta(Relation index, Bm25MetaData *meta);
extern uint64 Bm25ReadGeneration(Relation index);
extern void Bm25WriteMeta(Relation index, Bm25MetaData *meta);
extern void Bm25InitMetaPage(Relation index, ForkNumber fork, int lead_positions);
extern void Bm25MarkDeleted(Relation index, const BlockNumber *blocks, int n);
extern void Bm25LockWriters(Relation index);
extern void Bm25UnlockWriters(Relation index);
extern Bm25PageOpaque Bm25CheckPage(Relation index, Page page, BlockNumber blkno, uint16 type);
extern void Bm25ReportCoreError(Relation index, const char *what, int status, const char *msg);

/* pg_bm25_segment.c: segment images on pages */
typedef struct Bm25SegmentSource
{
	Relation	index;
	BlockNumber nblocks;		/* of the index when the segment was opened */
	uint32		nchunks;
	BlockNumber *blocks;		/* data page of each chunk */
	int			nmap;
	BlockNumber *map_blocks;	/* the block-map pages */
} Bm25SegmentSource;

extern Bm25SegmentRef Bm25WriteSegment(Relation index, const Bm25Image *img);
extern void Bm25LoadSegment(Relation index, const Bm25SegmentRef *ref, Bm25SegmentSource *src);
extern const uint8_t *Bm25ReadChunkCb(void *arg, uint32_t chunkno, uint8_t *buf);
extern Bm25Reader *Bm25OpenSegment(Relation index, const Bm25SegmentRef *ref, Bm25SegmentSource *src);
extern void Bm25FreeSegmentPages(Relation index, const Bm25SegmentRef *ref);
extern void Bm25FinishImage(Relation index, Bm25Builder *b, Bm25SegmentRef *ref);

/* pg_bm25_doc.c: tsvectors and tsqueries to core terms */
typedef struct Bm25Doc
{
	Bm25Tid		tid;
	uint32		dl;
	int			nterms;
	Bm25DocTerm *terms;
} Bm25Doc;

extern void Bm25DocFromTsvector(const Bm25Params *p, TSVector tsv, Bm25Doc *doc);
extern Bm25Query *Bm25QueryFromTsquery(const Bm25Params *p, TSQuery query);
extern Bm25Tid Bm25TidFromItemPointer(ItemPointer ip);
extern void Bm25ItemPointerFromTid(const Bm25Tid *tid, ItemPointer ip);

/* pg_bm25_pending.c: the insert log */
typedef struct Bm25PendingList
{
	char	   *bytes;
	int			ndocs;
	Bm25Doc    *docs;
} Bm25PendingList;

extern void Bm25PendingRead(Relation index, const Bm25MetaData *meta, Bm25PendingList *list);
extern void Bm25PendingAppend(Relation index, Bm25MetaData *meta, const Bm25Doc *doc);
extern void Bm25PendingFlush(Relation index, Bm25MetaData *meta);
extern void Bm25FreePendingPages(Relation index, const Bm25MetaData *meta);

/* pg_bm25_stats.c: a query with the index's statistics */
typedef struct Bm25IndexView
{
	Bm25MetaData meta;
	Bm25Params	params;
	Bm25PendingList pending;
	int			nsegs;
	Bm25SegmentSource *srcs;
	Bm25Reader **readers;
} Bm25IndexView;

extern void Bm25OpenView(Relation index, Bm25IndexView *view);
extern bool Bm25StatsFromMemo(Relation index, const Bm25MetaData *meta, TSQuery tsq, Bm25Query *q);
extern void Bm25SetQueryStats(Relation index, Bm25IndexView *view, TSQuery tsq, Bm25Query *q);

/* access-method callbacks */
extern IndexBuildResult *bm25_ambuild(Relation heap, Relation index, IndexInfo *indexInfo);
extern void bm25_ambuildempty(Relation index);
extern bool bm25_aminsert(Relation index, Datum *values, bool *isnull, ItemPointer ht_ctid,
						  Relation heapRel, IndexUniqueCheck checkUnique,
						  bool indexUnchanged, IndexInfo *indexInfo);
extern IndexBulkDeleteResult *bm25_ambulkdelete(IndexVacuumInfo *info,
												IndexBulkDeleteResult *stats,
												IndexBulkDeleteCallback callback,
												void *callback_state);
extern IndexBulkDeleteResult *bm25_amvacuumcleanup(IndexVacuumInfo *info,
												   IndexBulkDeleteResult *stats);
extern IndexScanDesc bm25_ambeginscan(Relation index, int nkeys, int norderbys);
extern void bm25_amrescan(IndexScanDesc scan, ScanKey keys, int nkeys,
						  ScanKey orderbys, int norderbys);
extern bool bm25_amgettuple(IndexScanDesc scan, ScanDirection dir);
extern void bm25_amendscan(IndexScanDesc scan);

#endif							/* AR_PG_BM25_H */
