/*
 * bm25_read.c — reads a segment image (format: bm25_int.h) one chunk at a
 * time through the caller's callback.
 *
 * The image may be anything (a torn page, a fuzzer's bytes): every length,
 * count, ordinal and offset is checked against the chunk and the header
 * before use, so a bad image gives BM25_ERR_CORRUPT and a sentence saying
 * where, never a read outside the chunk buffer.
 */
#include "bm25_int.h"

#include <stdarg.h>
#include <stdio.h>

int
bm25_fail(Bm25Reader *r, int status, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
	r->last_fail = status;
	return status;
}

void
bm25_slot_init(Bm25Reader *r, Bm25Slot *slot)
{
	slot->buf = ArAlloc(r->chunk_size);
	slot->data = NULL;
	slot->chunkno = -1;
}

void
bm25_slot_free(Bm25Slot *slot)
{
	ArFree(slot->buf);
	slot->buf = NULL;
	slot->data = NULL;
	slot->chunkno = -1;
}

const uint8_t *
bm25_slot_get(Bm25Reader *r, Bm25Slot *slot, uint32_t chunkno)
{
	const uint8_t *d;

	if (slot->chunkno == (int64_t) chunkno)
		return slot->data;
	if (chunkno >= r->nchunks)
	{
		bm25_fail(r, BM25_ERR_CORRUPT, "chunk %u is past the segment's %u chunks",
				  chunkno, r->nchunks);
		return NULL;
	}
	d = r->read(r->arg, chunkno, slot->buf);
	if (d == NULL)
	{
		slot->chunkno = -1;
		bm25_fail(r, BM25_ERR_READ, "chunk %u could not be read", chunkno);
		return NULL;
	}
	slot->data = d;
	slot->chunkno = chunkno;
	return d;
}

/* ------------------------------------------------------------ header */

/* Check the header's sections against each other and the chunk count. */
static int
check_header(Bm25Reader *r)
{
	uint64_t	doc_chunks = ((uint64_t) r->ndocs + r->docs_per_chunk - 1) / r->docs_per_chunk;

	if (r->post_chunk != 1 + doc_chunks)
		return bm25_fail(r, BM25_ERR_CORRUPT,
						 "header: postings start at chunk %u, but %u documents end at chunk %llu",
						 r->post_chunk, r->ndocs, (unsigned long long) (1 + doc_chunks));
	if (!(r->post_chunk <= r->dict_chunk && r->dict_chunk <= r->dir_chunk &&
		  r->dir_chunk <= r->nchunks))
		return bm25_fail(r, BM25_ERR_CORRUPT, "header: sections out of order (%u, %u, %u of %u chunks)",
						 r->post_chunk, r->dict_chunk, r->dir_chunk, r->nchunks);
	if ((r->nterms == 0) != (r->dict_chunk == r->dir_chunk) ||
		(r->nterms == 0) != (r->dir_chunk == r->nchunks))
		return bm25_fail(r, BM25_ERR_CORRUPT, "header: %u terms but %u dictionary and %u directory chunks",
						 r->nterms, r->dir_chunk - r->dict_chunk, r->nchunks - r->dir_chunk);
	if (r->npostings < r->nterms || r->ndocs > BM25_MAX_DOCS ||
		r->npostings > (uint64_t) r->nterms * r->ndocs)
		return bm25_fail(r, BM25_ERR_CORRUPT, "header: %llu postings do not fit %u terms and %u documents",
						 (unsigned long long) r->npostings, r->nterms, r->ndocs);
	if (r->lead_positions < 0 || r->lead_positions > BM25_MAX_POSITION)
		return bm25_fail(r, BM25_ERR_CORRUPT, "header: lead_positions %d out of range",
						 r->lead_positions);
	return BM25_OK;
}

static int
read_header(Bm25Reader *r)
{
	const uint8_t *h = bm25_slot_get(r, &r->dict_slot, 0);

	if (h == NULL)
		return r->last_fail;
	if (bm25_get32(h + BM25_HDR_MAGIC) != BM25_MAGIC)
		return bm25_fail(r, BM25_ERR_CORRUPT, "header: not a bm25 segment (bad magic)");
	if (bm25_get32(h + BM25_HDR_VERSION) != BM25_VERSION)
		return bm25_fail(r, BM25_ERR_CORRUPT, "header: segment format %u, this build reads %u",
						 bm25_get32(h + BM25_HDR_VERSION), BM25_VERSION);
	if (bm25_get32(h + BM25_HDR_CHUNK) != r->chunk_size ||
		bm25_get32(h + BM25_HDR_NCHUNKS) != r->nchunks)
		return bm25_fail(r, BM25_ERR_CORRUPT,
						 "header: %u chunks of %u bytes, the caller has %u of %u",
						 bm25_get32(h + BM25_HDR_NCHUNKS), bm25_get32(h + BM25_HDR_CHUNK),
						 r->nchunks, r->chunk_size);
	r->ndocs = bm25_get32(h + BM25_HDR_NDOCS);
	r->nterms = bm25_get32(h + BM25_HDR_NTERMS);
	r->total_dl = bm25_get64(h + BM25_HDR_TOTAL_DL);
	r->npostings = bm25_get64(h + BM25_HDR_NPOSTINGS);
	r->lead_positions = (int) bm25_get32(h + BM25_HDR_LEADPOS);
	r->post_chunk = bm25_get32(h + BM25_HDR_POST_CHUNK);
	r->dict_chunk = bm25_get32(h + BM25_HDR_DICT_CHUNK);
	r->dir_chunk = bm25_get32(h + BM25_HDR_DIR_CHUNK);
	return check_header(r);
}

int
Bm25ReaderOpen(Bm25ReadChunk read, void *arg, uint32_t chunk_size, uint32_t nchunks,
			   Bm25Reader **out, char *msg, size_t msgsize)
{
	Bm25Reader *r;
	int			status;

	*out = NULL;
	if (chunk_size < BM25_MIN_CHUNK || chunk_size > BM25_MAX_CHUNK || nchunks < 1)
	{
		bm25_msg(msg, msgsize, "a segment needs at least one chunk of %d to %d bytes",
				 BM25_MIN_CHUNK, BM25_MAX_CHUNK);
		return BM25_ERR_ARG;
	}
	r = ArAlloc(sizeof(Bm25Reader));
	memset(r, 0, sizeof(*r));
	r->read = read;
	r->arg = arg;
	r->chunk_size = chunk_size;
	r->nchunks = nchunks;
	r->docs_per_chunk = chunk_size / BM25_DOC_ENTRY;
	bm25_slot_init(r, &r->dict_slot);
	bm25_slot_init(r, &r->doc_slot);
	status = read_header(r);
	if (status != BM25_OK)
	{
		bm25_msg(msg, msgsize, "%s", r->err);
		Bm25ReaderClose(r);
		return status;
	}
	*out = r;
	return BM25_OK;
}

void
Bm25ReaderClose(Bm25Reader *r)
{
	if (r == NULL)
		return;
	bm25_slot_free(&r->dict_slot);
	bm25_slot_free(&r->doc_slot);
	ArFree(r);
}

const char *
Bm25ReaderError(const Bm25Reader *r)
{
	return r->err;
}

void
Bm25ReaderInfo(const Bm25Reader *r, Bm25SegmentInfo *info)
{
	info->ndocs = r->ndocs;
	info->total_dl = r->total_dl;
	info->nterms = r->nterms;
	info->npostings = r->npostings;
	info->lead_positions = r->lead_positions;
}

int
Bm25ReaderDoc(Bm25Reader *r, uint32_t ord, Bm25Tid *tid, uint32_t *dl)
{
	const uint8_t *d;
	uint32_t	off;

	if (ord >= r->ndocs)
		return bm25_fail(r, BM25_ERR_ARG, "document ordinal %u past the segment's %u documents",
						 ord, r->ndocs);
	d = bm25_slot_get(r, &r->doc_slot, 1 + ord / r->docs_per_chunk);
	if (d == NULL)
		return r->last_fail;
	off = (ord % r->docs_per_chunk) * BM25_DOC_ENTRY;
	memcpy(tid->b, d + off, 6);
	*dl = bm25_get32(d + off + 6);
	return BM25_OK;
}

/* ------------------------------------------------------------ dictionary */

int
bm25_keyed_open(Bm25Reader *r, Bm25Slot *slot, uint32_t chunk, Bm25Keyed *kc)
{
	const uint8_t *d = bm25_slot_get(r, slot, chunk);
	uint32_t	nr;

	if (d == NULL)
		return r->last_fail;
	nr = d[r->chunk_size - 2] | (uint32_t) d[r->chunk_size - 1] << 8;
	if (nr == 0 || 2 + 2 * (uint64_t) nr > r->chunk_size)
		return bm25_fail(r, BM25_ERR_CORRUPT, "chunk %u: bad restart count %u", chunk, nr);
	kc->data = d;
	kc->chunk = chunk;
	kc->nr = nr;
	kc->limit = r->chunk_size - 2 - 2 * nr;
	kc->restarts = d + kc->limit;
	return BM25_OK;
}

/* Restart offsets ascend from 0 inside the entries (verify only: a
 * look-up checks each offset it uses against the limit). */
int
bm25_keyed_check(Bm25Reader *r, const Bm25Keyed *kc)
{
	uint32_t	i;

	for (i = 0; i < kc->nr; i++)
	{
		uint32_t	off = bm25_keyed_restart(kc, i);

		if (off >= kc->limit || (i == 0 && off != 0) || (i > 0 && off <= bm25_keyed_restart(kc, i - 1)))
			return bm25_fail(r, BM25_ERR_CORRUPT, "chunk %u: restart %u at a bad offset", kc->chunk, i);
	}
	return BM25_OK;
}

/* A varint at *off of a keyed chunk, <= max; false when it does not fit. */
static bool
get_field(const Bm25Keyed *kc, uint32_t *off, uint64_t max, uint64_t *v)
{
	const uint8_t *p = kc->data + *off;

	if (!bm25_get_varint(&p, kc->data + kc->limit, max, v))
		return false;
	*off = (uint32_t) (p - kc->data);
	return true;
}

/* A term (varint length, bytes) at *off; BM25_END at padding. */
static int
get_key(Bm25Reader *r, const Bm25Keyed *kc, uint32_t *off, const char **key, size_t *len)
{
	uint64_t	v;

	if (*off >= kc->limit || kc->data[*off] == 0)
		return BM25_END;
	if (!get_field(kc, off, kc->limit, &v) || v == 0 || v > kc->limit - *off)
		return bm25_fail(r, BM25_ERR_CORRUPT, "chunk %u, byte %u: term length overruns the chunk",
						 kc->chunk, *off);
	*key = (const char *) kc->data + *off;
	*len = (size_t) v;
	*off += (uint32_t) v;
	return BM25_OK;
}

int
bm25_parse_dict_entry(Bm25Reader *r, const Bm25Keyed *kc, uint32_t *off, Bm25DictEntry *e)
{
	uint32_t	at = *off;
	uint64_t	df,
				tf,
				lead,
				dl,
				pos;
	int			status = get_key(r, kc, off, &e->term, &e->len);

	if (status != BM25_OK)
		return status;
	if (!get_field(kc, off, r->ndocs, &df) || df == 0 ||
		!get_field(kc, off, UINT16_MAX, &tf) || tf == 0 ||
		!get_field(kc, off, tf, &lead) ||
		!get_field(kc, off, UINT32_MAX, &dl) ||
		!get_field(kc, off, UINT64_MAX, &pos))
		return bm25_fail(r, BM25_ERR_CORRUPT, "dictionary chunk %u, byte %u: bad entry", kc->chunk, at);
	if (pos < (uint64_t) r->post_chunk * r->chunk_size ||
		pos >= (uint64_t) r->dict_chunk * r->chunk_size)
		return bm25_fail(r, BM25_ERR_CORRUPT,
						 "dictionary chunk %u, byte %u: postings offset %llu outside the posting section",
						 kc->chunk, at, (unsigned long long) pos);
	e->info.df = (uint32_t) df;
	e->info.max_tf = (uint16_t) tf;
	e->info.max_lead = (uint16_t) lead;
	e->info.min_dl = (uint32_t) dl;
	e->info.postings = pos;
	return BM25_OK;
}

int
bm25_parse_dir_entry(Bm25Reader *r, const Bm25Keyed *kc, uint32_t *off,
					 const char **key, size_t *len, uint32_t *dict)
{
	uint64_t	c;
	int			status = get_key(r, kc, off, key, len);

	if (status != BM25_OK)
		return status;
	if (!get_field(kc, off, UINT32_MAX, &c) || c < r->dict_chunk || c >= r->dir_chunk)
		return bm25_fail(r, BM25_ERR_CORRUPT, "directory chunk %u: bad dictionary chunk number", kc->chunk);
	*dict = (uint32_t) c;
	return BM25_OK;
}

/*
 * Where the entry for lex may start in a keyed chunk: the last restart
 * whose key is <= lex (binary search), so a scan from there meets lex
 * within BM25_RESTART entries.  BM25_NOT_FOUND when lex sorts before the
 * chunk's first key.
 */
static int
seek_restart(Bm25Reader *r, const Bm25Keyed *kc, const char *lex, size_t len, uint32_t *start)
{
	int64_t		lo = 0,
				hi = (int64_t) kc->nr - 1,
				best = -1;

	while (lo <= hi)
	{
		int64_t		mid = (lo + hi) / 2;
		uint32_t	off = bm25_keyed_restart(kc, (uint32_t) mid);
		const char *key;
		size_t		klen;
		int			status = get_key(r, kc, &off, &key, &klen);

		if (status == BM25_END)
			return bm25_fail(r, BM25_ERR_CORRUPT, "chunk %u: restart %u points at padding",
							 kc->chunk, (uint32_t) mid);
		if (status != BM25_OK)
			return status;
		if (bm25_term_cmp(key, klen, lex, len) <= 0)
			best = mid, lo = mid + 1;
		else
			hi = mid - 1;
	}
	if (best < 0)
		return BM25_NOT_FOUND;
	*start = bm25_keyed_restart(kc, (uint32_t) best);
	return BM25_OK;
}

/* The directory chunk that may hold lex: binary search over the
 * directory chunks by their first key. */
static int
find_dir_chunk(Bm25Reader *r, const char *lex, size_t len, Bm25Keyed *kc)
{
	int64_t		lo = r->dir_chunk,
				hi = (int64_t) r->nchunks - 1,
				best = -1;
	int			status;

	while (lo <= hi)
	{
		int64_t		mid = (lo + hi) / 2;
		uint32_t	start;

		if ((status = bm25_keyed_open(r, &r->dict_slot, (uint32_t) mid, kc)) != BM25_OK)
			return status;
		status = seek_restart(r, kc, lex, len, &start);
		if (status < 0)
			return status;
		if (status == BM25_OK)
			best = mid, lo = mid + 1;
		else
			hi = mid - 1;
	}
	if (best < 0)
		return BM25_NOT_FOUND;
	return bm25_keyed_open(r, &r->dict_slot, (uint32_t) best, kc);
}

/* The dictionary chunk that may hold lex (BM25_NOT_FOUND when lex sorts
 * before every term). */
static int
find_dict_chunk(Bm25Reader *r, const char *lex, size_t len, uint32_t *dict)
{
	Bm25Keyed	kc;
	const char *key;
	size_t		klen;
	uint32_t	off = 0,
				c;
	int			status;

	if ((status = find_dir_chunk(r, lex, len, &kc)) != BM25_OK ||
		(status = seek_restart(r, &kc, lex, len, &off)) != BM25_OK)
		return status;
	*dict = UINT32_MAX;
	while ((status = bm25_parse_dir_entry(r, &kc, &off, &key, &klen, &c)) == BM25_OK &&
		   bm25_term_cmp(key, klen, lex, len) <= 0)
		*dict = c;
	if (status < 0)
		return status;
	return *dict == UINT32_MAX ? BM25_NOT_FOUND : BM25_OK;
}

int
Bm25ReaderLookup(Bm25Reader *r, const char *lex, size_t len, Bm25TermInfo *info)
{
	Bm25Keyed	kc;
	Bm25DictEntry e;
	uint32_t	chunk = 0,
				off = 0;
	int			status;

	if (r->nterms == 0)
		return BM25_NOT_FOUND;
	if ((status = find_dict_chunk(r, lex, len, &chunk)) != BM25_OK ||
		(status = bm25_keyed_open(r, &r->dict_slot, chunk, &kc)) != BM25_OK ||
		(status = seek_restart(r, &kc, lex, len, &off)) != BM25_OK)
		return status;
	while ((status = bm25_parse_dict_entry(r, &kc, &off, &e)) == BM25_OK)
	{
		int			c = bm25_term_cmp(e.term, e.len, lex, len);

		if (c == 0)
		{
			*info = e.info;
			return BM25_OK;
		}
		if (c > 0)
			break;
	}
	return status < 0 ? status : BM25_NOT_FOUND;
}

void
bm25_dict_iter_init(Bm25DictIter *it, Bm25Reader *r)
{
	memset(it, 0, sizeof(*it));
	it->r = r;
	it->chunk = r->dict_chunk;
	bm25_slot_init(r, &it->slot);
}

void
bm25_dict_iter_free(Bm25DictIter *it)
{
	bm25_slot_free(&it->slot);
	ArFree(it->prev);
	it->prev = NULL;
}

/* Next entry in term order; checks the order and the term count. */
int
bm25_dict_iter_next(Bm25DictIter *it, Bm25DictEntry *e)
{
	Bm25Reader *r = it->r;

	for (;;)
	{
		Bm25Keyed	kc;
		int			status;

		if (it->chunk >= r->dir_chunk)
		{
			if (it->count != r->nterms)
				return bm25_fail(r, BM25_ERR_CORRUPT, "dictionary holds %u terms, the header says %u",
								 it->count, r->nterms);
			return BM25_END;
		}
		if ((status = bm25_keyed_open(r, &it->slot, it->chunk, &kc)) != BM25_OK)
			return status;
		status = bm25_parse_dict_entry(r, &kc, &it->off, e);
		if (status == BM25_END && it->off == 0)
			return bm25_fail(r, BM25_ERR_CORRUPT, "dictionary chunk %u is empty", it->chunk);
		if (status == BM25_END)
		{
			it->chunk++;
			it->off = 0;
			continue;
		}
		if (status != BM25_OK)
			return status;
		if (it->count > 0 && bm25_term_cmp(it->prev, it->prev_len, e->term, e->len) >= 0)
			return bm25_fail(r, BM25_ERR_CORRUPT, "dictionary chunk %u: terms out of order", it->chunk);
		if (++it->count > r->nterms)
			return bm25_fail(r, BM25_ERR_CORRUPT, "dictionary holds more than the header's %u terms",
							 r->nterms);
		if (e->len > it->prev_cap)
		{
			it->prev_cap = e->len * 2;
			it->prev = ArRealloc(it->prev, it->prev_cap);
		}
		memcpy(it->prev, e->term, e->len);
		it->prev_len = e->len;
		return BM25_OK;
	}
}
