/*
 * pg_bm25_build.c — CREATE INDEX / REINDEX: heap scan → core builder →
 * segment pages.  The builder holds the documents in memory; past about a
 * third of maintenance_work_mem (the image and the sort need the rest) it is
 * written out as a segment and a new one starts.
 */
#include "postgres.h"

#include "access/generic_xlog.h"
#include "access/tableam.h"
#include "access/xloginsert.h"
#include "catalog/index.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "pg_bm25.h"

typedef struct Bm25BuildState
{
	Relation	index;
	Bm25Params	params;
	Bm25MetaData meta;			/* segments written so far */
	MemoryContext segcxt;		/* the builder of the current segment */
	MemoryContext tupcxt;		/* one heap tuple */
	Bm25Builder *builder;
	Size		used;			/* bytes given to the builder */
	Size		limit;
	double		indtuples;
} Bm25BuildState;

static void
bm25_start_segment(Bm25BuildState *bs)
{
	MemoryContext old = MemoryContextSwitchTo(bs->segcxt);

	bs->builder = Bm25BuildCreate(&bs->params, BM25_PAYLOAD);
	if (bs->builder == NULL)
		elog(ERROR, "bm25 core refused a chunk size of %zu bytes", (size_t) BM25_PAYLOAD);
	bs->used = 0;
	MemoryContextSwitchTo(old);
}

/* Write the current builder's segment and count it in the metapage copy. */
static void
bm25_flush_segment(Bm25BuildState *bs)
{
	MemoryContext old = MemoryContextSwitchTo(bs->segcxt);
	Bm25SegmentRef ref;

	Bm25FinishImage(bs->index, bs->builder, &ref);
	MemoryContextSwitchTo(old);
	MemoryContextReset(bs->segcxt);
	bs->builder = NULL;
	if (ref.ndocs > 0)
	{
		bs->meta.segs[bs->meta.nsegments++] = ref;
		bs->meta.ndocs += ref.ndocs;
		bs->meta.total_dl += ref.total_dl;
	}
}

/* table_index_build_scan callback: one heap tuple's tsvector. */
static void
bm25_build_callback(Relation index, ItemPointer tid, Datum *values, bool *isnull,
					bool tupleIsAlive, void *state)
{
	Bm25BuildState *bs = (Bm25BuildState *) state;
	MemoryContext old;
	Bm25Doc		doc;
	int			status;

	if (isnull[0])
		return;
	old = MemoryContextSwitchTo(bs->tupcxt);
	Bm25DocFromTsvector(&bs->params, DatumGetTSVector(values[0]), &doc);
	doc.tid = Bm25TidFromItemPointer(tid);
	MemoryContextSwitchTo(bs->segcxt);
	status = Bm25BuildAddDoc(bs->builder, &doc.tid, doc.terms, doc.nterms);
	if (status != BM25_OK)
		Bm25ReportCoreError(index, "adding a document", status, Bm25BuildError(bs->builder));
	MemoryContextSwitchTo(old);
	bs->used += 48;
	for (int i = 0; i < doc.nterms; i++)
		bs->used += doc.terms[i].len + 24;
	MemoryContextReset(bs->tupcxt);
	bs->indtuples += 1;

	if (bs->used > bs->limit && bs->meta.nsegments < BM25_MAX_SEGMENTS - 1)
	{
		bm25_flush_segment(bs);
		bm25_start_segment(bs);
	}
}

/* The indexed column must be a tsvector (another opclass could say otherwise). */
static void
bm25_check_column(Relation index)
{
	Oid			type = TupleDescAttr(RelationGetDescr(index), 0)->atttypid;

	if (type != TSVECTOROID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("a bm25 index indexes a tsvector, not type %s", format_type_be(type)),
				 errhint("Index an expression such as to_tsvector('arabic_news', body).")));
}

IndexBuildResult *
bm25_ambuild(Relation heap, Relation index, IndexInfo *indexInfo)
{
	IndexBuildResult *result = palloc(sizeof(IndexBuildResult));
	Bm25BuildState bs;
	double		reltuples;

	if (RelationGetNumberOfBlocks(index) != 0)
		elog(ERROR, "index \"%s\" already contains data", RelationGetRelationName(index));
	bm25_check_column(index);

	memset(&bs, 0, sizeof(bs));
	bs.index = index;
	Bm25IndexParams(index, NULL, &bs.params);
	Bm25InitMetaPage(index, MAIN_FORKNUM, bs.params.lead_positions);
	Bm25ReadMeta(index, &bs.meta);
	bs.limit = Max((Size) maintenance_work_mem * 1024 / 3, 1024 * 1024);
	bs.segcxt = AllocSetContextCreate(CurrentMemoryContext, "bm25 build segment",
									  ALLOCSET_DEFAULT_SIZES);
	bs.tupcxt = AllocSetContextCreate(CurrentMemoryContext, "bm25 build tuple",
									  ALLOCSET_DEFAULT_SIZES);
	bm25_start_segment(&bs);

	reltuples = table_index_build_scan(heap, index, indexInfo, true, true,
									   bm25_build_callback, &bs, NULL);
	bm25_flush_segment(&bs);
	Bm25WriteMeta(index, &bs.meta);

	MemoryContextDelete(bs.segcxt);
	MemoryContextDelete(bs.tupcxt);
	result->heap_tuples = reltuples;
	result->index_tuples = bs.indtuples;
	return result;
}

/* An unlogged index's init fork: just the metapage. */
void
bm25_ambuildempty(Relation index)
{
	Bm25Params	params;

	Bm25IndexParams(index, NULL, &params);
	Bm25InitMetaPage(index, INIT_FORKNUM, params.lead_positions);
}
