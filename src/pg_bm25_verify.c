/*
 * pg_bm25_verify.c — bm25_verify(index): the index checked against itself
 * and against its table.  One row (area, problem) per problem found; no
 * rows when all is well.
 *
 * Pages and segments: the metapage totals equal the sums of its segments
 * and pending list; every segment passes the core's walk (doc table,
 * dictionary, posting blocks, block maxima).  Table: under a snapshot
 * taken before the index is read, every visible row's tsvector is in the
 * index exactly once with the same dl and every term's (tf, lead); every
 * posting of a visible row is one of its terms; an index entry without a
 * visible row must point at a dead or not-yet-visible tuple (awaiting
 * VACUUM), never at an unused line pointer.
 */
#include "postgres.h"

#include "access/tableam.h"
#include "access/xlog.h"
#include "access/table.h"
#include "access/genam.h"
#include "catalog/index.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "pg_bm25.h"
#include "pg_common.h"

PG_FUNCTION_INFO_V1(bm25_verify);

#define BM25_VERIFY_MAX_PROBLEMS 100

/* One document the index holds. */
typedef struct Bm25VerifyEntry
{
	Bm25Tid		tid;
	int			seg;			/* -1 = pending */
	uint32		ord;			/* ordinal in the segment, or pending index */
	uint32		dl;
	bool		seen;			/* a visible heap row has it */
} Bm25VerifyEntry;

/* One posting a visible heap row implies. */
typedef struct Bm25Expected
{
	uint64		hash;			/* of the lexeme: sorting compares integers */
	const char *lex;
	uint16		len;
	int			seg;
	uint32		ord;
	Bm25Freq	freq;
} Bm25Expected;

typedef struct Bm25Verify
{
	Relation	index;
	Relation	heap;
	LOCKMODE	heaplock;
	ArSrf		srf;
	int			nproblems;
	Bm25IndexView view;
	Bm25VerifyEntry *entries;
	int			nentries;
	bool	  **seg_seen;		/* per segment, per ordinal */
	uint32	   *seg_docs_seen;
	uint64	   *seg_postings;	/* postings walked per segment */
	Bm25Expected *expected;
	Size		nexpected;
	Size		maxexpected;
	MemoryContext tupcxt;
} Bm25Verify;

static void
bm25_problem(Bm25Verify *v, const char *area, const char *fmt,...) pg_attribute_printf(3, 4);

/* Add one (area, problem) row; past the cap, one last row says so. */
static void
bm25_problem(Bm25Verify *v, const char *area, const char *fmt,...)
{
	StringInfoData buf;
	va_list		args;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (++v->nproblems > BM25_VERIFY_MAX_PROBLEMS + 1)
		return;
	initStringInfo(&buf);
	if (v->nproblems > BM25_VERIFY_MAX_PROBLEMS)
		appendStringInfo(&buf, "more than %d problems; the rest are not listed",
						 BM25_VERIFY_MAX_PROBLEMS);
	else
	{
		for (;;)
		{
			int			needed;

			va_start(args, fmt);
			needed = appendStringInfoVA(&buf, fmt, args);
			va_end(args);
			if (needed == 0)
				break;
			enlargeStringInfo(&buf, needed);
		}
	}
	values[0] = CStringGetTextDatum(v->nproblems > BM25_VERIFY_MAX_PROBLEMS ? "all" : area);
	values[1] = CStringGetTextDatum(buf.data);
	tuplestore_putvalues(v->srf.store, v->srf.desc, values, nulls);
}

static int
bm25_entry_cmp(const void *a, const void *b)
{
	return Bm25TidCmp(&((const Bm25VerifyEntry *) a)->tid, &((const Bm25VerifyEntry *) b)->tid);
}

/* The metapage's totals against its parts, and each segment on its own. */
static void
bm25_verify_structure(Bm25Verify *v)
{
	Bm25MetaData *meta = &v->view.meta;
	uint64		ndocs = meta->pending_docs,
				total_dl = meta->pending_dl,
				pending_dl = 0;

	for (int s = 0; s < v->view.nsegs; s++)
	{
		Bm25SegmentInfo info;
		char		msg[256];
		char		area[32];
		int			status;

		CHECK_FOR_INTERRUPTS();
		snprintf(area, sizeof(area), "segment %d", s);
		msg[0] = '\0';
		status = Bm25VerifySegment(Bm25ReadChunkCb, &v->view.srcs[s], BM25_PAYLOAD,
								   v->view.srcs[s].nchunks, msg, sizeof(msg));
		if (status != BM25_OK)
			bm25_problem(v, area, "%s: %s", Bm25StatusText(status), msg);
		Bm25ReaderInfo(v->view.readers[s], &info);
		if (info.ndocs != meta->segs[s].ndocs || info.total_dl != meta->segs[s].total_dl)
			bm25_problem(v, area, "holds %u documents of total length " UINT64_FORMAT
						 ", the metapage says %u and " UINT64_FORMAT,
						 info.ndocs, info.total_dl, meta->segs[s].ndocs, meta->segs[s].total_dl);
		if (info.lead_positions != meta->lead_positions)
			bm25_problem(v, area, "built with lead_positions %d, the index has %d",
						 info.lead_positions, meta->lead_positions);
		ndocs += meta->segs[s].ndocs;
		total_dl += meta->segs[s].total_dl;
	}
	for (int d = 0; d < v->view.pending.ndocs; d++)
		pending_dl += v->view.pending.docs[d].dl;
	if (pending_dl != meta->pending_dl)
		bm25_problem(v, "pending", "documents of total length " UINT64_FORMAT
					 ", the metapage says " UINT64_FORMAT, pending_dl, meta->pending_dl);
	if (ndocs != meta->ndocs || total_dl != meta->total_dl)
		bm25_problem(v, "meta", "N = " UINT64_FORMAT " and total length " UINT64_FORMAT
					 ", but its segments and pending list hold " UINT64_FORMAT " and " UINT64_FORMAT,
					 meta->ndocs, meta->total_dl, ndocs, total_dl);
}

/* Every document of the index, sorted by TID; a TID twice is a problem. */
static void
bm25_collect_entries(Bm25Verify *v)
{
	int			n = 0;

	v->nentries = v->view.pending.ndocs;
	for (int s = 0; s < v->view.nsegs; s++)
		v->nentries += v->view.meta.segs[s].ndocs;
	v->entries = MemoryContextAllocHuge(CurrentMemoryContext,
										sizeof(Bm25VerifyEntry) * Max(v->nentries, 1));
	for (int s = 0; s < v->view.nsegs; s++)
	{
		for (uint32 ord = 0; ord < v->view.meta.segs[s].ndocs; ord++)
		{
			Bm25VerifyEntry *e = &v->entries[n++];
			int			status = Bm25ReaderDoc(v->view.readers[s], ord, &e->tid, &e->dl);

			if (status != BM25_OK)
				Bm25ReportCoreError(v->index, "reading a document", status,
									Bm25ReaderError(v->view.readers[s]));
			e->seg = s;
			e->ord = ord;
			e->seen = false;
		}
	}
	for (int d = 0; d < v->view.pending.ndocs; d++)
	{
		Bm25VerifyEntry *e = &v->entries[n++];

		e->tid = v->view.pending.docs[d].tid;
		e->dl = v->view.pending.docs[d].dl;
		e->seg = -1;
		e->ord = d;
		e->seen = false;
	}
	qsort(v->entries, v->nentries, sizeof(Bm25VerifyEntry), bm25_entry_cmp);
	for (int i = 1; i < v->nentries; i++)
		if (Bm25TidCmp(&v->entries[i - 1].tid, &v->entries[i].tid) == 0)
			bm25_problem(v, "heap", "heap tuple (%u,%u) is indexed more than once",
						 Bm25TidBlock(&v->entries[i].tid), Bm25TidOffset(&v->entries[i].tid));
}

static int
bm25_term_cmp(const void *a, const void *b)
{
	const Bm25DocTerm *x = a,
			   *y = b;
	int			c = memcmp(x->lex, y->lex, Min(x->len, y->len));

	return c != 0 ? c : (int) x->len - (int) y->len;
}

/* A pending record against the row's terms: same set, same frequencies. */
static void
bm25_compare_pending(Bm25Verify *v, const Bm25VerifyEntry *e, Bm25Doc *doc)
{
	Bm25Doc    *rec = &v->view.pending.docs[e->ord];
	bool		same = (rec->nterms == doc->nterms);

	qsort(doc->terms, doc->nterms, sizeof(Bm25DocTerm), bm25_term_cmp);
	qsort(rec->terms, rec->nterms, sizeof(Bm25DocTerm), bm25_term_cmp);
	for (int i = 0; same && i < doc->nterms; i++)
		same = bm25_term_cmp(&rec->terms[i], &doc->terms[i]) == 0 &&
			rec->terms[i].freq.tf == doc->terms[i].freq.tf &&
			rec->terms[i].freq.lead == doc->terms[i].freq.lead;
	if (!same)
		bm25_problem(v, "pending", "the terms of heap tuple (%u,%u) differ from its pending record",
					 Bm25TidBlock(&e->tid), Bm25TidOffset(&e->tid));
}

/* Remember the postings a segment must hold for a visible row. */
static void
bm25_expect_postings(Bm25Verify *v, const Bm25VerifyEntry *e, const Bm25Doc *doc)
{
	if (v->nexpected + doc->nterms > v->maxexpected)
	{
		v->maxexpected = Max(v->maxexpected * 2, v->nexpected + doc->nterms + 1024);
		v->expected = repalloc_huge(v->expected, sizeof(Bm25Expected) * v->maxexpected);
	}
	for (int i = 0; i < doc->nterms; i++)
	{
		Bm25Expected *x = &v->expected[v->nexpected++];
		char	   *copy = palloc(doc->terms[i].len + 1);

		memcpy(copy, doc->terms[i].lex, doc->terms[i].len);
		x->hash = hash_bytes_extended((const unsigned char *) copy, doc->terms[i].len, 0);
		x->lex = copy;
		x->len = doc->terms[i].len;
		x->seg = e->seg;
		x->ord = e->ord;
		x->freq = doc->terms[i].freq;
	}
	v->seg_seen[e->seg][e->ord] = true;
	v->seg_docs_seen[e->seg]++;
}

/* table_index_build_scan callback: one visible row and its tsvector. */
static void
bm25_verify_row(Relation index, ItemPointer tid, Datum *values, bool *isnull,
				bool tupleIsAlive, void *state)
{
	Bm25Verify *v = (Bm25Verify *) state;
	Bm25VerifyEntry key,
			   *e;
	Bm25Doc		doc;
	MemoryContext old;

	if (isnull[0])
		return;
	key.tid = Bm25TidFromItemPointer(tid);
	e = bsearch(&key, v->entries, v->nentries, sizeof(Bm25VerifyEntry), bm25_entry_cmp);
	if (e == NULL)
	{
		bm25_problem(v, "heap", "heap tuple (%u,%u) is not in the index",
					 ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid));
		return;
	}
	e->seen = true;
	old = MemoryContextSwitchTo(v->tupcxt);
	Bm25DocFromTsvector(&v->view.params, DatumGetTSVector(values[0]), &doc);
	MemoryContextSwitchTo(old);
	if (doc.dl != e->dl)
		bm25_problem(v, "heap", "heap tuple (%u,%u) has length %u, the index says %u",
					 ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid), doc.dl, e->dl);
	if (e->seg < 0)
		bm25_compare_pending(v, e, &doc);
	else
		bm25_expect_postings(v, e, &doc);
	MemoryContextReset(v->tupcxt);
}

/* By lexeme hash, then segment and ordinal: integer compares only. */
static int
bm25_expected_hash_cmp(const void *a, const void *b)
{
	const Bm25Expected *x = a,
			   *y = b;

	if (x->hash != y->hash)
		return (x->hash > y->hash) - (x->hash < y->hash);
	if (x->seg != y->seg)
		return x->seg - y->seg;
	return (x->ord > y->ord) - (x->ord < y->ord);
}

/* By lexeme bytes, then segment and ordinal (for lexemes sharing a hash). */
static int
bm25_expected_cmp(const void *a, const void *b)
{
	const Bm25Expected *x = a,
			   *y = b;
	int			c = memcmp(x->lex, y->lex, Min(x->len, y->len));

	if (c != 0)
		return c;
	if (x->len != y->len)
		return (int) x->len - (int) y->len;
	return bm25_expected_hash_cmp(a, b);
}

static bool
bm25_same_lexeme(const Bm25Expected *x, const Bm25Expected *y)
{
	return x->len == y->len && memcmp(x->lex, y->lex, x->len) == 0;
}

/*
 * One term of one segment: walk all its postings beside the expected ones
 * (x[0..n), sorted by ordinal).  A posting of a visible row that is not
 * expected is extra; an expected one that is absent or has other
 * frequencies is wrong.  Postings of rows not visible are not judged.
 */
static void
bm25_walk_term(Bm25Verify *v, const Bm25Expected *x, Size n)
{
	Bm25Reader *r = v->view.readers[x->seg];
	Bm25TermInfo info;
	Bm25Cursor *c = NULL;
	Size		i = 0;
	int			status = Bm25ReaderLookup(r, x->lex, x->len, &info);
	char		area[32];

	snprintf(area, sizeof(area), "segment %d", x->seg);
	if (status == BM25_OK)
		status = Bm25CursorOpen(r, &info, &c);
	while (status == BM25_OK && (status = Bm25CursorNext(c)) == BM25_OK)
	{
		uint32		ord = Bm25CursorOrd(c);
		Bm25Freq	f = Bm25CursorFreq(c);

		v->seg_postings[x->seg]++;
		for (; i < n && x[i].ord < ord; i++)
			bm25_problem(v, area, "term \"%.*s\" of document %u is missing", x->len, x->lex, x[i].ord);
		if (i < n && x[i].ord == ord)
		{
			if (x[i].freq.tf != f.tf || x[i].freq.lead != f.lead)
				bm25_problem(v, area, "term \"%.*s\" of document %u has tf %u lead %u, the row %u and %u",
							 x->len, x->lex, ord, f.tf, f.lead, x[i].freq.tf, x[i].freq.lead);
			i++;
		}
		else if (ord < v->view.meta.segs[x->seg].ndocs && v->seg_seen[x->seg][ord])
			bm25_problem(v, area, "document %u holds term \"%.*s\", its row does not", ord, x->len, x->lex);
	}
	if (status != BM25_END && status != BM25_NOT_FOUND)
		bm25_problem(v, area, "term \"%.*s\": %s: %s", x->len, x->lex, Bm25StatusText(status),
					 Bm25ReaderError(r));
	if (c != NULL)
		Bm25CursorClose(c);
	for (; i < n; i++)
		bm25_problem(v, area, "term \"%.*s\" of document %u is missing", x->len, x->lex, x[i].ord);
}

/* Walk each (lexeme, segment) group of a run of expected postings sharing a hash. */
static void
bm25_walk_run(Bm25Verify *v, Bm25Expected *x, Size n)
{
	Size		start = 0;

	for (Size i = 1; i < n; i++)
	{
		if (!bm25_same_lexeme(&x[0], &x[i]))
		{
			/* a hash collision: order this run by the bytes themselves */
			qsort(x, n, sizeof(Bm25Expected), bm25_expected_cmp);
			break;
		}
	}
	while (start < n)
	{
		Size		end = start + 1;

		while (end < n && x[end].seg == x[start].seg && bm25_same_lexeme(&x[start], &x[end]))
			end++;
		bm25_walk_term(v, &x[start], end - start);
		start = end;
	}
}

/* The expected postings, grouped by (term, segment), against the segments. */
static void
bm25_verify_postings(Bm25Verify *v)
{
	Size		start = 0;

	if (v->nexpected > 0)
		qsort(v->expected, v->nexpected, sizeof(Bm25Expected), bm25_expected_hash_cmp);
	while (start < v->nexpected)
	{
		Size		end = start + 1;

		CHECK_FOR_INTERRUPTS();
		while (end < v->nexpected && v->expected[end].hash == v->expected[start].hash)
			end++;
		bm25_walk_run(v, &v->expected[start], end - start);
		start = end;
	}
	for (int s = 0; s < v->view.nsegs; s++)
	{
		Bm25SegmentInfo info;

		Bm25ReaderInfo(v->view.readers[s], &info);
		if (v->seg_docs_seen[s] == info.ndocs && v->seg_postings[s] != info.npostings)
		{
			char		area[32];

			snprintf(area, sizeof(area), "segment %d", s);
			bm25_problem(v, area, "holds " UINT64_FORMAT " postings, its rows have " UINT64_FORMAT,
						 info.npostings, v->seg_postings[s]);
		}
	}
}

/* An index entry without a visible row must point at a used line pointer. */
static void
bm25_verify_unseen(Bm25Verify *v)
{
	BlockNumber nblocks = RelationGetNumberOfBlocks(v->heap);

	for (int i = 0; i < v->nentries; i++)
	{
		BlockNumber blkno = Bm25TidBlock(&v->entries[i].tid);
		OffsetNumber off = Bm25TidOffset(&v->entries[i].tid);
		bool		used = false;

		CHECK_FOR_INTERRUPTS();
		if (v->entries[i].seen)
			continue;
		if (blkno < nblocks)
		{
			Buffer		buf = ReadBuffer(v->heap, blkno);
			Page		page;

			LockBuffer(buf, BUFFER_LOCK_SHARE);
			page = BufferGetPage(buf);
			used = off >= FirstOffsetNumber && off <= PageGetMaxOffsetNumber(page) &&
				ItemIdIsUsed(PageGetItemId(page, off));
			UnlockReleaseBuffer(buf);
		}
		if (!used)
			bm25_problem(v, "heap", "index entry (%u,%u) points at no heap tuple", blkno, off);
	}
}

/* Read the index (after the snapshot is taken) and size the per-segment arrays. */
static void
bm25_verify_open(Bm25Verify *v)
{
	Bm25OpenView(v->index, &v->view);
	v->seg_seen = palloc(sizeof(bool *) * Max(v->view.nsegs, 1));
	for (int s = 0; s < v->view.nsegs; s++)
		v->seg_seen[s] = MemoryContextAllocHuge(CurrentMemoryContext,
												Max(v->view.meta.segs[s].ndocs, 1));
	for (int s = 0; s < v->view.nsegs; s++)
		memset(v->seg_seen[s], 0, Max(v->view.meta.segs[s].ndocs, 1));
	v->seg_docs_seen = palloc0(sizeof(uint32) * Max(v->view.nsegs, 1));
	v->seg_postings = palloc0(sizeof(uint64) * Max(v->view.nsegs, 1));
	v->maxexpected = 1024;
	v->expected = palloc(sizeof(Bm25Expected) * v->maxexpected);
	v->tupcxt = AllocSetContextCreate(CurrentMemoryContext, "bm25_verify row",
									  ALLOCSET_DEFAULT_SIZES);
}

/* Open the index and its table; the caller must be able to read the table. */
static void
bm25_verify_relations(Bm25Verify *v, Oid indexoid)
{
	Oid			heapoid;

	Bm25CheckIndexOid(indexoid);
	heapoid = IndexGetRelation(indexoid, false);
	/* like amcheck: keep VACUUM away, let writers go on (a standby has no VACUUM) */
	v->heaplock = RecoveryInProgress() ? AccessShareLock : ShareUpdateExclusiveLock;
	v->heap = table_open(heapoid, v->heaplock);
	if (pg_class_aclcheck(heapoid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for table %s", get_rel_name(heapoid)),
				 errhint("bm25_verify reads the table: it needs SELECT on it.")));
	v->index = index_open(indexoid, AccessShareLock);
}

/* bm25_verify(index regclass) → SETOF (area text, problem text) */
Datum
bm25_verify(PG_FUNCTION_ARGS)
{
	Bm25Verify	v;
	Snapshot	snapshot;
	TableScanDesc scan;
	IndexInfo  *indexInfo;

	memset(&v, 0, sizeof(v));
	ArSrfBegin(fcinfo, &v.srf);
	bm25_verify_relations(&v, PG_GETARG_OID(0));
	/* the snapshot first: every row it sees was indexed before the index is read */
	snapshot = RegisterSnapshot(GetTransactionSnapshot());
	bm25_verify_open(&v);
	bm25_verify_structure(&v);
	bm25_collect_entries(&v);

	indexInfo = BuildIndexInfo(v.index);
	scan = table_beginscan_strat(v.heap, snapshot, 0, NULL, true, false);
	table_index_build_scan(v.heap, v.index, indexInfo, false, false,
						   bm25_verify_row, &v, scan);
	bm25_verify_postings(&v);
	bm25_verify_unseen(&v);

	UnregisterSnapshot(snapshot);
	index_close(v.index, AccessShareLock);
	table_close(v.heap, v.heaplock);
	return (Datum) 0;
}
