/*
 * bm25_build.c — builds an immutable segment image (format: bm25_int.h).
 *
 * Documents arrive one at a time (CREATE INDEX, a pending-list flush) or a
 * whole old segment at a time (VACUUM's rewrite).  Their postings are
 * appended to one flat array, doc-major, 8 bytes each (term id, tf, lead),
 * with no allocation per posting.  Finish then sorts once: the documents by
 * TID (usually already in order: a heap scan), the distinct terms by bytes,
 * and the postings by a counting sort on the term (each term's df is known),
 * visiting documents in ordinal order so every posting list comes out
 * already ordered.  Peak memory is about 16 bytes per posting plus the
 * image; time is linear in the postings apart from the two sorts.
 */
#include "bm25_int.h"

#include <stdio.h>
#include <stdlib.h>

/* A growable array of uint64 in fixed pages: random access, no copying on
 * growth, and no single allocation near PostgreSQL's 1 GB palloc limit. */
#define SEG_SHIFT	13
#define SEG_PAGE	((size_t) 1 << SEG_SHIFT)

typedef struct SegArr
{
	uint64_t  **pages;
	size_t		npages;
	size_t		cap;
	size_t		len;
} SegArr;

typedef struct TermRec
{
	uint64_t	off;			/* bytes in the builder's arena */
	uint64_t	start;			/* Finish: where its postings go */
	uint32_t	hash;
	uint32_t	df;
	uint32_t	stamp;			/* last AddDoc call that used it */
	uint16_t	len;
} TermRec;

typedef struct DocRec
{
	Bm25Tid		tid;
	uint32_t	dl;
	uint32_t	nterms;
	uint64_t	start;			/* its first posting in post */
} DocRec;

struct Bm25Builder
{
	Bm25Params	p;
	uint32_t	chunk_size;
	size_t		max_term;
	ArBuf		bytes;			/* term bytes */
	TermRec    *terms;
	uint32_t	nterms;
	uint32_t	capterms;
	uint32_t   *hash;			/* term id + 1, 0 = empty */
	uint32_t	hashcap;
	DocRec	   *docs;
	uint32_t	ndocs;
	uint32_t	capdocs;
	SegArr		post;			/* term id << 32 | tf << 16 | lead */
	uint32_t	stamp;
	bool		finished;
	char		err[256];
};

/* What Finish writes per term into the dictionary. */
typedef struct TermOut
{
	uint64_t	offset;
	uint32_t	max_tf;
	uint32_t	max_lead;
	uint32_t	min_dl;
} TermOut;

/* ------------------------------------------------------------ SegArr */

static void
segarr_resize(SegArr *a, size_t len)
{
	size_t		need = (len + SEG_PAGE - 1) >> SEG_SHIFT;

	if (need > a->cap)
	{
		size_t		cap = a->cap ? a->cap * 2 : 16;

		while (cap < need)
			cap *= 2;
		a->pages = ArRealloc(a->pages, cap * sizeof(uint64_t *));
		a->cap = cap;
	}
	while (a->npages < need)
		a->pages[a->npages++] = ArAlloc(SEG_PAGE * sizeof(uint64_t));
	a->len = len;
}

static inline uint64_t *
segarr_at(const SegArr *a, size_t i)
{
	return &a->pages[i >> SEG_SHIFT][i & (SEG_PAGE - 1)];
}

static inline void
segarr_push(SegArr *a, uint64_t v)
{
	if ((a->len & (SEG_PAGE - 1)) == 0)
		segarr_resize(a, a->len + 1);
	else
		a->len++;
	*segarr_at(a, a->len - 1) = v;
}

static void
segarr_free(SegArr *a)
{
	size_t		i;

	for (i = 0; i < a->npages; i++)
		ArFree(a->pages[i]);
	ArFree(a->pages);
	memset(a, 0, sizeof(*a));
}

/* ------------------------------------------------------------ terms */

static int
build_fail(Bm25Builder *b, int status, const char *what)
{
	snprintf(b->err, sizeof(b->err), "%s", what);
	return status;
}

static void
grow_hash(Bm25Builder *b)
{
	uint32_t	cap = b->hashcap ? b->hashcap * 2 : 1024;
	uint32_t   *h = ArAlloc(sizeof(uint32_t) * cap);
	uint32_t	i;

	memset(h, 0, sizeof(uint32_t) * cap);
	for (i = 0; i < b->nterms; i++)
	{
		uint32_t	s = b->terms[i].hash & (cap - 1);

		while (h[s])
			s = (s + 1) & (cap - 1);
		h[s] = i + 1;
	}
	ArFree(b->hash);
	b->hash = h;
	b->hashcap = cap;
}

/* The id of term lex, added when new. */
static uint32_t
intern(Bm25Builder *b, const char *lex, size_t len)
{
	uint32_t	hv = ArHashQuick(lex, len);
	uint32_t	s;
	TermRec    *t;

	if ((uint64_t) (b->nterms + 1) * 2 > b->hashcap)
		grow_hash(b);
	for (s = hv & (b->hashcap - 1); b->hash[s]; s = (s + 1) & (b->hashcap - 1))
	{
		t = &b->terms[b->hash[s] - 1];
		if (t->hash == hv && t->len == len && memcmp(b->bytes.data + t->off, lex, len) == 0)
			return b->hash[s] - 1;
	}
	if (b->nterms == b->capterms)
	{
		b->capterms = b->capterms ? b->capterms * 2 : 1024;
		b->terms = ArRealloc(b->terms, sizeof(TermRec) * b->capterms);
	}
	t = &b->terms[b->nterms];
	memset(t, 0, sizeof(*t));
	t->off = b->bytes.len;
	t->len = (uint16_t) len;
	t->hash = hv;
	ArBufAppend(&b->bytes, lex, len);
	b->hash[s] = b->nterms + 1;
	return b->nterms++;
}

static DocRec *
push_doc(Bm25Builder *b, const Bm25Tid *tid, uint32_t dl)
{
	DocRec	   *d;

	if (b->ndocs == b->capdocs)
	{
		b->capdocs = b->capdocs ? b->capdocs * 2 : 1024;
		b->docs = ArRealloc(b->docs, sizeof(DocRec) * b->capdocs);
	}
	d = &b->docs[b->ndocs++];
	d->tid = *tid;
	d->dl = dl;
	d->nterms = 0;
	d->start = b->post.len;
	return d;
}

/* ------------------------------------------------------------ public: input */

size_t
Bm25MaxTermLen(uint32_t chunk_size)
{
	if (chunk_size < BM25_MIN_CHUNK)
		return 0;
	return chunk_size - BM25_ENTRY_OVERHEAD > UINT16_MAX ?
		UINT16_MAX : chunk_size - BM25_ENTRY_OVERHEAD;
}

Bm25Builder *
Bm25BuildCreate(const Bm25Params *p, uint32_t chunk_size)
{
	Bm25Builder *b;

	if (chunk_size < BM25_MIN_CHUNK || chunk_size > BM25_MAX_CHUNK)
		return NULL;
	b = ArAlloc(sizeof(Bm25Builder));
	memset(b, 0, sizeof(*b));
	b->p = *p;
	b->chunk_size = chunk_size;
	b->max_term = Bm25MaxTermLen(chunk_size);
	ArBufInit(&b->bytes, 4096);
	grow_hash(b);
	return b;
}

uint32_t
Bm25BuildNumDocs(const Bm25Builder *b)
{
	return b->ndocs;
}

const char *
Bm25BuildError(const Bm25Builder *b)
{
	return b->err;
}

/* Check a document's frequencies and term lengths before touching anything. */
static int
check_doc_terms(Bm25Builder *b, const Bm25DocTerm *terms, int nterms)
{
	int			i;

	for (i = 0; i < nterms; i++)
	{
		if (!Bm25IsTerm(terms[i].lex, terms[i].len))
			continue;
		if (terms[i].freq.tf == 0 || terms[i].freq.lead > terms[i].freq.tf)
			return build_fail(b, BM25_ERR_ARG, "a term frequency must have tf >= 1 and lead <= tf");
		if (terms[i].len > b->max_term)
			return build_fail(b, BM25_ERR_TERM_TOO_LONG, "a term is too long for this chunk size");
	}
	return BM25_OK;
}

int
Bm25BuildAddDoc(Bm25Builder *b, const Bm25Tid *tid, const Bm25DocTerm *terms, int nterms)
{
	uint64_t	start = b->post.len;
	uint64_t	dl = 0;
	uint64_t	j;
	DocRec	   *d;
	int			status,
				i;

	if (b->finished)
		return build_fail(b, BM25_ERR_ARG, "the segment is already finished");
	if (b->ndocs >= BM25_MAX_DOCS)
		return build_fail(b, BM25_ERR_LIMIT, "too many documents for one segment");
	if ((status = check_doc_terms(b, terms, nterms)) != BM25_OK)
		return status;
	b->stamp++;
	for (i = 0; i < nterms; i++)
	{
		uint32_t	id;

		if (!Bm25IsTerm(terms[i].lex, terms[i].len))
			continue;
		id = intern(b, terms[i].lex, terms[i].len);
		if (b->terms[id].stamp == b->stamp)
			break;				/* the same term twice */
		b->terms[id].stamp = b->stamp;
		b->terms[id].df++;
		segarr_push(&b->post, (uint64_t) id << 32 |
					(uint32_t) terms[i].freq.tf << 16 | terms[i].freq.lead);
		dl += terms[i].freq.tf;
	}
	if (i < nterms || dl > UINT32_MAX)
	{
		/* undo this document: nothing of it is kept */
		for (j = start; j < b->post.len; j++)
			b->terms[*segarr_at(&b->post, j) >> 32].df--;
		b->post.len = start;
		if (i < nterms)
			return build_fail(b, BM25_ERR_DUPLICATE, "a term appears twice in one document");
		return build_fail(b, BM25_ERR_LIMIT, "document length over 2^32");
	}
	d = push_doc(b, tid, (uint32_t) dl);
	d->start = start;
	d->nterms = (uint32_t) (b->post.len - start);
	return BM25_OK;
}

/*
 * One pass over every posting of segment r: count (fill = false) or store
 * (fill = true) the postings of the kept documents, map[ord] being the
 * builder's document index (UINT32_MAX = dropped).
 */
static int
segment_pass(Bm25Builder *b, Bm25Reader *r, const uint32_t *map, bool fill)
{
	Bm25DictIter it;
	Bm25DictEntry e;
	Bm25Cursor *c = NULL;
	uint64_t	steps = 0;
	int			status;

	bm25_dict_iter_init(&it, r);
	while ((status = bm25_dict_iter_next(&it, &e)) == BM25_OK)
	{
		uint32_t	id = 0;

		if (fill && e.len > b->max_term)
		{
			status = build_fail(b, BM25_ERR_TERM_TOO_LONG, "a term is too long for this chunk size");
			break;
		}
		if (fill)
			id = intern(b, e.term, e.len);
		if ((status = Bm25CursorOpen(r, &e.info, &c)) != BM25_OK)
			break;
		while ((status = Bm25CursorNext(c)) == BM25_OK)
		{
			uint32_t	d = map[Bm25CursorOrd(c)];
			Bm25Freq	f = Bm25CursorFreq(c);

			if (++steps % AR_INTERRUPT_STRIDE == 0)
				AR_CHECK_INTERRUPTS();
			if (d == UINT32_MAX)
				continue;
			if (fill)
			{
				uint64_t	end = d + 1 < b->ndocs ? b->docs[d + 1].start : b->post.len;

				/* the second pass must see what the first counted */
				if (b->docs[d].start + b->docs[d].nterms >= end)
				{
					status = build_fail(b, BM25_ERR_CORRUPT, "a segment changed while it was read");
					break;
				}
				*segarr_at(&b->post, b->docs[d].start + b->docs[d].nterms) =
					(uint64_t) id << 32 | (uint32_t) f.tf << 16 | f.lead;
				b->terms[id].df++;
			}
			b->docs[d].nterms++;
		}
		Bm25CursorClose(c);
		if (status != BM25_END)
			break;
	}
	bm25_dict_iter_free(&it);
	if (status == BM25_END)
		return BM25_OK;
	if (status < 0 && b->err[0] == '\0')
		build_fail(b, status, Bm25ReaderError(r));
	return status;
}

/* Register the kept documents of r; map[ord] gets their builder index. */
static int
segment_docs(Bm25Builder *b, Bm25Reader *r, uint32_t *map,
			 bool (*keep) (void *arg, const Bm25Tid *tid), void *arg)
{
	uint32_t	ord;

	for (ord = 0; ord < r->ndocs; ord++)
	{
		Bm25Tid		tid;
		uint32_t	dl;
		int			status = Bm25ReaderDoc(r, ord, &tid, &dl);

		if (status != BM25_OK)
			return build_fail(b, status, Bm25ReaderError(r));
		map[ord] = UINT32_MAX;
		if (keep && !keep(arg, &tid))
			continue;
		if (b->ndocs >= BM25_MAX_DOCS)
			return build_fail(b, BM25_ERR_LIMIT, "too many documents for one segment");
		map[ord] = b->ndocs;
		push_doc(b, &tid, dl);
	}
	return BM25_OK;
}

/*
 * The segment is term-major and the builder doc-major: count each kept
 * document's postings, give each document its slice of the posting array,
 * then fill the slices in a second pass (a counting sort by document).
 */
int
Bm25BuildAddSegment(Bm25Builder *b, Bm25Reader *r,
					bool (*keep) (void *arg, const Bm25Tid *tid), void *arg)
{
	uint32_t   *map;
	uint32_t	first = b->ndocs,
				d;
	uint64_t	at = b->post.len;
	int			status;

	if (b->finished)
		return build_fail(b, BM25_ERR_ARG, "the segment is already finished");
	if (r->lead_positions != b->p.lead_positions)
		return build_fail(b, BM25_ERR_PARAMS, "the segment was built with another lead_positions");
	map = ArAlloc(sizeof(uint32_t) * (r->ndocs ? r->ndocs : 1));
	status = segment_docs(b, r, map, keep, arg);
	if (status == BM25_OK)
		status = segment_pass(b, r, map, false);
	if (status == BM25_OK)
	{
		for (d = first; d < b->ndocs; d++)
		{
			b->docs[d].start = at;
			at += b->docs[d].nterms;
			b->docs[d].nterms = 0;
		}
		segarr_resize(&b->post, at);
		status = segment_pass(b, r, map, true);
	}
	ArFree(map);
	return status;
}

/* ------------------------------------------------------------ output */

/* The image under construction: an ArBuf that knows its chunk size. */
typedef struct Writer
{
	ArBuf		buf;
	uint32_t	chunk;
} Writer;

/* Zero-fill up to the next chunk boundary (nothing when on one). */
static void
w_pad(Writer *w)
{
	size_t		rem = w->buf.len % w->chunk;

	if (rem == 0)
		return;
	ArBufReserve(&w->buf, w->chunk - rem);
	memset(w->buf.data + w->buf.len, 0, w->chunk - rem);
	w->buf.len += w->chunk - rem;
}

/* Make sure a record of need bytes (<= chunk) starts where it fits. */
static void
w_place(Writer *w, size_t need)
{
	if (w->chunk - w->buf.len % w->chunk < need)
		w_pad(w);
}

static const DocRec *sort_docs;
static const Bm25Builder *sort_builder;

static int
cmp_doc_index(const void *a, const void *b)
{
	return Bm25TidCmp(&sort_docs[*(const uint32_t *) a].tid,
					  &sort_docs[*(const uint32_t *) b].tid);
}

static int
cmp_term_id(const void *a, const void *b)
{
	const TermRec *x = &sort_builder->terms[*(const uint32_t *) a];
	const TermRec *y = &sort_builder->terms[*(const uint32_t *) b];

	return bm25_term_cmp(sort_builder->bytes.data + x->off, x->len,
						 sort_builder->bytes.data + y->off, y->len);
}

/* Document indexes in TID order (ordinal -> index); sorted only when the
 * input was not already in TID order.  BM25_ERR_DUPLICATE on a repeat. */
static int
order_docs(Bm25Builder *b, uint32_t **order_out)
{
	uint32_t   *order = ArAlloc(sizeof(uint32_t) * (b->ndocs ? b->ndocs : 1));
	bool		sorted = true;
	uint32_t	i;

	for (i = 0; i < b->ndocs; i++)
	{
		order[i] = i;
		if (i > 0 && Bm25TidCmp(&b->docs[i - 1].tid, &b->docs[i].tid) >= 0)
			sorted = false;
	}
	if (!sorted)
	{
		/* qsort has no context argument in C99; one build runs at a time */
		sort_docs = b->docs;
		qsort(order, b->ndocs, sizeof(uint32_t), cmp_doc_index);
	}
	*order_out = order;
	for (i = 1; i < b->ndocs; i++)
		if (Bm25TidCmp(&b->docs[order[i - 1]].tid, &b->docs[order[i]].tid) == 0)
			return build_fail(b, BM25_ERR_DUPLICATE, "the same TID was added twice");
	return BM25_OK;
}

/* Ids of the terms in use, sorted by bytes; each gets its slice start. */
static uint32_t *
order_terms(Bm25Builder *b, uint32_t *nused)
{
	uint32_t   *ids = ArAlloc(sizeof(uint32_t) * (b->nterms ? b->nterms : 1));
	uint32_t	n = 0,
				i;
	uint64_t	at = 0;

	for (i = 0; i < b->nterms; i++)
		if (b->terms[i].df > 0)
			ids[n++] = i;
	sort_builder = b;
	qsort(ids, n, sizeof(uint32_t), cmp_term_id);
	for (i = 0; i < n; i++)
	{
		b->terms[ids[i]].start = at;
		at += b->terms[ids[i]].df;
	}
	*nused = n;
	return ids;
}

/* Counting sort: postings to out, term-major, ordinal order inside a term
 * because documents are visited by ordinal.  Leaves term.start at its end. */
static void
scatter_postings(Bm25Builder *b, const uint32_t *order, SegArr *out)
{
	uint64_t	steps = 0;
	uint32_t	o;

	segarr_resize(out, b->post.len);
	for (o = 0; o < b->ndocs; o++)
	{
		const DocRec *d = &b->docs[order[o]];
		uint32_t	j;

		for (j = 0; j < d->nterms; j++)
		{
			uint64_t	v = *segarr_at(&b->post, d->start + j);
			TermRec    *t = &b->terms[v >> 32];

			*segarr_at(out, t->start++) = (uint64_t) o << 32 | (uint32_t) v;
			if (++steps % AR_INTERRUPT_STRIDE == 0)
				AR_CHECK_INTERRUPTS();
		}
	}
}

/* Encode one posting after ordinal prev (-1 at a block start is base - 1). */
static int
encode_posting(uint8_t *p, uint32_t gap, uint32_t tf, uint32_t lead)
{
	bool		extra = !(tf == 1 && lead == 0);
	int			n = bm25_put_varint(p, (uint64_t) gap << 1 | extra);

	if (extra)
	{
		n += bm25_put_varint(p + n, (uint64_t) (tf - 1) << 1 | (lead > 0));
		if (lead > 0)
			n += bm25_put_varint(p + n, lead - 1);
	}
	return n;
}

/*
 * Write one term's posting blocks: up to 128 postings each, fewer when a
 * block would not fit in a chunk.  Fills the term's dictionary maxima.
 */
static void
encode_term(Writer *w, const SegArr *out, uint64_t first, uint32_t df,
			const uint32_t *dl_by_ord, TermOut *to)
{
	uint8_t		data[BM25_BLOCK_SIZE * 11];
	uint8_t		hdr[BM25_BLOCK_HDR_MAX];
	uint32_t	base = 0,
				i = 0;

	to->max_tf = to->max_lead = 0;
	to->min_dl = UINT32_MAX;
	while (i < df)
	{
		uint32_t	cnt = 0,
					dlen = 0,
					mtf = 0,
					mlead = 0,
					mdl = UINT32_MAX,
					prev1 = base;	/* previous ordinal + 1 */
		int			hlen;

		while (cnt < BM25_BLOCK_SIZE && i + cnt < df)
		{
			uint64_t	v = *segarr_at(out, first + i + cnt);
			uint32_t	ord = (uint32_t) (v >> 32),
						tf = (uint32_t) (v >> 16) & 0xFFFF,
						lead = (uint32_t) v & 0xFFFF;
			uint8_t		one[11];
			int			n = encode_posting(one, ord - prev1, tf, lead);

			if (dlen + n + BM25_BLOCK_HDR_MAX > w->chunk)
				break;
			memcpy(data + dlen, one, n);
			dlen += n;
			prev1 = ord + 1;
			cnt++;
			mtf = tf > mtf ? tf : mtf;
			mlead = lead > mlead ? lead : mlead;
			mdl = dl_by_ord[ord] < mdl ? dl_by_ord[ord] : mdl;
		}
		hdr[0] = (uint8_t) cnt;
		hlen = 1 + bm25_put_varint(hdr + 1, prev1 - 1 - base);
		hlen += bm25_put_varint(hdr + hlen, dlen);
		hlen += bm25_put_varint(hdr + hlen, mtf);
		hlen += bm25_put_varint(hdr + hlen, mlead);
		hlen += bm25_put_varint(hdr + hlen, mdl);
		w_place(w, hlen + dlen);
		if (i == 0)
			to->offset = w->buf.len;
		ArBufAppend(&w->buf, (const char *) hdr, hlen);
		ArBufAppend(&w->buf, (const char *) data, dlen);
		base = prev1;
		i += cnt;
		to->max_tf = mtf > to->max_tf ? mtf : to->max_tf;
		to->max_lead = mlead > to->max_lead ? mlead : to->max_lead;
		to->min_dl = mdl < to->min_dl ? mdl : to->min_dl;
	}
}

/* A dictionary or directory chunk being filled (layout: Bm25Keyed). */
typedef struct KeyedChunk
{
	size_t		start;			/* byte offset of the chunk */
	uint32_t	nentries;
	uint32_t	nr;
	uint16_t   *restarts;		/* room for chunk_size / 2 */
} KeyedChunk;

/* Pad the open chunk up to its trailer and write the trailer. */
static void
keyed_close(Writer *w, KeyedChunk *kc)
{
	uint32_t	trailer = 2 + 2 * kc->nr,
				i;
	uint8_t    *t;

	if (kc->nentries == 0)
		return;
	ArBufReserve(&w->buf, w->chunk);
	memset(w->buf.data + w->buf.len, 0, kc->start + w->chunk - w->buf.len);
	t = (uint8_t *) w->buf.data + kc->start + w->chunk - trailer;
	for (i = 0; i < kc->nr; i++)
	{
		t[2 * i] = (uint8_t) kc->restarts[i];
		t[2 * i + 1] = (uint8_t) (kc->restarts[i] >> 8);
	}
	t[2 * kc->nr] = (uint8_t) kc->nr;
	t[2 * kc->nr + 1] = (uint8_t) (kc->nr >> 8);
	w->buf.len = kc->start + w->chunk;
	kc->nentries = kc->nr = 0;
}

/* Append one entry; true when it starts a new chunk. */
static bool
keyed_add(Writer *w, KeyedChunk *kc, const uint8_t *e, size_t len)
{
	bool		restart = kc->nentries % BM25_RESTART == 0;
	size_t		trailer = 2 + 2 * (kc->nr + 1);	/* with a restart more, at worst */
	bool		fresh;

	if (kc->nentries > 0 && w->buf.len - kc->start + len + trailer > w->chunk)
		keyed_close(w, kc);
	fresh = kc->nentries == 0;
	if (fresh)
	{
		kc->start = w->buf.len;
		restart = true;
	}
	if (restart)
		kc->restarts[kc->nr++] = (uint16_t) (w->buf.len - kc->start);
	ArBufAppend(&w->buf, (const char *) e, len);
	kc->nentries++;
	return fresh;
}

/* Dictionary then directory (one entry per dictionary chunk). */
static void
write_dictionary(Bm25Builder *b, Writer *w, const uint32_t *ids, uint32_t n,
				 const TermOut *touts, uint32_t *dict_chunk, uint32_t *dir_chunk)
{
	uint8_t    *e = ArAlloc(b->chunk_size);
	uint32_t   *firsts = ArAlloc(sizeof(uint32_t) * (n ? n : 1));
	uint32_t	nfirst = 0,
				i;
	KeyedChunk	kc = {0, 0, 0, ArAlloc(b->chunk_size)};

	w_pad(w);
	*dict_chunk = (uint32_t) (w->buf.len / w->chunk);
	for (i = 0; i < n; i++)
	{
		const TermRec *t = &b->terms[ids[i]];
		int			len = bm25_put_varint(e, t->len);

		memcpy(e + len, b->bytes.data + t->off, t->len);
		len += t->len;
		len += bm25_put_varint(e + len, t->df);
		len += bm25_put_varint(e + len, touts[i].max_tf);
		len += bm25_put_varint(e + len, touts[i].max_lead);
		len += bm25_put_varint(e + len, touts[i].min_dl);
		len += bm25_put_varint(e + len, touts[i].offset);
		if (keyed_add(w, &kc, e, len))
			firsts[nfirst++] = i;
	}
	keyed_close(w, &kc);
	*dir_chunk = (uint32_t) (w->buf.len / w->chunk);
	for (i = 0; i < nfirst; i++)
	{
		const TermRec *t = &b->terms[ids[firsts[i]]];
		int			len = bm25_put_varint(e, t->len);

		memcpy(e + len, b->bytes.data + t->off, t->len);
		len += t->len;
		len += bm25_put_varint(e + len, *dict_chunk + i);
		keyed_add(w, &kc, e, len);
	}
	keyed_close(w, &kc);
	ArFree(kc.restarts);
	ArFree(firsts);
	ArFree(e);
}

/* Doc table: ordinal order, fixed 10-byte entries. */
static void
write_docs(Bm25Builder *b, Writer *w, const uint32_t *order, uint32_t *dl_by_ord)
{
	uint32_t	o;

	for (o = 0; o < b->ndocs; o++)
	{
		const DocRec *d = &b->docs[order[o]];
		uint8_t		e[BM25_DOC_ENTRY];

		memcpy(e, d->tid.b, 6);
		bm25_put32(e + 6, d->dl);
		dl_by_ord[o] = d->dl;
		w_place(w, BM25_DOC_ENTRY);
		ArBufAppend(&w->buf, (const char *) e, BM25_DOC_ENTRY);
	}
	w_pad(w);
}

static void
write_header(Bm25Builder *b, Writer *w, Bm25Image *img, uint32_t post_chunk,
			 uint32_t dict_chunk, uint32_t dir_chunk)
{
	uint8_t    *h = (uint8_t *) w->buf.data;
	uint32_t	i;

	img->chunk_size = w->chunk;
	img->nchunks = (uint32_t) (w->buf.len / w->chunk);
	img->ndocs = b->ndocs;
	img->total_dl = 0;
	for (i = 0; i < b->ndocs; i++)
		img->total_dl += b->docs[i].dl;
	bm25_put32(h + BM25_HDR_MAGIC, BM25_MAGIC);
	bm25_put32(h + BM25_HDR_VERSION, BM25_VERSION);
	bm25_put32(h + BM25_HDR_CHUNK, w->chunk);
	bm25_put32(h + BM25_HDR_NCHUNKS, img->nchunks);
	bm25_put32(h + BM25_HDR_NDOCS, b->ndocs);
	bm25_put32(h + BM25_HDR_NTERMS, img->nterms);
	bm25_put64(h + BM25_HDR_TOTAL_DL, img->total_dl);
	bm25_put64(h + BM25_HDR_NPOSTINGS, img->npostings);
	bm25_put32(h + BM25_HDR_LEADPOS, (uint32_t) b->p.lead_positions);
	bm25_put32(h + BM25_HDR_POST_CHUNK, post_chunk);
	bm25_put32(h + BM25_HDR_DICT_CHUNK, dict_chunk);
	bm25_put32(h + BM25_HDR_DIR_CHUNK, dir_chunk);
	img->data = (uint8_t *) w->buf.data;
	img->len = w->buf.len;
}

/* Encode every term's postings, in dictionary order. */
static TermOut *
write_postings(Bm25Builder *b, Writer *w, const uint32_t *ids, uint32_t n,
			   const SegArr *out, const uint32_t *dl_by_ord)
{
	TermOut    *touts = ArAlloc(sizeof(TermOut) * (n ? n : 1));
	uint32_t	i;

	for (i = 0; i < n; i++)
	{
		const TermRec *t = &b->terms[ids[i]];

		/* scatter_postings left start at the end of the term's slice */
		encode_term(w, out, t->start - t->df, t->df, dl_by_ord, &touts[i]);
		if (i % 256 == 255)
			AR_CHECK_INTERRUPTS();
	}
	w_pad(w);
	return touts;
}

int
Bm25BuildFinish(Bm25Builder *b, Bm25Image *img)
{
	Writer		w;
	SegArr		out = {0};
	uint32_t   *order,
			   *ids,
			   *dl_by_ord;
	uint32_t	post_chunk,
				dict_chunk,
				dir_chunk;
	TermOut    *touts;
	int			status;

	memset(img, 0, sizeof(*img));
	if (b->finished)
		return build_fail(b, BM25_ERR_ARG, "the segment is already finished");
	b->finished = true;
	if ((status = order_docs(b, &order)) != BM25_OK)
	{
		ArFree(order);
		return status;
	}
	ids = order_terms(b, &img->nterms);
	scatter_postings(b, order, &out);
	img->npostings = out.len;
	segarr_free(&b->post);		/* the doc-major copy is no longer needed */
	w.chunk = b->chunk_size;
	ArBufInit(&w.buf, (size_t) b->chunk_size * 4);
	memset(w.buf.data, 0, b->chunk_size);
	w.buf.len = b->chunk_size;	/* chunk 0: the header, written last */
	dl_by_ord = ArAlloc(sizeof(uint32_t) * (b->ndocs ? b->ndocs : 1));
	write_docs(b, &w, order, dl_by_ord);
	post_chunk = (uint32_t) (w.buf.len / w.chunk);
	touts = write_postings(b, &w, ids, img->nterms, &out, dl_by_ord);
	segarr_free(&out);
	write_dictionary(b, &w, ids, img->nterms, touts, &dict_chunk, &dir_chunk);
	write_header(b, &w, img, post_chunk, dict_chunk, dir_chunk);
	ArFree(touts);
	ArFree(dl_by_ord);
	ArFree(ids);
	ArFree(order);
	return BM25_OK;
}

void
Bm25ImageFree(Bm25Image *img)
{
	ArFree(img->data);
	img->data = NULL;
	img->len = 0;
}

void
Bm25BuildFree(Bm25Builder *b)
{
	if (b == NULL)
		return;
	ArFree(b->bytes.data);
	ArFree(b->terms);
	ArFree(b->hash);
	ArFree(b->docs);
	segarr_free(&b->post);
	ArFree(b);
}
