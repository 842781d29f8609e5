/*
 * bm25_verify.c — walks a whole segment and reports the first problem
 * (bm25_verify() in SQL).
 *
 * Beyond what every decoder already checks on the fly, it compares the
 * redundant parts with each other: the doc table's dl with the postings'
 * tf sums and the header's total, each block's and each term's maxima with
 * its postings, the dictionary's order and counts with the header, and the
 * directory with the first term of every dictionary chunk.  Those are the
 * numbers pruning and statistics rely on: a block maximum below its true
 * value would silently drop results.
 */
#include "bm25_int.h"
#include "utf8.h"

#include <stdio.h>

/* Running maxima of a block or a term. */
typedef struct Agg
{
	uint32_t	max_tf;
	uint32_t	max_lead;
	uint32_t	min_dl;
	uint32_t	count;
} Agg;

typedef struct Verify
{
	Bm25Reader *r;
	uint32_t   *dl;				/* doc table dl by ordinal */
	uint64_t   *tf_sum;			/* sum of tf over the postings of each doc */
	uint64_t	npostings;
	uint32_t	nterm;			/* 1-based number of the current term */
	char		term[80];		/* the current term, printable */
} Verify;

static void
agg_reset(Agg *a)
{
	a->max_tf = a->max_lead = a->count = 0;
	a->min_dl = UINT32_MAX;
}

static void
agg_add(Agg *a, Bm25Freq f, uint32_t dl)
{
	a->max_tf = f.tf > a->max_tf ? f.tf : a->max_tf;
	a->max_lead = f.lead > a->max_lead ? f.lead : a->max_lead;
	a->min_dl = dl < a->min_dl ? dl : a->min_dl;
	a->count++;
}

/* Name the current term: its text when it is short valid UTF-8. */
static void
set_term(Verify *v, const Bm25DictEntry *e)
{
	v->nterm++;
	if (e->len <= 40 && ArUtf8IsValid(e->term, e->len))
		snprintf(v->term, sizeof(v->term), "term %u \"%.*s\"", v->nterm, (int) e->len, e->term);
	else
		snprintf(v->term, sizeof(v->term), "term %u", v->nterm);
}

static int
check_agg(Verify *v, const char *what, uint64_t pos, const Agg *a,
		  uint32_t max_tf, uint32_t max_lead, uint32_t min_dl)
{
	if (a->max_tf == max_tf && a->max_lead == max_lead && a->min_dl == min_dl)
		return BM25_OK;
	return bm25_fail(v->r, BM25_ERR_CORRUPT,
					 "%s, %s at byte %llu: stored max tf %u, max lead %u, min dl %u; "
					 "its postings have %u, %u, %u",
					 v->term, what, (unsigned long long) pos, max_tf, max_lead, min_dl,
					 a->max_tf, a->max_lead, a->min_dl);
}

/* The doc table: TIDs strictly ascending, dl summing to the header's total. */
static int
verify_docs(Verify *v)
{
	Bm25Reader *r = v->r;
	Bm25Tid		prev = {{0}},
				tid;
	uint64_t	total = 0;
	uint32_t	o;
	int			status;

	for (o = 0; o < r->ndocs; o++)
	{
		if ((status = Bm25ReaderDoc(r, o, &tid, &v->dl[o])) != BM25_OK)
			return status;
		if (o > 0 && Bm25TidCmp(&prev, &tid) >= 0)
			return bm25_fail(r, BM25_ERR_CORRUPT, "doc table: document %u's TID (%u,%u) is not after the previous one",
							 o, Bm25TidBlock(&tid), Bm25TidOffset(&tid));
		prev = tid;
		total += v->dl[o];
		if (o % AR_INTERRUPT_STRIDE == 0)
			AR_CHECK_INTERRUPTS();
	}
	if (total != r->total_dl)
		return bm25_fail(r, BM25_ERR_CORRUPT, "doc table: lengths sum to %llu, the header says %llu",
						 (unsigned long long) total, (unsigned long long) r->total_dl);
	return BM25_OK;
}

/* One term's postings: every block's maxima, then the term's. */
static int
verify_postings(Verify *v, const Bm25DictEntry *e)
{
	Bm25Cursor *c;
	Bm25Block	blk;
	Agg			b,
				t;
	int			status;

	if ((status = Bm25CursorOpen(v->r, &e->info, &c)) != BM25_OK)
		return status;
	memset(&blk, 0, sizeof(blk));
	agg_reset(&t);
	agg_reset(&b);
	while ((status = Bm25CursorNext(c)) == BM25_OK)
	{
		uint32_t	o = Bm25CursorOrd(c);
		Bm25Freq	f = Bm25CursorFreq(c);

		if (c->idx == 0)
		{
			/* a new block: the previous one is complete */
			if (b.count > 0 &&
				(status = check_agg(v, "block", blk.pos, &b, blk.max_tf, blk.max_lead, blk.min_dl)) != BM25_OK)
				break;
			blk = c->blk;
			agg_reset(&b);
		}
		agg_add(&b, f, v->dl[o]);
		agg_add(&t, f, v->dl[o]);
		v->tf_sum[o] += f.tf;
		if (++v->npostings % AR_INTERRUPT_STRIDE == 0)
			AR_CHECK_INTERRUPTS();
	}
	Bm25CursorClose(c);
	if (status != BM25_END)
		return status;
	if ((status = check_agg(v, "block", blk.pos, &b, blk.max_tf, blk.max_lead, blk.min_dl)) != BM25_OK)
		return status;
	return check_agg(v, "dictionary entry", e->info.postings, &t,
					 e->info.max_tf, e->info.max_lead, e->info.min_dl);
}

/* Every term in order, its postings, then the documents' lengths. */
static int
verify_terms(Verify *v)
{
	Bm25Reader *r = v->r;
	Bm25DictIter it;
	Bm25DictEntry e;
	uint64_t	prev_pos = 0;
	uint32_t	o;
	int			status;

	bm25_dict_iter_init(&it, r);
	while ((status = bm25_dict_iter_next(&it, &e)) == BM25_OK)
	{
		set_term(v, &e);
		if (v->nterm > 1 && e.info.postings <= prev_pos)
		{
			status = bm25_fail(r, BM25_ERR_CORRUPT, "%s: its postings start before the previous term's", v->term);
			break;
		}
		prev_pos = e.info.postings;
		if ((status = verify_postings(v, &e)) != BM25_OK)
			break;
	}
	bm25_dict_iter_free(&it);
	if (status != BM25_END)
		return status;
	if (v->npostings != r->npostings)
		return bm25_fail(r, BM25_ERR_CORRUPT, "%llu postings, the header says %llu",
						 (unsigned long long) v->npostings, (unsigned long long) r->npostings);
	for (o = 0; o < r->ndocs; o++)
		if (v->tf_sum[o] != v->dl[o])
			return bm25_fail(r, BM25_ERR_CORRUPT, "document %u: dl %u, but its terms' tf sum to %llu",
							 o, v->dl[o], (unsigned long long) v->tf_sum[o]);
	return BM25_OK;
}

/* The first term of dictionary chunk ch, read through slot. */
static int
first_dict_term(Bm25Reader *r, Bm25Slot *slot, uint32_t ch, Bm25DictEntry *e)
{
	Bm25Keyed	kc;
	uint32_t	off = 0;
	int			status = bm25_keyed_open(r, slot, ch, &kc);

	if (status == BM25_OK)
		status = bm25_keyed_check(r, &kc);
	if (status != BM25_OK)
		return status;
	status = bm25_parse_dict_entry(r, &kc, &off, e);
	if (status == BM25_END)
		return bm25_fail(r, BM25_ERR_CORRUPT, "dictionary chunk %u is empty", ch);
	return status;
}

/* Directory entry j names dictionary chunk dict_chunk + j and its first
 * term, and there is one entry per dictionary chunk. */
static int
verify_directory(Verify *v)
{
	Bm25Reader *r = v->r;
	Bm25Slot	slot;
	uint32_t	j = 0,
				ch;
	int			status = BM25_OK;

	bm25_slot_init(r, &slot);
	for (ch = r->dir_chunk; ch < r->nchunks && status == BM25_OK; ch++)
	{
		uint32_t	off = 0;
		const char *key;
		size_t		len;
		uint32_t	dict;
		Bm25DictEntry e;
		Bm25Keyed	kc;

		status = bm25_keyed_open(r, &r->dict_slot, ch, &kc);
		if (status == BM25_OK)
			status = bm25_keyed_check(r, &kc);
		while (status == BM25_OK)
		{
			if ((status = bm25_parse_dir_entry(r, &kc, &off, &key, &len, &dict)) != BM25_OK)
				break;
			if (dict != r->dict_chunk + j)
				status = bm25_fail(r, BM25_ERR_CORRUPT, "directory entry %u names dictionary chunk %u, not %u",
								   j, dict, r->dict_chunk + j);
			else if ((status = first_dict_term(r, &slot, dict, &e)) == BM25_OK &&
					 bm25_term_cmp(key, len, e.term, e.len) != 0)
				status = bm25_fail(r, BM25_ERR_CORRUPT, "directory entry %u differs from the first term of its chunk", j);
			j++;
		}
		if (status == BM25_END)
			status = off == 0 ? bm25_fail(r, BM25_ERR_CORRUPT, "directory chunk %u is empty", ch) : BM25_OK;
	}
	bm25_slot_free(&slot);
	if (status == BM25_OK && j != r->dir_chunk - r->dict_chunk)
		status = bm25_fail(r, BM25_ERR_CORRUPT, "%u directory entries for %u dictionary chunks",
						   j, r->dir_chunk - r->dict_chunk);
	return status;
}

int
Bm25VerifySegment(Bm25ReadChunk read, void *arg, uint32_t chunk_size, uint32_t nchunks,
				  char *msg, size_t msgsize)
{
	Bm25Reader *r;
	Verify		v;
	int			status = Bm25ReaderOpen(read, arg, chunk_size, nchunks, &r, msg, msgsize);

	if (status != BM25_OK)
		return status;
	memset(&v, 0, sizeof(v));
	v.r = r;
	v.dl = ArAlloc(sizeof(uint32_t) * (r->ndocs ? r->ndocs : 1));
	v.tf_sum = ArAlloc(sizeof(uint64_t) * (r->ndocs ? r->ndocs : 1));
	memset(v.tf_sum, 0, sizeof(uint64_t) * (r->ndocs ? r->ndocs : 1));
	status = verify_docs(&v);
	if (status == BM25_OK)
		status = verify_terms(&v);
	if (status == BM25_OK)
		status = verify_directory(&v);
	if (status != BM25_OK)
		bm25_msg(msg, msgsize, "%s", r->err);
	else
		bm25_msg(msg, msgsize, "ok");
	ArFree(v.dl);
	ArFree(v.tf_sum);
	Bm25ReaderClose(r);
	return status;
}
